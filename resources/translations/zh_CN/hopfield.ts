<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Capacity experiment</source>
        <translation>容量实验</translation>
    </message>
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
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Recalled from 10% noise; dashed: the rule&apos;s limits for N = {n}</source>
        <translation>从 10% 噪声中回忆；虚线：N = {n} 时该规则的容量极限</translation>
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
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Grid sizes</source>
        <translation>网格大小</translation>
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
        <source>{measure}, N = {n}</source>
        <translation>{measure}，N = {n}</translation>
    </message>
    <message>
        <source>Cancelled: the points show the trials made.</source>
        <translation>已取消：图中的点是已完成的试验。</translation>
    </message>
    <message>
        <source>Done. The load where half the patterns or fewer come back:</source>
        <translation>完成。能回忆出的模式降到一半或更少时的负载：</translation>
    </message>
    <message>
        <source>N = {n}: exactly, {exact}; with few errors, {few}.</source>
        <translation>N = {n}：完全正确为 {exact}；少量错误为 {few}。</translation>
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
        <source>Overlap with each stored pattern</source>
        <translation>与每个已存储模式的重叠度</translation>
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
