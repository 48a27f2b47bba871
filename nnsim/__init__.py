"""nnsim: a neural-network simulator for learning and teaching.

The package is layered (see ``DESIGN.md``): :mod:`nnsim.engine` holds the
NumPy networks and the training loop, and imports nothing but NumPy and the
standard library; the model, file and GUI layers stand on top of it.
"""

__version__ = "0.1.0"
