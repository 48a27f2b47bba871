"""dev.sh installs every Debian package Qt's xcb plugin links against, and the README lists them.

On a bare Debian 12 machine Qt's window needs more X libraries than Qt's own
message names; offscreen tests never load the xcb plugin, so this reads what
the installed plugin and the Qt libraries it loads link against (their
``DT_NEEDED`` entries) and checks dev.sh names a package for each.
``tools/bare_debian_check.sh`` proves the same on a real bare machine.
"""

import importlib.util
import mmap
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from nnsim.gui.qt_startup import DEBIAN_PACKAGES

ROOT = Path(__file__).resolve().parents[1]
PYSIDE6 = Path(next(iter(importlib.util.find_spec("PySide6").submodule_search_locations)))

#: Packages every Debian system has (minbase included): the C and C++ runtimes, zlib, zstd.
IN_EVERY_DEBIAN = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libzstd1"}

#: Where Qt starts: the xcb plugin, the GL integrations it loads, and the PySide6 modules
#: nnsim imports. Everything they link against inside the wheel is followed from here.
QT_ENTRY_POINTS = [
    "Qt/plugins/platforms/libqxcb.so",
    "Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "Qt/plugins/xcbglintegrations/libqxcb-egl-integration.so",
    "Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "QtCore.abi3.so",
    "QtGui.abi3.so",
    "QtWidgets.abi3.so",
    "QtSvg.abi3.so",
]

#: The packages issue 14 found missing on a bare Debian 12 machine after dev.sh had run.
BARE_DEBIAN_MISSING = set(
    (Path(__file__).parent / "gui" / "bare_debian_12_missing_packages.txt").read_text().split()
)

PT_LOAD, PT_DYNAMIC, DT_NEEDED, DT_STRTAB = 1, 2, 1, 5


def needed(path: Path) -> list[str]:
    """The libraries a 64-bit ELF file names in its dynamic section (``DT_NEEDED``)."""
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as elf:
        if elf[:4] != b"\x7fELF" or elf[4] != 2:
            pytest.skip(f"{path.name} is not a 64-bit ELF file")
        order = "<" if elf[5] == 1 else ">"
        phoff, = struct.unpack_from(order + "Q", elf, 0x20)  # fmt: skip
        phentsize, phnum = struct.unpack_from(order + "HH", elf, 0x36)
        segments = [
            struct.unpack_from(order + "IIQQQQ", elf, phoff + i * phentsize) for i in range(phnum)
        ]  # (type, flags, offset, vaddr, paddr, filesz)
        loads = [s for s in segments if s[0] == PT_LOAD]
        dynamic = next(s for s in segments if s[0] == PT_DYNAMIC)
        entries = []
        for offset in range(dynamic[2], dynamic[2] + dynamic[5], 16):
            tag, value = struct.unpack_from(order + "qQ", elf, offset)
            if tag == 0:
                break
            entries.append((tag, value))
        strtab = next(value for tag, value in entries if tag == DT_STRTAB)
        load = next(s for s in loads if s[3] <= strtab < s[3] + s[5])
        table = strtab - load[3] + load[2]
        names = []
        for tag, value in entries:
            if tag == DT_NEEDED:
                end = elf.find(b"\0", table + value)
                names.append(elf[table + value : end].decode())
        return names


def bundled(name: str) -> Path | None:
    """The wheel's own copy of a library (Qt, ICU, PySide6, shiboken6), if it has one."""
    for folder in (PYSIDE6 / "Qt" / "lib", PYSIDE6, PYSIDE6.parent / "shiboken6"):
        if (folder / name).is_file():
            return folder / name
    return None


def system_libraries() -> set[str]:
    """Every library outside the wheel that Qt's window links against directly."""
    todo = [PYSIDE6 / entry for entry in QT_ENTRY_POINTS]
    seen, system = set(), set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in needed(path):
            inside = bundled(name)
            if inside is not None:
                todo.append(inside)
            elif not name.startswith("ld-linux"):
                system.add(name)
    return system


def dev_sh_packages() -> set[str]:
    out = subprocess.run(
        ["bash", str(ROOT / "dev.sh"), "packages"], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_dev_sh_names_a_package_for_every_library_qts_window_links_against():
    libraries = system_libraries()
    assert "libxcb-icccm.so.4" in libraries, "the wheel's xcb plugin was read"
    unknown = sorted(libraries - DEBIAN_PACKAGES.keys())
    assert not unknown, f"no Debian package is known for {unknown}: add them to qt_startup"
    wanted = {DEBIAN_PACKAGES[library] for library in libraries} - IN_EVERY_DEBIAN
    assert sorted(wanted - dev_sh_packages()) == []


def test_dev_sh_installs_the_packages_a_bare_debian_machine_lacked():
    assert sorted(BARE_DEBIAN_MISSING - dev_sh_packages()) == []


def test_dev_sh_also_installs_the_venv_and_fonts_for_latin_and_chinese():
    assert {"python3-venv", "fonts-dejavu-core", "fonts-wqy-microhei"} <= dev_sh_packages()


def test_the_readme_lists_every_package_dev_sh_installs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    listed = set(re.split(r"[\s`,;()]+", quick_start))
    assert sorted(dev_sh_packages() - listed) == []


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="not a Debian system")
def test_dev_sh_finds_the_missing_packages_with_one_dpkg_query():
    """Every ./dev.sh run checks 27 packages: one dpkg-query each cost 0.4 s a start."""
    script = (ROOT / "dev.sh").read_text(encoding="utf-8")
    function = re.search(r"^missing_debian_packages\(\) \{.*?^\}", script, re.M | re.S).group(0)
    counting = 'exec 3>&2; dpkg-query() { echo >&3 called; command dpkg-query "$@"; }'
    run = subprocess.run(
        ["bash", "-c", f"{counting}\n{function}\n"
         "missing_debian_packages libc6 nnsim-no-such-package bash"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert run.stdout.split() == ["nnsim-no-such-package"]
    assert run.stderr.split().count("called") == 1
