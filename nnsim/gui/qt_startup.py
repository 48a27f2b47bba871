"""Say which Debian packages Qt lacks to open a window, before Qt aborts over it.

Qt's ``xcb`` platform plugin (the one that draws windows on an X display)
links against some twenty X libraries that a bare Debian or Ubuntu system does
not have. When one of them is missing Qt prints "From 6.5.0, xcb-cursor0 or
libxcb-cursor0 is needed to load the Qt xcb platform plugin", whichever
library it was, then its generic "no Qt platform plugin could be initialized"
and aborts. :func:`exit_unless_qt_can_start` looks first: it loads the plugin
(which only loads early what Qt would load a moment later) and, when that
fails, asks ``ldd`` for every library that is not found, names their Debian
packages and the ``apt-get install`` line, and exits.

This module imports only the standard library, so it can run before any Qt
library is loaded. It costs well under a millisecond when nothing is missing.
Its words stay English: it prints to the terminal before Qt (and with it the
window's translations) is loaded.
"""

import ctypes
import importlib.util
import os
import re
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

#: The xcb plugin inside the PySide6 package folder.
PLUGIN_IN_PYSIDE6 = Path("Qt", "plugins", "platforms", "libqxcb.so")

#: Qt 6.5 and later need this library to load the xcb plugin (Qt's own message says so).
XCB_CURSOR = "libxcb-cursor.so.0"

#: The Debian 12 package of each system library that Qt's xcb plugin loads, directly
#: or through another (``ldd`` on the plugin lists them all).
DEBIAN_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbsd.so.0": "libbsd0",
    "libc.so.6": "libc6",
    "libcap.so.2": "libcap2",
    "libdbus-1.so.3": "libdbus-1-3",
    "libdl.so.2": "libc6",
    "libexpat.so.1": "libexpat1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libgcc_s.so.1": "libgcc-s1",
    "libgcrypt.so.20": "libgcrypt20",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgpg-error.so.0": "libgpg-error0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "liblz4.so.1": "liblz4-1",
    "liblzma.so.5": "liblzma5",
    "libm.so.6": "libc6",
    "libmd.so.0": "libmd0",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libpng16.so.16": "libpng16-16",
    "libpthread.so.0": "libc6",
    "libstdc++.so.6": "libstdc++6",
    "libsystemd.so.0": "libsystemd0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}

#: Exit status when Qt cannot start.
CANNOT_START = 1

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)
_CANNOT_OPEN = re.compile(r"(\S+\.so[.\d]*): cannot open shared object file")


def uses_xcb(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """True when Qt will open its windows with the xcb plugin and nothing else to fall back on.

    That is on Linux with an X display, when ``QT_QPA_PLATFORM`` asks for
    ``xcb`` alone or is unset outside a Wayland session (there Qt tries Wayland
    first, and a list such as ``wayland;xcb`` falls back: nnsim never stops a
    start that could have worked).
    """
    if not platform.startswith("linux") or not environ.get("DISPLAY"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        return requested.split(":")[0].strip() == "xcb"
    return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland")


def xcb_plugin(environ: Mapping[str, str] = os.environ) -> Path | None:
    """The ``libqxcb.so`` Qt will load: from ``QT_QPA_PLATFORM_PLUGIN_PATH``, else PySide6's."""
    folders = []
    if environ.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        folders.append(Path(environ["QT_QPA_PLATFORM_PLUGIN_PATH"]))
    spec = importlib.util.find_spec("PySide6")  # finds the package without importing it
    if spec is not None and spec.submodule_search_locations:
        package = Path(next(iter(spec.submodule_search_locations)))
        folders.append(package / PLUGIN_IN_PYSIDE6.parent)
    for folder in folders:
        if (folder / PLUGIN_IN_PYSIDE6.name).is_file():
            return folder / PLUGIN_IN_PYSIDE6.name
    return None


def not_found_in_ldd(text: str) -> list[str]:
    """The libraries ``ldd`` prints as ``not found``, each once, in order."""
    return list(dict.fromkeys(_NOT_FOUND.findall(text)))


def ldd_not_found(plugin: Path) -> list[str]:
    """Every library the plugin needs, directly or not, that the dynamic loader cannot find."""
    import subprocess  # only when the plugin failed to load: it costs 2 ms to import

    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        result = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return not_found_in_ldd(result.stdout)


def missing_libraries(
    plugin: Path,
    load: Callable[[str], object] = ctypes.CDLL,
    list_not_found: Callable[[Path], list[str]] = ldd_not_found,
) -> list[str]:
    """The system libraries the xcb plugin needs and cannot load; empty when it loads.

    A plugin that fails to load for another reason (an undefined symbol, say)
    gives an empty list: Qt then says what it says.
    """
    missing = []
    try:
        load(str(plugin))
    except OSError as error:
        missing = list_not_found(plugin) or _CANNOT_OPEN.findall(str(error))
    # Qt 6.5+ will not start xcb without libxcb-cursor; a Qt that opens it at run
    # time instead of linking it would load its plugin fine and still refuse.
    if XCB_CURSOR not in missing:
        try:
            load(XCB_CURSOR)
        except OSError:
            missing.append(XCB_CURSOR)
    return sorted(set(missing))


def packages_for(libraries: Iterable[str]) -> tuple[list[str], list[str]]:
    """(Debian packages that bring ``libraries``, libraries no known package brings)."""
    packages, unknown = [], []
    for library in libraries:
        if library in DEBIAN_PACKAGES:
            packages.append(DEBIAN_PACKAGES[library])
        else:
            unknown.append(library)
    return sorted(set(packages)), unknown


def explain(missing: list[str], as_root: bool) -> str:
    """One plain paragraph: what is missing, and the command that installs it."""
    packages, unknown = packages_for(missing)
    plural = "y" if len(missing) == 1 else "ies"
    count = f"{len(missing)} system librar{plural}"  # not translated: printed before Qt starts
    text = (  # not translated: printed before Qt starts
        "nnsim cannot open its window: Qt's xcb platform plugin, which draws windows "
        f"on an X display, needs {count} that this machine does not have "
        f"({', '.join(missing)})."
    )
    if unknown:
        text += (  # not translated: printed before Qt starts
            f" No Debian package is known here for {', '.join(unknown)}: "
            f"`apt-file search {unknown[0]}` names the one that has it."
        )
    if not packages:
        return _fill(  # not translated: printed before Qt starts
            text + " Meanwhile `nnsim train` trains without a window."
        )
    text += (  # not translated: printed before Qt starts
        " Install the packages with this command (in a checkout, ./dev.sh run does it when run as "
        "root) and start nnsim again; meanwhile `nnsim train` trains without a window:"
    )
    command = f"{'' if as_root else 'sudo '}apt-get install {' '.join(packages)}"
    return _fill(text) + "\n" + command  # the command unbroken, to copy


def _fill(text: str) -> str:
    """Wrap at 79 columns between words only, so a library's name stays whole."""
    return textwrap.fill(text, 79, break_on_hyphens=False, break_long_words=False)


def exit_unless_qt_can_start(environ: Mapping[str, str] = os.environ) -> None:
    """When Qt is about to use the xcb plugin and cannot load it, say why and exit.

    Call it before anything loads Qt's libraries; it does nothing when another
    platform is in use, no X display is set, or the plugin loads.
    """
    if not uses_xcb(environ):
        return
    plugin = xcb_plugin(environ)
    if plugin is None:
        return
    missing = missing_libraries(plugin)
    if not missing:
        return
    said = explain(missing, as_root=os.geteuid() == 0)
    print(said, file=sys.stderr, flush=True)  # not translated: printed before Qt starts
    raise SystemExit(CANNOT_START)
