"""Which files an ingest reads: paths, folders (recursive) and globs -> a sorted list of files.

A folder contributes its filings: ``*.txt``, ``*.htm``, ``*.html`` and the other usual
EDGAR extensions always; files of known binary kinds, READMEs and text that is
never a filing (``.md``, ``.tsv``, ``.csv``, ``.json``, ...) never;
anything else when its first 4 KB hold no NUL byte. Hidden files and folders (a name starting
with ``.``) are skipped. A file named explicitly is always taken, so a binary
file given by name gets its 'error' row instead of vanishing. A path given
explicitly that does not exist, or a glob that matches nothing, is a usage
error (``InputError``): the whole command stops before any work.

Nothing in a folder is passed over in silence: ``find_files`` returns beside the files
to read every file it left out and why (``Passed``), and ``tieout ingest`` lists them;
hidden ones are only counted (a ``.git`` folder holds thousands).
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
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


@dataclass
class Passed:
    """What a folder held that an ingest does not read: (path, why) for each file, and hidden ones counted."""

    files: list[tuple[Path, str]] = field(default_factory=list)
    hidden: int = 0  # hidden files and folders (a name starting with '.'), not looked into


def why_not_read(path: Path, sniff: int = 4096) -> str:
    """Why a file found in a folder is not a filing to read, or "" when it is read."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return ""
    if suffix == ".pdf":
        return "a PDF (tieout reads plain text, HTML and EDGAR SGML filings)"
    if suffix in BINARY_SUFFIXES:
        return f"a binary file ({suffix})"
    if suffix in NOT_FILINGS:
        return f"not a filing ({suffix} file)"
    if path.name.upper().startswith("README"):
        return "a README, not a filing"
    try:
        with path.open("rb") as handle:
            head = handle.read(sniff)
    except OSError:
        return ""  # let the ingest record why it cannot be read
    if head.startswith(b"%PDF"):
        return "a PDF (tieout reads plain text, HTML and EDGAR SGML filings)"
    return "binary (a NUL byte in its first 4 KB)" if b"\x00" in head else ""


def looks_like_text(path: Path, sniff: int = 4096) -> bool:
    return not why_not_read(path, sniff)


def folder_files(root: Path, passed: Passed | None = None) -> list[Path]:
    """The filings under ``root``; what is left out goes into ``passed`` when given."""
    passed = Passed() if passed is None else passed
    found = []
    for directory, dirnames, filenames in os.walk(root):
        passed.hidden += sum(1 for d in dirnames if d.startswith("."))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in filenames:
            if filename.startswith("."):
                passed.hidden += 1
                continue
            path = Path(directory) / filename
            if not path.is_file():
                continue
            why = why_not_read(path)
            if why:
                passed.files.append((path, why))
            else:
                found.append(path)
    return found


def discover(paths: list[str]) -> list[Path]:
    """Every file the arguments name, deduplicated and sorted; InputError for a bad argument."""
    return find_files(paths)[0]


def find_files(paths: list[str]) -> tuple[list[Path], Passed]:
    """``discover``, and what the folders held that is not read (sorted by path)."""
    found: list[Path] = []
    passed = Passed()
    for argument in paths:
        path = Path(argument)
        if path.is_dir():
            found.extend(folder_files(path, passed))
        elif path.is_file():
            found.append(path)
        elif _GLOB_CHARS & set(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            if not matches:
                raise InputError(f"{argument}: no file matches")
            for match in matches:
                match_path = Path(match)
                if match_path.is_dir():
                    found.extend(folder_files(match_path, passed))
                elif match_path.is_file() and not match_path.name.startswith("."):
                    found.append(match_path)
        else:
            raise InputError(f"{argument}: no such file or folder")
    unique = {str(p.resolve()): p for p in found}
    left_out = {str(p.resolve()): why for p, why in passed.files if str(p.resolve()) not in unique}
    passed.files = [(Path(p), left_out[p]) for p in sorted(left_out)]
    return [Path(p) for p in sorted(unique)], passed
