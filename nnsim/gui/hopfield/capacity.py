"""The capacity lab: how many patterns N neurons recall, measured, against theory.

:class:`CapacityDialog` (``capacityLab``) runs a
:class:`~nnsim.model.capacity_lab.LabPlan` in a worker thread, with a progress
bar and Cancel (a :class:`~nnsim.gui.hopfield.measuring.Measurement`): one
storage rule or all of them (``capacityAllRules``), random
or correlated patterns (each a copy of a shared random parent with every cell
flipped with probability (1 - c) / 2, so two overlap c^2 on average) or the
person's own library (``capacityKind``, ``capacityOverlap``), the workspace's
N or N = 64, 100 and 256 as well (``capacitySizes``), the probes' noise
(``capacityNoise``) and the dense rule's interaction (``capacityInteraction``).
It plots two shares of the patterns recalled against the load P / N: those
that come back exactly, and those with few errors (overlap at least
:data:`~nnsim.model.capacity_lab.FEW_ERRORS_OVERLAP`).  Beside them, each
rule's registered limits at the workspace's N are dashed lines, labelled with
their formulas: Hebb's 0.138 N (few errors), N / (2 ln N) and N / (4 ln N)
(exact), Storkey's N / sqrt(2 ln N), the pseudo-inverse's N - 1 and the dense
rule's :func:`~nnsim.engine.hopfield_dense.dense_capacity`.  With every rule the
load axis is logarithmic (Hebb's 0.02 to the dense rule's 8).  The plot saves
as PNG, SVG and CSV.
"""

import math
from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
)

from nnsim.engine.hopfield_rules import STORAGE_RULES
from nnsim.gui.hopfield.library import chosen_interaction, interaction_box
from nnsim.gui.hopfield.measuring import Measurement, start_and_cancel
from nnsim.gui.palette import CLASS_COLOURS
from nnsim.gui.plain_text import plain_label
from nnsim.gui.plots import legend_below, style_axes
from nnsim.gui.project.exporting import install_exports
from nnsim.model.capacity_lab import (
    FEW_ERRORS_OVERLAP,
    LabPlan,
    LabPoint,
    lab_trials,
    theory_loads,
)
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: The grids the effect of N is shown on: 8 x 8, 10 x 10 and 16 x 16 neurons.
COMPARED_SIZES = (64, 100, 256)
#: The two measures, in the order a trial gives them (keys, shown translated).
MEASURES = (QT_TRANSLATE_NOOP("Capacity", "exact"), QT_TRANSLATE_NOOP("Capacity", "few errors"))
#: Exact recall in vermilion, recall with few errors in blue (curves and limit lines).
COLOURS = {True: CLASS_COLOURS[5], False: CLASS_COLOURS[0]}
#: With every rule measured, a colour per rule instead (exact recall dashed).
RULE_COLOURS = dict(zip(STORAGE_RULES, CLASS_COLOURS[:3] + CLASS_COLOURS[5:], strict=False))
#: The loads named on a logarithmic load axis.
LOG_TICKS = (0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10)
#: One symbol per (pattern kind, N) measured.
SYMBOLS = ("o", "t", "s", "d", "x", "+")
#: The pattern kinds the kind box offers (its items' data: the kinds measured).
KINDS = {
    QT_TRANSLATE_NOOP("CapacityDialog", "Random patterns"): ("random",),
    QT_TRANSLATE_NOOP("CapacityDialog", "Correlated patterns"): ("correlated",),
    QT_TRANSLATE_NOOP("CapacityDialog", "Random and correlated"): ("random", "correlated"),
    QT_TRANSLATE_NOOP("CapacityDialog", "Your library"): ("library",),
}
KIND_WORDS = {
    "random": QT_TRANSLATE_NOOP("CapacityDialog", "random"),
    "correlated": QT_TRANSLATE_NOOP("CapacityDialog", "correlated"),
    "library": QT_TRANSLATE_NOOP("CapacityDialog", "library"),
}


class CapacityDialog(QDialog):
    """The lab for ``n`` neurons (``capacityLab``); ``library`` (L, n) of ±1 is the
    person's own patterns (the "Your library" kind; None or empty: not offered).

    Attributes
    ----------
    plan : LabPlan or None
        What the last sweep measured.
    cases : list of (rule, kind, N)
        Its curves, in order.
    sizes : tuple of int
        Its numbers of neurons, smallest first.
    loads : list of tuple of float
        Each case's loads.
    shares : np.ndarray, shape (len(cases), 2, most loads)
        For each case, the mean share of patterns recalled exactly (``[:, 0]``)
        and with few errors (``[:, 1]``) at each load so far (NaN before its first trial).
    limit_lines : list of pg.InfiniteLine
        The chosen rules' capacity limits at ``n``, one line each.
    """

    def __init__(self, n: int, rule: str = "hebb", parent=None, library=None):
        super().__init__(parent)
        self.setObjectName("capacityLab")
        self.setWindowTitle(translate("CapacityDialog", "Capacity lab"))
        self.n, self.library = n, library
        self._make_settings(n, rule)
        self.progress = QProgressBar(objectName="capacityProgress")
        self.start_button, self.cancel_button = start_and_cancel(
            self, "capacity", translate("CapacityDialog", "Start"),
            translate("CapacityDialog", "Cancel"),
        )  # fmt: skip
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("capacityPlot")
        self._make_plot()
        self.exports = install_exports(self.plot, "capacity", self.table)
        self.note = plain_label(objectName="capacityNote")  # (its words name the cases)
        self.note.setWordWrap(True)
        self.note.setMinimumHeight(5 * self.note.fontMetrics().lineSpacing())
        self.measurement = Measurement(self)
        self.measurement.measured.connect(self._trial_done)
        self.measurement.completed.connect(self._finished)
        self.measurement.running_changed.connect(self._enable_settings)
        self.plan: LabPlan | None = None
        self.cases: list[tuple[str, str, int]] = []
        self.sizes: tuple[int, ...] = ()
        self.loads: list[tuple[float, ...]] = []
        self.curves: dict[tuple[str, str, int, str], pg.PlotDataItem] = {}
        self._sums = np.zeros((0, len(MEASURES), 0))
        self._counts = np.zeros((0, 0))
        self.limit_lines: list[pg.InfiniteLine] = []
        self._lay_out()
        for box in (self.rule, self.all_rules, self.interaction):
            signal = box.toggled if box is self.all_rules else box.currentIndexChanged
            signal.connect(self._show_limits)
        self.kind.currentIndexChanged.connect(self._enable_settings)
        self._show_limits()
        self.measurement.attach(
            idle=(self.start_button, self.rule, self.all_rules, self.interaction, self.kind,
                  self.overlap, self.grid_sizes, self.trials, self.noise),
            busy=(self.cancel_button,), note=self.note,
            cancelled=translate("CapacityDialog", "Cancelled: the points show the trials made."),
        )  # fmt: skip
        self.resize(680, 780)

    def _make_settings(self, n: int, rule: str) -> None:
        self.rule = QComboBox(objectName="capacityRule")
        for storage in STORAGE_RULES.values():
            self.rule.addItem(translate("HopfieldRules", storage.title), storage.name)
        self.rule.setCurrentIndex(self.rule.findData(rule))
        self.all_rules = QCheckBox(
            translate("CapacityDialog", "Every rule"), objectName="capacityAllRules"
        )
        self.all_rules.setToolTip(
            translate("CapacityDialog", "Measure every storage rule, side by side")
        )
        self.interaction = interaction_box("capacityInteraction")
        self.kind = QComboBox(objectName="capacityKind")
        for title, kinds in KINDS.items():
            if kinds != ("library",) or (self.library is not None and len(self.library)):
                self.kind.addItem(translate("CapacityDialog", title), kinds)
        self.overlap = QDoubleSpinBox(objectName="capacityOverlap", decimals=2, singleStep=0.1)
        self.overlap.setRange(0.0, 1.0)
        self.overlap.setValue(0.5)
        self.overlap.setToolTip(
            translate(
                "CapacityDialog",
                "c: each pattern is a shared random parent with each cell flipped with "
                "probability (1 - c) / 2, so two patterns overlap c squared on average",
            )
        )
        self.grid_sizes = QComboBox(objectName="capacitySizes")
        only = translate("CapacityDialog", "This grid only (N = {n})").format(n=n)
        self.grid_sizes.addItem(only, (n,))
        compared = tuple(sorted({*COMPARED_SIZES, n}))
        self.grid_sizes.addItem(f"N = {_joined(compared)}", compared)
        self.grid_sizes.setToolTip(
            translate("CapacityDialog", "Run the experiment on more grids to see the effect of N")
        )
        self.trials = QSpinBox(objectName="capacityTrials", minimum=1, maximum=200, value=10)
        self.trials.setToolTip(
            translate("CapacityDialog", "Random pattern sets tried at each load")
        )
        self.noise = QSpinBox(objectName="capacityNoise", minimum=0, maximum=50, value=10)
        self.noise.setSuffix("%")
        self.noise.setToolTip(
            translate(
                "CapacityDialog",
                "The share of each pattern's cells flipped before recall (0%: is each "
                "pattern a fixed point?)",
            )
        )

    @property
    def shares(self) -> np.ndarray:
        counts = self._counts[:, None, :]
        with np.errstate(invalid="ignore"):
            return np.where(counts > 0, self._sums / np.maximum(counts, 1), np.nan)

    def table(self) -> tuple[tuple[str, ...], list[list[float]]]:
        """The curves' numbers: one row per load measured, the share recalled for each
        case and measure (NaN where not measured)."""
        names = [self._case_name(case, english=True) for case in self.cases]
        header = (
            "load P/N",
            *(f"{name} {m}" for name in names for m in MEASURES),
        )
        loads = sorted({load for case in self.loads for load in case}) or list(self._default_loads)
        shares, rows = self.shares, []
        for load in loads:
            row = [load]
            for k, case_loads in enumerate(self.loads):
                index = case_loads.index(load) if load in case_loads else None
                row += [np.nan] * 2 if index is None else shares[k, :, index].tolist()
            rows.append(row)
        return header, rows

    @property
    def _default_loads(self) -> tuple[float, ...]:
        return LabPlan(rules=(self.rule.currentData(),)).loads_of(self.rule.currentData())

    @property
    def running(self) -> bool:
        return self.measurement.running

    def _rules(self) -> tuple[str, ...]:
        return tuple(STORAGE_RULES) if self.all_rules.isChecked() else (self.rule.currentData(),)

    def _make_plot(self) -> None:
        plot = self.plot
        style_axes(plot.getPlotItem())
        title = translate(
            "CapacityDialog", "Recalled from noise; dashed lines: the theory's limits for N = {n}"
        )
        plot.setTitle(title.format(n=self.n), color="#333333")
        plot.setLabel("bottom", translate("CapacityDialog", "load P / N (patterns per neuron)"))
        plot.setLabel("left", translate("CapacityDialog", "share of patterns recalled"))
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setYRange(0, 1.3)  # the limits' labels above the curves, which end at 1
        self.legend = legend_below(plot, columns=2)

    def _show_limits(self) -> None:
        """A dashed line at each chosen rule's limits for N, labelled with its formula."""
        for line in self.limit_lines:
            self.plot.removeItem(line)
        rules = self._rules()
        logarithmic = len(rules) > 1
        self.plot.setLogMode(x=logarithmic, y=False)
        ticks = [[(math.log10(load), f"{load:g}") for load in LOG_TICKS], []]
        self.plot.getAxis("bottom").setTicks(ticks if logarithmic else None)
        interaction = chosen_interaction(self.interaction)
        self.limit_lines = []
        most = max(max(LabPlan().loads_of(rule)) for rule in rules)
        limits = [
            (load, RULE_COLOURS[rule] if logarithmic else COLOURS[exact],
             f"{translate('HopfieldRules', STORAGE_RULES[rule].title)}: {formula}"
             if logarithmic else f"{formula} ({load:.3g})")
            for rule in rules
            for formula, load, exact in theory_loads(rule, self.n, interaction)
            if load <= 4 * most  # (the exponential's 2^(N/2) is far off any axis)
        ]  # fmt: skip
        for load, colour, label in limits:
            crowded = any(load < other < 1.6 * load for other, _, _ in limits)
            left = crowded if logarithmic else load > 0.5  # a label by a line or edge goes left
            self._add_line(load, colour, label, logarithmic, left)
        farthest = max([line.value() for line in self.limit_lines], default=-math.inf)
        if logarithmic:
            self.plot.setXRange(math.log10(0.015), max(math.log10(most), farthest) + 0.05)
        else:
            self.plot.setXRange(0, max(most, farthest) + 0.03)

    def _add_line(self, load: float, colour: str, label: str, logarithmic: bool, left: bool):
        k = len(self.limit_lines)
        position = math.log10(load) if logarithmic else load
        line = pg.InfiniteLine(
            position, angle=90,
            pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine),
            label=label,
            labelOpts={"position": 0.96 - 0.07 * (k % 6), "color": colour,
                       "fill": pg.mkBrush(255, 255, 255, 220),
                       "anchors": [(float(left), 0.5)] * 2},
        )  # fmt: skip
        self.plot.addItem(line)
        self.limit_lines.append(line)

    def _lay_out(self) -> None:
        form = QFormLayout()
        rules = QHBoxLayout()
        rules.addWidget(self.rule, 1)
        rules.addWidget(self.all_rules)
        rules.addWidget(QLabel(translate("CapacityDialog", "dense:")))
        rules.addWidget(self.interaction)
        form.addRow(translate("CapacityDialog", "Rule"), rules)
        kinds = QHBoxLayout()
        kinds.addWidget(self.kind, 1)
        kinds.addWidget(QLabel(translate("CapacityDialog", "overlap c")))
        kinds.addWidget(self.overlap)
        form.addRow(translate("CapacityDialog", "Patterns"), kinds)
        form.addRow(translate("CapacityDialog", "Grid sizes"), self.grid_sizes)
        runs = QHBoxLayout()
        runs.addWidget(self.trials)
        runs.addWidget(QLabel(translate("CapacityDialog", "Noise")))
        runs.addWidget(self.noise)
        runs.addStretch(1)
        form.addRow(translate("CapacityDialog", "Trials per load"), runs)
        few = translate("CapacityDialog", "overlap with the pattern at least {overlap}")
        form.addRow(
            translate("CapacityDialog", "Few errors"),
            QLabel(few.format(overlap=FEW_ERRORS_OVERLAP)),
        )
        buttons = QDialogButtonBox()
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def _case_name(self, case, english: bool = False) -> str:
        """What tells ``case`` from the others measured: its rule, kind and N as needed
        (``english``: for a file's header, "Hebb random N=100", N always)."""
        rule, kind, n = case
        varies = [len({c[k] for c in self.cases}) > 1 for k in range(3)]
        if english:
            parts = [STORAGE_RULES[rule].title, KIND_WORDS[kind], f"N={n}"]
            return " ".join(p for p, shown in zip(parts, [*varies[:2], True], strict=True) if shown)
        parts = [translate("HopfieldRules", STORAGE_RULES[rule].title),
                 translate("CapacityDialog", KIND_WORDS[kind]), f"N = {n}"]  # fmt: skip
        return ", ".join(part for part, shown in zip(parts, varies, strict=True) if shown)

    def _make_curves(self) -> None:
        """Two empty curves per case, exact recall and few errors, in the legend."""
        for curve in self.curves.values():
            self.plot.removeItem(curve)
        self.legend.clear()
        self.curves = {}
        several_rules = len(self.plan.rules) > 1
        shapes = sorted({(kind, n) for _, kind, n in self.cases}, key=self._first_case)
        for case in self.cases:
            rule, kind, n = case
            symbol = SYMBOLS[shapes.index((kind, n)) % len(SYMBOLS)]
            name = self._case_name(case)
            for measure in MEASURES:
                exact = measure == "exact"
                colour = RULE_COLOURS[rule] if several_rules else COLOURS[exact]
                style = Qt.PenStyle.DashLine if several_rules and exact else Qt.PenStyle.SolidLine
                shown = translate("Capacity", measure)
                self.curves[rule, kind, n, measure] = self.plot.plot(
                    pen=pg.mkPen(colour, width=2, style=style), symbol=symbol, symbolSize=7,
                    symbolBrush=colour, symbolPen=colour,
                    name=shown if not name else translate("CapacityDialog", "{measure}, {case}")
                    .format(measure=shown, case=name),
                )  # fmt: skip

    def _first_case(self, shape) -> int:
        """Where a (kind, N) first comes among the cases measured."""
        return next(k for k, case in enumerate(self.cases) if case[1:] == shape)

    def start(self) -> None:
        """Run the lab (a new sweep) in a worker thread, on every case chosen."""
        if self.running:
            return
        self.plan = LabPlan(
            rules=self._rules(), kinds=self.kind.currentData(), sizes=self.grid_sizes.currentData(),
            trials=self.trials.value(), noise=self.noise.value() / 100,
            overlap=self.overlap.value(), library=self.library,
            interaction=chosen_interaction(self.interaction), probes=40,
        )  # fmt: skip
        self.cases = self.plan.cases()
        self.sizes = tuple(sorted({n for _, _, n in self.cases}))
        self.loads = [tuple(load for _, load, _ in self.plan.counts(*c)) for c in self.cases]
        longest = max(map(len, self.loads), default=0)
        self._sums = np.zeros((len(self.cases), len(MEASURES), longest))
        self._counts = np.zeros((len(self.cases), longest))
        self._make_curves()
        self.progress.setRange(0, self.plan.total())
        self.progress.setValue(0)
        self.note.setText("")
        self.measurement.start(partial(lab_trials, self.plan))
        # (the lines and the note stay the measured rule's)

    def cancel(self) -> None:
        """Stop within one recall, waiting for the worker; what was measured stays plotted."""
        self.measurement.cancel()

    @Slot(object)
    def _trial_done(self, point: LabPoint) -> None:
        case = self.cases.index((point.rule, point.kind, point.n))
        self._sums[case, :, point.load_index] += point.exact, point.few_errors
        self._counts[case, point.load_index] += 1
        self.progress.setValue(self.progress.value() + 1)
        measured = self._counts[case] > 0
        loads = np.array(self.loads[case] + (np.nan,) * (len(measured) - len(self.loads[case])))
        for measure, shares in zip(MEASURES, self.shares[case], strict=True):
            curve = self.curves[point.rule, point.kind, point.n, measure]
            curve.setData(loads[measured], shares[measured])

    @Slot()
    def _finished(self) -> None:
        self.note.setText(self._summary())

    def _summary(self) -> str:
        """Where each measure first falls to half or less, for each case measured."""
        lines = [
            translate(
                "CapacityDialog", "Done. The load where half the patterns or fewer come back:"
            )
        ]
        line = translate("CapacityDialog", "{case}: exactly, {exact}; with few errors, {few}.")
        for k, (case, (exact, few)) in enumerate(zip(self.cases, self.shares, strict=True)):
            name = self._case_name(case) or f"N = {case[2]}"
            loads = self.loads[k]
            lines.append(
                line.format(case=name, exact=_half_load(loads, exact), few=_half_load(loads, few))
            )
        return "\n".join(lines)

    def _enable_settings(self) -> None:
        """The overlap box is on only for correlated patterns, and never while a run is on."""
        self.overlap.setEnabled(not self.running and "correlated" in self.kind.currentData())

    def done(self, result: int) -> None:
        """Closing the dialog cancels a run."""
        self.cancel()
        super().done(result)


def _half_load(loads, shares: np.ndarray) -> str:
    """The first load whose share is 0.5 or less, e.g. "0.16", or "none up to 0.30"."""
    for load, share in zip(loads, shares, strict=False):
        if share <= 0.5:
            return f"{load:.2f}"
    return translate("Capacity", "none up to {load}").format(load=f"{max(loads):.2f}")


def _joined(sizes) -> str:
    """64, 100 and 256."""
    words = [str(n) for n in sizes]
    return translate("Capacity", "{first} and {last}").format(
        first=translate("Capacity", ", ").join(words[:-1]), last=words[-1]
    )
