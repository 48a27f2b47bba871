"""Only regular files are read, and reads stop at a limit whatever the file claims.

A FIFO reports size 0 and makes ``open`` wait for a writer; a link to
/dev/zero reports size 0 and never ends.  Each test runs under :func:`bounded`,
so a reader that would hang or read until memory runs out fails the test in
seconds instead (it did before nnsim.io.safe_read).
"""

import contextlib
import os
import resource
import signal
from pathlib import Path

import pytest

from nnsim.errors import DataError, NnsimError, ProjectFileError
from nnsim.io.csv_data import read_text
from nnsim.io.pattern_sets import read_pattern_set
from nnsim.io.project import load_project
from nnsim.io.safe_read import read_image_bytes, read_limited, valid_unicode


def address_space() -> int:
    """This process's virtual memory size now, in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


class TookTooLong(Exception):  # noqa: N818  (not an OSError, which readers turn into messages)
    """A call ran past its time."""


@contextlib.contextmanager
def bounded(seconds: float = 10.0, memory: int = 2**30):
    """Raise TookTooLong after ``seconds`` and MemoryError past ``memory`` more bytes."""

    def expired(signum, frame):
        raise TookTooLong(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = address_space() + memory
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


READERS = {
    "x.nnsim": (load_project, ProjectFileError),
    "x.csv": (read_text, DataError),
    "x.txt": (read_pattern_set, DataError),
}


@pytest.mark.parametrize("name", list(READERS))
def test_a_fifo_is_refused_at_once(tmp_path, name):
    read, error = READERS[name]
    os.mkfifo(tmp_path / name)
    with bounded(5), pytest.raises(error, match=r"is a pipe \(FIFO\), not a regular file"):
        read(tmp_path / name)


@pytest.mark.parametrize("name", list(READERS))
def test_a_link_to_dev_zero_is_refused_not_read_until_memory_runs_out(tmp_path, name):
    read, error = READERS[name]
    (tmp_path / name).symlink_to("/dev/zero")
    with bounded(5), pytest.raises(error, match="is a device, not a regular file"):
        read(tmp_path / name)


@pytest.mark.parametrize("name", list(READERS))
def test_a_folder_is_refused(tmp_path, name):
    read, error = READERS[name]
    (tmp_path / name).mkdir()
    with bounded(5), pytest.raises(error, match=r"folder, not a regular file|Is a directory"):
        read(tmp_path / name)


def test_a_link_to_a_regular_file_is_read(tmp_path):
    (tmp_path / "real.csv").write_text("a,b\n1,2\n")
    (tmp_path / "link.csv").symlink_to(tmp_path / "real.csv")
    assert read_text(tmp_path / "link.csv") == "a,b\n1,2\n"


def test_reads_stop_at_the_limit_whatever_the_size_claims():
    status = Path("/proc/self/status")  # a regular file whose size says 0
    assert status.stat().st_size == 0
    with pytest.raises(DataError, match="over 100 bytes"):
        read_limited(status, 100, "{name} is {size}; the limit is {limit}.")
    assert len(read_limited(status, 1_000_000, "{name}")) > 100


def test_a_file_larger_than_the_limit_is_refused_by_its_size(tmp_path):
    (tmp_path / "big").write_bytes(b"x" * 5000)
    with pytest.raises(ProjectFileError, match="big is 5 KB; the limit is 4 KB"):
        read_limited(tmp_path / "big", 4096, "{name} is {size}; the limit is {limit}.",
                     ProjectFileError)  # fmt: skip
    assert read_limited(tmp_path / "big", 5000, "{name}") == b"x" * 5000


def test_a_name_with_a_nul_is_a_message(tmp_path):
    with pytest.raises(NnsimError, match="no file has such a name"):
        read_limited(str(tmp_path / "a\0b"), 10, "{name}")


def test_lone_surrogates_become_the_replacement_character():
    assert valid_unicode("a\ud800b\udcff") == "a\ufffdb\ufffd"
    assert valid_unicode("ok 😀 é") == "ok 😀 é"


def test_a_picture_is_read_only_from_a_regular_file(tmp_path):
    os.mkfifo(tmp_path / "pipe.png")
    with bounded(5), pytest.raises(DataError, match=r"pipe\.png is a pipe"):
        read_image_bytes(tmp_path / "pipe.png")
    (tmp_path / "a.png").write_bytes(b"\x89PNG\r\n")
    assert read_image_bytes(tmp_path / "a.png") == b"\x89PNG\r\n"
