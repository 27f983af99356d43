"""Which files an ingest reads: paths, folders (recursive) and globs -> a sorted list of files.

A folder contributes its filings: ``*.txt``, ``*.htm``, ``*.html`` and the other usual
EDGAR extensions always; files of known binary kinds, READMEs and text that is
never a filing (``.md``, ``.tsv``, ``.csv``, ``.json``, ...) never;
anything else when its first 4 KB hold no NUL byte. Hidden files and folders (a name starting
with ``.``) are skipped. A file named explicitly is always taken, so a binary
file given by name gets its 'error' row instead of vanishing. A path given
explicitly that does not exist, or a glob that matches nothing, is a usage
error (``InputError``): the whole command stops before any work.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

from tieout.errors import InputError

TEXT_SUFFIXES = frozenset({".txt", ".nc", ".sgml", ".sgm", ".asc", ".text", ".pdoc", ".htm", ".html", ".xhtml"})
BINARY_SUFFIXES = frozenset({
    ".pdf", ".gz", ".zip", ".bz2", ".xz", ".tar", ".7z", ".jpg", ".jpeg", ".png", ".gif",
    ".bmp", ".tif", ".tiff", ".xls", ".xlsx", ".doc", ".docx", ".duckdb", ".wal", ".parquet",
    ".pyc", ".so", ".exe", ".dll", ".db", ".sqlite",
})
# Text, but never a filing: notes, manifests and data files kept beside a corpus.
NOT_FILINGS = frozenset({
    ".md", ".rst", ".tsv", ".csv", ".json", ".jsonl", ".xml", ".py", ".yaml", ".yml", ".toml",
    ".cfg", ".ini", ".log", ".sh", ".css", ".js",
})
_GLOB_CHARS = set("*?[")


def is_hidden(path: Path, root: Path) -> bool:
    """True when any part of ``path`` below ``root`` starts with a dot."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def looks_like_text(path: Path, sniff: int = 4096) -> bool:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return True
    if suffix in BINARY_SUFFIXES or suffix in NOT_FILINGS or path.name.upper().startswith("README"):
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(sniff)
    except OSError:
        return True  # let the ingest record why it cannot be read
    return b"\x00" not in head


def folder_files(root: Path) -> list[Path]:
    found = []
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in filenames:
            if filename.startswith("."):
                continue
            path = Path(directory) / filename
            if path.is_file() and looks_like_text(path):
                found.append(path)
    return found


def discover(paths: list[str]) -> list[Path]:
    """Every file the arguments name, deduplicated and sorted; InputError for a bad argument."""
    found: list[Path] = []
    for argument in paths:
        path = Path(argument)
        if path.is_dir():
            found.extend(folder_files(path))
        elif path.is_file():
            found.append(path)
        elif _GLOB_CHARS & set(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            if not matches:
                raise InputError(f"{argument}: no file matches")
            for match in matches:
                match_path = Path(match)
                if match_path.is_dir():
                    found.extend(folder_files(match_path))
                elif match_path.is_file() and not match_path.name.startswith("."):
                    found.append(match_path)
        else:
            raise InputError(f"{argument}: no such file or folder")
    unique = {str(p.resolve()): p for p in found}
    return [Path(p) for p in sorted(unique)]
