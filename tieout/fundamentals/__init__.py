"""Fundamentals: a company's statements as time series across its filings, and the SEC data-set layout.

    fiscal   a fact's fiscal year and period (fy, fp), period end and months     fiscal.py
    view     concept x fiscal period from the latest filing, restatements        view.py

``financials(store, cik=..., statement=..., period=...)`` is the pandas view; see docs.md.
"""

from __future__ import annotations

__all__ = ["financials", "financial_values", "restatements"]


def __getattr__(name: str):
    # loaded on first use: tieout.store.rows imports tieout.fundamentals.fiscal, and the view
    # reads the store, so the package itself imports neither
    if name in __all__:
        from tieout.fundamentals import view

        return getattr(view, name)
    raise AttributeError(name)
