"""Saving writes through a symlink, never over a device or a pipe, and clears killed saves.

Saving over a symlink used to replace the link with a regular file; saving
to a device such as /dev/full replaced the device node (as root).  Every
save goes through :func:`nnsim.io.replacing`, so these tests use it through
:func:`save_project` and :func:`write_csv`; the device case is tested with a
FIFO (never a real device: as root the old code would have replaced it).
"""

import os
import subprocess
import sys
import time

import pytest
from test_project import trained_project

from nnsim.errors import ExportError, NnsimError
from nnsim.io import exports, replacing, write_csv
from nnsim.io.project import load_project, save_project


def test_saving_over_a_symlink_writes_through_to_its_target(tmp_path):
    (tmp_path / "work").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "work" / "real.nnsim"
    target.write_text("old")
    os.chmod(target, 0o640)
    link = tmp_path / "links" / "link.nnsim"
    link.symlink_to(target)
    save_project(link, trained_project())
    assert link.is_symlink() and link.resolve() == target
    assert load_project(target).description == "Bugs, sorted."
    assert target.stat().st_mode & 0o777 == 0o640, "the target keeps its permissions"
    assert sorted(p.name for p in (tmp_path / "work").iterdir()) == ["real.nnsim"]
    assert sorted(p.name for p in (tmp_path / "links").iterdir()) == ["link.nnsim"]


def test_a_link_to_a_file_not_made_yet_makes_it(tmp_path):
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "new.csv")
    write_csv(link, ["a"], [[1]])
    assert link.is_symlink() and (tmp_path / "new.csv").read_text() == "a\n1\n"


def test_a_fifo_is_refused_and_left_as_it_is(tmp_path):
    fifo = tmp_path / "pipe.nnsim"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match=r"pipe\.nnsim is a pipe \(FIFO\), not a regular file"):
        save_project(fifo, trained_project())
    assert fifo.is_fifo()
    assert [p.name for p in tmp_path.iterdir()] == ["pipe.nnsim"], "no temporary left"


def test_a_link_to_a_fifo_and_a_folder_are_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "to_pipe.csv").symlink_to(tmp_path / "pipe")
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(ExportError, match=r"to_pipe\.csv is a pipe"):
        write_csv(tmp_path / "to_pipe.csv", ["a"], [[1]])
    with pytest.raises(ExportError, match=r"folder\.csv is a folder"):
        write_csv(tmp_path / "folder.csv", ["a"], [[1]])
    assert (tmp_path / "pipe").is_fifo() and (tmp_path / "to_pipe.csv").is_symlink()


@pytest.mark.parametrize("name", ["\ud800.nnsim", "a\0b.nnsim"])
def test_a_name_no_file_can_have_is_a_message(tmp_path, name):
    with pytest.raises(NnsimError, match="cannot be a file name"):
        save_project(str(tmp_path / name), trained_project())


def aged(path, seconds):
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def dead_pid() -> int:
    """A process id that no process has."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_killed_save_leaves_a_part_that_the_next_save_removes(tmp_path):
    path = tmp_path / "work.nnsim"
    killed = (
        "import os, signal\n"
        "from nnsim.io import replacing\n"
        f"with replacing({str(path)!r}) as part:\n"
        "    part.write_bytes(b'x' * 100_000)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    for _ in range(3):
        subprocess.run([sys.executable, "-c", killed], check=False)
    left = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert len(left) == 3, "kill -9 leaves its temporary behind"
    save_project(path, trained_project())
    assert len([p for p in tmp_path.iterdir() if p.name.endswith(".part")]) == 3, (
        "a part under a minute old is left: its save may still be running on another machine"
    )
    for part in left:
        aged(part, 120)
    save_project(path, trained_project())
    assert [p.name for p in tmp_path.iterdir()] == ["work.nnsim"]


def test_only_stale_parts_of_the_same_file_are_removed(tmp_path):
    day = 86400
    parts = {  # label: (name, age in seconds)
        "dead writer": (f".x.nnsim.{dead_pid()}-abcdefgh.part", 120),
        "dead writer, just now": (f".x.nnsim.{dead_pid()}-abcdefgh.part", 0),
        "live writer": (f".x.nnsim.{os.getpid()}-abcdefgh.part", 120),
        "live writer, two days": (f".x.nnsim.{os.getpid()}-zzzzzzzz.part", 2 * day),
        "older nnsim, an hour": (".x.nnsim.k2j4_9ab.part", 3600),
        "older nnsim, two days": (".x.nnsim.q2j4_9ab.part", 2 * day),
        "another file's": (f".y.nnsim.{dead_pid()}-abcdefgh.part", 2 * day),
        "not a part": (".x.nnsim.notes.part", 2 * day),
    }
    paths = {}
    for label, (name, age) in parts.items():
        paths[label] = tmp_path / name
        paths[label].write_text("half a save")
        aged(paths[label], age)
    save_project(tmp_path / "x.nnsim", trained_project())
    removed = {label for label, path in paths.items() if not path.exists()}
    assert removed == {"dead writer", "live writer, two days", "older nnsim, two days"}


def test_a_save_removes_no_part_it_cannot_judge(tmp_path, monkeypatch):
    monkeypatch.setattr(exports, "STALE_AFTER", 0)
    part = tmp_path / f".x.csv.{dead_pid()}-abcdefgh.part"
    part.mkdir()  # not a file: left alone
    with replacing(tmp_path / "x.csv") as temporary:
        temporary.write_text("a\n")
    assert part.is_dir()


def test_a_name_that_is_not_valid_unicode_is_written_not_a_crash(tmp_path):
    write_csv(tmp_path / "x.csv", ["caf\udce9", "ok"], [["\ud800", 1.5]])
    assert (tmp_path / "x.csv").read_text() == "caf?,ok\n?,1.5\n"
