"""Make the tutorials' pictures: play each lesson in the window and save what it shows.

Run from the repository root after any change to the window or a lesson::

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/tutorials/screenshots.py [lesson ids]
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/tutorials/screenshots.py --zh_CN [lesson ids]

Each lesson (``resources/lessons/*.json``) is played in the Lessons panel as a
student who gets everything right would play it: each "do" step by its Show Me,
each prediction answered with the right number.  At the steps :data:`PICTURES`
names (counted from 1, as the panel does), the window is saved as
``docs/tutorials/images/<lesson id>-<step>.png``, the step's text and the part
of the window it frames in view.  With ``--zh_CN`` the window and the lessons
speak Simplified Chinese (the translations built from the ``.ts`` sources
first) and the pictures are ``<lesson id>-<step>-zh_CN.png``, for the
Chinese tutorials in ``docs/zh_CN/tutorials/``.
"""

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from nnsim.gui.language import install_language
from nnsim.io.lessons import lesson_paths
from nnsim.model.lessons import Quantity

IMAGES = Path(__file__).resolve().parent / "images"


def _guide_screenshots():
    """docs/screenshots.py (the guide's pictures), for its window made as a person sees it."""
    spec = importlib.util.spec_from_file_location(
        "guide_screenshots", IMAGES.parents[1] / "screenshots.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: The steps (from 1) of each lesson whose window the tutorial shows.
PICTURES = {
    "01-predictor": (4, 9),
    "02-classifier": (5, 10),
    "03-single-neuron": (7, 23),
    "04-xor": (5, 17),
    "05-matrix-and-error-split": (6, 18),
    "06-backpropagation": (12, 13),
    "07-learning-rate": (10, 15),
    "08-overfitting": (9, 18),
    "09-precision-recall": (4, 15),
    "10-hopfield": (6, 16),
}


def settle(seconds: float = 0.3) -> None:
    """Let the window draw (and a perceptron's line glide) before it is saved."""
    app, until = QApplication.instance(), time.monotonic() + seconds
    while time.monotonic() < until:
        app.processEvents()
        time.sleep(0.01)


def play_and_grab(lesson_id: str, steps: tuple[int, ...], suffix: str = "") -> None:
    """Play lesson ``lesson_id`` to its end, saving the window at ``steps`` (as
    ``<lesson id>-<step><suffix>.png``)."""
    window = _guide_screenshots().new_window()
    window.show_lessons()
    panel = window.lessons_dock.widget()
    panel.chooser.setCurrentIndex([lesson.id for lesson in panel.lessons].index(lesson_id))
    panel.start()
    while not panel.run.finished:
        step, number = panel.run.step, panel.run.index + 1
        if step.kind == "predict":
            answer = step.answer
            right = answer.measure(window.session) if isinstance(answer, Quantity) else answer
            panel.answer.setText(f"{right:.6g}")
            panel.judge()
        elif step.kind == "do":
            panel.show_me()
            until = time.monotonic() + 30  # a recall in the workspace takes a while
            while (panel.busy() or not panel.run.done()) and time.monotonic() < until:
                settle(0.05)
        window.editor.view.fit_to_window()
        if number in steps:
            settle()
            path = IMAGES / f"{lesson_id}-{number}{suffix}.png"
            if not window.grab().save(str(path)):
                sys.exit(f"could not write {path}")
            print(f"wrote {path}")
        panel.next_step()
    window.close()


def main(arguments: list[str]) -> None:
    IMAGES.mkdir(exist_ok=True)
    suffix = ""
    if "--zh_CN" in arguments:
        arguments = [a for a in arguments if a != "--zh_CN"]
        translations = IMAGES.parents[2] / "tools" / "translations.py"
        subprocess.run([sys.executable, str(translations), "build"], check=True)
        if not install_language("zh_CN"):
            sys.exit("the Chinese translation could not be loaded")
        suffix = "-zh_CN"
    known = {path.stem for path in lesson_paths()}
    for lesson_id in arguments or PICTURES:
        if lesson_id not in known:
            sys.exit(f"no lesson {lesson_id!r}: the lessons are {', '.join(sorted(known))}")
        play_and_grab(lesson_id, PICTURES.get(lesson_id, ()), suffix)


if __name__ == "__main__":
    app = QApplication.instance() or QApplication(sys.argv[:1])
    main(sys.argv[1:])
