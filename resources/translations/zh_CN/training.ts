<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DecisionPlot</name>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>The decision boundary is drawn for 1 or 2 inputs;
these data have {count}.</source>
        <translation>决策边界只在有 1 个或 2 个输入时绘制；
这组数据有 {count} 个输入。</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>{name} ({method} scaled)</source>
        <translation>{name}（{method} 缩放）</translation>
    </message>
</context>
<context>
    <name>DiagnosticsView</name>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Nothing to report.&lt;/b&gt; The diagnostics watch for a plateau, saturated hidden units, weights that never broke their symmetry, an error that oscillates, and a perceptron on classes no line separates.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;没有发现问题。&lt;/b&gt;诊断会留意这些情况：误差停在平台上不再下降、隐藏层神经元饱和、权重一直没有打破对称、误差来回振荡，以及感知机遇到无法用一条直线分开的类别。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The gradient check is for multi-layer perceptrons: a perceptron&apos;s rule does not follow a gradient of its output.</source>
        <translation>梯度检验只适用于多层感知机：感知机的学习规则并不沿着输出的梯度走。</translation>
    </message>
    <message>
        <source>This network has {count} weights and biases; checking each by finite differences would take too long (the check takes up to {limit}).</source>
        <translation>这个网络有 {count} 个权重和偏置，用有限差分逐个检验会太慢（最多检验 {limit} 个）。</translation>
    </message>
    <message>
        <source>No gradient to check: {reason}</source>
        <translation>没有可检验的梯度：{reason}</translation>
    </message>
    <message>
        <source>backpropagation agrees with finite differences.</source>
        <translation>反向传播与有限差分的结果一致。</translation>
    </message>
    <message>
        <source>larger than expected: a kink of the activation (relu, step) near a sample can cause this.</source>
        <translation>比预期大：某个样本附近激活函数的拐折（relu、step）可能造成这种情况。</translation>
    </message>
    <message>
        <source>Largest relative error over {count} weights and biases: {error}; {verdict}</source>
        <translation>{count} 个权重和偏置中最大的相对误差：{error}；{verdict}</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
</context>
<context>
    <name>DreamsView</name>
    <message>
        <source>Gibbs steps from each random start: more, nearer the machine&apos;s own idea of its data</source>
        <translation>从每个随机起点出发的吉布斯采样步数：步数越多，越接近玻尔兹曼机自己心目中的数据</translation>
    </message>
    <message>
        <source>Dream Again</source>
        <translation>再做一次梦</translation>
    </message>
    <message>
        <source>New random starts, new dreams</source>
        <translation>新的随机起点，新的梦境</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <source>Dreams: {steps} Gibbs steps from random starts</source>
        <translation>梦境：从随机起点出发，吉布斯采样 {steps} 步</translation>
    </message>
</context>
<context>
    <name>ErrorPlot</name>
    <message>
        <source>Error</source>
        <translation>误差</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>error E</source>
        <translation>误差 E</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>limit {value:,.0f}</source>
        <translation>上限 {value:,.0f}</translation>
    </message>
    <message>
        <source>accuracy %</source>
        <translation>准确率 %</translation>
    </message>
</context>
<context>
    <name>ExplainView</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一阶段</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一阶段 ▶</translation>
    </message>
    <message>
        <source>The stage before</source>
        <translation>前一个阶段</translation>
    </message>
    <message>
        <source>The next stage of the step</source>
        <translation>这一步的下一个阶段</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save every stage of this step, with its numbers, as text</source>
        <translation>把这一步的每个阶段连同数值保存为文本</translation>
    </message>
    <message>
        <source>Numbers…</source>
        <translation>数值…</translation>
    </message>
    <message>
        <source>Save the step&apos;s numbers as CSV: every layer&apos;s output, each weight&apos;s gradient, the weights and biases after the step</source>
        <translation>把这一步的数值存为 CSV：每一层的输出、每个权重的梯度、这一步之后的权重和偏置</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>没有可保存的内容</translation>
    </message>
    <message>
        <source>There is no step to save: open Explain a Step (F7) on a network that can train.</source>
        <translation>没有可保存的步骤：请在能训练的网络上打开单步讲解（F7）。</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>文本 (*.txt)</translation>
    </message>
    <message>
        <source>{stage} of {count}</source>
        <translation>{stage} / {count}</translation>
    </message>
</context>
<context>
    <name>FiltersView</name>
    <message>
        <source>Each hidden unit&apos;s weights on its own scale: blue +, vermillion −</source>
        <translation>每个隐藏单元的权重，各用自己的刻度：蓝色为 +，朱红色为 −</translation>
    </message>
</context>
<context>
    <name>GradientFlowView</name>
    <message>
        <source>gradient size per layer</source>
        <translation>每层的梯度大小</translation>
    </message>
    <message>
        <source>update / weight size per layer</source>
        <translation>每层的更新量 / 权重大小</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>Gradient flow is for multi-layer perceptrons: a perceptron learns by its own rule, with no gradient sent back through layers.</source>
        <translation>梯度流只适用于多层感知机：感知机按自己的规则学习，没有沿各层往回传的梯度。</translation>
    </message>
    <message>
        <source>Train the network to see how much of the error&apos;s gradient reaches each layer.</source>
        <translation>训练网络后，这里会显示误差的梯度有多少传到每一层。</translation>
    </message>
    <message>
        <source>The gradients reach the first layer: it gets {ratio} of the output layer&apos;s.</source>
        <translation>梯度传到了第一层：它的梯度是输出层的 {ratio} 倍。</translation>
    </message>
    <message>
        <source>One layer of weights: its gradient is all there is to see.</source>
        <translation>只有一层权重：能看的只有它的梯度。</translation>
    </message>
    <message>
        <source>layer {layer} ({inputs}→{outputs})</source>
        <translation>第 {layer} 层（{inputs}→{outputs}）</translation>
    </message>
</context>
<context>
    <name>LandscapeControls</name>
    <message>
        <source>Random directions</source>
        <translation>随机方向</translation>
    </message>
    <message>
        <source>Two chosen weights</source>
        <translation>选定的两个权重</translation>
    </message>
    <message>
        <source>The plane through the weights the error is drawn on</source>
        <translation>在穿过权重的哪个平面上画误差</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>随机种子 </translation>
    </message>
    <message>
        <source>± fit the path</source>
        <translation>± 适应路径</translation>
    </message>
    <message>
        <source>How far the plane reaches from the weights shown</source>
        <translation>平面从当前显示的权重向外延伸多远</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>比赛</translation>
    </message>
    <message>
        <source>Train each optimiser ticked in Racers from the run&apos;s start</source>
        <translation>从这次训练的起点出发，训练“参赛者”中勾选的每个优化器</translation>
    </message>
    <message>
        <source>Racers</source>
        <translation>参赛者</translation>
    </message>
    <message>
        <source>a (random direction 1)</source>
        <translation>a（随机方向 1）</translation>
    </message>
    <message>
        <source>b (random direction 2)</source>
        <translation>b（随机方向 2）</translation>
    </message>
</context>
<context>
    <name>LandscapeItems</name>
    <message>
        <source>{name} (diverged)</source>
        <translation>{name}（发散）</translation>
    </message>
    <message>
        <source>{name} (reached the target at epoch {epoch})</source>
        <translation>{name}（第 {epoch} 轮达到目标）</translation>
    </message>
    <message>
        <source>{name} (ran all {epoch} epochs)</source>
        <translation>{name}（跑完全部 {epoch} 轮）</translation>
    </message>
    <message>
        <source>w {source}→{target} (layer {layer})</source>
        <translation>w {source}→{target}（第 {layer} 层）</translation>
    </message>
    <message>
        <source>b {target} (layer {layer})</source>
        <translation>b {target}（第 {layer} 层）</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>error E</source>
        <translation>误差 E</translation>
    </message>
    <message>
        <source>ΔE since {epoch}</source>
        <translation>ΔE（自第 {epoch} 轮）</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>ΔE: the error now minus the error at epoch {epoch} (above 0 it grew, below 0 it fell).</source>
        <translation>ΔE：现在的误差减去第 {epoch} 轮的误差（大于 0 表示变大，小于 0 表示变小）。</translation>
    </message>
</context>
<context>
    <name>LedgerPlot</name>
    <message>
        <source>epoch</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>error E</source>
        <translation>误差 E</translation>
    </message>
    <message>
        <source>sample {number}</source>
        <translation>样本 {number}</translation>
    </message>
    <message>
        <source>mean of all</source>
        <translation>全部的平均</translation>
    </message>
</context>
<context>
    <name>LossLandscapeView</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>error E (log scale)</source>
        <translation>误差 E（对数刻度）</translation>
    </message>
    <message>
        <source>Computing the error at {n} x {n} points…</source>
        <translation>正在计算 {n} x {n} 个点上的误差…</translation>
    </message>
    <message>
        <source>The race is for multi-layer perceptrons.</source>
        <translation>比赛只适用于多层感知机。</translation>
    </message>
    <message>
        <source>Tick at least one racer in Racers.</source>
        <translation>请在“参赛者”中至少勾选一个。</translation>
    </message>
    <message>
        <source>The race: from the weights of epoch {epoch}, full batch, at most {epochs} epochs, stopping at the target error; {racers}.</source>
        <translation>比赛：从第 {epoch} 轮的权重出发，用整个批量，最多 {epochs} 轮，达到目标误差即停止；{racers}。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>a (main direction of the paths)</source>
        <translation>a（路径的主方向）</translation>
    </message>
    <message>
        <source>b (second direction)</source>
        <translation>b（第二方向）</translation>
    </message>
    <message>
        <source>The network changed: the surface is out of date. Press Compute to draw it again.</source>
        <translation>网络改变了：曲面已过时。按“计算”重新绘制。</translation>
    </message>
    <message>
        <source>Error over {used} of the {total} training samples, spread evenly.</source>
        <translation>在 {total} 个训练样本中均匀选取 {used} 个计算的误差。</translation>
    </message>
    <message>
        <source>Error over all {total} training samples.</source>
        <translation>在全部 {total} 个训练样本上计算的误差。</translation>
    </message>
    <message>
        <source> Lowest on the plane (+): E = {loss} at ({a}, {b}).</source>
        <translation>平面上的最低点（+）：在 ({a}, {b}) 处 E = {loss}。</translation>
    </message>
    <message>
        <source> The paths also move off the plane: the surface under a point is not always that point&apos;s own error.</source>
        <translation>路径也会离开这个平面：某一点下方的曲面不一定就是该点自己的误差。</translation>
    </message>
</context>
<context>
    <name>MistakesList</name>
    <message>
        <source>{true} → {predicted}</source>
        <translation>{true} → {predicted}</translation>
    </message>
    <message>
        <source>Sample {sample}: true class {true}, predicted {predicted}</source>
        <translation>样本 {sample}：真实类别 {true}，预测为 {predicted}</translation>
    </message>
</context>
<context>
    <name>PlaneChoice</name>
    <message>
        <source>Map over x:</source>
        <translation>绘图 x 轴：</translation>
    </message>
    <message>
        <source>y:</source>
        <translation>y 轴：</translation>
    </message>
    <message>
        <source>The other inputs are held at their training mean.</source>
        <translation>其他输入固定为它们在训练数据上的平均值。</translation>
    </message>
</context>
<context>
    <name>Probe</name>
    <message>
        <source>Type the inputs as numbers separated by commas, not {text}.</source>
        <translation>请输入用逗号分隔的数字，而不是 {text}。</translation>
    </message>
    <message>
        <source>Probe x = [{inputs}]: output [{outputs}]. Choose a sample to go back to the data.</source>
        <translation>探查 x = [{inputs}]：输出 [{outputs}]。选择一个样本即可回到数据。</translation>
    </message>
    <message>
        <source>Probe an input</source>
        <translation>探查一个输入</translation>
    </message>
    <message>
        <source>Inputs (comma separated):</source>
        <translation>输入（用逗号分隔）：</translation>
    </message>
    <message>
        <source>Cannot probe</source>
        <translation>无法探查</translation>
    </message>
</context>
<context>
    <name>RbmEditing</name>
    <message>
        <source>A Boltzmann machine joins every visible neuron to every hidden one: its connections cannot be removed. Change a layer&apos;s size instead.</source>
        <translation>玻尔兹曼机把每个可见神经元都连到每个隐藏神经元：它的连接不能删除。请改为修改层的大小。</translation>
    </message>
    <message>
        <source>Every neuron of a Boltzmann machine has a bias: they stay on.</source>
        <translation>玻尔兹曼机的每个神经元都有偏置：偏置始终保留。</translation>
    </message>
</context>
<context>
    <name>RbmTabs</name>
    <message>
        <source>Filters</source>
        <translation>滤波器</translation>
    </message>
    <message>
        <source>Reconstructions</source>
        <translation>重构</translation>
    </message>
    <message>
        <source>Dreams</source>
        <translation>梦境</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>误差</translation>
    </message>
    <message>
        <source>Each hidden unit&apos;s weights</source>
        <translation>每个隐藏单元的权重</translation>
    </message>
    <message>
        <source>Training samples and their reconstructions</source>
        <translation>训练样本及其重构</translation>
    </message>
    <message>
        <source>Samples drawn by Gibbs sampling (dreams)</source>
        <translation>用吉布斯采样抽取的样本（梦境）</translation>
    </message>
</context>
<context>
    <name>ReconstructionsView</name>
    <message>
        <source>Samples (top) and their reconstructions (below): error {error}</source>
        <translation>样本（上）及其重构（下）：误差 {error}</translation>
    </message>
</context>
<context>
    <name>RegulariserComparison</name>
    <message>
        <source>Set dropout</source>
        <translation>设置随机失活率</translation>
    </message>
    <message>
        <source>Compare With and Without &amp;Regulariser…</source>
        <translation>对比有无正则化(&amp;R)…</translation>
    </message>
    <message>
        <source>Train the network twice from its seed&apos;s weights, without and with a regulariser, and compare the runs</source>
        <translation>从随机种子给出的权重开始把网络训练两次，一次不用正则化、一次用，再对比两次训练</translation>
    </message>
    <message>
        <source>compare regularisers</source>
        <translation>对比正则化</translation>
    </message>
    <message>
        <source>Compare With and Without Regulariser</source>
        <translation>对比有无正则化</translation>
    </message>
    <message>
        <source>The network&apos;s weights are not saved: training it twice replaces them. Train anyway?</source>
        <translation>网络的权重还没有保存：训练两次会替换它们。仍要训练吗？</translation>
    </message>
    <message>
        <source>Both runs are in the Runs view; the network holds the one with {setting}.</source>
        <translation>两次训练都在“训练记录”视图中；网络现在是用了{setting}的那一次。</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>随机失活</translation>
    </message>
</context>
<context>
    <name>RegulariserDialog</name>
    <message>
        <source>Dropout (every hidden layer)</source>
        <translation>随机失活（每个隐藏层）</translation>
    </message>
    <message>
        <source>Compare With and Without Regulariser</source>
        <translation>对比有无正则化</translation>
    </message>
    <message>
        <source>Regulariser:</source>
        <translation>正则化：</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>强度：</translation>
    </message>
    <message>
        <source>The network is trained twice from its seed&apos;s weights, without the regulariser and with it, and both runs are shown side by side in the Runs view. Overfitting shows best with few noisy samples, a big network and a validation share: for example moons, 40 samples, noise 0.35, validation share 0.5 and two hidden layers of 24.</source>
        <translation>网络从随机种子给出的权重开始训练两次，一次不用正则化、一次用，两次训练并排显示在“训练记录”视图中。样本少且有噪声、网络大、并留出验证集时，过拟合最明显：例如 moons，40 个样本，噪声 0.35，验证集比例 0.5，两个各有 24 个神经元的隐藏层。</translation>
    </message>
    <message>
        <source>Train Both</source>
        <translation>训练两次</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1 值</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>macro mean</source>
        <translation>宏平均</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Which samples to score: the held-out ones show how the network does on data it never trained on.</source>
        <translation>用哪些样本评估：留出数据能看出网络在从没训练过的数据上表现如何。</translation>
    </message>
    <message>
        <source>Train the network to see how it classifies.</source>
        <translation>训练网络后，这里会显示它的分类效果。</translation>
    </message>
    <message>
        <source>Score the network on</source>
        <translation>评估网络所用的数据：</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: true class, columns: predicted)</source>
        <translation>混淆矩阵（行：真实类别，列：预测类别）</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>各类别</translation>
    </message>
    <message>
        <source>{accuracy} correct, 1 mistake.</source>
        <translation>正确率 {accuracy}，错 1 个。</translation>
    </message>
    <message>
        <source>{accuracy} correct, {count} mistakes.</source>
        <translation>正确率 {accuracy}，错 {count} 个。</translation>
    </message>
    <message>
        <source>Regression: mean squared error {error} (the sse error E is half of it).</source>
        <translation>回归：均方误差 {error}（sse 误差 E 是它的一半）。</translation>
    </message>
    <message>
        <source>Regression: mean squared error {error}.</source>
        <translation>回归：均方误差 {error}。</translation>
    </message>
    <message>
        <source>A Boltzmann machine learns its data, not their classes: it has no confusion matrix. Its reconstruction error here is {error} (see Reconstructions).</source>
        <translation>玻尔兹曼机学习的是数据本身，而不是它们的类别：所以没有混淆矩阵。它在这里的重构误差是 {error}（见“重构”）。</translation>
    </message>
    <message>
        <source>On the held-out data: {accuracy}.</source>
        <translation>留出数据上：{accuracy}。</translation>
    </message>
    <message>
        <source>On the training data: {accuracy}.</source>
        <translation>训练数据上：{accuracy}。</translation>
    </message>
</context>
<context>
    <name>RewindBar</name>
    <message>
        <source>Drag back to see the network as it was at an earlier epoch</source>
        <translation>向回拖动，查看网络在较早某一轮时的样子</translation>
    </message>
    <message>
        <source>Train From Here</source>
        <translation>从这里继续训练</translation>
    </message>
    <message>
        <source>Go back to this epoch: the later epochs are forgotten</source>
        <translation>回到这一轮：之后各轮的结果会被丢弃</translation>
    </message>
    <message>
        <source>Rewind</source>
        <translation>回退</translation>
    </message>
    <message>
        <source>epoch {epoch} (latest)</source>
        <translation>第 {epoch} 轮（最新）</translation>
    </message>
    <message>
        <source>epoch {epoch} of {latest}</source>
        <translation>第 {epoch} 轮 / 共 {latest} 轮</translation>
    </message>
</context>
<context>
    <name>RunComparisonView</name>
    <message>
        <source>epochs all done</source>
        <translation>已训练完所有轮</translation>
    </message>
    <message>
        <source>target error reached</source>
        <translation>达到目标误差</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>早停</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Error of each run</source>
        <translation>每次训练的误差</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>error E</source>
        <translation>误差 E</translation>
    </message>
    <message>
        <source>Show all settings</source>
        <translation>显示全部设置</translation>
    </message>
    <message>
        <source>Runs appear here when training ends, the last four side by side: change a setting, reset and train again to compare.</source>
        <translation>训练结束后，训练记录会出现在这里，最近四次并排显示：改一个设置，重置后再训练一次，就能对比。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Put this run&apos;s final weights and error curve back into the network</source>
        <translation>把这次训练最终的权重和误差曲线放回网络</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Keep this run when newer runs push old ones out</source>
        <translation>有新的训练挤掉旧记录时，保留这一次</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>The runs differ in this setting</source>
        <translation>各次训练在这项设置上不同</translation>
    </message>
    <message>
        <source>{run} restored: its weights and error curve are back; Train goes on from them.</source>
        <translation>已恢复{run}：它的权重和误差曲线已放回；“训练”会从这里继续。</translation>
    </message>
    <message>
        <source>Restore {run}</source>
        <translation>恢复{run}</translation>
    </message>
    <message>
        <source>The network&apos;s weights now are not saved and are not one of the kept runs: restoring {run} replaces them. Restore it?</source>
        <translation>网络现在的权重没有保存，也不属于保留的任何一次训练：恢复{run}会替换它们。要恢复吗？</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>{network}, no biases</source>
        <translation>{network}，无偏置</translation>
    </message>
    <message>
        <source>{network}, dropout {rates}</source>
        <translation>{network}，随机失活 {rates}</translation>
    </message>
    <message>
        <source>error {error:.3g}</source>
        <translation>误差 {error:.3g}</translation>
    </message>
    <message>
        <source>{share:.0%} right</source>
        <translation>正确 {share:.0%}</translation>
    </message>
    <message>
        <source>validation {error:.3g}</source>
        <translation>验证集 {error:.3g}</translation>
    </message>
    <message>
        <source>{count:,} epochs</source>
        <translation>{count:,} 轮</translation>
    </message>
</context>
<context>
    <name>SampleLedgerView</name>
    <message>
        <source>Misclassified training images, true → predicted: {shown} of {count}</source>
        <translation>分错的训练图像，真实 → 预测：{shown} / {count}</translation>
    </message>
    <message>
        <source>Epoch {epoch}: the {count} hardest of {total} training samples.</source>
        <translation>第 {epoch} 轮：{total} 个训练样本中最难的 {count} 个。</translation>
    </message>
    <message>
        <source>Epoch {epoch}: all {total} training samples.</source>
        <translation>第 {epoch} 轮：全部 {total} 个训练样本。</translation>
    </message>
    <message>
        <source>Click one to show it in the network and in Explain a Step.</source>
        <translation>点击一个样本，就会在网络和单步讲解中显示它。</translation>
    </message>
    <message>
        <source>No training image is misclassified.</source>
        <translation>没有分错的训练图像。</translation>
    </message>
    <message>
        <source>A perceptron&apos;s error for a sample is 1 while it is misclassified and 0 once it is right (Rosenblatt&apos;s rule).</source>
        <translation>感知机对一个样本的误差在分错时为 1，分对后为 0（Rosenblatt 规则）。</translation>
    </message>
    <message>
        <source>A sample&apos;s error E is the mean squared error of its outputs.</source>
        <translation>样本的误差 E 是它各输出的均方误差。</translation>
    </message>
    <message>
        <source>A sample&apos;s error E is its {loss} loss.</source>
        <translation>样本的误差 E 是它的 {loss} 损失。</translation>
    </message>
    <message>
        <source>A Hopfield memory has no training samples to list.</source>
        <translation>Hopfield 记忆没有可列出的训练样本。</translation>
    </message>
    <message>
        <source>No sample errors were kept by epoch {epoch}.</source>
        <translation>到第 {epoch} 轮为止没有保留样本误差。</translation>
    </message>
    <message>
        <source>Train the network to see each sample&apos;s error.</source>
        <translation>训练网络后，这里会显示每个样本的误差。</translation>
    </message>
</context>
<context>
    <name>StateSpaceView</name>
    <message>
        <source>Each point is a sample at the two principal components of its {count} inputs (PC 1 and PC 2: the directions in which they vary most).</source>
        <translation>每个点是一个样本，位置取它 {count} 个输入的两个主成分（PC 1 和 PC 2：输入变化最大的两个方向）。</translation>
    </message>
    <message>
        <source>Each point is a sample at the two principal components of this layer&apos;s {count} outputs (PC 1 and PC 2: the directions in which they vary most).</source>
        <translation>每个点是一个样本，位置取这一层 {count} 个输出的两个主成分（PC 1 和 PC 2：输出变化最大的两个方向）。</translation>
    </message>
    <message>
        <source>Each point is a sample at its two inputs.</source>
        <translation>每个点是一个样本，位置取它的两个输入。</translation>
    </message>
    <message>
        <source>Each point is a sample at the outputs of this layer&apos;s two neurons.</source>
        <translation>每个点是一个样本，位置取这一层两个神经元的输出。</translation>
    </message>
    <message>
        <source>One input: each sample at its value (across), one row per sample (up).</source>
        <translation>只有一个输入：横向是每个样本的输入值，纵向每个样本占一行。</translation>
    </message>
    <message>
        <source>One neuron: each sample at its output (across), one row per sample (up).</source>
        <translation>只有一个神经元：横向是每个样本的输出，纵向每个样本占一行。</translation>
    </message>
    <message>
        <source>Whose outputs place the samples: a hidden layer shows what the network has made of the data; the inputs show the data as they are, to compare.</source>
        <translation>用哪一层的输出来摆放样本：隐藏层显示网络把数据变成了什么样；输入显示数据本来的样子，用来对比。</translation>
    </message>
    <message>
        <source>Where each class gathers in a cluster of its own, the layer tells the classes apart. Choose the inputs to see how mixed they were to begin with.</source>
        <translation>如果每个类别各自聚成一团，这一层就能把类别分开。选择“输入”可以看到它们一开始混杂到什么程度。</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>Inputs ({count})</source>
        <translation>输入（{count}）</translation>
    </message>
    <message>
        <source>A network that trains on data shows its state space here.</source>
        <translation>在数据上训练的网络会在这里显示它的状态空间。</translation>
    </message>
    <message>
        <source>PC {number} ({share})</source>
        <translation>PC {number}（{share}）</translation>
    </message>
    <message>
        <source>Hidden {layer}, neuron {number}</source>
        <translation>隐藏层 {layer}，神经元 {number}</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>This network has no hidden layer: only its inputs are shown. {text}</source>
        <translation>这个网络没有隐藏层：只显示它的输入。{text}</translation>
    </message>
    <message>
        <source>{shown} of the {count} samples are shown, spread evenly.</source>
        <translation>{count} 个样本中均匀地显示了 {shown} 个。</translation>
    </message>
    <message>
        <source>Hidden {layer} (1 neuron)</source>
        <translation>隐藏层 {layer}（1 个神经元）</translation>
    </message>
    <message>
        <source>Hidden {layer} ({count} neurons)</source>
        <translation>隐藏层 {layer}（{count} 个神经元）</translation>
    </message>
    <message>
        <source>target {value}</source>
        <translation>目标 {value}</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>Pausing…</source>
        <translation>正在暂停…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>target error reached at epoch {epoch}</source>
        <translation>第 {epoch} 轮达到目标误差</translation>
    </message>
    <message>
        <source>stopped early at epoch {epoch}</source>
        <translation>第 {epoch} 轮早停</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} 小时</translation>
    </message>
</context>
<context>
    <name>StepExplainer</name>
    <message>
        <source>&amp;Explain a Step</source>
        <translation>单步讲解(&amp;E)</translation>
    </message>
    <message>
        <source>Follow one training step on the chosen sample, with its numbers (F7)</source>
        <translation>用所选样本跟着走一遍训练的一步，并显示其中的数值（F7）</translation>
    </message>
    <message>
        <source>A Hopfield network does not learn from samples.</source>
        <translation>Hopfield 网络不是从样本中学习的。</translation>
    </message>
    <message>
        <source>A Boltzmann machine learns by contrastive divergence, not by backpropagation: Explain a Step follows perceptrons and MLPs. Its Reconstructions and Dreams in the Plots dock show what it learns.</source>
        <translation>玻尔兹曼机用对比散度学习，而不是反向传播：单步讲解只适用于感知机和 MLP。图表面板中的“重构”和“梦境”显示它学到了什么。</translation>
    </message>
    <message>
        <source>Pause training (F6) to follow a step.</source>
        <translation>先暂停训练（F6），才能跟着看一步。</translation>
    </message>
    <message>
        <source>There is no network yet.</source>
        <translation>还没有网络。</translation>
    </message>
    <message>
        <source>The network was edited since it was last built: Step (F10) builds it, and the step on the edited network is explained.</source>
        <translation>网络在上次构建后被修改过：按 F10（单步）会重新构建它，然后讲解修改后网络上的这一步。</translation>
    </message>
    <message>
        <source>the {optimiser} optimiser (each weight moves by its own step size, against the sign of its gradient only)</source>
        <translation>{optimiser} 优化器（每个权重按自己的步长移动，方向只看梯度符号的反方向）</translation>
    </message>
    <message>
        <source>the {optimiser} optimiser</source>
        <translation>{optimiser} 优化器</translation>
    </message>
    <message>
        <source>a learning rate that falls on a schedule</source>
        <translation>按调度逐渐降低的学习率</translation>
    </message>
    <message>
        <source>momentum {momentum}</source>
        <translation>动量 {momentum}</translation>
    </message>
    <message>
        <source>L1/L2 penalties</source>
        <translation>L1/L2 正则化</translation>
    </message>
    <message>
        <source>batches of several samples (their gradients averaged)</source>
        <translation>多个样本组成的批量（梯度取平均）</translation>
    </message>
    <message>
        <source>Training uses {extras}; this is the plain gradient step on this one sample, the building block of each update.</source>
        <translation>训练时还用了：{extras}。这里讲解的是只用这一个样本的普通梯度下降步，它是每次更新的基本单元。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>TrainingStatus</name>
    <message>
        <source>epoch {epoch} of {epochs}</source>
        <translation>第 {epoch} 轮 / 共 {epochs} 轮</translation>
    </message>
    <message>
        <source>error {error}</source>
        <translation>误差 {error}</translation>
    </message>
    <message>
        <source>validation {error}</source>
        <translation>验证集 {error}</translation>
    </message>
    <message>
        <source>{rate} epochs/s</source>
        <translation>{rate} 轮/秒</translation>
    </message>
    <message>
        <source>%p% · {left} left</source>
        <translation>%p% · 还剩 {left}</translation>
    </message>
    <message>
        <source>Sample </source>
        <translation>样本 </translation>
    </message>
    <message>
        <source>The input whose values the network diagram shows</source>
        <translation>网络图上显示的是这个样本的输入及各个值</translation>
    </message>
    <message>
        <source> of {count}</source>
        <translation> / {count}</translation>
    </message>
</context>
<context>
    <name>WeightsPlot</name>
    <message>
        <source>layer {layer}: {shape}</source>
        <translation>第 {layer} 层：{shape}</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>{title} (from column {column} on: skips)</source>
        <translation>{title}（从第 {column} 列起：跳跃连接）</translation>
    </message>
    <message>
        <source>all weights</source>
        <translation>全部权重</translation>
    </message>
    <message>
        <source>weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>count</source>
        <translation>个数</translation>
    </message>
</context>
</TS>
