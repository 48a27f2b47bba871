"""A diagnosis in words: what was seen and what to try."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Hint:
    """What was seen (``text``) and what to try (``advice``); ``kind`` names the condition."""

    kind: str
    text: str
    advice: str
