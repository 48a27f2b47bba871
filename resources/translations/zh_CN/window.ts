<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Start training, or resume it (F5)</source>
        <translation>开始训练，或继续训练（F5）</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause training; press again to resume (F6)</source>
        <translation>暂停训练；再按一次继续（F6）</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>Train exactly one epoch, then pause (F10)</source>
        <translation>只训练一轮，然后暂停（F10）</translation>
    </message>
    <message>
        <source>Step One S&amp;ample</source>
        <translation>单样本一步(&amp;A)</translation>
    </message>
    <message>
        <source>Learn from the next training sample alone, then pause (Shift+F10)</source>
        <translation>只用下一个训练样本学习一次，然后暂停（Shift+F10）</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <source>Stop training; the weights stay (Shift+F5)</source>
        <translation>停止训练；权重保持不变（Shift+F5）</translation>
    </message>
    <message>
        <source>&amp;Reset Weights</source>
        <translation>重置权重(&amp;R)</translation>
    </message>
    <message>
        <source>New random weights from the seed, and an empty error history (Ctrl+R)</source>
        <translation>按随机种子重新生成随机权重，并清空误差记录（Ctrl+R）</translation>
    </message>
    <message>
        <source>&amp;Parameters</source>
        <translation>参数(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>P&amp;lots</source>
        <translation>图表(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Explain a Step</source>
        <translation>单步讲解(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Patterns</source>
        <translation>模式(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Recall</source>
        <translation>回忆(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Network or Pattern Grid</source>
        <translation>网络或模式网格(&amp;N)</translation>
    </message>
    <message>
        <source>Put the keyboard in the middle of the window: the network or the pattern grid</source>
        <translation>把键盘焦点移到窗口中间：网络图或模式网格</translation>
    </message>
    <message>
        <source>New &amp;MLP</source>
        <translation>新建 MLP(&amp;M)</translation>
    </message>
    <message>
        <source>A new 2-2-1 multi-layer perceptron</source>
        <translation>新建一个 2-2-1 的多层感知机</translation>
    </message>
    <message>
        <source>New &amp;Perceptron</source>
        <translation>新建感知机(&amp;P)</translation>
    </message>
    <message>
        <source>A new single-layer perceptron with 2 inputs</source>
        <translation>新建一个有 2 个输入的单层感知机</translation>
    </message>
    <message>
        <source>New &amp;Hopfield Memory</source>
        <translation>新建 Hopfield 记忆(&amp;H)</translation>
    </message>
    <message>
        <source>A new Hopfield associative memory: draw patterns, store them, recall them</source>
        <translation>新建一个 Hopfield 联想记忆：画出模式，存储它们，再回忆它们</translation>
    </message>
    <message>
        <source>New &amp;Boltzmann Machine</source>
        <translation>新建玻尔兹曼机(&amp;B)</translation>
    </message>
    <message>
        <source>A new restricted Boltzmann machine: 64 visible units (the digits&apos; 8 x 8 pixels) and 100 hidden ones, learning the digits</source>
        <translation>新建一个受限玻尔兹曼机：64 个可见单元（手写数字的 8 x 8 像素）和 100 个隐藏单元，学习手写数字</translation>
    </message>
    <message>
        <source>C&amp;lassroom Settings…</source>
        <translation>课堂设置(&amp;L)…</translation>
    </message>
    <message>
        <source>Fix parts of an exercise (settings, the network, the data) for students</source>
        <translation>为学生固定练习的某些部分（设置、网络、数据）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close nnsim</source>
        <translation>关闭 nnsim</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Choose the language of the window</source>
        <translation>选择窗口的语言</translation>
    </message>
    <message>
        <source>&amp;Log Error Scale</source>
        <translation>误差对数刻度(&amp;L)</translation>
    </message>
    <message>
        <source>Draw the error on a log scale</source>
        <translation>用对数刻度画误差</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, larger fonts, thicker lines, fewer panels: for a projector (F11)</source>
        <translation>全屏、更大的字、更粗的线、更少的面板：适合投影（F11）</translation>
    </message>
    <message>
        <source>Perceptron Line &amp;Trail</source>
        <translation>感知机分界线轨迹(&amp;T)</translation>
    </message>
    <message>
        <source>Keep a perceptron&apos;s earlier separating lines on the decision plot, faded</source>
        <translation>在决策图上以淡色保留感知机之前的分界线</translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <source>Put the docks back where they began</source>
        <translation>把各个面板放回最初的位置</translation>
    </message>
    <message>
        <source>Randomise &amp;Weights</source>
        <translation>随机权重(&amp;W)</translation>
    </message>
    <message>
        <source>New random weights from a new seed (Ctrl+Shift+R)</source>
        <translation>用新的随机种子生成新的随机权重（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>How to use nnsim, with pictures (F1)</source>
        <translation>nnsim 的使用说明，带插图（F1）</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Short guided lessons, done in the window</source>
        <translation>在窗口里一步步完成的简短课程</translation>
    </message>
    <message>
        <source>Check &amp;Gradients</source>
        <translation>梯度检验(&amp;G)</translation>
    </message>
    <message>
        <source>Compare backpropagation&apos;s gradient with finite differences, weight by weight</source>
        <translation>逐个权重比较反向传播算出的梯度和有限差分的结果</translation>
    </message>
    <message>
        <source>&amp;Probe an Input…</source>
        <translation>探查一个输入(&amp;P)…</translation>
    </message>
    <message>
        <source>Type any inputs and see every neuron&apos;s value for them (Ctrl+P)</source>
        <translation>输入任意数值，查看每个神经元对它们的值（Ctrl+P）</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every shortcut (Ctrl+/)</source>
        <translation>所有快捷键（Ctrl+/）</translation>
    </message>
    <message>
        <source>&amp;About nnsim</source>
        <translation>关于 nnsim(&amp;A)</translation>
    </message>
    <message>
        <source>About nnsim</source>
        <translation>关于 nnsim</translation>
    </message>
    <message>
        <source>Explained Step as Text…</source>
        <translation>单步讲解（文本）…</translation>
    </message>
    <message>
        <source>Every stage of the step Explain a Step shows</source>
        <translation>单步讲解中这一步的每个阶段</translation>
    </message>
    <message>
        <source>Explained Step Numbers as CSV…</source>
        <translation>单步讲解的数值导出为 CSV…</translation>
    </message>
    <message>
        <source>Every number of the step Explain a Step shows: outputs, gradients, the weights after it</source>
        <translation>单步讲解显示的这一步的每个数值：输出、梯度、更新后的权重</translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <source>The project as one web page or PDF for a lab hand-in: the network, settings, curves, results and your notes</source>
        <translation>把项目导出为一个网页或 PDF，用来交实验报告：网络、设置、曲线、结果和你的笔记</translation>
    </message>
</context>
<context>
    <name>AnalysisViews</name>
    <message>
        <source>Gradient flow</source>
        <translation>梯度流</translation>
    </message>
    <message>
        <source>How much of the error&apos;s gradient reaches each layer, over the epochs</source>
        <translation>误差的梯度有多少传到每一层，随训练轮数变化</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <source>The error over a plane through weight space, with the path training took; a race of optimisers from one start</source>
        <translation>权重空间中一个平面上的误差，以及训练走过的路径；还可以让几个优化器从同一起点比赛</translation>
    </message>
    <message>
        <source>State space</source>
        <translation>状态空间</translation>
    </message>
    <message>
        <source>Every sample&apos;s hidden-layer outputs projected to a plane, by class</source>
        <translation>每个样本的隐藏层输出投影到一个平面上，按类别着色</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Each training sample&apos;s error over the run, the hardest ones first</source>
        <translation>每个训练样本在这次训练中的误差，最难的排在前面</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <source>The last four runs side by side, their differing settings highlighted</source>
        <translation>最近四次训练并排对比，不同的设置会突出显示</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <source>Float {panel} in its own window (double-click its title to dock it)</source>
        <translation>让“{panel}”面板浮动为单独的窗口（双击它的标题可停靠回去）</translation>
    </message>
    <message>
        <source>Close {panel} (View shows it again)</source>
        <translation>关闭“{panel}”面板（在“视图”菜单中可以再显示）</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>回忆</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Explain a step</source>
        <translation>单步讲解</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>A neural-network simulator for learning and teaching: Rosenblatt perceptrons, ADALINE and its normalised rule, multi-layer perceptrons trained by backpropagation, and Hopfield memories. Every number a network computes can be seen.</source>
        <translation>一个用于学习和教学的神经网络模拟器：Rosenblatt 感知机、ADALINE 及其归一化规则、用反向传播训练的多层感知机，以及 Hopfield 记忆。网络算出的每一个数都能看到。</translation>
    </message>
    <message>
        <source>Copyright (c) 2026 the nnsim developers. MIT licence (the LICENSE file).</source>
        <translation>版权所有 (c) 2026 nnsim 开发者。MIT 许可证（见 LICENSE 文件）。</translation>
    </message>
    <message>
        <source>Built on NumPy, Qt (PySide6), pyqtgraph, superqt and psygnal.</source>
        <translation>基于 NumPy、Qt (PySide6)、pyqtgraph、superqt 和 psygnal 构建。</translation>
    </message>
    <message>
        <source>Running on Python {python}, Qt {qt}, PySide6 {pyside}, NumPy {numpy}, pyqtgraph {pyqtgraph} ({system} {machine}).</source>
        <translation>运行环境：Python {python}、Qt {qt}、PySide6 {pyside}、NumPy {numpy}、pyqtgraph {pyqtgraph}（{system} {machine}）。</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>About nnsim</source>
        <translation>关于 nnsim</translation>
    </message>
    <message>
        <source>{page} could not be read ({reason}). Reinstall nnsim.</source>
        <translation>无法读取 {page}（{reason}）。请重新安装 nnsim。</translation>
    </message>
    <message>
        <source>nnsim user guide</source>
        <translation>nnsim 用户指南</translation>
    </message>
    <message>
        <source>The user guide could not be found ({reason}). Reinstall nnsim.</source>
        <translation>找不到用户指南（{reason}）。请重新安装 nnsim。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Back to the page or place you came from</source>
        <translation>回到你来的页面或位置</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Forward again</source>
        <translation>再前进</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>The guide&apos;s first page</source>
        <translation>指南的第一页</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>&amp;Go To</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>Go to Network or Pattern Grid</source>
        <translation>转到网络或模式网格</translation>
    </message>
    <message>
        <source>Show the {panel} panel and put the keyboard in it ({keys})</source>
        <translation>显示“{panel}”面板，并把键盘焦点移到其中（{keys}）</translation>
    </message>
    <message>
        <source>Go to {panel}</source>
        <translation>转到{panel}</translation>
    </message>
</context>
<context>
    <name>LessonsMenu</name>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Error &amp;&amp; boundary</source>
        <translation>误差与边界</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>start a new network</source>
        <translation>新建网络</translation>
    </message>
    <message>
        <source>Hopfield memory</source>
        <translation>Hopfield 记忆</translation>
    </message>
    <message>
        <source>New Hopfield memory</source>
        <translation>新建 Hopfield 记忆</translation>
    </message>
    <message>
        <source>Neurons (a square grid):</source>
        <translation>神经元（正方形网格）：</translation>
    </message>
    <message>
        <source>{name}[*] - nnsim</source>
        <translation>{name}[*] - nnsim</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Network Diagram</source>
        <translation>网络图</translation>
    </message>
    <message>
        <source>A Hopfield memory has no network diagram: export its pattern grid.</source>
        <translation>Hopfield 记忆没有网络图：请导出它的模式网格。</translation>
    </message>
    <message>
        <source>Pattern Grid</source>
        <translation>模式网格</translation>
    </message>
    <message>
        <source>Only a Hopfield memory has a pattern grid.</source>
        <translation>只有 Hopfield 记忆才有模式网格。</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Show the Results tab first (Plots &gt; Results).</source>
        <translation>请先显示“结果”标签页（图表 &gt; 结果）。</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Show the Diagnostics tab first (Plots &gt; Diagnostics).</source>
        <translation>请先显示“诊断”标签页（图表 &gt; 诊断）。</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>网络(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>PruneCommand</name>
    <message>
        <source>Prune 1 weight</source>
        <translation>剪枝 1 个权重</translation>
    </message>
    <message>
        <source>Prune {count} weights</source>
        <translation>剪枝 {count} 个权重</translation>
    </message>
    <message>
        <source>The pruned connections are back, with new weights: the network cannot be built now to give them their old ones.</source>
        <translation>剪掉的连接已恢复，但权重是新的：网络现在无法构建，不能还原它们原来的权重。</translation>
    </message>
</context>
<context>
    <name>PruneDialog</name>
    <message>
        <source>Prune weights</source>
        <translation>剪枝权重</translation>
    </message>
    <message>
        <source>Removes the connections whose weights are smallest in size; biases stay, and every other weight keeps its value. Nothing is trained again: the score after is the network&apos;s own without those connections. Undo puts them back.</source>
        <translation>移除权重绝对值最小的连接；偏置保留，其他权重的值都不变。不会重新训练：剪枝后的成绩就是网络去掉这些连接后自己的表现。撤销可以把它们恢复。</translation>
    </message>
    <message>
        <source>The share of the connections to remove</source>
        <translation>要移除的连接所占的比例</translation>
    </message>
    <message>
        <source>Prune</source>
        <translation>剪枝</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Share to remove:</source>
        <translation>移除比例：</translation>
    </message>
    <message>
        <source>Connections removed:</source>
        <translation>移除的连接：</translation>
    </message>
    <message>
        <source>Accuracy:</source>
        <translation>准确率：</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>误差：</translation>
    </message>
    <message>
        <source>{count} of {total} (weights up to {size} in size)</source>
        <translation>{total} 个中的 {count} 个（权重绝对值至多 {size}）</translation>
    </message>
    <message>
        <source>{count} of {total}</source>
        <translation>{total} 个中的 {count} 个</translation>
    </message>
    <message>
        <source>No connection can go: each is the last way out of its neuron.</source>
        <translation>没有连接可以移除：每个都是其神经元仅剩的输出连接。</translation>
    </message>
    <message>
        <source>No connection goes at this share: raise it.</source>
        <translation>按这个比例没有连接会被移除：请调高比例。</translation>
    </message>
    <message>
        <source>{count} small connection(s) stay: each is the last way out of its neuron, and without it nothing the neuron computes would reach the output.</source>
        <translation>{count} 个较小的连接被保留：每个都是其神经元仅剩的输出连接，没有它，这个神经元算出的值就到不了输出层。</translation>
    </message>
</context>
<context>
    <name>PruneWeights</name>
    <message>
        <source>Pr&amp;une Weights…</source>
        <translation>剪枝权重(&amp;U)…</translation>
    </message>
    <message>
        <source>Remove the connections with the smallest weights and see the accuracy before and after</source>
        <translation>移除权重最小的连接，并查看剪枝前后的准确率</translation>
    </message>
    <message>
        <source>prune weights</source>
        <translation>剪枝权重</translation>
    </message>
    <message>
        <source>Cannot prune</source>
        <translation>无法剪枝</translation>
    </message>
    <message>
        <source>Pruned {count} of {total} connections: {score}.</source>
        <translation>已剪掉 {total} 个连接中的 {count} 个：{score}。</translation>
    </message>
    <message>
        <source>error {before} → {after}</source>
        <translation>误差 {before} → {after}</translation>
    </message>
    <message>
        <source>accuracy {before} → {after}</source>
        <translation>准确率 {before} → {after}</translation>
    </message>
    <message>
        <source>{accuracy}, {error}</source>
        <translation>{accuracy}，{error}</translation>
    </message>
</context>
<context>
    <name>TrainMenu</name>
    <message>
        <source>Training is using the network: stop it (Train &gt; Stop) to change the network.</source>
        <translation>训练正在使用网络：要修改网络，请先停止训练（训练 &gt; 停止）。</translation>
    </message>
    <message>
        <source>Only the learning rate, momentum and speed change while training runs: stop it to change the rest.</source>
        <translation>训练进行时只能修改学习率、动量和速度：要修改其他设置，请先停止训练。</translation>
    </message>
    <message>
        <source>Cannot train</source>
        <translation>无法训练</translation>
    </message>
    <message>
        <source>Stop training?</source>
        <translation>停止训练？</translation>
    </message>
    <message>
        <source>Training is using the network. Stop it to {what}?</source>
        <translation>训练正在使用网络。要停止训练来{what}吗？</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>The network and its data fit again: ready to train.</source>
        <translation>网络和数据又匹配了：可以训练了。</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
</context>
</TS>
