"""Every text a person reads is translatable, and translated into every language nnsim has.

Read from the source and the ``.ts`` files, without a window: nothing is
passed to the screen untranslated (``tests/visible_strings.py``), the ``.ts``
files hold exactly the texts the source marks (Qt's own ``lupdate`` reads
it), every text has a finished translation, and a translation keeps its
text's ``str.format`` fields (a missing one would raise KeyError at run time)
and its menu accelerator.  ``tests/gui/test_language.py`` looks at the window
itself in Chinese.
"""

import importlib.util
import re
import shutil
import string
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.visible_strings import report

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("translations", ROOT / "tools" / "translations.py")
translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translations)
#: Files whose words are not the window's: the command line speaks English to scripts.
ENGLISH_ONLY = ("nnsim/cli.py", "nnsim/cli_memory.py")
#: A menu accelerator: "&" before a letter ("&&" is a literal ampersand).
_ACCELERATOR = re.compile(r"(?<!&)&(?!&)\w")


def _messages(ts_file: Path):
    """Yield (context, English, translation element) for each text of ``ts_file``."""
    for context in ET.parse(ts_file).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


def _all_messages():
    for language in translations.LANGUAGES:
        for ts_file in translations.ts_files(language):
            for context, source, translation in _messages(ts_file):
                yield pytest.param(
                    source, translation.text or "", id=f"{ts_file.stem}:{context}:{source[:30]}"
                )


def _fields(text: str) -> list[str]:
    return sorted(field for _, field, _, _ in string.Formatter().parse(text) if field is not None)


def test_no_english_reaches_the_screen_untranslated():
    shown = report([ROOT / "nnsim"])
    shown = [line for line in shown if not any(f"/{path}:" in line for path in ENGLISH_ONLY)]
    assert shown == [], "wrap these in translate(...):\n" + "\n".join(shown)


@pytest.mark.parametrize("area", list(translations.AREAS))
def test_ts_files_hold_exactly_the_texts_of_the_source(area, tmp_path):
    for language in translations.LANGUAGES:
        committed = translations.TRANSLATIONS / language / f"{area}.ts"
        fresh = tmp_path / committed.name
        shutil.copy(committed, fresh)
        command = translations.lupdate_command(area, language, fresh)
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        texts = {(context, source) for context, source, _ in _messages(committed)}
        wanted = {(context, source) for context, source, _ in _messages(fresh)}
        assert wanted - texts == set(), f"run: python tools/translations.py update {area}"
        assert texts - wanted == set(), f"run: python tools/translations.py update {area}"


@pytest.mark.parametrize("area", list(translations.AREAS))
def test_every_text_is_translated(area):
    for language in translations.LANGUAGES:
        assert translations.untranslated(area, language) == {}, (
            f"python tools/translations.py todo {area}"
        )


def _sample_param():
    params = list(_all_messages())
    return params or [pytest.param("", "", id="no texts yet")]


@pytest.mark.parametrize(("source", "translated"), _sample_param())
def test_a_translation_keeps_its_fields_and_accelerator(source, translated):
    if not translated:
        return  # untranslated: test_every_text_is_translated says so
    assert _fields(translated) == _fields(source)
    if _ACCELERATOR.search(source):
        assert _ACCELERATOR.search(translated), "keep the & accelerator: 文件(&F)"


def test_the_translations_build(tmp_path):
    built = translations.build(tmp_path)
    assert [path.name for path in built] == [f"nnsim_{lang}.qm" for lang in translations.LANGUAGES]
    # A .qm file starts with Qt's magic number; one with translations is more than its header.
    for path in built:
        assert path.read_bytes()[:4] == bytes.fromhex("3cb86418")
        assert path.stat().st_size > 1000


def test_every_source_file_with_texts_belongs_to_an_area():
    """A module no area names is never read by lupdate: its texts could not be translated."""
    named = {path for area in translations.AREAS for path in translations.area_sources(area)}
    root = translations.ROOT
    missed = [
        path.relative_to(root).as_posix()
        for path in sorted((root / "nnsim").rglob("*.py"))
        if path not in named
        and path.relative_to(root).as_posix() not in ENGLISH_ONLY
        and "translate(" in path.read_text(encoding="utf-8")
    ]
    assert not missed, f"add these to an area of tools/translations.py: {missed}"
