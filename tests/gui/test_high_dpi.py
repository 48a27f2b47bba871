"""On a high-DPI screen (device pixel ratio 2) the window draws at full resolution."""

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import tempfile
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from nnsim.gui.app import create_main_window

    app = QApplication([])
    folder = Path(tempfile.mkdtemp())
    store = QSettings(str(folder / "l.ini"), QSettings.Format.IniFormat)
    window = create_main_window(store, folder)
    window.show()
    app.processEvents()
    picture = window.grab()
    icon = window.training_actions["start"].icon().pixmap(16, 16)
    print(window.devicePixelRatio(), picture.width(), window.width(), icon.devicePixelRatio())
    window.close()
    """
)


def test_at_twice_the_pixels_the_window_and_its_icons_draw_sharp(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2", HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    ratio, picture_width, width, icon_ratio = done.stdout.split()
    assert float(ratio) == 2.0 and int(picture_width) == 2 * int(width)
    assert float(icon_ratio) == 2.0  # the icon is drawn at 32 x 32 for a 16 x 16 place
    warnings = [
        line
        for line in done.stderr.splitlines()
        if line.strip() and "propagateSizeHints" not in line  # the offscreen platform's own
    ]
    assert warnings == []
