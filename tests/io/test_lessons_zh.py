"""The lessons in Simplified Chinese (issue 17): every text of every lesson file has its
Chinese beside its English, saying the same numbers, with no English sentence left in it, and a
lesson played in Chinese shows Chinese at every step.

A number is counted as test_docs_zh counts one in the tutorials (1,000 and 1000 are one), and a
hyphen used as a minus sign (-0.5) as the true minus sign (−0.5).
"""

# ruff: noqa: RUF001

import json
import re
from collections import Counter

import pytest
from lesson_play import play
from test_docs_zh import numbers

from nnsim.io.lessons import lesson_paths
from nnsim.model.lessons import LessonRun, Quantity, text_in

CHINESE = re.compile("[\u4e00-\u9fff]")
# Latin words in a row, parted by spaces or light punctuation only: a sentence left in English
# (a formula such as "z = wa × a + wb × b" is parted by its signs).
LATIN_RUN = re.compile(r"[A-Za-z][\w'’]*(?:[ ,;:.]+[A-Za-z][\w'’]*)+")
# Names that stay in Latin letters (GLOSSARY.md) and are no English sentence however many.
NAMES = {
    "sigmoid", "tanh", "relu", "xor", "and", "or", "nand", "mlp", "adaline", "lms", "hopfield",
    "hebb", "storkey", "adam", "sgd", "f1", "csv", "png", "svg", "json", "numpy", "pytorch",
    "nnsim", "keras", "python", "max", "min", "exp", "log",
}  # fmt: skip
LONGEST_LATIN = 4


def texts(content, where="lesson"):
    """Every text dict (one with an "en") in a lesson file's JSON, with where it is."""
    if isinstance(content, dict):
        if "en" in content:
            yield where, content
            return
        for key, value in content.items():
            yield from texts(value, f"{where}.{key}")
    elif isinstance(content, list):
        for k, value in enumerate(content):
            yield from texts(value, f"{where}[{k + 1}]")


def counted(text: str) -> Counter[str]:
    """The numbers ``text`` writes, a hyphen-minus sign read as the true minus sign."""
    return numbers(re.sub(r"(?<![\w.])-(?=\d)", "\u2212", text))


def lost_and_added(english: str, chinese: str) -> tuple[dict, list]:
    """(numbers the Chinese writes fewer times than the English, numbers only it writes)."""
    english, chinese = counted(english), counted(chinese)
    return dict(english - chinese), sorted(set(chinese) - set(english))


def english_runs(chinese: str) -> list[str]:
    """Runs of more than LONGEST_LATIN Latin words (names left out) in a Chinese text."""
    runs = [m.group() for m in LATIN_RUN.finditer(chinese)]
    words = [[w for w in re.findall(r"[\w'’]+", run) if w.lower() not in NAMES] for run in runs]
    return [run for run, kept in zip(runs, words, strict=True) if len(kept) > LONGEST_LATIN]


def translated(text: dict) -> bool:
    """Whether a text has its Chinese: one with a Chinese character, unless the English is a
    formula alone (no word but names: "z = 2.0 × 0.4 = 0.8." is the same in Chinese)."""
    chinese = text.get("zh_CN")
    if not isinstance(chinese, str) or not chinese.strip():
        return False
    words = [w for w in re.findall(r"\b[A-Za-z]{2,}\b", text["en"]) if w.lower() not in NAMES]
    return bool(CHINESE.search(chinese)) or not words


def lesson_texts(path):
    return list(texts(json.loads(path.read_text(encoding="utf-8"))))


PATHS = lesson_paths()


def test_the_checks_find_a_lost_number_and_an_english_sentence():
    """(the checks themselves: a mistyped or dropped number, an untranslated sentence or text)"""
    english = "E = 62.137 − 50 = 12.137; 1,000 epochs; −0.5 in the 2-4-1"
    assert lost_and_added(english, "E = 62.137 − 50 = 12.137；1000 轮；-0.5，2-4-1") == ({}, [])
    assert lost_and_added(english, "E = 62.137 − 50 = 12.37；1,000 轮；0.5，2-4-1") == (
        {"12.137": 1, "\u22120.5": 1},
        ["0.5", "12.37"],
    )
    assert english_runs("按“训练”（Train）：XOR AND OR NAND Sigmoid tanh。") == []
    assert english_runs("误差是 0。Press Train and let it learn.") == [
        "Press Train and let it learn"
    ]
    assert translated({"en": "z = 2.0 × 0.4 = 0.8.", "zh_CN": "z = 2.0 × 0.4 = 0.8。"})
    assert not translated({"en": "Try c = 0.7.", "zh_CN": "Try c = 0.7."})


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_every_text_has_its_chinese_beside_its_english(path):
    found = lesson_texts(path)
    assert len(found) > 5
    missing = [where for where, text in found if not translated(text)]
    assert missing == []


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_the_chinese_writes_every_number_the_english_does_and_no_other(path):
    wrong = {}
    for where, text in lesson_texts(path):
        lost, added = lost_and_added(text["en"], text.get("zh_CN", ""))
        if lost or added:
            wrong[where] = {"lost": lost, "added": added}
    assert wrong == {}


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_no_chinese_text_keeps_an_english_sentence(path):
    runs = {where: english_runs(text.get("zh_CN", "")) for where, text in lesson_texts(path)}
    assert {where: found for where, found in runs.items() if found} == {}


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_a_lesson_played_in_chinese_shows_chinese_at_every_step(path):
    session, english = play(path)
    run = LessonRun(english.lesson, session, english.open_example, language="zh_CN")
    title, fell_back = text_in(run.lesson.title, run.language)
    assert not fell_back and CHINESE.search(title)
    while not run.finished:
        step = run.step
        shown, fell_back = text_in(step.text, run.language)
        assert not fell_back and translated(step.text), f"step {run.index + 1}"
        assert shown == step.text["zh_CN"]
        if step.kind == "do":
            run.show_me()
        if step.kind == "predict":
            answer = step.answer
            right = answer.measure(session) if isinstance(answer, Quantity) else answer
            why = run.predict(right).why
            assert why == step.why["zh_CN"] and translated(step.why), f"step {run.index + 1}"
        assert run.advance()
