<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Basins</name>
    <message>
        <source>Basins need stored patterns of -1 and +1.</source>
        <translation>测量吸引域需要由 -1 和 +1 组成的已存储模式。</translation>
    </message>
</context>
<context>
    <name>Capacity</name>
    <message>
        <source>{neurons} neurons recall {statement}.</source>
        <translation>{neurons} 个神经元可以回忆：{statement}。</translation>
    </message>
</context>
<context>
    <name>CapacityLab</name>
    <message>
        <source>The lab needs pattern kinds among {kinds}, noise from 0 to 0.5 and an overlap from 0 to 1.</source>
        <translation>容量实验需要：模式类型取自 {kinds}，噪声在 0 到 0.5 之间，重叠度在 0 到 1 之间。</translation>
    </message>
</context>
<context>
    <name>Classroom</name>
    <message>
        <source>This exercise fixes it (File &gt; Classroom Settings shows what is fixed).</source>
        <translation>这个练习固定了它（文件 &gt; 课堂设置 里可以看到固定了哪些）。</translation>
    </message>
    <message>
        <source>the classroom settings are not a table of named fields.</source>
        <translation>课堂设置不是一个由命名字段组成的表。</translation>
    </message>
    <message>
        <source>the classroom&apos;s {key} settings are not names of settings.</source>
        <translation>课堂的 {key} 设置不是设置的名称。</translation>
    </message>
    <message>
        <source>the classroom&apos;s network and data locks are not true or false.</source>
        <translation>课堂对网络和数据的锁定不是 true 或 false。</translation>
    </message>
</context>
<context>
    <name>Compiler</name>
    <message>
        <source>This Hopfield network has no neurons.</source>
        <translation>这个 Hopfield 网络没有神经元。</translation>
    </message>
    <message>
        <source>A network needs an input layer and an output layer: add an output layer.</source>
        <translation>网络需要一个输入层和一个输出层：请添加一个输出层。</translation>
    </message>
    <message>
        <source>A network needs an input layer and an output layer: add two layers.</source>
        <translation>网络需要一个输入层和一个输出层：请添加两个层。</translation>
    </message>
    <message>
        <source>A perceptron has exactly one input and one output layer.</source>
        <translation>感知机只能有一个输入层和一个输出层。</translation>
    </message>
    <message>
        <source>Every layer needs at least one neuron; empty: {layers}.</source>
        <translation>每一层至少需要一个神经元；空的层：{layers}。</translation>
    </message>
    <message>
        <source>Softmax normalises a whole output layer, so only the output layer can use it; it is set on {layers}. Give that layer another activation.</source>
        <translation>Softmax 对整个输出层做归一化，所以只有输出层能用它；现在它用在了{layers}上。请给这一层换一个激活函数。</translation>
    </message>
    <message>
        <source>{count} neuron(s) have no path to the output, so nothing they compute is ever seen: {neurons}. Connect them to the next layer or delete them.</source>
        <translation>有 {count} 个神经元没有通往输出的路径，它们算出的结果永远不会被看到：{neurons}。请把它们连接到下一层，或者删除它们。</translation>
    </message>
    <message>
        <source>A restricted Boltzmann machine has one visible and one hidden layer, each with at least one neuron.</source>
        <translation>受限玻尔兹曼机有一个可见层和一个隐藏层，每层至少有一个神经元。</translation>
    </message>
    <message>
        <source>A restricted Boltzmann machine joins every visible neuron to every hidden one, and every neuron has a bias: connect them all and turn biases on.</source>
        <translation>受限玻尔兹曼机把每个可见神经元连到每个隐藏神经元，并且每个神经元都有偏置：请把它们全部连起来，并打开偏置。</translation>
    </message>
    <message>
        <source>hidden layer {number}</source>
        <translation>隐藏层 {number}</translation>
    </message>
    <message>
        <source>the input layer</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>the output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>the visible layer</source>
        <translation>可见层</translation>
    </message>
    <message>
        <source>the hidden layer</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>the hopfield layer</source>
        <translation>Hopfield 层</translation>
    </message>
</context>
<context>
    <name>DataPart</name>
    <message>
        <source>Held-out data ({samples})</source>
        <translation>留出数据（{samples}）</translation>
    </message>
    <message>
        <source>Training data ({samples})</source>
        <translation>训练数据（{samples}）</translation>
    </message>
    <message>
        <source>Scored on the held-out data: {samples} the network never trained on.</source>
        <translation>在留出数据上评分：网络从未训练过的 {samples}。</translation>
    </message>
    <message>
        <source>Scored on the training data: the {samples} the network learned from.</source>
        <translation>在训练数据上评分：网络学习过的 {samples}。</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>The error has stayed near {error} for {epochs} epochs: a plateau.</source>
        <translation>误差已连续 {epochs} 轮停在 {error} 附近：这是一个平台期。</translation>
    </message>
    <message>
        <source>Wait (plateaus often end), raise the learning rate a little, add momentum, or reset the weights to start from elsewhere.</source>
        <translation>可以再等等（平台期常常会结束），把学习率稍微调高一点，加上动量，或者重置权重，从别处重新开始。</translation>
    </message>
    <message>
        <source>{flat} of {total} hidden units are saturated: their outputs sit at the flat ends of the activation for almost every sample, where they barely learn.</source>
        <translation>{total} 个隐藏单元中有 {flat} 个已经饱和：几乎对每个样本，它们的输出都停在激活函数平坦的两端，在那里它们几乎学不动。</translation>
    </message>
    <message>
        <source>Normalise the inputs, start from smaller weights (the xavier initialiser), or lower the learning rate.</source>
        <translation>把输入归一化，从更小的权重开始（xavier 初始化），或者降低学习率。</translation>
    </message>
    <message>
        <source>Every neuron of hidden layer {layer} has the same weights, so they all compute, and learn, the same thing: the symmetry is never broken.</source>
        <translation>隐藏层 {layer} 的每个神经元权重都相同，所以它们计算的、学到的都是同一件事：这种对称永远不会被打破。</translation>
    </message>
    <message>
        <source>Start from random weights (Network &gt; Randomise Weights, or any initialiser but zeros).</source>
        <translation>从随机权重开始（网络 &gt; 随机权重，或者 zeros 以外的任何初始化方法）。</translation>
    </message>
    <message>
        <source>The error went up in {rises} of the last {epochs} epochs: each step overshoots the valley it is trying to reach.</source>
        <translation>最近 {epochs} 轮中有 {rises} 轮误差上升了：每一步都越过了它想到达的谷底。</translation>
    </message>
    <message>
        <source>Lower the learning rate (try a tenth), or use smaller batches with momentum.</source>
        <translation>降低学习率（试试原来的十分之一），或者用更小的批量并加上动量。</translation>
    </message>
    <message>
        <source>The error has stopped moving at {error}, and {stuck} of {samples} samples get an output stuck at the wrong flat end of its {activation}: there its slope is almost zero, so the error hardly teaches it anything. A too-high learning rate often throws the weights there.</source>
        <translation>误差已停在 {error} 不动，{samples} 个样本中有 {stuck} 个的输出卡在了 {activation} 错误的那一端平坦区：那里的斜率几乎为零，所以误差几乎教不会它任何东西。学习率太高常常会把权重推到那里。</translation>
    </message>
    <message>
        <source>Reset the weights and train with a lower learning rate (try a tenth); a cross-entropy loss also keeps learning from outputs that are confidently wrong.</source>
        <translation>重置权重，用更低的学习率训练（试试原来的十分之一）；交叉熵损失函数也能继续从“很有把握却错了”的输出中学习。</translation>
    </message>
    <message>
        <source>After {epochs} epochs the perceptron still misclassifies at least {mistakes} sample(s) every epoch: no straight line may separate the classes.</source>
        <translation>训练了 {epochs} 轮后，感知机每一轮仍至少分错 {mistakes} 个样本：可能没有一条直线能把这些类别分开。</translation>
    </message>
    <message>
        <source>A single layer draws one straight line. Add a hidden layer (File &gt; New MLP) to bend the boundary, as XOR needs.</source>
        <translation>单层只能画出一条直线。添加一个隐藏层（文件 &gt; 新建 MLP）才能让边界弯曲，XOR 问题正需要这样。</translation>
    </message>
    <message>
        <source>Store fewer patterns, use a bigger grid, or try the {rules} rule.</source>
        <translation>少存储一些模式，换一个更大的网格，或者试试“{rules}”规则。</translation>
    </message>
    <message>
        <source> or </source>
        <translation>”或“</translation>
    </message>
    <message>
        <source>Store fewer patterns or use a bigger grid.</source>
        <translation>少存储一些模式，或者换一个更大的网格。</translation>
    </message>
    <message>
        <source>{stored} patterns in {neurons} neurons is a load of {load}, past the {limit} at which {rule} recall breaks down.</source>
        <translation>{neurons} 个神经元存储了 {stored} 个模式，负载为 {load}，已超过 {rule} 回忆开始失效的 {limit}。</translation>
    </message>
    <message>
        <source>{first} and {second} overlap {overlap}, and {unstable} of the {stored} stored patterns are not stable: recall starting on them moves to a mixture. Hebb&apos;s rule mixes patterns this alike long before its 0.138 N limit, which is for patterns as unlike as random ones.</source>
        <translation>{first} 和 {second} 的重叠度为 {overlap}，存储的 {stored} 个模式中有 {unstable} 个不稳定：从它们开始回忆会走到一个混合状态。对这么相似的模式，Hebb 规则远没到 0.138 N 的上限就会把它们混在一起；这个上限是对像随机模式那样互不相似的模式而言的。</translation>
    </message>
    <message>
        <source>Store them with the pseudo-inverse or Storkey rule, which recall alike patterns, or store fewer patterns that differ more.</source>
        <translation>用伪逆规则或 Storkey 规则存储它们（它们能回忆相似的模式），或者少存储一些差别更大的模式。</translation>
    </message>
</context>
<context>
    <name>Drawing</name>
    <message>
        <source> Points drawn by hand.</source>
        <translation>其中的点是手工画的。</translation>
    </message>
    <message>
        <source>Points can be drawn for classification data only.</source>
        <translation>只能在分类数据上画点。</translation>
    </message>
    <message>
        <source>Points can be drawn on 2 inputs only; {name} has {count}.</source>
        <translation>只能在有 2 个输入的数据上画点；{name} 有 {count} 个输入。</translation>
    </message>
    <message>
        <source>There is no class {label} in {name}.</source>
        <translation>{name} 中没有类别 {label}。</translation>
    </message>
    <message>
        <source>That is the last {name} sample: every class keeps one.</source>
        <translation>这是最后一个 {name} 样本：每个类别至少保留一个。</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>A Hopfield network does not train on samples: nothing to explain.</source>
        <translation>Hopfield 网络不在样本上训练：没有可讲解的步骤。</translation>
    </message>
    <message>
        <source>sample {number}&apos;s target in the data {name}: {description}</source>
        <translation>数据 {name} 中第 {number} 个样本的目标：{description}</translation>
    </message>
    <message>
        <source>Each neuron of layer {layer} sums its inputs times their weights plus its bias, then applies {activation}:</source>
        <translation>第 {layer} 层的每个神经元把输入乘以权重后求和，再加上偏置，然后套用 {activation}：</translation>
    </message>
    <message>
        <source>Each neuron of layer {layer} sums its inputs times their weights, then applies {activation}:</source>
        <translation>第 {layer} 层的每个神经元把输入乘以权重后求和，然后套用 {activation}：</translation>
    </message>
    <message>
        <source>Layer {layer}: weighted sums and activations</source>
        <translation>第 {layer} 层：加权和与激活</translation>
    </message>
    <message>
        <source>Each output neuron: its error e = t − o, then δ = ∂E/∂z (the loss is {loss}):</source>
        <translation>每个输出神经元：先算误差 e = t − o，再算 δ = ∂E/∂z（损失函数为 {loss}）：</translation>
    </message>
    <message>
        <source>the target of this sample</source>
        <translation>这个样本的目标值</translation>
    </message>
    <message>
        <source>  (with the other outputs&apos; z)</source>
        <translation>  （要用到其他输出的 z）</translation>
    </message>
    <message>
        <source>Output neuron {number}:</source>
        <translation>输出神经元 {number}：</translation>
    </message>
    <message>
        <source>({activation} with {loss})</source>
        <translation>（{activation} 配 {loss}）</translation>
    </message>
    <message>
        <source>(the softmax mixes every output&apos;s error)</source>
        <translation>（softmax 把每个输出的误差混在一起）</translation>
    </message>
    <message>
        <source>With a softmax and this loss, a δ&apos;s sign need not be its own error&apos;s opposite.</source>
        <translation>用 softmax 和这个损失函数时，δ 的符号不一定与它自己的误差相反。</translation>
    </message>
    <message>
        <source>δ is −e times a factor that is never negative, so an output&apos;s δ has the sign
opposite to its error: an output below its target (e &gt; 0) has δ &lt; 0, and the
step −η δ x raises the weights of its positive inputs.</source>
        <translation>δ 是 −e 乘以一个永远不为负的因子，所以输出的 δ 与它的误差符号相反：
输出低于目标（e &gt; 0）时 δ &lt; 0，
这一步 −η δ x 会增大它正输入上的权重。</translation>
    </message>
    <message>
        <source>The output error and δ</source>
        <translation>输出误差与 δ</translation>
    </message>
    <message>
        <source>(a linear neuron)</source>
        <translation>（线性神经元）</translation>
    </message>
    <message>
        <source>({activation} at z = {z})</source>
        <translation>（{activation} 在 z = {z} 处）</translation>
    </message>
    <message>
        <source>Layer {layer} gets back, neuron by neuron:</source>
        <translation>第 {layer} 层逐个神经元收到的误差：</translation>
    </message>
    <message>
        <source>{sum} (its skip connections)</source>
        <translation>{sum}（它的跳跃连接）</translation>
    </message>
    <message>
        <source>Hidden neuron {neuron}:</source>
        <translation>隐藏神经元 {neuron}：</translation>
    </message>
    <message>
        <source>  split by weight share: {shares} = {split}</source>
        <translation>  按权重比例分配：{shares} = {split}</translation>
    </message>
    <message>
        <source>The tutorials split each error in proportion to the weights, w/(w₁+w₂+…); Wᵀe leaves
out the division by each sum. Backpropagation sends back δ = ∂E/∂z instead: the δ of
each neuron fed times the weight to it, summed (Σₖ wₖⱼ δₖ), times the slope f′.
f′ is never negative, so a hidden δ has the sign of Σₖ wₖⱼ δₖ: the δ of all the outputs
it feeds, weighted. It need not be the sign of any one error, nor its opposite.</source>
        <translation>教程按权重的比例分配每个误差，w/(w₁+w₂+…)；Wᵀe 省去了除以各自总和这一步。
反向传播传回的则是 δ = ∂E/∂z：它所连向的每个神经元的 δ 乘以通向那里的权重，
求和（Σₖ wₖⱼ δₖ），再乘以斜率 f′。
f′ 永远不为负，所以隐藏层的 δ 与 Σₖ wₖⱼ δₖ 同号，即它所连向的所有输出的 δ 的加权和。
它不一定与哪一个误差同号，也不一定相反。</translation>
    </message>
    <message>
        <source>No hidden layer: the output error goes straight to the weights.</source>
        <translation>没有隐藏层：输出误差直接作用到权重上。</translation>
    </message>
    <message>
        <source>The error sent back</source>
        <translation>反向传回的误差</translation>
    </message>
    <message>
        <source>Each weight moves against its gradient: Δw = −η ∂E/∂w, with η = {rate}.</source>
        <translation>每个权重沿梯度的反方向移动：Δw = −η ∂E/∂w，其中 η = {rate}。</translation>
    </message>
    <message>
        <source>Gradients and updates</source>
        <translation>梯度与更新</translation>
    </message>
</context>
<context>
    <name>ExplainDropout</name>
    <message>
        <source>Dropout {rate}, in training only: each output is kept when its draw u ≥ {rate}, then
multiplied by m = 1/(1 − {rate}) = {scale}, or dropped (m = 0); the next layer takes
ã = a × m. The draws u come from numpy.random.default_rng([{seed}, {epoch}, {sample}]):
the seed {seed}, epoch {epoch} (the weights shown) and sample {sample}, one per neuron,
layer by layer, so this sample at this epoch always gets this mask:</source>
        <translation>随机失活 {rate}，只在训练时使用：当抽到的 u ≥ {rate} 时保留该输出，并乘以
m = 1/(1 − {rate}) = {scale}，否则丢弃（m = 0）；下一层接收 ã = a × m。
这些 u 来自 numpy.random.default_rng([{seed}, {epoch}, {sample}])：
随机种子 {seed}、第 {epoch} 轮（显示的权重）和样本 {sample}，每个神经元一个，
逐层抽取，所以这个样本在这一轮总是得到这个掩码：</translation>
    </message>
    <message>
        <source>(u = {u} ≥ {rate}: kept)</source>
        <translation>（u = {u} ≥ {rate}：保留）</translation>
    </message>
    <message>
        <source>(u = {u} &lt; {rate}: dropped)</source>
        <translation>（u = {u} &lt; {rate}：丢弃）</translation>
    </message>
    <message>
        <source>This mask drops {dropped} of the layer&apos;s {count} neurons. A dropped neuron sends
nothing on and gets δ = 0 back, so none of its weights moves in this step. Training
draws its own masks from the run&apos;s generator: other neurons drop there.</source>
        <translation>这个掩码丢弃了该层 {count} 个神经元中的 {dropped} 个。被丢弃的神经元不向后传递任何值，
收到的 δ = 0，所以这一步它的权重都不动。训练时从本次训练的随机数生成器
抽取自己的掩码：那里丢弃的是别的神经元。</translation>
    </message>
    <message>
        <source>This layer has dropout {rate}: in training, each of its outputs is left out for a
sample with probability {rate}, and the others are divided by 1 − {rate}. This
explained step leaves dropout out and uses every neuron, as predictions do.</source>
        <translation>这一层的随机失活率为 {rate}：训练时，对每个样本，它的每个输出以概率 {rate} 被丢弃，
其余输出除以 1 − {rate}。这里讲解的这一步不用随机失活，
和预测时一样使用所有神经元。</translation>
    </message>
    <message>
        <source>dropped: ã=0</source>
        <translation>已丢弃：ã=0</translation>
    </message>
    <message>
        <source>With dropout, a hidden δ is also multiplied by its neuron&apos;s m, as its output was:
0 for a dropped neuron (it learns nothing from this sample), 1/(1 − p) for a kept one.</source>
        <translation>有随机失活时，隐藏层的 δ 也要像它的输出一样乘以该神经元的 m：
被丢弃的神经元乘 0（它从这个样本学不到东西），保留的乘 1/(1 − p)。</translation>
    </message>
</context>
<context>
    <name>ExplainParts</name>
    <message>
        <source>The sample goes in as the input layer&apos;s outputs.</source>
        <translation>样本作为输入层的输出送进网络。</translation>
    </message>
    <message>
        <source>The inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>The output error is the target minus the output ({how}):</source>
        <translation>输出误差等于目标减去输出（{how}）：</translation>
    </message>
    <message>
        <source>The output error</source>
        <translation>输出误差</translation>
    </message>
    <message>
        <source>Every weight plus its change:</source>
        <translation>每个权重加上它的变化量：</translation>
    </message>
    <message>
        <source>The biases learn the same way, as weights on a constant input 1.</source>
        <translation>偏置也以同样的方式学习：把它看作常数输入 1 上的权重。</translation>
    </message>
    <message>
        <source>The new weights</source>
        <translation>新的权重</translation>
    </message>
    <message>
        <source>… and {count} more inputs (on the canvas).</source>
        <translation>……还有 {count} 个输入（见画布）。</translation>
    </message>
    <message>
        <source>… and {count} more neurons (on the canvas).</source>
        <translation>……还有 {count} 个神经元（见画布）。</translation>
    </message>
    <message>
        <source>… and {count} more outputs (on the canvas).</source>
        <translation>……还有 {count} 个输出（见画布）。</translation>
    </message>
    <message>
        <source>… and {count} more weights (on the canvas).</source>
        <translation>……还有 {count} 个权重（见画布）。</translation>
    </message>
</context>
<context>
    <name>ExplainPerceptron</name>
    <message>
        <source>normalised LMS</source>
        <translation>归一化 LMS</translation>
    </message>
    <message>
        <source>the {rule} rule learns from it</source>
        <translation>{rule} 规则从中学习</translation>
    </message>
    <message>
        <source>(1 when u ≥ 0)</source>
        <translation>（u ≥ 0 时为 1）</translation>
    </message>
    <message>
        <source>(a linear output)</source>
        <translation>（线性输出）</translation>
    </message>
    <message>
        <source>The net input and the output</source>
        <translation>净输入与输出</translation>
    </message>
    <message>
        <source>Rosenblatt&apos;s rule: Δw = η (t − y) x with η = {rate}; no error, no change.</source>
        <translation>Rosenblatt 规则：Δw = η (t − y) x，其中 η = {rate}；没有误差就不改变。</translation>
    </message>
    <message>
        <source>The LMS (ADALINE) rule: Δw = η (t − y) x with η = {rate}.</source>
        <translation>LMS（ADALINE）规则：Δw = η (t − y) x，其中 η = {rate}。</translation>
    </message>
    <message>
        <source>The normalised rule: Δw = η (t − y) x / ‖x‖² with η = {rate} (the bias counts as an input 1); with one input and no bias this is ΔA = L·E/x.</source>
        <translation>归一化规则：Δw = η (t − y) x / ‖x‖²，其中 η = {rate}（偏置算作一个值为 1 的输入）；只有一个输入且没有偏置时，这就是 ΔA = L·E/x。</translation>
    </message>
    <message>
        <source>The normalised rule: Δw = η (t − y) x / ‖x‖² with η = {rate}; with one input and no bias this is ΔA = L·E/x.</source>
        <translation>归一化规则：Δw = η (t − y) x / ‖x‖²，其中 η = {rate}；只有一个输入且没有偏置时，这就是 ΔA = L·E/x。</translation>
    </message>
    <message>
        <source>The update</source>
        <translation>更新</translation>
    </message>
</context>
<context>
    <name>GradientFlow</name>
    <message>
        <source>Every layer&apos;s gradient is below a millionth while the error is still high: the units sit at the flat ends of their activations and training has stalled.</source>
        <translation>误差还很高，每一层的梯度却都不到百万分之一：神经元停在激活函数平坦的两端，训练已经停滞。</translation>
    </message>
    <message>
        <source>Reset the weights, use tanh or relu in the hidden layers, or a smaller learning rate so the units do not saturate.</source>
        <translation>重置权重，隐藏层改用 tanh 或 relu，或者用更小的学习率，让神经元不再饱和。</translation>
    </message>
    <message>
        <source>The first layer&apos;s gradient is only {ratio} of the output layer&apos;s: the gradients vanish on their way back, so the first layers barely learn.</source>
        <translation>第一层的梯度只有输出层的 {ratio} 倍：梯度在往回传的路上消失了，所以前面几层几乎学不动。</translation>
    </message>
    <message>
        <source>Use tanh or relu in the hidden layers (with the xavier or he initialiser), or fewer layers.</source>
        <translation>隐藏层改用 tanh 或 relu（配合 xavier 或 he 初始化），或者减少层数。</translation>
    </message>
    <message>
        <source>The first layer&apos;s gradient is {ratio} times the output layer&apos;s: the gradients grow on their way back (they explode), and training jumps about.</source>
        <translation>第一层的梯度是输出层的 {ratio} 倍：梯度在往回传的路上越变越大（梯度爆炸），训练会来回乱跳。</translation>
    </message>
    <message>
        <source>Lower the learning rate, start from smaller weights (the xavier initialiser), or use fewer layers.</source>
        <translation>降低学习率，从更小的权重开始（xavier 初始化），或者减少层数。</translation>
    </message>
</context>
<context>
    <name>Landscape</name>
    <message>
        <source>Choose two different weights that the network can change.</source>
        <translation>请选择网络可以改变的两个不同权重。</translation>
    </message>
    <message>
        <source>A random plane needs at least two weights that can change.</source>
        <translation>随机平面至少需要两个可以改变的权重。</translation>
    </message>
</context>
<context>
    <name>LessonActions</name>
    <message>
        <source>Set weight {source} → {target}</source>
        <translation>设置权重 {source} → {target}</translation>
    </message>
    <message>
        <source>Set bias of {target}</source>
        <translation>设置 {target} 的偏置</translation>
    </message>
    <message>
        <source>Set {setting}</source>
        <translation>设置“{setting}”</translation>
    </message>
    <message>
        <source>Activation {name}</source>
        <translation>激活函数 {name}</translation>
    </message>
    <message>
        <source>This lesson step needs a Hopfield memory: open one first.</source>
        <translation>这一步需要一个 Hopfield 记忆：请先打开一个。</translation>
    </message>
    <message>
        <source>The library has no pattern called {name}.</source>
        <translation>模式库中没有名为 {name} 的模式。</translation>
    </message>
    <message>
        <source>Show {name}</source>
        <translation>显示 {name}</translation>
    </message>
    <message>
        <source>Corrupt</source>
        <translation>加噪</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>回忆</translation>
    </message>
</context>
<context>
    <name>LessonQuantities</name>
    <message>
        <source>This lesson step needs a network that trains.</source>
        <translation>这一步需要一个可以训练的网络。</translation>
    </message>
    <message>
        <source>The network has no neuron {neuron}.</source>
        <translation>网络中没有神经元 {neuron}。</translation>
    </message>
    <message>
        <source>The data has samples 1 to {last}, not {row}.</source>
        <translation>数据只有第 1 到第 {last} 个样本，没有第 {row} 个。</translation>
    </message>
    <message>
        <source>Nothing is held out: set a validation share first.</source>
        <translation>没有留出数据：请先设置验证集比例。</translation>
    </message>
    <message>
        <source>{metric} is no score: a score is one of {scores}.</source>
        <translation>{metric} 不是评分指标：评分指标只能是 {scores} 之一。</translation>
    </message>
    <message>
        <source>There is no {part} data to score.</source>
        <translation>没有可评分的 {part} 数据。</translation>
    </message>
    <message>
        <source>{data} is not a classification: it has no {metric}.</source>
        <translation>{data} 不是分类数据：它没有 {metric}。</translation>
    </message>
    <message>
        <source>The data&apos;s classes are 0 to {last}, not {k}.</source>
        <translation>数据的类别是 0 到 {last}，没有 {k}。</translation>
    </message>
    <message>
        <source>The network has no layer {layer}.</source>
        <translation>网络中没有层 {layer}。</translation>
    </message>
    <message>
        <source>A lesson may train fresh starts on at most {most} samples in all, not {runs} runs of {epochs} epochs.</source>
        <translation>课程重新开始训练时总共最多只能训练 {most} 个样本，不能训练 {runs} 次、每次 {epochs} 轮。</translation>
    </message>
    <message>
        <source>The setting {name} is {value}, not a number: ask &apos;setting_is&apos;.</source>
        <translation>设置 {name} 的值是 {value}，不是数字：请用 &apos;setting_is&apos;。</translation>
    </message>
    <message>
        <source>This lesson step needs a Hopfield memory: open one first.</source>
        <translation>这一步需要一个 Hopfield 记忆：请先打开一个。</translation>
    </message>
    <message>
        <source>The library has no pattern called {name}.</source>
        <translation>模式库中没有名为 {name} 的模式。</translation>
    </message>
</context>
<context>
    <name>LessonRun</name>
    <message>
        <source>This step asks for no prediction.</source>
        <translation>这一步不需要预测。</translation>
    </message>
    <message>
        <source>Type a number, not one that is infinite or not a number.</source>
        <translation>请输入一个数字，不能是无穷大，也不能是非数字。</translation>
    </message>
    <message>
        <source>The right number cannot be worked out here now.</source>
        <translation>现在无法算出正确的数值。</translation>
    </message>
    <message>
        <source>This lesson&apos;s {name} {args} cannot be done here ({why}).</source>
        <translation>本课程的 {name} {args} 在这里无法执行（{why}）。</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>The network has {neurons} neurons; nnsim builds networks of up to {most}.</source>
        <translation>网络有 {neurons} 个神经元；nnsim 最多只能构建 {most} 个神经元的网络。</translation>
    </message>
    <message>
        <source>The network has {weights} weights; nnsim builds networks of up to {most}. Use a smaller grid.</source>
        <translation>网络有 {weights} 个权重；nnsim 最多只能构建 {most} 个权重的网络。请使用更小的网格。</translation>
    </message>
    <message>
        <source>The network has {weights} weights; nnsim builds networks of up to {most}. Use smaller layers.</source>
        <translation>网络有 {weights} 个权重；nnsim 最多只能构建 {most} 个权重的网络。请使用更小的层。</translation>
    </message>
    <message>
        <source>The target holds {classes} different classes; nnsim trains up to {most} (one output neuron each). A column of names or ids is not a class: ignore it, or choose Regression for numbers.</source>
        <translation>目标列有 {classes} 个不同的类别；nnsim 最多训练 {most} 个类别（每个类别一个输出神经元）。一列名称或编号不是类别：请忽略这一列；如果是数值，请选择“回归”。</translation>
    </message>
    <message>
        <source>The data has {inputs} inputs; nnsim trains on up to {most} (one input neuron each). Ignore the columns that are not inputs.</source>
        <translation>数据有 {inputs} 个输入；nnsim 最多在 {most} 个输入上训练（每个输入一个输入神经元）。请忽略不是输入的列。</translation>
    </message>
    <message>
        <source>The data set would hold {numbers} numbers ({samples} samples of {columns}); nnsim holds up to {most}. Use a sample of the rows.</source>
        <translation>数据集将包含 {numbers} 个数值（{samples} 个样本，每个 {columns} 个数）；nnsim 最多容纳 {most} 个。请只取其中一部分行。</translation>
    </message>
    <message>
        <source>The pattern memory&apos;s library holds {count} patterns; nnsim keeps up to {most}.</source>
        <translation>模式记忆的模式库有 {count} 个模式；nnsim 最多保存 {most} 个。</translation>
    </message>
    <message>
        <source>The pattern memory stores {count} patterns; nnsim keeps up to {most}.</source>
        <translation>模式记忆存储了 {count} 个模式；nnsim 最多保存 {most} 个。</translation>
    </message>
</context>
<context>
    <name>Memory</name>
    <message>
        <source>The image has no pixels.</source>
        <translation>图像没有像素。</translation>
    </message>
</context>
<context>
    <name>NetworkDocument</name>
    <message>
        <source>Unknown network kind {kind}: choose one of {kinds}.</source>
        <translation>未知的网络类型 {kind}：请从 {kinds} 中选择。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>There is no neuron {neuron} in this network.</source>
        <translation>这个网络中没有神经元 {neuron}。</translation>
    </message>
    <message>
        <source>add a layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>A perceptron has just an input and an output layer: start a new MLP to add hidden layers.</source>
        <translation>感知机只有一个输入层和一个输出层：要添加隐藏层，请新建一个 MLP。</translation>
    </message>
    <message>
        <source>A restricted Boltzmann machine has just a visible and a hidden layer: change their sizes instead.</source>
        <translation>受限玻尔兹曼机只有一个可见层和一个隐藏层：请改变它们的大小。</translation>
    </message>
    <message>
        <source>A new layer can go at positions 0 to {last}.</source>
        <translation>新层只能放在位置 0 到 {last}。</translation>
    </message>
    <message>
        <source>draw connections</source>
        <translation>画连接</translation>
    </message>
    <message>
        <source>Connections run forward, from a neuron to one in a later layer: {target} is not in a layer after that of {source}.</source>
        <translation>连接只能向前，从一个神经元连到后面某一层的神经元：{target} 所在的层不在 {source} 所在的层之后。</translation>
    </message>
    <message>
        <source>There is no connection {source} -&gt; {target}.</source>
        <translation>没有连接 {source} -&gt; {target}。</translation>
    </message>
    <message>
        <source>Only an MLP&apos;s layers take an activation: a perceptron&apos;s rule decides its output, and a Hopfield neuron takes the sign of its input.</source>
        <translation>只有 MLP 的层才能设置激活函数：感知机的输出由它的学习规则决定，Hopfield 神经元取其输入的符号。</translation>
    </message>
    <message>
        <source>The network has no property {name}: it has {known}.</source>
        <translation>网络没有属性 {name}：它的属性有 {known}。</translation>
    </message>
    <message>
        <source>{value} is not a valid {name} for the network.</source>
        <translation>{value} 不是网络的有效 {name}。</translation>
    </message>
    <message>
        <source>A layer has no property {name}; it has an activation and a dropout rate.</source>
        <translation>层没有 {name} 这个属性；它只有激活函数和随机失活率。</translation>
    </message>
    <message>
        <source>Dropout applies to hidden layers, at a rate of at least 0 and below 1; {value} for {layer} is not one.</source>
        <translation>随机失活只用于隐藏层，失活率不小于 0 且小于 1；{layer} 的 {value} 不符合。</translation>
    </message>
    <message>
        <source>A layer needs at least one neuron; delete the layer instead.</source>
        <translation>一层至少需要一个神经元；不要这一层的话，请删除它。</translation>
    </message>
    <message>
        <source>A Hopfield network connects every neuron to every other: you cannot {action}.</source>
        <translation>Hopfield 网络的每个神经元都与其他所有神经元相连：不能{action}。</translation>
    </message>
    <message>
        <source>There is no layer {layer} in this network.</source>
        <translation>这个网络中没有层 {layer}。</translation>
    </message>
</context>
<context>
    <name>OneSample</name>
    <message>
        <source>made the weights too large to hold (infinite): they are back to where they were. Try a smaller learning rate (it is {rate}).</source>
        <translation>使权重变得过大（无穷大）：权重已恢复原样。请试试更小的学习率（现在是 {rate}）。</translation>
    </message>
    <message>
        <source>Sample {number} of {samples}: x = {x}, target {target}, output {output}: </source>
        <translation>第 {number} 个样本（共 {samples} 个）：x = {x}，目标 {target}，输出 {output}：</translation>
    </message>
    <message>
        <source>no change (no mistake to learn from).</source>
        <translation>没有变化（没有可以从中学习的错误）。</translation>
    </message>
    <message>
        <source>Δw = {dw}, Δb = {db}; the line moves.</source>
        <translation>Δw = {dw}，Δb = {db}；直线移动了。</translation>
    </message>
    <message>
        <source>error {error}; {moved} weights and biases changed, the largest by {largest}.</source>
        <translation>误差 {error}；{moved} 个权重和偏置发生了变化，最大的变化为 {largest}。</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Converged to the stored pattern {name}.</source>
        <translation>收敛到了存储的模式 {name}。</translation>
    </message>
    <message>
        <source>Converged to the inverse of {name}, its mirror state (same energy).</source>
        <translation>收敛到了 {name} 的反转模式，即它的镜像状态（能量相同）。</translation>
    </message>
    <message>
        <source>Stuck in a 2-cycle: synchronous updates flip between two states.</source>
        <translation>陷入了 2 周期循环：同步更新在两个状态之间来回翻转。</translation>
    </message>
    <message>
        <source>Stopped before the network settled.</source>
        <translation>网络稳定之前就停止了。</translation>
    </message>
    <message>
        <source>Stopped before the network settled (closest: {name}, overlap {overlap}).</source>
        <translation>网络稳定之前就停止了（最接近：{name}，重叠度 {overlap}）。</translation>
    </message>
    <message>
        <source>Converged to a spurious state, a mixture of memories.</source>
        <translation>收敛到了伪稳定状态，即多个记忆的混合。</translation>
    </message>
    <message>
        <source>Converged to a spurious state, a mixture of memories (closest: {name}, overlap {overlap}).</source>
        <translation>收敛到了伪稳定状态，即多个记忆的混合（最接近：{name}，重叠度 {overlap}）。</translation>
    </message>
    <message>
        <source>Recall at temperature {temperature} ran {sweeps} sweeps without settling, as a hot network does.</source>
        <translation>在温度 {temperature} 下回忆了 {sweeps} 次扫描，没有稳定下来，温度高的网络就是这样。</translation>
    </message>
    <message>
        <source>Recall at temperature {temperature} ran {sweeps} sweeps without settling, as a hot network does; closest: {name}, overlap {overlap}.</source>
        <translation>在温度 {temperature} 下回忆了 {sweeps} 次扫描，没有稳定下来，温度高的网络就是这样；最接近：{name}，重叠度 {overlap}。</translation>
    </message>
</context>
<context>
    <name>PairMemory</name>
    <message>
        <source>pair {number}</source>
        <translation>模式对 {number}</translation>
    </message>
    <message>
        <source>There is a pair called {name} already.</source>
        <translation>已经有名为 {name} 的模式对。</translation>
    </message>
    <message>
        <source>There are no pairs: add the two grids as a pair.</source>
        <translation>还没有模式对：请把两个网格作为一个模式对添加进来。</translation>
    </message>
    <message>
        <source>A BAM has the sides x and y, not {name}.</source>
        <translation>双向联想记忆只有 x 和 y 两侧，没有 {name}。</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Speed (epochs/s)</source>
        <translation>速度（轮/秒）</translation>
    </message>
    <message>
        <source>Patience (0 = off)</source>
        <translation>耐心值（0 = 关闭）</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>{title}: {tip}</source>
        <translation>{title}：{tip}</translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <source>How the perceptron corrects its weights after each sample</source>
        <translation>感知机在每个样本之后如何修正权重</translation>
    </message>
    <message>
        <source>Learning rule</source>
        <translation>学习规则</translation>
    </message>
    <message>
        <source>Give every neuron after the inputs a bias: a weight from a constant 1</source>
        <translation>给输入层之后的每个神经元加上偏置：一个来自常数 1 的权重</translation>
    </message>
    <message>
        <source>Biases</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>change {setting}</source>
        <translation>修改“{setting}”</translation>
    </message>
    <message>
        <source>change the network</source>
        <translation>修改网络</translation>
    </message>
    <message>
        <source>Change activation</source>
        <translation>更改激活函数</translation>
    </message>
    <message>
        <source>Change dropout</source>
        <translation>修改随机失活率</translation>
    </message>
    <message>
        <source>Set bias</source>
        <translation>设置偏置</translation>
    </message>
    <message>
        <source>Set rule</source>
        <translation>设置学习规则</translation>
    </message>
</context>
<context>
    <name>PatternMemory</name>
    <message>
        <source>A pattern grid has {fewest} to {most} rows and columns, not {side}.</source>
        <translation>模式网格的行数和列数只能是 {fewest} 到 {most}，不能是 {side}。</translation>
    </message>
    <message>
        <source>Flip between 0% and 50% of the cells, not {share}.</source>
        <translation>只能翻转 0% 到 50% 的格子，不能是 {share}。</translation>
    </message>
    <message>
        <source>pattern {number}</source>
        <translation>模式 {number}</translation>
    </message>
    <message>
        <source>The library already holds a pattern called {name}.</source>
        <translation>模式库中已经有名为 {name} 的模式。</translation>
    </message>
    <message>
        <source>The library is empty: add the pattern you drew first.</source>
        <translation>模式库是空的：请先把你画的模式放进去。</translation>
    </message>
    <message>
        <source>A pattern on this {rows}x{columns} grid has {cells} cells of -1 or +1.</source>
        <translation>这个 {rows}x{columns} 网格上的模式有 {cells} 个格子，每格为 -1 或 +1。</translation>
    </message>
</context>
<context>
    <name>Pruning</name>
    <message>
        <source>A Hopfield network connects every neuron to every other: it has no connections to prune.</source>
        <translation>Hopfield 网络的每个神经元都与其他所有神经元相连：没有可以剪枝的连接。</translation>
    </message>
    <message>
        <source>Training is using the network: stop it to prune.</source>
        <translation>训练正在使用网络：请先停止训练再剪枝。</translation>
    </message>
    <message>
        <source>Prune a share between 0% and 100% of the connections, not {share}.</source>
        <translation>剪枝的比例应在连接的 0% 到 100% 之间，而不是 {share}。</translation>
    </message>
    <message>
        <source>The pruned connections are back, each with its own weight.</source>
        <translation>剪掉的连接已恢复，每个都带着原来的权重。</translation>
    </message>
</context>
<context>
    <name>Quantity</name>
    <message>
        <source>This lesson&apos;s {kind} {args} cannot be measured here ({why}).</source>
        <translation>本课程的 {kind} {args} 在这里无法测量（{why}）。</translation>
    </message>
</context>
<context>
    <name>RbmData</name>
    <message>
        <source>A Boltzmann machine learns images: choose the data set digits, or custom for your own patterns, not {name}.</source>
        <translation>玻尔兹曼机学习图像：请选择数据集 digits，或用 custom 选择你自己的模式，而不是 {name}。</translation>
    </message>
    <message>
        <source>A Boltzmann machine learns patterns of -1 and +1 cells, all of one size: add at least one pattern to the library.</source>
        <translation>玻尔兹曼机学习由 -1 和 +1 格子组成、大小相同的模式：请至少向模式库添加一个模式。</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>A Hopfield network&apos;s neurons form a grid: change its size instead.</source>
        <translation>Hopfield 网络的神经元排成网格：请改为调整网格的大小。</translation>
    </message>
</context>
<context>
    <name>RunLog</name>
    <message>
        <source>Training is using the network: stop it to restore {run}.</source>
        <translation>训练正在使用这个网络：请先停止训练，再恢复{run}。</translation>
    </message>
    <message>
        <source>{run} was a {then} network; the editor now has {now}. Make the network {then} again to restore {run}.</source>
        <translation>{run}是 {then} 网络，编辑器里现在是 {now}。把网络改回 {then} 才能恢复{run}。</translation>
    </message>
    <message>
        <source>{run}&apos;s layers computed {then}; the editor&apos;s now compute {now}. Set the activations back to restore {run}.</source>
        <translation>{run}的各层用的是 {then}，编辑器里现在用的是 {now}。把激活函数改回去才能恢复{run}。</translation>
    </message>
    <message>
        <source>{run}&apos;s network had biases; the editor&apos;s has none now.</source>
        <translation>{run}的网络有偏置，编辑器里的网络现在没有。</translation>
    </message>
    <message>
        <source>{run}&apos;s network had no biases; the editor&apos;s has them now.</source>
        <translation>{run}的网络没有偏置，编辑器里的网络现在有。</translation>
    </message>
    <message>
        <source>{run}&apos;s network had other connections than the editor&apos;s now: its weights would not fit.</source>
        <translation>{run}的网络连接与编辑器里现在的不同：它的权重放不进去。</translation>
    </message>
    <message>
        <source>{setting} {then} (now {now})</source>
        <translation>{setting} {then}（现在为 {now}）</translation>
    </message>
    <message>
        <source>{run} was trained on other data than the editor&apos;s now: it cannot be restored.</source>
        <translation>{run}训练用的数据与编辑器里现在的不同：无法恢复。</translation>
    </message>
    <message>
        <source>{run} was trained on other data: {changes}. Set them back to restore {run}.</source>
        <translation>{run}训练用的数据不同：{changes}。把它们改回去才能恢复{run}。</translation>
    </message>
    <message>
        <source>Run {number}</source>
        <translation>第 {number} 次训练</translation>
    </message>
    <message>
        <source>At most {count} runs can be pinned, so that the next run has a place: unpin one first.</source>
        <translation>最多只能固定 {count} 次训练，好给下一次训练留位置：请先取消固定一个。</translation>
    </message>
</context>
<context>
    <name>Scoring</name>
    <message>
        <source>{count} sample</source>
        <translation>{count} 个样本</translation>
    </message>
    <message>
        <source>{count} samples</source>
        <translation>{count} 个样本</translation>
    </message>
</context>
<context>
    <name>Serial</name>
    <message>
        <source>The network is not a table of named fields.</source>
        <translation>网络不是一个由命名字段组成的表。</translation>
    </message>
    <message>
        <source>The network kind {kind} is not one of {kinds}.</source>
        <translation>网络类型 {kind} 不是 {kinds} 之一。</translation>
    </message>
    <message>
        <source>The network&apos;s {name} {value} is not valid.</source>
        <translation>网络的 {name} {value} 无效。</translation>
    </message>
    <message>
        <source>The network has {neurons} neurons; nnsim builds networks of up to {most}.</source>
        <translation>网络有 {neurons} 个神经元；nnsim 最多只能构建 {most} 个神经元的网络。</translation>
    </message>
    <message>
        <source>Two layers share an id.</source>
        <translation>有两个层使用了同一个 id。</translation>
    </message>
    <message>
        <source>Two neurons share an id.</source>
        <translation>有两个神经元使用了同一个 id。</translation>
    </message>
    <message>
        <source>The Hopfield grid and its neurons disagree.</source>
        <translation>Hopfield 网格与它的神经元不一致。</translation>
    </message>
    <message>
        <source>The network&apos;s {key} are not a list.</source>
        <translation>网络的 {key} 不是列表。</translation>
    </message>
    <message>
        <source>A layer has no id.</source>
        <translation>有一个层没有 id。</translation>
    </message>
    <message>
        <source>Unknown activation {activation} in layer {layer}: choose one of {known}.</source>
        <translation>层 {layer} 的激活函数 {activation} 未知：请从 {known} 中选择。</translation>
    </message>
    <message>
        <source>The dropout rate {rate} of layer {layer} is not a number from 0 up to 1.</source>
        <translation>第 {layer} 层的随机失活率 {rate} 不是 0 到 1 之间的数。</translation>
    </message>
    <message>
        <source>A neuron has no id.</source>
        <translation>有一个神经元没有 id。</translation>
    </message>
    <message>
        <source>Neuron {neuron} belongs to no layer of the network.</source>
        <translation>神经元 {neuron} 不属于网络的任何一层。</translation>
    </message>
    <message>
        <source>Neuron {neuron} has no position.</source>
        <translation>神经元 {neuron} 没有位置。</translation>
    </message>
    <message>
        <source>A connection is not a pair of neuron ids.</source>
        <translation>有一个连接不是一对神经元 id。</translation>
    </message>
    <message>
        <source>A Hopfield network&apos;s connections are not drawn.</source>
        <translation>Hopfield 网络的连接不单独列出。</translation>
    </message>
    <message>
        <source>There is no neuron {neuron} in this network.</source>
        <translation>这个网络中没有神经元 {neuron}。</translation>
    </message>
    <message>
        <source>Connections run forward, from a neuron to one in a later layer: {target} is not in a layer after that of {source}.</source>
        <translation>连接只能向前，从一个神经元连到后面某一层的神经元：{target} 所在的层不在 {source} 所在的层之后。</translation>
    </message>
    <message>
        <source>A connection is listed twice.</source>
        <translation>有一个连接被列出了两次。</translation>
    </message>
    <message>
        <source>Only a Hopfield network has a grid.</source>
        <translation>只有 Hopfield 网络才有网格。</translation>
    </message>
    <message>
        <source>A Hopfield network needs a grid of rows and columns.</source>
        <translation>Hopfield 网络需要一个给出行数和列数的网格。</translation>
    </message>
    <message>
        <source>The data set is not a table of named fields.</source>
        <translation>数据集不是一个由命名字段组成的表。</translation>
    </message>
    <message>
        <source>The data set&apos;s task is unknown.</source>
        <translation>数据集的任务类型未知。</translation>
    </message>
    <message>
        <source>The data set has no name.</source>
        <translation>数据集没有名称。</translation>
    </message>
    <message>
        <source>The data set&apos;s column names are not a list of names.</source>
        <translation>数据集的列名不是一个名称列表。</translation>
    </message>
    <message>
        <source>The data set&apos;s inputs and targets disagree.</source>
        <translation>数据集的输入和目标不一致。</translation>
    </message>
    <message>
        <source>The data set&apos;s inputs and their names disagree.</source>
        <translation>数据集的输入与它们的名称不一致。</translation>
    </message>
    <message>
        <source>The data set&apos;s class labels are not numbers of its classes.</source>
        <translation>数据集的类别标签不是它的类别编号。</translation>
    </message>
    <message>
        <source>The data set&apos;s samples are not a table of finite numbers.</source>
        <translation>数据集的样本不是一个由有限数字组成的表。</translation>
    </message>
    <message>
        <source>The settings are not a table of named values.</source>
        <translation>设置不是一个由命名值组成的表。</translation>
    </message>
    <message>
        <source>There is no setting called {name}.</source>
        <translation>没有名为 {name} 的设置。</translation>
    </message>
    <message>
        <source>{setting} must be a whole number, not {value}.</source>
        <translation>“{setting}”必须是整数，不能是 {value}。</translation>
    </message>
    <message>
        <source>{setting} must be a number, not {value}.</source>
        <translation>“{setting}”必须是数字，不能是 {value}。</translation>
    </message>
    <message>
        <source>{setting} is true or false, not {value}.</source>
        <translation>“{setting}”只能是 true 或 false，不能是 {value}。</translation>
    </message>
    <message>
        <source>{setting} must be one of {choices}, not {value}.</source>
        <translation>“{setting}”必须是 {choices} 之一，不能是 {value}。</translation>
    </message>
    <message>
        <source>The pattern memory is not a table of named fields.</source>
        <translation>模式记忆不是一个由命名字段组成的表。</translation>
    </message>
    <message>
        <source>The pattern grid&apos;s size is not {fewest} to {most} rows and columns.</source>
        <translation>模式网格的大小不在 {fewest} 到 {most} 行、列之间。</translation>
    </message>
    <message>
        <source>The storage rule is unknown.</source>
        <translation>存储规则未知。</translation>
    </message>
    <message>
        <source>The dense memory&apos;s interaction is not polynomial or exponential with a whole degree from 2 to {most}.</source>
        <translation>稠密记忆的相互作用不是 polynomial 或 exponential，或者次数不是 2 到 {most} 之间的整数。</translation>
    </message>
    <message>
        <source>A pattern is not {cells} cells of &apos;#&apos; and &apos;.&apos;.</source>
        <translation>有一个模式不是由 {cells} 个 &apos;#&apos; 和 &apos;.&apos; 组成的。</translation>
    </message>
    <message>
        <source>The memory&apos;s {key} patterns are not a list.</source>
        <translation>记忆中的 {key} 模式不是列表。</translation>
    </message>
    <message>
        <source>A pattern has no name.</source>
        <translation>有一个模式没有名称。</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Hopfield memory</source>
        <translation>Hopfield 记忆</translation>
    </message>
    <message>
        <source>Back at epoch {epoch}: the epochs after it are forgotten; Train goes on from here.</source>
        <translation>回到了第 {epoch} 轮：之后的各轮都被丢弃；训练将从这里继续。</translation>
    </message>
    <message>
        <source>Training is using the network: stop it to set a number by hand.</source>
        <translation>训练正在使用网络：要手动设置数值，请先停止训练。</translation>
    </message>
    <message>
        <source>A weight must be a finite number, not {value}.</source>
        <translation>权重必须是有限的数字，不能是 {value}。</translation>
    </message>
    <message>
        <source>This network has no biases: switch Biases on to set one.</source>
        <translation>这个网络没有偏置：请先打开“偏置”再设置。</translation>
    </message>
    <message>
        <source>The network has {n} inputs: give {n} numbers, not {given}.</source>
        <translation>网络有 {n} 个输入：请给出 {n} 个数字，而不是 {given} 个。</translation>
    </message>
    <message>
        <source>Every input must be a finite number.</source>
        <translation>每个输入都必须是有限的数字。</translation>
    </message>
    <message>
        <source>New data: the weights and the error history start again.</source>
        <translation>新的数据：权重和误差历史重新开始。</translation>
    </message>
    <message>
        <source>The network has no connection {source} → {target}.</source>
        <translation>网络中没有连接 {source} → {target}。</translation>
    </message>
    <message>
        <source>The network has no bias for {target}.</source>
        <translation>网络中 {target} 没有偏置。</translation>
    </message>
</context>
<context>
    <name>SessionTraining</name>
    <message>
        <source>The network changed: {kept} trained weights kept, {initialised} new ones initialised.</source>
        <translation>网络已更改：保留了 {kept} 个训练过的权重，初始化了 {initialised} 个新权重。</translation>
    </message>
    <message>
        <source>All {epochs} epochs set are trained: raise Epochs to train on, or reset the weights to start again.</source>
        <translation>设定的 {epochs} 轮已全部训练完：要继续训练，请调高“训练轮数”，或者重置权重重新开始。</translation>
    </message>
    <message>
        <source>This session is already training; stop that run first.</source>
        <translation>这个会话已经在训练；请先停止那次训练。</translation>
    </message>
    <message>
        <source>Training was still inside one long batch: the run was left there, and the network keeps the weights of the last epoch shown.</source>
        <translation>训练仍在一个很长的批次中：这次训练被留在那里，网络保留最后显示的那一轮的权重。</translation>
    </message>
    <message>
        <source>Sample {number} {problem}</source>
        <translation>第 {number} 个样本{problem}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>What training minimises (sse: ½Σ(t-o)²)</source>
        <translation>训练要减小的量（sse：½Σ(t-o)²）</translation>
    </message>
    <message>
        <source>Initialiser</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <source>How new weights start</source>
        <translation>新权重的初始取值方式</translation>
    </message>
    <message>
        <source>Uniform range ±</source>
        <translation>均匀分布范围 ±</translation>
    </message>
    <message>
        <source>Half-width of the uniform initialiser&apos;s range</source>
        <translation>uniform 初始化取值范围的一半宽度</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>How MLP weights move. rprop and irprop- give each weight its own step, which starts at the learning rate (Δ₀ = η) and grows while ∂E/∂w keeps its sign; they are meant for the whole batch at once</source>
        <translation>MLP 权重的更新方式。rprop 和 irprop- 给每个权重各自的步长，初始值为学习率（Δ₀ = η），∂E/∂w 保持符号不变时步长增大；它们适合一次用整个批量</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>Step size of each update (Δw = -η ∂E/∂w)</source>
        <translation>每次更新的步长（Δw = -η ∂E/∂w）</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>How η falls as training goes: step multiplies it by the decay γ every few epochs (η = η₀·γ^⌊t/s⌋), exponential every epoch (η = η₀·γ^t). Epochs count from the last reset; rprop and irprop- take η only as their first step</source>
        <translation>η 随训练如何降低：step 每隔几轮乘以衰减 γ（η = η₀·γ^⌊t/s⌋），exponential 每轮都乘（η = η₀·γ^t）。轮数从上次重置算起；rprop 和 irprop- 只把 η 当作第一步的步长</translation>
    </message>
    <message>
        <source>Decay γ</source>
        <translation>衰减 γ</translation>
    </message>
    <message>
        <source>What the learning rate is multiplied by at each step of the schedule (1 = no decay); for exponential choose one close to 1, such as 0.999</source>
        <translation>调度每一级把学习率乘以的数（1 = 不衰减）；exponential 要选接近 1 的值，如 0.999</translation>
    </message>
    <message>
        <source>Epochs per step s</source>
        <translation>每级轮数 s</translation>
    </message>
    <message>
        <source>How many epochs the step schedule keeps each rate</source>
        <translation>step 调度每个学习率保持的轮数</translation>
    </message>
    <message>
        <source>Speed (epochs per second)</source>
        <translation>速度（每秒轮数）</translation>
    </message>
    <message>
        <source>Slow training down to watch it learn; it changes while training runs</source>
        <translation>放慢训练，看清它如何学习；训练进行中也可以修改</translation>
    </message>
    <message>
        <source>Batch size (0 = all)</source>
        <translation>批量大小（0 = 全部）</translation>
    </message>
    <message>
        <source>Samples per update; 0 uses the whole training set</source>
        <translation>每次更新使用的样本数；0 表示使用整个训练集</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>Passes over the training set</source>
        <translation>遍历训练集的次数</translation>
    </message>
    <message>
        <source>Stop at target error</source>
        <translation>达到目标误差时停止</translation>
    </message>
    <message>
        <source>Stop as soon as the error reaches the target</source>
        <translation>误差一达到目标就停止</translation>
    </message>
    <message>
        <source>Target error</source>
        <translation>目标误差</translation>
    </message>
    <message>
        <source>The error at which training stops</source>
        <translation>训练在这个误差停止</translation>
    </message>
    <message>
        <source>Early stopping patience (0 = off)</source>
        <translation>早停耐心值（0 = 关闭）</translation>
    </message>
    <message>
        <source>Stop after this many epochs without a better validation error</source>
        <translation>验证误差连续这么多轮没有变好就停止</translation>
    </message>
    <message>
        <source>L1 penalty</source>
        <translation>L1 惩罚</translation>
    </message>
    <message>
        <source>λ₁ Σ|w| added to E</source>
        <translation>加到 E 上的 λ₁ Σ|w|</translation>
    </message>
    <message>
        <source>L2 penalty</source>
        <translation>L2 惩罚</translation>
    </message>
    <message>
        <source>½ λ₂ Σw² added to E</source>
        <translation>加到 E 上的 ½ λ₂ Σw²</translation>
    </message>
    <message>
        <source>Input noise σ</source>
        <translation>输入噪声 σ</translation>
    </message>
    <message>
        <source>Each epoch trains on its inputs plus Gaussian noise N(0, σ²), drawn anew every epoch from the seed; validation and the views use the clean inputs (0 = off)</source>
        <translation>每一轮在输入上加高斯噪声 N(0, σ²) 再训练，噪声每轮按随机种子重新抽取；验证和各视图用的是不加噪声的输入（0 = 关闭）</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Same seed, same initial weights and sample order</source>
        <translation>随机种子相同，初始权重和样本顺序就相同</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>The samples the network learns (custom: imported from a CSV file)</source>
        <translation>网络学习的样本（自定义：从 CSV 文件导入）</translation>
    </message>
    <message>
        <source>Samples (generated sets)</source>
        <translation>样本数（生成的数据集）</translation>
    </message>
    <message>
        <source>How many samples blobs, circles, moons, spirals and sine make</source>
        <translation>blobs、circles、moons、spirals 和 sine 生成的样本个数</translation>
    </message>
    <message>
        <source>Noise (generated sets)</source>
        <translation>噪声（生成的数据集）</translation>
    </message>
    <message>
        <source>How far generated samples scatter (for blobs: the spread of each blob)</source>
        <translation>生成的样本散开的程度（对 blobs：每个团簇的散布范围）</translation>
    </message>
    <message>
        <source>Validation share</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>Share of the samples held out to measure generalisation</source>
        <translation>留出来衡量泛化能力的样本比例</translation>
    </message>
    <message>
        <source>Input normalisation</source>
        <translation>输入归一化</translation>
    </message>
    <message>
        <source>Rescale each input, from the training part only</source>
        <translation>重新缩放每个输入（只根据训练部分计算）</translation>
    </message>
    <message>
        <source>+ input x1·x2</source>
        <translation>+ 输入 x1·x2</translation>
    </message>
    <message>
        <source>+ inputs x1², x2²</source>
        <translation>+ 输入 x1²、x2²</translation>
    </message>
    <message>
        <source>+ sin x1, sin x2</source>
        <translation>+ sin x1、sin x2</translation>
    </message>
    <message>
        <source>Give the network an extra input x1·x2, made from the two inputs after normalisation. Only for data with two inputs: other data ignore it</source>
        <translation>给网络增加一个输入 x1·x2，由归一化后的两个输入算出。只适用于有两个输入的数据：其他数据会忽略它</translation>
    </message>
    <message>
        <source>Share of the previous update added to the next (MLPs, Boltzmann machines)</source>
        <translation>把上一次更新的多少加到下一次更新上（多层感知器、玻尔兹曼机）</translation>
    </message>
    <message>
        <source>Gibbs steps k</source>
        <translation>吉布斯采样步数 k</translation>
    </message>
    <message>
        <source>Steps of Gibbs sampling (h from v, then v from h) behind each update&apos;s model term: CD-k. 1 is the usual choice; more give truer samples, slower</source>
        <translation>每次更新中模型项所用的吉布斯采样步数（由 v 得 h，再由 h 得 v）：CD-k。通常取 1；更多步的样本更真实，但更慢</translation>
    </message>
    <message>
        <source>Persistent chains (PCD)</source>
        <translation>持续马尔可夫链（持续对比散度）</translation>
    </message>
    <message>
        <source>Keep the Gibbs chains from one update to the next instead of starting them at the data: persistent contrastive divergence, as scikit-learn&apos;s BernoulliRBM</source>
        <translation>让吉布斯链从一次更新延续到下一次，而不是每次从数据重新开始：即持续对比散度，和 scikit-learn 的 BernoulliRBM 一样</translation>
    </message>
    <message>
        <source>Give the network extra inputs x1² and x2², made from the two inputs after normalisation. Only for data with two inputs: other data ignore it</source>
        <translation>给网络增加输入 x1² 和 x2²，由归一化后的两个输入算出。只适用于有两个输入的数据：其他数据会忽略它</translation>
    </message>
    <message>
        <source>Give the network extra inputs sin x1 and sin x2, made from the two inputs after normalisation. Only for data with two inputs: other data ignore it</source>
        <translation>给网络增加输入 sin x1 和 sin x2，由归一化后的两个输入算出。只适用于有两个输入的数据：其他数据会忽略它</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>sse</source>
        <translation>sse（误差平方和）</translation>
    </message>
    <message>
        <source>mse</source>
        <translation>mse（均方误差）</translation>
    </message>
    <message>
        <source>bce</source>
        <translation>bce（二元交叉熵）</translation>
    </message>
    <message>
        <source>cce</source>
        <translation>cce（多类交叉熵）</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>uniform（均匀分布）</translation>
    </message>
    <message>
        <source>normal_fan_in</source>
        <translation>normal_fan_in（按输入数缩放的正态分布）</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>zeros（全为 0）</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>constant（不变）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>step（阶梯）</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>exponential（指数）</translation>
    </message>
    <message>
        <source>fastest</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>blobs</source>
        <translation>blobs（团簇）</translation>
    </message>
    <message>
        <source>circles</source>
        <translation>circles（同心圆）</translation>
    </message>
    <message>
        <source>moons</source>
        <translation>moons（双月牙）</translation>
    </message>
    <message>
        <source>spirals</source>
        <translation>spirals（双螺旋）</translation>
    </message>
    <message>
        <source>sine</source>
        <translation>sine（正弦）</translation>
    </message>
    <message>
        <source>km_to_miles</source>
        <translation>km_to_miles（公里换英里）</translation>
    </message>
    <message>
        <source>ladybird_caterpillar</source>
        <translation>ladybird_caterpillar（瓢虫和毛毛虫）</translation>
    </message>
    <message>
        <source>three_input_table</source>
        <translation>three_input_table（三输入表）</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>digits（手写数字）</translation>
    </message>
    <message>
        <source>iris</source>
        <translation>iris（鸢尾花）</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>custom（自定义）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none（不缩放）</translation>
    </message>
    <message>
        <source>min-max</source>
        <translation>min-max（最小-最大缩放）</translation>
    </message>
    <message>
        <source>z-score</source>
        <translation>z-score（标准化）</translation>
    </message>
    <message>
        <source>{setting} must be one of {choices}, not {value}.</source>
        <translation>“{setting}”必须是 {choices} 之一，不能是 {value}。</translation>
    </message>
    <message>
        <source>{setting} is on or off, not {value}.</source>
        <translation>“{setting}”只能是开或关，不能是 {value}。</translation>
    </message>
    <message>
        <source>{setting} must be a number, not {value}.</source>
        <translation>“{setting}”必须是数字，不能是 {value}。</translation>
    </message>
    <message>
        <source>{setting} must be a finite number, not {value}.</source>
        <translation>“{setting}”必须是有限的数字，不能是 {value}。</translation>
    </message>
    <message>
        <source>{setting} must be a whole number, not {value}.</source>
        <translation>“{setting}”必须是整数，不能是 {value}。</translation>
    </message>
    <message>
        <source>{setting} must be at least {low} and below {high}, not {value}.</source>
        <translation>“{setting}”必须不小于 {low} 且小于 {high}，不能是 {value}。</translation>
    </message>
    <message>
        <source>{setting} must be at least {low} and at most {high}, not {value}.</source>
        <translation>“{setting}”必须在 {low} 到 {high} 之间，不能是 {value}。</translation>
    </message>
    <message>
        <source>There is no setting called {name}.</source>
        <translation>没有名为 {name} 的设置。</translation>
    </message>
    <message>
        <source>There is no custom data yet: import a CSV file (File &gt; Import Data).</source>
        <translation>还没有自定义数据：请导入一个 CSV 文件（文件 &gt; 导入数据）。</translation>
    </message>
</context>
<context>
    <name>Starters</name>
    <message>
        <source>An MLP needs at least an input and an output layer.</source>
        <translation>MLP 至少需要一个输入层和一个输出层。</translation>
    </message>
    <message>
        <source>Perceptron</source>
        <translation>感知机</translation>
    </message>
    <message>
        <source>A Hopfield grid needs at least one row and one column.</source>
        <translation>Hopfield 网格至少需要一行一列。</translation>
    </message>
    <message>
        <source>A Boltzmann machine needs at least one visible and one hidden neuron.</source>
        <translation>玻尔兹曼机至少需要一个可见神经元和一个隐藏神经元。</translation>
    </message>
    <message>
        <source>Boltzmann machine</source>
        <translation>玻尔兹曼机</translation>
    </message>
</context>
<context>
    <name>TrainingProcess</name>
    <message>
        <source>it did not answer within {seconds} s</source>
        <translation>它在 {seconds} 秒内没有回应</translation>
    </message>
    <message>
        <source>The training process could not start: {reason}.</source>
        <translation>训练进程无法启动：{reason}。</translation>
    </message>
    <message>
        <source>The training process stopped unexpectedly (perhaps out of memory): the network keeps the weights of the last epoch shown.</source>
        <translation>训练进程意外停止（可能是内存不足）：网络保留最后显示的那一轮的权重。</translation>
    </message>
</context>
<context>
    <name>TrainingRun</name>
    <message>
        <source>The data set {name} has {inputs} values per sample, but the Boltzmann machine has {visible} visible neurons. Make the visible layer {inputs} neurons, or choose another data set.</source>
        <translation>数据集 {name} 每个样本有 {inputs} 个值，但这台玻尔兹曼机有 {visible} 个可见神经元。请把可见层设为 {inputs} 个神经元，或选择别的数据集。</translation>
    </message>
    <message>
        <source>A Hopfield network stores patterns rather than training on a data set; it cannot be trained on data.</source>
        <translation>Hopfield 网络是存储模式，而不是在数据集上训练；它不能用数据来训练。</translation>
    </message>
    <message>
        <source>{count} inputs ({derived} derived from its own)</source>
        <translation>{count} 个输入（其中 {derived} 由原有输入派生）</translation>
    </message>
    <message>
        <source>{count} inputs</source>
        <translation>{count} 个输入</translation>
    </message>
    <message>
        <source>The data set {name} has {inputs} and {targets} target(s), but the network has {input_neurons} input and {output_neurons} output neurons. Change the layers or choose another data set.</source>
        <translation>数据集 {name} 有 {inputs}和 {targets} 个目标，但网络有 {input_neurons} 个输入神经元和 {output_neurons} 个输出神经元。请修改网络的层，或者选择另一个数据集。</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>The sample has {values} values but the network has {inputs} inputs.</source>
        <translation>样本有 {values} 个值，但网络有 {inputs} 个输入。</translation>
    </message>
</context>
<context>
    <name>ViewSettings</name>
    <message>
        <source>its view settings are not a table of names.</source>
        <translation>它的视图设置不是由名称组成的表。</translation>
    </message>
    <message>
        <source>its view setting {name} cannot be {value}.</source>
        <translation>它的视图设置 {name} 不能是 {value}。</translation>
    </message>
</context>
</TS>
