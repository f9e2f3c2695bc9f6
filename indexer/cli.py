"""The ``timtin`` command: thin wrappers over the core.

Each command parses its options, calls one core function and prints. Core errors
(:mod:`indexer.errors`) become ``click`` errors with the core's message.

Exit codes of ``index`` and ``reindex``: 0 when every article was read, 3 when
the run finished but skipped some input or kept articles a file or folder no longer
gives (each named above the summary), 1 on an
error that stopped the run (nothing was changed then).
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import io
import json
import os
import re
import socket
import stat
import sys
from pathlib import Path

import click

from indexer import abbreviations, export, fetching, indexing, integrity, layout, parsing, profiles, settings
from indexer.errors import DAMAGE, IndexDamaged, TimtinError
from indexer.officials import Curated
from indexer.models import IndexReport, Problem
from indexer.query import MAX_PAGE, describe_text
from indexer.searching import SORTS, SearchRequest, Searcher
from indexer.unknown_officials import result_json, unknown_officials

EXIT_SKIPPED = 3


def setting_option(name: str, *decls: str, **kwargs):
    """A click option for setting *name* of :mod:`indexer.settings`: its environment
    variable, default and help come from there, so `timtin settings` and `--help` agree."""
    setting = settings.BY_NAME[name]
    default = setting.default()
    if setting.low is not None:
        kwargs.setdefault("type", click.IntRange(setting.low, setting.high))
    return click.option(
        *decls, envvar=setting.env, show_envvar=True, default=default,
        show_default=default is not None, help=setting.help + kwargs.pop("extra_help", ""), **kwargs,
    )


index_option = setting_option("index", "--index", "index_dir", type=click.Path(file_okay=False, path_type=Path))
officials_option = setting_option(
    "officials", "--officials", "officials_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    extra_help=" Default: the list bundled with timtin.",
)
procs_option = setting_option("procs", "--procs")


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


def _shown(text: str) -> str:
    """Text from articles, safe to print on a terminal."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


def _json_line(data) -> str:
    """One JSON object; C1 controls escaped too (json escapes only C0)."""
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m[0]):04x}", json.dumps(data, ensure_ascii=False))


def _abbreviations():
    """The abbreviations table: TIMTIN_ABBREVIATIONS, else the bundled one."""
    try:
        return abbreviations.load_default(settings.get("abbreviations"))
    except TimtinError as err:
        raise _fail(err)


def _curated(path: Path | None) -> Curated | None:
    """The officials list given by --officials / TIMTIN_OFFICIALS, else the bundled one."""
    path = settings.get("officials", given=path)
    if path is None:
        return None
    try:
        return Curated.load(path)
    except TimtinError as err:
        raise _fail(err)


class _Commands(click.Group):
    """The commands, with an index whose files cannot be read named as damaged: Whoosh's
    EOFError of a truncated segment was printed by click as "Aborted!" (it reads EOFError
    as Ctrl-D), a truncated table of contents or garbage metadata as a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DAMAGE as err:
            raise click.ClickException(_shown(str(IndexDamaged(err)))) from None


@click.group(cls=_Commands)
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
        f"removed {report.removed}, skipped {report.skipped}" + (f", kept {report.kept}." if report.kept else ".")
    )
    if report.skipped:
        click.echo(f"{report.skipped} input(s) skipped; see the messages above.", err=True)
    if report.kept:
        click.echo(f"{report.kept} article(s) kept that their file or folder no longer gives; see the messages above.",
                   err=True)
    if report.skipped or report.kept:
        if exit_on_skip:
            sys.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@index_option
@procs_option
@click.option("--wait", is_flag=True, help="Wait for another indexer to finish instead of failing.")
@click.option("--prune", is_flag=True,
              help="Remove the articles a file or folder no longer holds even when it now holds less than half "
                   "of them (without it they are kept: a file cut short by a crash, or a folder emptied or "
                   "unmounted, looks so).")
@officials_option
def index(paths: tuple[Path, ...], index_dir: Path, procs: int, wait: bool, prune: bool,
          officials_file: Path | None) -> None:
    """Add new and changed articles under PATHS (.txt, .jsonl, .html, folders) to the index.

    Articles whose file left a folder indexed again are removed, and those a file no
    longer holds; a file or folder that holds none now, or less than half with 10 or
    more missing, keeps them (--prune removes them). Exit code 3 means some input was
    skipped or kept (each named above the summary).

    \b
        timtin index data/
        timtin index data/articles/2021 data/feeds/ban-tin-lso.jsonl --procs 2
    """
    bar = _Bar("Indexing")
    try:
        report = indexing.update(
            index_dir, list(paths), procs=procs, progress=bar, wait=wait, curated=_curated(officials_file),
            prune=prune,
        )
    except TimtinError as err:
        raise _fail(err)
    except OSError as err:
        raise _os_fail(err, index_dir)
    finally:
        bar.close()
    if not (report.added or report.updated or report.unchanged or report.skipped or report.removed
            or report.kept or report.copies):
        click.echo(_shown(f"warning: no article file ({', '.join(parsing.ARTICLE_SUFFIXES)}) in "
                          f"{', '.join(map(str, paths))}; nothing was indexed from it"), err=True)
    _report(report)


@cli.command()
@index_option
@procs_option
@click.option("--wait", is_flag=True, help="Wait for another indexer to finish instead of failing.")
@click.option("--drop-missing", is_flag=True,
              help="Rebuild even if some recorded sources are gone, without their articles.")
@click.option("--prune", is_flag=True,
              help="Rebuild without the articles a file or folder no longer holds, even when it now holds none "
                   "or less than half of them (as index --prune).")
@officials_option
def reindex(index_dir: Path, procs: int, wait: bool, drop_missing: bool, prune: bool,
            officials_file: Path | None) -> None:
    """Rebuild the whole index from its recorded sources, then swap it in.

    Searches keep answering from the old index until the new one is complete;
    an interrupted reindex leaves the old index as it was. A source file or folder
    that now holds none, or less than half, of its articles keeps them (exit code 3;
    --prune drops them); "removed N" counts the articles the rebuild leaves out.
    """
    bar = _Bar("Reindexing")
    try:
        report = indexing.reindex(
            index_dir, procs=procs, progress=bar, wait=wait, drop_missing=drop_missing, prune=prune,
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
              help="Seconds to wait for each part of an answer; a whole answer may take six times "
                   "this, at most 120 s.")
@click.option("--retries", default=2, show_default=True, type=click.IntRange(0, 10),
              help="Further tries after a timeout, a connection error, 429 or 5xx (waiting 2 s, 4 s...).")
@click.option("--max-pages", default=None, type=click.IntRange(1), help="Download at most this many pages a run.")
@click.option("--user-agent", default=fetching.USER_AGENT, show_default=False,
              help="How requests name themselves (default: timtin/VERSION and what it obeys).")
@procs_option
@click.option("--wait", is_flag=True, help="Wait for another fetch or indexer to finish instead of failing.")
@officials_option
def fetch(urls, index_dir, pages_dir, every, delay, timeout, retries, max_pages, user_agent, procs, wait,
          officials_file):
    """Download the articles that feeds, sitemaps or page URLs list, keep them, index them.

    URLS are RSS/Atom feeds, sitemaps (or sitemap indexes) and article pages (a home
    page: the feeds it advertises are read). Pages already saved are not downloaded
    again unless a feed or sitemap gives a newer date; feeds and sitemaps are asked
    conditionally (ETag, Last-Modified); tracking parameters (utm_*, fbclid...) are
    dropped, and the index holds the newest copy of an article saved under several addresses. An interrupted
    run (Ctrl-C, kill -9) loses nothing: run it again to resume (Ctrl-C indexes what was
    saved before it). The raw pages stay on disk (--pages), so `timtin reindex` needs no
    network. Exit code 3 means some pages or feeds failed or were skipped as unreadable
    (each named).

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
        except fetching.Interrupted as stop:
            click.echo(f"Interrupted: the pages saved before it are in {folder} and indexed; run the command "
                       "again to go on.", err=True)
            _report(stop.indexed, exit_on_skip=False)
            sys.exit(130)
        except KeyboardInterrupt:
            click.echo(f"Interrupted: the pages saved so far are in {folder}; the next fetch (or timtin reindex) "
                       "indexes them.", err=True)
            sys.exit(130)
        for note in report.notes:
            click.echo(f"warning: {_shown(note)}", err=True)
        for url, why in report.failed:
            click.echo(f"failed: {_shown(url)}: {_shown(why)}", err=True)
        for url, old, file in report.replaced:
            click.echo(f"replaced: the copy saved from {_shown(old)} by the newer answer of {_shown(url)}, the "
                       f"same article (the same canonical URL), in {_shown(file)}", err=True)
        skipped_why: dict[str, list[str]] = {}
        for url, why in report.skipped:
            skipped_why.setdefault(why, []).append(url)
        for why, skipped in sorted(skipped_why.items()):
            named = ", ".join(_shown(u) for u in skipped[:SKIPPED_NAMED])
            more = f" and {len(skipped) - SKIPPED_NAMED} more" if len(skipped) > SKIPPED_NAMED else ""
            click.echo(f"skipped {len(skipped)}: {_shown(why)}: {named}{more}", err=True)
        click.echo(report.summary() + f" Pages kept in {folder}.")
        if interval is None:
            _report(indexed, exit_on_skip=False)
            sys.exit(EXIT_SKIPPED if (report.failed or indexed.skipped or indexed.kept) else 0)
        _report(indexed, exit_on_skip=False)
        pause = max(0.0, interval - (time_mod.monotonic() - started))
        try:  # the line is inside: a Ctrl-C once it is shown stops cleanly
            click.echo(f"Next fetch in {pause / 60:.0f} min (Ctrl-C to stop).", err=True)
            time_mod.sleep(pause)
        except KeyboardInterrupt:
            click.echo("Stopped.", err=True)
            return


SKIPPED_NAMED = 3  # URLs named for each reason pages were skipped, then how many more


# Errors about a search parameter name the option as typed here (--per-page, not per_page).
OPTION_NAMES = {"from": "--from", "to": "--to", "year": "--year", "month": "--month", "sort": "--sort",
                "page": "--page", "per_page": "--per-page"}


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


def _no_mistyped_option(query: tuple[str, ...]) -> None:
    """Refuse a query word that is a mistyped option (``--yaer 2021``): the search reads
    unknown options as words so that ``-word`` leaves a word out, and ``--yaer`` would
    silently leave out "yaer" and search for "2021" instead of filtering by year."""
    for word in query:
        if re.match(r"--\w", word):
            name = word.split("=", 1)[0]
            options = [o for p in click.get_current_context().command.params for o in p.opts if o.startswith("--")]
            close = difflib.get_close_matches(name, options, n=1)
            hint = f" Did you mean {close[0]}?" if close else ""
            raise click.UsageError(f"No such option: {name}.{hint} (A word to leave out is written with one "
                                   "dash: -word.)")


@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1, type=click.UNPROCESSED)
@index_option
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Articles on or after this day.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Articles on or before this day.")
@click.option("--year", metavar="YYYY", help="Articles of this year.")
@click.option("--month", metavar="YYYY-MM", help="Articles of this month.")
@click.option("--official", "officials", multiple=True, metavar="NAME",
              help="Articles naming this official (accents optional); repeat for several.")
@click.option("--since", metavar="YYYY-MM-DD|Nd",
              help="Articles dated on or after this day (or the last N days: 7d), newest first.")
@click.option("--sort", type=click.Choice(SORTS), default=None,
              help="Order of the results.  [default: relevance; newest with --since]")
@click.option("--page", default="1", show_default=True)
@click.option("--per-page", default="10", show_default=True)
@click.option("--verbatim", is_flag=True,
              help="When nothing matches, say so instead of showing the suggestion's results.")
@click.option("--all-copies", is_flag=True,
              help="Show each copy of a story as a result of its own (by default a story shows once).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (the page's results).")
@click.option("--no-facets", "no_facets", is_flag=True,
              help="Leave out the counts by year, month and official printed after the results.")
@click.option("--format", "fmt", type=click.Choice(export.FORMATS),
              help="Print every match (not a page) as CSV, JSON Lines or one JSON object.")
@click.option("--max-rows", default=export.MAX_ROWS, show_default=True, type=click.IntRange(1, 10_000_000),
              help="With --format: the most rows to print; more matches are left out with a message, exit code 3.")
def search(query, index_dir, date_from, date_to, since, year, month, officials, sort, page, per_page, verbatim,
           all_copies, as_json, no_facets, fmt, max_rows):
    """Search the index. QUERY: words, "quoted phrases", -excluded, OR.

    \b
        timtin search dan van
        timtin search '"tỉnh ủy"' --year 2021 --official "vi duc thang"
        timtin search lũ lụt --year 2024 --format csv > lu-lut-2024.csv
        timtin search "dân vận" --since 2023-01-01 --format jsonl
    """
    if fmt and as_json:
        raise click.UsageError("Give --json (one page) or --format (every match), not both.")
    _no_mistyped_option(query)
    if since:
        if date_from:
            raise click.UsageError("Give --since or --from, not both (--since DAY is --from DAY, newest first).")
        date_from = _since(since)
        sort = sort or "newest"
    params = {
        "q": " ".join(query), "from": date_from, "to": date_to, "year": year, "month": month,
        "official": list(officials), "sort": sort or "relevance", "page": page, "per_page": per_page,
        "verbatim": "1" if verbatim else "",
        "group": "0" if all_copies else "1",
    }
    try:
        request = SearchRequest.from_params(params, names={**OPTION_NAMES, **({"from": "--since"} if since else {})})
        searcher = Searcher(index_dir, _abbreviations())
        if fmt:
            _export(searcher, request, fmt, max_rows)
            return
        result = searcher.search(request)
    except TimtinError as err:
        raise _fail(err)
    if as_json:
        click.echo(_json_line(result_json(searcher, request, result)))
        return
    first = (result.page - 1) * result.per_page + 1
    last = first + len(result.hits) - 1
    if result.total == 0:
        click.echo(f"No articles match ({result.took_ms:.0f} ms).")
        for unknown in unknown_officials(searcher, request.officials):
            nearest = (" Nearest known: " + "; ".join(unknown.nearest) + ".") if unknown.nearest else ""
            click.echo(_shown(f'No official named "{unknown.name}" is known in the archive.{nearest} '
                              f'(timtin officials --query NAME lists the names that start so.)'))
    elif not result.hits:
        click.echo(f"{result.total} {_unit(result)}; page {result.page} is past the last page ({result.pages}).")
    else:
        click.echo(f"{result.total} {_unit(result)}, showing {first}-{last} ({result.took_ms:.0f} ms)")
        if result.pages > MAX_PAGE:  # --page past it is refused: say so before anyone asks for it
            rest = ("narrow the search (--from/--to, --year, --month, --official) to reach the rest, "
                    f"or export every match with --format csv --max-rows {result.total}.")
            if result.page >= MAX_PAGE:
                click.echo(f"Page {MAX_PAGE} is the last that opens ({result.pages} pages of {result.per_page}): {rest}")
            else:
                click.echo(f"Pages open up to {MAX_PAGE} (of {result.pages}); {rest}")
    if result.corrected:
        click.echo(f"Nothing matches {_shown(' '.join(query))!r}; showing results for: {_shown(result.corrected)} "
                   "(--verbatim to search exactly as typed)")
    if result.suggestion:
        click.echo(f"Did you mean: {_shown(result.suggestion)}")
    if result.reading.get("alternatives"):
        click.echo(f"Read as: {_shown(describe_text(result.reading))}")
    click.echo()
    for hit in result.hits:
        when = (hit.date.isoformat() if hit.date else "no date") + (f" · {_shown(hit.outlet)}" if hit.outlet else "")
        click.echo(f"{click.style(_terminal(hit.title_html), bold=True)}  [{when}]  {_shown(hit.id)}")
        if hit.officials:
            click.echo("  " + _shown("; ".join(hit.officials)))
        click.echo("  " + _terminal(hit.snippet))
        if hit.copies:
            click.echo("  " + _copies_heading(hit) + ":")
            for c in hit.copies:  # one a line, with its title, as the web lists them
                first = " [đăng đầu tiên, first published]" if c.first else ""
                click.echo(_shown(f"    {c.outlet or '-'} {c.date.isoformat() if c.date else 'no date'} {c.id}{first}"
                                  f"  {c.title}"))
        click.echo()
    if not no_facets:
        for line in _facet_lines(result, request):
            click.echo(_shown(line))


FACET_OFFICIALS = 5  # officials named in the text output's summary (--json lists every one)


def _facet_lines(result, request: SearchRequest) -> list[str]:
    """The web page's filters in short, after the results, in its order: the years, the months
    of the year searched (or of the only year), the officials named most; counted in stories
    when copies of a story count once, as the page says."""
    facets = result.facets
    if not facets or not facets.get("year") and not facets.get("official"):
        return []
    unit = "stories" if result.grouped else "articles"
    lines = []
    years = facets.get("year", ())
    if years:
        lines.append(f"Years ({unit}): " + ", ".join(f"{c.value} {c.count}" for c in years))
    year = request.year or (request.month[0] if request.month else None) or (
        int(years[0].value) if len(years) == 1 else None)
    months = [c for c in facets.get("month", ()) if year and c.value.startswith(f"{year:04d}-")]
    if months:
        lines.append(f"Months ({unit}): " + ", ".join(f"{c.value} {c.count}" for c in months))
    named = facets.get("official", ())
    if named:
        more = len(named) - FACET_OFFICIALS
        lines.append(f"Officials named most ({unit}): " + "; ".join(f"{c.value} ({c.count})" for c in named[:FACET_OFFICIALS])
                     + (f"; {more} more (--json lists them)" if more > 0 else ""))
    return lines


def _copies_heading(hit) -> str:
    """What a hit's copies are: republications of it when it is its story's first publication;
    else the story's other publications (one published before it is none of its republications),
    as the web says them."""
    listed = "" if hit.copy_count == len(hit.copies) else f", the oldest {len(hit.copies)} listed"
    if hit.is_first:
        return f"{hit.copy_count} bản đăng lại (republished{listed})"
    first = hit.first_date.isoformat() if hit.first_date else "no date"
    return (f"{hit.copy_count} bản đăng khác của tin này (other publications of this story, "
            f"first published {first}{listed})")


def _unit(result) -> str:
    """What a search's total counts: stories, when copies were grouped (issue #15)."""
    if result.grouped and result.articles != result.total:
        return (("story" if result.total == 1 else "stories") + f" ({_count(result.articles, 'article')}; "
                "copies of one story count once, --all-copies to list each)")
    return "article" if result.total == 1 else "articles"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _since(text: str) -> str:
    """``--since``: a day (YYYY-MM-DD) as it is, or ``7d`` as the day 7 days before today."""
    match = re.fullmatch(r"\s*(\d{1,5})\s*d\s*", text)
    if match:
        return (dt.date.today() - dt.timedelta(days=int(match[1]))).isoformat()
    if not re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", text):
        raise click.ClickException(f'Bad --since date "{text}"; expected a day, like 2024-01-31, or a number of '
                                   'days, like 7d')
    return text  # checked by SearchRequest.from_params, which names a bad date


def _export(searcher: Searcher, request: SearchRequest, fmt: str, max_rows: int) -> None:
    """Every match to stdout, a row at a time; the cap's message on stderr, exit code 3."""
    # a CSV written to a file (`> hits.csv`) starts as the web's does, with a byte-order mark,
    # or spreadsheets read its Vietnamese as Latin-1; piped on, to a program, it does not
    done = export.export(searcher, request, fmt, limit=max_rows, bom=fmt == "csv" and _stdout_is_a_file())
    if done.corrected:
        click.echo(f"Nothing matches {_shown(request.query)!r}; exporting the results for: "
                   f"{_shown(done.corrected)} (--verbatim to search exactly as typed)", err=True)
    safe = _shown if sys.stdout.isatty() else (lambda text: text)
    for chunk in done.chunks:
        click.echo(safe(chunk), nl=False)
    if done.capped:
        click.echo(done.cli_message(), err=True)
        sys.exit(EXIT_SKIPPED)


def _stdout_is_a_file() -> bool:
    """Whether stdout is a file of its own, still empty (`> hits.csv`; not `>> all.csv`)."""
    try:
        info = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # (a test's captured stdout has no descriptor)
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size == 0


def _print_problem(problem: Problem) -> None:
    kind = "kept" if problem.kept else "skipped" if problem.skipped else "warning"
    click.echo(f"{kind}: {_shown(str(problem))}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")
@officials_option
def parse(paths: tuple[Path, ...], as_json: bool, officials_file: Path | None) -> None:
    """Show articles as timtin reads them, without indexing.

    \b
        timtin parse data/articles/2021/dan-van-khu-dan-cu.txt --json
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
@click.argument("name", nargs=-1)
@index_option
@click.option("--query", "text", default="", help="Officials whose name starts so (accents optional).")
@click.option("--post", default="", metavar="POST",
              help="Who the archive names in a post, by date: --post \"Chủ tịch UBND tỉnh Lạng Sơn\".")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10000))
@click.option("--json", "as_json", is_flag=True, help="One JSON value (for NAME, what /api/officials/NAME gives).")
def officials(name: tuple[str, ...], index_dir: Path, text: str, post: str, limit: int, as_json: bool) -> None:
    """Officials named in the archive, with article counts and their titles; with
    NAME, one official's career as the archive tells it.

    \b
        timtin officials --limit 10
        timtin officials --query "hoang van"
        timtin officials vi duc thang
        timtin officials --post "chu tich ubnd tinh lang son"
    """
    try:
        searcher = Searcher(index_dir, _abbreviations())
        if name:
            _official(searcher, " ".join(name), limit, as_json)
            return
        if post:
            _holders(searcher, post, as_json)
            return
        found = searcher.officials(text, limit)
    except TimtinError as err:
        raise _fail(err)
    if as_json:
        click.echo(_json_line([o.to_json() for o in found]))
        return
    if not found:
        click.echo(f'No official matches "{text}".' if text else "No officials in the index.")
    else:  # (a search's officials facet counts stories: said, as the two differ)
        click.echo("Articles naming each, every copy of a story counted; their titles, most used first:")
    for person in found:
        titles = "; ".join(t.value for t in person.titles[:3])
        click.echo(_shown(f"{person.count:>6}  {person.key or person.name}" + (f"  ({titles})" if titles else "")))


def _day(day) -> str:
    return day.isoformat() if day else "no date   "


def _official(searcher: Searcher, name: str, limit: int, as_json: bool) -> None:
    """One official's page, as text or as the JSON of /api/officials/NAME."""
    keys = profiles.resolve(searcher, name)
    if not keys:
        raise click.ClickException(_shown(f'No official named "{name}"; try: timtin officials --query "{name}"'))
    if len(keys) > 1:
        raise click.ClickException(_shown(f'"{name}" stands for {len(keys)} people: ' + "; ".join(keys)
                                          + ". Give one of them as listed here."))
    profile = profiles.profile(searcher, keys[0])
    result = profiles.articles(searcher, keys[0], per_page=min(limit, 100))
    if as_json:
        click.echo(_json_line({**profile.to_json(), "search": result.to_json()}))
        return
    span = f", {_day(profile.first)} to {_day(profile.last)}" if profile.first else ""
    # the stories too, as the web page says them (copies of one story count once)
    stories = (f" ({result.total} {'story' if result.total == 1 else 'stories'})"
               if result.grouped and result.total != profile.articles else "")
    click.echo(_shown(f"{profile.name}: {_count(profile.articles, 'article')}{stories}{span}"))
    if profile.read < profile.articles:
        click.echo(f"(figures from the newest {profile.read})")
    click.echo("\nTitles (first used, last used, articles):")
    for t in profile.titles:
        click.echo(_shown(f"  {_day(t.first)}  {_day(t.last)}  {t.articles:>5}  {t.title}"))
    busy = [m for m in profile.months if m.count]
    click.echo("\nArticles per month: " + ", ".join(f"{m.value} {m.count}" for m in busy))
    if profile.named_with:
        click.echo(_shown("\nNamed with: " + "; ".join(f"{c.value} ({c.count})" for c in profile.named_with)))
    click.echo("\nNewest stories:" if result.grouped else "\nNewest articles:")  # (one line a story, as on the web)
    for hit in result.hits:
        click.echo(_shown(f"  {_day(hit.date)}  {hit.title}  [{hit.id}]"))


def _holders(searcher: Searcher, post: str, as_json: bool) -> None:
    """Who the archive names in a post, by date."""
    found = profiles.holders(searcher, post)
    if as_json:
        click.echo(_json_line(found.to_json()))
        return
    if not found.holders:
        click.echo(_shown(f'No article names anyone "{post}" ({found.matched} articles match the words).'))
        return
    click.echo(_shown(f'Named "{post}" in the archive (found in {found.read} articles; first and last date, '
                      "articles, as on each one's page):"))
    for h in found.holders:
        spells = "; ".join(f"{p.first}..{p.last}" for p in h.periods) if len(h.periods) > 1 else ""
        row = f"  (as {h.title})" if h.fuller else ""
        click.echo(_shown(f"  {_day(h.first)}  {_day(h.last)}  {h.articles:>5}  {h.name}{row}"
                          + (f"  (named so in {spells})" if spells else "")))


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
        click.echo("Officials named most (articles naming each, every copy counted):")
        for row in data["officials"]:
            click.echo(_shown(f"  {row['count']:>6}  {row['value']}"))


@cli.command()
@index_option
def check(index_dir: Path) -> None:
    """Read the whole index and say whether its files are still as written.

    A bad sector or a changed file makes searches answer wrong without a word; this reads
    every file the index uses against the digests recorded when it was written, and every
    article. Exit code 1 means damage was found (each named): `timtin reindex` rebuilds the
    index from its sources.

    \b
        timtin check
    """
    try:
        found = integrity.check(index_dir)
    except TimtinError as err:
        raise _fail(err)
    if found.unrecorded:
        click.echo(f"note: {found.unrecorded} of the {found.files} files have no digest recorded (an index written "
                   "before timtin recorded them, or a run stopped between its commit and its record), so they were "
                   "checked by the postings' order and the articles read, not byte by byte; `timtin reindex` records "
                   "them.", err=True)
    for fault in found.faults:
        click.echo(f"damaged: {_shown(fault)}", err=True)
    if found.faults:
        click.echo(f"{index_dir}: {len(found.faults)} fault(s) found in {found.gen.name}. Searches may answer wrong: "
                   "run `timtin reindex` to rebuild the index from its sources (they are not touched).", err=True)
        sys.exit(1)
    click.echo(f"{index_dir} ({found.gen.name}): {found.articles:,} articles and {found.files} files read, "
               + ("no damage found." if found.unrecorded else "every file as written."))


@cli.command()
@index_option
@setting_option("host", "--host")
@setting_option("port", "--port")
@setting_option("workers", "--workers")
@click.option("--worker-class", default="gevent", show_default=True, type=click.Choice(["gevent", "gthread"]),
              help="gevent: an event loop per process, so idle and slow clients hold no thread.")
@click.option("--connections", default=1000, show_default=True, type=click.IntRange(1, 100000),
              help="Open connections per process (gevent).")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64),
              help="Threads per process that run the app (both worker classes).")
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

    if not debug:  # (werkzeug's reloader holds the port itself and runs this command again)
        _port_free(host, port)
    if layout.current_generation(Path(index_dir)) is None:
        click.echo(_shown(f"warning: no index at {index_dir} yet; every page answers 503 until "
                          f"`timtin index --index {index_dir} FOLDER` builds one"), err=True)
    click.echo(f"timtin: serving {index_dir} on http://{host}:{port}/", err=True)
    if debug:
        create_app({"INDEX_DIR": str(index_dir)}).run(host=host, port=port, debug=True)
        return
    from webui.server import run

    run(lambda: create_app({"INDEX_DIR": str(index_dir)}), host, port, workers, threads, worker_class, connections)


def _port_free(host: str, port: int) -> None:
    """Refuse, in one line, an address another server holds (gunicorn retries for five
    seconds, logging each try, then stops with "Can't connect")."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as err:
        raise click.ClickException(f"Cannot serve on {host}: {err.strerror}; give --host an address of this "
                                   "machine, like 127.0.0.1") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as err:
            raise click.ClickException(f"Cannot serve on {host}:{port}: {err.strerror} (another timtin serve, or "
                                       "another server?); give another --port, or stop that one") from None


@cli.command("settings")
@click.option("--json", "as_json", is_flag=True, help="One JSON array.")
def show_settings(as_json: bool) -> None:
    """The settings in force, and where each came from.

    Each is set by its option (where a command has one), else by its environment
    variable, else by a file bundled with timtin, else by its default.

    \b
        timtin settings
        timtin settings --json
    """
    try:
        values = settings.current()
    except TimtinError as err:
        raise _fail(err)
    if as_json:
        click.echo(_json_line([{"name": v.setting.name, "value": None if v.value is None else str(v.value),
                                "source": v.source, "env": v.setting.env, "help": v.setting.help} for v in values]))
        return
    for v in values:
        shown = "-" if v.value is None else str(v.value)
        click.echo(_shown(f"{v.setting.name:<16} {shown}"))
        click.echo(f"{'':<16} from the {v.source}" + (f" ({v.setting.env})" if v.source == "environment" else
                                                        f"; set with {v.setting.env}") + f". {v.setting.help}")
