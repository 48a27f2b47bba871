"""Find files of the top-level ``resources/`` folder.

In a checkout the folder sits beside the package; in an installed wheel the
build places it inside the package as ``nnsim/resources`` (see
``pyproject.toml``).  :func:`resource_path` hides the difference, and
:func:`guide_path` does the same for the user guide (``docs/guide.md``,
shipped as ``nnsim/docs``).
"""

from pathlib import Path

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
    raise FileNotFoundError(f"nnsim's resources folder is missing (looked in {searched}).")


def resource_path(*parts: str) -> Path:
    """Return the path of a resource, e.g. ``resource_path("datasets", "iris.csv")``."""
    return resources_dir().joinpath(*parts)


def guide_path() -> Path:
    """Return the user guide's Markdown file (its pictures sit beside it).

    Raises
    ------
    FileNotFoundError
        If neither the installed nor the checkout copy exists.
    """
    for candidate in (
        _PACKAGE_DIR / "docs" / "guide.md",
        _PACKAGE_DIR.parent / "docs" / "guide.md",
    ):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("nnsim's user guide (docs/guide.md) is missing.")
