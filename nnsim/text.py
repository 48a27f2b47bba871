"""Translating the words nnsim shows, in every layer, without Qt below the GUI.

Every visible string is written as ``translate("Context", "English text")``
(or marked with :func:`QT_TRANSLATE_NOOP` where a table is built at import
time and translated when shown).  Qt's ``pyside6-lupdate`` finds both calls in
the source and lists the texts in ``resources/translations/*/*.ts``; the
window installs Qt's translator through :func:`set_translator`, so the engine,
the model and the file readers stay free of Qt and print English on the
command line.

Placeholders are named fields for :meth:`str.format`, filled *after*
translating, so a translator may move them::

    translate("Files", "Saved {path}.").format(path=path)

``tests/test_translations.py`` holds every translation to the same fields as
its English text.
"""

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _untranslated(context: str, text: str) -> str:
    return text


_translator: Translator = _untranslated


def translate(context: str, text: str) -> str:
    """Return ``text`` in the language chosen for the window (English when none is).

    Parameters
    ----------
    context : str
        Where the text is used (a class or module name): the same English can
        be translated differently in two contexts.
    text : str
        The English text, a literal (``lupdate`` reads it from the source).
    """
    return _translator(context, text)


def relay(context: str, text: str) -> str:
    """:func:`translate` for a text another process asked for (the training process has no
    Qt): its literal, which ``lupdate`` reads, is in that process's call."""
    return _translator(context, text)


def sentences(*parts: str) -> str:
    """Sentences one after another, the empty ones left out: a space between them in
    English, none in Chinese (the translation of ``"{first} {then}"``)."""
    joined, *rest = [part for part in parts if part] or [""]
    for part in rest:
        joined = translate("Text", "{first} {then}").format(first=joined, then=part)
    return joined


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate reads)
    """Mark ``text`` for translation in ``context`` and return it unchanged.

    For tables built once at import time (setting titles, menu entries): the
    text is translated when shown, ``translate(context, entry.title)``.
    """
    return text


def set_translator(translator: Translator | None) -> None:
    """Send every :func:`translate` to ``translator`` (None: back to English)."""
    global _translator
    _translator = translator or _untranslated
