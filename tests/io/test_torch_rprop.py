"""The PyTorch script's Rprop, iRprop- and schedules against the engine's, on crafted cases."""

import ast
import importlib.util
import runpy
import types

import numpy as np
import pytest

from nnsim.engine.optimizers import make_optimizer
from nnsim.engine.runner import scheduled_rate
from nnsim.io.torch_code import torch_script_text
from nnsim.io.training_export import TrainingExport
from nnsim.model.session import Session

needs_torch = pytest.mark.skipif(
    importlib.util.find_spec("torch") is None, reason="PyTorch is not installed here"
)


def torch_script(tmp_path, **settings) -> str:
    session = Session.new_mlp((2, 3, 1))
    for name, value in settings.items():
        session.settings.set(name, value)
    path = tmp_path / "torch_train.py"
    path.write_text(torch_script_text(TrainingExport.of(session.project())), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("optimizer", "made"),
    [("rprop", "RpropWithBacktracking(network"), ("irprop-", "torch.optim.Rprop(network")],
)
def test_the_script_names_its_optimiser(tmp_path, optimizer, made):
    with open(torch_script(tmp_path, optimizer=optimizer), encoding="utf-8") as file:
        text = file.read()
    ast.parse(text)
    assert f"OPTIMIZER = {optimizer!r}" in text and made in text
    assert "ETA_PLUS, ETA_MINUS, DELTA_MAX, DELTA_MIN = 1.2, 0.5, 50.0, 1e-06" in text


def bowl(step, weight, minimum=0.15, steps=5):
    """Weights after each ``step()`` on E = 1/2 (w - minimum)^2; ``weight()`` reads w."""
    seen = []
    for _ in range(steps):
        step(weight() - minimum)
        seen.append(weight())
    return seen


def engine_bowl(name):
    optimizer, w = make_optimizer(name), np.zeros(1)
    return bowl(lambda g: optimizer.step([w], [g], learning_rate=0.1), lambda: float(w[0]))


@needs_torch
@pytest.mark.parametrize("name", ["rprop", "irprop-"])
def test_the_torch_optimisers_step_as_the_engines_do(tmp_path, name):
    import torch

    script = runpy.run_path(torch_script(tmp_path, optimizer=name, learning_rate=0.1))
    p = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = script["make_optimizer"](types.SimpleNamespace(parameters=lambda: [p]))

    def step(g):
        p.grad = torch.tensor([g], dtype=torch.float64)
        optimizer.step()

    seen = bowl(step, lambda: float(p.detach()[0]))
    assert seen == pytest.approx(engine_bowl(name), abs=1e-15)
    # Rprop takes the step past the minimum back; iRprop- stays there one step.
    assert seen[2] == pytest.approx(0.1 if name == "rprop" else 0.22, abs=1e-15)


@needs_torch
@pytest.mark.parametrize(
    ("schedule", "decay", "step"), [("step", 0.5, 3), ("exponential", 0.9, 1), ("constant", 1, 1)]
)
def test_the_torch_schedules_give_the_engines_rates(tmp_path, schedule, decay, step):
    import torch

    path = torch_script(tmp_path, lr_schedule=schedule, lr_decay=decay, lr_step=step)
    script = runpy.run_path(path)
    p = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=0.5)
    scheduler = script["make_schedule"](optimizer)
    rates = []
    for _ in range(8):
        rates.append(optimizer.param_groups[0]["lr"])
        p.grad = torch.ones(1, dtype=torch.float64)
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
    expected = [scheduled_rate(0.5, schedule, decay, step, t) for t in range(8)]
    assert rates == pytest.approx(expected, rel=1e-12)
