"""What a lesson points at is a part of the window a person can find."""

import pytest
from PySide6.QtCore import QObject

from nnsim.io.lessons import lesson_paths, load_lesson


@pytest.mark.parametrize("path", lesson_paths(), ids=lambda p: p.stem)
def test_every_part_a_lesson_points_at_is_in_the_window(window, path):
    named = {step.point_at for step in load_lesson(path).steps if step.point_at}
    assert named and all(window.findChild(QObject, name) is not None for name in named)
