<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttentionView</name>
    <message>
        <source>The softmax&apos;s inverse temperature: large, the state becomes the nearest stored pattern; small, a mixture of them</source>
        <translation>softmax 的逆温度：取大值时，状态变成最近的已存储模式；取小值时，状态是几个模式的混合</translation>
    </message>
    <message>
        <source>The state it settles in</source>
        <translation>最后稳定下来的状态</translation>
    </message>
    <message>
        <source>Attention weights of the grid&apos;s pattern</source>
        <translation>网格上的模式的注意力权重</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>beta</source>
        <translation>β</translation>
    </message>
    <message>
        <source>xi_new = X softmax(beta X^T xi): a transformer&apos;s attention, with the state as the query and the stored patterns as the keys and the values.</source>
        <translation>xi_new = X softmax(beta X^T xi)：这就是 Transformer 的注意力，状态是查询 (query)，已存储的模式既是键 (key) 也是值 (value)。</translation>
    </message>
    <message>
        <source>Store patterns to see how beta mixes them.</source>
        <translation>先存储模式，再看 β 如何把它们混合。</translation>
    </message>
    <message>
        <source>The largest weight: {name}, {weight}. Settled in {steps} steps, overlapping {name} by {overlap}.</source>
        <translation>权重最大的是 {name}：{weight}。经过 {steps} 步后稳定，与 {name} 的重叠度为 {overlap}。</translation>
    </message>
</context>
<context>
    <name>BAMPanel</name>
    <message>
        <source>x (letter)</source>
        <translation>x（字母）</translation>
    </message>
    <message>
        <source>y (code)</source>
        <translation>y（编码）</translation>
    </message>
    <message>
        <source>Overlap with each stored pair</source>
        <translation>与每个已存储模式对的重叠度</translation>
    </message>
    <message>
        <source>half-steps</source>
        <translation>半步数</translation>
    </message>
    <message>
        <source>Double-click a pair to show it</source>
        <translation>双击一个模式对，把它显示出来</translation>
    </message>
    <message>
        <source>Add Pair</source>
        <translation>添加模式对</translation>
    </message>
    <message>
        <source>Add the two grids to the pairs as one pair</source>
        <translation>把两个网格作为一个模式对加入列表</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Take the chosen pair off the list</source>
        <translation>从列表中删除选中的模式对</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Store every pair: W = sum of y x^T</source>
        <translation>存储所有模式对：W = 各对 y x^T 之和</translation>
    </message>
    <message>
        <source>Corrupt</source>
        <translation>加噪</translation>
    </message>
    <message>
        <source>Flip that share of the chosen side&apos;s cells, at random</source>
        <translation>在选中的一侧随机翻转这个比例的格子</translation>
    </message>
    <message>
        <source>Recall from x</source>
        <translation>从 x 回忆</translation>
    </message>
    <message>
        <source>y = sign(W x) first, then back and forth until nothing changes</source>
        <translation>先算 y = sign(W x)，再来回更新，直到不再变化</translation>
    </message>
    <message>
        <source>Recall from y</source>
        <translation>从 y 回忆</translation>
    </message>
    <message>
        <source>x = sign(W^T y) first, then back and forth until nothing changes</source>
        <translation>先算 x = sign(W^T y)，再来回更新，直到不再变化</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One half-step: one whole side updated</source>
        <translation>走半步：整个一侧更新一次</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the recall where it is</source>
        <translation>在当前状态结束回忆</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Add pair</source>
        <translation>添加模式对</translation>
    </message>
    <message>
        <source>Remove pair</source>
        <translation>删除模式对</translation>
    </message>
    <message>
        <source>Store pairs</source>
        <translation>存储模式对</translation>
    </message>
    <message>
        <source>Show pair</source>
        <translation>显示模式对</translation>
    </message>
    <message>
        <source>Corrupt {side} {share}</source>
        <translation>加噪 {side} {share}</translation>
    </message>
    <message>
        <source>Nothing is stored yet: add pairs and press Store.</source>
        <translation>还没有存储任何模式对：请先添加模式对，再按“存储”。</translation>
    </message>
    <message>
        <source>{count} half-steps.</source>
        <translation>共 {count} 个半步。</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>回忆</translation>
    </message>
    <message>
        <source>Hopfield</source>
        <translation>Hopfield</translation>
    </message>
    <message>
        <source>Pairs (BAM)</source>
        <translation>模式对（双向联想记忆）</translation>
    </message>
</context>
<context>
    <name>BasinsView</name>
    <message>
        <source>Mean over the patterns</source>
        <translation>所有模式的平均</translation>
    </message>
    <message>
        <source>Each pattern</source>
        <translation>每个模式</translation>
    </message>
    <message>
        <source>Every rule</source>
        <translation>所有规则</translation>
    </message>
    <message>
        <source>Store the patterns by this rule, or by each</source>
        <translation>用这个规则存储模式，或者依次用每个规则</translation>
    </message>
    <message>
        <source>Noisy copies recalled per pattern and share of flipped bits</source>
        <translation>每个模式在每种翻转比例下回忆的加噪副本数</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Recalled exactly (solid) and mean overlap (dashed)</source>
        <translation>完全回忆的比例（实线）和平均重叠度（虚线）</translation>
    </message>
    <message>
        <source>share of bits flipped</source>
        <translation>翻转的位比例</translation>
    </message>
    <message>
        <source>share recalled, overlap m</source>
        <translation>回忆出的比例，重叠度 m</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验次数</translation>
    </message>
    <message>
        <source>Nothing is stored yet: add patterns and press Store.</source>
        <translation>还没有存储任何模式：请先添加模式，再按“存储”。</translation>
    </message>
    <message>
        <source>Cancelled: the curves show what was measured.</source>
        <translation>已取消：曲线显示的是已测到的部分。</translation>
    </message>
    <message>
        <source>Done. How far every trial still came back exactly:</source>
        <translation>完成。每次试验都能完全回忆的翻转比例上限：</translation>
    </message>
    <message>
        <source>{rule}: up to {share} of the bits flipped</source>
        <translation>{rule}：最多翻转 {share} 的位</translation>
    </message>
    <message>
        <source>{rule}: nowhere: some patterns are not even fixed points</source>
        <translation>{rule}：没有：有些模式连不动点都不是</translation>
    </message>
</context>
<context>
    <name>Capacity</name>
    <message>
        <source>exact</source>
        <translation>完全正确</translation>
    </message>
    <message>
        <source>few errors</source>
        <translation>少量错误</translation>
    </message>
    <message>
        <source>none up to {load}</source>
        <translation>到 {load} 为止都没有</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} 和 {last}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>CapacityDialog</name>
    <message>
        <source>This grid only (N = {n})</source>
        <translation>仅当前网格（N = {n}）</translation>
    </message>
    <message>
        <source>Run the experiment on more grids to see the effect of N</source>
        <translation>在更多网格上做实验，看看 N 的影响</translation>
    </message>
    <message>
        <source>Random pattern sets tried at each load</source>
        <translation>每个负载下尝试的随机模式组数</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Random patterns</source>
        <translation>随机模式</translation>
    </message>
    <message>
        <source>Correlated patterns</source>
        <translation>相关模式</translation>
    </message>
    <message>
        <source>Random and correlated</source>
        <translation>随机模式和相关模式</translation>
    </message>
    <message>
        <source>Your library</source>
        <translation>你的模式库</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>correlated</source>
        <translation>相关</translation>
    </message>
    <message>
        <source>library</source>
        <translation>模式库</translation>
    </message>
    <message>
        <source>Capacity lab</source>
        <translation>容量实验</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Every rule</source>
        <translation>所有规则</translation>
    </message>
    <message>
        <source>Measure every storage rule, side by side</source>
        <translation>测量每个存储规则，并排比较</translation>
    </message>
    <message>
        <source>c: each pattern is a shared random parent with each cell flipped with probability (1 - c) / 2, so two patterns overlap c squared on average</source>
        <translation>c：每个模式都由同一个随机“母模式”得到，每个格子以概率 (1 - c) / 2 翻转，所以两个模式的平均重叠度是 c 的平方</translation>
    </message>
    <message>
        <source>The share of each pattern&apos;s cells flipped before recall (0%: is each pattern a fixed point?)</source>
        <translation>回忆前每个模式被翻转的格子比例（0%：看每个模式是不是不动点）</translation>
    </message>
    <message>
        <source>Recalled from noise; dashed lines: the theory&apos;s limits for N = {n}</source>
        <translation>从加噪的模式回忆；虚线：N = {n} 时的理论上限</translation>
    </message>
    <message>
        <source>{measure}, {case}</source>
        <translation>{measure}，{case}</translation>
    </message>
    <message>
        <source>{case}: exactly, {exact}; with few errors, {few}.</source>
        <translation>{case}：完全正确，{exact}；少量错误，{few}。</translation>
    </message>
    <message>
        <source>load P / N (patterns per neuron)</source>
        <translation>负载 P / N（每个神经元的模式数）</translation>
    </message>
    <message>
        <source>share of patterns recalled</source>
        <translation>回忆出的模式比例</translation>
    </message>
    <message>
        <source>dense:</source>
        <translation>稠密：</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>overlap c</source>
        <translation>重叠度 c</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Grid sizes</source>
        <translation>网格大小</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Trials per load</source>
        <translation>每个负载的试验次数</translation>
    </message>
    <message>
        <source>overlap with the pattern at least {overlap}</source>
        <translation>与原模式的重叠度至少为 {overlap}</translation>
    </message>
    <message>
        <source>Few errors</source>
        <translation>少量错误</translation>
    </message>
    <message>
        <source>Cancelled: the points show the trials made.</source>
        <translation>已取消：图中的点是已完成的试验。</translation>
    </message>
    <message>
        <source>Done. The load where half the patterns or fewer come back:</source>
        <translation>完成。能回忆出的模式降到一半或更少时的负载：</translation>
    </message>
</context>
<context>
    <name>HopfieldWorkspace</name>
    <message>
        <source>Recall failed</source>
        <translation>回忆失败</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Every cell white</source>
        <translation>所有格子变白</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>反转</translation>
    </message>
    <message>
        <source>Black becomes white and white black</source>
        <translation>黑变白，白变黑</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Every cell black or white at random</source>
        <translation>每个格子随机变黑或变白</translation>
    </message>
    <message>
        <source>Shift the drawing one cell left (it wraps round)</source>
        <translation>把图案向左移一格（移出的部分从另一边回来）</translation>
    </message>
    <message>
        <source>Shift the drawing one cell right (it wraps round)</source>
        <translation>把图案向右移一格（移出的部分从另一边回来）</translation>
    </message>
    <message>
        <source>Shift the drawing one cell up (it wraps round)</source>
        <translation>把图案向上移一格（移出的部分从另一边回来）</translation>
    </message>
    <message>
        <source>Shift the drawing one cell down (it wraps round)</source>
        <translation>把图案向下移一格（移出的部分从另一边回来）</translation>
    </message>
    <message>
        <source>Weights under the mouse</source>
        <translation>显示鼠标处的权重</translation>
    </message>
    <message>
        <source>Colour the grid by the weights into the neuron under the mouse</source>
        <translation>用颜色显示连到鼠标所指神经元的权重</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>The share of cells Corrupt flips</source>
        <translation>“加噪”翻转的格子比例</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Flip that share of the cells, chosen at random</source>
        <translation>随机选出这个比例的格子并翻转</translation>
    </message>
    <message>
        <source>Corrupt</source>
        <translation>加噪</translation>
    </message>
    <message>
        <source>One neuron at a time (the energy never rises) or all at once</source>
        <translation>一次更新一个神经元（能量不会上升），或一次全部更新</translation>
    </message>
    <message>
        <source>fastest</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>{speed} updates/s</source>
        <translation>每秒 {speed} 次更新</translation>
    </message>
    <message>
        <source>How fast recall is animated</source>
        <translation>回忆动画的速度</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Let the network settle from the grid&apos;s pattern</source>
        <translation>让网络从网格上的模式出发，直到稳定</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One update: one neuron (async) or all (sync)</source>
        <translation>更新一次：一个神经元（异步）或全部（同步）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause the recall</source>
        <translation>暂停回忆</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the recall where it is</source>
        <translation>在当前状态结束回忆</translation>
    </message>
    <message>
        <source>Energy &amp;&amp; overlap</source>
        <translation>能量与重叠度</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Basins</source>
        <translation>吸引域</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Random pattern</source>
        <translation>随机模式</translation>
    </message>
    <message>
        <source>Corrupt {share}</source>
        <translation>加噪 {share}</translation>
    </message>
    <message>
        <source>Load an image</source>
        <translation>载入图片</translation>
    </message>
    <message>
        <source>Could not load the image</source>
        <translation>无法载入图片</translation>
    </message>
    <message>
        <source>{name} could not be read as an image (PNG, JPEG, BMP or GIF).</source>
        <translation>无法把 {name} 读作图片（PNG、JPEG、BMP 或 GIF）。</translation>
    </message>
    <message>
        <source>Load image</source>
        <translation>载入图片</translation>
    </message>
    <message>
        <source>Show image</source>
        <translation>显示图片</translation>
    </message>
    <message>
        <source>A dense memory has no weight matrix: here are its stored patterns, a row each (pattern by neuron)</source>
        <translation>稠密记忆没有权重矩阵：这里显示它存储的模式，每个模式一行（行是模式，列是神经元）</translation>
    </message>
    <message>
        <source>Nothing is stored yet: add patterns and press Store.</source>
        <translation>还没有存储任何模式：请先添加模式，再按“存储”。</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>回忆</translation>
    </message>
</context>
<context>
    <name>PatternGrid</name>
    <message>
        <source>Left-drag paints black, right-drag paints white; right-click beside the grid (or press the Menu key) to save it</source>
        <translation>左键拖动涂黑，右键拖动涂白；在网格旁边右击（或按菜单键）可以保存它</translation>
    </message>
</context>
<context>
    <name>PatternLibrary</name>
    <message>
        <source>F(x) = x^{degree}</source>
        <translation>F(x) = x^{degree}</translation>
    </message>
    <message>
        <source>F(x) = e^x</source>
        <translation>F(x) = e^x</translation>
    </message>
    <message>
        <source>The dense rule&apos;s interaction: its energy is minus the sum of F(overlap) over the stored patterns; degree 2 is Hebb&apos;s network, higher degrees hold far more</source>
        <translation>稠密规则的相互作用：能量等于所有已存储模式的 F(重叠度) 之和取负；次数为 2 时就是 Hebb 网络，次数越高，能存储的模式多得多</translation>
    </message>
    <message>
        <source>Double-click a pattern to draw it on the grid</source>
        <translation>双击一个模式，把它画到网格上</translation>
    </message>
    <message>
        <source>Add Current</source>
        <translation>添加当前</translation>
    </message>
    <message>
        <source>Put the grid&apos;s pattern in the library</source>
        <translation>把网格上的模式放进模式库</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Put the grid&apos;s pattern in place of the chosen one</source>
        <translation>用网格上的模式替换选中的模式</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Take the chosen pattern out</source>
        <translation>从库中删除选中的模式</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Draw the chosen pattern on the grid</source>
        <translation>把选中的模式画到网格上</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Store every pattern in the network with the rule</source>
        <translation>用所选规则把所有模式存储到网络中</translation>
    </message>
    <message>
        <source>How the weights are made from the patterns</source>
        <translation>由模式得到权重的方法</translation>
    </message>
    <message>
        <source>Capacity…</source>
        <translation>容量…</translation>
    </message>
    <message>
        <source>Measure how many random patterns this grid recalls</source>
        <translation>测一测这个网格能回忆多少个随机模式</translation>
    </message>
    <message>
        <source>The overlap of two patterns: the share of cells they agree on minus the share they differ on. 1: the same, 0: as unlike as random patterns, -1: each the other inverted.</source>
        <translation>两个模式的重叠度：相同格子的比例减去不同格子的比例。1：完全相同；0：像两个随机模式一样不相干；-1：互为反转。</translation>
    </message>
    <message>
        <source>Load Set</source>
        <translation>载入模式集</translation>
    </message>
    <message>
        <source>Add a built-in set of patterns, or a picture</source>
        <translation>添加内置的模式集，或一张图片</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>图片…</translation>
    </message>
    <message>
        <source>Needs a {side} x {side} grid</source>
        <translation>需要 {side} x {side} 的网格</translation>
    </message>
    <message>
        <source>Add pattern</source>
        <translation>添加模式</translation>
    </message>
    <message>
        <source>Replace pattern</source>
        <translation>替换模式</translation>
    </message>
    <message>
        <source>Remove pattern</source>
        <translation>删除模式</translation>
    </message>
    <message>
        <source>Show pattern</source>
        <translation>显示模式</translation>
    </message>
    <message>
        <source>Store ({rule})</source>
        <translation>存储（{rule}）</translation>
    </message>
    <message>
        <source>Load {set}</source>
        <translation>载入 {set}</translation>
    </message>
    <message>
        <source>{name}: stored</source>
        <translation>{name}：已存储</translation>
    </message>
    <message>
        <source>{name}: not stored yet</source>
        <translation>{name}：尚未存储</translation>
    </message>
    <message>
        <source>{stored} stored: load {load}</source>
        <translation>已存储 {stored} 个：负载 {load}</translation>
    </message>
    <message>
        <source>The most alike stored patterns, {first} and {second}, overlap {overlap}.</source>
        <translation>已存储的模式中最相像的是 {first} 和 {second}，重叠度为 {overlap}。</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <source>updates</source>
        <translation>更新次数</translation>
    </message>
</context>
<context>
    <name>RecallController</name>
    <message>
        <source>Recall stopped on an error: {error}</source>
        <translation>回忆因出错而停止：{error}</translation>
    </message>
</context>
<context>
    <name>RecallPlots</name>
    <message>
        <source>Energy</source>
        <translation>能量</translation>
    </message>
    <message>
        <source>Distance to each pattern, - - its inverse</source>
        <translation>到每个模式的距离，- - 到它的反转模式</translation>
    </message>
    <message>
        <source>Hamming distance</source>
        <translation>汉明距离</translation>
    </message>
    <message>
        <source>Overlap with each stored pattern</source>
        <translation>与每个已存储模式的重叠度</translation>
    </message>
    <message>
        <source>Energy at T = {temperature}</source>
        <translation>T = {temperature} 时的能量</translation>
    </message>
</context>
<context>
    <name>TemperatureControls</name>
    <message>
        <source>geometric</source>
        <translation>几何</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Temperature T: 0 is deterministic recall; above 0 a neuron takes +1 with probability sigma(2h / T), so the state (and the energy) fluctuates</source>
        <translation>温度 T：为 0 时回忆是确定的；大于 0 时，神经元以概率 σ(2h / T) 取 +1，所以状态（和能量）会起伏</translation>
    </message>
    <message>
        <source>Anneal</source>
        <translation>退火</translation>
    </message>
    <message>
        <source>Let T fall from T0 towards 0 over the sweeps, then recall at T = 0: a way out of spurious states</source>
        <translation>让 T 在这些扫描中从 T0 逐渐降向 0，再在 T = 0 时回忆：这是走出伪稳定状态的一种方法</translation>
    </message>
    <message>
        <source>T0, where annealing starts</source>
        <translation>T0：退火开始时的温度</translation>
    </message>
    <message>
        <source>Sweeps made at T &gt; 0 (over which T falls, when annealing)</source>
        <translation>在 T &gt; 0 时进行的扫描次数（退火时，T 在这些扫描中逐渐降低）</translation>
    </message>
    <message>
        <source>How T falls: by the same factor each sweep, or by the same step</source>
        <translation>T 如何降低：几何，每次扫描乘以同一个因子；线性，每次减去同一个步长</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>T0</source>
        <translation>T0</translation>
    </message>
    <message>
        <source>sweeps</source>
        <translation>扫描次数</translation>
    </message>
</context>
<context>
    <name>WeightsView</name>
    <message>
        <source>Weights w_ij</source>
        <translation>权重 w_ij</translation>
    </message>
    <message>
        <source>neuron i</source>
        <translation>神经元 i</translation>
    </message>
    <message>
        <source>neuron j</source>
        <translation>神经元 j</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Asynchronous, random order</source>
        <translation>异步，随机顺序</translation>
    </message>
    <message>
        <source>Asynchronous, fixed order</source>
        <translation>异步，固定顺序</translation>
    </message>
    <message>
        <source>Synchronous</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
</context>
</TS>
