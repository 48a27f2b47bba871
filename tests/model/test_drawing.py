"""Points drawn by hand: added with their class, the nearest removed, every class kept."""

import numpy as np
import pytest

from nnsim.engine import datasets
from nnsim.errors import ConfigError
from nnsim.model.drawing import add_point, can_draw_on, remove_nearest


def test_a_point_is_added_with_its_class_and_the_old_set_stays():
    xor = datasets.xor()
    drawn = add_point(xor, (0.5, 0.25), 1)
    assert drawn.n_samples == 5 and xor.n_samples == 4
    np.testing.assert_array_equal(drawn.X[-1], [0.5, 0.25])
    assert drawn.y[-1] == 1 and drawn.T[-1, 0] == 1.0
    assert drawn.description.endswith("Points drawn by hand.")
    assert add_point(drawn, (0, 0), 0).description.count("drawn by hand") == 1


def test_the_nearest_point_is_removed_but_never_a_class_last_one():
    xor = datasets.xor()
    fewer = remove_nearest(xor, (0.9, 0.1))  # nearest: (1, 0), class 1
    assert fewer.n_samples == 3
    assert [1.0, 0.0] not in fewer.X.tolist()
    with pytest.raises(ConfigError, match="That is the last '1' sample"):
        remove_nearest(fewer, (0.1, 0.9))


@pytest.mark.parametrize(
    ("name", "reason"),
    [("iris", "2 inputs only; iris has 4"), ("sine", "classification data only")],
)
def test_drawing_needs_two_input_classification_data(name, reason):
    data = datasets.load(name)
    assert reason in can_draw_on(data)
    with pytest.raises(ConfigError, match=reason):
        add_point(data, (0, 0), 0)
    assert can_draw_on(datasets.xor()) is None


def test_a_class_that_does_not_exist_is_refused():
    with pytest.raises(ConfigError, match="no class 2"):
        add_point(datasets.xor(), (0, 0), 2)


def test_nearness_is_measured_where_the_plot_shows_the_points():
    # Raw x1 spans 0..100, x2 0..1: in raw units (50, 0.9) is nearest to (50, 0),
    # but on a plot of scaled inputs it sits on top of (40, 1).
    data = add_point(add_point(datasets.xor(), (50.0, 0.0), 0), (40.0, 1.0), 1)
    data = add_point(data, (100.0, 0.5), 1)
    offset, scale = np.array([0.0, 0.0]), np.array([100.0, 1.0])
    fewer = remove_nearest(data, (0.5, 0.9), scaling=(offset, scale))
    assert [40.0, 1.0] not in fewer.X.tolist() and [50.0, 0.0] in fewer.X.tolist()
