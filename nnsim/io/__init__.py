"""Files: exports now; project files and CSV import follow (DESIGN.md section 6). No Qt here."""

from nnsim.io.exports import replacing, write_csv

__all__ = ["replacing", "write_csv"]
