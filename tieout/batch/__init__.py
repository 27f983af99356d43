"""Batch reading: many filings into one store, on one machine or a Dask cluster.

    discover   paths, folders, globs -> files
    plan       files + the store's file index -> what needs reading
    runners    inline | process pool | dask.distributed -> one Outcome per file
    ingest     the single writer: each Outcome into the store in one transaction
    partitions Parquet partitions, one file per document per table

See docs/scale.md for throughput and what a full archive costs.
"""

from tieout.batch.discover import discover
from tieout.batch.ingest import IngestSettings, IngestSummary, ingest, plan
from tieout.batch.work import Outcome, process_file

__all__ = ["discover", "ingest", "plan", "IngestSettings", "IngestSummary", "Outcome", "process_file"]
