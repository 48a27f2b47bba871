"""What holds across CPU kernels: a calm run agrees to about 1e-9, the starting weights exactly.

OpenBLAS picks its matrix kernel by CPU (or by ``OPENBLAS_CORETYPE``), and
kernels round the last bit of a product differently.  Bit-identical results
hold on one machine and NumPy build; here two kernels train the same XOR
network in separate processes, and what the documents promise across
machines is checked: the same initial weights bit for bit, and final weights
within a relative 1e-9 after a non-chaotic run.
"""

import json
import os
import platform
import subprocess
import sys

import numpy as np
import pytest

KERNELS = ("Prescott", "Haswell")

TRAIN_XOR = """
import json
from nnsim.engine import MLP, TrainingConfig, datasets, train
net = MLP([2, 4, 1], activation="sigmoid", rng=0)
start = [w.tolist() for w in net.weights]
for _ in train(net, datasets.xor(), TrainingConfig(learning_rate=0.5, max_epochs=3000, seed=0)):
    pass
print(json.dumps({"start": start, "end": [w.tolist() for w in net.weights]}))
"""


def trained_under(kernel: str) -> dict:
    environment = dict(os.environ, OPENBLAS_CORETYPE=kernel)
    result = subprocess.run(
        [sys.executable, "-c", TRAIN_XOR],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.skipif(
    platform.machine() not in ("x86_64", "AMD64"),
    reason="OPENBLAS_CORETYPE names x86-64 kernels (Prescott, Haswell) only",
)
def test_a_calm_run_agrees_across_kernels_to_about_1e_9():
    first, second = (trained_under(kernel) for kernel in KERNELS)
    for a, b in zip(first["start"], second["start"], strict=True):
        np.testing.assert_array_equal(a, b)
    for a, b in zip(first["end"], second["end"], strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-12)
    # The run did learn (so the agreement is about trained weights, not the start).
    assert not np.allclose(first["start"][0], first["end"][0], atol=0.1)
