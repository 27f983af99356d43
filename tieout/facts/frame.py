"""Facts -> a pandas DataFrame, for analysts who work in frames.

Values stay ``Decimal`` (object dtype) so nothing is rounded through float;
``value_float`` is there for plotting only.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from tieout.model import Fact

COLUMNS = ["id", "document", "table", "label", "path", "period", "value", "unit", "display", "scale",
           "scale_source", "decimals", "line", "col", "end_col", "concept", "source", "table_index",
           "row_index", "column_index", "column_header", "stmt", "is_total"]


def facts_to_frame(facts: Sequence[Fact]) -> pd.DataFrame:
    rows = [{name: getattr(f, name) for name in COLUMNS} for f in facts]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["path"] = frame["path"].map(list)
    return frame
