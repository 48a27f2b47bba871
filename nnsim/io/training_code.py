"""The NumPy code of an exported training (:mod:`nnsim.io.training_export`), in parts.

Each part is a :class:`string.Template`: ``$name`` places take only the
literals :mod:`~nnsim.io.training_export` makes (``repr()`` of a float, an
int, a bool, a string or a list of them; NumPy arrays written from such
lists), never text from a project as it is.  A template is substituted in one
pass, so a ``$`` inside a substituted string literal is never read again.

The code does what nnsim's engine does, operation for operation and in the
same order (:mod:`nnsim.engine.mlp`, ``optimizers``, ``init``, ``perceptron``,
``training``, and :meth:`~nnsim.engine.datasets.Dataset.split`), so on the
machine and NumPy that ran nnsim it gives nnsim's weights bit for bit: the
tests of :mod:`tests.io.test_training_export` run it against the engine for
every activation, loss, optimiser and rule, and fail the day one of them
changes its arithmetic without this file.

It is longer than most modules, and is one job: the text of one script,
cut into the parts the script, the notebook and the PyTorch script share.
"""

from string import Template

#: The derivative of each activation that backpropagation can train through, written
#: from its output ``y``, op for op as :mod:`nnsim.engine.activations` computes it.
SCRIPT_SLOPES = {
    "linear": "np.ones_like(y)",
    "sigmoid": "y * (1.0 - y)",
    "tanh": "1.0 - y * y",
    "relu": "(y > 0).astype(float)",
    "leaky_relu": "np.where(y > 0, 1.0, $leaky)",
}

IMPORTS = Template("""import math

import numpy as np
""")

COMMON_SETTINGS = Template("""#: The network's name in nnsim.
NAME = $name
KIND = $kind
#: Neurons per layer, input first.
LAYER_SIZES = $sizes
BIAS = $bias
#: The learning rate of the first epoch, eta0 (for rprop and irprop- each weight's first step).
LEARNING_RATE = $learning_rate
#: How it falls: "constant", "step" (times LR_DECAY every LR_STEP epochs) or "exponential"
#: (times LR_DECAY every epoch); see learning_rate().
LR_SCHEDULE = $lr_schedule
LR_DECAY = $lr_decay
LR_STEP = $lr_step
#: The seed of the initial weights, the order of the samples and the validation split.
SEED = $seed
#: nnsim's Epochs setting; EPOCHS is how many this file trains (those of the project).
MAX_EPOCHS = $max_epochs
EPOCHS = $epochs
#: Stop once the training error is at or below this (None: never).
TARGET_ERROR = $target_error
#: Stop after this many epochs without a lower validation error (None: never).
PATIENCE = $patience
VALIDATION_SHARE = $validation_share
NORMALISATION = $normalisation
#: Inputs made from the two inputs after normalisation, appended in this order:
#: "product" x1*x2, "squares" x1**2 and x2**2, "sines" sin(x1) and sin(x2).
DERIVED = $derived
#: sigma: each epoch trains on its inputs plus normal noise N(0, sigma^2) (0: none).
INPUT_NOISE = $input_noise
#: 0/1 per connection (1: the connection is drawn), one array per layer; None: all drawn.
MASKS = $masks
#: Each layer's skip sources after the input: earlier layers (0: the inputs) whose outputs it
#: takes besides the layer before it, through the columns of W after that layer's, in order.
SKIPS = $skips
""")

MLP_SETTINGS = Template("""#: The activation of each layer after the input.
ACTIVATIONS = $activations
#: Each of those layers' dropout rate p in training (0: none): an output is kept with
#: probability 1 - p and then divided by 1 - p, or left out (see dropout_masks()).
DROPOUT = $dropout
LOSS = $loss
INIT = $init
INIT_LIMIT = $init_limit
OPTIMIZER = $optimizer
MOMENTUM = $momentum
#: Samples per update (None: the whole training set at once).
BATCH_SIZE = $batch_size
L1 = $l1
L2 = $l2
#: Outputs are kept this far from 0 and 1 inside logarithms (bce, cce).
EPSILON = $epsilon
#: Adam's constants.
BETA1, BETA2, ADAM_EPSILON = $adam
#: Rprop's constants: a step grows by ETA_PLUS, shrinks by ETA_MINUS, stays within
#: [DELTA_MIN, DELTA_MAX].
ETA_PLUS, ETA_MINUS, DELTA_MAX, DELTA_MIN = $rprop
""")

PERCEPTRON_SETTINGS = Template("""#: rosenblatt: y = step(u); lms: y = u; nlms: y = u, steps / |x|².
RULE = $rule
#: The output activation (what the trained perceptron computes).
ACTIVATIONS = $activations
""")

DATA = Template("""#: Every sample (one row each), before the validation split and any rescaling.
X_ALL = $X
#: The targets, one row per sample.
T_ALL = $T
#: Each sample's class (the split keeps the classes' shares), or None for numbers to fit.
LABELS = $labels
N_CLASSES = $n_classes
""")

PREPARE = Template('''def split(X, T, share, seed):
    """(X, T, X_val, T_val): hold out `share` of the samples, class by class, chosen by `seed`."""
    rng = np.random.default_rng(seed)
    if LABELS is None:
        groups = [np.arange(len(X))]
    else:
        groups = [np.flatnonzero(LABELS == k) for k in range(N_CLASSES)]
    held_out = []
    for rows in groups:
        n_held = round(share * len(rows))
        held_out.append(rng.permutation(rows)[:n_held])
    is_held = np.zeros(len(X), dtype=bool)
    is_held[np.concatenate(held_out)] = True
    return X[~is_held], T[~is_held], X[is_held], T[is_held]


def input_scaling(X):
    """(offset, scale) of each input column: inputs become (x - offset) / scale."""
    if NORMALISATION == "z-score":
        offset, scale = X.mean(axis=0), X.std(axis=0)
    else:  # min-max
        offset = X.min(axis=0)
        scale = X.max(axis=0) - offset
    return offset, np.where(scale == 0, 1.0, scale)


def with_derived(X):
    """X (n, 2) with the DERIVED inputs appended as columns (X itself when there are none)."""
    if not DERIVED:
        return X
    x1, x2 = X[:, :1], X[:, 1:2]
    made = {"product": [x1 * x2], "squares": [x1 * x1, x2 * x2], "sines": [np.sin(x1), np.sin(x2)]}
    return np.hstack([X] + [column for name in DERIVED for column in made[name]])


def prepare_data():
    """(X, T, X_val, T_val): the samples nnsim trains on (X_val, T_val None without a split)."""
    X, T, X_val, T_val = X_ALL, T_ALL, None, None
    if VALIDATION_SHARE > 0:
        X, T, X_val, T_val = split(X_ALL, T_ALL, VALIDATION_SHARE, SEED)
    if NORMALISATION != "none":
        offset, scale = input_scaling(X)  # from the training part only
        X = (X - offset) / scale
        if X_val is not None:
            X_val = (X_val - offset) / scale
    X = with_derived(X)
    X_val = None if X_val is None else with_derived(X_val)
    return X, T, X_val, T_val
''')

MLP_NETWORK = Template('''def initial_weights(rng):
    """New weights W (n_out, n_in) per layer, drawn from `rng` as nnsim does; biases 0."""
    weights = []
    for layer, n_out in enumerate(LAYER_SIZES[1:]):
        n_in = LAYER_SIZES[layer] + sum(LAYER_SIZES[s] for s in SKIPS[layer])
        shape = (n_out, n_in)
        if INIT == "uniform":
            W = rng.uniform(-INIT_LIMIT, INIT_LIMIT, size=shape)
        elif INIT == "normal_fan_in":
            W = rng.normal(0.0, n_in**-0.5, size=shape)
        elif INIT == "xavier":
            bound = np.sqrt(6.0 / (n_in + n_out))
            W = rng.uniform(-bound, bound, size=shape)
        elif INIT == "he":
            W = rng.normal(0.0, np.sqrt(2.0 / n_in), size=shape)
        else:  # zeros
            W = np.zeros(shape)
        weights.append(W)
    if MASKS is not None:
        for W, mask in zip(weights, MASKS):
            W *= mask
    return weights, [np.zeros(n) for n in LAYER_SIZES[1:]]


def slope(name, y):
    """The derivative of the activation `name`, from its output y."""
$slopes
    raise ValueError("backpropagation cannot train through " + repr(name))


def forward_all(X, weights, biases, keep=None, whole=None):
    """Every layer's output, input first: [X, A1, ..., AL], each A = f(A_before W^T + b)
    (plus the skip sources' outputs times their columns of W).  With dropout's masks `keep`
    a layer's output is A times its mask, and `whole` gets A itself, by layer."""
    outputs = [X]
    for layer, (name, W, b, skips) in enumerate(zip(ACTIVATIONS, weights, biases, SKIPS), 1):
        Z = net_input(outputs, W, skips)
        if BIAS:
            Z += b
        A = activate(name, Z)
        if keep is not None and keep[layer - 1] is not None:
            whole[layer], A = A, A * keep[layer - 1]
        outputs.append(A)
    return outputs


def dropout_masks(n, rng):
    """Dropout's masks for a batch of n samples, drawn from rng layer by layer (None where a
    layer has no dropout, and None for a network without): 1/(1 - p) to keep, 0 to drop."""
    if not any(DROPOUT):
        return None
    return [
        None if not p else (rng.random((n, size)) >= p) / (1.0 - p)
        for p, size in zip(DROPOUT, LAYER_SIZES[1:])
    ]


def error_of(O, T):
    """The error E of outputs O for targets T (both n x K), averaged over the n samples."""
    n = O.shape[0]
    if LOSS == "sse":  # E = 1/2 sum (t - o)^2
        diff = O - T
        return 0.5 * float(np.vdot(diff, diff)) / n
    if LOSS == "mse":
        diff = O - T
        return float(np.vdot(diff, diff)) / O.size
    if LOSS == "bce":
        P = np.clip(O, EPSILON, 1.0 - EPSILON)
        return -float(np.sum(T * np.log(P) + (1.0 - T) * np.log1p(-P))) / n
    return -float(np.vdot(T, np.log(np.maximum(O, EPSILON)))) / n  # cce


def validation_error(X, T, weights, biases):
    return error_of(forward_all(X, weights, biases)[-1], T)


def output_delta(O, T, scale):
    """(E, delta at the output layer) for outputs O and targets T, delta times `scale`."""
    n = O.shape[0]
    if (ACTIVATIONS[-1], LOSS) in (("sigmoid", "bce"), ("softmax", "cce")):
        return error_of(O, T), (O - T) * (scale / n)
    diff = O - T
    if LOSS == "sse":
        E = 0.5 * float(np.vdot(diff, diff)) / n
        diff *= scale / n
    else:  # mse
        E = float(np.vdot(diff, diff)) / O.size
        diff *= 2.0 * scale / O.size
    if ACTIVATIONS[-1] == "softmax":
        return E, O * (diff - (diff * O).sum(axis=1, keepdims=True))
    diff *= slope(ACTIVATIONS[-1], O)
    return E, diff


def backprop(X, T, weights, biases, scale, keep=None):
    """(E, dW, db) for one batch by backpropagation, every gradient multiplied by `scale`."""
    whole = {}  # the outputs of the layers with dropout, before their masks
    outputs = forward_all(X, weights, biases, keep, whole)
    E, delta = output_delta(outputs[-1], T, scale)
    if not math.isfinite(E):
        raise FloatingPointError("the error became " + str(E))
    dW, db = [None] * len(weights), [None] * len(weights)
    sent = {}  # layer s -> the deltas its skip connections get back, summed
    for layer in range(len(weights) - 1, -1, -1):
        W, n = weights[layer], LAYER_SIZES[layer]
        dW[layer] = delta.T @ outputs[layer] if not SKIPS[layer] else skip_gradient(
            W, delta, outputs, layer, sent
        )
        db[layer] = delta.sum(axis=0)
        if layer:
            delta = delta @ W[:, :n]
            if layer in sent:
                delta += sent.pop(layer)
            delta *= slope(ACTIVATIONS[layer - 1], whole.get(layer, outputs[layer]))
            if layer in whole:  # a neuron dropped for a sample sends nothing back
                delta *= keep[layer - 1]
    if MASKS is not None:
        for layer, mask in enumerate(MASKS):
            dW[layer] *= mask
    return E, dW, db


def skip_gradient(W, delta, outputs, layer, sent):
    """dE/dW of a layer with skip connections, block by block (delta^T A_s for each source
    s); adds delta S_s to sent[s] for each skip source s after the inputs."""
    gradient = np.empty_like(W)
    start = 0
    for s in [layer, *SKIPS[layer]]:
        stop = start + LAYER_SIZES[s]
        gradient[:, start:stop] = delta.T @ outputs[s]
        if s != layer and s:
            back = delta @ W[:, start:stop]
            sent[s] = back if s not in sent else sent[s] + back
        start = stop
    return gradient


def update(weights, biases, dW, db, state, scale, rate):
    """Penalties on the weights, then one step of gradient descent (with momentum), Adam or Rprop.

    `rate` is this epoch's learning rate; `scale` multiplies the gradients already.
    """
    for W, g in zip(weights, dW):
        if L2:
            g += (scale * L2) * W
        if L1:
            g += (scale * L1) * np.sign(W)
    params, grads = [], []
    for W, b, gW, gb in zip(weights, biases, dW, db):
        params.append(W)
        grads.append(gW)
        if BIAS:
            params.append(b)
            grads.append(gb)
    if OPTIMIZER in ("rprop", "irprop-"):
        resilient_step(params, grads, state, rate)
        return
    if OPTIMIZER == "sgd":  # the gradients are already eta * dE/dw
        if MOMENTUM == 0.0:
            for p, g in zip(params, grads):
                p -= g
            return
        if state["velocity"] is None:
            state["velocity"] = [np.zeros_like(p) for p in params]
        for p, g, v in zip(params, grads, state["velocity"]):
            v *= MOMENTUM  # v <- mu v - eta dE/dw;  w <- w + v
            v -= g
            p += v
        return
    if state["moments"] is None:  # adam
        state["moments"] = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    state["steps"] += 1
    steps = state["steps"]
    step_size = rate * np.sqrt(1.0 - BETA2**steps) / (1.0 - BETA1**steps)
    for p, g, (m, s) in zip(params, grads, state["moments"]):
        m *= BETA1
        m += (1.0 - BETA1) * g
        s *= BETA2
        s += (1.0 - BETA2) * (g * g)
        p -= step_size * m / (np.sqrt(s) + ADAM_EPSILON)


def resilient_step(params, grads, state, rate):
    """Rprop (with backtracking) or iRprop-: only the sign of dE/dw moves a weight.

    Each weight has its own step, `rate` at first: it grows by ETA_PLUS while the
    gradient keeps its sign and shrinks by ETA_MINUS when the sign flips. Then rprop
    takes the last move back, irprop- leaves the weight where it is; either way the
    gradient counts as 0 next time.
    """
    if state["rprop"] is None:  # [step, last gradient, last move] per array
        state["rprop"] = [[np.full_like(p, rate), np.zeros_like(p), np.zeros_like(p)]
                          for p in params]
    for p, g, (steps, previous, last) in zip(params, grads, state["rprop"]):
        product = g * previous
        flipped = product < 0
        steps *= np.where(product > 0, ETA_PLUS, np.where(flipped, ETA_MINUS, 1.0))
        np.clip(steps, DELTA_MIN, DELTA_MAX, out=steps)
        np.copyto(previous, g)
        previous[flipped] = 0.0
        if OPTIMIZER == "irprop-":
            p -= np.sign(previous) * steps
            continue
        move = -np.sign(g) * steps
        move[flipped] = -last[flipped]  # back to before the step that went past the minimum
        p += move
        np.copyto(last, move)


def train_epoch(X, T, weights, biases, state, rng, rate):
    """One pass over the samples at learning rate `rate`; returns the mean error measured
    before each update."""
    scale = rate if OPTIMIZER == "sgd" else 1.0
    n = X.shape[0]
    if BATCH_SIZE is None or BATCH_SIZE >= n:
        E, dW, db = backprop(X, T, weights, biases, scale, dropout_masks(n, rng))
        update(weights, biases, dW, db, state, scale, rate)
        return E
    order = rng.permutation(n)  # a new order of the samples every epoch
    total = 0.0
    for start in range(0, n, BATCH_SIZE):
        stop = min(start + BATCH_SIZE, n)
        rows = order[start:stop]
        keep = dropout_masks(stop - start, rng)
        E, dW, db = backprop(X[rows], T[rows], weights, biases, scale, keep)
        update(weights, biases, dW, db, state, scale, rate)
        total += E * (stop - start)
    return total / n
''')

PERCEPTRON_NETWORK = Template('''def initial_weights(rng):
    """New weights W (n_out, n_in), uniform in [-0.5, 0.5] from `rng`; biases 0."""
    W = rng.uniform(-0.5, 0.5, size=(LAYER_SIZES[1], LAYER_SIZES[0]))
    if MASKS is not None:
        W *= MASKS[0]
    return [W], [np.zeros(LAYER_SIZES[1])]


def validation_error(X, T, weights, biases):
    """Misclassified samples (rosenblatt), or the mean squared error (lms, nlms)."""
    u = X @ weights[0].T + biases[0]
    diff = T - ((u >= 0).astype(np.float64) if RULE == "rosenblatt" else u)
    if RULE == "rosenblatt":
        return float(np.count_nonzero(diff.any(axis=1)))
    return float(np.mean(diff**2))


def train_epoch(X, T, weights, biases, state, rng, rate):
    """One pass, sample by sample in a new order: dw = eta (t - y) x (nlms: / |x|^2), eta = rate.

    Returns the samples misclassified in the pass (rosenblatt) or the mean of
    (t - y)^2, each taken before its sample's update (lms, nlms).
    """
    order = rng.permutation(len(X))
    X, T = X[order], T[order]
    W, b = weights[0], biases[0]
    mistakes, squared_error = 0, 0.0
    for x, t in zip(X, T):
        u = W @ x + b
        if RULE == "rosenblatt":
            error = t - (u >= 0).astype(np.float64)
            if not error.any():
                continue  # right already: nothing to learn
            mistakes += 1
        else:
            error = t - u
            squared_error += float(error @ error)
        scale = rate
        if RULE == "nlms":
            norm = float(x @ x) + BIAS  # the bias is a weight on an input that is always 1
            if norm == 0.0:
                continue
            scale = rate / norm
        step = scale * np.outer(error, x)
        W += step if MASKS is None else step * MASKS[0]
        if BIAS:
            b += scale * error
    if RULE == "rosenblatt":
        return float(mistakes)
    return squared_error / T.size
''')

TRAIN = Template('''def learning_rate(epoch):
    """The learning rate of epoch `epoch` (0 the first): LEARNING_RATE on the schedule."""
    if LR_SCHEDULE == "step":
        return LEARNING_RATE * LR_DECAY ** (epoch // LR_STEP)
    if LR_SCHEDULE == "exponential":
        return LEARNING_RATE * LR_DECAY**epoch
    return LEARNING_RATE


def train(epochs, X, T, X_val=None, T_val=None):
    """Start from new weights drawn with SEED and train up to `epochs` epochs, as nnsim does.

    Returns (weights, biases, errors, validation_errors, why it stopped).
    """
    weights, biases = initial_weights(np.random.default_rng(SEED))
    rng = np.random.default_rng(SEED)  # the samples' order: a second generator, as in nnsim
    state = {"velocity": None, "moments": None, "steps": 0, "rprop": None}
    errors, validation_errors = [], []
    best, since_best, stopped = math.inf, 0, "all epochs trained"
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for epoch in range(epochs):
            X_epoch = X  # with INPUT_NOISE, noisy inputs drawn before the epoch's order
            if INPUT_NOISE:
                X_epoch = X + INPUT_NOISE * rng.standard_normal(X.shape)
            try:
                E = train_epoch(X_epoch, T, weights, biases, state, rng, learning_rate(epoch))
            except FloatingPointError:
                E = math.nan
            if not math.isfinite(E):
                stopped = "diverged: try a smaller learning rate"
                break
            errors.append(E)
            if X_val is not None:
                V = validation_error(X_val, T_val, weights, biases)
                validation_errors.append(V)
                if V < best:
                    best, since_best = V, 0
                else:
                    since_best += 1
            if TARGET_ERROR is not None and E <= TARGET_ERROR:
                stopped = "reached the target error"
                break
            if PATIENCE and since_best >= PATIENCE:
                stopped = "no better validation error for PATIENCE epochs"
                break
    return weights, biases, errors, validation_errors, stopped
''')

REPORT = Template('''def print_errors(errors, validation_errors, rows=10):
    """A table of the error at about `rows` epochs spread over the run."""
    if not errors:
        print("No epoch was trained.")
        return
    step = max(len(errors) // rows, 1)
    shown = sorted(set(range(step, len(errors) + 1, step)) | {1, len(errors)})
    print("epoch      error" + ("  validation error" if validation_errors else ""))
    for epoch in shown:
        line = f"{epoch:>5}  {errors[epoch - 1]:9.6g}"
        if validation_errors:
            line += f"  {validation_errors[epoch - 1]:16.6g}"
        print(line)


def print_weights(weights, biases):
    for layer, (W, b) in enumerate(zip(weights, biases), start=1):
        print(f"W{layer} =", np.array2string(W, precision=6))
        if BIAS:
            print(f"b{layer} =", np.array2string(b, precision=6))
''')

OUTPUTS = Template('''def print_outputs(weights, biases, X, T, rows=8):
    """What the trained network answers for the first `rows` samples, beside their targets."""
    layers = [
        (name, W, b if BIAS else None, skips)
        for name, W, b, skips in zip(ACTIVATIONS, weights, biases, SKIPS)
    ]
    outputs = predict(X[:rows], layers)
    print("inputs -> outputs (targets)")
    for x, y, t in zip(X[:rows], outputs, T[:rows]):
        print(np.array2string(x, precision=4), "->", np.array2string(y, precision=4),
              "(" + np.array2string(t, precision=4) + ")")
''')

COMPARE = Template('''def same_weights(weights, biases, their_weights, their_biases):
    """(identical bit for bit, largest difference) of two networks' weights (and biases)."""
    mine, theirs = list(weights), list(their_weights)
    if BIAS:
        mine, theirs = mine + list(biases), theirs + list(their_biases)
    if [a.shape for a in mine] != [np.shape(a) for a in theirs]:
        return False, math.inf
    largest = max(float(np.max(np.abs(a - b), initial=0.0)) for a, b in zip(mine, theirs))
    return all(np.array_equal(a, b) for a, b in zip(mine, theirs)), largest


def compare_with_nnsim(weights, biases, epochs_trained):
    """Say whether these weights are those nnsim saved in the project after as many epochs."""
    if NNSIM_WEIGHTS is None:
        print("The project holds no trained weights to compare with.")
        return None
    if epochs_trained != NNSIM_EPOCHS and NNSIM_EPOCHS == 0:
        print("The project was not trained in nnsim yet: there are no trained weights to "
              "compare with.")
        return None
    if epochs_trained != NNSIM_EPOCHS:
        print(f"nnsim's weights are those after epoch {NNSIM_EPOCHS}, these after epoch "
              f"{epochs_trained}: train as many epochs to compare them.")
        return None
    same, largest = same_weights(weights, biases, NNSIM_WEIGHTS, NNSIM_BIASES)
    if same:
        print(f"The weights are nnsim's after epoch {NNSIM_EPOCHS}, bit for bit.")
    else:
        print(f"The weights differ from nnsim's by up to {largest:.3g}. On another computer or "
              "NumPy the last digits may differ; a project trained in several runs, edited or "
              "given weights by hand since its last reset is not one run from the seed either.")
    return same
''')

NNSIM_WEIGHTS = Template("""#: The weights and biases the project holds, after NNSIM_EPOCHS epochs.
NNSIM_EPOCHS = $nnsim_epochs
NNSIM_WEIGHTS = $weights
NNSIM_BIASES = $biases
""")

MAIN = Template("""def main():
    parser = argparse.ArgumentParser(
        description="Train the network again from its seed, as nnsim does, with NumPy only."
    )
    parser.add_argument("--epochs", type=int, default=EPOCHS,
                        help="epochs to train (default: %(default)s, those of the project)")
    parser.add_argument("--save", metavar="FILE.npz",
                        help="write the trained weights W1, b1, W2, ... to this file")
    parser.add_argument("--compare", metavar="FILE.npz",
                        help="weights exported by nnsim (File > Export) to compare with")
    args = parser.parse_args()
    X, T, X_val, T_val = prepare_data()
    weights, biases, errors, validation_errors, stopped = train(args.epochs, X, T, X_val, T_val)
    print_errors(errors, validation_errors)
    print(f"Trained {len(errors)} epochs ({stopped}).")
    print_outputs(weights, biases, X, T)
    print_weights(weights, biases)
    if args.save:
        arrays = {f"W{k}": W for k, W in enumerate(weights, start=1)}
        if BIAS:
            arrays.update({f"b{k}": b for k, b in enumerate(biases, start=1)})
        np.savez(args.save, **arrays)
    if args.compare:
        with np.load(args.compare) as saved:
            theirs = [saved[f"W{k}"] for k in range(1, len(weights) + 1)]
            their_biases = [saved[f"b{k}"] if BIAS else None for k in range(1, len(weights) + 1)]
        same, largest = same_weights(weights, biases, theirs, their_biases)
        print("Those weights are these, bit for bit." if same
              else f"Those weights differ from these by up to {largest:.3g}.")
    else:
        compare_with_nnsim(weights, biases, len(errors))


if __name__ == "__main__":
    main()
""")
