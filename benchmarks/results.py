"""Where the benchmarks write their numbers: each its own section of ``README.md``.

A section sits between ``<!-- NAME begins -->`` and ``<!-- NAME ends -->``; writing one
replaces only the text between its two markers, so the engine benchmarks, the window
benchmarks and the soak run can each be re-run alone and the rest of the file stays.
"""

import re
from pathlib import Path

README = Path(__file__).with_name("README.md")


def write_section(name: str, text: str, path: Path = README) -> None:
    """Put ``text`` between the markers of section ``name`` in ``path``.

    A section not yet in the file is added at its end.
    """
    begins, ends = f"<!-- {name} begins -->", f"<!-- {name} ends -->"
    block = f"{begins}\n{text.strip()}\n{ends}"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    pattern = re.compile(re.escape(begins) + r".*?" + re.escape(ends), re.DOTALL)
    if pattern.search(old):
        new = pattern.sub(lambda _: block, old, count=1)
    elif begins in old or ends in old:
        raise ValueError(f"{path.name}: the {name!r} section has lost one of its markers")
    else:
        new = old.rstrip("\n") + ("\n\n" if old else "") + block + "\n"
    path.write_text(new, encoding="utf-8")
