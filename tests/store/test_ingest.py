"""Batch ingest on the real corpus: pool, Dask, restart after SIGKILL, bad files, time limits.

One full-corpus ingest (2 workers) is shared by the tests that only read its
result; the others use a handful of the smallest corpus files so the whole
module stays near a minute on two busy cores.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tieout.batch import IngestSettings, ingest, process_file
from tieout.cli import main
from tieout.store import open_store

from tests_conftest_shim import corpus_files  # noqa: F401  (see below)
