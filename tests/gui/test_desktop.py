"""nnsim --install-desktop: a menu entry, icons and the .nnsim file type (issue 17, section 5)."""

import configparser
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from nnsim import cli
from nnsim.gui import desktop
from nnsim.gui.window.icons import ICON_SIZES


def entry_of(home: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(home / "applications" / "nnsim.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_writes_the_entry_the_icons_and_the_file_type(tmp_path):
    ran = []
    said = desktop.install(tmp_path, run=lambda command, **_: ran.append(command))
    entry = entry_of(tmp_path)
    assert entry["Type"] == "Application" and entry["Icon"] == "nnsim"
    assert entry["Exec"] == f"{sys.executable} -m nnsim %f"
    assert entry["MimeType"] == f"{desktop.MIME_TYPE};"
    mime = ElementTree.parse(tmp_path / "mime" / "packages" / "nnsim.xml").getroot()
    (kind,) = mime
    assert kind.get("type") == desktop.MIME_TYPE
    assert [g.get("pattern") for g in kind.iter() if g.tag.endswith("glob")] == ["*.nnsim"]
    for size in ICON_SIZES:
        icon = QImage(str(tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "nnsim.png"))
        assert (icon.width(), icon.height()) == (size, size) and icon.hasAlphaChannel()
    assert said[0] == f"Installed the menu entry {tmp_path / 'applications' / 'nnsim.desktop'}."
    refreshed = {Path(command[0]).name for command in ran}
    present = {tool for tool, _folder in desktop.REFRESHERS if shutil.which(tool)}
    assert refreshed == present, "each of the desktop's tools found is asked to read them again"


def test_uninstall_takes_away_exactly_what_install_wrote(tmp_path):
    desktop.install(tmp_path, run=lambda *_a, **_k: None)
    other = tmp_path / "applications" / "someone-else.desktop"
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    said = desktop.uninstall(tmp_path, run=lambda *_a, **_k: None)
    assert said[0].startswith(f"Removed {2 + len(ICON_SIZES)} files")
    assert not any(path.exists() for path in desktop.installed_files(tmp_path))
    assert other.is_file(), "another application's entry stays"


def test_a_double_clicked_project_opens_in_the_window(tmp_path, monkeypatch):
    desktop.install(tmp_path, run=lambda *_a, **_k: None)
    # A launcher splits Exec into arguments, then puts the file's path for %f, whole.
    command = [
        "/home/s/my net.nnsim" if a == "%f" else a for a in shlex.split(entry_of(tmp_path)["Exec"])
    ]
    assert command[:3] == [sys.executable, "-m", "nnsim"]
    opened = []
    monkeypatch.setattr(cli, "_open_window", lambda project: opened.append(project) or 0)
    assert cli.main(command[3:]) == 0 and opened == [Path("/home/s/my net.nnsim")]


@pytest.mark.parametrize(
    ("path", "written"),
    [
        ("/usr/bin/python3", "/usr/bin/python3"),
        ("/home/a b/python", '"/home/a b/python"'),
        ('/opt/$x"y/python', '"/opt/\\\\$x\\\\"y/python"'),  # the spec's escapes, then the file's
        ("/opt/100%/python", '"/opt/100%%/python"'),  # % begins a field code
    ],
)
def test_a_python_in_an_odd_folder_is_quoted_as_the_desktop_entry_spec_says(path, written):
    assert desktop.exec_quoted(path) == written


def test_the_entry_is_valid_where_the_desktop_tools_are_installed(tmp_path):
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate (Debian's desktop-file-utils) is not installed")
    desktop.install(tmp_path, run=lambda *_a, **_k: None)
    checked = subprocess.run(
        [validate, str(tmp_path / "applications" / "nnsim.desktop")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0 and "error" not in checked.stdout, checked.stdout


def test_the_command_installs_into_xdg_data_home_and_refuses_elsewhere(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr(desktop, "refresh", lambda *_a, **_k: [])
    assert cli.main(["--install-desktop"]) == 0
    assert (tmp_path / "applications" / "nnsim.desktop").is_file()
    assert cli.main(["--uninstall-desktop"]) == 0
    assert not (tmp_path / "applications" / "nnsim.desktop").exists()
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # the spec: ignored, not used
    assert desktop.data_home() == Path.home() / ".local" / "share"
    monkeypatch.setattr(sys, "platform", "win32")
    assert cli.main(["--install-desktop"]) == 1


def test_the_desktop_databases_send_nnsim_files_to_nnsim(tmp_path):
    if not (shutil.which("update-mime-database") and shutil.which("update-desktop-database")):
        pytest.skip(
            "the freedesktop tools (shared-mime-info, desktop-file-utils) are not installed"
        )
    desktop.install(tmp_path)  # and the desktop's own tools read it
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert f"{desktop.MIME_TYPE}:*.nnsim" in globs, "a file manager knows the type by its name"
    cache = (tmp_path / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert f"{desktop.MIME_TYPE}=nnsim.desktop;" in cache, "and opens it with nnsim"


def test_a_chinese_desktop_shows_the_entry_and_the_file_type_in_chinese(tmp_path):
    desktop.install(tmp_path, run=lambda *_a, **_k: None)
    entry = entry_of(tmp_path)
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        chinese = entry[f"{key}[zh_CN]"]  # the freedesktop way: the file carries its translation
        assert any("\u4e00" <= c <= "\u9fff" for c in chinese), (key, chinese)
        assert entry[key].isascii(), "the English stays the entry's own words"
    assert entry["Name[zh_CN]"].startswith("nnsim "), "the program's name stays in Latin letters"
    mime = ElementTree.parse(tmp_path / "mime" / "packages" / "nnsim.xml").getroot()
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    comments = {c.get(lang): c.text for c in mime.iter() if c.tag.endswith("comment")}
    assert comments[None] == "nnsim project" and comments["zh_CN"].startswith("nnsim ")
