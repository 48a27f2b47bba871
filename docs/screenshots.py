"""Make the README's screenshots: drive nnsim offscreen and save what its window shows.

Run from the repository root after any change to the window::

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots.py
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots.py --zh_CN

It writes ``docs/main-window.png`` (the XOR example right after training),
``docs/data-dock.png`` (moons with points drawn by hand, trained) and
``docs/import-dialog.png`` (File > Import Data on the Iris table) and
``docs/hopfield-workspace.png`` (the Hopfield letters example mid-recall),
``docs/explain-view.png`` (Explain a Step on the 3-3-3 network) and
``docs/perceptron-steps.png`` (a perceptron learning AND sample by sample) and
``docs/presentation-mode.png`` (View > Presentation Mode at 1280x720).
With ``--zh_CN`` it makes the same pictures of the window in Simplified
Chinese (the translations built from the ``.ts`` sources first), each
``NAME-zh_CN.png``, for the README and the Chinese guide.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from nnsim.gui.app import create_main_window
from nnsim.gui.language import install_language
from nnsim.resource_files import resource_path

DOCS = Path(__file__).resolve().parent


def new_window():
    folder = Path(tempfile.mkdtemp())
    store = QSettings(str(folder / "layout.ini"), QSettings.Format.IniFormat)
    window = create_main_window(store, folder / "data")
    window.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard  # a script asks nobody
    window.resize(1280, 800)
    window.show()
    return window


def train(window) -> None:
    """Train at full speed until the run ends (a minute at most)."""
    window.settings.set("speed", "fastest")
    window.training_actions["start"].trigger()
    app, deadline = QApplication.instance(), time.monotonic() + 60
    while window.session.state not in ("finished", "stopped") and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    window.editor.view.fit_to_window()
    app.processEvents()


def save(widget, path: Path) -> None:
    if not widget.grab().save(str(path)):
        sys.exit(f"could not write {path}")
    print(f"wrote {path}")


def train_xor_and_grab(path: Path) -> None:
    """Train the window's XOR example to its target error and save the window as PNG."""
    window = new_window()
    train(window)
    save(window, path)
    window.close()


def draw_on_moons_and_grab(path: Path) -> None:
    """Moons on a 2-8-1 tanh network, a few points drawn by hand, trained; the Data tab shown."""
    window = new_window()
    window.panel.set_value("dataset", "moons")
    window.editor.view.set_layer_size(window.document.layers[1].id, 8)
    window.editor.view.set_activation(window.document.layers[1].id, "tanh")
    window.panel.set_value("max_epochs", 3000)
    window.data_dock.raise_()
    window.data_view.tabs.setCurrentIndex(1)
    window.data_view.draw_button.setChecked(True)
    for x, y, label in ((1.5, 1.0, 0), (1.7, 0.9, 0), (-0.8, -0.4, 1), (-0.6, -0.5, 1)):
        window.data_view.draw_class.setCurrentIndex(label)
        window.drawing.click(x, y, True)
    train(window)
    save(window, path)
    window.close()


def import_dialog_grab(path: Path) -> None:
    """The import dialog on the Iris table, as File > Import Data shows it."""
    window = new_window()
    window.importer.import_file(resource_path("datasets", "iris.csv"))
    dialog = window.importer.dialog
    dialog.show()
    QApplication.instance().processEvents()
    save(dialog, path)
    dialog.reject()
    window.close()


def hopfield_mid_recall_grab(path: Path) -> None:
    """The Hopfield letters example, recall under way at 100 updates a second."""
    window = new_window()
    window.files.open_example("hopfield_letters")
    workspace = window.hopfield
    workspace.speed.setCurrentIndex(workspace.speed.findData("100"))
    workspace.recall.seed = 3
    workspace.run()
    app, until = QApplication.instance(), time.monotonic() + 0.8
    while time.monotonic() < until:
        app.processEvents()
        time.sleep(0.01)
    save(window, path)
    workspace.recall.stop()
    window.close()


def explain_view_grab(path: Path) -> None:
    """The 3-3-3 network of the tutorial, Explain a Step at its hidden layer's sums."""
    window = new_window()
    window.files.open_example("three_layer_network")
    window.explainer.action.trigger()
    window.explainer.view.go(1)
    window.editor.view.fit_to_window()
    QApplication.instance().processEvents()
    save(window, path)
    window.close()


def perceptron_steps_grab(path: Path) -> None:
    """A perceptron on AND after a few single-sample steps, the trail of its lines shown."""
    window = new_window()
    window.new_actions["perceptron"].trigger()
    window.panel.set_value("seed", 5)
    window.trail_action.setChecked(True)
    app = QApplication.instance()
    for _ in range(9):
        window.training_actions["sample"].trigger()
        until = time.monotonic() + 0.5  # let the line glide
        while time.monotonic() < until:
            app.processEvents()
            time.sleep(0.01)
    window.editor.view.fit_to_window()
    app.processEvents()
    save(window, path)
    window.close()


def presentation_mode_grab(path: Path) -> None:
    """View > Presentation Mode on the trained XOR example, at a projector's 1280x720."""
    window = new_window()
    train(window)
    window.presentation_action.trigger()
    window.showNormal()  # (offscreen, full screen is the offscreen screen's 800x800)
    window.resize(1280, 720)
    window.editor.view.fit_to_window()
    QApplication.instance().processEvents()
    save(window, path)
    window.presentation_action.trigger()
    window.close()


#: Each picture's name, and the function that makes it.
PICTURES = {
    "main-window": train_xor_and_grab,
    "data-dock": draw_on_moons_and_grab,
    "import-dialog": import_dialog_grab,
    "hopfield-workspace": hopfield_mid_recall_grab,
    "explain-view": explain_view_grab,
    "perceptron-steps": perceptron_steps_grab,
    "presentation-mode": presentation_mode_grab,
}


def speak_chinese() -> None:
    """Build the translations from the .ts sources and make windows speak Chinese."""
    subprocess.run([sys.executable, str(DOCS.parent / "tools" / "translations.py"), "build"],
                   check=True)  # fmt: skip
    if not install_language("zh_CN"):
        sys.exit("the Chinese translation could not be loaded")


if __name__ == "__main__":
    suffix = ""
    if "--zh_CN" in sys.argv[1:]:
        QApplication.instance() or QApplication(sys.argv[:1])
        speak_chinese()
        suffix = "-zh_CN"
    for name, grab in PICTURES.items():
        grab(DOCS / f"{name}{suffix}.png")
