"""The parameter panel (objectName ``parameterTree``), generated from the settings model.

Each entry of :data:`nnsim.model.settings.SETTINGS` becomes a field in its
group; the Network group also lists the document's own properties (the
perceptron's rule or the MLP's biases and each layer's activation).  A value
is checked by the model when the person enters it: a refused one springs
back and the reason is shown under the tree.  Every accepted edit is one
step on the shared undo stack.
"""

from collections.abc import Callable
from contextlib import contextmanager

from pyqtgraph.parametertree import Parameter
from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QVBoxLayout, QWidget

from nnsim.engine.perceptron import RULES
from nnsim.errors import ConfigError, NnsimError
from nnsim.gui.commands import SettingCommand
from nnsim.gui.data.derived_inputs import set_derived_input
from nnsim.gui.form_tree import FormTree
from nnsim.gui.layer_fields import activation_field, document_field, dropout_field
from nnsim.gui.plain_text import plain_label
from nnsim.model import NetworkDocument
from nnsim.model.classroom import FIXED, Classroom
from nnsim.model.rbm_data import RBM_DATASETS
from nnsim.model.run_data import GENERATED
from nnsim.model.settings import (
    DERIVED_SETTINGS,
    GROUP_TITLES,
    SETTINGS,
    SPECS,
    Settings,
    choice_title,
    tip,
    title,
)
from nnsim.text import QT_TRANSLATE_NOOP, translate

GROUPS = ("Network", "Training", "Data")
#: Shorter names in the panel for settings whose full titles (still in each field's tooltip
#: and in Undo's text) do not fit beside their values in a side panel.
SHORT_TITLES = {
    "speed": QT_TRANSLATE_NOOP("Panels", "Speed (epochs/s)"),
    "patience": QT_TRANSLATE_NOOP("Panels", "Patience (0 = off)"),
    "samples": QT_TRANSLATE_NOOP("Panels", "Samples"),
    "noise": QT_TRANSLATE_NOOP("Panels", "Noise"),
    "lr_schedule": QT_TRANSLATE_NOOP("Panels", "Rate schedule"),
}
#: Settings that mean something only while another setting holds one of some values
#: ({field: (setting, values)}): their fields are off otherwise.
USED_WHEN = {
    "samples": ("dataset", tuple(GENERATED)),
    "noise": ("dataset", tuple(GENERATED)),
    "lr_decay": ("lr_schedule", ("step", "exponential")),
    "lr_step": ("lr_schedule", ("step",)),
}
#: Type names of pyqtgraph parameters by setting kind.
PARAMETER_TYPES = {"float": "float", "int": "int", "bool": "bool", "choice": "list"}


class ParameterPanel(QWidget):
    """Fields for every setting, grouped as Network, Training and Data.

    Parameters
    ----------
    settings : Settings
    document : NetworkDocument
    undo_stack : QUndoStack
    edit_document : callable
        ``edit_document(text, mutate)`` pushes a document edit as one undo
        step (the editor's :meth:`EditorView.edit`).
    groups : tuple of str
        The groups shown (the Data dock shows only "Data").  Several panels
        may show the same settings: each follows every change.
    borrowed : tuple of str
        Settings of groups not shown to show in the first group all the same
        (the Data dock shows the seed, which also shuffles the data).

    Signals
    -------
    problem(str)
        A refused value's reason (also shown under the tree).
    """

    problem = Signal(str)

    def __init__(
        self,
        settings: Settings,
        document: NetworkDocument,
        undo_stack: QUndoStack,
        edit_document: Callable,
        parent=None,
        groups: tuple[str, ...] = GROUPS,
        borrowed: tuple[str, ...] = (),
    ):
        super().__init__(parent)
        self._shown_groups, self._borrowed = groups, borrowed
        self.settings, self.document, self.undo_stack = settings, document, undo_stack
        self._edit_document = edit_document
        self._quiet = 0
        self._lock_reason: str | None = None
        self._refused: tuple | None = None  # (name, value) last refused
        #: Called with what the person tried while locked; True when it lifted the lock.
        self.unlock_request: Callable[[str], bool] | None = None
        self._lock_exceptions: set[str] = set()
        self._classroom = Classroom()
        self.root = Parameter.create(name="settings", type="group", children=self._groups())
        self.tree = FormTree(showHeader=False)
        self.tree.setObjectName("parameterTree")
        self.tree.setParameters(self.root, showTop=False)
        self.reason = plain_label()  # refusals quote values and names from files
        self.reason.setObjectName("parameterProblem")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #B00000;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addWidget(self.reason)
        self._network_fields()
        self._offer_dependent_fields()
        self.root.sigTreeStateChanged.connect(self._tree_changed)
        settings.changed.connect(self._setting_changed)
        document.changed.connect(self._document_changed)

    # ------------------------------------------------------------- building
    def _groups(self) -> list[dict]:
        groups = {name: [] for name in GROUPS}
        for spec in SETTINGS:
            field = {
                "name": spec.name,
                "title": _title(spec),
                "type": PARAMETER_TYPES[spec.kind],
                "value": self.settings[spec.name],
                "default": None,  # no "back to default" button on every row: undo does that
                "tip": _tip(spec),
                "visible": self.document.kind in spec.kinds,  # a perceptron has no optimiser
            }
            if spec.kind == "choice":  # {shown: key}: the field's value is the key
                field["limits"] = {choice_title(spec.name, c): c for c in self._choices(spec)}
            if spec.kind == "float":
                field.update(dec=True, step=0.5, minStep=1e-6, decimals=6)
            groups[spec.group].append(field)
            if spec.name in self._borrowed:  # shown in the first group as well
                groups[self._shown_groups[0]].append(dict(field))
        return [
            {
                "name": g,
                "title": translate("Settings", GROUP_TITLES[g]),
                "type": "group",
                "children": groups[g],
            }
            for g in self._shown_groups
        ]

    def _choices(self, spec) -> tuple[str, ...]:
        """The values a choice offers for this network: a Boltzmann machine learns only the
        data sets it can see as images."""
        if spec.name == "dataset" and self.document.kind == "rbm":
            return RBM_DATASETS
        return spec.choices

    def _network_fields(self) -> None:
        """Bring the Network group's document fields in step with the document.

        Values change in place; the fields are rebuilt only when the layers
        (and so the names) changed, never under a field being edited.
        """
        if "Network" not in self._shown_groups:
            return
        group = self.root.child("Network")
        wanted = self._document_fields()
        group.setOpts(visible=bool(wanted))  # (a Boltzmann machine's has no fields)
        present = [child for child in group.children() if child.opts.get("document")]
        with self._updating():
            if [c.name() for c in present] == [f["name"] for f in wanted]:
                for child, field in zip(present, wanted, strict=True):
                    child.setLimits(field.get("limits"))
                    child.setValue(field["value"])
                    child.setOpts(title=field["title"])
                return
            for child in present:
                group.removeChild(child)
            for position, field in enumerate(wanted):
                group.insertChild(position, field)

    def _document_fields(self) -> list[dict]:
        doc = self.document
        fields = []
        if doc.kind == "perceptron":
            does = translate(
                "ParameterPanel", "How the perceptron corrects its weights after each sample"
            )
            fields.append(
                document_field(
                    "rule", translate("ParameterPanel", "Learning rule"), "list", doc.rule,
                    limits=list(RULES), tip=does,
                )
            )  # fmt: skip
        if doc.kind not in ("hopfield", "rbm"):  # (every unit of a machine has a bias)
            does = translate(
                "ParameterPanel",
                "Give every neuron after the inputs a bias: a weight from a constant 1",
            )
            fields.append(
                document_field(
                    "bias", translate("ParameterPanel", "Biases"), "bool", doc.bias,
                    tip=does,
                )
            )  # fmt: skip
        if doc.kind == "mlp":
            last = len(doc.layers) - 1
            for index, layer in enumerate(doc.layers[1:], start=1):
                fields.append(activation_field(layer, index, index == last))
                if index < last:
                    fields.append(dropout_field(layer, index))
        return fields

    @contextmanager
    def _updating(self):
        """Changes made inside are the models' own: the tree must not send them back."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    # ------------------------------------------------------------- editing
    def _tree_changed(self, _root, changes) -> None:
        if self._quiet:
            return
        for parameter, change, value in changes:
            if change != "value":
                continue
            if (parameter.name(), value) == self._refused:
                # The field's spin box hands a refused value in once more after it
                # sprang back: refuse it again without a second question.
                self._refuse(parameter, self.reason.text())
                continue
            self.reason.setText("")  # what the change leads to may put a reason back
            try:
                if parameter.opts.get("document"):
                    self._edit_document_field(parameter.name(), value)
                    self._network_fields()  # a refused document edit springs back
                else:
                    self._set(parameter.name(), value)
            except NnsimError as exc:
                self._refused = (parameter.name(), value)
                self._refuse(parameter, str(exc))
            else:
                self._refused = None

    def lock(self, reason: str | None, *, except_names=()) -> None:
        """Refuse edits of every setting but ``except_names`` with ``reason`` (None unlocks)."""
        self._lock_reason, self._lock_exceptions = reason, set(except_names)
        self._refused = None

    def _ask_to_unlock(self, what: str) -> None:
        """Ask ``unlock_request`` to lift the lock; raise ConfigError with its reason if not."""
        if not (self.unlock_request and self.unlock_request(what)):
            raise ConfigError(self._lock_reason)

    def set_value(self, name: str, value) -> None:
        """Set a setting as if typed into its field: checked, shown and one undo step."""
        self._set(name, value)

    def set_classroom(self, classroom: Classroom) -> None:
        """Hide and freeze the fields the exercise says (and show the others again)."""
        self._classroom = classroom
        for group in self.root.children():
            for field in group.children():
                name = field.name()
                if field.opts.get("document"):
                    field.setOpts(readonly=classroom.network_frozen)
                    continue
                if name not in SPECS:
                    continue
                shown = self.document.kind in SPECS[name].kinds and name not in classroom.hidden
                field.setOpts(visible=shown, readonly=classroom.fixes(name))
        self._offer_dependent_fields()

    def _offer_dependent_fields(self) -> None:
        """Fields of :data:`USED_WHEN` are off while their setting makes them mean nothing.

        Samples and Noise are for generated data sets; the decay for a schedule,
        the epochs per step for the step schedule.
        """
        for name, (setting, values) in USED_WHEN.items():
            try:
                field = self.field(name)
            except KeyError:  # a group this panel does not show
                continue
            used = self.settings[setting] in values
            field.setOpts(enabled=used)  # its editor, and Tab passes it by
            for item in field.items:  # the field's rows in the tree: the name and value grey
                item.setDisabled(not used)
                label = getattr(item, "displayLabel", None)
                if label is not None:
                    label.setEnabled(used)

    def _set(self, name: str, value) -> None:
        if self._classroom.fixes(name):
            raise ConfigError(translate("Classroom", FIXED))
        if self._lock_reason and name not in self._lock_exceptions:
            changing = translate("ParameterPanel", "change {setting}")
            self._ask_to_unlock(changing.format(setting=title(self.settings.spec(name))))
        if name in DERIVED_SETTINGS.values():  # the input layer changes with it
            set_derived_input(
                self.settings, self.document, self.undo_stack, self._edit_document, name, value
            )
            return
        old = self.settings[name]
        self.settings.set(name, value)  # raises, changing nothing, when refused
        new = self.settings[name]
        if new != old:
            self.undo_stack.push(SettingCommand(self.settings, name, old, new))

    def _edit_document_field(self, name: str, value) -> None:
        if self._classroom.network_frozen:
            raise ConfigError(translate("Classroom", FIXED))
        if self._lock_reason:
            self._ask_to_unlock(translate("ParameterPanel", "change the network"))
        doc = self.document
        if name.startswith("layer:"):
            layer_id = name.removeprefix("layer:")
            self._edit_document(
                translate("ParameterPanel", "Change activation"),
                lambda: doc.set_property(layer_id, "activation", value),
            )
        elif name.startswith("dropout:"):
            layer_id = name.removeprefix("dropout:")
            self._edit_document(
                translate("ParameterPanel", "Change dropout"),
                lambda: doc.set_property(layer_id, "dropout", float(value)),
            )
        elif name == "bias":
            self._edit_document(
                translate("ParameterPanel", "Set bias"), lambda: doc.set_property("", name, value)
            )
        else:
            self._edit_document(
                translate("ParameterPanel", "Set rule"), lambda: doc.set_property("", name, value)
            )

    def _refuse(self, parameter, reason: str) -> None:
        """Put the field back to the model's value and say why."""
        if parameter.opts.get("document"):
            self._network_fields()
        else:
            with self._updating():
                parameter.setValue(self.settings[parameter.name()])
        self.reason.setText(reason)
        self.problem.emit(reason)

    # ----------------------------------------------------- following models
    def _setting_changed(self, name: str, value) -> None:
        if any(name == setting for setting, _ in USED_WHEN.values()):
            self._offer_dependent_fields()
        try:
            field = self.field(name)
        except KeyError:  # a setting of a group this panel does not show
            return
        if field.value() != value:
            with self._updating():
                field.setValue(value)

    def _document_changed(self, change) -> None:
        if not change.only_moves():
            self._network_fields()

    def field(self, name: str) -> Parameter:
        """The field of a setting (or of a document property, e.g. "bias")."""
        for group in self.root.children():
            for child in group.children():
                if child.name() == name:
                    return child
        raise KeyError(name)

    def detach(self) -> None:
        """Stop following the models (before the panel goes away)."""
        self.settings.changed.disconnect(self._setting_changed)
        self.document.changed.disconnect(self._document_changed)


def _title(spec) -> str:
    """A field's name in the panel: the setting's title, or a shorter one (translated)."""
    short = SHORT_TITLES.get(spec.name)
    return title(spec) if short is None else translate("Panels", short)


def _tip(spec) -> str:
    """A field's tooltip: its full title when the panel shows a shorter one, then what it does."""
    if spec.name in SHORT_TITLES:
        does = tip(spec)
        said = translate("Panels", "{title}: {tip}")
        return said.format(title=title(spec), tip=does[:1].lower() + does[1:])
    return tip(spec)
