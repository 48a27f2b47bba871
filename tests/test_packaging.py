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


def built_wheel(folder: Path) -> Path:
    """Build nnsim's wheel into ``folder`` (without its dependencies) and return its path."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(folder), str(ROOT)],
        check=True, timeout=240,
    )  # fmt: skip
    (wheel,) = folder.glob("nnsim-*.whl")
    return wheel


def test_wheel_ships_resources_inside_the_package(tmp_path):
    wheel = built_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in ("datasets/digits.csv.gz", "datasets/iris.csv", "datasets/README.md"):
        assert f"nnsim/resources/{shipped}" in names
    for shipped in ("examples/xor_2_4_1.nnsim", "patterns/letters.txt"):
        assert f"nnsim/resources/{shipped}" in names
    assert {"nnsim/docs/guide.md", "nnsim/docs/hopfield-workspace.png"} <= names
    lessons = {f"nnsim/resources/lessons/{p.name}" for p in (ROOT / "resources/lessons").iterdir()}
    assert len(lessons) == 10 and lessons <= names, "Help > Lessons works when installed"
    assert "nnsim/docs/tutorials/images/01-predictor-4.png" in names, "and the tutorials' pictures"
    assert {"nnsim/docs/zh_CN/guide.md", "nnsim/docs/zh_CN/tutorials/01-predictor.md"} <= names
    # The Chinese window's translation, built by the wheel's hook from the .ts sources.
    qm = zipfile.ZipFile(wheel).read("nnsim/resources/translations/nnsim_zh_CN.qm")
    assert qm[:4] == bytes.fromhex("3cb86418") and len(qm) > 10_000
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "nnsim = nnsim.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_wheel_works_from_a_fresh_virtual_environment(tmp_path):
    """Installed from the wheel, away from the checkout, nnsim finds everything inside itself.

    Its dependencies (PySide6 and the rest, hundreds of megabytes) are lent by the test's own
    environment through a .pth file, after the fresh environment's own packages.
    """
    import venv

    wheel = built_wheel(tmp_path / "wheel")
    env = tmp_path / "fresh"
    venv.create(env, with_pip=False)
    python = env / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", str(wheel)], check=True, timeout=240)  # fmt: skip
    (own,) = (env / "lib").glob("python3*/site-packages")
    lent = [p for p in sys.path if p.endswith("site-packages")]
    (own / "lent-dependencies.pth").write_text("\n".join(lent) + "\n", encoding="utf-8")
    away = tmp_path / "elsewhere"
    away.mkdir()

    def run(*command):
        done = subprocess.run(command, cwd=away, capture_output=True, text=True, timeout=240,
                              env={"PATH": "/usr/bin:/bin", "HOME": str(away)})  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    where = run(str(python), "-c", "import nnsim, nnsim.resource_files as r; "
                "from nnsim.io.lessons import lesson_paths; from nnsim.resource_files import "
                "guide_path; print(nnsim.__file__, r.resources_dir(), guide_path(), "
                "len(lesson_paths()))").split()  # fmt: skip
    assert all(Path(path).is_relative_to(own) for path in where[:3]), where
    assert where[3] == "10", "the lessons are inside the installed package"
    assert "xor" in run(str(env / "bin" / "nnsim"), "examples")
    window = ("import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'; "
              "from nnsim.gui.app import create_main_window; w = create_main_window(); "
              "w.show_lessons(); print(len(w.lessons_dock.widget().lessons))")  # fmt: skip
    assert run(str(python), "-c", window).split()[-1] == "10", "the window and its lessons"
    assert "Finished all 50 epochs" in run(str(python), "-m", "nnsim", "train", "--example", "xor",
                             "--epochs", "50")  # fmt: skip
