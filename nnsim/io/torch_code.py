"""A project's training written for PyTorch (:func:`.training_export.write_torch_script`).

The script holds the same settings, data and data preparation as the NumPy
script (the same literals and :data:`~nnsim.io.training_code.PREPARE`), and
builds the network the PyTorch way: ``nn.Sequential`` of ``nn.Linear`` and
activation modules, a loss from ``torch.nn.functional``, ``torch.optim.SGD``,
``Adam`` or ``Rprop`` (which is iRprop-; Rprop with backtracking is written out,
PyTorch has none), ``StepLR`` or ``ExponentialLR`` for a schedule, a shuffling
``DataLoader``.  A cross-entropy loss takes the net
input of the output layer (``binary_cross_entropy_with_logits``,
``cross_entropy``), as PyTorch recommends; the sigmoid or softmax is applied
for the outputs.  A perceptron is one ``nn.Linear`` trained sample by sample
on a loss whose gradient is its rule's step.

With skip connections the ``nn.Sequential`` is a ``WithSkips`` (:data:`SKIP_NETWORK`):
each ``nn.Linear`` takes the previous layer's outputs, then each skip source's, so its
weight is nnsim's, skip columns included (:mod:`nnsim.engine.mlp_skips`), and masks,
penalties, fan-ins and saved weights are nnsim's too.

It cannot give nnsim's bits: PyTorch draws its own first weights and sample
order from the seed, and its kernels sum in their own order.
"""

from ast import literal_eval
from string import Template

from nnsim import __version__
from nnsim.engine.activations import LEAKY_SLOPE
from nnsim.io import training_code as code

HEADER = Template('''#!/usr/bin/env python3
"""Training a $sizes $kind in PyTorch, exported from nnsim $version.

    python this_file.py                  train, print the error and the weights
    python this_file.py --epochs 500     train 500 epochs instead
    python this_file.py --save w.npz     also write the weights W1, b1, W2, ... to w.npz

The same network and settings as in nnsim (layers, activations, loss,
optimiser, learning rate and its schedule, momentum, batch size, seed),
written the PyTorch way. It does NOT give nnsim's numbers, not even close ones epoch by epoch:
PyTorch draws its own first weights and sample order from the seed, and its
kernels sum in another order. It trains alike, so expect a similar error
after as many epochs. For nnsim's numbers to the last bit, export the NumPy
script (File > Export Training). The network's name in nnsim is NAME.
"""

import argparse
import math

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)  # nnsim computes in float64 too
''')

ACTIVATIONS = Template("""#: PyTorch's module for each of nnsim's activations.
LEAKY_SLOPE = $leaky
MODULES = {
    "linear": nn.Identity,
    "sigmoid": nn.Sigmoid,
    "tanh": nn.Tanh,
    "relu": nn.ReLU,
    "leaky_relu": lambda: nn.LeakyReLU(LEAKY_SLOPE),
    "softmax": lambda: nn.Softmax(dim=1),
}
""")

MLP = Template('''def initialise(weight, n_in, n_out):
    """Fill `weight` (n_out x n_in) the way nnsim's initialiser INIT does."""
    if INIT == "uniform":
        nn.init.uniform_(weight, -INIT_LIMIT, INIT_LIMIT)
    elif INIT == "normal_fan_in":
        nn.init.normal_(weight, 0.0, n_in**-0.5)
    elif INIT == "xavier":
        nn.init.xavier_uniform_(weight)
    elif INIT == "he":
        nn.init.kaiming_normal_(weight, nonlinearity="relu")
    else:
        nn.init.zeros_(weight)


def build_network():
    """nn.Sequential of Linear layers and activations; a cross-entropy loss takes the net input."""
    layers = []
    for k, (n_in, n_out) in enumerate(zip($widths, LAYER_SIZES[1:])):
        linear = nn.Linear(n_in, n_out, bias=BIAS)
        with torch.no_grad():
            initialise(linear.weight, n_in, n_out)
            if BIAS:
                linear.bias.zero_()
            if MASKS is not None:  # connections not drawn: 0, and never learn
                mask = torch.tensor(MASKS[k])
                linear.weight.mul_(mask)
                linear.weight.register_hook(lambda grad, mask=mask: grad * mask)
        layers.append(linear)
        if k < len(ACTIVATIONS) - 1 or LOSS in ("sse", "mse"):
            layers.append(MODULES[ACTIVATIONS[k]]())
        if DROPOUT[k]:  # in training only (network.train()): inverted, as nnsim's
            layers.append(nn.Dropout(DROPOUT[k]))
    return $network(*layers)


def outputs_of(network, X):
    """The network's outputs (with the output activation a cross-entropy loss leaves out)."""
    network.eval()  # every neuron, no dropout
    with torch.no_grad():
        out = network(X)
    if LOSS == "bce":
        return torch.sigmoid(out)
    return torch.softmax(out, dim=1) if LOSS == "cce" else out


def error_of(out, T):
    """nnsim's error E of a batch, averaged over its samples."""
    if LOSS == "sse":
        return 0.5 * ((out - T) ** 2).sum() / len(out)
    if LOSS == "mse":
        return F.mse_loss(out, T)
    if LOSS == "bce":
        return F.binary_cross_entropy_with_logits(out, T, reduction="sum") / len(out)
    return F.cross_entropy(out, T)  # cce; T holds each class's probability (one-hot)


def penalty(network):
    """L1 |w| + L2/2 w^2 summed over the weights (not the biases)."""
    total = 0.0
    for layer in network:
        if isinstance(layer, nn.Linear):
            if L1:
                total = total + L1 * layer.weight.abs().sum()
            if L2:
                total = total + 0.5 * L2 * (layer.weight**2).sum()
    return total


class RpropWithBacktracking(torch.optim.Optimizer):
    """Rprop as Riedmiller and Braun wrote it ("Rprop+"): where the gradient's sign flips,
    the last move is taken back. (torch.optim.Rprop is iRprop-, which only stops there.)"""

    def __init__(self, params, lr):
        super().__init__(params, {"lr": lr})

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:  # each weight's step starts at the learning rate
                    state["steps"] = torch.full_like(p, group["lr"])
                    state["previous"], state["move"] = torch.zeros_like(p), torch.zeros_like(p)
                g, steps = p.grad, state["steps"]
                product = g * state["previous"]
                flipped = product < 0
                factor = torch.where(product > 0, ETA_PLUS, torch.where(flipped, ETA_MINUS, 1.0))
                steps.mul_(factor).clamp_(DELTA_MIN, DELTA_MAX)
                move = -torch.sign(g) * steps
                move[flipped] = -state["move"][flipped]
                p.add_(move)
                state["move"] = move
                state["previous"] = torch.where(flipped, 0.0, g)


def make_optimizer(network):
    if OPTIMIZER == "adam":
        return torch.optim.Adam(network.parameters(), lr=LEARNING_RATE, betas=(BETA1, BETA2),
                                eps=ADAM_EPSILON)
    if OPTIMIZER == "irprop-":
        return torch.optim.Rprop(network.parameters(), lr=LEARNING_RATE,
                                 etas=(ETA_MINUS, ETA_PLUS), step_sizes=(DELTA_MIN, DELTA_MAX))
    if OPTIMIZER == "rprop":
        return RpropWithBacktracking(network.parameters(), lr=LEARNING_RATE)
    return torch.optim.SGD(network.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM)


def train_epoch(network, optimizer, batches):
    """One pass over the batches; returns the mean error measured before each update."""
    network.train()  # dropout on
    total, n = 0.0, 0
    for X, T in batches:
        optimizer.zero_grad()
        E = error_of(network(X), T)
        (E + penalty(network)).backward()
        optimizer.step()
        total += E.item() * len(X)
        n += len(X)
    return total / n


def validation_error(network, X, T):
    network.eval()
    with torch.no_grad():
        return error_of(network(X), T).item()


def batch_size(n):
    return n if BATCH_SIZE is None else min(BATCH_SIZE, n)
''')

#: What builds a network without skip connections: ``$widths`` and ``$network`` of :data:`MLP`.
SEQUENTIAL = {"widths": "LAYER_SIZES[:-1]", "network": "nn.Sequential"}

#: What builds a network with skip connections, put before :data:`MLP`.
SKIP_NETWORK = '''def input_widths():
    """Each Linear layer's inputs: the previous layer's outputs, then its skip sources' (SKIPS),
    so its weight is nnsim's W, n_out x (all those inputs), skip columns last."""
    return [LAYER_SIZES[k] + sum(LAYER_SIZES[s] for s in skips) for k, skips in enumerate(SKIPS)]


class WithSkips(nn.Sequential):
    """nn.Sequential whose Linear layers also take earlier layers' outputs (skip connections).

    Before the Linear of layer k + 1, the outputs so far are [inputs, A_1, ..., A_k] (each
    after its activation and dropout); the Linear gets A_k and then A_s for each s in
    SKIPS[k], side by side: Z = [A_k | A_s ...] W^T + b.
    """

    def forward(self, X):
        outputs = []
        for module in self:
            if isinstance(module, nn.Linear):
                outputs.append(X)  # now [inputs, A_1, ..., A_k] before layer k + 1's Linear
                X = torch.cat([X, *(outputs[s] for s in SKIPS[len(outputs) - 1])], dim=1)
            X = module(X)
        return X
'''

PERCEPTRON = '''def build_network():
    """One nn.Linear layer, weights uniform in [-0.5, 0.5], biases 0."""
    linear = nn.Linear(LAYER_SIZES[0], LAYER_SIZES[1], bias=BIAS)
    with torch.no_grad():
        nn.init.uniform_(linear.weight, -0.5, 0.5)
        if BIAS:
            linear.bias.zero_()
        if MASKS is not None:
            mask = torch.tensor(MASKS[0])
            linear.weight.mul_(mask)
            linear.weight.register_hook(lambda grad: grad * mask)
    return linear


def outputs_of(network, X):
    with torch.no_grad():
        u = network(X)
    return (u >= 0).double() if RULE == "rosenblatt" else u


def make_optimizer(network):
    return torch.optim.SGD(network.parameters(), lr=LEARNING_RATE)


def train_epoch(network, optimizer, batches):
    """Sample by sample; each loss is chosen so that its gradient step is the rule's:

    rosenblatt -(t - y) u, lms 1/2 (t - u)^2, nlms 1/2 (t - u)^2 / |x|^2 (the bias
    is a weight on an input that is always 1); SGD then moves w by eta (t - y) x.
    """
    mistakes, squared_error, values = 0, 0.0, 0
    for x, t in batches:
        optimizer.zero_grad()
        u = network(x)
        if RULE == "rosenblatt":
            y = (u >= 0).double()
            if not (t - y).any():
                continue
            mistakes += 1
            loss = -((t - y) * u).sum()
        else:
            squared_error += ((t - u) ** 2).sum().item()
            values += t.numel()
            loss = 0.5 * ((t - u) ** 2).sum()
            if RULE == "nlms":
                norm = (x**2).sum().item() + BIAS
                if norm == 0.0:
                    continue
                loss = loss / norm
        loss.backward()
        optimizer.step()
    return float(mistakes) if RULE == "rosenblatt" else squared_error / max(values, 1)


def validation_error(network, X, T):
    y = outputs_of(network, X)
    if RULE == "rosenblatt":
        return float((T - y).any(dim=1).sum().item())
    return ((T - y) ** 2).mean().item()


def batch_size(n):
    return 1  # a perceptron learns sample by sample
'''

TRAIN = '''def noisy(batches):
    """The batches with INPUT_NOISE: each input plus normal noise N(0, INPUT_NOISE^2)."""
    return [(x + INPUT_NOISE * torch.randn_like(x), t) for x, t in batches]


def make_schedule(optimizer):
    """What lowers the learning rate after each epoch (None: it stays LEARNING_RATE)."""
    if LR_SCHEDULE == "step":
        return torch.optim.lr_scheduler.StepLR(optimizer, step_size=LR_STEP, gamma=LR_DECAY)
    if LR_SCHEDULE == "exponential":
        return torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=LR_DECAY)
    return None


def train(epochs, X, T, X_val=None, T_val=None):
    """Train a new network for up to `epochs` epochs with nnsim's stopping rules.

    Returns (network, errors, validation_errors, why it stopped).
    """
    torch.manual_seed(SEED)
    network = build_network()
    optimizer = make_optimizer(network)
    schedule = make_schedule(optimizer)
    X, T = torch.tensor(X), torch.tensor(T)
    if X_val is not None:
        X_val, T_val = torch.tensor(X_val), torch.tensor(T_val)
    size = batch_size(len(X))
    batches = [(X, T)]  # the whole training set at once
    if size < len(X):  # mini-batches (or single samples) in a new order every epoch
        batches = torch.utils.data.DataLoader(
            torch.utils.data.TensorDataset(X, T), batch_size=size, shuffle=True,
            generator=torch.Generator().manual_seed(SEED),
        )
    errors, validation_errors = [], []
    best, since_best, stopped = math.inf, 0, "all epochs trained"
    for _ in range(epochs):
        if INPUT_NOISE:  # noisy inputs, drawn anew every epoch
            E = train_epoch(network, optimizer, noisy(batches))
        else:
            E = train_epoch(network, optimizer, batches)
        if schedule is not None:
            schedule.step()
        if not math.isfinite(E):
            stopped = "diverged: try a smaller learning rate"
            break
        errors.append(E)
        if X_val is not None:
            V = validation_error(network, X_val, T_val)
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
    return network, errors, validation_errors, stopped


def weights_of(network):
    """The weights W (n_out x n_in) and biases b of each Linear layer, as NumPy arrays."""
    layers = [network] if isinstance(network, nn.Linear) else network
    linears = [layer for layer in layers if isinstance(layer, nn.Linear)]
    weights = [layer.weight.detach().numpy().copy() for layer in linears]
    biases = [
        layer.bias.detach().numpy().copy() if BIAS else np.zeros(layer.out_features)
        for layer in linears
    ]
    return weights, biases


def main():
    parser = argparse.ArgumentParser(description="Train the network in PyTorch.")
    parser.add_argument("--epochs", type=int, default=EPOCHS,
                        help="epochs to train (default: %(default)s)")
    parser.add_argument("--save", metavar="FILE.npz",
                        help="write the trained weights W1, b1, W2, ... to this file")
    args = parser.parse_args()
    X, T, X_val, T_val = prepare_data()
    network, errors, validation_errors, stopped = train(args.epochs, X, T, X_val, T_val)
    print_errors(errors, validation_errors)
    print(f"Trained {len(errors)} epochs ({stopped}).")
    weights, biases = weights_of(network)
    print_weights(weights, biases)
    if args.save:
        arrays = {f"W{k}": W for k, W in enumerate(weights, start=1)}
        if BIAS:
            arrays.update({f"b{k}": b for k, b in enumerate(biases, start=1)})
        np.savez(args.save, **arrays, errors=np.array(errors))


if __name__ == "__main__":
    main()
'''


def torch_script_text(export) -> str:
    """The PyTorch script of a :class:`~nnsim.io.training_export.TrainingExport`."""
    header = HEADER.substitute(
        sizes="-".join(str(n) for n in export.sizes),
        kind="MLP" if export.kind == "mlp" else "perceptron",
        version=__version__,
    )
    parts = [
        header,
        export.settings_code(),
        export.part(code.DATA),
        code.PREPARE.template,
        ACTIVATIONS.substitute(leaky=repr(LEAKY_SLOPE)),
        *_network_parts(export),
        code.REPORT.template,
        TRAIN,
    ]
    return "\n\n\n".join(part.rstrip("\n") for part in parts) + "\n"


def _network_parts(export) -> list[str]:
    """The code that builds and trains the network: a perceptron's, an MLP's, or an MLP's with
    the :data:`SKIP_NETWORK` it builds when it has skip connections."""
    if export.kind != "mlp":
        return [PERCEPTRON]
    if not any(literal_eval(export.values["skips"])):
        return [MLP.substitute(SEQUENTIAL)]
    return [SKIP_NETWORK, MLP.substitute(widths="input_widths()", network="WithSkips")]
