"""ProjectFiles on a Session alone (no MainWindow): save, open, failed opens, unsaved work."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox

from nnsim.gui.commands import SettingCommand
from nnsim.gui.project.files import ProjectFiles
from nnsim.model import new_perceptron
from nnsim.model.session import Session

Button = QMessageBox.StandardButton


class Heard:
    """What a ProjectFiles said (titles, modified marks), and what its session said: messages,
    and the epochs in the history each time a view heard of a network (``networks``)."""

    def __init__(self, files: ProjectFiles):
        self.titles, self.modified, self.messages, self.networks = [], [], [], []
        files.title_changed.connect(self.titles.append)
        files.modified_changed.connect(self.modified.append)
        history = files.session.history
        files.session.events.network_changed.connect(
            lambda _net: self.networks.append(history.count)
        )
        files.session.events.message.connect(self.messages.append)


@pytest.fixture
def files_of(tmp_path, qapp):
    """``files_of(session, ask_to_stop=...)``: its ProjectFiles (own undo stack, no parent)."""
    made = []

    def make(session: Session, ask_to_stop=lambda what: True) -> ProjectFiles:
        store = QSettings(str(tmp_path / "nnsim.ini"), QSettings.Format.IniFormat)
        files = ProjectFiles(session, QUndoStack(), None, store, ask_to_stop)
        files.ask_to_save = lambda: Button.Discard
        made.append(files)  # (psygnal holds its slots weakly)
        return files

    yield make
    for files in made:  # a stack deleted at exit says "clean" to a slot no longer there
        files.undo_stack.blockSignals(True)


@pytest.fixture
def warnings(monkeypatch) -> list:
    """The texts of the warning dialogs shown (none is shown)."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    return shown


def set_value(files: ProjectFiles, name: str, value) -> None:
    """A settings edit as the parameter panel makes it: set, then pushed as one undo step."""
    settings = files.session.settings
    old = settings[name]
    settings.set(name, value)
    files.undo_stack.push(SettingCommand(settings, name, old, value))


def trained(session: Session, epochs: int) -> Session:
    for _ in session.train(max_epochs=epochs):
        pass
    return session


def weight_bytes(network) -> list[bytes]:
    weights, biases = network.parameters()
    return [array.tobytes() for array in (*weights, *biases)]


def test_a_saved_session_opens_in_a_fresh_one_bit_for_bit(files_of, tmp_path, choose):
    session = Session()
    files = files_of(session)
    set_value(files, "learning_rate", 0.25)
    trained(session, 7)
    heard = Heard(files)
    choose(tmp_path / "mine")  # the suffix is added
    files.save_as_action.trigger()
    assert (tmp_path / "mine.nnsim").exists() and files.path == tmp_path / "mine.nnsim"
    assert heard.titles[-1] == "mine" and heard.modified[-1] is False and not files.modified()
    assert heard.messages[-1] == "mine.nnsim saved."

    again = Session.new_perceptron()
    opened = files_of(again)
    heard = Heard(opened)
    assert opened.open(tmp_path / "mine.nnsim")
    assert again.document.snapshot() == session.document.snapshot()
    assert again.settings["learning_rate"] == 0.25
    assert weight_bytes(again.compiled.network) == weight_bytes(session.trained_network)
    assert again.history.train.tobytes() == session.history.train.tobytes()
    assert again.history.count == 7
    assert heard.titles[-1] == "mine" and not opened.modified()
    assert heard.networks[-1] == 7, "the views hear of the network once its history is back"
    assert opened.recent()[0] == str(tmp_path / "mine.nnsim")


def test_an_unreadable_file_is_refused_and_the_session_keeps_its_work(files_of, tmp_path, warnings):
    session = trained(Session(), 3)
    files = files_of(session)
    before = (session.document.snapshot(), weight_bytes(session.compiled.network))
    bad = tmp_path / "broken.nnsim"
    bad.write_text('{"format": "nnsim-project", "version": 1, "document": ')
    assert not files.open(bad)
    assert len(warnings) == 1 and "breaks off or is not JSON" in warnings[0]
    assert (session.document.snapshot(), weight_bytes(session.compiled.network)) == before
    assert session.history.count == 3 and files.path is None


def test_an_open_that_fails_partway_puts_back_what_was_open(
    files_of, tmp_path, warnings, monkeypatch
):
    """The session took the new project's document and settings, then restoring its
    weights broke: the old project comes back with its file, weights and unsaved state."""
    session = Session()
    files = files_of(session)
    set_value(files, "learning_rate", 0.25)
    trained(session, 4)
    good = tmp_path / "good.nnsim"
    assert files._write(good)
    trained(session, 2)  # unsaved work, not on the undo stack
    before = (session.document.snapshot(), session.settings.values())
    weights, history = weight_bytes(session.trained_network), session.history.train.tobytes()
    other = tmp_path / "other.nnsim"
    Session.new_perceptron().save(other)
    heard = Heard(files)

    restore = Session.restore

    def fails_once(*args, **kwargs):  # after the document, settings and network came in
        monkeypatch.setattr(Session, "restore", restore)
        raise RuntimeError("Cannot set range [-inf, -inf]")

    monkeypatch.setattr(Session, "restore", fails_once)
    assert not files.open(other)
    assert warnings and "nothing was changed" in warnings[-1]
    assert "Cannot set range" not in warnings[-1], "no developer's message for a person"
    assert (session.document.snapshot(), session.settings.values()) == before
    assert weight_bytes(session.compiled.network) == weights
    assert session.history.train.tobytes() == history
    assert files.path == good and heard.titles[-1] == "good"
    assert heard.networks[-1] == 6, "the views last heard of what was put back"
    assert files.modified() and heard.modified[-1] is True


def test_edits_and_trained_weights_are_unsaved_and_a_save_or_an_open_clears_them(
    files_of, tmp_path
):
    session = Session()
    files = files_of(session)
    heard = Heard(files)
    assert not files.modified()
    files.undo_stack.push(QUndoCommand("an edit"))
    assert files.modified() and heard.modified == [True]
    files.undo_stack.undo()
    assert not files.modified() and heard.modified == [True, False]
    session.events.weights_changed.emit()  # trained, reset, stepped: not on the stack
    assert files.modified() and heard.modified == [True, False, True]
    session.events.weights_changed.emit()  # (every report says it again: one mark)
    assert heard.modified == [True, False, True]
    assert files._write(tmp_path / "kept.nnsim")
    assert not files.modified() and heard.modified[-1] is False
    session.events.weights_changed.emit()
    session.replace(new_perceptron(name="Gate"))  # another network: nothing of it unsaved
    assert not files.modified() and heard.modified[-1] is False
    assert heard.titles[-1] == "kept", "the file's name, until another file is chosen"
    files.forget()
    assert heard.titles[-1] == "Gate" and files.file_stem() == "Gate"


def test_opening_asks_to_stop_a_run_and_about_unsaved_work(files_of, tmp_path):
    session = Session()
    path = tmp_path / "saved.nnsim"
    session.save(path)
    asked_to_stop = []
    files = files_of(session, lambda what: asked_to_stop.append(what) or False)
    assert session.start_run()
    assert not files.open(path) and asked_to_stop == ["open another project"]
    session.end_run("stopped")
    asked_to_save = []
    files.ask_to_save = lambda: asked_to_save.append(True) or Button.Cancel
    set_value(files, "learning_rate", 0.125)
    assert not files.open(path) and asked_to_save == [True]
    assert session.settings["learning_rate"] == 0.125 and files.path is None


def test_an_example_opens_unsaved_and_says_so(files_of):
    session = Session()
    files = files_of(session)
    heard = Heard(files)
    assert files.open_example("xor_2_10_1")
    assert session.document.layer_sizes == (2, 10, 1)
    assert files.path is None and heard.titles[-1] == "XOR 2-10-1"
    # Said with the title File > Open Example lists it under (translated in another language).
    assert heard.messages[-1] == "Example opened: XOR, 2-10-1 with tanh."
    assert files.recent() == []


def test_a_failed_save_says_why_and_the_edits_stay_unsaved(files_of, tmp_path, warnings, choose):
    session = Session()
    files = files_of(session)
    heard = Heard(files)
    set_value(files, "learning_rate", 0.125)
    choose(tmp_path / "no such folder" / "x.nnsim")
    files.save_as_action.trigger()
    assert warnings and "Cannot write in" in warnings[0]
    assert heard.messages[-1] == warnings[0], "the status bar says it too"
    assert files.modified() and files.path is None and heard.modified == [True]
