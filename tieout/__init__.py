"""tieout: plain-text financial reports of the pre-XBRL era to verified, structured data.

    >>> import tieout
    >>> report = tieout.read("examples/northwind-1997-q2-release.txt")
    >>> report.facts          # a pandas DataFrame, one row per number
    >>> report.checks         # every total, tie and narrative claim checked
"""

from tieout.errors import InputError
from tieout.fundamentals.view import financials
from tieout.loader import STAGES, read, verify
from tieout.model import Check, Claim, Fact, Filing, Report, Table

__version__ = "0.1.0"

__all__ = ["read", "verify", "STAGES", "InputError", "Report", "Table", "Fact", "Check",
           "Claim", "Filing", "financials", "__version__"]


def open_store(path, read_only: bool = False):
    """Open a tieout DuckDB store (see ``tieout.store``); ``read_only`` for queries beside a writer."""
    from tieout.store import open_store as _open

    return _open(path, read_only=read_only)
