"""tieout: plain-text financial reports of the pre-XBRL era to verified, structured data.

    >>> import tieout
    >>> report = tieout.read("examples/northwind-1997-q2-release.txt")
    >>> report.facts          # a pandas DataFrame, one row per number
    >>> report.checks         # every total, tie and narrative claim checked
    >>> store = tieout.open_store("t.duckdb")               # read-only: beside `tieout query`, `serve`
    >>> store = tieout.open_store("t.duckdb", write=True)   # create, migrate, write

The reader and the store load on first use (``read``, ``verify``, ``STAGES``,
``open_store``, ``financials``): ``import tieout`` and every ``tieout`` command that neither
reads a filing nor opens a store stay quick.
"""

from tieout import model as _model
from tieout.errors import InputError
from tieout.model import Check, Claim, Document, Fact, Filing, Report, Table

__version__ = "0.1.0"

__all__ = ["read", "verify", "open_store", "financials", "STAGES", "InputError", "Report", "Document", "Table",
           "Fact", "Check", "Claim", "Filing", "__version__"]

_LAZY = {"read": "tieout.loader", "verify": "tieout.loader", "STAGES": "tieout.loader",
         "open_store": "tieout.store", "financials": "tieout.fundamentals.view"}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'tieout' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value  # once loaded, a plain attribute
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))


def _facts_frame(facts):
    from tieout.facts.frame import facts_to_frame  # pandas, on the first frame asked for

    return facts_to_frame(facts)


def _table_frame(table):
    from tieout.facts.frame import table_to_frame

    return table_to_frame(table)


_model.FRAME_BUILDERS.update(facts=_facts_frame, table=_table_frame)
