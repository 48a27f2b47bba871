"""Write the Hopfield workspace's built-in pattern sets into ``resources/patterns/``.

Run from the repository root (it needs Qt and the DejaVu fonts)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_patterns.py

Letters and digits are drawn in DejaVu Sans Bold, scaled to fill an 8 x 8
box in the middle of a 10 x 10 grid, and a cell is black when ink covers
most of it.  The 32 x 32 shapes are computed from their geometry.  The files
are plain text (see :mod:`nnsim.io.pattern_sets`), so a pattern can be
touched up by hand afterwards.
"""

import os
import string
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QTransform

from nnsim.io.pattern_sets import PatternSet, write_pattern_set

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "patterns"
#: Pixels per cell when a glyph is drawn, before it is averaged into cells.
SUPERSAMPLE = 20
#: A cell is black when its mean grey is below this (0 black, 255 white).
INK = 140


def glyph(character: str, side: int = 10, margin: int = 1) -> np.ndarray:
    """``character`` as a side x side array of bools (True: black)."""
    size = side * SUPERSAMPLE
    image = QImage(size, size, QImage.Format.Format_Grayscale8)
    image.fill(255)
    font = QFont("DejaVu Sans")
    font.setWeight(QFont.Weight.Bold)
    font.setPixelSize(100)
    path = QPainterPath()
    path.addText(0, 0, font, character)
    bounds = path.boundingRect()
    box = (side - 2 * margin) * SUPERSAMPLE
    scale_y = box / max(bounds.width(), bounds.height())
    scale_x = min(box / bounds.width(), 1.25 * scale_y)  # narrow glyphs widen a little
    place = QTransform()
    place.translate((size - bounds.width() * scale_x) / 2, (size - bounds.height() * scale_y) / 2)
    place.scale(scale_x, scale_y)
    place.translate(-bounds.left(), -bounds.top())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0))
    painter.drawPath(place.map(path))
    painter.end()
    grey = np.array(image.constBits()).reshape(size, image.bytesPerLine())[:, :size]
    cells = grey.reshape(side, SUPERSAMPLE, side, SUPERSAMPLE).mean(axis=(1, 3))
    return cells < INK


def shapes(side: int = 32) -> dict[str, np.ndarray]:
    """Simple figures on a side x side grid, as bools (True: black)."""
    y, x = np.mgrid[0:side, 0:side] + 0.5
    u, v = (x - side / 2) / (side / 2), (y - side / 2) / (side / 2)  # -1..1, v downwards
    r = np.hypot(u, v)
    return {
        "disc": r < 0.75,
        "ring": (r < 0.8) & (r > 0.5),
        "square": (np.abs(u) < 0.7) & (np.abs(v) < 0.7),
        "diamond": np.abs(u) + np.abs(v) < 0.85,
        "triangle": (v < 0.7) & (v > -0.75) & (np.abs(u) < (v + 0.75) * 0.55),
        "cross": ((np.abs(u) < 0.2) | (np.abs(v) < 0.2)) & (np.abs(u) < 0.8) & (np.abs(v) < 0.8),
        "saltire": ((np.abs(u - v) < 0.28) | (np.abs(u + v) < 0.28)) & (r < 0.95),
        "stripes": (np.floor((u + 1) * 4) % 2 == 0),
        "checkers": ((np.floor((u + 1) * 3) + np.floor((v + 1) * 3)) % 2 == 0),
        "heart": (u**2 + (-(v + 0.1) * 1.2 - np.sqrt(np.abs(u)) * 0.6) ** 2) < 0.55,
        "smiley": ((r < 0.85) & (r > 0.7))
        | (np.hypot(u + 0.3, v + 0.3) < 0.12)
        | (np.hypot(u - 0.3, v + 0.3) < 0.12)
        | ((np.abs(r - 0.45) < 0.08) & (v > 0.15)),
        "arrow": ((np.abs(v) < 0.15) & (u > -0.8) & (u < 0.2))
        | ((u >= 0.2) & (u < 0.8) & (np.abs(v) < (0.8 - u) * 0.9)),
    }


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    FOLDER.mkdir(parents=True, exist_ok=True)
    sets = {
        "letters": ("The letters A-Z", string.ascii_uppercase, 10),
        "digits": ("The digits 0-9", string.digits, 10),
    }
    for file_name, (title, characters, side) in sets.items():
        patterns = [(c, glyph(c, side)) for c in characters]
        write_pattern_set(FOLDER / f"{file_name}.txt", PatternSet(title, side, side, patterns))
    figures = list(shapes().items())
    write_pattern_set(FOLDER / "shapes.txt", PatternSet("Shapes, 32 x 32", 32, 32, figures))
    print(f"wrote the pattern sets in {FOLDER}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
