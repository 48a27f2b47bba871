<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Activations</name>
    <message>
        <source>Unknown activation {name}: choose one of {known}.</source>
        <translation>未知的激活函数 {name}：请从 {known} 中选择。</translation>
    </message>
    <message>
        <source>Give one activation per weight layer: {count} names, got {names}.</source>
        <translation>每个权重层需要一个激活函数：应有 {count} 个名称，实际为 {names}。</translation>
    </message>
    <message>
        <source>{name} can only be the output activation, but hidden layer {layer} uses it.</source>
        <translation>{name} 只能用作输出层的激活函数，但第 {layer} 个隐藏层用了它。</translation>
    </message>
    <message>
        <source>Layer {layer} uses the {name} activation, whose slope is 0 almost everywhere, so backpropagation cannot train it: use sigmoid (a smooth step) or tanh (a smooth sign).</source>
        <translation>第 {layer} 层使用 {name} 激活函数，它的斜率几乎处处为 0，反向传播无法训练它：请改用 Sigmoid（平滑的阶跃函数）或 tanh（平滑的符号函数）。</translation>
    </message>
</context>
<context>
    <name>BAM</name>
    <message>
        <source>Each layer of a BAM needs a unit at least, not {n} and {m}.</source>
        <translation>双向联想记忆的每一层至少需要一个单元，而不是 {n} 个和 {m} 个。</translation>
    </message>
    <message>
        <source>{x} x patterns and {y} y patterns make no pairs.</source>
        <translation>{x} 个 x 模式和 {y} 个 y 模式无法配成模式对。</translation>
    </message>
    <message>
        <source>A BAM pattern here is {size} values of -1 or +1.</source>
        <translation>这里双向联想记忆的模式是 {size} 个 -1 或 +1 的值。</translation>
    </message>
    <message>
        <source>Recall starts by updating x or y, not {name}.</source>
        <translation>回忆要从更新 x 或 y 开始，而不是 {name}。</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>{name} must be numbers: {reason}.</source>
        <translation>{name} 必须是数字：{reason}。</translation>
    </message>
    <message>
        <source>{name} has shape {shape}, but the network needs (samples, {columns}): one row per sample and {columns} column(s).</source>
        <translation>{name} 的形状是 {shape}，但网络需要 (样本数, {columns})：每个样本一行，共 {columns} 列。</translation>
    </message>
    <message>
        <source>{name} holds no samples: the data set is empty.</source>
        <translation>{name} 没有样本：数据集是空的。</translation>
    </message>
    <message>
        <source>There are {inputs} input rows but {targets} target rows: every sample needs exactly one target.</source>
        <translation>有 {inputs} 行输入，却有 {targets} 行目标：每个样本需要恰好一个目标。</translation>
    </message>
    <message>
        <source>row {row}, column {column}</source>
        <translation>第 {row} 行第 {column} 列</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>{name} holds {value} at {where}: remove or fill in the missing values first.</source>
        <translation>{name} 在{where}处的值为 {value}：请先删除或补全缺失的值。</translation>
    </message>
    <message>
        <source>The input X</source>
        <translation>输入 X</translation>
    </message>
    <message>
        <source>The target T</source>
        <translation>目标 T</translation>
    </message>
</context>
<context>
    <name>CsvData</name>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>bar</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>point</source>
        <translation>点</translation>
    </message>
    <message>
        <source>Row {line}, column {column} ({name})</source>
        <translation>第 {line} 行第 {column} 列（{name}）</translation>
    </message>
    <message>
        <source>{name} is {size}; nnsim imports CSV files of up to {limit}. Use a sample of the rows.</source>
        <translation>{name} 大小为 {size}；nnsim 只能导入不超过 {limit} 的 CSV 文件。请只取其中一部分行。</translation>
    </message>
    <message>
        <source>{name} is not readable UTF-16 text.</source>
        <translation>{name} 不是可读的 UTF-16 文本。</translation>
    </message>
    <message>
        <source>{name} is not a text file, so not a CSV table.</source>
        <translation>{name} 不是文本文件，所以不是 CSV 表格。</translation>
    </message>
    <message>
        <source>{delimiter} cannot separate columns: choose one character.</source>
        <translation>{delimiter} 不能用来分隔列：请选择单个字符。</translation>
    </message>
    <message>
        <source>{decimal} cannot be the decimal separator with {delimiter} between the columns: use a point, or a comma when another character separates.</source>
        <translation>列之间用{delimiter}分隔时，{decimal} 不能作小数分隔符：请用点；若列由其他字符分隔，也可以用逗号。</translation>
    </message>
    <message>
        <source>column {number}</source>
        <translation>第 {number} 列</translation>
    </message>
    <message>
        <source>{name}, line {line}, is not readable CSV: {reason}.</source>
        <translation>{name} 第 {line} 行不是可读的 CSV：{reason}。</translation>
    </message>
    <message>
        <source>{name} holds no rows.</source>
        <translation>{name} 中没有任何行。</translation>
    </message>
    <message>
        <source>{name} holds more than {count} cells (line {line}); nnsim imports no more. Use a sample of the rows.</source>
        <translation>{name} 的单元格超过 {count} 个（第 {line} 行）；nnsim 不再导入更多。请只取其中一部分行。</translation>
    </message>
    <message>
        <source>{name} holds more than {count} rows (line {line}); nnsim imports no more. Use a sample of the rows.</source>
        <translation>{name} 超过 {count} 行（第 {line} 行）；nnsim 不再导入更多。请只取其中一部分行。</translation>
    </message>
    <message>
        <source>{name} has 1 data row; training needs at least 2.</source>
        <translation>{name} 只有 1 行数据；训练至少需要 2 行。</translation>
    </message>
    <message>
        <source>{name} has 0 data rows; training needs at least 2.</source>
        <translation>{name} 没有数据行；训练至少需要 2 行。</translation>
    </message>
    <message>
        <source>Row {line} has {count} cells, but the header has {width}: every row needs one cell per column.</source>
        <translation>第 {line} 行有 {count} 个单元格，但表头有 {width} 个：每一行在每一列都需要一个单元格。</translation>
    </message>
    <message>
        <source>Row {line} has {count} cells, but the first row has {width}: every row needs one cell per column.</source>
        <translation>第 {line} 行有 {count} 个单元格，但第一行有 {width} 个：每一行在每一列都需要一个单元格。</translation>
    </message>
    <message>
        <source>No column is an input: make at least one column an input.</source>
        <translation>没有输入列：请至少把一列设为输入。</translation>
    </message>
    <message>
        <source>No column is a target: make the column to predict the target.</source>
        <translation>没有目标列：请把要预测的那一列设为目标。</translation>
    </message>
    <message>
        <source>Imported from {name}: {samples} samples, {inputs} inputs, {classes} classes.</source>
        <translation>从 {name} 导入：{samples} 个样本，{inputs} 个输入，{classes} 个类别。</translation>
    </message>
    <message>
        <source>Imported from {name}: {samples} samples, {inputs} inputs, 1 target.</source>
        <translation>从 {name} 导入：{samples} 个样本，{inputs} 个输入，1 个目标。</translation>
    </message>
    <message>
        <source>Imported from {name}: {samples} samples, {inputs} inputs, {targets} targets.</source>
        <translation>从 {name} 导入：{samples} 个样本，{inputs} 个输入，{targets} 个目标。</translation>
    </message>
    <message>
        <source>{where} is empty: every cell needs a value.</source>
        <translation>{where}是空的：每个单元格都需要一个值。</translation>
    </message>
    <message>
        <source>{where} holds {cell}, which is not a number (numbers are written like {example}, with a decimal {separator}). Make the column a target if it names classes, or ignore it.</source>
        <translation>{where}的内容是 {cell}，不是数字（数字应写成 {example} 这样，小数分隔符为{separator}）。如果这一列是类别名称，请把它设为目标；否则请忽略这一列。</translation>
    </message>
    <message>
        <source>{where} holds {cell}: use a finite number.</source>
        <translation>{where}的内容是 {cell}：请使用有限的数。</translation>
    </message>
    <message>
        <source>Class names go in one target column; several target columns must all hold numbers (they are then predicted together, as regression).</source>
        <translation>类别名称只能放在一个目标列中；多个目标列必须都是数字（它们会作为回归一起预测）。</translation>
    </message>
    <message>
        <source>{where} is empty: every sample needs a target.</source>
        <translation>{where}是空的：每个样本都需要一个目标。</translation>
    </message>
    <message>
        <source>Every target in {column} is {name}: a classifier needs 2 classes or more.</source>
        <translation>{column} 中所有目标都是 {name}：分类器至少需要 2 个类别。</translation>
    </message>
    <message>
        <source>Class labels are names or whole numbers; {column} holds other numbers.</source>
        <translation>类别标签应是名称或整数；{column} 中有其他数。</translation>
    </message>
</context>
<context>
    <name>Datasets</name>
    <message>
        <source>The test fraction must lie between 0 and 1, not {value}.</source>
        <translation>测试集比例必须在 0 到 1 之间，而不是 {value}。</translation>
    </message>
    <message>
        <source>{count} samples are too few to split {share} off for testing.</source>
        <translation>{count} 个样本太少，无法分出 {share} 用于测试。</translation>
    </message>
    <message>
        <source>Unknown input scaling {name}: choose z-score or min-max.</source>
        <translation>未知的输入缩放方式 {name}：请选择 z-score 或 min-max。</translation>
    </message>
    <message>
        <source>Logical AND of two inputs: linearly separable.</source>
        <translation>两个输入的逻辑 AND：线性可分。</translation>
    </message>
    <message>
        <source>Logical OR of two inputs: linearly separable.</source>
        <translation>两个输入的逻辑 OR：线性可分。</translation>
    </message>
    <message>
        <source>Logical NAND of two inputs: linearly separable.</source>
        <translation>两个输入的逻辑 NAND：线性可分。</translation>
    </message>
    <message>
        <source>Exclusive OR: not linearly separable, needs a hidden layer.</source>
        <translation>异或（XOR）：线性不可分，需要一个隐藏层。</translation>
    </message>
    <message>
        <source>Two linearly separable clouds of points.</source>
        <translation>两团线性可分的点。</translation>
    </message>
    <message>
        <source>A ring inside a ring: needs a curved boundary.</source>
        <translation>环中套环：需要弯曲的决策边界。</translation>
    </message>
    <message>
        <source>Two interleaving half moons.</source>
        <translation>两个相互交错的半月形。</translation>
    </message>
    <message>
        <source>Two intertwined spirals.</source>
        <translation>两条相互缠绕的螺旋线。</translation>
    </message>
    <message>
        <source>Noisy sine wave: fit a curve (regression).</source>
        <translation>带噪声的正弦波：拟合一条曲线（回归）。</translation>
    </message>
    <message>
        <source>Predict miles from kilometres (tutorial 001): 100 km is 62.137 miles.</source>
        <translation>由公里数预测英里数（教程 001）：100 公里是 62.137 英里。</translation>
    </message>
    <message>
        <source>Tell ladybirds from caterpillars by width and length (tutorial 001).</source>
        <translation>按宽度和长度区分瓢虫和毛毛虫（教程 001）。</translation>
    </message>
    <message>
        <source>Four 3-input samples whose output equals the first input (tutorial 002).</source>
        <translation>四个有 3 个输入的样本，输出等于第一个输入（教程 002）。</translation>
    </message>
    <message>
        <source>Handwritten digits 0-9 as 8x8 images (UCI, 1,797 samples).</source>
        <translation>手写数字 0-9，每个是 8x8 的图像（UCI，1,797 个样本）。</translation>
    </message>
    <message>
        <source>Three species of iris by sepal and petal size (UCI, 150 samples).</source>
        <translation>按萼片和花瓣的大小区分三种鸢尾花（UCI，150 个样本）。</translation>
    </message>
    <message>
        <source>Unknown data set {name}: choose one of {known}.</source>
        <translation>未知的数据集 {name}：请从 {known} 中选择。</translation>
    </message>
    <message>
        <source>Two bugs and the lengths the dividing line y = A x should reach above them.</source>
        <translation>两只虫子，以及分界线 y = A x 在它们上方应达到的长度。</translation>
    </message>
    <message>
        <source>The tutorial&apos;s input [1.0, 0.5] (targets left at 0 and 1).</source>
        <translation>教程中的输入 [1.0, 0.5]（目标保留为 0 和 1）。</translation>
    </message>
    <message>
        <source>Hidden outputs 0.4 and 0.5 in; the target 1.709 is the output sigmoid(2.3) = 0.9089 plus 0.8, so that the error is the tutorial&apos;s 0.8.</source>
        <translation>输入为隐藏层输出 0.4 和 0.5；目标 1.709 等于输出 sigmoid(2.3) = 0.9089 加上 0.8，所以误差正是教程中的 0.8。</translation>
    </message>
    <message>
        <source>The book&apos;s input [0.9, 0.1, 0.8] with a target to learn.</source>
        <translation>书中的输入 [0.9, 0.1, 0.8]，配上一个要学习的目标。</translation>
    </message>
    <message>
        <source>Two test results for 500 people, 1 in 10 of them ill (made up: two overlapping normal clouds).</source>
        <translation>500 人的两项检测结果，每 10 人中有 1 人患病（虚构数据：两团相互重叠的正态分布点）。</translation>
    </message>
</context>
<context>
    <name>DenseMemory</name>
    <message>
        <source>Unknown interaction {name}: choose polynomial or exponential.</source>
        <translation>未知的相互作用 {name}：请选择 polynomial（多项式）或 exponential（指数）。</translation>
    </message>
    <message>
        <source>The degree must be a whole number from 2 to {most}, not {value}.</source>
        <translation>次数必须是 2 到 {most} 之间的整数，而不是 {value}。</translation>
    </message>
    <message>
        <source>The patterns have shape {shape}; the memory needs {count} values each.</source>
        <translation>模式的形状为 {shape}；该记忆要求每个模式有 {count} 个值。</translation>
    </message>
    <message>
        <source>The patterns may hold only -1 and +1.</source>
        <translation>模式中只能有 -1 和 +1。</translation>
    </message>
    <message>
        <source>A dense memory needs a stored pattern.</source>
        <translation>稠密记忆至少需要一个已存储的模式。</translation>
    </message>
    <message>
        <source>Beta must be a number above 0, not {value}.</source>
        <translation>β 必须是大于 0 的数，而不是 {value}。</translation>
    </message>
</context>
<context>
    <name>Examples</name>
    <message>
        <source>One linear neuron learns miles = c · km, starting from the tutorial&apos;s c = 0.5 (tutorial 001).</source>
        <translation>一个线性神经元学习 miles = c · km，从教程中的 c = 0.5 开始（教程 001）。</translation>
    </message>
    <message>
        <source>The dividing line y = A x learns by ΔA = L·E/x: A = 0.25 becomes 0.3083 and then 1.6042 (tutorial 001; step one sample at a time).</source>
        <translation>分界线 y = A x 按 ΔA = L·E/x 学习：A = 0.25 先变成 0.3083，再变成 1.6042（教程 001；每次单步训练一个样本）。</translation>
    </message>
    <message>
        <source>A Rosenblatt perceptron separates ladybirds from caterpillars by width and length.</source>
        <translation>一个 Rosenblatt 感知机按宽度和长度把瓢虫和毛毛虫分开。</translation>
    </message>
    <message>
        <source>One sigmoid neuron learns that the output copies the first input (tutorial 002).</source>
        <translation>一个 Sigmoid 神经元学会让输出照抄第一个输入（教程 002）。</translation>
    </message>
    <message>
        <source>XOR on a 2-{hidden}-1 network ({activation} hidden layer): one layer cannot learn it, a hidden layer can.</source>
        <translation>在 2-{hidden}-1 网络上学习 XOR（隐藏层用 {activation}）：单层网络学不会，加一个隐藏层就能学会。</translation>
    </message>
    <message>
        <source>XOR as tutorial 001 trains it in Keras: 10 tanh hidden units, a sigmoid output, binary cross-entropy, learning rate 0.1, 1,000 epochs (the 2-4-1 example: 4 sigmoid hidden units, squared error, rate 0.5, until the error is 0.001).</source>
        <translation>按教程 001 在 Keras 中的做法训练 XOR：10 个 tanh 隐藏单元，Sigmoid 输出，二元交叉熵，学习率 0.1，1,000 轮（2-4-1 示例则是：4 个 Sigmoid 隐藏单元，平方误差，学习率 0.5，训练到误差为 0.001）。</translation>
    </message>
    <message>
        <source>A layer in matrix form as tutorial 001 works it: W = [[0.9, 0.3], [0.2, 0.8]] and the input [1.0, 0.5] give the outputs 0.7408 and 0.6457.</source>
        <translation>按教程 001 的做法用矩阵形式计算一层：W = [[0.9, 0.3], [0.2, 0.8]] 和输入 [1.0, 0.5] 得到输出 0.7408 和 0.6457。</translation>
    </message>
    <message>
        <source>One backpropagation step by hand (tutorial 001): with error 0.8 and learning rate 0.1, the weight 2.0 becomes 2.00265 (Explain a Step, then Step).</source>
        <translation>手算一步反向传播（教程 001）：误差为 0.8、学习率为 0.1 时，权重 2.0 变为 2.00265（先打开单步讲解，再点单步）。</translation>
    </message>
    <message>
        <source>The 3-layer sigmoid network worked by hand in tutorial 001: hidden outputs 0.761, 0.603, 0.650 and outputs 0.726, 0.709, 0.778 (0.708 by hand, from the rounded hidden outputs).</source>
        <translation>教程 001 中手算的 3 层 Sigmoid 网络：隐藏层输出 0.761, 0.603, 0.650，输出 0.726, 0.709, 0.778（用四舍五入后的隐藏层输出手算得 0.708）。</translation>
    </message>
    <message>
        <source>Handwritten digits 0-9 (8x8 pixels) on a 64-100-10 network: about 96% right on digits it never saw (tutorial 003).</source>
        <translation>用 64-100-10 网络识别手写数字 0-9（8x8 像素）：在没见过的数字上约 96% 正确（教程 003）。</translation>
    </message>
    <message>
        <source>A restricted Boltzmann machine learns the handwritten digits without their labels: watch its filters, its reconstructions and, once trained, the digits it dreams.</source>
        <translation>一台受限玻尔兹曼机不用标签学习手写数字：看看它的滤波器、它的重构，以及训练好之后它梦见的数字。</translation>
    </message>
    <message>
        <source>Three species of iris from four measurements, with a validation share to watch for overfitting.</source>
        <translation>由四项测量区分三种鸢尾花，并留出一部分验证数据来观察过拟合。</translation>
    </message>
    <message>
        <source>Imbalanced data: one sigmoid neuron screens 500 people for a rare illness (1 in 10 ill; 100 held out). It scores over 90% on the held-out people while finding only 3 of the 10 ill ones: read the ill class&apos;s recall, not the accuracy.</source>
        <translation>不平衡数据：一个 Sigmoid 神经元为 500 人筛查一种少见的疾病（每 10 人中有 1 人患病；留出 100 人）。它在留出的人上准确率超过 90%，却只找出 10 个病人中的 3 个：要看患病类别的召回率，而不是准确率。</translation>
    </message>
    <message>
        <source>Five letters stored in 100 neurons by Hebb&apos;s rule, the default; the grid shows &apos;A&apos; with 20% of its cells flipped. Run it: the letters are alike (they overlap up to 0.66), and Hebb&apos;s rule ends in a mixture far below its 14 patterns. Undo, store them by the pseudo-inverse rule and Run again: &apos;A&apos; comes back.</source>
        <translation>用默认的 Hebb 规则把五个字母存储到 100 个神经元中；网格显示的是翻转了 20% 格子的“A”。点运行：这些字母彼此相似（重叠度最高 0.66），虽然远未达到 Hebb 规则 14 个模式的容量，回忆仍停在一个混合状态。撤销，改用伪逆规则存储后再运行：“A”就回来了。</translation>
    </message>
    <message>
        <source>Kilometres to miles</source>
        <translation>公里换算英里</translation>
    </message>
    <message>
        <source>Ladybird or caterpillar: the dividing line</source>
        <translation>瓢虫还是毛毛虫：分界线</translation>
    </message>
    <message>
        <source>Ladybirds and caterpillars: a perceptron</source>
        <translation>瓢虫和毛毛虫：感知机</translation>
    </message>
    <message>
        <source>The 3-input neuron</source>
        <translation>有 3 个输入的神经元</translation>
    </message>
    <message>
        <source>XOR, 2-2-1</source>
        <translation>XOR，2-2-1</translation>
    </message>
    <message>
        <source>XOR, 2-4-1</source>
        <translation>XOR，2-4-1</translation>
    </message>
    <message>
        <source>XOR, 2-10-1 with tanh</source>
        <translation>XOR，2-10-1，使用 tanh</translation>
    </message>
    <message>
        <source>XOR, the Keras recipe (2-10-1, tanh, cross-entropy)</source>
        <translation>XOR，Keras 的做法（2-10-1，tanh，交叉熵）</translation>
    </message>
    <message>
        <source>A layer in matrix form: 0.7408</source>
        <translation>矩阵形式的一层：0.7408</translation>
    </message>
    <message>
        <source>One weight update: 2.0 becomes 2.00265</source>
        <translation>一次权重更新：2.0 变为 2.00265</translation>
    </message>
    <message>
        <source>3-layer sigmoid network, by hand</source>
        <translation>3 层 Sigmoid 网络，手算</translation>
    </message>
    <message>
        <source>Digits 64-100-10</source>
        <translation>手写数字 64-100-10</translation>
    </message>
    <message>
        <source>Digits, a Boltzmann machine</source>
        <translation>手写数字：玻尔兹曼机</translation>
    </message>
    <message>
        <source>Iris</source>
        <translation>鸢尾花（Iris）</translation>
    </message>
    <message>
        <source>Screening: a rare illness (imbalanced data)</source>
        <translation>筛查：一种少见的疾病（不平衡数据）</translation>
    </message>
    <message>
        <source>Hopfield letters</source>
        <translation>Hopfield 字母</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Cannot write in {folder}: {reason}.</source>
        <translation>无法在 {folder} 中写入：{reason}。</translation>
    </message>
    <message>
        <source>Could not write {name}: {reason}.</source>
        <translation>未能写入 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{name} cannot be a file name.</source>
        <translation>{name} 不能用作文件名。</translation>
    </message>
    <message>
        <source>Cannot write {name}: {reason}.</source>
        <translation>无法写入 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is {kind}, not a regular file: nnsim saves only into files. Choose another name.</source>
        <translation>{name} 是{kind}，不是普通文件：nnsim 只保存到文件中。请换一个名称。</translation>
    </message>
</context>
<context>
    <name>Features</name>
    <message>
        <source>Derived inputs are made from two inputs; these data have {count}.</source>
        <translation>派生输入由两个输入算出；这组数据有 {count} 个输入。</translation>
    </message>
</context>
<context>
    <name>Hopfield</name>
    <message>
        <source>A Hopfield network needs at least one neuron, not {count}.</source>
        <translation>Hopfield 网络至少需要一个神经元，而不是 {count} 个。</translation>
    </message>
    <message>
        <source>Unknown state kind {name}: choose bipolar or binary.</source>
        <translation>未知的状态类型 {name}：请选择 bipolar 或 binary。</translation>
    </message>
    <message>
        <source>The state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{name} has shape {shape}; this network has {count} neurons, so it needs {count} values per pattern.</source>
        <translation>{name}的形状是 {shape}；这个网络有 {count} 个神经元，所以每个模式需要 {count} 个值。</translation>
    </message>
    <message>
        <source>{name} may hold only {low} and {high} (the network&apos;s states are {kind}).</source>
        <translation>{name}只能包含 {low} 和 {high}（网络的状态是 {kind}）。</translation>
    </message>
    <message>
        <source>The patterns</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Unknown recall mode {name}: choose async or sync.</source>
        <translation>未知的回忆方式 {name}：请选择 async 或 sync。</translation>
    </message>
    <message>
        <source>Unknown update order {name}: choose random or fixed.</source>
        <translation>未知的更新顺序 {name}：请选择 random 或 fixed。</translation>
    </message>
    <message>
        <source>Unknown annealing schedule {name}: choose geometric or linear.</source>
        <translation>未知的退火方式 {name}：请选择 geometric 或 linear。</translation>
    </message>
    <message>
        <source>Annealing needs at least one sweep (a whole number), not {value}.</source>
        <translation>退火至少需要一次扫描（整数），而不是 {value}。</translation>
    </message>
    <message>
        <source>The temperature must be a number, 0 or more, not {value}.</source>
        <translation>温度必须是不小于 0 的数，而不是 {value}。</translation>
    </message>
</context>
<context>
    <name>HopfieldRules</name>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>exponentially many patterns, about {count} ({formula}, Demircigil et al. 2017)</source>
        <translation>指数多个模式，约 {count} 个（{formula}，Demircigil 等，2017）</translation>
    </message>
    <message>
        <source>about {count} patterns without error ({formula})</source>
        <translation>约 {count} 个模式没有错误（{formula}）</translation>
    </message>
    <message>
        <source>Hebb</source>
        <translation>Hebb</translation>
    </message>
    <message>
        <source>Hebbian</source>
        <translation>Hebb</translation>
    </message>
    <message>
        <source>about {count} patterns with few errors ({formula})</source>
        <translation>约 {count} 个模式，只有少量错误（{formula}）</translation>
    </message>
    <message>
        <source>{count} exactly, almost every one ({formula})</source>
        <translation>{count} 个时几乎每个都能精确回忆（{formula}）</translation>
    </message>
    <message>
        <source>{count} exactly, every one ({formula})</source>
        <translation>{count} 个时每个都能精确回忆（{formula}）</translation>
    </message>
    <message>
        <source>Pseudo-inverse</source>
        <translation>伪逆</translation>
    </message>
    <message>
        <source>pseudo-inverse</source>
        <translation>伪逆</translation>
    </message>
    <message>
        <source>up to {count} linearly independent patterns, each a fixed point ({formula})</source>
        <translation>最多 {count} 个线性无关的模式，每个都是不动点（{formula}）</translation>
    </message>
    <message>
        <source>Storkey</source>
        <translation>Storkey</translation>
    </message>
    <message>
        <source>about {count} patterns without error ({formula}, an approximation)</source>
        <translation>约 {count} 个模式没有错误（{formula}，近似值）</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>稠密</translation>
    </message>
    <message>
        <source>dense</source>
        <translation>稠密</translation>
    </message>
    <message>
        <source>Unknown storage rule {name}: choose one of {known}.</source>
        <translation>未知的存储规则 {name}：请从 {known} 中选择。</translation>
    </message>
</context>
<context>
    <name>Init</name>
    <message>
        <source>The uniform initialiser needs a positive range, not {limit}.</source>
        <translation>均匀分布初始化需要正的范围，而不是 {limit}。</translation>
    </message>
    <message>
        <source>Unknown initialiser {name}: choose one of {known}.</source>
        <translation>未知的初始化方法 {name}：请从 {known} 中选择。</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>{name} is {size}, larger than any lesson ({limit} at most).</source>
        <translation>{name} 大小为 {size}，比任何课程都大（最多 {limit}）。</translation>
    </message>
    <message>
        <source>{name} is not a lesson: it is not JSON text.</source>
        <translation>{name} 不是课程：它不是 JSON 文本。</translation>
    </message>
    <message>
        <source>{name} is not a usable lesson: {reason}</source>
        <translation>{name} 不是可用的课程：{reason}</translation>
    </message>
    <message>
        <source>it is not a table of named fields</source>
        <translation>它不是由命名字段组成的表</translation>
    </message>
    <message>
        <source>its format is not {format}</source>
        <translation>它的格式不是 {format}</translation>
    </message>
    <message>
        <source>it is version {version}, and this nnsim reads version {readable}</source>
        <translation>它的版本是 {version}，而这个 nnsim 读取的是版本 {readable}</translation>
    </message>
    <message>
        <source>it has no steps</source>
        <translation>它没有步骤</translation>
    </message>
    <message>
        <source>its title</source>
        <translation>它的 title</translation>
    </message>
    <message>
        <source>the exercise&apos;s lesson has no id</source>
        <translation>练习所带的课程没有 id</translation>
    </message>
    <message>
        <source>the exercise&apos;s lesson id is too long</source>
        <translation>练习所带课程的 id 太长</translation>
    </message>
    <message>
        <source>the lesson progress is not a table of named fields</source>
        <translation>课程进度不是由命名字段组成的表</translation>
    </message>
    <message>
        <source>the lesson progress names no lesson</source>
        <translation>课程进度没有指明课程</translation>
    </message>
    <message>
        <source>the lesson progress has no step</source>
        <translation>课程进度没有步骤</translation>
    </message>
    <message>
        <source>the lesson progress&apos;s predictions are not a list</source>
        <translation>课程进度中的预测不是列表</translation>
    </message>
    <message>
        <source>a prediction is not [step, number, right number]</source>
        <translation>有一个预测不是 [步骤, 数值, 正确数值]</translation>
    </message>
    <message>
        <source>step {number}</source>
        <translation>第 {number} 步</translation>
    </message>
    <message>
        <source>{where} is not a table</source>
        <translation>{where}不是表</translation>
    </message>
    <message>
        <source>{where} has kind {kind}; a step is one of {kinds}</source>
        <translation>{where}的类型是 {kind}；步骤类型只能是 {kinds} 之一</translation>
    </message>
    <message>
        <source>{where}: a &apos;do&apos; step, and only it, has a check</source>
        <translation>{where}：&apos;do&apos; 步骤必须有 check，其他步骤不能有</translation>
    </message>
    <message>
        <source>{where}: a &apos;predict&apos; step, and only it, has an answer</source>
        <translation>{where}：&apos;predict&apos; 步骤必须有 answer，其他步骤不能有</translation>
    </message>
    <message>
        <source>{where}: {key} is not a name</source>
        <translation>{where}：{key} 不是一个名称</translation>
    </message>
    <message>
        <source>{where}&apos;s {key}</source>
        <translation>{where}的 {key}</translation>
    </message>
    <message>
        <source>{where}: its check is not a table</source>
        <translation>{where}：它的 check 不是表</translation>
    </message>
    <message>
        <source>{where}: fresh starts are counted for a prediction, not in a check (a check is measured again at every change)</source>
        <translation>{where}：重新开始的次数只能用于预测，不能用在 check 中（check 在每次改动时都会重新测量）</translation>
    </message>
    <message>
        <source>{where}: its check says neither near, below nor above</source>
        <translation>{where}：它的 check 没有给出 near、below 或 above</translation>
    </message>
    <message>
        <source>{where}: a quantity is a list, its kind first</source>
        <translation>{where}：量必须是一个列表，第一项是它的种类</translation>
    </message>
    <message>
        <source>{where}: {kind} is no quantity ({known})</source>
        <translation>{where}：{kind} 不是量（可用的有 {known}）</translation>
    </message>
    <message>
        <source>{where}: a quantity&apos;s arguments are names or finite numbers</source>
        <translation>{where}：量的参数只能是名称或有限的数</translation>
    </message>
    <message>
        <source>{where}: the quantity {kind}</source>
        <translation>{where}：量 {kind}</translation>
    </message>
    <message>
        <source>{where}: each solution action is a table of one action</source>
        <translation>{where}：solution 中的每个动作都必须是只含一个动作的表</translation>
    </message>
    <message>
        <source>{where}: {name} is no action ({known})</source>
        <translation>{where}：{name} 不是动作（可用的有 {known}）</translation>
    </message>
    <message>
        <source>{where}: the action {name}</source>
        <translation>{where}：动作 {name}</translation>
    </message>
    <message>
        <source>{where}: {name} takes a whole number from 1 to {limit}</source>
        <translation>{where}：{name} 需要 1 到 {limit} 之间的整数</translation>
    </message>
    <message>
        <source>{where}: an example to open is a name</source>
        <translation>{where}：要打开的示例必须是一个名称</translation>
    </message>
    <message>
        <source>{what} takes {wanted}, not {count} values.</source>
        <translation>{what} 需要的参数是 {wanted}，而不是 {count} 个值。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{what} has no English text</source>
        <translation>{what} 没有英文文本</translation>
    </message>
    <message>
        <source>{what} holds something other than text</source>
        <translation>{what} 含有不是文本的内容</translation>
    </message>
    <message>
        <source>{what} is not a finite number</source>
        <translation>{what} 不是有限的数</translation>
    </message>
    <message>
        <source>{reason}.</source>
        <translation>{reason}。</translation>
    </message>
</context>
<context>
    <name>Losses</name>
    <message>
        <source>Unknown loss {name}: choose one of {known}.</source>
        <translation>未知的损失函数 {name}：请从 {known} 中选择。</translation>
    </message>
    <message>
        <source>The {name} loss needs a {required} output layer, but the output activation is {activation}: change one of them (sse or mse suit any output).</source>
        <translation>{name} 损失函数需要 {required} 输出层，但输出层的激活函数是 {activation}：请改掉其中一个（sse 或 mse 适用于任何输出）。</translation>
    </message>
    <message>
        <source>The {name} loss needs targets between 0 and 1, but they range from {low} to {high}: rescale the targets or use the sse loss.</source>
        <translation>{name} 损失函数需要 0 到 1 之间的目标，但目标的范围是 {low} 到 {high}：请重新缩放目标，或改用 sse 损失函数。</translation>
    </message>
</context>
<context>
    <name>MLP</name>
    <message>
        <source>An MLP needs an input and an output layer, each with at least one neuron; got layer sizes {sizes}.</source>
        <translation>MLP 需要一个输入层和一个输出层，每层至少一个神经元；实际的各层大小为 {sizes}。</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>biases</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>This network has no biases (bias=False): they must stay 0.</source>
        <translation>这个网络没有偏置（bias=False）：偏置必须保持为 0。</translation>
    </message>
    <message>
        <source>masks</source>
        <translation>连接掩码</translation>
    </message>
    <message>
        <source>Connection masks may hold only 0 (no connection) and 1.</source>
        <translation>连接掩码只能包含 0（无连接）和 1。</translation>
    </message>
    <message>
        <source>The {name} must have shapes {expected}, got {shapes}.</source>
        <translation>{name}的形状必须是 {expected}，实际为 {shapes}。</translation>
    </message>
    <message>
        <source>The error became {loss} and training stopped; the weights are those from before the step that went wrong. Try a smaller learning rate.</source>
        <translation>误差变成了 {loss}，训练已停止；权重已恢复到出错那一步之前。请尝试更小的学习率。</translation>
    </message>
    <message>
        <source>The batch size must be at least 1, not {size}.</source>
        <translation>批量大小至少为 1，而不是 {size}。</translation>
    </message>
    <message>
        <source>A skip connection runs from a layer to a later one past the next: layer {source} to layer {target} is not one (layers 0 to {last}).</source>
        <translation>跳跃连接从一层越过下一层连到更后面的层：第 {source} 层到第 {target} 层不是跳跃连接（层号为 0 到 {last}）。</translation>
    </message>
    <message>
        <source>Dropout takes one rate per layer after the input, each at least 0 and below 1, and 0 for the output layer; got {rates}.</source>
        <translation>随机失活需要输入层之后每层一个失活率，每个不小于 0 且小于 1，输出层为 0；实际为 {rates}。</translation>
    </message>
</context>
<context>
    <name>Metrics</name>
    <message>
        <source>There are {labels} true labels but {predictions} predictions: they must pair up one to one.</source>
        <translation>有 {labels} 个真实标签，却有 {predictions} 个预测：两者必须一一对应。</translation>
    </message>
    <message>
        <source>There are no labels to score.</source>
        <translation>没有可评分的标签。</translation>
    </message>
</context>
<context>
    <name>NetworkExport</name>
    <message>
        <source>A script cannot compute the activation {name}.</source>
        <translation>脚本无法计算激活函数 {name}。</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>Unknown optimizer {name}: choose one of {known}.</source>
        <translation>未知的优化器 {name}：请从 {known} 中选择。</translation>
    </message>
</context>
<context>
    <name>PatternSets</name>
    <message>
        <source>Letters A-Z (10 x 10)</source>
        <translation>字母 A-Z（10 x 10）</translation>
    </message>
    <message>
        <source>Digits 0-9 (10 x 10)</source>
        <translation>数字 0-9（10 x 10）</translation>
    </message>
    <message>
        <source>Shapes (32 x 32)</source>
        <translation>形状（32 x 32）</translation>
    </message>
    <message>
        <source>{name} is {size}; a pattern set holds at most {limit}.</source>
        <translation>{name} 大小为 {size}；模式集最大只能是 {limit}。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text, so not a pattern set.</source>
        <translation>{name} 不是 UTF-8 文本，所以不是模式集。</translation>
    </message>
    <message>
        <source>{name} is not a pattern set: it has no &apos;size ROWS x COLUMNS&apos; line.</source>
        <translation>{name} 不是模式集：它没有“size 行数 x 列数”这一行。</translation>
    </message>
    <message>
        <source>{name}, line {line}: a pattern starts with &apos;= name&apos;.</source>
        <translation>{name} 第 {line} 行：模式应以“= 名称”开头。</translation>
    </message>
    <message>
        <source>{name} holds no patterns.</source>
        <translation>{name} 中没有模式。</translation>
    </message>
    <message>
        <source>{name}, line {line}: write the size as &apos;size ROWS x COLUMNS&apos;.</source>
        <translation>{name} 第 {line} 行：大小应写成“size 行数 x 列数”。</translation>
    </message>
    <message>
        <source>{file}: pattern {name} has {count} rows, not {rows}.</source>
        <translation>{file}：模式 {name} 有 {count} 行，而不是 {rows} 行。</translation>
    </message>
    <message>
        <source>{file}, line {line}: a row of {name} needs {columns} cells of &apos;{black}&apos; and &apos;{white}&apos;.</source>
        <translation>{file} 第 {line} 行：{name} 的每一行需要 {columns} 个由“{black}”和“{white}”组成的格子。</translation>
    </message>
</context>
<context>
    <name>Perceptron</name>
    <message>
        <source>Unknown perceptron rule {name}: choose one of {known}.</source>
        <translation>未知的感知机规则 {name}：请从 {known} 中选择。</translation>
    </message>
    <message>
        <source>A perceptron needs at least one input and one output, got {inputs} and {outputs}.</source>
        <translation>感知机至少需要一个输入和一个输出，实际为 {inputs} 个输入和 {outputs} 个输出。</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>The mask must be 0s and 1s of shape {shape}, like the weights.</source>
        <translation>掩码必须由 0 和 1 组成，形状为 {shape}，与权重相同。</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>This perceptron has no bias (bias=False): it must stay 0.</source>
        <translation>这个感知机没有偏置（bias=False）：偏置必须保持为 0。</translation>
    </message>
    <message>
        <source>The Rosenblatt rule needs targets 0 or 1 (its output is a step): relabel the classes, or use the lms rule for other targets.</source>
        <translation>Rosenblatt 规则需要 0 或 1 的目标（它的输出是阶跃函数）：请重新标注类别，或对其他目标使用 LMS 规则。</translation>
    </message>
</context>
<context>
    <name>Project</name>
    <message>
        <source>{count} tables; nnsim projects hold at most {limit}</source>
        <translation>{count} 个表；nnsim 项目最多只能有 {limit} 个</translation>
    </message>
    <message>
        <source>{count} lists; nnsim projects hold at most {limit}</source>
        <translation>{count} 个列表；nnsim 项目最多只能有 {limit} 个</translation>
    </message>
    <message>
        <source>{count} values; nnsim projects hold at most {limit}</source>
        <translation>{count} 个值；nnsim 项目最多只能有 {limit} 个</translation>
    </message>
    <message>
        <source>{name} was not saved: {reason}</source>
        <translation>{name} 未保存：{reason}</translation>
    </message>
    <message>
        <source>{name} was not saved: it holds a value a project file cannot ({reason}).</source>
        <translation>{name} 未保存：其中有项目文件无法保存的值（{reason}）。</translation>
    </message>
    <message>
        <source>{name} was not saved: it would be {size}, and nnsim opens projects of up to {limit}. Use less data or a smaller network.</source>
        <translation>{name} 未保存：它将有 {size}，而 nnsim 只能打开不超过 {limit} 的项目。请减少数据或缩小网络。</translation>
    </message>
    <message>
        <source>{name} was not saved: it would hold {problem}.</source>
        <translation>{name} 未保存：它将含有 {problem}。</translation>
    </message>
    <message>
        <source>{kind} is not a number or text</source>
        <translation>{kind} 既不是数字也不是文本</translation>
    </message>
    <message>
        <source>{name} is {size}, larger than any nnsim project ({limit} at most); it is not one.</source>
        <translation>{name} 大小为 {size}，比任何 nnsim 项目都大（最多 {limit}）；它不是项目文件。</translation>
    </message>
    <message>
        <source>{name} cannot be opened: it holds {problem}.</source>
        <translation>无法打开 {name}：它含有 {problem}。</translation>
    </message>
    <message>
        <source>{name} is not a text file, so not an nnsim project.</source>
        <translation>{name} 不是文本文件，所以不是 nnsim 项目。</translation>
    </message>
    <message>
        <source>{name} is not a readable nnsim project: its text breaks off or is not JSON (line {line}, column {column}).</source>
        <translation>{name} 不是可读的 nnsim 项目：它的文本不完整或不是 JSON（第 {line} 行第 {column} 列）。</translation>
    </message>
    <message>
        <source>{name} is not a readable nnsim project: its lists are nested too deeply.</source>
        <translation>{name} 不是可读的 nnsim 项目：它的列表嵌套太深。</translation>
    </message>
    <message>
        <source>{name} is not a readable nnsim project: it holds a number too long to read.</source>
        <translation>{name} 不是可读的 nnsim 项目：其中有一个数太长，无法读取。</translation>
    </message>
    <message>
        <source>{name} cannot be opened: {reason}</source>
        <translation>无法打开 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} is JSON but not an nnsim project.</source>
        <translation>{name} 是 JSON，但不是 nnsim 项目。</translation>
    </message>
    <message>
        <source>{name} has no valid project version.</source>
        <translation>{name} 没有有效的项目版本。</translation>
    </message>
    <message>
        <source>{name} was saved by a newer nnsim (project version {version}; this one reads up to {readable}). Update nnsim to open it.</source>
        <translation>{name} 由更新版本的 nnsim 保存（项目版本 {version}；这个 nnsim 最高只能读取 {readable}）。请更新 nnsim 后再打开。</translation>
    </message>
    <message>
        <source>its settings use custom data, but it holds none.</source>
        <translation>它的设置使用自定义数据，但其中没有数据。</translation>
    </message>
    <message>
        <source>its description is not text.</source>
        <translation>它的描述不是文本。</translation>
    </message>
    <message>
        <source>its pattern memory does not fit its network.</source>
        <translation>它的模式记忆与网络不匹配。</translation>
    </message>
    <message>
        <source>the error history is not a table of named columns.</source>
        <translation>误差历史不是由命名列组成的表。</translation>
    </message>
    <message>
        <source>the error history&apos;s epochs are not rising whole numbers.</source>
        <translation>误差历史中的轮数不是递增的整数。</translation>
    </message>
    <message>
        <source>the error history&apos;s columns differ in length.</source>
        <translation>误差历史各列的长度不同。</translation>
    </message>
    <message>
        <source>the classroom&apos;s {key} settings are not names of settings.</source>
        <translation>课堂的 {key} 设置不是设置的名称。</translation>
    </message>
    <message>
        <source>its weights do not fit its network (the layers have other sizes).</source>
        <translation>它的权重与网络不匹配（各层大小不同）。</translation>
    </message>
    <message>
        <source>its biases do not fit its network.</source>
        <translation>它的偏置与网络不匹配。</translation>
    </message>
    <message>
        <source>it has no {key}.</source>
        <translation>它没有 {key}。</translation>
    </message>
    <message>
        <source>its lists are nested too deeply.</source>
        <translation>它的列表嵌套太深。</translation>
    </message>
    <message>
        <source>it holds a number too large to be one.</source>
        <translation>其中有一个数太大，无法表示。</translation>
    </message>
    <message>
        <source>the network&apos;s weights hold values that are not finite (training diverged): choose Train &gt; Reset Weights, then save.</source>
        <translation>网络的权重中有非有限的值（训练发散了）：请选择“训练 &gt; 重置权重”，然后再保存。</translation>
    </message>
    <message>
        <source>its weights are not tables of numbers.</source>
        <translation>它的权重不是数字组成的表。</translation>
    </message>
    <message>
        <source>its biases are not lists of numbers.</source>
        <translation>它的偏置不是数字组成的列表。</translation>
    </message>
    <message>
        <source>its weights hold values that are not finite numbers.</source>
        <translation>它的权重中有不是有限数的值。</translation>
    </message>
    <message>
        <source>the error history is not a list of numbers.</source>
        <translation>误差历史不是数字组成的列表。</translation>
    </message>
    <message>
        <source>its error history holds {count} epochs; nnsim keeps at most {limit}.</source>
        <translation>它的误差历史有 {count} 轮；nnsim 最多保留 {limit} 轮。</translation>
    </message>
</context>
<context>
    <name>RBM</name>
    <message>
        <source>A Boltzmann machine needs at least one visible and one hidden unit, got {visible} and {hidden}.</source>
        <translation>玻尔兹曼机至少需要一个可见单元和一个隐藏单元，实际为 {visible} 和 {hidden}。</translation>
    </message>
    <message>
        <source>The weights and biases must have shapes {expected}, got {shapes}.</source>
        <translation>权重和偏置的形状必须是 {expected}，实际为 {shapes}。</translation>
    </message>
    <message>
        <source>A Boltzmann machine&apos;s visible units are 0 or 1: every input must lie between 0 and 1 (binarise or rescale the data first).</source>
        <translation>玻尔兹曼机的可见单元取 0 或 1：每个输入都必须在 0 和 1 之间（请先把数据二值化或重新缩放）。</translation>
    </message>
    <message>
        <source>The hidden states H</source>
        <translation>隐藏状态 H</translation>
    </message>
    <message>
        <source>Gibbs sampling needs at least 1 step, not {steps}.</source>
        <translation>吉布斯采样至少需要 1 步，而不是 {steps}。</translation>
    </message>
    <message>
        <source>The Gibbs steps per update (k) must be a whole number from 1, not {k}.</source>
        <translation>每次更新的吉布斯采样步数（k）必须是不小于 1 的整数，而不是 {k}。</translation>
    </message>
    <message>
        <source>A Boltzmann machine learns by contrastive divergence with plain steps and an L2 penalty: set the optimiser to sgd and the L1 penalty to 0.</source>
        <translation>玻尔兹曼机用对比散度学习，只用普通步长和 L2 惩罚：请把优化器设为 sgd，把 L1 惩罚设为 0。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>{title}: report</source>
        <translation>{title}：报告</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ResourceFiles</name>
    <message>
        <source>nnsim&apos;s resources folder is missing (looked in {searched}).</source>
        <translation>找不到 nnsim 的资源文件夹（查找过：{searched}）。</translation>
    </message>
    <message>
        <source>nnsim&apos;s user guide (docs/guide.md) is missing.</source>
        <translation>找不到 nnsim 的用户指南（docs/guide.md）。</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>The learning-rate schedule must be one of {choices}, not {value}.</source>
        <translation>学习率调度必须是 {choices} 之一，而不是 {value}。</translation>
    </message>
    <message>
        <source>The learning-rate decay must be above 0 and at most 1, not {value}.</source>
        <translation>学习率衰减必须大于 0 且不大于 1，而不是 {value}。</translation>
    </message>
    <message>
        <source>The epochs per learning-rate step must be a whole number from 1, not {value}.</source>
        <translation>学习率每一级的轮数必须是不小于 1 的整数，而不是 {value}。</translation>
    </message>
    <message>
        <source>The learning rate must be a positive number, not {value}.</source>
        <translation>学习率必须是正数，而不是 {value}。</translation>
    </message>
    <message>
        <source>The momentum must lie in [0, 1), not {value}.</source>
        <translation>动量必须在 [0, 1) 范围内，而不是 {value}。</translation>
    </message>
    <message>
        <source>A perceptron learns by its own rule: momentum and L1/L2 penalties apply to MLPs only. Set them to 0.</source>
        <translation>感知机按自己的规则学习：动量和 L1/L2 惩罚只适用于 MLP。请把它们设为 0。</translation>
    </message>
    <message>
        <source>, or smaller L1/L2 penalties (they are {l1} and {l2})</source>
        <translation>，或更小的 L1/L2 惩罚（当前为 {l1} 和 {l2}）</translation>
    </message>
</context>
<context>
    <name>SafeRead</name>
    <message>
        <source>a folder</source>
        <translation>一个文件夹</translation>
    </message>
    <message>
        <source>a pipe (FIFO)</source>
        <translation>一个管道（FIFO）</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>一个设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>一个套接字</translation>
    </message>
    <message>
        <source>Could not read {name}: no file has such a name.</source>
        <translation>未能读取 {name}：没有这个名称的文件。</translation>
    </message>
    <message>
        <source>{name} is {kind}, not a regular file: nnsim reads only files.</source>
        <translation>{name} 是{kind}，不是普通文件：nnsim 只读取文件。</translation>
    </message>
    <message>
        <source>over {size}</source>
        <translation>超过 {size}</translation>
    </message>
    <message>
        <source>Could not read {name}: {reason}.</source>
        <translation>未能读取 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is {size}; nnsim loads pictures of up to {limit}.</source>
        <translation>{name} 大小为 {size}；nnsim 只能载入不超过 {limit} 的图片。</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>非文件对象</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} 字节</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <source>{first} {then}</source>
        <translation>{first}{then}</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>The number of epochs must be at least 1, not {value}.</source>
        <translation>训练轮数至少为 1，而不是 {value}。</translation>
    </message>
    <message>
        <source>The batch size must be at least 1, not {value}.</source>
        <translation>批量大小至少为 1，而不是 {value}。</translation>
    </message>
    <message>
        <source>The patience must be at least 1 epoch, not {value}.</source>
        <translation>耐心值至少为 1 轮，而不是 {value}。</translation>
    </message>
    <message>
        <source>The target error must be 0 or more, not {value}.</source>
        <translation>目标误差必须大于或等于 0，而不是 {value}。</translation>
    </message>
    <message>
        <source>The L1 and L2 penalties must be 0 or more.</source>
        <translation>L1 和 L2 惩罚必须大于或等于 0。</translation>
    </message>
    <message>
        <source>The Gibbs steps per update (k) must be at least 1, not {value}.</source>
        <translation>每次更新的吉布斯采样步数（k）至少为 1，而不是 {value}。</translation>
    </message>
    <message>
        <source>The input noise must be 0 or more, not {value}.</source>
        <translation>输入噪声必须大于或等于 0，而不是 {value}。</translation>
    </message>
    <message>
        <source>Early stopping (patience) needs validation data.</source>
        <translation>早停（耐心值）需要验证数据。</translation>
    </message>
    <message>
        <source>the error became {loss}</source>
        <translation>误差变成了 {loss}</translation>
    </message>
    <message>
        <source>the weights became too large to hold</source>
        <translation>权重变得太大，无法表示</translation>
    </message>
    <message>
        <source>Training diverged in epoch {epoch}: {what}. The weights are back to where they were after epoch {kept}. Try a smaller learning rate (it is {rate}){penalties}.</source>
        <translation>训练在第 {epoch} 轮发散：{what}。权重已恢复到第 {kept} 轮之后的状态。请尝试更小的学习率（当前为 {rate}）{penalties}。</translation>
    </message>
    <message>
        <source>Reached the target error {target} after {epoch} epochs.</source>
        <translation>经过 {epoch} 轮达到了目标误差 {target}。</translation>
    </message>
    <message>
        <source>Stopped after {epoch} epochs: no validation improvement in {patience}.</source>
        <translation>{epoch} 轮后停止：连续 {patience} 轮验证误差没有改善。</translation>
    </message>
    <message>
        <source>Stopped, as asked, after epoch {epoch}.</source>
        <translation>已按要求在第 {epoch} 轮后停止。</translation>
    </message>
    <message>
        <source>Finished all {epoch} epochs.</source>
        <translation>已完成全部 {epoch} 轮。</translation>
    </message>
</context>
<context>
    <name>TrainingExport</name>
    <message>
        <source>This export is for trained networks: a Hopfield memory stores its patterns in one step rather than training on data, so it has no training to export.</source>
        <translation>这项导出只适用于训练出来的网络：Hopfield 记忆是一步存储模式，而不是在数据上训练，所以没有训练过程可导出。</translation>
    </message>
    <message>
        <source>Early stopping (patience) needs validation data: set a validation share or set the patience to 0.</source>
        <translation>早停（耐心值）需要验证数据：请设置验证集比例，或把耐心值设为 0。</translation>
    </message>
    <message>
        <source>A setting holds {number}, which a script cannot train with.</source>
        <translation>有一项设置的值为 {number}，脚本无法用它训练。</translation>
    </message>
    <message>
        <source>The data or weights hold a number that is not finite: a script cannot train on it.</source>
        <translation>数据或权重中有非有限的数：脚本无法用它训练。</translation>
    </message>
    <message>
        <source>## The network

Each layer computes *A* = *f*(*A*&lt;sub&gt;before&lt;/sub&gt; *W*&lt;sup&gt;T&lt;/sup&gt; + *b*): *W* holds one row of weights per neuron. Training sends the error back through the layers (backpropagation) and moves every weight a step against its gradient: Δ*w* = -η ∂*E*/∂*w*. The functions below do the sums nnsim does, in the same order.</source>
        <translation>## 网络

每一层计算 *A* = *f*(*A*&lt;sub&gt;上一层&lt;/sub&gt; *W*&lt;sup&gt;T&lt;/sup&gt; + *b*)：*W* 中每个神经元占一行权重。训练时把误差沿各层往回传（反向传播），并让每个权重沿梯度的反方向走一步：Δ*w* = -η ∂*E*/∂*w*。下面的函数按与 nnsim 相同的顺序做同样的运算。</translation>
    </message>
    <message>
        <source>

This network learns by Rprop (`OPTIMIZER`): each weight has its own step, which starts at the learning rate, grows while ∂*E*/∂*w* keeps its sign and shrinks when the sign flips; only the sign of the gradient moves the weight.</source>
        <translation>

这个网络用 Rprop 学习（`OPTIMIZER`）：每个权重有自己的步长，初始值等于学习率；∂*E*/∂*w* 保持符号不变时步长增大，符号翻转时步长减小；推动权重的只是梯度的符号。</translation>
    </message>
    <message>
        <source>## The network

A perceptron is one layer of neurons fed by the inputs: each computes *u* = *w*·*x* + *b*. It learns sample by sample, Δ*w* = η (*t* - *y*) *x* (the normalised rule divides by |*x*|²); the Rosenblatt rule learns only from its mistakes.</source>
        <translation>## 网络

感知机是由输入直接驱动的一层神经元：每个神经元计算 *u* = *w*·*x* + *b*。它逐个样本学习，Δ*w* = η (*t* - *y*) *x*（归一化规则再除以 |*x*|²）；Rosenblatt 规则只从出错的样本中学习。</translation>
    </message>
    <message>
        <source># Training a {sizes} network again, as nnsim does

This notebook was exported from nnsim {version}. It builds the data and the network, draws the first weights from the seed and trains with nnsim&apos;s settings, using NumPy only. On the computer that trained the network in nnsim, the weights it ends with are nnsim&apos;s, bit for bit. Run the cells in order; change a setting in the next cell and run them again to see what it does.</source>
        <translation># 像 nnsim 一样重新训练一个 {sizes} 网络

这个笔记本由 nnsim {version} 导出。它只用 NumPy 构建数据和网络，按随机种子抽取初始权重，并用 nnsim 的设置进行训练。在用 nnsim 训练这个网络的那台电脑上，最后得到的权重与 nnsim 的逐位相同。请按顺序运行各个单元格；在下一个单元格中改一项设置，再重新运行，看看会有什么变化。</translation>
    </message>
    <message>
        <source>## The data

Every sample is one row: its inputs in `X_ALL`, the outputs the network should give in `T_ALL`.</source>
        <translation>## 数据

每个样本占一行：输入在 `X_ALL` 中，网络应给出的输出在 `T_ALL` 中。</translation>
    </message>
    <message>
        <source>## Held-out samples and rescaled inputs

A share of the samples can be held out to see how the network does on data it never learns from; inputs can be rescaled, measured on the training part only.</source>
        <translation>## 留出的样本和缩放后的输入

可以留出一部分样本，看看网络在从未学过的数据上表现如何；输入可以缩放，缩放所用的量只在训练部分上测量。</translation>
    </message>
    <message>
        <source>## Training

One epoch is one pass over the training samples. Training stops after `EPOCHS` epochs, or earlier at the target error or when the validation error stops falling.</source>
        <translation>## 训练

一轮就是把训练样本过一遍。训练在 `EPOCHS` 轮后停止；达到目标误差或验证误差不再下降时会更早停止。</translation>
    </message>
    <message>
        <source>## The error curve

How the error fell, epoch by epoch.</source>
        <translation>## 误差曲线

误差一轮一轮下降的过程。</translation>
    </message>
    <message>
        <source>## The weights, and nnsim&apos;s

The trained weights, compared with those the project held when it was exported.</source>
        <translation>## 权重，以及 nnsim 的权重

训练得到的权重，与导出时项目中保存的权重对比。</translation>
    </message>
    <message>
        <source> The learning rate falls as training goes (`LR_SCHEDULE`): `learning_rate(epoch)` gives the rate of each epoch.</source>
        <translation>学习率随训练逐渐降低（`LR_SCHEDULE`）：`learning_rate(epoch)` 给出每一轮的学习率。</translation>
    </message>
</context>
</TS>
