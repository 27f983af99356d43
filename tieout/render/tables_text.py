"""Tables as the reader understood them, for the terminal (``tieout show``).

One rich table per document table: the label indented as printed with its
section path above it, one column per period. Where checks ran, a number is
green when every check it takes part in passes, red when one fails, and
plain when nothing could check it, so a reader sees at a glance what was read
and what is in doubt.
"""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from tieout.model import Column, Report


def fact_status(report: Report) -> dict[int, str]:
    """Fact id -> "pass" | "fail" (any failing check wins) for facts some check involved."""
    status: dict[int, str] = {}
    for check in report.checks:
        if check.status not in ("pass", "fail"):
            continue
        for fact_id in check.facts:
            if check.status == "fail" or status.get(fact_id) != "fail":
                status[fact_id] = check.status
    return status


def column_heading(column: Column) -> Text:
    """A column's header as printed, with the period read from it below (a pro forma table's
    four columns share one period: only the header tells them apart)."""
    lines = [line for line in (column.header, column.period) if line]
    if len(lines) == 2 and lines[0] == lines[1]:
        lines = lines[:1]
    return Text("\n".join(lines) or f"column {column.index + 1}")


def print_report(report: Report, console: Console | None = None) -> None:
    if console is None:  # piped output keeps whole rows: no wrapping at 80 columns
        console = Console(highlight=False) if sys.stdout.isatty() else Console(highlight=False, width=160)
    status = fact_status(report)
    by_cell = {(f.table_index, f.row_index, f.column_index): f for f in report.fact_records}
    filing = report.filing
    head = " · ".join(x for x in (filing.company, filing.form_type, filing.period) if x)
    console.print(Text(f"{filing.path}" + (f"  ({head})" if head else ""), style="bold"))
    for t_index, table in enumerate(report.tables):
        title = table.title or "(untitled table)"
        caption = f"{table.document} · lines {table.first}-{table.last}"
        if table.note:
            caption += f" · {table.note}"
        grid = RichTable(title=Text(title, style="bold"), caption=Text(caption), caption_justify="left",
                         show_lines=False, expand=False)
        grid.add_column("label", overflow="fold", max_width=60)
        grid.add_column("unit", style="dim")
        for column in table.columns:
            grid.add_column(column_heading(column), justify="right", overflow="fold")
        for r_index, row in enumerate(table.rows):
            if row.heading:
                grid.add_row(Text("  " * len(row.path) + row.label, style="bold cyan"), "",
                             *["" for _ in table.columns])
                continue
            label = Text("  " * len(row.path) + (row.label or "(subtotal)"),
                         style="italic" if not row.label else "")
            cells = []
            for c_index, cell in enumerate(row.cells):
                if cell is None:
                    cells.append("")
                    continue
                fact = by_cell.get((t_index, r_index, c_index))
                state = status.get(fact.id) if fact else None
                style = {"pass": "green", "fail": "bold red"}.get(state, "")
                mark = {"pass": " ✓", "fail": " ✗"}.get(state, "")
                rule = {"-": "─", "=": "═"}.get(row.rule_above, "")
                cells.append(Text((rule + " " if rule else "") + cell.display + mark, style=style))
            grid.add_row(label, row.unit, *cells)
        console.print(grid)
    summary = f"{len(report.tables)} tables, {len(report.fact_records)} facts"
    if report.checks:
        from tieout.render.checks_text import summary_line

        summary += f"; {summary_line(report.checks)}"  # as tieout check says it
    console.print(Text(summary, style="bold"))
