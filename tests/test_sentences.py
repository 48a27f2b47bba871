"""Sentences joined as the language joins them (nnsim.text.sentences)."""

from nnsim import text


def test_sentences_are_joined_by_a_space_and_empty_ones_left_out():
    assert text.sentences("A.", "", "B.", "C.") == "A. B. C."
    assert text.sentences() == "" and text.sentences("", "x") == "x"


def test_a_language_may_join_them_without_a_space(monkeypatch):
    chinese = {"{first} {then}": "{first}{then}"}
    monkeypatch.setattr(text, "_translator", lambda context, words: chinese.get(words, words))
    assert text.sentences("一。", "二。") == "一。二。"
