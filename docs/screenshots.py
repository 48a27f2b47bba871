"""Make the README's screenshots: drive nnsim offscreen and save what its window shows.

Run from the repository root after any change to the window::

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots.py
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots.py --zh_CN

It writes ``docs/main-window.png`` (the XOR example right after training),
``docs/data-dock.png`` (moons with points drawn by hand, trained) and
``docs/import-dialog.png`` (File > Import Data on the Iris table) and
``docs/hopfield-workspace.png`` (the Hopfield letters example mid-recall),
``docs/hopfield-basins.png`` (the letters' basins of attraction, by every rule),
``docs/hopfield-capacity-lab.png`` (the Capacity... lab: every rule on random patterns, N = 100),
``docs/hopfield-capacity-correlated.png`` (the lab: Hebb's rule on random and correlated patterns),
``docs/explain-view.png`` (Explain a Step on the 3-3-3 network) and
``docs/perceptron-steps.png`` (a perceptron learning AND sample by sample) and
``docs/presentation-mode.png`` (View > Presentation Mode at 1280x720), and
the Analysis dock on each of its views: ``docs/analysis-gradient-flow.png``
(a six-hidden-layer sigmoid network on XOR), ``docs/analysis-landscape.png``
(XOR's surface after training, its path on it), ``docs/analysis-race.png``
(the optimisers' race on XOR), ``docs/analysis-state-space.png`` and
``docs/analysis-samples.png`` (the digits after a few epochs) and
``docs/analysis-runs.png`` (XOR at learning rates 0.5 and 2), and ``docs/rbm.png``
(File > New Boltzmann Machine trained on the digits: its Filters, Reconstructions and
Dreams tabs side by side).
With ``--zh_CN`` it makes the same pictures of the window in Simplified
Chinese (the translations built from the ``.ts`` sources first), each
``NAME-zh_CN.png``, for the README and the Chinese guide.  Names on the
command line make only those pictures::

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots.py --zh_CN analysis-runs
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox

from nnsim.gui.app import create_main_window
from nnsim.gui.language import install_language
from nnsim.model.starters import new_mlp
from nnsim.resource_files import resource_path

DOCS = Path(__file__).resolve().parent
#: The Analysis dock's pictures: the window's width and the dock's height (a web page
#: shows a picture about 900 pixels wide: the dock's small print must survive that).
ANALYSIS_WIDTH, ANALYSIS_HEIGHT = 1024, 440


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
    wait(60, until=lambda: window.session.state in ("finished", "stopped"))
    window.editor.view.fit_to_window()
    QApplication.instance().processEvents()


def wait(seconds: float, until=lambda: False) -> None:
    """Let the window run for ``seconds``, or less once ``until()`` is true."""
    app, deadline = QApplication.instance(), time.monotonic() + seconds
    while time.monotonic() < deadline and not until():
        app.processEvents()
        time.sleep(0.01)


def save(widget, path: Path) -> None:
    """Save ``widget`` as it shows now (or a QPixmap already grabbed) as PNG."""
    picture = widget if isinstance(widget, QPixmap) else widget.grab()
    if not picture.save(str(path)):
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
    wait(0.8)
    save(window, path)
    workspace.recall.stop()
    window.close()


def hopfield_basins_grab(path: Path) -> None:
    """The Recall dock's Basins tab on the Hopfield letters example, every rule measured."""
    window = new_window()
    window.files.open_example("hopfield_letters")
    workspace = window.hopfield
    workspace.side_tabs.setCurrentWidget(workspace.basins)
    workspace.basins.start()
    wait(300, until=lambda: not workspace.basins.running)
    wait(0.3)
    save(window.recall_dock, path)
    window.close()


def capacity_lab_grab(path: Path, correlated: bool = False) -> None:
    """The Capacity... lab on a 10 x 10 grid, 5 trials a load: every rule on random patterns,
    or (``correlated``) Hebb's rule on random patterns and on patterns overlapping c = 0.5."""
    window = new_window()
    window.files.open_example("hopfield_letters")
    dialog = window.hopfield.open_capacity()
    dialog.rule.setCurrentIndex(dialog.rule.findData("hebb"))
    dialog.all_rules.setChecked(not correlated)
    kinds = ("random", "correlated") if correlated else ("random",)
    dialog.kind.setCurrentIndex(
        next(k for k in range(dialog.kind.count()) if dialog.kind.itemData(k) == kinds)
    )
    dialog.trials.setValue(5)
    dialog.start()
    wait(600, until=lambda: not dialog.running)
    wait(0.3)
    save(dialog, path)
    dialog.reject()
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
    for _ in range(9):
        window.training_actions["sample"].trigger()
        wait(0.5)  # let the line glide
    window.editor.view.fit_to_window()
    QApplication.instance().processEvents()
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


def train_here(window) -> None:
    """Train in this thread, at full speed, to the target error or the Epochs setting."""
    for _ in window.session.train():
        pass


def train_slowly(window, epochs: int) -> None:
    """Train ``epochs`` at 30 epochs a second: a report every epoch, so the Analysis views'
    curves get a point each epoch on any machine (at full speed, about 30 a second)."""
    window.settings.set("speed", "30")
    window.settings.set("max_epochs", window.session.history.count + epochs)
    window.training_actions["start"].trigger()
    wait(60, until=lambda: window.session.state == "finished")


def show_analysis(window, name: str):
    """The Analysis dock on view ``name`` (its objectName), drawn at the latest report."""
    window.resize(ANALYSIS_WIDTH, window.height())
    window.analysis.show_view(window.analysis.views[name])
    dock = window.findChild(QDockWidget, "analysisDock")
    window.resizeDocks([dock], [ANALYSIS_HEIGHT], Qt.Orientation.Vertical)
    wait(0.2)
    window.live.draw(force=True)
    wait(0.2)
    return dock


def gradient_flow_grab(path: Path) -> None:
    """Six hidden sigmoid layers of 8 on XOR, 25 epochs in: the first layer's gradient is
    thousands of times smaller than the last one's."""
    window = new_window()
    window.new_network(new_mlp((2, 8, 8, 8, 8, 8, 8, 1), "sigmoid"))
    train_slowly(window, 25)
    save(show_analysis(window, "gradientFlow"), path)
    window.close()


def landscape_grab(path: Path, race: bool) -> None:
    """XOR trained to its target, the landscape computed round it (or the race run)."""
    window = new_window()
    train_here(window)
    dock = show_analysis(window, "lossLandscape")
    view = window.analysis.views["lossLandscape"]
    if race:
        view.start_race()
    else:
        view.compute()
    wait(120, until=lambda: not view.running)
    wait(0.3)
    save(dock, path)
    window.close()


def digits_grab(path: Path, view: str) -> None:
    """The digits example after 20 epochs, the Analysis dock on ``view``."""
    window = new_window()
    window.files.open_example("digits")
    train_slowly(window, 20)
    save(show_analysis(window, view), path)
    window.close()


def runs_grab(path: Path) -> None:
    """XOR trained at learning rate 0.5, then from new weights at 2: the two runs compared."""
    window = new_window()
    for rate in (0.5, 2.0):
        window.training_actions["reset"].trigger()
        window.panel.set_value("learning_rate", rate)
        train_here(window)
    save(show_analysis(window, "runComparison"), path)
    window.close()


def rbm_grab(path: Path) -> None:
    """File > New Boltzmann Machine trained on the digits (its own settings), then the Plots
    dock's Filters, Reconstructions and Dreams tabs, grabbed one by one, side by side."""
    window = new_window()
    window.resize(1280, RBM_HEIGHT)
    window.findChild(QAction, "actionNewBoltzmann").trigger()
    train_here(window)
    window.resizeDocks([window.plots_dock], [RBM_WIDTH], Qt.Orientation.Horizontal)
    tabs, views = window.plot_tabs, window.rbm_tabs
    pictures = []
    for page in views.pages:
        tabs.setCurrentWidget(page)
        window.live.draw(force=True)
        if page is views.dreams:  # (the others draw at once)
            wait(3, until=lambda: views.dreams.dreams is not None)
        wait(0.2)
        pictures.append(tabs.grab())
    whole = QPixmap(sum(p.width() for p in pictures), max(p.height() for p in pictures))
    whole.fill(Qt.GlobalColor.white)
    painter = QPainter(whole)
    left = 0
    for picture in pictures:
        painter.drawPixmap(left, 0, picture)
        left += picture.width()
    painter.end()
    save(whole, path)
    window.close()


#: The Boltzmann machine's picture: the window's height and each tab's width, in pixels.
RBM_HEIGHT, RBM_WIDTH = 560, 520

#: Each picture's name, and the function that makes it.
PICTURES = {
    "main-window": train_xor_and_grab,
    "data-dock": draw_on_moons_and_grab,
    "import-dialog": import_dialog_grab,
    "hopfield-workspace": hopfield_mid_recall_grab,
    "hopfield-basins": hopfield_basins_grab,
    "hopfield-capacity-lab": capacity_lab_grab,
    "hopfield-capacity-correlated": lambda path: capacity_lab_grab(path, correlated=True),
    "explain-view": explain_view_grab,
    "perceptron-steps": perceptron_steps_grab,
    "presentation-mode": presentation_mode_grab,
    "analysis-gradient-flow": gradient_flow_grab,
    "analysis-landscape": lambda path: landscape_grab(path, race=False),
    "analysis-race": lambda path: landscape_grab(path, race=True),
    "analysis-state-space": lambda path: digits_grab(path, "stateSpace"),
    "analysis-samples": lambda path: digits_grab(path, "sampleLedger"),
    "analysis-runs": runs_grab,
    "rbm": rbm_grab,
}


def speak_chinese() -> None:
    """Build the translations from the .ts sources and make windows speak Chinese."""
    subprocess.run([sys.executable, str(DOCS.parent / "tools" / "translations.py"), "build"],
                   check=True)  # fmt: skip
    if not install_language("zh_CN"):
        sys.exit("the Chinese translation could not be loaded")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    suffix = ""
    if "--zh_CN" in arguments:
        QApplication.instance() or QApplication(sys.argv[:1])
        speak_chinese()
        suffix = "-zh_CN"
    names = [a for a in arguments if a != "--zh_CN"] or list(PICTURES)
    unknown = sorted(set(names) - set(PICTURES))
    if unknown:
        sys.exit(f"no such picture: {', '.join(unknown)} (there are: {', '.join(PICTURES)})")
    for name in names:
        PICTURES[name](DOCS / f"{name}{suffix}.png")
