"""Find English text that reaches the screen without going through ``translate``.

    python tests/visible_strings.py nnsim/gui/editor     # list what is left, file:line: text

Reads the source (it never imports it) and reports each string literal or
f-string with a letter in it that is passed straight to something that shows
text: a Qt widget's text setter or constructor, a message box, a file dialog,
a plot's label, an undoable command's name, or an exception nnsim raises for a
person to read.  Text wrapped in ``translate("Context", "...")`` or
``QT_TRANSLATE_NOOP`` is a call, not a literal, and so passes.
"""

import ast
import re
import sys
from pathlib import Path

#: Methods whose every text argument is shown.
SHOWING_METHODS = frozenset(
    """setText setWindowTitle setToolTip setStatusTip setWhatsThis setPlaceholderText addMenu
    setTitle setLabel setLabels showMessage setHorizontalHeaderLabels setVerticalHeaderLabels
    addItem addItems insertItem addTab insertTab setTabText setTabToolTip setItemText
    setItemToolTip setSuffix setPrefix setSpecialValueText setHeaderLabels setHeaderLabel
    setLabelText setInformativeText setDetailedText setButtonText addButton setFormat addRow
    setHtml setMarkdown setPlainText setNameFilter setNameFilters setWindowIconText setToolTipText
    warning information question critical about getOpenFileName getOpenFileNames
    getSaveFileName getExistingDirectory getText getDouble getInt getItem addSection
    setEmptyText say show_message addLegendItem setAccessibleDescription""".split()  # noqa: SIM905
)
#: Classes (and nnsim's own helpers) whose text arguments are shown.
SHOWING_CALLS = frozenset(
    """QLabel QPushButton QAction QCheckBox QRadioButton QGroupBox QDockWidget QToolButton QMenu
    QMessageBox QListWidgetItem QTableWidgetItem QTreeWidgetItem QCommandLinkButton QWidgetAction
    QInputDialog TextItem LabelItem plain_label make_action EditCommand DocumentCommand
    MoveCommand ExportError ConfigError DataError TopologyError ProjectFileError NnsimError
    LessonError""".split()  # noqa: SIM905
)
#: Calls of which only some positional arguments are shown (the others name or key things).
SHOWN_POSITIONS = {"make_action": (2, 4), "setLabel": (1,), "addAction": (0, 1), "addRow": (0,)}
#: Keyword arguments that are shown, whatever the call.
SHOWING_KEYWORDS = frozenset(
    "text title tip toolTip statusTip whatsThis placeholderText windowTitle label".split()  # noqa: SIM905
)
#: Fields (``{0}``, ``{...}``, ``%p``) taken out of a text before looking for words in it.
_FIELDS = re.compile(r"\{[^}]*\}|%[a-z]")
#: A word: what makes a text need translating (a symbol, a unit letter or a number do not).
_WORD = re.compile(r"[A-Za-z]{2,}")
#: A file name's suffix (".html"), added to a name rather than read.
_SUFFIX = re.compile(r"\.[A-Za-z0-9]+")


def _literal_texts(node: ast.AST):
    """Yield the string literals of ``node`` that would be shown as they are."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        yield "".join(
            part.value if isinstance(part, ast.Constant) else "{...}" for part in node.values
        )
    elif isinstance(node, ast.BinOp):  # "a" + b, "%s" % x
        yield from _literal_texts(node.left)
        yield from _literal_texts(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literal_texts(node.body)
        yield from _literal_texts(node.orelse)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            yield from _literal_texts(element)
    elif (  # "Saved {0}".format(x): the literal is shown
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "join")
    ):
        yield from _literal_texts(node.func.value)


def _shows_words(text: str) -> bool:
    """Whether ``text`` holds words to translate (not only fields, symbols or a suffix)."""
    return bool(_WORD.search(_FIELDS.sub("", text))) and not _SUFFIX.fullmatch(text)


def _called_name(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def _shown_arguments(call: ast.Call):
    name = _called_name(call)
    if name in SHOWN_POSITIONS:
        yield from (call.args[n] for n in SHOWN_POSITIONS[name] if n < len(call.args))
    elif name in SHOWING_METHODS or name in SHOWING_CALLS:
        yield from call.args
    yield from (keyword.value for keyword in call.keywords if keyword.arg in SHOWING_KEYWORDS)


def _raised_arguments(node: ast.Raise):
    if isinstance(node.exc, ast.Call) and _called_name(node.exc) in SHOWING_CALLS:
        yield from node.exc.args


def untranslated(path: Path) -> list[tuple[int, str]]:
    """Return ``(line, text)`` for each untranslated English text shown by ``path``'s code.

    A line that ends with the comment ``# not translated: <why>`` is left out (a
    file name pattern, a text that names code rather than being read).
    """
    source = path.read_text(encoding="utf-8")
    excused = {n for n, line in enumerate(source.splitlines(), 1) if "# not translated: " in line}
    found = []
    for node in ast.walk(ast.parse(source, str(path))):
        if isinstance(node, ast.Call):
            arguments = _shown_arguments(node)
        elif isinstance(node, ast.Raise):
            arguments = _raised_arguments(node)
        else:
            continue
        for argument in arguments:
            found += [
                (argument.lineno, text)
                for text in _literal_texts(argument)
                if _shows_words(text) and argument.lineno not in excused
            ]
    return sorted(set(found))


def report(paths) -> list[str]:
    """Return ``file:line: text`` lines for every Python file under ``paths``."""
    lines = []
    for root in map(Path, paths):
        for path in sorted(root.rglob("*.py")) if root.is_dir() else [root]:
            lines += [f"{path}:{line}: {text!r}" for line, text in untranslated(path)]
    return lines


if __name__ == "__main__":
    found = report(sys.argv[1:] or ["nnsim"])
    print("\n".join(found) or "nothing left to translate")
    print(f"{len(found)} untranslated", file=sys.stderr)
