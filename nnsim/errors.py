"""Exceptions and warnings that nnsim raises for a person to read.

Every message says what is wrong and how to put it right, in plain words, so
the GUI and the command line can show it as it is.
"""


class NnsimError(Exception):
    """Base class of every error nnsim raises on purpose."""


class ConfigError(NnsimError, ValueError):
    """A setting is unknown or makes no sense (an activation name, a loss pair)."""


class DataError(NnsimError, ValueError):
    """Input data has the wrong shape, holds NaN or inf, or is empty."""


class TopologyError(NnsimError, ValueError):
    """A drawn graph cannot be turned into a network.

    ``neuron_ids`` and ``layer_ids`` name the parts at fault, so an editor can
    highlight them.
    """

    def __init__(self, message: str, *, neuron_ids=(), layer_ids=()):
        super().__init__(message)
        self.neuron_ids = tuple(neuron_ids)
        self.layer_ids = tuple(layer_ids)


class ProjectFileError(NnsimError):
    """A project file cannot be read or written."""


class ExportError(NnsimError, OSError):
    """A plot, table or file could not be written; whatever was there is unchanged."""


class DivergenceError(NnsimError, ArithmeticError):
    """Training produced a NaN or infinite error; the weights were rolled back.

    ``loss`` holds the value that went wrong (NaN or inf); ``epoch`` is the
    epoch whose weights were kept, and ``losses`` the errors of the epochs up
    to it that no report handed out yet (so a history can end where the
    weights are).
    """

    def __init__(self, message: str, loss: float = float("nan"), *, epoch=None, losses=()):
        super().__init__(message)
        self.loss = loss
        self.epoch = epoch
        self.losses = losses


class EpochInterrupted(Exception):  # noqa: N818 - a request, not an error
    """An epoch stopped between two batches because training was asked to stop.

    Not an error: :func:`~nnsim.engine.train` catches it, puts back the
    weights from before the epoch and ends the run as "stopped".
    """


class NnsimWarning(UserWarning):
    """Base class of nnsim's own warnings (tests turn them into errors)."""
