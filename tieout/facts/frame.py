"""Facts and tables -> pandas DataFrames, for analysts who work in frames.

Values stay ``Decimal`` (object dtype) so nothing is rounded through float;
``value_float`` beside ``value`` is the same number as a float, for sums,
plots and anything else pandas does with numbers. ``Report.facts`` and
``Table.to_frame()`` call these (the package installs them in the model,
which imports nothing above it: ``tieout/__init__.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from tieout.facts import table_to_facts
from tieout.model import Fact, Table

COLUMNS = ["id", "document", "table", "label", "path", "period", "value", "value_float", "unit", "display",
           "scale", "scale_source", "decimals", "line", "col", "end_col", "concept", "source", "table_index",
           "row_index", "column_index", "column_header", "stmt", "is_total"]
RECORD_FIELDS = [name for name in COLUMNS if name != "value_float"]  # the Fact fields, in frame order
TABLE_INDEX = ["label", "path", "row"]  # Table.to_frame's index levels
PATH_JOIN = " > "  # section headings in Table.to_frame's ``path`` level, outermost first


def facts_to_frame(facts: Sequence[Fact]) -> pd.DataFrame:
    """One row per fact, the ``COLUMNS`` in order; ``value`` Decimal, ``value_float`` float (NaN when blank)."""
    rows = [{name: getattr(f, name) for name in RECORD_FIELDS} for f in facts]
    frame = pd.DataFrame(rows, columns=RECORD_FIELDS)
    frame["path"] = frame["path"].map(list)
    floats = [float("nan") if f.value is None else float(f.value) for f in facts]
    frame.insert(COLUMNS.index("value_float"), "value_float", pd.Series(floats, index=frame.index, dtype="float64"))
    return frame


def column_names(table: Table) -> list[str]:
    """A name per column: its period; period and header where periods repeat; the header when undated.

    Names are unique: a column still alike another gets ``#index`` after its name.
    """
    periods = [c.period for c in table.columns]
    names = []
    for column in table.columns:
        header = column.header or f"column {column.index}"
        if column.period is None:
            names.append(header)
        elif periods.count(column.period) > 1:
            names.append(f"{column.period} {header}" if column.header else f"{column.period} #{column.index}")
        else:
            names.append(column.period)
    return [f"{name} #{i}" if names.count(name) > 1 else name for i, name in enumerate(names)]


def table_to_frame(table: Table) -> pd.DataFrame:
    """``Table.to_frame()``: a row per number row (headings are in ``path``), a column per table column."""
    values: dict[int, dict[int, object]] = {}
    for fact in table_to_facts(table, table.index):
        values.setdefault(fact.row_index, {})[fact.column_index] = fact.value
    rows = [(i, row) for i, row in enumerate(table.rows) if not row.heading]
    index = pd.MultiIndex.from_tuples([(row.label, PATH_JOIN.join(row.path), i) for i, row in rows],
                                      names=TABLE_INDEX)
    names = column_names(table)
    data = [[values.get(i, {}).get(column.index) for column in table.columns] for i, _ in rows]
    frame = pd.DataFrame(data, index=index, columns=names, dtype=object)
    frame.attrs.update(document=table.document, title=table.title, note=table.note,
                       periods=[c.period for c in table.columns], headers=[c.header for c in table.columns])
    return frame
