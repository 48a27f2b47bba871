"""Reading docs/tutorials/ in tests: the numbers a tutorial quotes are checked against nnsim."""

from pathlib import Path

TUTORIALS = Path(__file__).resolve().parents[2] / "docs" / "tutorials"


def tutorial(name: str) -> str:
    """Tutorial ``name``'s text, its runs of white space (line breaks, indents) made single
    spaces."""
    return " ".join((TUTORIALS / name).read_text(encoding="utf-8").split())


def written(value: float, decimals: int) -> str:
    """``value`` as a tutorial writes it: ``decimals`` decimals and a true minus sign."""
    return f"{value:.{decimals}f}".replace("-", "\u2212")
