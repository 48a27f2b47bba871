"""The NumPy engine: networks, learning rules, data sets, metrics and the training loop.

It imports nothing but NumPy and the standard library (and nnsim's own
error classes), so it runs in a script, a notebook or a test without Qt::

    from nnsim.engine import MLP, RBM, datasets, train
"""

from nnsim.engine import datasets, metrics
from nnsim.engine.datasets import Dataset
from nnsim.engine.hopfield import Hopfield, RecallResult, RecallStep
from nnsim.engine.mlp import MLP
from nnsim.engine.perceptron import Perceptron
from nnsim.engine.rbm import RBM
from nnsim.engine.training import TrainingConfig, TrainingReport, TrainingSummary, train

__all__ = [
    "MLP",
    "RBM",
    "Dataset",
    "Hopfield",
    "Perceptron",
    "RecallResult",
    "RecallStep",
    "TrainingConfig",
    "TrainingReport",
    "TrainingSummary",
    "datasets",
    "metrics",
    "train",
]
