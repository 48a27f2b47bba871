"""Own data end to end: import, train, save, close, reopen, export a plot and the script."""

import subprocess
import sys

import numpy as np
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMenu

SPIRAL = "\n".join(
    ["x,y,arm"]
    + [
        f"{r * np.cos(a + k * np.pi):.4f},{r * np.sin(a + k * np.pi):.4f},{'ab'[k]}"
        for k in (0, 1)
        for r, a in zip(np.linspace(0.1, 1, 30), np.linspace(0, 3, 30), strict=True)
    ]
)


def test_own_data_round_trips_through_a_project_and_out_as_a_script(make_window, choose, tmp_path):
    window = make_window()
    csv_path = tmp_path / "arms.csv"
    csv_path.write_text(SPIRAL)
    choose(csv_path)
    window.importer.action.trigger()
    window.importer.dialog.accept()
    for _ in range(25):
        window.training_actions["step"].trigger()
    window.training_actions["stop"].trigger()
    trained = [w.copy() for w in window.session.display_network.weights]
    history = window.session.history.train.copy()
    choose(tmp_path / "arms.nnsim")
    window.files.save_action.trigger()
    window.close()
    assert not window.isVisible()

    again = make_window()
    choose(tmp_path / "arms.nnsim")
    again.files.open_action.trigger()
    data = again.session.data
    assert data.class_names == ("a", "b") and data.n_samples == 60
    for got, saved in zip(again.session.display_network.weights, trained, strict=True):
        np.testing.assert_array_equal(got, saved)
    np.testing.assert_array_equal(again.session.history.train, history)

    plot_png = tmp_path / "boundary.png"
    choose(plot_png)
    (save_png,) = [a for a in again.decision_plot.widget.actions() if "PNG" in a.text()]
    save_png.trigger()
    assert QImage(str(plot_png)).width() > 100

    choose(tmp_path / "arms.py")
    menu = again.findChild(QMenu, "exportMenu")
    next(a for a in menu.actions() if a.objectName() == "actionExportScript").trigger()
    inputs = tmp_path / "inputs.csv"
    np.savetxt(inputs, data.X, delimiter=",", fmt="%.17g")
    done = subprocess.run(
        [sys.executable, str(tmp_path / "arms.py"), str(inputs)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    printed = np.loadtxt(done.stdout.splitlines(), delimiter=",", ndmin=2)
    expected = again.session.display_network.predict(data.X)
    np.testing.assert_allclose(printed, expected, rtol=0, atol=1e-12)
