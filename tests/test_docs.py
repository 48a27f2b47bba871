"""The project's own documents stand on their own (issue 14, section 6).

The README sent contributors to "the team's DESIGN.md", which is not in the
repository. Every document a README or CONTRIBUTING.md names is here, and
what CONTRIBUTING.md says about the code (its paths, its names) is true of it.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ("README.md", "CONTRIBUTING.md", "docs/guide.md")


def text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", DOCS)
def test_every_document_a_document_names_is_in_the_repository(name):
    here = (ROOT / name).parent
    named = set(re.findall(r"[\w./-]*[\w-]\.md\b", text(name)))
    missing = [n for n in named if not ((here / n).is_file() or (ROOT / n).is_file())]
    assert missing == []


def test_the_readme_sends_contributors_to_contributing():
    assert "](CONTRIBUTING.md)" in text("README.md")
    assert "DESIGN" not in text("README.md")


def _code_paths(markdown: str) -> set[str]:
    """Paths in `backticks` that name a file or folder of the code (with a / or a suffix)."""
    quoted = re.findall(r"`([^`\s]+)`", markdown)
    code = {q for q in quoted if re.fullmatch(r"[\w./-]+", q) and ("/" in q or q.endswith(".py"))}
    return {q for q in code if not q.startswith(".venv/")}  # made by dev.sh, not kept


def test_what_contributing_names_exists():
    paths = _code_paths(text("CONTRIBUTING.md"))
    assert len(paths) > 20, "it points at the code"

    kept = ("nnsim", "tests", "docs", "resources", "benchmarks", "tools", ".ci")
    tracked = [p.relative_to(ROOT).as_posix() for top in kept for p in (ROOT / top).rglob("*")]
    tracked += [p.name for p in ROOT.iterdir()]

    def found(path: str) -> bool:
        """The path from the root, or the end of one (``model/limits.py``, ``classroom.py``)."""
        path = path.rstrip("/")
        return any(t == path or t.endswith("/" + path) for t in tracked)

    assert sorted(p for p in paths if not found(p)) == []


def test_the_object_names_contributing_lists_are_the_windows():
    section = text("CONTRIBUTING.md").split("## 7.")[1].split("## 8.")[0]
    names = set(re.findall(r"`([a-z]+[A-Z]\w+)`", section)) - {"objectName"}
    assert len(names) > 20
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "nnsim").rglob("*.py"))
    assert sorted(n for n in names if f'"{n}"' not in code) == []


def _scripting_blocks() -> list[str]:
    """The Python examples of the guide's Scripting section, in order."""
    guide = text("docs/guide.md")
    section = guide[guide.index("## 9. Scripting") : guide.index("## 10.")]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


def test_the_guides_scripting_examples_run_as_written_without_qt(tmp_path):
    import subprocess
    import sys

    blocks = _scripting_blocks()
    assert len(blocks) == 2
    (tmp_path / "resources").symlink_to(ROOT / "resources")  # the paths are the checkout's
    check = "\nimport sys\nprint(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    done = subprocess.run(
        [sys.executable, "-c", "\n".join(blocks) + check],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    lines = done.stdout.splitlines()
    count, error = lines[0].split()
    assert count == "200" and 0 < float(error) < 0.3
    assert (tmp_path / "out.nnsim").is_file()
    assert lines[-2].startswith("finished ") and lines[-1] == "[]"


def test_each_tutorial_shows_the_window_in_pictures_its_script_makes():
    import importlib.util

    folder = ROOT / "docs" / "tutorials"
    spec = importlib.util.spec_from_file_location("tutorial_shots", folder / "screenshots.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)  # (it runs nothing until asked)
    made = {f"{lesson}-{step}{suffix}.png" for lesson, steps in script.PICTURES.items()
            for step in steps for suffix in ("", "-zh_CN")}  # fmt: skip
    lessons = sorted(p.stem for p in (ROOT / "resources" / "lessons").glob("*.json"))
    assert sorted(script.PICTURES) == lessons, "every lesson's tutorial has pictures"
    shown = set()
    for lesson in lessons:
        pictures = re.findall(r"!\[[^\]]+\]\(images/([^)]+)\)", text(f"docs/tutorials/{lesson}.md"))
        assert pictures, f"tutorial {lesson} shows the window"
        chinese = re.findall(
            r"!\[[^\]]+\]\(\.\./\.\./tutorials/images/([^)]+)\)",
            text(f"docs/zh_CN/tutorials/{lesson}.md"),
        )
        assert chinese == [p.replace(".png", "-zh_CN.png") for p in pictures], "the Chinese window"
        shown.update(pictures + chinese)
    assert shown <= made, "each picture is one the script makes again"
    assert sorted(p.name for p in (folder / "images").iterdir()) == sorted(made)
