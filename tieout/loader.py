"""The one place that runs tieout's stages, in order.

    source     bytes -> Filing (documents, lines, page furniture)
    layout     Document -> blocks (headings, paragraphs, tables)
    tables     table block -> Table
    facts      Table -> Facts
    relations  facts -> Relations (which rows total which)
    claims     narrative -> Claims
    checks     facts + relations + claims -> Checks
    ex27       EX-27 financial data schedules -> more Facts (source "ex27")

Each stage returns its result and its problems; a stage that crashes on a
document becomes a ``Problem`` (the document still gets the stages before it),
like beancount's loader running its transformations. The verification stages
are one tuple of functions, ``VERIFY_STAGES``, that a caller may replace (as
sqlglot's optimizer ``RULES``).
"""

from __future__ import annotations

import traceback
from dataclasses import replace
from collections.abc import Callable
from pathlib import Path

from tieout.checks import run_checks
from tieout.claims import find_claims
from tieout.concepts import assign_concepts
from tieout.ex27 import ex27_facts, ex27_problems
from tieout.facts import tables_to_facts
from tieout.facts.impossible import facts_to_problems
from tieout.layout import document_to_blocks
from tieout.model import Block, Problem, Report
from tieout.relations import find_relations
from tieout.source import load_filing
from tieout.tables import (block_to_table, standing_note, tables_in_statement_scale, tables_on_weekly_calendar,
                           tables_with_fiscal_years)

STAGES = ("source", "layout", "tables", "facts", "relations", "claims", "checks")


def read(path: str | Path, *, check: bool = True, data: bytes | None = None,
         concepts: bool = False) -> Report:
    """Read one filing (a path, or ``data`` already read) into a Report.

    ``check`` runs the verification stages (concepts, relations, claims,
    checks). ``check=False, concepts=True`` runs only the concept stage, so
    the facts carry the same ``concept`` as a checked read without the cost of
    the checks (``tieout extract``).

    Raises ``tieout.errors.InputError`` only when the file cannot be read as
    a text filing at all; every other difficulty is a ``Problem`` in the report.
    """
    filing = load_filing(path, data=data)
    problems: list[Problem] = []
    blocks: list[Block] = []
    tables = []
    for document in filing.documents:
        if document.type.upper().startswith("EX-27"):
            continue  # a financial data schedule is tagged values, read by the ex27 stage below
        doc_problems: list[Problem] = []
        doc_blocks = _guard("layout", doc_problems, lambda: document_to_blocks(document), [])
        blocks.extend(doc_blocks)
        in_document = 0  # Table.index: position among this document's tables
        standing = ""  # the latest sentence that sets the scale of the tables after it
        for block in doc_blocks:
            if block.kind != "table":
                standing = standing_note(block) or standing
                continue
            previous = tables[-1] if in_document else None
            table = _guard("tables", doc_problems,
                           lambda: block_to_table(block, document, in_document, doc_blocks, standing=standing,
                                                  previous=previous), None)
            if table is not None and table.rows:
                tables.append(table)
                in_document += 1
        problems.extend(at_file_positions(doc_problems, filing, document.name))
    tables = tables_with_fiscal_years(tables, filing.form_type, filing.period)
    tables = tables_on_weekly_calendar(tables)
    tables = tables_in_statement_scale(tables)
    facts = _guard("facts", problems, lambda: tables_to_facts(tables), [])
    facts = at_file_positions(facts, filing)
    report = Report(filing=filing, tables=tuple(tables), fact_records=tuple(facts),
                    problems=tuple(problems), blocks=tuple(blocks))
    if check:
        report = verify(report)
        # (after the concepts stage: a scale clash is one concept read at two scales)
        problems = list(report.problems)
        found = _guard("facts", problems, lambda: facts_to_problems(list(report.fact_records), tables, filing.filed), [])
        report = replace(report, problems=tuple(problems) + tuple(found))
    elif concepts:
        report = verify(report, stages=("concepts",))
    return _with_ex27(report)


def _with_ex27(report: Report) -> Report:
    """EX-27 schedule values become facts too (source "ex27"), numbered after the table facts.

    They join the report after verification: the ex27 check rule reads the
    schedules itself (with the same ids), and no other rule should mistake a
    schedule value for a statement line.
    """
    problems = list(report.problems)
    facts = _guard("ex27", problems, lambda: ex27_facts(report), [])
    problems.extend(_guard("ex27", problems, lambda: ex27_problems(report), []))
    if not facts and len(problems) == len(report.problems):
        return report
    return replace(report, fact_records=report.fact_records + tuple(facts), problems=tuple(problems))


# The verification stages in order: (stage name, function of the Report, the Report field its
# result fills; None: the function returns the whole Report). Each function returns its result,
# or its result and a list of Problems.
VERIFY_STAGES: tuple[tuple[str, Callable, str | None], ...] = (
    ("concepts", assign_concepts, None),
    ("relations", find_relations, "relations"),
    ("claims", find_claims, "claims"),
    ("checks", run_checks, "checks"),
)


def verify(report: Report, stages: tuple[str, ...] | None = None) -> Report:
    """Run the verification stages on a report that has its facts.

    concepts (label -> standard vocabulary), relations, claims, checks (or
    only those named in ``stages``, in this order): a stage that crashes
    leaves a Problem (severity error, naming the exception and where it was
    raised) and the stages after it still run.
    """
    problems = list(report.problems)
    for stage, function, field in VERIFY_STAGES:
        if stages is not None and stage not in stages:
            continue
        result = _guard(stage, problems, lambda: function(report), None)
        if result is None:
            continue
        if stage == "claims":
            result = at_file_positions(list(result), report.filing)
        report = result if field is None else replace(report, **{field: tuple(result)})
    return replace(report, problems=tuple(problems))


def at_file_positions(records: list, filing, document: str = "") -> list:
    """Records of an HTML document (facts, claims; problems of ``document``) with the file's line
    and column: the stages read the document's rendering (``Document.origin`` maps it back)."""
    origins = {d.name: d.origin for d in filing.documents if d.origin is not None}
    if not origins:
        return records
    out = []
    for record in records:
        origin = origins.get(getattr(record, "document", document))
        if origin is None or not record.line:
            out.append(record)
            continue
        col = record.col or 1
        line, file_col = origin.position(record.line, col)
        end = getattr(record, "end_col", 0)
        if end:
            end_line, end_col = origin.position(record.line, max(end - 1, col))
            end = end_col + 1 if end_line == line and end_col >= file_col else file_col + (end - col)
            out.append(replace(record, line=line, col=file_col, end_col=end))
        else:
            out.append(replace(record, line=line, col=file_col if record.col else 0))
    return out


def _guard(stage: str, problems: list[Problem], run: Callable, fallback):
    """Run one stage; a crash becomes a Problem instead of losing the document."""
    try:
        result = run()
    except RecursionError:
        problems.append(Problem(stage, "input too deeply nested to read", severity="error"))
        return fallback
    except Exception as exc:  # noqa: BLE001 - a stage bug must not lose the document
        where = traceback.extract_tb(exc.__traceback__)[-1]
        problems.append(Problem(stage, f"internal error {type(exc).__name__}: {exc} "
                                       f"(at {Path(where.filename).name}:{where.lineno})",
                                severity="error"))
        return fallback
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], list):
        value, stage_problems = result
        problems.extend(stage_problems)
        return value
    return result
