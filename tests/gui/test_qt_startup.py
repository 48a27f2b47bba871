"""When Qt's xcb plugin cannot load, nnsim names the missing Debian packages, not Qt's guess."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nnsim.gui import qt_startup

ROOT = Path(__file__).resolve().parents[2]

#: What ``ldd`` printed for PySide6 6.11's libqxcb.so on a bare Debian 12 machine (minbase
#: and python3, then the packages dev.sh installed before issue 14): ten libraries not found.
BARE_DEBIAN_LDD = (Path(__file__).with_name("bare_debian_12_libqxcb_ldd.txt")).read_text()

#: The packages issue 14 found missing on that machine.
BARE_DEBIAN_PACKAGES = (
    Path(__file__).with_name("bare_debian_12_missing_packages.txt").read_text().split()
)

QT_GENERIC_MESSAGES = ("Could not load the Qt platform plugin", "is needed to load the Qt xcb")


def fake_loader(missing=(), plugin_error=None):
    """A stand-in for ctypes.CDLL that fails on the plugin and on ``missing`` libraries."""

    def load(name):
        if name.endswith("libqxcb.so") and plugin_error:
            raise OSError(plugin_error)
        if name in missing:
            raise OSError(f"{name}: cannot open shared object file: No such file or directory")
        return object()

    return load


def test_ldd_output_gives_each_missing_library_once():
    missing = qt_startup.not_found_in_ldd(BARE_DEBIAN_LDD)
    assert len(missing) == 10 and len(set(missing)) == 10
    assert "libxcb-icccm.so.4" in missing and "libGL.so.1" not in missing


def test_the_bare_machines_libraries_map_to_the_packages_it_lacked():
    packages, unknown = qt_startup.packages_for(qt_startup.not_found_in_ldd(BARE_DEBIAN_LDD))
    assert packages == BARE_DEBIAN_PACKAGES and unknown == []


def test_a_plugin_that_fails_to_load_is_explained_by_ldd():
    load = fake_loader(plugin_error="libxcb-icccm.so.4: cannot open shared object file")
    missing = qt_startup.missing_libraries(
        Path("/x/libqxcb.so"), load, lambda plugin: qt_startup.not_found_in_ldd(BARE_DEBIAN_LDD)
    )
    assert missing == sorted(qt_startup.not_found_in_ldd(BARE_DEBIAN_LDD))


def test_without_ldd_the_loaders_own_error_names_the_library():
    load = fake_loader(plugin_error="libxcb-keysyms.so.1: cannot open shared object file: No such")
    missing = qt_startup.missing_libraries(Path("/x/libqxcb.so"), load, lambda plugin: [])
    assert missing == ["libxcb-keysyms.so.1"]


def test_xcb_cursor_is_checked_even_when_the_plugin_loads_without_it():
    """Qt 6.5+ refuses xcb without libxcb-cursor, even a build that opens it only at run time."""
    load = fake_loader(missing={"libxcb-cursor.so.0"})
    assert qt_startup.missing_libraries(Path("/x/libqxcb.so"), load, lambda p: []) == [
        "libxcb-cursor.so.0"
    ]


def test_a_plugin_that_loads_needs_nothing():
    assert qt_startup.missing_libraries(Path("/x/libqxcb.so"), fake_loader(), lambda p: []) == []


def test_a_plugin_failing_for_another_reason_is_left_to_qt():
    load = fake_loader(plugin_error="undefined symbol: xcb_foo")
    assert qt_startup.missing_libraries(Path("/x/libqxcb.so"), load, lambda p: []) == []


def test_the_explanation_is_one_paragraph_with_the_libraries_and_the_install_line():
    missing = sorted(qt_startup.not_found_in_ldd(BARE_DEBIAN_LDD))
    text = qt_startup.explain(missing, as_root=False)
    assert "\n\n" not in text and not any(m in text for m in QT_GENERIC_MESSAGES)
    assert all(library in text.replace("\n", " ") for library in missing)
    # The command is whole on the last line, ready to copy.
    assert text.splitlines()[-1] == "sudo apt-get install " + " ".join(BARE_DEBIAN_PACKAGES)
    as_root = qt_startup.explain(missing, as_root=True).splitlines()[-1]
    assert as_root.startswith("apt-get install libxcb-cursor0 ")


def test_a_library_without_a_known_package_is_named_with_a_way_to_find_it():
    text = qt_startup.explain(["libxcb-icccm.so.4", "libfuture.so.7"], as_root=True)
    assert "libfuture.so.7" in text and "apt-file search libfuture.so.7" in text
    assert text.splitlines()[-1] == "apt-get install libxcb-icccm4"


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb:foo=1"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb;wayland"}, "linux", False),  # falls back
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", False),  # no display: Qt says so itself
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "w", "XDG_SESSION_TYPE": "wayland"}, "linux", False),
        ({"DISPLAY": ":0"}, "darwin", False),
    ],
)
def test_only_a_start_that_must_use_xcb_is_checked(environ, platform, expected):
    assert qt_startup.uses_xcb(environ, platform) is expected


def test_the_plugin_is_found_in_pyside6_or_where_qt_is_told_to_look(tmp_path):
    plugin = qt_startup.xcb_plugin({})
    assert plugin is not None and plugin.name == "libqxcb.so" and plugin.is_file()
    (tmp_path / "libqxcb.so").write_bytes(b"")
    assert qt_startup.xcb_plugin({"QT_QPA_PLATFORM_PLUGIN_PATH": str(tmp_path)}) == (
        tmp_path / "libqxcb.so"
    )


def test_the_real_plugin_is_judged_as_ldd_judges_it():
    plugin = qt_startup.xcb_plugin({})
    ldd = qt_startup.ldd_not_found(plugin)
    assert set(ldd) <= set(qt_startup.missing_libraries(plugin))


def test_the_check_loads_no_qt_module():
    code = (
        "import sys; from nnsim.gui import qt_startup; "
        "qt_startup.missing_libraries(qt_startup.xcb_plugin({})); "
        "print(sorted(m for m in sys.modules if 'PySide6' in m or 'pyqtgraph' in m))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_nnsim_prints_the_paragraph_and_exits_before_qt_aborts(tmp_path):
    """The whole start: a plugin that cannot load, and ldd as on the bare machine."""
    plugins = tmp_path / "platforms"
    plugins.mkdir()
    (plugins / "libqxcb.so").write_bytes(b"not a shared library")
    tools = tmp_path / "bin"
    tools.mkdir()
    ldd = tools / "ldd"
    ldd.write_text(f"#!/bin/sh\ncat <<'EOF'\n{BARE_DEBIAN_LDD}EOF\n")
    ldd.chmod(0o755)
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    env.update(
        DISPLAY=":59999",  # nothing listens there: Qt would fail if it were reached
        QT_QPA_PLATFORM="xcb",
        QT_QPA_PLATFORM_PLUGIN_PATH=str(plugins),
        PATH=f"{tools}{os.pathsep}{env.get('PATH', '')}",
        HOME=str(tmp_path),
    )
    run = subprocess.run(
        [sys.executable, "-m", "nnsim"], env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == qt_startup.CANNOT_START, run.stderr
    assert not any(message in run.stderr for message in QT_GENERIC_MESSAGES), run.stderr
    assert run.stderr.splitlines()[-1].endswith(
        "apt-get install " + " ".join(BARE_DEBIAN_PACKAGES)
    ), run.stderr
    assert "libxcb-keysyms.so.1" in run.stderr.replace("\n", " ")
