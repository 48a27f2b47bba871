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
        <source>{first} {then}</source>
        <translation>{first}{then}</translation>
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
        <source>the {optimiser} optimiser</source>
        <translation>{optimiser} 优化器</translation>
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
