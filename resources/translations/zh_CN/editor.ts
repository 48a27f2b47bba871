<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>Select/Move</source>
        <translation>选择/移动</translation>
    </message>
    <message>
        <source>Select and move neurons (S)</source>
        <translation>选择并移动神经元 (S)</translation>
    </message>
    <message>
        <source>Add Neuron</source>
        <translation>添加神经元</translation>
    </message>
    <message>
        <source>Click in a layer to add a neuron; beside the layers to start a new one (N)</source>
        <translation>在某一层里单击，添加一个神经元；在各层旁边单击，新建一层 (N)</translation>
    </message>
    <message>
        <source>Add Layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Click to insert a layer there (L)</source>
        <translation>单击，在那里插入一层 (L)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Drag from a neuron to a neuron of a later layer (C)</source>
        <translation>从一个神经元拖到后面某一层的一个神经元 (C)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected neurons and connections (Del)</source>
        <translation>删除选中的神经元和连接 (Del)</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Select every neuron and connection (Ctrl+A)</source>
        <translation>选中所有神经元和连接 (Ctrl+A)</translation>
    </message>
    <message>
        <source>Fit to Window</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole network (Ctrl+0)</source>
        <translation>显示整个网络 (Ctrl+0)</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Connect New Neurons</source>
        <translation>自动连接新神经元</translation>
    </message>
    <message>
        <source>New neurons and layers connect fully to the layers beside them</source>
        <translation>新的神经元和层与相邻的层全连接</translation>
    </message>
    <message>
        <source>Layers Bottom to Top</source>
        <translation>各层自下而上</translation>
    </message>
    <message>
        <source>Draw the input at the bottom and the output at the top, as some textbooks do</source>
        <translation>像有些教科书那样，输入画在下面，输出画在上面</translation>
    </message>
    <message>
        <source>Weights on Connections</source>
        <translation>在连接上写出权重</translation>
    </message>
    <message>
        <source>Write each weight on its connection (for networks of up to 16 connections)</source>
        <translation>把每个权重写在它的连接上（连接不超过 16 个的网络）</translation>
    </message>
    <message>
        <source>Neuron Maps</source>
        <translation>神经元图</translation>
    </message>
    <message>
        <source>Draw in each neuron its output over the input plane, coloured as the decision boundary (for networks with two inputs and up to 64 neurons after them); for the digits, each first hidden neuron&apos;s weights as an 8 x 8 picture. Networks with other inputs get no maps</source>
        <translation>在每个神经元里画出它在输入平面上的输出，配色与决策边界相同（适用于有两个输入、其后最多 64 个神经元的网络）；对于手写数字，第一个隐藏层的每个神经元画出它的权重，排成 8 x 8 的图。其他输入的网络不画图</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Auto-Connect</source>
        <translation>自动连接</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
</context>
<context>
    <name>ClassroomCommand</name>
    <message>
        <source>Classroom settings</source>
        <translation>课堂设置</translation>
    </message>
</context>
<context>
    <name>ClassroomDialog</name>
    <message>
        <source>Classroom settings</source>
        <translation>课堂设置</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Freeze the network: the editor takes no edits</source>
        <translation>锁定网络：编辑器不接受任何修改</translation>
    </message>
    <message>
        <source>Freeze the data: no import, no drawing, its settings fixed</source>
        <translation>锁定数据：不能导入，不能绘制，数据的设置也不能改</translation>
    </message>
    <message>
        <source>Students who open the saved project see the exercise so: frozen settings can be read but not changed, hidden ones are not shown. While anything is fixed, the random seed is fixed too, so everyone starts from the same weights.</source>
        <translation>学生打开保存的项目后，看到的练习就是这样：锁定的设置只能看，不能改；隐藏的设置不显示。只要有任何内容被固定，随机种子也会固定，这样每个人都从相同的权重开始。</translation>
    </message>
    <message>
        <source>Lesson with the exercise:</source>
        <translation>练习附带的课程：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>From a File...</source>
        <translation>从文件选择...</translation>
    </message>
    <message>
        <source>Include a lesson</source>
        <translation>选择要附带的课程</translation>
    </message>
    <message>
        <source>Lessons (*.json)</source>
        <translation>课程 (*.json)</translation>
    </message>
    <message>
        <source>Not a lesson</source>
        <translation>不是课程文件</translation>
    </message>
</context>
<context>
    <name>ConnectionItem</name>
    <message>
        <source>{source} → {target}
weight w = {weight}</source>
        <translation>{source} → {target}
权重 w = {weight}</translation>
    </message>
</context>
<context>
    <name>EditorMenus</name>
    <message>
        <source>Save Diagram as PNG…</source>
        <translation>将网络图保存为 PNG…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Save Diagram as SVG…</source>
        <translation>将网络图保存为 SVG…</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Set Bias…</source>
        <translation>设置偏置…</translation>
    </message>
    <message>
        <source>Delete neuron</source>
        <translation>删除神经元</translation>
    </message>
    <message>
        <source>Set Weight…</source>
        <translation>设置权重…</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Add layer here</source>
        <translation>在这里添加一层</translation>
    </message>
    <message>
        <source>Biases</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Add neuron to {layer}</source>
        <translation>添加神经元到{layer}</translation>
    </message>
    <message>
        <source>Layer size…</source>
        <translation>层的大小…</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Delete {layer}</source>
        <translation>删除{layer}</translation>
    </message>
    <message>
        <source>Layer size</source>
        <translation>层的大小</translation>
    </message>
    <message>
        <source>Neurons in {layer}:</source>
        <translation>神经元个数（{layer}）：</translation>
    </message>
</context>
<context>
    <name>EditorView</name>
    <message>
        <source>Add neuron</source>
        <translation>添加神经元</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Change layer size</source>
        <translation>更改层的大小</translation>
    </message>
    <message>
        <source>Change activation</source>
        <translation>更改激活函数</translation>
    </message>
    <message>
        <source>Biases on</source>
        <translation>开启偏置</translation>
    </message>
    <message>
        <source>Biases off</source>
        <translation>关闭偏置</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>微移</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete neuron</source>
        <translation>删除神经元</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Move neuron</source>
        <translation>移动神经元</translation>
    </message>
    <message>
        <source>Move {count} neurons</source>
        <translation>移动 {count} 个神经元</translation>
    </message>
</context>
<context>
    <name>EditorWidget</name>
    <message>
        <source>Editor</source>
        <translation>编辑器</translation>
    </message>
    <message>
        <source>Editor edits</source>
        <translation>编辑器操作</translation>
    </message>
</context>
<context>
    <name>LayerItem</name>
    <message>
        <source>⋮ {count} more</source>
        <translation>⋮ 另有 {count} 个</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Choose a lesson and press Start.</source>
        <translation>选择一节课程，然后按“开始”。</translation>
    </message>
    <message>
        <source>your prediction</source>
        <translation>你的预测</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Show Me</source>
        <translation>示范</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Exercise: {title}</source>
        <translation>练习：{title}</translation>
    </message>
    <message>
        <source>You were at step {step} of this lesson: press Start to go on.</source>
        <translation>你上次做到这节课程的第 {step} 步：按“开始”继续。</translation>
    </message>
    <message>
        <source>Not quite: it is {answer}.</source>
        <translation>不太对：应该是 {answer}。</translation>
    </message>
    <message>
        <source>{verdict} {why}</source>
        <translation>{verdict}{why}</translation>
    </message>
    <message>
        <source>Step {step} of {steps}</source>
        <translation>第 {step} 步，共 {steps} 步</translation>
    </message>
    <message>
        <source>(This step is not translated yet: it is in English.)</source>
        <translation>（这一步还没有中文翻译，上面是英文原文。）</translation>
    </message>
    <message>
        <source>The lesson was not started: your work stays open.</source>
        <translation>课程没有开始：你的工作仍然打开着。</translation>
    </message>
    <message>
        <source>New to neural networks? These lessons go from one weight guessed by hand to backpropagation and Hopfield memories: you do each step yourself, predict the numbers, and nnsim checks them. Choose lesson 1 and press Start, or close this panel to explore on your own (Help &gt; Lessons brings it back).</source>
        <translation>刚接触神经网络？这些课程从手动猜一个权重开始，一直讲到反向传播和 Hopfield 记忆：每一步都由你自己动手，先预测数值，再由 nnsim 检查。选择课程 1 并按“开始”，或者关闭这个面板，自己探索（“帮助 &gt; 课程”可以再打开它）。</translation>
    </message>
    <message>
        <source>Type a number, then press Check.</source>
        <translation>请输入一个数，再按“检查”。</translation>
    </message>
    <message>
        <source>Right.</source>
        <translation>正确。</translation>
    </message>
    <message>
        <source>The next step opens an example: save or discard your changes to go on.</source>
        <translation>下一步要打开一个示例：请先保存或放弃你的修改，再继续。</translation>
    </message>
    <message>
        <source>Lesson done. Choose another, or carry on exploring.</source>
        <translation>这节课程完成了。可以选择另一节，或者继续自己探索。</translation>
    </message>
</context>
<context>
    <name>NumberCommand</name>
    <message>
        <source>Set weight {source} → {target}</source>
        <translation>设置权重 {source} → {target}</translation>
    </message>
    <message>
        <source>Set bias of {neuron}</source>
        <translation>设置 {neuron} 的偏置</translation>
    </message>
</context>
<context>
    <name>NumberSetter</name>
    <message>
        <source>Set Bias</source>
        <translation>设置偏置</translation>
    </message>
    <message>
        <source>The bias of {neuron}:</source>
        <translation>{neuron}的偏置：</translation>
    </message>
    <message>
        <source>The weight from {source} to {target}:</source>
        <translation>从{source}到{target}的权重：</translation>
    </message>
    <message>
        <source>Training is using the network: stop it to set a number by hand.</source>
        <translation>训练正在使用网络：先停止训练，才能手动设置数值。</translation>
    </message>
    <message>
        <source>Set Weight</source>
        <translation>设置权重</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>the input neuron</source>
        <translation>输入神经元</translation>
    </message>
    <message>
        <source>the output neuron</source>
        <translation>输出神经元</translation>
    </message>
    <message>
        <source>the neuron of hidden layer {layer}</source>
        <translation>隐藏层 {layer} 的神经元</translation>
    </message>
    <message>
        <source>neuron {number} of the input layer</source>
        <translation>输入层的第 {number} 个神经元</translation>
    </message>
    <message>
        <source>neuron {number} of the output layer</source>
        <translation>输出层的第 {number} 个神经元</translation>
    </message>
    <message>
        <source>neuron {number} of hidden layer {layer}</source>
        <translation>隐藏层 {layer} 的第 {number} 个神经元</translation>
    </message>
    <message>
        <source>visible neuron {number}</source>
        <translation>第 {number} 个可见神经元</translation>
    </message>
    <message>
        <source>hidden neuron {number}</source>
        <translation>第 {number} 个隐藏神经元</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>step</source>
        <translation>step（阶跃）</translation>
    </message>
    <message>
        <source>sign</source>
        <translation>sign（符号）</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>linear（线性）</translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <source>Output activation</source>
        <translation>输出层激活函数</translation>
    </message>
    <message>
        <source>The function the output neurons apply to their weighted sums</source>
        <translation>输出神经元对加权和使用的函数</translation>
    </message>
    <message>
        <source>Hidden {index} activation</source>
        <translation>隐藏层 {index} 激活函数</translation>
    </message>
    <message>
        <source>The function the neurons of hidden layer {index} apply to their weighted sums</source>
        <translation>隐藏层 {index} 的神经元对加权和使用的函数</translation>
    </message>
    <message>
        <source>The share of the neurons of hidden layer {index} left out at random for each sample in training (0: none). The training error is measured with them left out; predictions, the validation error and the views use every neuron</source>
        <translation>训练时对每个样本随机丢弃隐藏层 {index} 中神经元的比例（0：不丢弃）。训练误差是丢弃后测得的；预测、验证误差和各个视图都使用全部神经元</translation>
    </message>
    <message>
        <source>Hidden {index} dropout</source>
        <translation>隐藏层 {index} 随机失活</translation>
    </message>
</context>
<context>
    <name>Scene</name>
    <message>
        <source>Input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>可见层</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Hidden {index}</source>
        <translation>隐藏层 {index}</translation>
    </message>
    <message>
        <source>{neuron} (input)
output a = x = {output}</source>
        <translation>{neuron}（输入）
输出 a = x = {output}</translation>
    </message>
    <message>
        <source>net input z = {z}</source>
        <translation>净输入 z = {z}</translation>
    </message>
    <message>
        <source>bias b = {b}</source>
        <translation>偏置 b = {b}</translation>
    </message>
    <message>
        <source>output a = {activation}(z) = {output}</source>
        <translation>输出 a = {activation}(z) = {output}</translation>
    </message>
</context>
<context>
    <name>SettingCommand</name>
    <message>
        <source>Set {setting}</source>
        <translation>设置{setting}</translation>
    </message>
</context>
<context>
    <name>UseDataCommand</name>
    <message>
        <source>Import {name}</source>
        <translation>导入 {name}</translation>
    </message>
</context>
</TS>
