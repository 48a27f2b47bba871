r"""Hopfield storage rules: name -> (title, store function, capacity).

Each rule makes a weight matrix from patterns :math:`\xi^\mu` (rows of
:math:`\Xi`, shape (P, N), values ±1), symmetric with a zero diagonal, and
says how many patterns N neurons hold by it:

* ``hebb``: :math:`w_{ij} = \tfrac1N \sum_\mu \xi^\mu_i \xi^\mu_j`.  Recall
  has few errors up to about :math:`0.138 N` patterns (Amit, Gutfreund and
  Sompolinsky 1985); exactly, almost every one up to :math:`N / (2 \ln N)`
  and every one at once up to :math:`N / (4 \ln N)` (McEliece et al. 1987).
* ``pseudoinverse`` (projection): :math:`W = \Xi^T (\Xi \Xi^T)^{-1} \Xi`, the
  projection onto the patterns' span, then the diagonal set to 0.  Every one
  of up to :math:`N - 1` linearly independent patterns is a fixed point
  (:math:`h_i \xi_i = 1 - P_{ii} > 0` while the span leaves out some
  direction); N of them span everything, the projection is the identity, and
  with its diagonal gone the weights are all 0: every state is then fixed and
  nothing is recalled.
* ``storkey``: for each new pattern,
  :math:`\Delta w_{ij} = \tfrac1N (\xi_i \xi_j - \xi_i h_{ji} - h_{ij} \xi_j)`
  with :math:`h_{ij} = \sum_{k \ne i,j} w_{ik} \xi_k`.  It recalls about
  :math:`N / \sqrt{2 \ln N}` patterns without error (Storkey 1997, an
  asymptotic approximation; Hebb's rule holds :math:`N / (2 \ln N)` in that sense).

* ``dense``: no weights at all.  The patterns are kept, and recall follows
  the energy :math:`E(s) = -\sum_\mu F(\xi^\mu \cdot s)` of Krotov and
  Hopfield's dense associative memory (:mod:`nnsim.engine.hopfield_dense`).  A
  polynomial :math:`F(x) = x^n` holds about
  :math:`N^{n-1} / (2 n (2n-3)!! \ln N)` patterns without error
  (:func:`~nnsim.engine.hopfield_dense.dense_capacity`; the registered limit is for
  the default cubic, :math:`N^2 / (18 \ln N)`; :func:`dense_rule` gives another
  interaction's), the exponential about :math:`2^{N/2}` (Demircigil et al. 2017).

Hebb's and Storkey's rules can add patterns to weights already made
(``add``); the pseudo-inverse rule is made again from every pattern.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from nnsim.engine.hopfield_dense import Interaction, dense_capacity
from nnsim.errors import ConfigError
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Hebbian storage recalls with few errors up to this many patterns per neuron.
HEBB_CRITICAL_LOAD = 0.138


@dataclass(frozen=True)
class Limit:
    """One statement of how many patterns N neurons hold by a rule.

    Attributes
    ----------
    formula : str
        The limit as the person reads it, e.g. "0.138 N".
    patterns : callable
        ``patterns(N) -> float``, the number of patterns.
    wording : str
        The statement, with ``{count}`` (patterns(N), rounded) and ``{formula}``
        to fill in, e.g. "about {count} patterns with few errors ({formula})"; marked for
        translation under "HopfieldRules" and translated by :meth:`statement`.
    exact : bool
        True if the limit is for exact recall (every cell right), False if for
        recall with a few cells wrong.
    """

    formula: str
    patterns: Callable[[int], float]
    wording: str
    exact: bool = True

    def statement(self, n: int) -> str:
        """The statement for ``n`` neurons, e.g. "about 14 patterns with few errors (0.138 N)"."""
        wording = translate("HopfieldRules", self.wording)
        count = self.patterns(n)
        shown = f"{count:.0f}" if count < 1e6 else f"{count:.2g}".replace("e+", "e")
        return wording.format(count=shown, formula=self.formula)


@dataclass(frozen=True)
class StorageRule:
    """One storage rule.

    Attributes
    ----------
    name : str
        The name used in settings and files.
    title : str
        The name a person reads ("Pseudo-inverse"), in English: shown as
        ``translate("HopfieldRules", rule.title)``.
    adjective : str
        The rule inside a sentence ("Hebbian recall", "the pseudo-inverse rule"), in
        English: shown as ``translate("HopfieldRules", rule.adjective)``.
    store : callable or None
        ``store(patterns, out=None) -> W``: the (N, N) weights, zero diagonal,
        for patterns of shape (P, N) holding ±1; written into ``out`` (float64,
        (N, N)) when given, so a memory is made again without a second matrix.
        None for the dense rule, which keeps the patterns and makes no weights.
    add : callable or None
        ``add(W, patterns)`` adds patterns (P, N) to weights ``W`` made by this
        rule, in place; None when the weights must be made again from every pattern.
    capacity : tuple of Limit
        What N neurons hold; the first is the limit past which the memory is
        over capacity.
    """

    name: str
    title: str
    adjective: str
    store: Callable[[np.ndarray], np.ndarray] | None
    add: Callable[[np.ndarray, np.ndarray], None] | None
    capacity: tuple[Limit, ...]

    def limit(self, n: int) -> float:
        """The most patterns ``n`` neurons hold before recall breaks down (the first limit)."""
        return self.capacity[0].patterns(n)

    def statement(self, n: int) -> str:
        """Every capacity statement for ``n`` neurons, joined by commas (the first one first)."""
        comma = translate("HopfieldRules", ", ")  # (Chinese joins them with its own comma)
        return comma.join(limit.statement(n) for limit in self.capacity)


#: Rows of W made at once when patterns are added to weights in place.
ROW_CHUNK = 256


def _hebb(patterns: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    W = np.matmul(patterns.T / patterns.shape[1], patterns, out=out)
    np.fill_diagonal(W, 0.0)
    return W


def _hebb_add(W: np.ndarray, patterns: np.ndarray) -> None:
    scaled = patterns.T / patterns.shape[1]
    for start in range(0, W.shape[0], ROW_CHUNK):  # no second (N, N) matrix
        block = slice(start, start + ROW_CHUNK)
        W[block] += scaled[block] @ patterns
    np.fill_diagonal(W, 0.0)


def _projection(patterns: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    overlap = patterns @ patterns.T
    W = np.matmul(patterns.T, np.linalg.pinv(overlap, hermitian=True) @ patterns, out=out)
    np.fill_diagonal(W, 0.0)
    return W


def _storkey(patterns: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    n = patterns.shape[1]
    W = np.zeros((n, n)) if out is None else out
    W.fill(0.0)
    _storkey_add(W, patterns)
    return W


def _storkey_add(W: np.ndarray, patterns: np.ndarray) -> None:
    # With a zero diagonal, h_ij = h_i - w_ij xi_j, which turns the rule into
    # dW = (xi xi^T - xi h^T - h xi^T + 2 W) / N.
    n = W.shape[0]
    for xi in patterns:
        h = W @ xi
        right = (xi - h) / n
        for start in range(0, n, ROW_CHUNK):  # a block of rows at a time: no (N, N) temporary
            block = slice(start, start + ROW_CHUNK)
            W[block] *= 1.0 + 2.0 / n
            W[block] += np.outer(xi[block], right)
            W[block] -= np.outer(h[block] / n, xi)
        np.fill_diagonal(W, 0.0)


def _almost_every_one(n: int) -> float:
    """Hebb's :math:`N / (2 \\ln N)`: almost every pattern recalled exactly (0 for one neuron)."""
    return n / (2.0 * math.log(n)) if n > 1 else 0.0


def _every_one(n: int) -> float:
    """Hebb's :math:`N / (4 \\ln N)`: every pattern recalled exactly (0 for one neuron)."""
    return n / (4.0 * math.log(n)) if n > 1 else 0.0


def _storkey_limit(n: int) -> float:
    """Storkey's :math:`N / \\sqrt{2 \\ln N}` (0 for one neuron)."""
    return n / math.sqrt(2.0 * math.log(n)) if n > 1 else 0.0


def _dense_limits(interaction: Interaction) -> tuple["Limit", ...]:
    """The dense rule's limit for ``interaction``: :func:`dense_capacity` for a polynomial
    (exact recall), :math:`2^{N/2}` for the exponential."""
    if interaction.kind == "exponential":
        return (
            Limit("2^(N/2)", lambda n: 2.0 ** min(n / 2.0, 996.0),  # (a float ends at 2^1024)
                  QT_TRANSLATE_NOOP("HopfieldRules", "exponentially many patterns, about {count} "
                                    "({formula}, Demircigil et al. 2017)")),
        )  # fmt: skip
    n, double_factorial = interaction.degree, math.prod(range(2 * interaction.degree - 3, 0, -2))
    power = "N" if n == 2 else f"N^{n - 1}"
    return (
        Limit(f"{power} / ({2 * n * double_factorial} ln N)",
              lambda neurons: dense_capacity(neurons, n) if neurons > 1 else 0.0,
              QT_TRANSLATE_NOOP("HopfieldRules",
                                "about {count} patterns without error ({formula})")),
    )  # fmt: skip


STORAGE_RULES: dict[str, StorageRule] = {
    rule.name: rule
    for rule in (
        StorageRule(
            "hebb", QT_TRANSLATE_NOOP("HopfieldRules", "Hebb"),
            QT_TRANSLATE_NOOP("HopfieldRules", "Hebbian"), _hebb, _hebb_add,
            (
                Limit("0.138 N", lambda n: HEBB_CRITICAL_LOAD * n,
                      QT_TRANSLATE_NOOP("HopfieldRules",
                                        "about {count} patterns with few errors ({formula})"),
                      exact=False),
                Limit("N / 2 ln N", _almost_every_one,
                      QT_TRANSLATE_NOOP("HopfieldRules",
                                        "{count} exactly, almost every one ({formula})")),
                Limit("N / 4 ln N", _every_one,
                      QT_TRANSLATE_NOOP("HopfieldRules", "{count} exactly, every one ({formula})")),
            ),
        ),
        StorageRule(
            "pseudoinverse", QT_TRANSLATE_NOOP("HopfieldRules", "Pseudo-inverse"),
            QT_TRANSLATE_NOOP("HopfieldRules", "pseudo-inverse"), _projection, None,
            (
                Limit("N - 1", lambda n: n - 1.0,
                      QT_TRANSLATE_NOOP("HopfieldRules",
                                        "up to {count} linearly independent patterns, each a "
                                        "fixed point ({formula})")),
            ),
        ),
        StorageRule(
            "storkey", QT_TRANSLATE_NOOP("HopfieldRules", "Storkey"),
            QT_TRANSLATE_NOOP("HopfieldRules", "Storkey"), _storkey, _storkey_add,
            (
                Limit("N / sqrt(2 ln N)", _storkey_limit,
                      QT_TRANSLATE_NOOP("HopfieldRules", "about {count} patterns without error "
                                        "({formula}, an approximation)")),
            ),
        ),
        StorageRule(
            "dense", QT_TRANSLATE_NOOP("HopfieldRules", "Dense"),
            QT_TRANSLATE_NOOP("HopfieldRules", "dense"), None, None, _dense_limits(Interaction()),
        ),
    )
}  # fmt: skip


def dense_rule(interaction: Interaction) -> StorageRule:
    """The dense rule with the capacity of ``interaction`` (the registered one is a cubic's)."""
    return replace(STORAGE_RULES["dense"], capacity=_dense_limits(interaction))


def get_storage_rule(name: str) -> StorageRule:
    """Return the storage rule called ``name``.

    Raises
    ------
    ConfigError
        If no rule has that name; the message lists the known ones.
    """
    try:
        return STORAGE_RULES[name]
    except (KeyError, TypeError):
        message = translate("HopfieldRules", "Unknown storage rule {name}: choose one of {known}.")
        raise ConfigError(message.format(name=repr(name), known=", ".join(STORAGE_RULES))) from None
