"""Find files of the top-level ``resources/`` folder.

In a checkout the folder sits beside the package; in an installed wheel the
build places it inside the package as ``nnsim/resources`` (see
``pyproject.toml``).  :func:`resource_path` hides the difference, and
:func:`guide_path` does the same for the user guide (``docs/guide.md``,
shipped as ``nnsim/docs``).
"""

from pathlib import Path

from nnsim.text import translate

_PACKAGE_DIR = Path(__file__).resolve().parent
_CANDIDATES = (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources")


def resources_dir() -> Path:
    """Return the folder that holds nnsim's resources.

    Raises
    ------
    FileNotFoundError
        If neither the installed nor the checkout location exists.
    """
    for candidate in _CANDIDATES:
        if candidate.is_dir():
            return candidate
    searched = ", ".join(str(c) for c in _CANDIDATES)
    raise FileNotFoundError(
        translate(
            "ResourceFiles", "nnsim's resources folder is missing (looked in {searched})."
        ).format(searched=searched)
    )


def resource_path(*parts: str) -> Path:
    """Return the path of a resource, e.g. ``resource_path("datasets", "iris.csv")``."""
    return resources_dir().joinpath(*parts)


def guide_path(language: str = "en") -> Path:
    """Return the user guide's Markdown file in ``language`` (its pictures sit beside it).

    A translation lives in ``docs/<language>/guide.md``; a language without one
    gets the English guide.

    Raises
    ------
    FileNotFoundError
        If neither the installed nor the checkout copy exists.
    """
    translated = () if language == "en" else (Path(language) / "guide.md",)
    for relative in (*translated, Path("guide.md")):
        for docs in (_PACKAGE_DIR / "docs", _PACKAGE_DIR.parent / "docs"):
            if (docs / relative).is_file():
                return docs / relative
    raise FileNotFoundError(
        translate("ResourceFiles", "nnsim's user guide (docs/guide.md) is missing.")
    )
