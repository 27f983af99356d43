"""Speed and memory, side by side in one run: tieout read+check against edgartools' HTML parse.

    .venv/bin/python benchmarks/edgartools_speed.py [PATH ...] [--sample N] [--repeat R]
        [--modes tieout,parse,release] [--grow MB] [--json OUT]
    make bench-edgartools        # creates benchmarks/.venv-edgartools, then runs this script

Each HTML document given (default: every ``.htm``/``.html`` of ``../shared/corpus-html/ixbrl``
and ``../shared/corpus-html/pre-xbrl``) is timed in three modes, from the bytes on disk to the
tool's tables:

* ``tieout``: ``tieout.read(path)``, the whole pipeline with its checks (source, layout,
  tables, facts, concepts, relations, claims, checks); tables = ``len(report.tables)``;
* ``parse``: edgartools ``edgar.documents.parse_html(data)`` with its default
  ``ParserConfig`` (lxml, the node tree with its ``TableNode`` cells, inline-XBRL facts,
  lazy sections), then ``Document.tables``; tables = every ``TableNode`` kept (layout tables
  included). This is edgartools' parse of a document into its tables, the figure issue 12's
  "at least as fast" is measured against;
* ``release``: edgartools ``edgar.earnings.EarningsRelease`` on the same bytes (built on a
  stand-in attachment whose ``content`` is the file), then ``.tables``: the parse above plus
  the document text for its scale and each table as a cleaned DataFrame of floats with a
  statement type; tables = ``len(release.tables)``, values = the numbers in them. This is
  edgartools' table *data*, the nearest to tieout's facts.

Each side runs in its own interpreter and environment, so imports never mix: tieout in the
Python running this script (``--tieout-python``; this checkout first on ``PYTHONPATH``),
edgartools in ``benchmarks/.venv-edgartools`` (``--edgartools-python``). One long-lived worker
per side imports its tool once, reads one small warm-up page, then gets jobs as JSON lines on
stdin; each job runs in a child forked from the worker, so every run starts from the same
warmed state, nothing of an earlier document stays in memory and the child's peak RSS (VmHWM,
reset at fork) is that document's. Peak MB = the worker's RSS at the fork plus the child's
growth (what a fresh process would hold); for the largest document and the grown one a fresh
interpreter per mode measures the peak exactly as well (imports included).

The machine is shared (2 cores, other engineers' jobs): the jobs run one at a time, the modes
alternate per document (R rounds, the order rotated each round) and every figure is the median
of its R runs, with the spread of the runs. The seconds compared are CPU seconds of the run
(``process_time``; ``--clock wall`` for ``perf_counter``): both tools parse on one thread, so on an
idle core the two agree, and on a busy one wall-clock adds the time spent waiting for the core
(seen: 4.1 s wall for 1.6 s CPU). Both are kept, and the totals print both rates.

``--grow MB`` (default 5) also times a document of MB megabytes made from the largest document
selected by repeating its ``<body>`` (the last copy cut after a table) (the corpus holds none that large): the issue asks for
memory on a 5 MB document. ``--sample N`` takes N documents spread over the sizes (the largest
always in), ``--json OUT`` writes every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import select
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "corpus-html"
DEFAULT_DIRS = (SHARED / "ixbrl", SHARED / "pre-xbrl")
EDGARTOOLS_PYTHON = HERE / ".venv-edgartools" / "bin" / "python"
OUT = ROOT / "artifacts" / "edgartools-speed"
MODES = ("tieout", "parse", "release")
SIDE = {"tieout": "tieout", "parse": "edgartools", "release": "edgartools"}
LABEL = {"tieout": "tieout read+check", "parse": "edgartools parse_html + .tables",
         "release": "edgartools EarningsRelease.tables"}
TEN_K = re.compile(r"10-?k", re.IGNORECASE)
WARM_UP = """<html><body><p>Acme Corp reports results</p>
<p>(in thousands)</p>
<table>
<tr><td></td><td>2023</td><td>2022</td></tr>
<tr><td>Revenue</td><td>$ 1,200</td><td>$ 1,000</td></tr>
<tr><td>Cost of sales</td><td>(700)</td><td>(600)</td></tr>
<tr><td>Gross profit</td><td>500</td><td>400</td></tr>
</table></body></html>
"""


# --------------------------------------------------------------------------
# memory of this process (Linux /proc, else getrusage)


def memory() -> dict:
    """This process's resident set now and its peak (VmRSS, VmHWM), in bytes."""
    found = {}
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key, value = line.split(":")
                    found[key] = int(value.split()[0]) * 1024
    except OSError:
        pass
    if "VmHWM" not in found:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
        found = {"VmRSS": found.get("VmRSS", peak), "VmHWM": peak}
    return {"rss": found["VmRSS"], "peak": found["VmHWM"]}


# --------------------------------------------------------------------------
# the three modes (each runs inside its own side's worker)


def run_tieout(path: Path) -> tuple[dict, callable]:
    import tieout

    report = tieout.read(path)

    def counts() -> dict:
        fails = sum(c.status == "fail" for c in report.checks)
        return {"tables": len(report.tables), "facts": len(report.fact_records),
                "checks": len(report.checks), "fails": fails}

    return report, counts


def run_parse(path: Path) -> tuple[object, callable]:
    from edgar.documents import parse_html

    document = parse_html(path.read_bytes())  # the parser decodes bytes itself (UTF-8, replace)
    tables = document.tables or []
    return document, lambda: {"tables": len(tables)}


class _Attachment:
    """What ``EarningsRelease`` reads of an attachment: its content and its name."""

    def __init__(self, path: Path, content: bytes) -> None:
        self.document = path.name
        self.content = content


def run_release(path: Path) -> tuple[object, callable]:
    from edgar.earnings import EarningsRelease

    release = EarningsRelease(_Attachment(path, path.read_bytes()))
    if release.document is None:
        raise ValueError("EarningsRelease could not parse the document")
    tables = release.tables

    def counts() -> dict:
        values = 0
        for table in tables:
            # (columns may repeat a header, so the cells are taken as one array)
            values += sum(isinstance(v, float) and v == v for v in table.dataframe.to_numpy().ravel().tolist())
        return {"tables": len(tables), "financial": len(release.financial_tables), "values": values}

    return release, counts


RUNNERS = {"tieout": run_tieout, "parse": run_parse, "release": run_release}


def measure(mode: str, path: Path) -> dict:
    """One run of ``mode`` on ``path`` in this process: seconds, CPU seconds, counts, memory."""
    start_memory = memory()
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        result, counts = RUNNERS[mode](path)
    except Exception as exc:  # noqa: BLE001 - a tool's failure on a document is a figure
        return {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
    seconds, cpu_seconds = time.perf_counter() - wall, time.process_time() - cpu
    end_memory = memory()  # before counting: the peak is the tool's
    figures = {"wall": seconds, "cpu": cpu_seconds, "rss_start": start_memory["rss"],
               "rss_peak": end_memory["peak"]}
    try:
        figures.update(counts())
    except Exception as exc:  # noqa: BLE001 - the timing stands; the count is left out
        figures["count_error"] = f"{type(exc).__name__}: {str(exc)[:200]}"
    del result
    return figures


# --------------------------------------------------------------------------
# the worker: one per side, in that side's interpreter


def side_versions(side: str) -> dict:
    from importlib import metadata

    versions = {"python": sys.version.split()[0], "executable": sys.executable}
    if side == "tieout":
        import tieout

        versions["tieout"] = tieout.__version__
        versions["tieout_from"] = str(Path(tieout.__file__).resolve().parent)
    else:
        versions["edgartools"] = metadata.version("edgartools")
        versions["lxml"] = metadata.version("lxml")
    return versions


def run_child(mode: str, path: Path, timeout: float) -> dict:
    """``measure`` in a child forked from this process; the child's figures over a pipe."""
    parent_rss = memory()["rss"]
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, write one JSON object, leave without cleanup
        os.close(read_end)
        try:
            data = json.dumps(measure(mode, path)).encode()
        except BaseException as exc:  # noqa: BLE001 - the parent must always get an answer
            data = json.dumps({"error": f"{type(exc).__name__}: {exc}"}).encode()
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        os._exit(0)
    os.close(write_end)
    chunks, deadline = [], time.monotonic() + timeout
    with os.fdopen(read_end, "rb") as pipe:
        while True:
            left = deadline - time.monotonic()
            ready = select.select([pipe], [], [], max(left, 0))[0] if left > 0 else []
            if not ready:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return {"error": f"timeout after {timeout:.0f} s", "parent_rss": parent_rss}
            chunk = os.read(pipe.fileno(), 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    try:
        figures = json.loads(b"".join(chunks))
    except ValueError:
        figures = {"error": f"child died (wait status {status})"}
    figures["parent_rss"] = parent_rss
    return figures


def worker(side: str, out: Path) -> int:
    """Serve jobs ({"mode", "path"} per line on stdin) with one JSON line each on stdout."""
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # whatever a library prints goes to stderr, never into the protocol
    start = time.perf_counter()
    modes = [m for m in MODES if SIDE[m] == side]
    out.mkdir(parents=True, exist_ok=True)
    warm = out / f"warm-up-{os.getpid()}.html"
    warm.write_text(WARM_UP)
    try:
        warm_up = {mode: measure(mode, warm).get("error", "ok") for mode in modes}  # imports every stage
    finally:
        warm.unlink()
    hello = {"ready": side, "startup_seconds": time.perf_counter() - start, "warm_up": warm_up,
             "rss": memory()["rss"], "versions": side_versions(side)}
    protocol.write(json.dumps(hello) + "\n")
    for line in sys.stdin:
        job = json.loads(line)
        figures = run_child(job["mode"], Path(job["path"]), job.get("timeout", 600))
        protocol.write(json.dumps(figures) + "\n")
    return 0


def once(mode: str, path: Path) -> int:
    """One run in this fresh interpreter; the peak RSS includes the imports (stdout: JSON)."""
    figures = measure(mode, path)
    figures["fresh_peak"] = memory()["peak"]
    print(json.dumps(figures))
    return 0


# --------------------------------------------------------------------------
# the orchestrator (tieout's interpreter; it imports neither tool)


def side_command(side: str, args: argparse.Namespace) -> tuple[list[str], dict]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["PYTHONHASHSEED"] = "0"
    if side == "tieout":
        env["PYTHONPATH"] = str(ROOT)  # this checkout's tieout, whatever the venv installed
        python = args.tieout_python
    else:
        python = args.edgartools_python
    return [str(python), str(Path(__file__).resolve()), "--out", str(args.out)], env


class Worker:
    """A long-lived worker process of one side, fed jobs over stdin/stdout JSON lines."""

    def __init__(self, side: str, args: argparse.Namespace) -> None:
        command, env = side_command(side, args)
        args.out.mkdir(parents=True, exist_ok=True)
        self.log_path = args.out / f"worker-{side}.log"
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(command + ["--worker", side], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.log, env=env, text=True, bufsize=1)
        self.hello = self._answer()
        if "ready" not in self.hello:
            raise SystemExit(f"the {side} worker did not start: {self.hello.get('error')} (see {self.log_path})")

    def _answer(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            return {"error": f"worker exited (code {self.process.poll()})"}
        return json.loads(line)

    def run(self, mode: str, path: Path, timeout: float) -> dict:
        self.process.stdin.write(json.dumps({"mode": mode, "path": str(path), "timeout": timeout}) + "\n")
        return self._answer()

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def fresh_peak(mode: str, path: Path, args: argparse.Namespace) -> dict:
    """``mode`` on ``path`` in a fresh interpreter of its side: the exact peak, imports included."""
    command, env = side_command(SIDE[mode], args)
    try:
        done = subprocess.run(command + ["--once", mode, str(path)], capture_output=True, text=True, env=env,
                              timeout=args.timeout)
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (subprocess.TimeoutExpired, ValueError, IndexError) as exc:
        return {"error": f"fresh run failed: {type(exc).__name__}"}


def select_paths(given: list[Path], sample: int) -> list[Path]:
    """The documents: those given (files, or folders of ``.htm``/``.html``), by size; ``sample``
    keeps that many spread evenly over the sizes, the largest always among them."""
    paths: list[Path] = []
    for item in given or DEFAULT_DIRS:
        if item.is_dir():
            paths.extend(p for p in item.iterdir() if p.suffix.lower() in (".htm", ".html"))
        elif item.exists():
            paths.append(item)
        else:
            print(f"not found: {item}", file=sys.stderr)
    paths = sorted(set(paths), key=lambda p: (p.stat().st_size, p.name))
    if 0 < sample < len(paths):
        if sample == 1:
            return paths[-1:]
        step = (len(paths) - 1) / (sample - 1)
        paths = [paths[round(k * step)] for k in range(sample)]
    return paths


def grow(path: Path, megabytes: float, out_dir: Path = OUT) -> Path:
    """A copy of ``path`` of at least ``megabytes`` MB: its ``<body>`` content repeated, the last
    copy cut after the first ``</table>`` (or ``</div>``, ``</p>``) past the size."""
    data = path.read_bytes()
    lower = data.lower()
    open_at = lower.find(b"<body")
    start = lower.find(b">", open_at) + 1 if open_at >= 0 else 0
    end = lower.rfind(b"</body>")
    end = end if end > start else len(data)
    body, body_lower = data[start:end], lower[start:end]
    parts, size, target = [body], len(data), int(megabytes * 1e6)
    while size < target and body:
        need = target - size
        cut = len(body)
        if need < len(body):
            cuts = [at + len(tag) for tag in (b"</table>", b"</div>", b"</p>")
                    if (at := body_lower.find(tag, need)) >= 0]
            cut = min(cuts) if cuts else len(body)
        parts.append(body[:cut])
        size += cut
    out = out_dir / f"{path.stem}-grown-{megabytes:g}MB{path.suffix}"
    out_dir.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data[:start] + b"".join(parts) + data[end:])
    return out


def order(modes: list[str], document: int, round_: int) -> list[str]:
    """The modes of one round, rotated by document and round so no mode always runs first."""
    k = (document + round_) % len(modes)
    return modes[k:] + modes[:k]


def summarize(runs: list[dict], clock: str = "cpu") -> dict:
    """The median (and spread) of a mode's runs on one document; counts from the first good run.
    ``seconds`` is the median of ``clock`` ("cpu" or "wall"); both medians are kept."""
    good = [r for r in runs if "error" not in r]
    if not good:
        return {"error": runs[0].get("error", "no run") if runs else "no run"}
    seconds = [r[clock] for r in good]
    figures = {k: v for k, v in good[0].items() if k not in ("wall", "cpu", "rss_start", "rss_peak", "parent_rss")}
    figures.update({
        "seconds": statistics.median(seconds), "min": min(seconds), "max": max(seconds), "runs": len(good),
        "clock": clock, "cpu": statistics.median(r["cpu"] for r in good),
        "wall": statistics.median(r["wall"] for r in good),
        # what a fresh process would hold: the worker's RSS at the fork plus the child's growth
        "peak_mb": max(r["parent_rss"] + max(r["rss_peak"] - r["rss_start"], 0) for r in good) / 1e6,
        "child_peak_mb": max(r["rss_peak"] for r in good) / 1e6,
    })
    if len(good) < len(runs):
        figures["failed_runs"] = len(runs) - len(good)
    return figures


def ratio(a: dict, b: dict) -> float | None:
    if "seconds" in a and "seconds" in b and b["seconds"] > 0:
        return a["seconds"] / b["seconds"]
    return None


def totals(rows: list[dict], modes: list[str]) -> dict:
    """MB/s per mode over the documents every mode read; median ratios tieout / edgartools."""
    both = [r for r in rows if all("seconds" in r[m] for m in modes)]
    size = sum(r["bytes"] for r in both) / 1e6
    out: dict = {"documents": len(rows), "timed_by_every_mode": len(both), "megabytes": round(size, 2)}
    spent = {mode: sum(r[mode]["seconds"] for r in both) for mode in modes}
    for mode in modes:
        seconds = spent[mode]
        cpu = sum(r[mode]["cpu"] for r in both)
        wall = sum(r[mode]["wall"] for r in both)
        out[mode] = {"seconds": round(seconds, 2), "mb_per_s": round(size / seconds, 3) if seconds else None,
                     "cpu_mb_per_s": round(size / cpu, 3) if cpu else None,
                     "wall_mb_per_s": round(size / wall, 3) if wall else None,
                     "errors": sum("error" in r[mode] for r in rows)}
    for other in (m for m in modes if m != "tieout"):
        if "tieout" not in modes:
            break
        ratios = [ratio(r["tieout"], r[other]) for r in both]
        ten_k = [ratio(r["tieout"], r[other]) for r in both if r["ten_k"]]
        out[f"ratio_vs_{other}"] = {
            "median": round(statistics.median(ratios), 3) if ratios else None,
            "median_10k": round(statistics.median(ten_k), 3) if ten_k else None,
            "10k_documents": len(ten_k),
            "tieout_at_least_as_fast": sum(x <= 1 for x in ratios),
            "of": len(ratios),
            "total_seconds_ratio": round(spent["tieout"] / spent[other], 3) if spent[other] else None,
        }
    return out


# --------------------------------------------------------------------------
# printing


SHORT = {"tieout": "tieout", "parse": "et-parse", "release": "et-release"}


def cell(figures: dict, key: str, form: str) -> str:
    return format(figures[key], form) if key in figures else "ERR".rjust(len(format(0.0, form)))


def header(modes: list[str]) -> str:
    parts = [f"{'document':38} {'MB':>5}"]
    parts += [f"{SHORT[m] + ' s':>12}" for m in modes]
    parts += [f"{'t/' + SHORT[m][3:]:>8}" for m in modes if m != "tieout" and "tieout" in modes]
    parts += [f"{'tables ' + '/'.join(SHORT[m][0] if m == 'tieout' else SHORT[m][3] for m in modes):>14}"]
    parts += [f"{'peak MB ' + '/'.join(SHORT[m][0] if m == 'tieout' else SHORT[m][3] for m in modes):>18}"]
    return " ".join(parts)


def line(row: dict, modes: list[str]) -> str:
    name = row["document"] + (" *" if row["ten_k"] else "")
    parts = [f"{name[:38]:38} {row['bytes'] / 1e6:5.2f}"]
    parts += [f"{cell(row[m], 'seconds', '12.3f')}" for m in modes]
    for m in modes:
        if m != "tieout" and "tieout" in modes:
            x = ratio(row["tieout"], row[m])
            parts.append(f"{x:8.2f}" if x is not None else f"{'-':>8}")
    parts.append(f"{'/'.join(str(row[m].get('tables', '-')) for m in modes):>14}")
    parts.append(f"{'/'.join(format(row[m]['peak_mb'], '.0f') if 'peak_mb' in row[m] else '-' for m in modes):>18}")
    return " ".join(parts)


def print_report(report: dict) -> None:
    modes, rows = report["modes"], report["documents"]
    clock = "CPU seconds (process_time)" if report["clock"] == "cpu" else "wall-clock seconds (perf_counter)"
    print(f"\n{'=' * 20} tieout vs edgartools: {clock}, medians of {report['repeat']} alternated runs per "
          f"document, one job at a time")
    print(header(modes))
    for row in rows:
        print(line(row, modes))
        for m in modes:
            if "error" in row[m]:
                print(f"    {SHORT[m]}: {row[m]['error']}")
    print("-" * len(header(modes)))
    print("* = a 10-K (or 10-K405). t/parse, t/release = tieout seconds / edgartools seconds (below 1: tieout "
          "faster). tables: tieout's tables / edgartools TableNodes (every <table> it keeps, layout ones "
          "included) / EarningsRelease tables. peak MB: the worker's RSS at the fork + the child's growth, "
          "the largest of the runs")
    t = report["totals"]
    print(f"\ntotals over the {t['timed_by_every_mode']} documents every mode read ({t['megabytes']:.1f} MB):")
    for m in modes:
        print(f"  {LABEL[m]:34} {t[m]['seconds']:8.1f} {report['clock']} s  {t[m]['cpu_mb_per_s'] or 0:6.2f} MB/s "
              f"CPU  {t[m]['wall_mb_per_s'] or 0:6.2f} MB/s wall  errors {t[m]['errors']}")
    for m in modes:
        key = f"ratio_vs_{m}"
        if key in t:
            r = t[key]
            ten_k = f"{r['median_10k']:.2f}" if r["median_10k"] is not None else "-"
            print(f"  tieout / {SHORT[m]}: median ratio {r['median'] or 0:.2f} (10-Ks: {ten_k} over "
                  f"{r['10k_documents']}), total seconds ratio {r['total_seconds_ratio'] or 0:.2f}; tieout at least as "
                  f"fast on {r['tieout_at_least_as_fast']} of {r['of']}")
    for key, title in (("largest_10k", "largest HTML 10-K"), ("grown", "grown document")):
        row = report.get(key)
        if not row:
            continue
        print(f"\n{title}: {row['document']} ({row['bytes'] / 1e6:.2f} MB)")
        for m in modes:
            f = row[m]
            if "seconds" not in f:
                print(f"  {LABEL[m]:34} {f.get('error')}")
                continue
            fresh = row.get("fresh", {}).get(m, {})
            fresh_text = (f"; fresh interpreter peak {fresh['fresh_peak'] / 1e6:.0f} MB (imports included)"
                          if "fresh_peak" in fresh else "")
            extra = ", ".join(f"{k} {f[k]}" for k in ("tables", "financial", "values", "facts", "checks", "fails")
                              if k in f)
            print(f"  {LABEL[m]:34} median {f['seconds']:.2f} {f['clock']} s (runs {f['min']:.2f}-{f['max']:.2f}; "
                  f"wall {f['wall']:.2f} s), {row['bytes'] / 1e6 / f['seconds']:.2f} MB/s; {extra}; peak "
                  f"{f['peak_mb']:.0f} MB{fresh_text}")
    hello = report["workers"]
    print("\nversions: " + "; ".join(f"{side}: " + ", ".join(f"{k} {v}" for k, v in w["versions"].items()
                                                               if k != "executable") for side, w in hello.items()))
    print("startup (import + warm-up page, not in the timings): "
          + ", ".join(f"{side} {w['startup_seconds']:.2f} s, RSS {w['rss'] / 1e6:.0f} MB" for side, w in hello.items()))
    print(f"load average at start {report['load_start']}, at end {report['load_end']}; wall {report['wall']:.0f} s. "
          "The machine is shared: read the medians and the spread, not a single run.")


# --------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="HTML files or folders (default: the corpus-html folders)")
    parser.add_argument("--sample", type=int, default=0, metavar="N", help="N documents spread over the sizes")
    parser.add_argument("--repeat", type=int, default=3, metavar="R", help="runs per mode and document (median)")
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated, of {', '.join(MODES)}")
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu",
                        help="the seconds compared: CPU (default; a shared core's waits left out) or wall")
    parser.add_argument("--grow", type=float, default=5.0, metavar="MB",
                        help="also time the largest document grown to MB megabytes (0: no)")
    parser.add_argument("--timeout", type=float, default=600.0, metavar="S", help="per run (default 600 s)")
    parser.add_argument("--tieout-python", type=Path, default=Path(sys.executable))
    parser.add_argument("--edgartools-python", type=Path, default=EDGARTOOLS_PYTHON)
    parser.add_argument("--no-fresh", action="store_true", help="skip the fresh-interpreter memory runs")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every figure as JSON")
    parser.add_argument("--out", type=Path, default=OUT, metavar="DIR",
                        help=f"workers' logs, warm-up page and grown document (default {OUT.relative_to(ROOT)})")
    parser.add_argument("--worker", choices=("tieout", "edgartools"), help=argparse.SUPPRESS)
    parser.add_argument("--once", choices=MODES, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.once:
        return once(args.once, args.paths[0])
    if args.worker:
        return worker(args.worker, args.out)
    modes = [m for m in MODES if m in args.modes.split(",")]
    if not modes:
        print(f"--modes: choose from {', '.join(MODES)}", file=sys.stderr)
        return 2
    if any(SIDE[m] == "edgartools" for m in modes) and not args.edgartools_python.exists():
        print(f"edgartools environment not found at {args.edgartools_python}: run 'make bench-edgartools' "
              f"(or --edgartools-python)", file=sys.stderr)
        return 2
    paths = select_paths(args.paths, args.sample)
    if not paths:
        print("no HTML documents to time", file=sys.stderr)
        return 2
    jobs = [(p, False) for p in paths]
    if args.grow and paths[-1].stat().st_size < args.grow * 1e6:
        jobs.append((grow(paths[-1], args.grow, args.out), True))
    start, load_start = time.perf_counter(), os.getloadavg()
    workers = {side: Worker(side, args) for side in dict.fromkeys(SIDE[m] for m in modes)}
    rows, grown = [], None
    try:
        for index, (path, is_grown) in enumerate(jobs):
            runs: dict[str, list[dict]] = {m: [] for m in modes}
            for round_ in range(max(args.repeat, 1)):
                for mode in order(modes, index, round_):
                    runs[mode].append(workers[SIDE[mode]].run(mode, path, args.timeout))
            row = {"document": path.name, "path": str(path), "bytes": path.stat().st_size,
                   "ten_k": bool(TEN_K.search(path.name)), **{m: summarize(runs[m], args.clock) for m in modes}}
            print(line(row, modes) if index else header(modes) + "\n" + line(row, modes), flush=True)
            if is_grown:
                grown = row
            else:
                rows.append(row)
    finally:
        for w in workers.values():
            w.close()
    ten_ks = [r for r in rows if r["ten_k"]]
    largest_10k = max(ten_ks, key=lambda r: r["bytes"]) if ten_ks else None
    if not args.no_fresh:
        for row in (r for r in (max(rows, key=lambda r: r["bytes"]), largest_10k, grown) if r):
            if "fresh" not in row:
                row["fresh"] = {m: fresh_peak(m, Path(row["path"]), args) for m in modes}
    report = {"when": time.strftime("%Y-%m-%d %H:%M"), "repeat": max(args.repeat, 1), "modes": modes,
              "clock": args.clock,
              "documents": sorted(rows, key=lambda r: r["document"]), "totals": totals(rows, modes),
              "largest_10k": largest_10k, "grown": grown, "load_start": [round(x, 2) for x in load_start],
              "load_end": [round(x, 2) for x in os.getloadavg()], "wall": time.perf_counter() - start,
              "workers": {side: w.hello for side, w in workers.items()}}
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
