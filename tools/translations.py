"""Update nnsim's translation sources and build the files the window loads.

    python tools/translations.py update [AREA...]  # pyside6-lupdate: new English texts into .ts
    python tools/translations.py build             # pyside6-lrelease: .ts -> translations/*.qm
    python tools/translations.py todo AREA         # the area's untranslated texts, as JSON
    python tools/translations.py fill AREA FILE    # translations from FILE (JSON) into the .ts

The texts of each part of nnsim (an *area*) live in their own ``.ts`` file,
``resources/translations/<language>/<area>.ts``, so translators of different
parts never edit the same file; ``build`` joins a language's files into one
``nnsim_<language>.qm``.  The ``.qm`` files are built, never committed: the
wheel's build hook (``tools/hatch_build.py``) and ``dev.sh`` run ``build``.
Only Qt's own tools are used (they come with PySide6).
"""

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
#: The languages nnsim is translated into, beside its English.
LANGUAGES = ("zh_CN",)
#: Each area's source files, as globs under the repository's root.
AREAS = {
    "window": ("nnsim/gui/window/*.py", "nnsim/gui/app.py", "nnsim/gui/actions.py"),
    "editor": ("nnsim/gui/editor/*.py", "nnsim/gui/*.py"),
    "hopfield": ("nnsim/gui/hopfield/*.py",),
    "project": ("nnsim/gui/project/*.py", "nnsim/gui/data/*.py"),
    "training": ("nnsim/gui/training/*.py", "nnsim/gui/plots/*.py", "nnsim/gui/rbm/*.py"),
    "model": ("nnsim/model/*.py", "nnsim/gui/panels.py"),
    "files": ("nnsim/io/*.py", "nnsim/engine/*.py", "nnsim/*.py"),
    "preferences": ("nnsim/gui/language.py", "nnsim/gui/preferences.py"),
}
#: Files of an area's globs that belong to another area (the first area that names them).
CLAIMED_ELSEWHERE = {
    "editor": (
        "nnsim/gui/app.py", "nnsim/gui/actions.py", "nnsim/gui/panels.py",
        "nnsim/gui/language.py", "nnsim/gui/preferences.py",
    ),
}  # fmt: skip


def area_sources(area: str) -> list[Path]:
    """Return the source files whose texts go into ``area``'s ``.ts`` files, sorted."""
    files = {path for pattern in AREAS[area] for path in ROOT.glob(pattern)}
    files -= {ROOT / claimed for claimed in CLAIMED_ELSEWHERE.get(area, ())}
    return sorted(files)


def ts_files(language: str) -> list[Path]:
    """Return the ``.ts`` files of ``language``, one per area."""
    return [TRANSLATIONS / language / f"{area}.ts" for area in AREAS]


def qm_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    """Return where the built translation of ``language`` goes."""
    return folder / f"nnsim_{language}.qm"


def qt_tool(name: str) -> str:
    """Return the command of PySide6's ``pyside6-<name>`` tool.

    Raises
    ------
    SystemExit
        If PySide6 (which ships the tool) is not installed beside this Python.
    """
    for folder in (Path(sys.executable).parent, None):
        found = shutil.which(f"pyside6-{name}", path=str(folder) if folder else None)
        if found:
            return found
    raise SystemExit(f"pyside6-{name} is missing: install PySide6 (pip install pyside6-essentials)")


def update(*areas: str) -> None:
    """Add the English texts of the sources to the areas' ``.ts`` files (all areas when none
    is named), dropping vanished ones and keeping every translation of a text still used."""
    for language in LANGUAGES:
        for area, ts_file in zip(AREAS, ts_files(language), strict=True):
            if areas and area not in areas:
                continue
            ts_file.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(lupdate_command(area, language, ts_file), cwd=ROOT, check=True)
            _drop_doc_comments(ts_file)


def lupdate_command(area: str, language: str, ts_file: Path) -> list[str]:
    """Return the command that brings ``ts_file`` up to date with ``area``'s sources."""
    sources = [str(path.relative_to(ROOT)) for path in area_sources(area)]
    command = [qt_tool("lupdate"), *sources, "-no-obsolete", "-locations", "none", "-silent"]
    command += ["-source-language", "en", "-target-language", language]
    return [*command, "-ts", str(ts_file)]


def _drop_doc_comments(ts_file: Path) -> None:
    """Remove the comments lupdate took from the source's ``#:`` lines.

    lupdate reads ``#:`` as a note to translators, but in nnsim it documents the
    constant below it (for Sphinx), which means nothing beside a text.
    """
    text = ts_file.read_text(encoding="utf-8")
    text = re.sub(r"\n *<extracomment>.*?</extracomment>", "", text, flags=re.DOTALL)
    ts_file.write_text(text, encoding="utf-8")


def build(folder: Path = TRANSLATIONS) -> list[Path]:
    """Build one ``.qm`` file per language into ``folder``; return their paths."""
    built = []
    for language in LANGUAGES:
        sources = [str(path) for path in ts_files(language) if path.is_file()]
        target = qm_path(language, folder)
        command = [qt_tool("lrelease"), "-silent", *sources, "-qm", str(target)]
        subprocess.run(command, check=True)
        built.append(target)
    return built


def untranslated(area: str, language: str = LANGUAGES[0]) -> dict[str, list[str]]:
    """Return the area's texts with no finished translation, by context."""
    todo: dict[str, list[str]] = {}
    root = ET.parse(TRANSLATIONS / language / f"{area}.ts").getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") == "unfinished" or not (translation.text or "").strip():
                todo.setdefault(context.findtext("name"), []).append(message.findtext("source"))
    return todo


def fill(area: str, json_file: str, language: str = LANGUAGES[0]) -> None:
    """Set translations from ``json_file``, ``{context: {English: translation}}``, into the
    area's ``.ts`` file, marking them finished; texts the file does not name are unchanged."""
    given = json.loads(Path(json_file).read_text(encoding="utf-8"))
    ts_file = TRANSLATIONS / language / f"{area}.ts"
    tree = ET.parse(ts_file)
    for context in tree.getroot().iter("context"):
        texts = given.get(context.findtext("name"), {})
        for message in context.iter("message"):
            if message.findtext("source") in texts:
                translation = message.find("translation")
                translation.text = texts[message.findtext("source")]
                translation.attrib.pop("type", None)
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    update(area)  # lupdate writes the file back in its own layout


if __name__ == "__main__":
    command, arguments = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if command == "update":
        update(*arguments)
    elif command == "build" and not arguments:
        build()
    elif command == "todo" and len(arguments) == 1:
        print(json.dumps(untranslated(arguments[0]), ensure_ascii=False, indent=1))
    elif command == "fill" and len(arguments) == 2:
        fill(*arguments)
    else:
        usage = "update [AREA...] | build | todo AREA | fill AREA FILE"
        raise SystemExit(f"usage: {sys.argv[0]} {usage}")
