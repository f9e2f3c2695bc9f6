"""The ``timtin`` command: thin wrappers over the core.

Each command parses its options, calls one core function and prints. Core errors
(:mod:`indexer.errors`) become ``click`` errors with the core's message.

Exit codes of ``index`` and ``reindex``: 0 when every article was read, 3 when
the run finished but skipped some input (each named above the summary), 1 on an
error that stopped the run (nothing was changed then).
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
from pathlib import Path

import click

from indexer import abbreviations, bundled, fetching, indexing, parsing
from indexer.errors import TimtinError
from indexer.officials import Curated
from indexer.models import IndexReport, Problem
from indexer.query import describe_text
from indexer.searching import SORTS, SearchRequest, Searcher

DEFAULT_INDEX = "var/index"
EXIT_SKIPPED = 3

index_option = click.option(
    "--index", "index_dir", envvar="TIMTIN_INDEX", default=DEFAULT_INDEX, show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Index folder (or set TIMTIN_INDEX).",
)



officials_option = click.option(
    "--officials", "officials_file", envvar="TIMTIN_OFFICIALS", default=None,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Hand-kept officials list (CSV: name,aliases,titles); default: the one bundled with timtin.",
)


def _fail(err: TimtinError) -> click.ClickException:
    return click.ClickException(_shown(str(err)))


def _os_fail(err: OSError, index_dir: Path) -> click.ClickException:
    """A system error the core did not foresee: one line, not a traceback."""
    where = err.filename or index_dir
    return click.ClickException(_shown(f"{where}: {err.strerror or err}; nothing was changed in {index_dir}. "
                                       "Check that the index folder is writable and the disk is healthy, "
                                       "then run again"))


# Control characters (ESC starts a terminal escape sequence, \x9b is CSI on some
# terminals) are shown as \xNN, so article text can never drive the terminal.
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


DEFAULT_PROCS = max(1, min(32, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


def _shown(text: str) -> str:
    """Text from articles, safe to print on a terminal."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


def _json_line(data) -> str:
    """One JSON object; C1 controls escaped too (json escapes only C0)."""
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m[0]):04x}", json.dumps(data, ensure_ascii=False))


def _abbreviations():
    """The abbreviations table: TIMTIN_ABBREVIATIONS, else the bundled data/abbreviations.tsv."""
    path = os.environ.get("TIMTIN_ABBREVIATIONS")
    try:
        return abbreviations.load_default(Path(path) if path else None)
    except TimtinError as err:
        raise _fail(err)


def _curated(path: Path | None) -> Curated | None:
    if path is None:
        path = bundled.path("officials.csv")
    if path is None:
        return None
    try:
        return Curated.load(path)
    except TimtinError as err:
        raise _fail(err)


@click.group()
@click.version_option(package_name="timtin")
def cli() -> None:
    """timtin: full-text search over Vietnamese local news."""


class _Bar:
    """A progress bar on a terminal, silence elsewhere."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar = None
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _report(report: IndexReport, exit_on_skip: bool = True) -> None:
    for note in report.notes:
        click.echo(_shown(note), err=True)
    for problem in report.problems:
        _print_problem(problem)
    click.echo(
        f"Added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
        f"removed {report.removed}, skipped {report.skipped}."
    )
    if report.skipped:
        click.echo(f"{report.skipped} input(s) skipped; see the messages above.", err=True)
        if exit_on_skip:
            sys.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@index_option
@click.option("--procs", default=DEFAULT_PROCS, show_default=True, type=click.IntRange(1, 32),
              help="Processes to use (default: the machine's cores).")
@click.option("--wait", is_flag=True, help="Wait for another indexer to finish instead of failing.")
@officials_option
def index(paths: tuple[Path, ...], index_dir: Path, procs: int, wait: bool, officials_file: Path | None) -> None:
    """Add new and changed articles under PATHS (.txt, .jsonl, .html, folders) to the index.

    Articles whose file left a folder indexed again are removed. Exit code 3
    means some input was skipped (each named above the summary).

    \b
        timtin index data/
        timtin index archive/2021 feeds/lso.jsonl --procs 2
    """
    bar = _Bar("Indexing")
    try:
        report = indexing.update(
            index_dir, list(paths), procs=procs, progress=bar, wait=wait, curated=_curated(officials_file)
        )
    except TimtinError as err:
        raise _fail(err)
    except OSError as err:
        raise _os_fail(err, index_dir)
    finally:
        bar.close()
    _report(report)


@cli.command()
@index_option
@click.option("--procs", default=DEFAULT_PROCS, show_default=True, type=click.IntRange(1, 32),
              help="Processes to use (default: the machine's cores).")
@click.option("--wait", is_flag=True, help="Wait for another indexer to finish instead of failing.")
@click.option("--drop-missing", is_flag=True, help="Rebuild even if some recorded sources are gone.")
@officials_option
def reindex(index_dir: Path, procs: int, wait: bool, drop_missing: bool, officials_file: Path | None) -> None:
    """Rebuild the whole index from its recorded sources, then swap it in.

    Searches keep answering from the old index until the new one is complete;
    an interrupted reindex leaves the old index as it was.
    """
    bar = _Bar("Reindexing")
    try:
        report = indexing.reindex(
            index_dir, procs=procs, progress=bar, wait=wait, drop_missing=drop_missing,
            curated=_curated(officials_file),
        )
    except TimtinError as err:
        raise _fail(err)
    except OSError as err:
        raise _os_fail(err, index_dir)
    finally:
        bar.close()
    _report(report)


@cli.command()
@click.argument("urls", nargs=-1, required=True)
@index_option
@click.option("--pages", "pages_dir", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="Where the raw pages are kept (default: beside the index, var/index-pages for var/index).")
@click.option("--every", default=None, metavar="INTERVAL", help="Fetch again on a schedule: 15m, 2h, 1d.")
@click.option("--delay", default=1.0, show_default=True, type=click.FloatRange(0, 600),
              help="Seconds between two requests to one host (robots.txt's Crawl-delay when longer).")
@click.option("--timeout", default=20.0, show_default=True, type=click.FloatRange(0.1, 600),
              help="Seconds to wait for an answer.")
@click.option("--retries", default=2, show_default=True, type=click.IntRange(0, 10),
              help="Further tries after a timeout, a connection error, 429 or 5xx (waiting 2 s, 4 s...).")
@click.option("--max-pages", default=None, type=click.IntRange(1), help="Download at most this many pages a run.")
@click.option("--user-agent", default=fetching.USER_AGENT, show_default=False,
              help="How requests name themselves (default: timtin/VERSION and what it obeys).")
@click.option("--procs", default=1, show_default=True, type=click.IntRange(1, 32),
              help="Processes for the indexing that follows.")
@click.option("--wait", is_flag=True, help="Wait for another fetch or indexer to finish instead of failing.")
@officials_option
def fetch(urls, index_dir, pages_dir, every, delay, timeout, retries, max_pages, user_agent, procs, wait,
          officials_file):
    """Download the articles that feeds, sitemaps or page URLs list, keep them, index them.

    URLS are RSS/Atom feeds, sitemaps (or sitemap indexes) and article pages. Pages
    already saved are not downloaded again unless their feed or sitemap gives a newer
    date; feeds and sitemaps are asked conditionally (ETag, Last-Modified). An
    interrupted run (Ctrl-C, kill -9) loses nothing: run it again to resume. The raw
    pages stay on disk (--pages), so `timtin reindex` needs no network. Exit code 3
    means some pages or feeds failed or were skipped as unreadable (each named).

    \b
        timtin fetch https://baolangson.vn/rss/thoi-su.rss
        timtin fetch https://example.vn/sitemap.xml --every 15m
    """
    import time as time_mod

    try:
        interval = fetching.parse_every(every) if every else None
    except TimtinError as err:
        raise _fail(err)
    options = fetching.Options(delay=delay, timeout=timeout, retries=retries, max_pages=max_pages,
                               user_agent=user_agent)
    folder = pages_dir or fetching.default_pages_folder(index_dir)
    curated = _curated(officials_file)
    while True:
        started = time_mod.monotonic()
        try:
            report, indexed = fetching.run(list(urls), index_dir, folder, options,
                                           log=lambda line: click.echo(_shown(line), err=True),
                                           wait=wait, procs=procs, curated=curated)
        except TimtinError as err:
            raise _fail(err)
        except OSError as err:
            raise _os_fail(err, index_dir)
        except KeyboardInterrupt:
            click.echo(f"Interrupted: the pages saved so far are in {folder}; run the command again to go on.",
                       err=True)
            sys.exit(130)
        for note in report.notes:
            click.echo(f"warning: {_shown(note)}", err=True)
        for url, why in report.failed:
            click.echo(f"failed: {_shown(url)}: {_shown(why)}", err=True)
        skipped_why: dict[str, int] = {}
        for _, why in report.skipped:
            skipped_why[why] = skipped_why.get(why, 0) + 1
        for why, n in sorted(skipped_why.items()):
            click.echo(f"skipped {n}: {_shown(why)}", err=True)
        click.echo(report.summary() + f" Pages kept in {folder}.")
        if interval is None:
            _report(indexed, exit_on_skip=False)
            sys.exit(EXIT_SKIPPED if (report.failed or indexed.skipped) else 0)
        _report(indexed, exit_on_skip=False)
        pause = max(0.0, interval - (time_mod.monotonic() - started))
        try:  # the line is inside: a Ctrl-C once it is shown stops cleanly
            click.echo(f"Next fetch in {pause / 60:.0f} min (Ctrl-C to stop).", err=True)
            time_mod.sleep(pause)
        except KeyboardInterrupt:
            click.echo("Stopped.", err=True)
            return


def _terminal(snippet: str) -> str:
    """HTML snippet to terminal text: <mark> in bold, control characters shown as \\xNN."""
    parts = re.split(r"(<mark>.*?</mark>)", snippet)
    out = []
    for part in parts:
        if part.startswith("<mark>"):
            out.append(click.style(_shown(html.unescape(part[6:-7])), bold=True))
        else:
            out.append(_shown(html.unescape(part)))
    return "".join(out)


@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1, type=click.UNPROCESSED)
@index_option
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Articles on or after this day.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Articles on or before this day.")
@click.option("--year", metavar="YYYY", help="Articles of this year.")
@click.option("--month", metavar="YYYY-MM", help="Articles of this month.")
@click.option("--official", "officials", multiple=True, metavar="NAME",
              help="Articles naming this official (accents optional); repeat for several.")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True)
@click.option("--page", default="1", show_default=True)
@click.option("--per-page", default="10", show_default=True)
@click.option("--verbatim", is_flag=True,
              help="When nothing matches, say so instead of showing the suggestion's results.")
@click.option("--all-copies", is_flag=True,
              help="Show each copy of a story as a result of its own (by default a story shows once).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def search(query, index_dir, date_from, date_to, year, month, officials, sort, page, per_page, verbatim, all_copies,
           as_json):
    """Search the index. QUERY: words, "quoted phrases", -excluded, OR.

    \b
        timtin search dan van
        timtin search '"tỉnh ủy"' --year 2021 --official "hoang van nghiem"
    """
    params = {
        "q": " ".join(query), "from": date_from, "to": date_to, "year": year, "month": month,
        "official": list(officials), "sort": sort, "page": page, "per_page": per_page,
        "verbatim": "1" if verbatim else "",
        "group": "0" if all_copies else "1",
    }
    try:
        request = SearchRequest.from_params(params)
        result = Searcher(index_dir, _abbreviations()).search(request)
    except TimtinError as err:
        raise _fail(err)
    if as_json:
        click.echo(_json_line(result.to_json()))
        return
    first = (result.page - 1) * result.per_page + 1
    last = first + len(result.hits) - 1
    if result.total == 0:
        click.echo(f"No articles match ({result.took_ms:.0f} ms).")
    elif not result.hits:
        click.echo(f"{result.total} {_unit(result)}; page {result.page} is past the last page ({result.pages}).")
    else:
        click.echo(f"{result.total} {_unit(result)}, showing {first}-{last} ({result.took_ms:.0f} ms)")
    if result.corrected:
        click.echo(f"Nothing matches {_shown(' '.join(query))!r}; showing results for: {_shown(result.corrected)} "
                   "(--verbatim to search exactly as typed)")
    if result.suggestion:
        click.echo(f"Did you mean: {_shown(result.suggestion)}")
    if result.reading.get("alternatives"):
        click.echo(f"Read as: {_shown(describe_text(result.reading))}")
    click.echo()
    for hit in result.hits:
        when = hit.date.isoformat() if hit.date else "no date"
        click.echo(f"{click.style(_terminal(hit.title_html), bold=True)}  [{when}]  {_shown(hit.id)}")
        if hit.officials:
            click.echo("  " + _shown("; ".join(hit.officials)))
        click.echo("  " + _terminal(hit.snippet))
        if hit.copies:
            click.echo(f"  {len(hit.copies)} bản đăng lại (republished): " + "; ".join(
                _shown(f"{c.outlet or c.title} {c.date.isoformat() if c.date else 'no date'} {c.id}") for c in hit.copies))
        click.echo()


def _unit(result) -> str:
    """What a search's total counts: stories, when copies were grouped (issue #15)."""
    if result.grouped and result.articles != result.total:
        return f"stories ({result.articles} articles; copies of one story count once, --all-copies to list each)"
    return "articles"


def _print_problem(problem: Problem) -> None:
    click.echo(f"{'skipped' if problem.skipped else 'warning'}: {_shown(str(problem))}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")
@officials_option
def parse(paths: tuple[Path, ...], as_json: bool, officials_file: Path | None) -> None:
    """Show articles as timtin reads them, without indexing.

    \b
        timtin parse data/2021/dan-van.txt --json
    """
    skipped = 0
    for item in parsing.read_paths(paths, curated=_curated(officials_file)):
        if isinstance(item, Problem):
            _print_problem(item)
            skipped += item.skipped
            continue
        data = item.to_json()
        if as_json:
            click.echo(_json_line(data))
            continue
        click.echo(click.style(_shown(data["title"]), bold=True) + f"  [{data['date'] or 'no date'}]  {_shown(data['id'])}")
        if data["author"]:
            click.echo(f"  by {_shown(data['author'])}")
        for official in data["officials"]:
            click.echo(_shown(f"  {official['name']}: {'; '.join(official['titles'])}"))
        click.echo(f"  {len(data['body'])} characters, {len(data['captions'])} captions\n")
    if skipped:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@index_option
@click.option("--query", "text", default="", help="Officials whose name starts so (accents optional).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10000))
@click.option("--json", "as_json", is_flag=True, help="One JSON array.")
def officials(index_dir: Path, text: str, limit: int, as_json: bool) -> None:
    """Officials named in the archive, with article counts and their titles.

    \b
        timtin officials --limit 10
        timtin officials --query "hoang van"
    """
    try:
        found = Searcher(index_dir).officials(text, limit)
    except TimtinError as err:
        raise _fail(err)
    if as_json:
        click.echo(_json_line([o.to_json() for o in found]))
        return
    if not found:
        click.echo(f'No official matches "{text}".' if text else "No officials in the index.")
    for person in found:
        titles = "; ".join(t.value for t in person.titles[:3])
        click.echo(_shown(f"{person.count:>6}  {person.name}" + (f"  ({titles})" if titles else "")))


@cli.command()
@index_option
@click.option("--json", "as_json", is_flag=True)
def stats(index_dir: Path, as_json: bool) -> None:
    """Article count, date range, index size and the officials named most."""
    try:
        data = Searcher(index_dir).stats()
    except TimtinError as err:
        raise _fail(err)
    if as_json:
        click.echo(_json_line(data))
        return
    click.echo(f"Articles:   {data['articles']} ({data['undated']} without a date)")
    click.echo(f"Dates:      {data['first_date'] or '-'} to {data['last_date'] or '-'}")
    click.echo(f"Index size: {data['index_bytes'] / 1e6:.1f} MB in {data['index_dir']}")
    if data["officials"]:
        click.echo("Officials named most:")
        for row in data["officials"]:
            click.echo(_shown(f"  {row['count']:>6}  {row['value']}"))


@cli.command()
@index_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), envvar="PORT")
@click.option("--workers", default=min(2, os.cpu_count() or 1), show_default=True, type=click.IntRange(1, 32),
              help="Processes (each answers on its own core).")
@click.option("--worker-class", default="gevent", show_default=True, type=click.Choice(["gevent", "gthread"]),
              help="gevent: an event loop per process, so idle and slow clients hold no thread.")
@click.option("--connections", default=1000, show_default=True, type=click.IntRange(1, 100000),
              help="Open connections per process (gevent).")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64),
              help="Threads per process (gthread).")
@click.option("--debug", is_flag=True, help="Flask's development server with reloader and debug pages.")
def serve(index_dir: Path, host: str, port: int, workers: int, worker_class: str, connections: int, threads: int,
          debug: bool) -> None:
    """Serve the web UI and JSON API under gunicorn, a production WSGI server.

    Searching is CPU work in Python, so several processes answer more requests than
    threads alone; each opens the index itself and follows it as it changes. Each
    process holds its connections in an event loop (gevent), so clients that are idle
    or send slowly keep nobody else waiting.
    """
    from webui import create_app  # the core never imports Flask

    click.echo(f"timtin: serving {index_dir} on http://{host}:{port}/", err=True)
    if debug:
        create_app({"INDEX_DIR": str(index_dir)}).run(host=host, port=port, debug=True)
        return
    from webui.server import run

    run(lambda: create_app({"INDEX_DIR": str(index_dir)}), host, port, workers, threads, worker_class, connections)
