<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Import Data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <source>Train on your own data: a CSV table with a column per input and target (Ctrl+I)</source>
        <translation>用你自己的数据训练：一个 CSV 表格，每个输入和目标各占一列（Ctrl+I）</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>打开一个项目</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the project in a new file</source>
        <translation>把项目保存为新文件</translation>
    </message>
    <message>
        <source>Open &amp;Example…</source>
        <translation>打开示例(&amp;E)…</translation>
    </message>
    <message>
        <source>Open one of the tutorials&apos; networks, ready to train (Ctrl+E)</source>
        <translation>打开教程中的一个网络，可直接训练（Ctrl+E）</translation>
    </message>
    <message>
        <source>Learn a &amp;Pattern Set…</source>
        <translation>学习模式集(&amp;P)…</translation>
    </message>
    <message>
        <source>A Boltzmann machine learns a built-in set of patterns (letters, digits, shapes) instead of the digits data</source>
        <translation>让玻尔兹曼机学习一个内置的模式集（字母、数字、形状），而不是手写数字数据</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation>自动保存失败：{reason}</translation>
    </message>
    <message>
        <source>nnsim did not close properly last time. Open the work it autosaved at {time}?</source>
        <translation>nnsim 上次没有正常关闭。要打开它在 {time} 自动保存的工作吗？</translation>
    </message>
    <message>
        <source>The autosave could not be opened: {reason}</source>
        <translation>无法打开自动保存的文件：{reason}</translation>
    </message>
    <message>
        <source>Autosaved work restored: save it to keep it.</source>
        <translation>已恢复自动保存的工作：请保存以免丢失。</translation>
    </message>
    <message>
        <source>Restore autosaved work?</source>
        <translation>恢复自动保存的工作？</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import {name}</source>
        <translation>导入 {name}</translation>
    </message>
    <message>
        <source>What separates the columns (guessed from the file)</source>
        <translation>列与列之间的分隔符（根据文件猜测）</translation>
    </message>
    <message>
        <source>What marks the decimals in the file&apos;s numbers (guessed): a point, or a comma as spreadsheets write them where fields are separated by semicolons</source>
        <translation>文件中数字的小数点符号（猜测所得）：句点，或逗号（以分号分隔字段的电子表格会这样写）</translation>
    </message>
    <message>
        <source>The first row names the columns</source>
        <translation>第一行是列名</translation>
    </message>
    <message>
        <source>Automatic: a target of names or a few whole numbers is a class; others are values</source>
        <translation>自动：目标是名称或少数几个整数时按类别处理，否则按数值处理</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>Decimal separator</source>
        <translation>小数点</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Choose what each column is: an input, the target, or ignored.</source>
        <translation>为每一列选择用途：输入、目标，或忽略。</translation>
    </message>
    <message>
        <source>role</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>What column {number} ({name}) is</source>
        <translation>第 {number} 列（{name}）的用途</translation>
    </message>
    <message>
        <source>Showing {shown} of {columns} columns (the first {first} and the last); the {hidden} others keep the roles guessed for them: {inputs} inputs, {ignored} ignored.</source>
        <translation>显示了 {columns} 列中的 {shown} 列（前 {first} 列和最后一列）；其余 {hidden} 列保持猜测的用途：{inputs} 个输入，{ignored} 个忽略。</translation>
    </message>
</context>
<context>
    <name>DataDock</name>
    <message>
        <source>The inputs are not scaled (Input normalisation: none): the values are the data&apos;s own</source>
        <translation>输入未经缩放（输入归一化：无）：显示的是数据本身的数值</translation>
    </message>
    <message>
        <source> The network sees the inputs {method} scaled, as shown here.</source>
        <translation>网络看到的输入经过 {method} 缩放，如这里所示。</translation>
    </message>
    <message>
        <source> The network sees the inputs {method} scaled; the table and the plots show the data&apos;s own numbers.</source>
        <translation>网络看到的输入经过 {method} 缩放；表格和图中显示的是数据本身的数值。</translation>
    </message>
</context>
<context>
    <name>DataImporter</name>
    <message>
        <source>A Hopfield memory stores patterns, not a data set: there is no data to import into it.</source>
        <translation>Hopfield 网络存储的是模式，而不是数据集：没有可以导入数据的地方。</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>use the new data</source>
        <translation>使用新数据</translation>
    </message>
    <message>
        <source>The data does not fit the network, and {fixed}</source>
        <translation>数据与网络不匹配，而且{fixed}</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>导入 {name}</translation>
    </message>
    <message>
        <source>Resize layer</source>
        <translation>调整层大小</translation>
    </message>
    <message>
        <source>Training data: {description}</source>
        <translation>训练数据：{description}</translation>
    </message>
    <message>
        <source>Fit the network to the data?</source>
        <translation>让网络适应数据？</translation>
    </message>
    <message>
        <source>Could not import the data</source>
        <translation>无法导入数据</translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <source>Select every sample</source>
        <translation>选择所有样本</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation>散点图</translation>
    </message>
    <message>
        <source>Draw Points</source>
        <translation>画点</translation>
    </message>
    <message>
        <source>The class of the points a click adds</source>
        <translation>点击添加的点所属的类别</translation>
    </message>
    <message>
        <source>Show scaled values</source>
        <translation>显示缩放后的数值</translation>
    </message>
    <message>
        <source>of class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Show the inputs {method} scaled, as the network sees them, instead of the data&apos;s own numbers</source>
        <translation>显示经过 {method} 缩放的输入（网络看到的样子），而不是数据本身的数值</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: {description} {training} training and {validation} validation samples.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;：{description} 训练样本 {training} 个，验证样本 {validation} 个。</translation>
    </message>
    <message>
        <source>A scatter needs 2 inputs; {name} has {count}.</source>
        <translation>散点图需要 2 个输入；{name} 有 {count} 个。</translation>
    </message>
    <message>
        <source>Click on the decision plot to add points; right-click removes the nearest</source>
        <translation>在决策边界图上点击添加点；右键删除最近的点</translation>
    </message>
</context>
<context>
    <name>DerivedInputs</name>
    <message>
        <source>Resize the input layer</source>
        <translation>调整输入层大小</translation>
    </message>
</context>
<context>
    <name>ExamplePicker</name>
    <message>
        <source>Open Example</source>
        <translation>打开示例</translation>
    </message>
    <message>
        <source>Ready networks that follow the tutorials&apos; worked examples.</source>
        <translation>按教程例题搭好的网络。</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Weights as &amp;NPZ…</source>
        <translation>权重导出为 NPZ(&amp;N)…</translation>
    </message>
    <message>
        <source>Every layer&apos;s weights and biases as NumPy arrays</source>
        <translation>每一层的权重和偏置，保存为 NumPy 数组</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npz)</source>
        <translation>NumPy 数组 (*.npz)</translation>
    </message>
    <message>
        <source>Weights as &amp;JSON…</source>
        <translation>权重导出为 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>Every layer&apos;s activation, weights and biases</source>
        <translation>每一层的激活函数、权重和偏置</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Network as Python &amp;Script…</source>
        <translation>网络导出为 Python 脚本(&amp;S)…</translation>
    </message>
    <message>
        <source>A Python file needing only NumPy that computes the network&apos;s outputs</source>
        <translation>一个只需要 NumPy 的 Python 文件，计算网络的输出</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Training as Python Script…</source>
        <translation>训练过程导出为 Python 脚本…</translation>
    </message>
    <message>
        <source>A Python file needing only NumPy that trains the network again from its seed, to the same weights</source>
        <translation>一个只需要 NumPy 的 Python 文件：从同一个随机种子重新训练网络，得到相同的权重</translation>
    </message>
    <message>
        <source>Training as Jupyter &amp;Notebook…</source>
        <translation>训练过程导出为 Jupyter 笔记本(&amp;N)…</translation>
    </message>
    <message>
        <source>The same training, step by step in a notebook, with its error curve</source>
        <translation>同样的训练，在笔记本里一步一步进行，并画出误差曲线</translation>
    </message>
    <message>
        <source>Jupyter notebook (*.ipynb)</source>
        <translation>Jupyter 笔记本 (*.ipynb)</translation>
    </message>
    <message>
        <source>Training as P&amp;yTorch Script…</source>
        <translation>训练过程导出为 PyTorch 脚本(&amp;Y)…</translation>
    </message>
    <message>
        <source>The same network and settings in PyTorch, for moving on (it trains alike, not to the same digits)</source>
        <translation>用 PyTorch 写出同样的网络和设置，方便进一步学习（训练过程相似，但数字不会完全相同）</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Error History as CSV…</source>
        <translation>误差历史导出为 CSV…</translation>
    </message>
    <message>
        <source>The error of every epoch</source>
        <translation>每一轮的误差</translation>
    </message>
    <message>
        <source>Predictions as CSV…</source>
        <translation>预测导出为 CSV…</translation>
    </message>
    <message>
        <source>Every sample&apos;s inputs, targets and the network&apos;s outputs</source>
        <translation>每个样本的输入、目标和网络的输出</translation>
    </message>
    <message>
        <source>The {view} as it is drawn now</source>
        <translation>{view}当前的样子</translation>
    </message>
    <message>
        <source>{view} as PNG…</source>
        <translation>{view}导出为 PNG…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>{view} as SVG…</source>
        <translation>{view}导出为 SVG…</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>{view} Numbers as CSV…</source>
        <translation>{view}数据导出为 CSV…</translation>
    </message>
    <message>
        <source>The numbers the {view} shows</source>
        <translation>{view}所显示的数据</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>没有可导出的内容</translation>
    </message>
    <message>
        <source>build one first.</source>
        <translation>请先搭建一个网络。</translation>
    </message>
    <message>
        <source>There is no network to export yet: {reason}</source>
        <translation>还没有可导出的网络：{reason}</translation>
    </message>
    <message>
        <source>A Boltzmann machine&apos;s weights are exported as NPZ: the JSON file and the Python script are written for networks whose layers feed forward.</source>
        <translation>玻尔兹曼机的权重只能导出为 NPZ：JSON 文件和 Python 脚本是为逐层前馈的网络准备的。</translation>
    </message>
    <message>
        <source>A Boltzmann machine&apos;s training is not exported as a script or a notebook: save the project, and train it again with nnsim train PROJECT.</source>
        <translation>玻尔兹曼机的训练过程不能导出为脚本或笔记本：请保存项目，再用 nnsim train PROJECT 重新训练。</translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <source>Qt could not write the PNG image {name}.</source>
        <translation>Qt 无法写入 PNG 图片 {name}。</translation>
    </message>
    <message>
        <source>Qt could not start the SVG drawing {name}.</source>
        <translation>Qt 无法开始绘制 SVG 矢量图 {name}。</translation>
    </message>
    <message>
        <source>Save Plot as PNG…</source>
        <translation>图表另存为 PNG…</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Show the whole plot again after zooming</source>
        <translation>缩放之后重新显示整个图</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>另存为 SVG…</translation>
    </message>
    <message>
        <source>Save Numbers as CSV…</source>
        <translation>数值另存为 CSV…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Save Plot as SVG…</source>
        <translation>图表另存为 SVG…</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Save Data as CSV…</source>
        <translation>数据另存为 CSV…</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>nnsim projects ({patterns})</source>
        <translation>nnsim 项目 ({patterns})</translation>
    </message>
    <message>
        <source>nnsim could not show it, so nothing was changed. This is a fault in nnsim, not in your file: the details for a bug report went to the terminal.</source>
        <translation>nnsim 无法显示它，所以什么都没有改变。这是 nnsim 的错误，不是你的文件的问题：用于报告错误的详细信息已输出到终端。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>ignore</source>
        <translation>忽略</translation>
    </message>
</context>
<context>
    <name>Importing</name>
    <message>
        <source>CSV tables (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>CSV 表格 (*.csv *.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The data has {data_inputs} and {data_outputs}; the network has {inputs} and {outputs}. Resize the network&apos;s input and output layers to fit? (Weights into and out of them start again; undo puts everything back.)</source>
        <translation>数据有 {data_inputs}和 {data_outputs}；网络有 {inputs}和 {outputs}。要调整网络输入层和输出层的大小来适应数据吗？（连到这两层的权重会重新开始；撤销可以全部恢复。）</translation>
    </message>
    <message>
        <source>{n} input</source>
        <translation>{n} 个输入</translation>
    </message>
    <message>
        <source>{n} inputs</source>
        <translation>{n} 个输入</translation>
    </message>
    <message>
        <source>{n} output</source>
        <translation>{n} 个输出</translation>
    </message>
    <message>
        <source>{n} outputs</source>
        <translation>{n} 个输出</translation>
    </message>
</context>
<context>
    <name>PatternData</name>
    <message>
        <source>A pattern set is data for a Boltzmann machine: make one with File &gt; New Boltzmann Machine first (a Hopfield memory opens pattern sets in its workspace).</source>
        <translation>模式集是给玻尔兹曼机用的数据：请先用“文件 &gt; 新建玻尔兹曼机”建一台（Hopfield 记忆在它自己的工作区里打开模式集）。</translation>
    </message>
    <message>
        <source>Learn a pattern set</source>
        <translation>学习模式集</translation>
    </message>
    <message>
        <source>Patterns for the machine to learn:</source>
        <translation>要让玻尔兹曼机学习的模式：</translation>
    </message>
</context>
<context>
    <name>PointDrawing</name>
    <message>
        <source>Drawing: click to add a point of the chosen class, right-click to remove one.</source>
        <translation>画点：点击添加一个所选类别的点，右键删除一个点。</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to {name} first?</source>
        <translation>先保存对 {name} 的更改吗？</translation>
    </message>
    <message>
        <source>open another project</source>
        <translation>打开另一个项目</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>{name} opened.</source>
        <translation>已打开 {name}。</translation>
    </message>
    <message>
        <source>open an example</source>
        <translation>打开示例</translation>
    </message>
    <message>
        <source>Example opened: {name}.</source>
        <translation>已打开示例：{name}。</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}：{reason}</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Could not save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>{name} saved.</source>
        <translation>已保存 {name}。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>The pattern grid</source>
        <translation>模式网格</translation>
    </message>
    <message>
        <source>Energy during recall</source>
        <translation>回忆过程中的能量</translation>
    </message>
    <message>
        <source>Overlap with each stored pattern</source>
        <translation>与每个已存储模式的重叠度</translation>
    </message>
    <message>
        <source>The network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>The error during training</source>
        <translation>训练过程中的误差</translation>
    </message>
    <message>
        <source>The decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Epochs trained</source>
        <translation>已训练轮数</translation>
    </message>
    <message>
        <source>Training error</source>
        <translation>训练误差</translation>
    </message>
    <message>
        <source>Validation error</source>
        <translation>验证误差</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Where training ended</source>
        <translation>训练结束时</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: true class)</source>
        <translation>混淆矩阵（行：真实类别）</translation>
    </message>
    <message>
        <source>Scores per class</source>
        <translation>各类别的得分</translation>
    </message>
    <message>
        <source>{when}, nnsim {version}</source>
        <translation>{when}，nnsim {version}</translation>
    </message>
    <message>
        <source>Qt could not write the PDF {name}.</source>
        <translation>Qt 无法写入 PDF 文件 {name}。</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Your notes for the report (they may be left empty):</source>
        <translation>你为报告写的说明（可以留空）：</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Report saved: {name}</source>
        <translation>报告已保存：{name}</translation>
    </message>
</context>
<context>
    <name>SamplesModel</name>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>part</source>
        <translation>所属部分</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
</context>
<context>
    <name>SettingCommand</name>
    <message>
        <source>Set {setting}</source>
        <translation>设置{setting}</translation>
    </message>
</context>
</TS>
