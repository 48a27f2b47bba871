"""The package finds its resources in a checkout and ships them inside the wheel."""

import subprocess
import sys
import zipfile
from pathlib import Path

from nnsim import resource_files

ROOT = Path(__file__).resolve().parents[1]


def test_resources_are_found_in_a_checkout():
    assert resource_files.resource_path("datasets", "iris.csv").is_file()


def test_installed_location_wins_over_the_checkout(tmp_path, monkeypatch):
    installed = tmp_path / "nnsim" / "resources"
    installed.mkdir(parents=True)
    monkeypatch.setattr(resource_files, "_CANDIDATES", (installed, ROOT / "resources"))
    assert resource_files.resources_dir() == installed


def test_wheel_ships_resources_inside_the_package(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        timeout=240,
    )
    (wheel,) = tmp_path.glob("nnsim-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in ("datasets/digits.csv.gz", "datasets/iris.csv", "datasets/README.md"):
        assert f"nnsim/resources/{shipped}" in names
    for shipped in ("examples/xor_2_4_1.nnsim", "patterns/letters.txt"):
        assert f"nnsim/resources/{shipped}" in names
    assert {"nnsim/docs/guide.md", "nnsim/docs/hopfield-workspace.png"} <= names
    lessons = {f"nnsim/resources/lessons/{p.name}" for p in (ROOT / "resources/lessons").iterdir()}
    assert len(lessons) == 10 and lessons <= names, "Help > Lessons works when installed"
    assert "nnsim/docs/tutorials/images/01-predictor-4.png" in names, "and the tutorials' pictures"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "nnsim = nnsim.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
