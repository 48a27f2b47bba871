"""The editable model of what the person built: plain Python with psygnal signals, no Qt."""

from nnsim.model.compiler import (
    CompiledNetwork,
    check_topology,
    compile,
)
from nnsim.model.document import NetworkDocument
from nnsim.model.records import Change, Layer, Neuron
from nnsim.model.starters import new_hopfield, new_mlp, new_perceptron, new_rbm

__all__ = [
    "Change",
    "CompiledNetwork",
    "Layer",
    "NetworkDocument",
    "Neuron",
    "check_topology",
    "compile",
    "new_hopfield",
    "new_mlp",
    "new_perceptron",
    "new_rbm",
]
