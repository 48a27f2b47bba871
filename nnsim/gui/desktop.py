"""nnsim as a Linux desktop application: its menu entry, its icon, and ``.nnsim`` files.

``nnsim --install-desktop`` writes, into the person's own XDG data folder
(``$XDG_DATA_HOME``, else ``~/.local/share``; nothing needs root):

- ``applications/nnsim.desktop``: the menu entry, which runs this very Python
  with ``-m nnsim`` and hands it the file double-clicked (``%f``);
- ``icons/hicolor/<size>x<size>/apps/nnsim.png``: the window's icon at the
  icon theme's standard sizes;
- ``mime/packages/nnsim.xml``: the type ``application/x-nnsim-project`` for
  ``*.nnsim``, so a file manager shows them with nnsim's icon and opens them in it.

It then asks the desktop's own tools, where installed, to read them again
(``update-mime-database``, ``update-desktop-database``, ``gtk-update-icon-cache``).
``nnsim --uninstall-desktop`` removes exactly those files.  Following the
freedesktop.org Desktop Entry and Shared MIME-info specifications.

The entry and the file type carry their words in Simplified Chinese too, in the
files themselves as those specifications say (``Name[zh_CN]=``, a ``<comment
xml:lang="zh_CN">``): the desktop, not nnsim, chooses which to show.  What the
commands print is terminal output, in English.
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from nnsim import __version__
from nnsim.errors import NnsimError
from nnsim.gui.window.icons import ICON_SIZES, network_image

APP_ID = "nnsim"
MIME_TYPE = "application/x-nnsim-project"
#: The desktop's tools that read the installed files again, each with the folder it reads.
REFRESHERS = (
    ("update-mime-database", "mime"),
    ("update-desktop-database", "applications"),
    ("gtk-update-icon-cache", "icons/hicolor"),
)

#: The entry's keys in other languages than English: language -> {key: value}.
LOCALISED = {
    "zh_CN": {
        "Name": "nnsim 神经网络模拟器",
        "GenericName": "神经网络模拟器",
        "Comment": "搭建、训练并观察神经网络，每个数字都看得见",  # noqa: RUF001 (Chinese comma)
        "Keywords": "神经网络;感知机;反向传播;Hopfield;",
    },
}

MIME_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>nnsim project</comment>
    <comment xml:lang="zh_CN">nnsim 项目文件</comment>
    <icon name="{APP_ID}"/>
    <glob pattern="*.nnsim"/>
  </mime-type>
</mime-info>
"""


def data_home(environ=os.environ) -> Path:
    """The person's XDG data folder: ``$XDG_DATA_HOME`` if set (and absolute), else
    ``~/.local/share``."""
    chosen = environ.get("XDG_DATA_HOME", "")
    if chosen and Path(chosen).is_absolute():
        return Path(chosen)
    return Path.home() / ".local" / "share"


def desktop_entry(python: str = sys.executable) -> str:
    """The text of ``nnsim.desktop``: ``python -m nnsim %f`` opens a double-clicked file."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=nnsim",
        *localised("Name"),
        "GenericName=Neural Network Simulator",
        *localised("GenericName"),
        "Comment=Build, train and watch neural networks; every number can be seen",
        *localised("Comment"),
        f"Exec={exec_quoted(python)} -m nnsim %f",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Education;ArtificialIntelligence;",
        f"MimeType={MIME_TYPE};",
        "Keywords=neural;network;perceptron;backpropagation;Hopfield;",
        *localised("Keywords"),
        f"X-nnsim-Version={__version__}",
        "",
    ])  # fmt: skip


def localised(key: str) -> list[str]:
    """The entry's lines of ``key`` in the languages of :data:`LOCALISED`: ``Name[zh_CN]=...``."""
    return [f"{key}[{language}]={keys[key]}" for language, keys in LOCALISED.items() if key in keys]


def exec_quoted(argument: str) -> str:
    """``argument`` as an Exec key's argument: ``%`` doubled; in double quotes, with ``"``,
    `````, ``$`` and ``\\`` escaped, when it holds anything but letters, digits and ``/._-``."""
    argument = argument.replace("%", "%%")  # (% begins a field code, as in %f)
    if argument and all(c.isalnum() or c in "/._-" for c in argument):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'.replace("\\", "\\\\")  # the desktop file's own escape, once more


def installed_files(home: Path) -> list[Path]:
    """Every file :func:`install` writes under the data folder ``home``."""
    theme = home / "icons" / "hicolor"
    icons = [theme / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES]
    entry = home / "applications" / f"{APP_ID}.desktop"
    return [entry, home / "mime" / "packages" / f"{APP_ID}.xml", *icons]


def install(home: Path, run: Callable = subprocess.run) -> list[str]:
    """Write the entry, the icons and the file type under ``home``; what was done, in lines.

    Raises
    ------
    NnsimError
        When a file cannot be written (the folder is not the person's, the disk is full).
    """
    entry, mime, *icons = installed_files(home)
    try:
        for path in installed_files(home):
            path.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(desktop_entry(), encoding="utf-8")
        mime.write_text(MIME_XML, encoding="utf-8")
        for size, path in zip(ICON_SIZES, icons, strict=True):
            if not network_image(size).save(str(path), "PNG"):
                raise OSError(f"the icon {path} could not be written")
    except OSError as exc:
        message = f"The desktop entry could not be installed: {exc}"  # not translated: printed
        raise NnsimError(message) from None  # (by --install-desktop, on the terminal)
    return [
        f"Installed the menu entry {entry}.",
        f"Installed the file type {MIME_TYPE}, for *.nnsim files: {mime}.",
        f"Installed the icon in {len(icons)} sizes under {home / 'icons' / 'hicolor'}.",
        *refresh(home, run),
    ]


def uninstall(home: Path, run: Callable = subprocess.run) -> list[str]:
    """Remove what :func:`install` wrote under ``home`` (and nothing else)."""
    removed = 0
    for path in installed_files(home):
        if path.is_file():
            path.unlink()
            removed += 1
    return [f"Removed {removed} files of nnsim's desktop entry from {home}.", *refresh(home, run)]


def refresh(home: Path, run: Callable = subprocess.run) -> list[str]:
    """Have the desktop's tools read the installed files again; say which were not there."""
    missing = []
    for tool, folder in REFRESHERS:
        found = shutil.which(tool)
        if found is None:
            missing.append(tool)
            continue
        if (home / folder).is_dir():
            run([found, "-q", str(home / folder)] if tool != "update-mime-database"
                else [found, str(home / folder)], check=False, capture_output=True)  # fmt: skip
    if missing:
        return [f"Not found, so not run (the desktop reads the files at its next start): "
                f"{', '.join(missing)}."]  # fmt: skip
    return []
