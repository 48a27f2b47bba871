"""The Chinese guide and tutorials (docs/zh_CN/) say what the English ones say (issue 17).

Each English document has its Chinese version under the same name, with as many headings,
every number the English writes, as many times or more (a worked value lost or mistyped in
translation fails here), no number the English does not write, the same pictures, and links
and pictures that resolve (the Chinese pages show the English pictures for now).
"""

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
ZH = DOCS / "zh_CN"
TUTORIALS = sorted(p.relative_to(DOCS) for p in (DOCS / "tutorials").glob("[0-9][0-9]-*.md"))
ENGLISH = [Path("guide.md"), Path("tutorials/README.md"), *TUTORIALS]

# A number as written: digits with thousands commas and decimals, an optional true minus
# sign (U+2212; a hyphen joins 2-4-1), or a run of superscripts (10⁻⁵).
NUMBER = re.compile("\u2212?" r"\d+(?:,\d{3})*(?:\.\d+)?|[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+")
FENCE = re.compile(r"^```.*?^```", flags=re.DOTALL | re.MULTILINE)
TARGET = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
# A menu path as the English writes it: File > Open Example, View > Layers Bottom to Top.
ITEM = r"[A-Z][\w…'-]*(?:(?: (?:to|on|an|a|as|of))? [A-Z][\w…'-]*)*"
MENU_PATH = re.compile(rf"\b(?:File|Edit|View|Train|Network|Help)(?: > {ITEM})+")


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def headings(markdown: str) -> list[int]:
    """The level of each heading, code blocks (whose # are comments) left out."""
    prose = FENCE.sub("", markdown)
    return [len(m.group(1)) for m in re.finditer(r"^(#+) ", prose, flags=re.MULTILINE)]


def numbers(markdown: str) -> Counter[str]:
    """How often each number is written, thousands commas dropped (1,000 and 1000 are one)."""
    return Counter(n.replace(",", "") for n in NUMBER.findall(markdown))


def targets(markdown: str) -> list[str]:
    """The relative targets of links and pictures (web addresses and #anchors left out)."""
    found = [t.split("#")[0] for t in TARGET.findall(markdown)]
    return [t for t in found if t and not re.match(r"[a-z]+:", t)]


def pictures(markdown: str) -> list[str]:
    """The pictures shown, by name; NAME-zh_CN.png (the Chinese window) stands for NAME.png."""
    shown = re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", markdown)
    return [Path(t).name.replace("-zh_CN.png", ".png") for t in shown]


def test_every_english_document_has_its_chinese_version_and_no_other():
    assert len(ENGLISH) == 12, "the guide, the tutorials' list and ten tutorials"
    chinese = sorted(p.relative_to(ZH) for p in ZH.rglob("*.md"))
    assert chinese == sorted(ENGLISH)


@pytest.mark.parametrize("name", ENGLISH, ids=str)
def test_the_chinese_has_the_englishs_headings(name):
    assert headings(read(ZH / name)) == headings(read(DOCS / name))


@pytest.mark.parametrize("name", ENGLISH, ids=str)
def test_the_chinese_writes_every_number_the_english_does_and_no_other(name):
    english, chinese = numbers(read(DOCS / name)), numbers(read(ZH / name))
    assert len(english) > 5
    assert dict(english - chinese) == {}, "lost or mistyped in the Chinese (or written fewer times)"
    assert sorted(set(chinese) - set(english)) == [], "not in the English"


@pytest.mark.parametrize("name", ENGLISH, ids=str)
def test_the_chinese_shows_the_englishs_pictures(name):
    assert pictures(read(ZH / name)) == pictures(read(DOCS / name))


@pytest.mark.parametrize("name", ENGLISH, ids=str)
def test_every_link_and_picture_resolves(name):
    for language in (DOCS, ZH):
        path = language / name
        found = targets(read(path))
        missing = [t for t in found if not (path.parent / t).resolve().is_file()]
        assert missing == [], f"{path.relative_to(DOCS)}"
    chinese = targets(read(ZH / name))
    assert all(t.startswith("../") for t in chinese if t.endswith(".png")), "the English pictures"
    assert not any(t.startswith("../") for t in chinese if t.endswith(".md")), "Chinese pages"


@pytest.mark.parametrize("name", ENGLISH, ids=str)
def test_the_chinese_gives_each_menu_path_in_english_too(name):
    """文件 > 打开示例（File > Open Example）: found in a window in either language."""
    english = set(MENU_PATH.findall(" ".join(read(DOCS / name).split())))
    chinese = " ".join(read(ZH / name).split())
    assert english, "the document sends its reader to the menus"
    bracketed = [f"\uff08[^\uff09]*{re.escape(p)}" for p in sorted(english)]  # （... File > ...）
    assert [b for b in bracketed if not re.search(b, chinese)] == []


def _punctuation(c: str) -> bool:
    return c == "" or unicodedata.category(c)[0] in "PS"


def _space(c: str) -> bool:
    return c == "" or c.isspace()


def unclosed_emphasis(markdown: str) -> list[str]:
    """Where a * or ** does not open or close as CommonMark reads it (GitHub, Qt's browser):
    a closing ** between full-width punctuation and a Chinese character, as in
    **参数（Parameters）**和, is shown as two asterisks."""
    found = []
    for paragraph in re.split(r"\n\s*\n", FENCE.sub("", markdown)):
        text = re.sub(r"`[^`]*`", "x", " ".join(paragraph.split()))
        runs = list(re.finditer(r"\*+", text))
        for i, run in enumerate(runs):
            before = text[run.start() - 1] if run.start() else ""
            after = text[run.end()] if run.end() < len(text) else ""
            if i % 2 == 0:  # an opener is left-flanking
                ok = not _space(after) and (
                    not _punctuation(after) or _space(before) or _punctuation(before)
                )
            else:  # a closer right-flanking
                ok = not _space(before) and (
                    not _punctuation(before) or _space(after) or _punctuation(after)
                )
            if not ok or (i == len(runs) - 1 and i % 2 == 0):
                found.append(text[max(0, run.start() - 10) : run.end() + 10])
    return found


@pytest.mark.parametrize("name", ENGLISH, ids=str)
def test_the_chinese_reads_as_markdown_should(name):
    """Bold and italics close, and no line break falls between two Chinese characters (it
    would show as a space)."""
    chinese = read(ZH / name)
    assert unclosed_emphasis(read(DOCS / name)) == [], "(the check itself)"
    assert unclosed_emphasis(chinese) == []
    breaks = re.findall(
        r"[\u4e00-\u9fff\uff01-\uff1f]\n[ \t]*[\u4e00-\u9fff\uff08]", FENCE.sub("", chinese)
    )
    assert breaks == []


def test_the_chinese_tutorials_are_the_englishs_in_their_order():
    english = [t for t in targets(read(DOCS / "tutorials/README.md")) if t.endswith(".md")]
    chinese = [t for t in targets(read(ZH / "tutorials/README.md")) if t.endswith(".md")]
    local = [t for t in english if not t.startswith("../")]
    assert len(local) == 10 and chinese == local


def test_the_english_sends_chinese_readers_to_the_chinese_guide():
    readme = read(DOCS.parent / "README.md").split("\n\n")
    assert "中文用户指南" in readme[1] and "](docs/zh_CN/guide.md)" in readme[1], "first paragraph"
    assert "](../zh_CN/guide.md)" in read(DOCS / "tutorials/README.md")


def test_the_guide_is_found_in_the_language_asked_for_else_in_english():
    from nnsim.resource_files import guide_path

    assert guide_path("zh_CN").parts[-2:] == ("zh_CN", "guide.md")
    assert guide_path().parts[-2:] == ("docs", "guide.md")
    assert guide_path("fr").parts[-2:] == ("docs", "guide.md")  # no French guide: English
