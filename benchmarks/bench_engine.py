"""Speed benchmarks of the NumPy engine against lean NumPy, scikit-learn and PyTorch.

Every row times nnsim and a reference in the same run, interleaved, keeps the fastest
of several repeats and reports their ratio: absolute times depend on the machine, the
ratios much less.  Run ``./dev.sh bench`` (or ``.venv/bin/python benchmarks/bench_engine.py``);
``--quick`` shrinks sizes and repeats for a smoke run, ``--write`` also writes the table
into its section of ``benchmarks/README.md``.  scikit-learn and PyTorch are optional.
"""

import argparse
import datetime
import functools
import gc
import os
import platform
import sys
import time

import numpy as np
from results import README, write_section

from nnsim.engine import MLP, RBM, Hopfield, datasets
from nnsim.engine.hopfield_dense import Interaction, modern_update

try:
    import sklearn
    from sklearn.neural_network import BernoulliRBM, MLPClassifier
except ImportError:
    sklearn = None
try:
    import torch
except ImportError:
    torch = None

HEADER = ("benchmark", "nnsim", "reference", "ratio", "target", "met?")
#: scikit-learn settings of every row: plain SGD, no momentum, no weight penalty.
SKLEARN_SGD = {"solver": "sgd", "momentum": 0.0, "alpha": 0.0, "random_state": 0}
MODES = ("async", "sync")


def race(contenders, repeats):
    """Return the fastest of ``repeats`` times (s) of each contender, timed interleaved.

    ``contenders`` maps names to ``prepare()``, which does the untimed set-up and
    returns the zero-argument callable to time.  Each contender is called once to
    warm up; each round then starts with the next one; the garbage collector is off.
    """
    names = list(contenders)
    for name in names:
        contenders[name]()()
    times = {name: [] for name in names}
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for round_ in range(repeats):
            for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
                run = contenders[name]()
                start = time.perf_counter()
                run()
                times[name].append(time.perf_counter() - start)
    finally:
        if gc_was_enabled:
            gc.enable()
    return {name: min(values) for name, values in times.items()}


def looped(step, times=1):
    """Return a ``prepare()`` for :func:`race` timing ``times`` calls of ``step()``."""

    def run():
        for _ in range(times):
            step()

    return lambda: run


def fmt_time(seconds):
    """Return ``seconds`` with a readable unit."""
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} us"
    return f"{seconds * 1e3:.2f} ms" if seconds < 1.0 else f"{seconds:.2f} s"


def yes(met):
    """Return the text of the met? column."""
    return "yes" if met else "**no**"


def row(name, nnsim, reference, label, op, target):
    """Return a table row comparing two times in seconds (reference None: not installed).

    The ratio is nnsim / reference against an upper bound (``op`` "<="), else reference / nnsim.
    """
    goal = f"{label} {op} {target}"
    if reference is None:
        return [name, "-", "not installed", "-", goal, "-"]
    ratio = nnsim / reference if op == "<=" else reference / nnsim
    met = ratio <= target if op == "<=" else ratio >= target
    return [name, fmt_time(nnsim), fmt_time(reference), f"{ratio:.2f}", goal, yes(met)]


def lean_xor(X, T, params, epochs, learning_rate=0.5):
    """Train a 2-4-1 sigmoid net with sse loss ``epochs`` full-batch epochs in plain NumPy.

    The same maths as ``MLP.train_epoch``; ``params`` = [W1, b1, W2, b2] change in place.
    """
    W1, b1, W2, b2 = params
    n = X.shape[0]
    for _ in range(epochs):
        A1 = 1.0 / (1.0 + np.exp(-(X @ W1.T + b1)))
        O = 1.0 / (1.0 + np.exp(-(A1 @ W2.T + b2)))
        diff = O - T
        loss = 0.5 * float(np.vdot(diff, diff)) / n
        D2 = diff / n * O * (1.0 - O)
        D1 = (D2 @ W2) * A1 * (1.0 - A1)
        W2 -= learning_rate * (D2.T @ A1)
        b2 -= learning_rate * D2.sum(axis=0)
        W1 -= learning_rate * (D1.T @ X)
        b1 -= learning_rate * D1.sum(axis=0)
    return loss


def xor_rows(quick, notes):
    """Return the rows of one full-batch XOR epoch against lean NumPy, scikit-learn, PyTorch.

    Every ``*_rows`` function takes ``quick`` (smaller sizes, fewer repeats) and
    ``notes``, a list of remarks to print under the table.
    """
    data = datasets.xor()
    X, T, y = np.array(data.X), np.array(data.T), np.array(data.y)
    n = 200 if quick else 2000
    slow = n // 10  # the slow references need fewer epochs for a steady time
    net = MLP([2, 4, 1], activation="sigmoid", loss="sse", rng=0)
    params = [a.copy() for pair in zip(net.weights, net.biases, strict=True) for a in pair]

    def nnsim_run():
        for _ in range(n):
            net.train_epoch(X, T, learning_rate=0.5)

    contenders = {"nnsim": lambda: nnsim_run, "lean": looped(lambda: lean_xor(X, T, params, n))}
    epochs = {"nnsim": n, "lean": n, "sklearn": slow, "torch": slow}
    if sklearn is not None:
        shape = {"hidden_layer_sizes": (4,), "activation": "logistic", "batch_size": 4}
        clf = MLPClassifier(learning_rate_init=0.5, **shape, **SKLEARN_SGD)
        clf.partial_fit(X, y, classes=[0, 1])
        contenders["sklearn"] = looped(lambda: clf.partial_fit(X, y), slow)
    if torch is not None:
        nn, (Xt, Tt) = torch.nn, (torch.from_numpy(X), torch.from_numpy(T))
        model = nn.Sequential(nn.Linear(2, 4), nn.Sigmoid(), nn.Linear(4, 1), nn.Sigmoid())
        model = model.double()
        opt = torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.0)

        def torch_epoch():
            opt.zero_grad()
            loss = 0.5 * ((model(Xt) - Tt) ** 2).sum() / Xt.shape[0]
            loss.backward()
            opt.step()
            return loss.item()

        contenders["torch"] = looped(torch_epoch, slow)
    best = race(contenders, 3 if quick else 15)
    per = {key: seconds / epochs[key] for key, seconds in best.items()}
    rows = [
        row("XOR 2-4-1 epoch vs lean NumPy", per["nnsim"], per["lean"], "nnsim/lean", "<=", 1.25)
    ]
    for key, label in (("sklearn", "scikit-learn"), ("torch", "PyTorch")):
        name = f"XOR 2-4-1 epoch vs {label}"
        rows.append(row(name, per["nnsim"], per.get(key), f"{key}/nnsim", ">=", 10))
    return rows


def digits_accuracy(train, test, seed, epochs=20):
    """Train the 64-100-10 net for ``epochs`` and return its test accuracy."""
    net = MLP([64, 100, 10], activation="tanh", output_activation="softmax", loss="cce", rng=seed)
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        net.train_epoch(train.X, train.T, learning_rate=0.1, batch_size=32, rng=rng)
    return np.mean(net.forward(test.X).argmax(axis=1) == test.y)


def digits_rows(quick, notes):
    """Return the rows of a digits epoch (64-100-10) against scikit-learn, and the accuracies.

    Both train on the same stratified 75% and are scored on the other 25%, with the
    features standardised on the training part.
    """
    train, test = datasets.standardize(*datasets.digits().split(0.25, rng=0))
    X, T, y = np.array(train.X), np.array(train.T), np.array(train.y)
    epochs = 3 if quick else 20

    def nnsim_prepare(n_epochs=epochs):
        net = MLP([64, 100, 10], activation="tanh", output_activation="softmax", loss="cce", rng=0)
        rng = np.random.default_rng(0)

        def run():
            for _ in range(n_epochs):
                net.train_epoch(X, T, learning_rate=0.1, batch_size=32, rng=rng)
            return net

        return run

    def sklearn_prepare(n_epochs=epochs):
        shape = {"hidden_layer_sizes": (100,), "activation": "tanh", "batch_size": 32}
        clf = MLPClassifier(
            learning_rate_init=0.1, max_iter=1, shuffle=True, **shape, **SKLEARN_SGD
        )
        clf.partial_fit(X, y, classes=np.arange(10))  # the first epoch sets the network up

        def run():
            for _ in range(n_epochs):
                clf.partial_fit(X, y)
            return clf

        return run

    accuracy = digits_accuracy(train, test, seed=0)
    seeds = [digits_accuracy(train, test, seed) for seed in range(1 if quick else 5)]
    notes.append(
        f"Digits test accuracy over seeds 0-{len(seeds) - 1}: mean {np.mean(seeds):.1%}, "
        f"lowest {min(seeds):.1%} (stratified 25% split, standardised features)."
    )
    name = "digits 64-100-10 epoch (batch 32) vs scikit-learn"
    if sklearn is None:
        timed, reference = row(name, 0.0, None, "sklearn/nnsim", ">=", 3), "not installed"
    else:
        best = race({"nnsim": nnsim_prepare, "sklearn": sklearn_prepare}, 2 if quick else 7)
        timed = row(
            name, best["nnsim"] / epochs, best["sklearn"] / epochs, "sklearn/nnsim", ">=", 3
        )
        reference = f"{sklearn_prepare(19)().score(test.X, test.y):.1%} (scikit-learn)"
    name = "digits test accuracy after 20 epochs (seed 0)"
    return [timed, [name, f"{accuracy:.1%}", reference, "-", "nnsim >= 96%", yes(accuracy >= 0.96)]]


def wide_rows(quick, notes):
    """Return the row of a 784-256-256-10 float32 epoch against the matrix products in it."""
    n, batch = (2000 if quick else 10000), 64
    rng = np.random.default_rng(0)
    X = rng.random((n, 784), dtype=np.float32)
    T = np.eye(10, dtype=np.float32)[rng.integers(0, 10, n)]
    layers = {"activation": "relu", "output_activation": "softmax", "loss": "cce"}
    net = MLP([784, 256, 256, 10], dtype=np.float32, rng=0, **layers)
    order_rng = np.random.default_rng(0)
    W1, W2, W3 = (W.copy() for W in net.weights)

    def bare_run():
        for start in range(0, n, batch):
            Xb = X[start : start + batch]
            A1 = Xb @ W1.T  # forward: 64x784 @ 784x256, 64x256 @ 256x256, 64x256 @ 256x10
            A2 = A1 @ W2.T
            D3 = A2 @ W3.T  # the output stands in for the output delta
            _ = D3.T @ A2  # backward: three weight gradients and two deltas
            D2 = D3 @ W3
            _ = D2.T @ A1
            D1 = D2 @ W2
            _ = D1.T @ Xb

    lean_params = [a.copy() for pair in zip(net.weights, net.biases, strict=True) for a in pair]
    nnsim = looped(
        lambda: net.train_epoch(X, T, learning_rate=0.01, batch_size=batch, rng=order_rng)
    )
    lean = looped(lambda: lean_wide_epoch(X, T, lean_params, batch, order_rng))
    repeats = 3 if quick else 9
    best = race({"nnsim": nnsim, "bare": looped(bare_run), "lean": lean}, repeats)
    try:  # threadpoolctl comes with scikit-learn
        from threadpoolctl import threadpool_limits
    except ImportError:
        one_thread = ""
    else:
        with threadpool_limits(1, user_api="blas"):  # quieter on a shared machine
            single = race({"nnsim": nnsim, "bare": looped(bare_run)}, repeats)
        one_thread = (
            f" With one BLAS thread nnsim takes {fmt_time(single['nnsim'])} against the "
            f"products' {fmt_time(single['bare'])}: {single['bare'] / single['nnsim']:.2f}."
        )
    notes.append(
        f"784-256-256-10: a lean hand-written NumPy epoch of the same maths takes "
        f"{fmt_time(best['lean'])}, {best['bare'] / best['lean']:.2f} of the bare products' "
        f"speed; nnsim runs at {best['lean'] / best['nnsim']:.2f} of the lean epoch's speed."
        f"{one_thread} The gap is what training does besides the products, on one core while "
        "they use both: gathering each shuffled batch from memory, the updates W -= G (one "
        "pass each: no NumPy product adds into its output), the bias, ReLU, softmax and "
        "derivative passes. With two threads each of these also waits for what the other "
        "core wrote (half of every product, and the new W and the batch it reads next)."
    )
    name = f"784-256-256-10 float32 epoch ({n:,} samples, batch 64) vs bare products"
    return [row(name, best["nnsim"], best["bare"], "bare/nnsim", ">=", 0.85)]


def lean_wide_epoch(X, T, params, batch, rng, learning_rate=0.01):
    """One shuffled mini-batch epoch of a ReLU/softmax/cce MLP in plain NumPy, in place."""
    W1, b1, W2, b2, W3, b3 = params
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch):
        rows = order[start : start + batch]
        Xb, Tb = X[rows], T[rows]
        A1 = np.maximum(Xb @ W1.T + b1, 0.0)
        A2 = np.maximum(A1 @ W2.T + b2, 0.0)
        Z3 = A2 @ W3.T + b3
        O = np.exp(Z3 - Z3.max(axis=1, keepdims=True))
        O /= O.sum(axis=1, keepdims=True)
        loss = -float(np.vdot(Tb, np.log(np.maximum(O, 1e-12)))) / len(rows)
        D3 = (O - Tb) * (learning_rate / len(rows))
        D2 = (D3 @ W3) * (A2 > 0)
        D1 = (D2 @ W2) * (A1 > 0)
        W3 -= D3.T @ A2
        b3 -= D3.sum(axis=0)
        W2 -= D2.T @ A1
        b2 -= D2.sum(axis=0)
        W1 -= D1.T @ Xb
        b1 -= D1.sum(axis=0)
    return loss


def hopfield_rows(quick, notes):
    """Return the row of Hebbian storage against one matrix product."""
    n = 1024 if quick else 4096
    p, repeats = round(0.1 * n), (3 if quick else 7)
    rng = np.random.default_rng(0)
    Xi = rng.choice([-1.0, 1.0], size=(p, n))

    def store_prepare():  # a fresh network each time
        return functools.partial(Hopfield(n).store, Xi, rule="hebb")

    best = race({"store": store_prepare, "product": looped(lambda: Xi.T @ Xi)}, repeats)
    name = f"Hopfield N={n}, P={p}: Hebb store vs Xi.T @ Xi"
    return [row(name, best["store"], best["product"], "store/product", "<=", 1.5)]


def recall_rows(quick, notes):
    """Return the rows of async against sync recall, N = 256 to 8,192."""
    sizes = (256, 512, 1024) if quick else (256, 512, 1024, 2048, 4096, 8192)
    return [recall_row(n, 3 if quick else (15 if n <= 1024 else 5), notes) for n in sizes]


def recall_row(n, repeats, notes):
    """Return the row of async against sync recall at N = ``n`` (P = 0.1 N, 10% of bits flipped)."""
    rng = np.random.default_rng(0)
    Xi = rng.choice([-1.0, 1.0], size=(round(0.1 * n), n))
    net = Hopfield(n)
    net.store(Xi, rule="hebb")
    probe = Xi[0].copy()
    probe[rng.choice(n, n // 10, replace=False)] *= -1.0

    def recall(mode):
        return net.recall(probe, mode=mode, rng=np.random.default_rng(1))

    best = race({mode: looped(functools.partial(recall, mode), 5) for mode in MODES}, repeats)
    counts = []
    for mode in MODES:
        result = recall(mode)
        wrong = int(np.count_nonzero(result.state != Xi[0]))
        counts.append(
            f"{mode} {wrong} in {result.sweeps} {'sweeps' if mode == 'async' else 'steps'}"
        )
    notes.append(f"Hopfield N={n}, bits wrong after recall: " + ", ".join(counts) + ".")
    name = f"Hopfield N={n}: async vs sync recall, P = 0.1 N, 10% of bits flipped"
    return row(name, best["async"] / 5, best["sync"] / 5, "async/sync", "<=", 1.5)


def dense_rows(quick, notes):
    """Return the rows of dense (cubic) against Hebbian async recall, and of the modern
    update against one matrix product, at N = 4,096 (P = 0.1 N, 10% of bits flipped)."""
    n = 1024 if quick else 4096
    repeats = 3 if quick else 7
    rng = np.random.default_rng(0)
    Xi = rng.choice([-1.0, 1.0], size=(round(0.1 * n), n))
    probe = Xi[0].copy()
    probe[rng.choice(n, n // 10, replace=False)] *= -1.0
    hebb, dense = Hopfield(n), Hopfield(n)
    hebb.store(Xi, rule="hebb")
    dense.store(Xi, rule="dense", interaction=Interaction("polynomial", 3))

    def recall(net):
        return net.recall(probe, rng=np.random.default_rng(1))

    best = race({"dense": looped(lambda: recall(dense)), "hebb": looped(lambda: recall(hebb))},
                repeats)  # fmt: skip
    results = {name: recall(net) for name, net in (("dense", dense), ("hebb", hebb))}
    notes.append(
        f"Dense N={n}: the cubic memory recalls pattern 0 with "
        f"{int(np.count_nonzero(results['dense'].state != Xi[0]))} bits wrong in "
        f"{results['dense'].sweeps} sweeps, Hebb's with "
        f"{int(np.count_nonzero(results['hebb'].state != Xi[0]))} in {results['hebb'].sweeps}; "
        "a dense visit weighs every pattern (O(P)), a Hebbian one reads a kept field (O(1))."
    )
    state = probe / np.sqrt(n)  # a query of length 1: the softmax is neither flat nor one-hot
    update = looped(lambda: modern_update(Xi, state, 1.0), 20)
    product = looped(lambda: Xi @ state, 20)
    modern = race({"update": update, "product": product}, 10 * repeats)  # (ms each: cheap)
    return [
        row(f"dense recall N={n}: cubic vs Hebb async recall, P = 0.1 N, 10% of bits flipped",
            best["dense"], best["hebb"], "dense/hebb", "<=", 10.0),
        row(f"modern update N={n}, P={len(Xi)}: X softmax(beta X^T xi) vs X @ xi",
            modern["update"] / 20, modern["product"] / 20, "update/product", "<=", 3.0),
    ]  # fmt: skip


def rbm_rows(quick, notes):
    """Return the row of a Boltzmann machine's epoch on the binarised digits against
    scikit-learn's BernoulliRBM: 64 hidden units, PCD-1 (its algorithm), batch 10, η 0.1."""
    X = datasets.digits().X
    X = (0.5 * X.max() < X).astype(np.float64)
    name, goal = "RBM 64-64 epoch on binary digits (PCD-1, batch 10) vs scikit-learn", 1.0
    if sklearn is None:
        return [row(name, 0.0, None, "sklearn/nnsim", ">=", goal)]
    best, wide = (rbm_race(X, hidden, 3 if quick else 9) for hidden in (64, 256))
    notes.append(
        "RBM: scikit-learn's fit(n_iter=1) is one epoch with its set-up (checking X, drawing "
        "the first weights); nnsim's epoch also measures the reconstruction error. With 256 "
        f"hidden units (scikit-learn's default): {fmt_time(wide['nnsim'])} against "
        f"{fmt_time(wide['sklearn'])}, ratio {wide['sklearn'] / wide['nnsim']:.2f}."
    )
    return [row(name, best["nnsim"], best["sklearn"], "sklearn/nnsim", ">=", goal)]


def rbm_race(X, hidden, repeats):
    """Race one PCD-1 epoch of nnsim's RBM against BernoulliRBM's, ``hidden`` units each."""
    rbm, rng = RBM(X.shape[1], hidden, rng=0), np.random.default_rng(0)
    settings = {"learning_rate": 0.1, "batch_size": 10}
    reference = BernoulliRBM(n_components=hidden, n_iter=1, random_state=0, **settings)
    ours = looped(lambda: rbm.train_epoch(X, persistent=True, shuffle=False, rng=rng, **settings))
    return race({"nnsim": ours, "sklearn": looped(lambda: reference.fit(X))}, repeats)


def machine():
    """Return one line naming the processor, the core count and the library versions."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    versions = [f"Python {platform.python_version()}", f"NumPy {np.__version__}"]
    for label, module in (("scikit-learn", sklearn), ("PyTorch", torch)):
        versions.append(f"{label} {module.__version__}" if module else f"{label} not installed")
    return f"{cpu} ({platform.machine()}), {os.cpu_count()} logical CPUs; " + ", ".join(versions)


def section_text(table, notes, quick):
    """Return the engine's section of ``benchmarks/README.md``: when, where, the table, notes."""
    run = " (a `--quick` run: smaller sizes, fewer repeats)" if quick else ""
    measured = f"Measured on {datetime.date.today().isoformat()}{run}, on {machine()}."
    return f"{measured}\n\n{table}\n\n" + "".join(f"- {note}\n" for note in notes)


def main(argv=None):
    """Run every benchmark, print the table and, with ``--write``, write the README."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--write", action="store_true", help=f"also write {README.name}")
    benches = (xor_rows, digits_rows, wide_rows, hopfield_rows, recall_rows, dense_rows, rbm_rows)
    names = [bench.__name__.removesuffix("_rows") for bench in benches]
    parser.add_argument("--only", choices=names, help="run one group of rows only")
    args = parser.parse_args(argv)
    if args.only and args.write:
        parser.error("--write needs every row: leave out --only")
    rows, notes = [], []
    for bench in benches if args.only is None else [benches[names.index(args.only)]]:
        print(f"running {bench.__name__.removesuffix('_rows')} ...", file=sys.stderr, flush=True)
        rows += bench(args.quick, notes)
    if torch is None:
        notes.append("PyTorch is not installed, and not part of the bench extra (see README).")
    lines = ["| " + " | ".join(cells) + " |" for cells in [HEADER, ["---"] * len(HEADER), *rows]]
    table = "\n".join(lines)
    print(table, "", *notes, sep="\n")
    if args.write:
        write_section("engine", section_text(table, notes, args.quick))
        print(f"wrote the engine's section of {README}", file=sys.stderr)


if __name__ == "__main__":
    main()
