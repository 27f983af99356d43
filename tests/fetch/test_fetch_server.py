"""Fetching from a real HTTP server on 127.0.0.1 that serves an EDGAR-shaped tree, with faults:
the cache (a second run asks nothing), the rate limit measured at the server, retries on 429
(Retry-After) and 503, a connection dropped mid-file, slow answers, resume after a kill, offline
mode, the User-Agent rule, and the two listings (submissions JSON, quarterly full index)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import CORPUS, REPO
from tests.fetch.conftest import USER_AGENT, fast_settings
from tests.fetch.edgar_site import entry_of
from tieout.cli import main
from tieout.fetch import EdgarClient, Fetched, FetchFailure, fetch_company, make_request
from tieout.fetch.cache import part_path, url_to_path

TINY = "9999901"
TINY_ACCESSIONS = ["0009999901-97-000001", "0009999901-97-000002", "0009999901-97-000003",
                   "0009999901-98-000001"]  # oldest first: 8-K, 10-Q, 8-K/A, 10-K405


def archive(accession: str, cik: str = TINY) -> str:
    return f"/Archives/edgar/data/{cik}/{accession}.txt"


def tiny_request(output=None, **changes):
    values = dict(cik=TINY, date_from="1997", date_to="1998", output=output)
    values.update(changes)
    return make_request(**values)


def cli(server, cache, *args, user_agent=USER_AGENT):
    argv = ["fetch", "--base-url", server.url, "--cache", str(cache), *args]
    if user_agent is not None:
        argv += ["--user-agent", user_agent]
    return main(argv)


# -- the cache ---------------------------------------------------------------------


def test_fetch_then_a_second_run_makes_no_request(tiny_server, tiny_root, tmp_path):
    settings = fast_settings(tiny_server, tmp_path / "cache")
    first = fetch_company(tiny_request(tmp_path / "out"), settings)
    assert not first.failures and first.fetched == 4 and first.listed_from == "full-index"
    assert [p.name for p in first.paths] == [f"{a}.txt" for a in TINY_ACCESSIONS]
    for path in first.paths:  # byte for byte what the server holds, under OUT/CIK/
        assert path.parent == tmp_path / "out" / TINY
        assert path.read_bytes() == (tiny_root / archive(path.stem).lstrip("/")).read_bytes()
    assert {hit.user_agent for hit in tiny_server.hits} == {USER_AGENT}  # every request says who asks
    assert tiny_server.count(archive("0009999902-97-000001", "9999902")) == 0  # another company's filing
    tiny_server.reset()
    second = fetch_company(tiny_request(tmp_path / "out"), settings)
    assert tiny_server.count() == 0  # counted at the server: not one request
    assert second.cached == 4 and second.fetched == 0 and second.paths == first.paths


def test_forms_select_and_the_rest_are_named(tiny_server, tmp_path):
    settings = fast_settings(tiny_server, tmp_path / "cache")
    summary = fetch_company(tiny_request(forms="8-K"), settings)
    assert [p.stem for p in summary.paths] == ["0009999901-97-000001", "0009999901-97-000003"]  # 8-K/A too
    assert summary.unasked == {"10-K405": 1, "10-Q": 1}
    assert tiny_server.count(archive("0009999901-97-000002")) == 0


def test_a_listing_that_may_change_is_asked_again_after_max_age(corpus_server, tmp_path):
    settings = fast_settings(corpus_server, tmp_path / "cache", max_age=3600)
    request = make_request(cik="1001426", date_from="2007", date_to="2007")
    fetch_company(request, settings)
    json_path = "/submissions/CIK0001001426.json"
    cached = url_to_path(settings.cache_dir, corpus_server.url + json_path)
    corpus_server.reset()
    fetch_company(request, settings)
    assert corpus_server.count() == 0
    os.utime(cached, (time.time() - 7200, time.time() - 7200))  # fetched two hours ago
    fetch_company(request, settings)
    assert [hit.path for hit in corpus_server.hits] == [json_path]  # the JSON again, no filing again


# -- the rate limit ----------------------------------------------------------------


def test_at_most_ten_requests_a_second_at_the_server(tiny_server, tiny_root, tmp_path):
    settings = fast_settings(tiny_server, tmp_path / "cache", rate=10.0)
    urls = sorted(tiny_server.url + "/" + str(p.relative_to(tiny_root)) for p in tiny_root.rglob("*") if p.is_file())
    urls += [f"{tiny_server.url}/Archives/missing-{i}.txt" for i in range(25 - len(urls))]
    assert len(urls) == 25
    started = time.monotonic()
    with EdgarClient(settings) as client:
        results = [client.get(url) for url in urls]
    elapsed = time.monotonic() - started
    assert sum(isinstance(r, Fetched) for r in results) == 22
    at = [hit.at for hit in tiny_server.hits]
    assert len(at) == 25
    # no 1-second window holds more than 10 requests (0.1 s allowed for their travel on a busy machine),
    # 10 a second on average, and not much slower than that
    assert min(at[i + 10] - at[i] for i in range(len(at) - 10)) >= 0.9
    assert (len(at) - 1) / (at[-1] - at[0]) <= 10.2
    assert 2.35 <= elapsed < 2.4 + 2.0


# -- retries -----------------------------------------------------------------------


def test_429_waits_for_retry_after(tiny_server, tmp_path):
    path = archive(TINY_ACCESSIONS[0])
    tiny_server.faults[path] = [("status", 429, {"Retry-After": "1"})]
    with EdgarClient(fast_settings(tiny_server, tmp_path / "cache", backoff=0.01)) as client:
        result = client.get(tiny_server.url + path)
    assert isinstance(result, Fetched) and not result.from_cache
    hits = [hit for hit in tiny_server.hits if hit.path == path]
    assert [hit.status for hit in hits] == [429, 200]
    assert hits[1].at - hits[0].at >= 0.95  # the server's 1 s, not the 0.01 s back-off


def test_a_retry_after_longer_than_the_longest_back_off_is_not_waited(tiny_server, tmp_path):
    path = archive(TINY_ACCESSIONS[0])
    tiny_server.faults[path] = [("status", 429, {"Retry-After": "600"})]
    with EdgarClient(fast_settings(tiny_server, tmp_path / "cache", max_backoff=2)) as client:
        result = client.get(tiny_server.url + path)
    assert isinstance(result, FetchFailure) and result.status == 429
    assert "asks to wait 600 s" in result.message and tiny_server.count(path) == 1


def test_503_backs_off_doubling_then_succeeds(tiny_server, tmp_path):
    path = archive(TINY_ACCESSIONS[0])
    tiny_server.faults[path] = [("status", 503), ("status", 503)]
    with EdgarClient(fast_settings(tiny_server, tmp_path / "cache", backoff=0.1)) as client:
        result = client.get(tiny_server.url + path)
    assert isinstance(result, Fetched)
    at = [hit.at for hit in tiny_server.hits if hit.path == path]
    assert len(at) == 3 and at[1] - at[0] >= 0.09 and at[2] - at[1] >= 0.19


def test_a_filing_that_keeps_failing_is_listed_and_the_batch_goes_on(tiny_server, tmp_path):
    bad = TINY_ACCESSIONS[1]
    tiny_server.faults[archive(bad)] = [("status", 503)] * 10
    summary = fetch_company(tiny_request(), fast_settings(tiny_server, tmp_path / "cache", retries=2))
    assert tiny_server.count(archive(bad)) == 3  # the first try and two retries
    assert summary.failed_filings() == [bad] and summary.fetched == 3
    (what, message), = summary.failures
    assert "HTTP 503" in message and "3 tries" in message and "run again" in message
    assert not url_to_path(tmp_path / "cache", tiny_server.url + archive(bad)).exists()


def test_the_command_exits_1_and_lists_the_failed_accessions(tiny_server, tmp_path, capsys):
    bad = TINY_ACCESSIONS[2]
    tiny_server.faults[archive(bad)] = [("status", 404)]
    code = cli(tiny_server, tmp_path / "cache", "--cik", TINY, "--from", "1997", "--to", "1998",
               "-o", str(tmp_path / "out"))
    out, err = capsys.readouterr()
    assert code == 1
    assert len(out.splitlines()) == 3  # the three filings on disk, one path a line
    failure_lines = [line for line in err.splitlines() if bad in line]
    assert failure_lines[0].startswith(f"tieout fetch: {bad}: HTTP 404")  # one line when it happened
    assert "not fetched: " + bad in failure_lines[-1]  # and listed at the end
    assert "Traceback" not in err


# -- broken transfers --------------------------------------------------------------


def test_a_connection_dropped_mid_file_is_retried_and_never_kept_short(tiny_server, tiny_root, tmp_path):
    path = archive(TINY_ACCESSIONS[0])
    tiny_server.faults[path] = [("drop", 100)]
    with EdgarClient(fast_settings(tiny_server, tmp_path / "cache")) as client:
        result = client.get(tiny_server.url + path)
    assert isinstance(result, Fetched)
    assert result.path.read_bytes() == (tiny_root / path.lstrip("/")).read_bytes()
    assert tiny_server.count(path) == 2


def test_a_connection_dropped_every_time_leaves_no_file(tiny_server, tmp_path):
    path = archive(TINY_ACCESSIONS[0])
    tiny_server.faults[path] = [("drop", 100)] * 10
    with EdgarClient(fast_settings(tiny_server, tmp_path / "cache", retries=1)) as client:
        result = client.get(tiny_server.url + path)
    assert isinstance(result, FetchFailure)
    assert "connection dropped after 100 of" in result.message and "2 tries" in result.message
    target = url_to_path(tmp_path / "cache", tiny_server.url + path)
    assert not target.exists() and not part_path(target).exists()


def test_a_slow_answer_is_waited_for_and_a_silent_one_times_out(tiny_server, tmp_path):
    slow, silent = archive(TINY_ACCESSIONS[0]), archive(TINY_ACCESSIONS[1])
    tiny_server.faults[slow] = [("slow", 0.4)]
    tiny_server.faults[silent] = [("slow", 1.5)] * 2
    with EdgarClient(fast_settings(tiny_server, tmp_path / "cache", timeout=1.0, retries=1)) as client:
        assert isinstance(client.get(tiny_server.url + slow), Fetched)
        result = client.get(tiny_server.url + silent)
    assert isinstance(result, FetchFailure) and "no answer within 1 s" in result.message
    assert tiny_server.count(silent) == 2


# -- resume after a kill -------------------------------------------------------------


def test_a_run_killed_mid_file_resumes_and_never_takes_the_part_for_the_whole(tiny_server, tiny_root, tmp_path):
    cache = tmp_path / "cache"
    slow = archive(TINY_ACCESSIONS[2])
    tiny_server.faults[slow] = [("trickle", 200, 0.3)]
    target = url_to_path(cache, tiny_server.url + slow)
    env = dict(os.environ, PYTHONPATH=str(REPO), TIEOUT_USER_AGENT=USER_AGENT)
    proc = subprocess.Popen([sys.executable, "-m", "tieout", "fetch", "--cik", TINY, "--from", "1997",
                             "--to", "1998", "--base-url", tiny_server.url, "--cache", str(cache), "-q"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if part_path(target).exists() and part_path(target).stat().st_size >= 200:
                break
            time.sleep(0.05)
        else:
            pytest.fail("the download of the trickled file never started")
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    whole = (tiny_root / slow.lstrip("/")).read_bytes()
    assert not target.exists()  # killed mid-file: only the .part, never a short file under the name
    assert 0 < part_path(target).stat().st_size < len(whole)
    tiny_server.reset()
    summary = fetch_company(tiny_request(), fast_settings(tiny_server, cache))
    assert not summary.failures and summary.cached == 2 and summary.fetched == 2
    assert [hit.path for hit in tiny_server.hits] == [slow, archive(TINY_ACCESSIONS[3])]  # only what was missing
    assert target.read_bytes() == whole and not part_path(target).exists()


def test_a_leftover_part_file_is_not_a_download(tiny_server, tiny_root, tmp_path):
    path = archive(TINY_ACCESSIONS[0])
    target = url_to_path(tmp_path / "cache", tiny_server.url + path)
    target.parent.mkdir(parents=True)
    part_path(target).write_bytes(b"<SEC-DOCUMENT>half a fil")
    with EdgarClient(fast_settings(tiny_server, tmp_path / "cache")) as client:
        result = client.get(tiny_server.url + path)
    assert isinstance(result, Fetched) and not result.from_cache
    assert target.read_bytes() == (tiny_root / path.lstrip("/")).read_bytes()


# -- offline -------------------------------------------------------------------------


def test_offline_uses_only_the_cache(tiny_server, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("TIEOUT_USER_AGENT", raising=False)
    cache = tmp_path / "cache"
    assert cli(tiny_server, cache, "--cik", TINY, "--from", "1997", "--to", "1998", "-q") == 0
    online = capsys.readouterr().out
    tiny_server.reset()
    # offline needs no User-Agent, since it makes no request
    assert cli(tiny_server, cache, "--cik", TINY, "--from", "1997", "--to", "1998", "--offline",
               user_agent=None) == 0
    assert capsys.readouterr().out == online and tiny_server.count() == 0
    gone = TINY_ACCESSIONS[1]
    url_to_path(cache, tiny_server.url + archive(gone)).unlink()
    assert cli(tiny_server, cache, "--cik", TINY, "--from", "1997", "--to", "1998", "--offline",
               user_agent=None) == 1
    err = capsys.readouterr().err
    assert f"tieout fetch: {gone}: not in the cache" in err and "run without --offline" in err
    assert tiny_server.count() == 0


def test_offline_with_an_empty_cache_names_what_is_missing(tiny_server, tmp_path, capsys):
    code = cli(tiny_server, tmp_path / "empty", "--cik", TINY, "--from", "1997", "--to", "1997", "--offline")
    err = capsys.readouterr().err
    assert code == 1 and tiny_server.count() == 0
    missing = [line for line in err.splitlines() if line.startswith("tieout fetch: http") and "not in the cache" in line]
    assert len(missing) == 4  # the four quarters' indexes, one line each
    assert "full-index/1997/QTR1/company.idx" in err and "run without --offline" in err


# -- the User-Agent rule and other usage errors ----------------------------------------


@pytest.mark.parametrize("user_agent", [None, "", "tieout-bot/1.0"])
def test_no_user_agent_no_request(tiny_server, tmp_path, capsys, monkeypatch, user_agent):
    monkeypatch.delenv("TIEOUT_USER_AGENT", raising=False)
    code = cli(tiny_server, tmp_path / "cache", "--cik", TINY, user_agent=user_agent)
    err = capsys.readouterr().err
    assert code == 2 and tiny_server.count() == 0
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "User-Agent" in err and "--user-agent 'Jane Doe jane@example.com'" in err and "TIEOUT_USER_AGENT" in err


def test_the_user_agent_from_the_environment(tiny_server, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TIEOUT_USER_AGENT", "Env Person env@example.org")
    assert cli(tiny_server, tmp_path / "cache", "--cik", TINY, "--from", "1997-04", "--to", "1997-04",
               user_agent=None) == 0
    assert {hit.user_agent for hit in tiny_server.hits} == {"Env Person env@example.org"}
    assert capsys.readouterr().out.strip().endswith("0009999901-97-000001.txt")


@pytest.mark.parametrize("args, message", [
    (["--cik", "hecla"], "a CIK is a number"),
    (["--from", "1998"], "say which company"),
    (["--cik", TINY, "--from", "1999", "--to", "1997"], "is after --to"),
    (["--ticker", "NOPE", "--from", "1997"], "not in the SEC's list of current tickers"),
])
def test_bad_usage_is_one_line_and_exit_2(tiny_server, tmp_path, capsys, args, message):
    code = cli(tiny_server, tmp_path / "cache", *args)
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_a_ticker_is_looked_up(tiny_server, tmp_path):
    summary = fetch_company(make_request(ticker="tiny", date_from="1998", date_to="1998"),
                            fast_settings(tiny_server, tmp_path / "cache"))
    assert summary.cik == TINY and [p.stem for p in summary.paths] == ["0009999901-98-000001"]


def test_a_quarter_whose_index_fails_is_a_failure_and_the_rest_goes_on(tiny_server, tmp_path):
    broken = "/Archives/edgar/full-index/1997/QTR2/company.idx"
    tiny_server.faults[broken] = [("status", 503)] * 10
    summary = fetch_company(tiny_request(), fast_settings(tiny_server, tmp_path / "cache", retries=1))
    assert [what for what, _ in summary.failures] == [tiny_server.url + broken]
    assert "1997 QTR2 are missing" in summary.failures[0][1]
    assert [p.stem for p in summary.paths] == [TINY_ACCESSIONS[3]]  # the three of 1997 QTR2 unknown


# -- the two listings, on the corpus ---------------------------------------------------


def test_the_submissions_json_and_its_older_page(corpus_server, tmp_path):
    settings = fast_settings(corpus_server, tmp_path / "cache")
    recent = fetch_company(make_request(cik="1001426", date_from="2007"), settings)
    assert recent.listed_from == "submissions" and len(recent.paths) == 2
    assert corpus_server.count("/submissions/CIK0001001426-submissions-001.json") == 0  # before its range
    everything = fetch_company(make_request(cik="1001426", forms="8-K"), settings)
    assert corpus_server.count("/submissions/CIK0001001426-submissions-001.json") == 1
    pericom = sorted((entry_of(p.read_bytes()) for p in (CORPUS / "8-k").glob("1001426_*")),
                     key=lambda e: (e.filed, e.accession))
    assert [p.stem for p in everything.paths] == [e.accession for e in pericom]  # all 16, oldest first
    assert len(pericom) == 16
    assert not any("full-index" in hit.path for hit in corpus_server.hits)
    # the quarterly full index names the same filings (the test site's indexes span 1994-2008)
    by_index = fetch_company(make_request(cik="1001426", forms="8-K", date_from="1994", date_to="2008"),
                             fast_settings(corpus_server, tmp_path / "cache2", index="full-index"))
    assert by_index.listed_from == "full-index" and not by_index.failures
    assert by_index.paths == [tmp_path / "cache2" / p.relative_to(tmp_path / "cache") for p in everything.paths]


def test_the_full_index_when_there_is_no_json(corpus_server, tmp_path):
    summary = fetch_company(make_request(cik="320193", forms="10-K", date_from="1995", date_to="1997",
                                         output=tmp_path / "apple"), fast_settings(corpus_server, tmp_path / "c"))
    assert summary.listed_from == "full-index" and summary.company == "APPLE COMPUTER INC"
    assert summary.unasked == {} and not summary.failures  # the 424B5 is from 1994
    for path in summary.paths:
        assert path.read_bytes() == (CORPUS / "aapl-10k" / path.name).read_bytes()
    assert len(summary.paths) == 3
    prospectus = fetch_company(make_request(cik="320193", forms="10-K", date_from="1994", date_to="1994"),
                               fast_settings(corpus_server, tmp_path / "c"))
    assert prospectus.selected == [] and prospectus.unasked == {"424B5": 1}


# -- progress ----------------------------------------------------------------------------


def test_the_progress_bar_on_a_terminal(tiny_server, tmp_path):
    import io

    from rich.console import Console

    from tieout.fetch.progress import PlainProgress, RichProgress

    tiny_server.faults[archive(TINY_ACCESSIONS[1])] = [("status", 404)]
    screen = io.StringIO()
    progress = RichProgress(Console(file=screen, force_terminal=True, width=160))
    fetch_company(tiny_request(), fast_settings(tiny_server, tmp_path / "cache"), progress)
    progress.close()
    shown = screen.getvalue()
    assert "4/4" in shown and "files" in shown and "kB/s" in shown and "1 failed" in shown
    assert f"tieout fetch: {TINY_ACCESSIONS[1]}: HTTP 404" in shown
    lines = io.StringIO()
    fetch_company(tiny_request(), fast_settings(tiny_server, tmp_path / "cache"), PlainProgress(lines))
    assert "fetch: 4 filings to get" in lines.getvalue() and "fetch: 4/4 filings" in lines.getvalue()


def test_an_output_or_cache_that_is_a_file_is_usage(tiny_server, tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    assert cli(tiny_server, tmp_path / "cache", "--cik", TINY, "-o", str(tmp_path / "file")) == 2
    assert cli(tiny_server, tmp_path / "file", "--cik", TINY) == 2
    err = capsys.readouterr().err
    assert "not a folder" in err and tiny_server.count() == 0
