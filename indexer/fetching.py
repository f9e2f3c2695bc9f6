"""Download a newspaper's articles from its feeds, sitemaps or pages, politely, and keep them.

:func:`fetch` takes URLs of RSS/Atom feeds (read by feedparser), sitemaps (``urlset``
or a sitemap index, gzipped or not) and article pages; it lists the articles each
feed or sitemap names and downloads those it does not have yet. The raw pages are
kept in a folder (``var/index-pages`` beside ``var/index`` by default), one file per
article, each starting with the address it was saved from (the comment browsers write,
``<!-- saved from url=(NNNN)... -->``), so :mod:`indexer.webpages` reads them like any
saved page and ``timtin reindex`` rebuilds without the network. :func:`run` fetches and
then indexes that folder.

Politeness: robots.txt is read once per host and obeyed (its ``Crawl-delay`` too);
requests go one at a time, with *delay* seconds between two to the same host; every
request says who it is (:data:`USER_AGENT`) and gives up after *timeout* seconds;
connection errors, timeouts, 429 and 5xx answers are retried *retries* times, waiting
*backoff* seconds, then twice that (or what ``Retry-After`` asks). Feeds and sitemaps are
asked with ``If-None-Match``/``If-Modified-Since`` (their ETag and Last-Modified are
kept), so an unchanged one costs a 304; an article already saved is asked again only
when a feed or sitemap gives it a newer date (the newest any of them gives, not the build
time a rebuilt list gives every entry: :attr:`Listed.dated`), and then conditionally too. Dates are read by :func:`read_date`
(RFC 822, ISO 8601, the Vietnamese ``29/11/2026 06:45``); the one a list gives is written
into the saved page, the article's date when the page has none (the page reader takes it:
:func:`indexer.webpages.listed_date`).

One saved page an address: addresses lose their tracking parameters (:func:`clean_url`),
and a page fetched under an address saved before with them replaces that copy, in its
file (:func:`_same_article`; a folder fetched before is mended once,
:func:`_heal_duplicates`); one article under two addresses is two files, of which the
index takes the newer (:func:`indexer.parsing.page_copies`). A URL that answered 404 is asked again when a list dates it
later (a date of its own, not the list's build time: :func:`_stamped`), or after
:data:`GONE_RETRY_DAYS`, and forgotten once no list has named it for :data:`GONE_FORGET_DAYS`.
A page given that holds no article (a home page) is read for the feeds it advertises.

Nothing is lost to Ctrl-C or kill -9: each page is written to a temporary file and
renamed, then its record is appended to the journal of the state (``fetch-state.json`` in
the pages folder, what was saved with its ETag and Last-Modified, and each feed's last list;
see :class:`State`).
A page saved before a kill is found by the next run's indexing (a Ctrl-C indexes it at
once, :func:`run`); a page whose state was not written is asked for again. One fetcher at a time holds the folder's lock. A saved
article is not replaced by a new answer that holds no article (a "not found" page sent
with 200 when a paper takes an article down): the copy saved before is kept. A page that
holds no article and replaces none is not kept (the index would report it on every run):
it is reported once, and asked again (conditionally, with its ETag and Last-Modified) on
later runs, which count it unchanged while it holds no article and save it once it does.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import os
import re
import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

from indexer.errors import TimtinError
from indexer.layout import hold_lock

try:
    from importlib.metadata import version as _version

    VERSION = _version("timtin")
except Exception:  # noqa: BLE001 - running from a source tree that was never installed
    VERSION = "0"

USER_AGENT = f"timtin/{VERSION} (news archive indexer; obeys robots.txt; one request at a time per host)"
STATE = "fetch-state.json"
JOURNAL = "fetch-state.log"  # changes since fetch-state.json was written (see State)
LOCK = "fetch.lock"
MAX_BYTES = 20 * 1024 * 1024  # a page, feed or sitemap larger than this is refused (gzipped: once unpacked)
MAX_SITEMAP_DEPTH = 3  # a sitemap index of sitemap indexes of sitemaps
MAX_RETRY_AFTER = 120.0
# A URL that answered 404 or 410 is asked again when a feed or sitemap gives it a date of its
# own after the one it gave at the 404 (not the time a list was built, which a feed rebuilt
# on every request gives every item, asking it again on every run: see _stamped), else
# after GONE_RETRY_DAYS, then twice that each further 404, GONE_RETRY_MAX_DAYS at most: a
# page linked before it was published, or lost for a while by its CMS, is back within hours
# or a day or two, and feeds list an entry for days, so a second ask after 3 days finds it
# while it is still listed; an article taken down for good costs one request at 3, 6, 12,
# 24 and then every 30 days, not one every run.
GONE_RETRY_DAYS = 3
GONE_RETRY_MAX_DAYS = 30
# ... and forgotten once no feed or sitemap has listed it for this long (asked again,
# once, should one list it again): the state kept every address ever taken down
GONE_FORGET_DAYS = 90
# query parameters that only say where a reader came from (Google Analytics, Facebook,
# Google and Microsoft ads, Zalo...): the same article under as many URLs as links to it
TRACKING = re.compile(r"utm_\w*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|"
                      r"_ga|_gl|_hsenc|_hsmi|mkt_tok|zarsrc|gidzl|ref_src", re.I)
FEED_TYPES = ("application/rss+xml", "application/atom+xml")
ICT = dt.timezone(dt.timedelta(hours=7))  # Việt Nam's time, for a date a feed writes without a zone

Log = Callable[[str], None]


@dataclass(frozen=True)
class Options:
    """How to fetch. *delay*: seconds between two requests to one host (robots.txt's
    Crawl-delay when longer); *retries*: further tries after a failure that may pass."""

    delay: float = 1.0
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 2.0
    user_agent: str = USER_AGENT
    max_pages: int | None = None  # per run: the rest waits for the next one
    # a whole answer must arrive within this, and within six *timeout*s: *timeout* bounds
    # each wait for a byte, so a server that trickles one byte every few seconds would
    # otherwise hold the run for hours (`--timeout 5` held it 120 s a page all the same)
    max_seconds: float = 120.0

    @property
    def whole_answer(self) -> float:
        """Seconds a whole answer may take: six timeouts, two minutes at most."""
        return min(self.max_seconds, 6 * self.timeout)


@dataclass
class FetchReport:
    """What one run did, each URL with the reason."""

    fetched: list[str] = field(default_factory=list)  # saved (new or changed)
    unchanged: list[str] = field(default_factory=list)  # asked again, 304
    skipped: list[tuple[str, str]] = field(default_factory=list)  # not asked: why
    failed: list[tuple[str, str]] = field(default_factory=list)  # asked, could not get it: why
    listed: list[tuple[str, str, int]] = field(default_factory=list)  # (feed or sitemap, kind, articles)
    notes: list[str] = field(default_factory=list)  # warnings: a bad date in a feed...
    # (URL fetched, URL saved before under another address, file): one article, one saved page
    replaced: list[tuple[str, str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"Fetched {len(self.fetched)}, unchanged {len(self.unchanged)}, skipped {len(self.skipped)}, "
                f"failed {len(self.failed)}.")


@dataclass
class Response:
    status: int
    url: str  # after redirects
    headers: dict[str, str]
    body: bytes


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a fetch, once the pages saved before it were indexed (*indexed*:
    the indexing's report)."""

    def __init__(self, indexed) -> None:
        super().__init__()
        self.indexed = indexed


class FetchError(Exception):
    """A URL that could not be fetched; the message says why, for the report."""


# -- state -----------------------------------------------------------------------

def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class State:
    """``fetch-state.json``: pages saved (url -> file, ETag, Last-Modified, listed date),
    gone (url -> status), lists (feed or sitemap url -> ETag, Last-Modified, entries).

    A change is appended to a journal (``fetch-state.log``, one JSON line, flushed to disk)
    the moment it is made, and the journal is folded into ``fetch-state.json`` (replaced
    atomically) when the run ends: rewriting the whole state after every page cost 0.35 s
    and 21 MB of writes per page once it held 50,000 pages. A kill -9 leaves the journal,
    which the next run reads back; a line cut short by the kill is the one change lost
    (that page is asked for again).
    """

    SECTIONS = ("pages", "gone", "lists")

    def __init__(self, folder: Path) -> None:
        self.path = folder / STATE
        self.journal_path = folder / JOURNAL
        self._journal = None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            data = {}
        except (OSError, ValueError) as err:
            raise TimtinError(f"{self.path}: cannot read the fetch state ({err}); move it away to start afresh "
                              "(pages already saved are kept and indexed)") from None
        self.pages: dict[str, dict] = data.get("pages", {})
        # 2: pages carry their article's id, and no two files hold one article (see _heal_duplicates)
        self.version = data.get("version", 1) if self.pages else 2
        self.gone: dict[str, dict] = data.get("gone", {})
        self.lists: dict[str, dict] = data.get("lists", {})
        self.aliases: dict[str, dict] | None = None  # pages saved under an address with tracking parameters
        self.ids: dict[str, list[str]] | None = None  # article id -> the addresses saved with it
        try:
            lines = self.journal_path.read_bytes().splitlines()
        except FileNotFoundError:
            lines = []
        for line in lines:
            try:
                change = json.loads(line)
                self._apply(change["s"], change["k"], change["v"])
            except (ValueError, KeyError, TypeError, AttributeError):
                continue  # cut short by a kill: that change is made again

    def _apply(self, section: str, key: str, value) -> None:
        if section not in self.SECTIONS:
            raise KeyError(section)
        table = getattr(self, section)
        if value is None:
            table.pop(key, None)
        else:
            table[key] = value

    def put(self, section: str, key: str, value: dict | None) -> None:
        """Set (or, with None, remove) *key* of *section*, on disk at once."""
        self._apply(section, key, value)
        if self._journal is None:
            self._journal = open(self.journal_path, "ab")
        self._journal.write(json.dumps({"s": section, "k": key, "v": value}, ensure_ascii=False).encode("utf-8")
                            + b"\n")
        self._journal.flush()
        os.fsync(self._journal.fileno())

    def note(self, section: str, key: str, value: dict) -> None:
        """Set *key* of *section* for ``fetch-state.json`` only, not in the journal: a change a
        kill may lose (made again by the next run), not worth a write to disk of its own."""
        self._apply(section, key, value)

    def save(self) -> None:
        """Fold the journal into ``fetch-state.json``."""
        data = {"version": self.version, "pages": self.pages, "gone": self.gone, "lists": self.lists}
        _write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        self.close()
        self.journal_path.unlink(missing_ok=True)  # a kill before this: the journal is read again, alike

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None


def _lock(folder: Path, wait: bool):
    return hold_lock(folder / LOCK, wait, lambda holder: (
        f"Another timtin fetch ({holder}) is saving pages into {folder}. Wait for it to finish, "
        "or run again with --wait."))


# -- HTTP ------------------------------------------------------------------------

class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 5  # urllib's 10 is more than any paper needs

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        # urllib follows a redirect to ftp: too; a news site has no reason to send us there
        if urlsplit(urljoin(req.full_url, newurl)).scheme not in ("http", "https"):
            fp.close()
            raise FetchError(f"redirected to {newurl!r}, not a web address; not followed")
        if req.fragment and not urlsplit(newurl).fragment:
            # a route (``#/tin/123``, ``#!/tin/123``; clean_url drops any other fragment) goes
            # with the redirect, as browsers take it (RFC 9110, 10.2.2): dropped, two articles
            # of a page of routes redirected to www. were saved in one file, the first lost
            newurl = f"{newurl}#{req.fragment}"
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Client:
    """One request at a time, *delay* apart per host, robots.txt obeyed, retries with backoff."""

    def __init__(self, options: Options, log: Log, sleep: Callable[[float], None] = time.sleep) -> None:
        self.options = options
        self.log = log
        self.sleep = sleep
        self.last: dict[str, float] = {}  # host -> monotonic time of the last request
        self.robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        # host -> the URL a request refused for the whole host (unreachable, robots.txt
        # unreadable) was first refused: the reason is said once, in full, then named
        self.refused: dict[str, str] = {}
        self.opener = urllib.request.build_opener(_Redirects())

    def _host(self, url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}"

    def _wait_turn(self, host: str) -> None:
        delay = self.options.delay
        robots = self.robots.get(host)
        if isinstance(robots, urllib.robotparser.RobotFileParser):
            crawl = robots.crawl_delay(self.options.user_agent)
            if crawl:
                delay = max(delay, min(float(crawl), 60.0))
        if host in self.last:
            left = self.last[host] + delay - time.monotonic()
            if left > 0:
                self.sleep(left)
        self.last[host] = time.monotonic()

    def allowed(self, url: str) -> str | None:
        """None when robots.txt lets us fetch *url*, else the reason not to."""
        host = self._host(url)
        if host not in self.robots:
            self.robots[host] = self._read_robots(host)
        robots = self.robots[host]
        if isinstance(robots, str):
            first = self.refused.get(host, url)
            # (a paper down gave each of its feeds and sitemaps the whole paragraph)
            return robots if first == url else f"{host}: not asked this run, as said of {first} above"
        if not robots.can_fetch(self.options.user_agent, url):
            return f"robots.txt of {host} disallows it"
        return None

    def _read_robots(self, host: str) -> urllib.robotparser.RobotFileParser | str:
        parser = urllib.robotparser.RobotFileParser(host + "/robots.txt")
        try:
            response = self.get(host + "/robots.txt", robots=False)
        except FetchError as err:
            if str(err).startswith(("cannot connect", "no answer within", "the connection failed")):
                return _unreachable(host, str(err))
            return f"robots.txt of {host} could not be read ({err}); nothing is fetched from it until it can"
        if response.status in (401, 403) or 400 <= response.status < 500:
            parser.parse([])  # no robots.txt: everything is allowed (RFC 9309)
        elif response.status >= 500:
            return (f"robots.txt of {host} answered {response.status}; nothing is fetched from it until it "
                    "answers (RFC 9309)")
        else:
            parser.parse(response.body.decode("utf-8", "replace").splitlines())
        return parser

    def get(self, url: str, etag: str | None = None, modified: str | None = None, robots: bool = True) -> Response:
        """GET *url* (conditionally when *etag* or *modified* is given). Returns 2xx, 304
        and 4xx answers; raises :class:`FetchError` when it could not get an answer."""
        if urlsplit(url).scheme not in ("http", "https"):  # a feed or sitemap may list file:///etc/passwd
            raise FetchError(f"{url!r} is not a web address (http:// or https://); not fetched")
        if robots:
            reason = self.allowed(url)
            if reason:
                if isinstance(self.robots.get(self._host(url)), str):
                    self.refused.setdefault(self._host(url), url)  # said in the failures, before the skipped
                raise FetchError(reason)
        headers = {"User-Agent": self.options.user_agent, "Accept": "*/*"}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        attempt = 0
        while True:
            self._wait_turn(self._host(url))
            started = time.monotonic()
            wait = None
            try:
                with self.opener.open(urllib.request.Request(url, headers=headers),
                                      timeout=self.options.timeout) as answer:
                    body = self._read(answer, started)
                    return Response(answer.status, answer.url, {k.lower(): v for k, v in answer.headers.items()},
                                    body)
            except urllib.error.HTTPError as err:
                status = err.code
                if 300 <= status < 400 and status != 304:  # a loop is no failure that passes: not retried
                    raise FetchError(f"HTTP {status}: redirected more than {_Redirects.max_redirections} times, "
                                     "or in a circle, or without a Location; not followed") from None
                if status == 304 or (400 <= status < 500 and status != 429):
                    return Response(status, err.url or url, {k.lower(): v for k, v in (err.headers or {}).items()}, b"")
                problem = f"HTTP {status} {err.reason}"
                wait = _retry_after((err.headers or {}).get("Retry-After"))
            except (TimeoutError, socket.timeout):
                problem = f"no answer within {self.options.timeout:g} s (timed out)"
            except urllib.error.URLError as err:
                reason = err.reason
                if isinstance(reason, (TimeoutError, socket.timeout)):
                    problem = f"no answer within {self.options.timeout:g} s (timed out)"
                elif isinstance(reason, socket.gaierror):
                    problem = f"cannot connect (no address found for the name {urlsplit(url).hostname}: {reason})"
                else:
                    problem = f"cannot connect ({reason})"
            except (ConnectionError, OSError) as err:
                problem = f"the connection failed ({err})"
            if attempt >= self.options.retries:
                tries = f" after {attempt + 1} tries" if attempt else ""
                raise FetchError(problem + tries)
            pause = wait if wait is not None else self.options.backoff * (2 ** attempt)
            self.log(f"retrying {url} in {pause:g} s: {problem}")
            self.sleep(pause)
            attempt += 1

    def _read(self, answer, started: float) -> bytes:
        """The answer's body, in pieces: refused over :data:`MAX_BYTES` or when it has not
        all come within :attr:`Options.whole_answer` of the request."""
        parts: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() - started > self.options.whole_answer:
                raise FetchError(f"the answer was still coming after {self.options.whole_answer:g} s "
                                 f"({size:,} bytes so far); a server this slow is left for the next run")
            part = answer.read1(65536) if hasattr(answer, "read1") else answer.read(65536)
            if not part:
                return b"".join(parts)
            size += len(part)
            if size > MAX_BYTES:
                raise FetchError(f"larger than {MAX_BYTES // (1024 * 1024)} MB; not an article")
            parts.append(part)


def _unreachable(host: str, problem: str) -> str:
    """Why nothing is fetched from *host* this run, and what to do."""
    if "no address found for the name" in problem:
        hint = "Check that the address is spelt right and that this computer is online"
    elif problem.startswith("no answer within"):
        hint = "The server or the network is slow or down; give a longer --timeout if it is only slow"
    else:
        hint = "Check the address and this computer's network (if both are right, the paper's server is down)"
    return (f"{host} is unreachable ({problem}): no feed, sitemap or page of it was read this run, and what was "
            f"saved from it before stays indexed as it was. {hint}; the next run asks again")


def gunzip(body: bytes) -> bytes:
    """A gzipped sitemap, unpacked; refused once it unpacks to over :data:`MAX_BYTES`
    (a "gzip bomb": 20 MB of zeros packs into 20 kB)."""
    out: list[bytes] = []
    size = 0
    data = body
    while data:
        unpack = zlib.decompressobj(wbits=31)
        while data:
            piece = unpack.decompress(data, MAX_BYTES + 1 - size)
            size += len(piece)
            out.append(piece)
            if size > MAX_BYTES:
                raise FetchError(f"unpacks to more than {MAX_BYTES // (1024 * 1024)} MB; not a sitemap")
            data = unpack.unconsumed_tail
        if not unpack.eof:
            raise FetchError("a gzip file that cannot be read (it ends too early)")
        data = unpack.unused_data.lstrip(b"\0")  # gzip allows members one after another
    return b"".join(out)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, min((when - dt.datetime.now(dt.timezone.utc)).total_seconds(), MAX_RETRY_AFTER))
    except (TypeError, ValueError):
        return None


# -- addresses and dates -----------------------------------------------------------

def clean_url(url: str) -> str:
    """*url* without its tracking parameters (:data:`TRACKING`: ``utm_source``, ``fbclid``...)
    and fragment: the address the article has whatever link led to it."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return url.strip()
    # each piece of the query kept as it is written (``?12345``, ``a=1;b=2``, ``path=/a/b``):
    # re-encoded, the address was another one, which answered 404 (a reviewer's finding);
    # old CMSs separate them with ";" as well as "&" (``tin.php?id=5;utm_source=fb``)
    kept: list[str] = []
    for separator, piece in _query_pieces(parts.query):
        if not TRACKING.fullmatch(unquote_plus(piece.partition("=")[0])):
            kept += [separator, piece] if kept else [piece]
    query = "".join(kept)
    # a fragment is the place in a page, but a route in a page of routes (``#!/tin/123``)
    fragment = parts.fragment if parts.fragment.startswith(("!", "/")) else ""
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, fragment))


def _query_pieces(query: str) -> list[tuple[str, str]]:
    """The pieces of a query, each with the separator before it (``&`` or ``;``, "" first)."""
    if not query:
        return []
    parts = re.split(r"([&;])", query)
    return [("", parts[0])] + list(zip(parts[1::2], parts[2::2]))


_VN_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_VN_TIME = re.compile(r"(?<!\d)(\d{1,2})\s*[:h]\s*(\d{2})(?:\s*:\s*(\d{2}))?(?!\d)")


def read_date(text: str | None) -> str | None:
    """A date as a feed or sitemap writes it, as ISO text keeping its time zone: RFC 822
    (``Sun, 29 Nov 2026 06:45:00 +0700``), ISO 8601, and the Vietnamese day first
    (``29/11/2026 06:45``, ``06:45 29-11-2026``, Việt Nam's time when no zone is given).
    None when it cannot be read (31/02/2026 included)."""
    if not text or not text.strip():
        return None
    text = text.strip()
    try:
        when = email.utils.parsedate_to_datetime(text)
        return (when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    when = _instant(text)
    if when is not None:
        return when.isoformat()
    day = _VN_DATE.search(text)
    if not day:
        return None
    clock = _VN_TIME.search(text[:day.start()] + " " + text[day.end():])
    try:
        when = dt.datetime(int(day[3]), int(day[2]), int(day[1]),
                           *(int(g) for g in clock.groups(default="0")) if clock else (), tzinfo=ICT)
    except ValueError:
        return None
    return when.isoformat()


def _later(a: str | None, b: str | None) -> str | None:
    """The later of two dates (ISO text), either may be None."""
    return b if _newer(b, a) else a


@dataclass
class Listed:
    """What the feeds and sitemaps of a run say of one article URL."""

    date: str | None = None  # the newest date any of them gives (published, updated, lastmod)
    # the newest date a list gives of the article itself, not the time the list was built
    # (see _stamped): what dates an address gone later
    own: str | None = None
    # the newest date given by a list that does not date two entries or more with one time
    # (a feed rebuilt on every request): what dates a saved page later. (A list of one entry
    # at its build date counts here: its entry's correction is dated so, and a saved page,
    # unlike a gone address, has no retry days to fall back on.)
    dated: str | None = None
    published: str | None = None  # when it was published, as they give it: the article's date when the page has none
    unread: str | None = None  # a date none could read, for the warning once the page is fetched
    where: str | None = None  # the feed or sitemap of that date
    # named by a list read this run, not only by one that could not be read (its last list
    # stands in): only then does "no newer date" say anything of a saved page
    read: bool = False

    @property
    def kept(self) -> str | None:
        """The date kept with a page saved from these lists (what a later run's :attr:`dated`
        is compared with): not a rebuilt list's build time when another list dates it."""
        return self.dated or self.date

    def add(self, date: str | None, published: str | None, unread: str | None, where: str,
            stamped: bool = False, read: bool = True, rebuilt: bool = False) -> None:
        self.date = _later(self.date, date)
        if not stamped:
            self.own = _later(self.own, date)
        if not rebuilt:
            self.dated = _later(self.dated, date)
        self.read = self.read or read
        # the earliest (a sitemap's lastmod, which stands in when it gives no publication date,
        # is a correction's time; it took the article's date when its list came first)
        if published and (not self.published or _newer(self.published, published)):
            self.published = published
        if unread and not (date or published) and not self.unread:
            self.unread, self.where = unread, where


def _entry(item) -> tuple[str, str | None, str | None, str | None]:
    """(url, date, published, unread) of a list entry kept in the state (two items before)."""
    item = list(item) + [None, None, None]
    return item[0], item[1], item[2], item[3]


# -- what a URL holds ----------------------------------------------------------------

def _head(body: bytes) -> bytes:
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    head = re.sub(rb"<\?xml[^>]*\?>|<!--.*?-->|<\?xml-stylesheet[^>]*\?>", b"", head, flags=re.S).lstrip()
    return head


def kind_of(body: bytes, content_type: str = "") -> str:
    """``feed``, ``sitemap``, ``sitemapindex``, ``page`` or ``other``, by the document's start."""
    if body[:2] == b"\x1f\x8b":
        return "gzip"
    head = _head(body)
    if head.startswith((b"<rss", b"<feed", b"<rdf:rdf", b"<rdf")):
        return "feed"
    if head.startswith(b"<urlset"):
        return "sitemap"
    if head.startswith(b"<sitemapindex"):
        return "sitemapindex"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or "html" in content_type:
        return "page"
    return "other"


def _date_iso(value) -> str | None:
    if value is None:
        return None
    return dt.datetime(*value[:6], tzinfo=dt.timezone.utc).isoformat()


def read_feed(body: bytes, where: str, notes: list[str]
              ) -> tuple[list[tuple[str, str | None, str | None, str | None]], str | None]:
    """(article URL, its newest date, its publication date, a date that could not be read)
    for each entry of an RSS/Atom feed, and the feed's own date (RSS ``lastBuildDate`` or
    ``pubDate``, Atom ``updated``); dates as ISO text or None (see :func:`read_date`)."""
    import feedparser  # only fetch needs it

    parsed = feedparser.parse(body)
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            notes.append(f"{where}: an entry without a link ({entry.get('title', '')[:60]!r}) was left out")
            continue
        # dict.get: feedparser's own get maps a missing "updated" to "published", with a warning;
        # the text is read first (feedparser turns 06:45 +07:00 into 23:45 the day before, in
        # UTC, and cannot read 29/11/2026 06:45), then what feedparser read
        dates = []
        unread = None
        for name in ("published", "updated"):
            raw = dict.get(entry, name)
            when = read_date(raw) or _date_iso(dict.get(entry, name + "_parsed"))
            if raw and not when:
                unread = unread or raw
            dates.append(when)
        published, updated = dates
        entries.append((clean_url(urljoin(where, link.strip())), _later(published, updated), published or updated,
                        unread if not (published or updated) else None))
    if not entries and parsed.get("bozo"):
        raise FetchError(f"not a readable feed ({parsed.get('bozo_exception')})")
    channel = parsed.get("feed", {})
    built = next((read_date(raw) for raw in (dict.get(channel, "updated"), dict.get(channel, "published"))
                  if read_date(raw)), None)
    return entries, built


STAMP_SECONDS = 60  # a list dating every entry within this of one time dates them all when it was built


def _stamped(entries, built: str | None) -> bool:
    """Whether a list dates its entries with the time it was built, not each with its own
    (a feed rebuilt on every request whose every item is dated "now"): it dates them all
    within :data:`STAMP_SECONDS` of one time, two entries or more, or its only one at its
    own build date (*built*). Such a date says nothing of an entry, so it does not make an
    address that answered 404 worth asking again. (A feed of one item, dated the time its
    build date gives, is taken for one: the item's own new date waits for the retry days.)"""
    instants = [_instant(_entry(e)[1] or "") for e in entries]
    if not instants or None in instants or (max(instants) - min(instants)).total_seconds() > STAMP_SECONDS:
        return False
    if len(instants) >= 2:
        return True
    own = _instant(built or "")
    return own is not None and abs((instants[0] - own).total_seconds()) <= STAMP_SECONDS


def read_sitemap(body: bytes, where: str) -> tuple[str, list[tuple[str, str | None]]]:
    """(``sitemap`` or ``sitemapindex``, [(URL, newest date, publication date, None)]) of a
    sitemap: ``lastmod``, and a Google News sitemap's ``news:publication_date``."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as err:
        raise FetchError(f"not a readable sitemap ({err})") from None
    if root is None:
        raise FetchError("not a readable sitemap (empty)")
    kind = "sitemapindex" if etree.QName(root).localname.lower() == "sitemapindex" else "sitemap"
    out = []
    for item in root:
        if not isinstance(item.tag, str):
            continue
        loc = lastmod = published = None
        for child in item.iter():  # news:publication_date lies inside <news:news>
            if not isinstance(child.tag, str) or child is item:
                continue
            name = etree.QName(child).localname
            if name == "loc" and child.text and etree.QName(child.getparent()).localname in ("url", "sitemap"):
                loc = child.text.strip()
            elif name == "lastmod" and child.text:
                lastmod = read_date(child.text) or child.text.strip()
            elif name == "publication_date" and child.text:
                published = read_date(child.text)
        if loc:
            out.append((clean_url(urljoin(where, loc)), _later(lastmod, published), published or lastmod, None))
    return kind, out


# -- saving ------------------------------------------------------------------------

def page_file(url: str) -> str:
    """Where a page is kept, relative to the pages folder: ``host/slug-hash.html``."""
    parts = urlsplit(url)
    host = re.sub(r"[^A-Za-z0-9.-]", "_", parts.hostname or "local") + (f"_{parts.port}" if parts.port else "")
    stem = parts.path.rstrip("/").rsplit("/", 1)[-1]
    stem = re.sub(r"\.(html?|php|aspx?|epi|vn)$", "", stem, flags=re.I)
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-")[:60] or "index"
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]
    return f"{host}/{stem}-{digest}.html"


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type or "", re.I)
    return match[1] if match else None




def page_bytes(response: Response, published: str | None = None) -> bytes:
    """The page as a browser saves it: the address it came from first, then the date its
    feed or sitemap gave (*published*: the article's date when the page gives none, see
    :func:`listed_date`), then the server's charset."""
    head = f"<!-- saved from url=({len(response.url):04d}){response.url} -->\n".encode("ascii", "replace")
    if published and re.fullmatch(r"\d{4}-\d\d-\d\d[0-9T:.+-]*", published):
        from indexer.webpages import LISTED_MARK  # (read there; trafilatura is loaded for the page anyway)

        head += f"{LISTED_MARK}{published} -->\n".encode("ascii")
    charset = _charset(response.headers.get("content-type", ""))
    if charset:  # the server's charset comes before any the page declares, as for a browser
        head += f'<meta charset="{charset}">\n'.encode("ascii", "replace")
    return head + response.body


def save_page(folder: Path, url: str, response: Response) -> str:
    """Write the page as a browser saves it (address first), atomically; its file."""
    rel = page_file(url)
    _write_atomic_in(folder, rel, page_bytes(response))
    return rel


def _write_atomic_in(folder: Path, rel: str, data: bytes) -> None:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(path, data)


def _read_article(path: Path, data: bytes) -> tuple[str | None, str | None]:
    """(the article's id, None) for the page *data*, to be saved in *path*; (None, why)
    when it holds no article (a "page not found" sent with 200, a list of links, a paywall)."""
    from indexer import webpages  # trafilatura: only when a page is fetched
    from indexer.errors import ParseError

    try:
        return webpages.parse_page(data, path.name, str(path)).id, None
    except ParseError as err:
        return None, err.message


def _no_article(path: Path, data: bytes) -> str | None:
    """Why the page *data* holds no article; None when it holds one."""
    return _read_article(path, data)[1]


def _holds_article(path: Path) -> bool:
    """Whether the page saved in *path* holds an article (so no answer without one replaces it)."""
    try:
        return path.is_file() and _no_article(path, path.read_bytes()) is None
    except OSError:
        return False


# -- the run ------------------------------------------------------------------------

def _instant(text: str) -> dt.datetime | None:
    """An ISO date or datetime as an aware datetime (one without a zone: UTC); None when unreadable."""
    try:
        when = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


def _newer(listed: str | None, saved: str | None) -> bool:
    if not listed:
        return False
    if not saved:
        return True
    # as instants: a feed's dates come in UTC (feedparser), a paper's sitemap in +07:00
    new, old = _instant(listed), _instant(saved)
    if new is not None and old is not None:
        return new > old
    return listed > saved  # unreadable: ISO text compares as text when written alike


def fetch(
    urls: list[str],
    folder: Path,
    options: Options = Options(),
    log: Log = lambda line: None,
    wait: bool = False,
    sleep: Callable[[float], None] = time.sleep,
) -> FetchReport:
    """Fetch *urls* (feeds, sitemaps, pages) and the articles they list into *folder*."""
    for url in urls:
        if urlsplit(url).scheme not in ("http", "https"):
            raise TimtinError(f'"{url}" is not a web address; give URLs starting with http:// or https://')
    folder.mkdir(parents=True, exist_ok=True)
    report = FetchReport()
    with _lock(folder, wait):
        state = State(folder)
        try:
            client = Client(options, log, sleep)
            # every URL once, with the newest date any feed or sitemap gives it, whatever
            # their order on the command line (a sitemap's correction after a feed's older date)
            articles: dict[str, Listed] = {}
            expanded: set[str] = set()  # feeds and sitemaps read this run
            entries = [pair for url in urls
                       for pair in _expand(client, state, folder, clean_url(url), report, log, 0, expanded)]
            unread_lists = {url for url, _ in report.failed}  # their last list stands in
            stamped: dict[str, tuple[bool, bool]] = {}  # list -> (stamped, rebuilt: two entries or more)
            for where, entry in entries:
                if where not in stamped:
                    record = state.lists.get(where) or {}
                    judged = _list_stamped(record)
                    stamped[where] = (judged, judged and len(record.get("entries", [])) >= 2)
                link, date, published, unread = _entry(entry)
                link = clean_url(link)  # (a list kept by a run before tracking parameters were dropped)
                articles.setdefault(link, Listed()).add(date, published, unread, where, stamped=stamped[where][0],
                                                        read=where not in unread_lists, rebuilt=stamped[where][1])
            if state.version < 2:
                _heal_duplicates(state, folder, report, log)
            budget = options.max_pages
            now = dt.datetime.now(dt.timezone.utc)
            for url, listed in articles.items():
                saved = _saved(state, url)
                if url in state.gone:
                    gone = state.gone[url]
                    if not _ask_gone_again(gone, listed.own, now):
                        report.skipped.append((url, f"gone (HTTP {gone['status']} on {gone['when'][:10]}; asked "
                                                    f"again {_gone_retry(gone)[:10]}, or once a feed or sitemap "
                                                    "gives it a newer date)"))
                        continue
                elif saved and not saved.get("no_article") and not _newer(listed.dated, saved.get("listed")):
                    # (a page that held no article is asked again, conditionally: it may hold one now)
                    # a date that only a rebuilt list moved does not ask it again: such a feed
                    # re-dates every item on every request, and every saved article was
                    # downloaded again on every run, and re-dated (a review's finding)
                    report.skipped.append((url, NOT_CHECKED if not listed.read else
                                           REBUILT if _newer(listed.date, saved.get("listed")) else
                                           "already saved, and its feed or sitemap gives no newer date"))
                    continue
                refused = client.allowed(url) if urlsplit(url).scheme in ("http", "https") else \
                    "not a web address (http:// or https://); not fetched"
                if refused:
                    report.skipped.append((url, refused))
                    continue
                if budget is not None and budget <= 0:
                    report.skipped.append((url, f"over --max-pages {options.max_pages}; the next run takes it"))
                    continue
                if budget is not None:
                    budget -= 1
                _fetch_page(client, state, folder, url, listed, saved, report, log)
                if listed.unread and url in report.fetched:  # said of the pages fetched only
                    report.notes.append(f"{listed.where}: cannot read the date {listed.unread!r} of {url}; "
                                        "fetched without it (the page's own date is used)")
            _forget_gone(state, articles, now, log)
        finally:  # the journal folded into the state file, whatever stopped the run
            state.save()
    return report


REBUILT = ("already saved; its feed or sitemap dates every entry with the time it was built, a newer time on "
           "every request, which says nothing of the article (asked again once a list gives it a newer date of its "
           "own)")
NOT_CHECKED = ("saved before; not checked for a newer version, as the feed or sitemap that lists it could not be "
               "read this run (named above)")


def _list_stamped(record: dict) -> bool:
    """Whether a list kept in the state dates its entries with its build time (:func:`_stamped`;
    a list kept by an earlier timtin is judged by its entries alone)."""
    if "stamped" in record:
        return record["stamped"]
    return _stamped(record.get("entries", []), None)


def _forget_gone(state: State, listed: dict, now: dt.datetime, log: Log) -> None:
    """Forget the addresses gone (404, 410) that no feed or sitemap has listed for
    :data:`GONE_FORGET_DAYS`: a busy paper's state grew by every article it ever took down.
    Those listed this run (*listed*) are marked seen (a sitemap of the whole archive may list
    thousands: not one journal line each, see :meth:`State.note`)."""
    forgotten = 0
    for url, gone in list(state.gone.items()):
        seen = _instant(gone.get("seen") or gone.get("when") or "")
        if seen is None:
            continue  # unreadable: kept, as before
        if url in listed:
            if now - seen > dt.timedelta(days=1):
                state.note("gone", url, {**gone, "seen": now.isoformat()})
        elif now - seen > dt.timedelta(days=GONE_FORGET_DAYS):
            state.put("gone", url, None)
            forgotten += 1
    if forgotten:
        log(f"forgot {forgotten} address{'es' if forgotten > 1 else ''} gone (HTTP 404 or 410) that no feed or "
            f"sitemap has listed for {GONE_FORGET_DAYS} days (listed again, they are asked again)")


def _saved(state: State, url: str) -> dict | None:
    """The record of *url*, or of the same address with tracking parameters (saved before
    they were dropped): one article, one page."""
    saved = state.pages.get(url)
    if saved is None:
        if state.aliases is None:
            state.aliases = {clean_url(key): record for key, record in state.pages.items() if clean_url(key) != key}
        saved = state.aliases.get(url)
    return saved


def _heal_duplicates(state: State, folder: Path, report: FetchReport, log: Log) -> None:
    """One saved page per address, once, in a folder fetched before tracking parameters were
    dropped: of the pages saved under one address with and without them (``x.html``,
    ``x.html?utm_source=rss``), the one saved last is kept and the others deleted (indexing
    named them "id already used" on every run, and kept the first-sorted, maybe stale,
    copy). Pages of other addresses are never taken for one another here, even when they
    name one canonical URL: a template may give every article its category page's (a
    reviewer's finding: distinct articles were deleted); one article saved twice under two
    addresses is left to the index, which indexes the newer (:func:`indexer.parsing.page_copies`)."""
    by_address: dict[str, list[str]] = {}
    for key, record in state.pages.items():
        if record.get("file") and (folder / record["file"]).is_file():
            by_address.setdefault(clean_url(key), []).append(key)
    for address, keys in by_address.items():
        if len({state.pages[k]["file"] for k in keys}) < 2:
            continue
        newest = max(keys, key=lambda k: state.pages[k].get("saved") or "")
        rel = state.pages[newest]["file"]
        for key in keys:
            old = state.pages[key]
            if old["file"] != rel:
                (folder / old["file"]).unlink(missing_ok=True)
                report.replaced.append((newest, key, rel))
                log(f"kept one copy of {address}: {old['file']} (saved from {key}) replaced by {rel} "
                    f"(saved from {newest}, later)")
            state.put("pages", key, {**old, "file": rel})
    state.version = 2


def _gone_retry(gone: dict) -> str:
    """When a gone URL is asked again without a newer date (ISO text)."""
    days = min(GONE_RETRY_DAYS * 2 ** max(0, gone.get("tries", 1) - 1), GONE_RETRY_MAX_DAYS)
    try:
        when = dt.datetime.fromisoformat(gone["when"])
    except (KeyError, ValueError):
        return ""
    return (when + dt.timedelta(days=days)).isoformat()


def _ask_gone_again(gone: dict, listed: str | None, now: dt.datetime) -> bool:
    """Whether a URL that answered 404/410 is asked again: a list dates it (*listed*, a date
    of its own: :attr:`Listed.own`) after the 404's own date (what it gave then, or the time
    of the 404), or its time to retry has come."""
    if _newer(listed, gone.get("listed") or gone.get("when")):
        return True
    retry = _gone_retry(gone)
    return bool(retry) and _instant(retry) <= now


def _expand(client: Client, state: State, folder: Path, url: str, report: FetchReport, log: Log, depth: int,
            expanded: set[str]):
    """The articles a URL stands for, as (feed or sitemap, entry): itself (a page) or those
    its feed or sitemap lists. A URL read once this run is not read again (*expanded*): a
    sitemap index that lists itself, or each of its sitemaps many times, would otherwise be
    a crawl without end."""
    if url in expanded:
        return []
    expanded.add(url)
    known = state.lists.get(url)
    page = state.pages.get(url) if known is None else None
    asked = known or page or {}
    try:
        response = client.get(url, asked.get("etag"), asked.get("last_modified"))
    except FetchError as err:
        report.failed.append((url, str(err)))
        log(f"failed {url}: {err}")
        if known and known.get("kind") == "sitemapindex":
            # its sitemaps are read all the same (or their own last lists stand in): taken for
            # articles, they were fetched as pages ("not a web page") and theirs named nowhere
            return _sitemaps_of(client, state, folder, url, known["entries"], report, log, depth, expanded)
        return [(url, e) for e in (known or {}).get("entries", [])]  # still fetch what it listed before
    if response.status == 304 and page:
        report.unchanged.append(url)
        return _no_article_given(client, state, folder, url, report, log, depth, expanded)
    if response.status == 304 and known:
        entries = known["entries"]
        kind = known.get("kind", "feed")
        what = "sitemaps" if kind == "sitemapindex" else "articles"  # an index lists sitemaps
        log(f"unchanged {url} (304): {len(entries)} {what} listed before")
        report.unchanged.append(url)
    elif response.status >= 400:
        report.failed.append((url, f"HTTP {response.status}"))
        log(f"failed {url}: HTTP {response.status}")
        return []
    else:
        body = response.body
        kind = kind_of(body, response.headers.get("content-type", ""))
        if kind == "gzip":
            try:
                body = gunzip(body)
            except zlib.error as err:
                report.failed.append((url, f"a gzip file that cannot be read ({err})"))
                return []
            except FetchError as err:
                report.failed.append((url, str(err)))
                log(f"failed {url}: {err}")
                return []
            kind = kind_of(body)
        if kind == "page":  # an article asked for by its address: kept as it came
            _store(state, folder, url, None, response, report, log)
            return _no_article_given(client, state, folder, url, report, log, depth, expanded)
        try:
            built = None
            if kind == "feed":
                entries, built = read_feed(body, response.url, report.notes)
            elif kind in ("sitemap", "sitemapindex"):
                kind, entries = read_sitemap(body, response.url)
            else:
                raise FetchError(f"not a feed, a sitemap or a web page (Content-Type "
                                 f"{response.headers.get('content-type', 'none')!r})")
        except FetchError as err:
            report.failed.append((url, str(err)))
            log(f"failed {url}: {err}")
            return []
        entries = [list(e) for e in entries]
        state.put("lists", url, {"kind": kind, "etag": response.headers.get("etag"),
                                 "last_modified": response.headers.get("last-modified"), "entries": entries,
                                 "stamped": _stamped(entries, built)})
        log(f"read {url}: {kind}, {len(entries)} entries")
    report.listed.append((url, kind, len(entries)))
    if kind == "sitemapindex":
        return _sitemaps_of(client, state, folder, url, entries, report, log, depth, expanded)
    return [(url, e) for e in entries]


def _sitemaps_of(client: Client, state: State, folder: Path, url: str, entries: list, report: FetchReport, log: Log,
                 depth: int, expanded: set[str]):
    """The articles the sitemaps a sitemap index (*url*) lists do (:func:`_expand`)."""
    if depth >= MAX_SITEMAP_DEPTH:
        report.failed.append((url, f"sitemap indexes nested over {MAX_SITEMAP_DEPTH} deep; left out"))
        return []
    out = []
    for child in entries:
        out += _expand(client, state, folder, _entry(child)[0], report, log, depth + 1, expanded)
    return out


def _named(urls: list[str], most: int = 5) -> str:
    return ", ".join(urls[:most]) + (f" and {len(urls) - most} more" if len(urls) > most else "")


def _no_article_given(client: Client, state: State, folder: Path, url: str, report: FetchReport, log: Log,
                      depth: int, expanded: set[str]):
    """A page given on the command line that holds no article (a home page, a section):
    the feeds it advertises are read in its stead; with none, it is named with the
    sitemaps robots.txt names, for the user to give instead (they are not read: a
    sitemap may list a paper's whole archive, hundreds of thousands of pages)."""
    record = state.pages.get(url) or {}
    if depth or not record.get("no_article"):
        return []
    feeds = [f for f in record.get("feeds", []) if f not in expanded]
    robots = client.robots.get(client._host(url))
    sitemaps = list(robots.site_maps() or []) if isinstance(robots, urllib.robotparser.RobotFileParser) else []
    report.failed[:] = [(u, why) for u, why in report.failed if u != url]
    if feeds:
        also = (f"; its robots.txt also names the sitemap{'s' if len(sitemaps) > 1 else ''} {_named(sitemaps)}, "
                "not read (it may list the whole archive: give it to read it)" if sitemaps else "")
        report.notes.append(f"{url} holds no article; it advertises the feed{'s' if len(feeds) > 1 else ''} "
                            f"{_named(feeds, MAX_ADVERTISED)}: read in its stead (give "
                            f"{'them' if len(feeds) > 1 else 'it'} instead of the page){also}")
        out = []
        for feed in feeds[:MAX_ADVERTISED]:
            out += _expand(client, state, folder, feed, report, log, depth + 1, expanded)
        return out
    if url in report.unchanged:  # said again on every run: the URL given gives nothing
        report.unchanged.remove(url)
    hint = (f"its robots.txt names the sitemap{'s' if len(sitemaps) > 1 else ''} {_named(sitemaps)}: give "
            "one of them instead (with --max-pages if it lists the whole archive)" if sitemaps else
            "it advertises no feed (<link rel=\"alternate\" type=\"application/rss+xml\">) and its robots.txt "
            "names no sitemap: give the address of the paper's RSS feed, its sitemap, or an article")
    report.failed.append((url, f"holds no article ({_first_clause(record['no_article'])}); {hint}"))
    return []


MAX_ADVERTISED = 20  # feeds read for a page that holds no article


def _first_clause(message: str) -> str:
    """A page reader's message without its advice, which is about saved files ("Remove it,
    or save the article again"): the fetcher says what applies to a page from a server."""
    return message.split(";")[0].split(". ")[0].strip()


def _advertised_feeds(body: bytes, base: str) -> list[str]:
    """The feeds a page advertises (``<link rel="alternate" type="application/rss+xml">``)."""
    found = []
    for tag in re.findall(rb"<link\b[^>]*>", body[:200_000], re.I):
        attrs = {k.lower().decode(): v.decode("utf-8", "replace") for k, _, v in
                 re.findall(rb"""([\w:-]+)\s*=\s*(["'])(.*?)\2""", tag, re.S)}
        if "alternate" in attrs.get("rel", "").lower().split() and attrs.get("type", "").lower().strip() in \
                FEED_TYPES and attrs.get("href"):
            feed = clean_url(urljoin(base, attrs["href"].strip()))
            if feed not in found and urlsplit(feed).scheme in ("http", "https"):
                found.append(feed)
    return found[:MAX_ADVERTISED]  # (kept in the state as read: a page advertising 1,000 feeds kept them all)


def _fetch_page(client: Client, state: State, folder: Path, url: str, listed: Listed, saved, report, log) -> None:
    try:
        response = client.get(url, (saved or {}).get("etag"), (saved or {}).get("last_modified"))
    except FetchError as err:
        report.failed.append((url, str(err)))
        log(f"failed {url}: {err}")
        return
    if response.status == 304:
        report.unchanged.append(url)
        if saved is not None and listed.kept:
            state.put("pages", url, {**saved, "listed": listed.kept})
        return
    _store(state, folder, url, listed, response, report, log)


def _same_article(state: State, url: str, rel: str) -> list[str]:
    """The addresses of pages saved before in another file than *rel* under *url* with
    tracking parameters (``x.html?utm_source=rss`` for ``x.html``): the same page. (Not
    those naming one canonical URL: see :func:`_heal_duplicates`.)"""
    if state.ids is None:  # built once a run: a folder may hold 50,000 pages
        state.ids = {}
        for key, record in state.pages.items():
            if record.get("file"):
                state.ids.setdefault(clean_url(key), []).append(key)
    return [key for key in dict.fromkeys(state.ids.get(url, []))
            if key != url and (state.pages.get(key) or {}).get("file") not in (None, rel)]


def _store(state: State, folder: Path, url: str, listed: Listed | None, response: Response, report: FetchReport,
           log: Log) -> None:
    """Keep a page's answer: the page itself, or why there is none."""
    listed = listed or Listed()
    saved = state.pages.get(url)
    if response.status in (404, 410):
        before = state.gone.get(url) or {}
        now = dt.datetime.now(dt.timezone.utc).isoformat()
        state.put("gone", url, {"status": response.status, "when": now, "listed": listed.own,
                                "tries": before.get("tries", 0) + 1, "seen": now})
        retry = _gone_retry(state.gone[url])[:10]
        if saved and saved.get("file") and (folder / saved["file"]).is_file():
            why = (f"HTTP {response.status}: the paper took it down or moved it; the copy saved "
                   f"{(saved.get('saved') or '')[:10]} ({saved['file']} in {folder}) stays indexed and searchable "
                   f"(delete that file and run timtin reindex to drop it). Asked again {retry}, or once a feed or "
                   "sitemap gives it a newer date")
        else:
            why = (f"HTTP {response.status} (asked again {retry}, or once a feed or sitemap gives it a newer date; "
                   "fetch the page's URL to retry now)")
        report.failed.append((url, why))
        log(f"failed {url}: HTTP {response.status}")
        return
    if response.status >= 400:
        report.failed.append((url, f"HTTP {response.status}"))
        log(f"failed {url}: HTTP {response.status}")
        return
    kind = kind_of(response.body, response.headers.get("content-type", ""))
    if kind != "page":
        report.skipped.append((url, f"not a web page (Content-Type {response.headers.get('content-type', 'none')!r})"))
        return
    data = page_bytes(response, listed.published)
    path = folder / page_file(response.url)
    article_id, refused = _read_article(path, data)
    own = folder / saved["file"] if saved and saved.get("file") else path  # the copy saved before
    kept_article = bool(refused) and _holds_article(own)  # (the saved page read once)
    feeds = _advertised_feeds(response.body, response.url) if refused else []
    if refused and saved and saved.get("no_article") and not kept_article:
        # still no article, as last time (a "not found" page's time or request id may have
        # changed): said then; the record takes the new ETag and the feed's date
        state.put("pages", url, {**saved, "etag": response.headers.get("etag"),
                                 "last_modified": response.headers.get("last-modified"),
                                 "listed": listed.kept or saved.get("listed"), "feeds": feeds})
        report.unchanged.append(url)
        return
    if kept_article:
        report.skipped.append((url, f"the new answer holds no article ({_first_clause(refused)}); the article "
                                    "saved before is kept"))
        log(f"kept the saved copy of {url}: the new answer holds no article")
        return
    record = {"file": None, "etag": response.headers.get("etag"),
              "last_modified": response.headers.get("last-modified"), "listed": listed.kept,
              "final_url": response.url, "saved": dt.datetime.now(dt.timezone.utc).isoformat()}
    if refused:  # not kept (indexing would report it on every run), but remembered: asked again conditionally
        if saved and saved.get("file") == page_file(response.url) and path.is_file():
            path.unlink()  # our own copy of it, saved before and holding no article either
        state.put("pages", url, {**record, "no_article": refused, "feeds": feeds})
        report.failed.append((url, f"holds no article ({_first_clause(refused)}); not kept, and not reported again "
                                   "until the page changes"))
        log(f"no article in {url}: {_first_clause(refused)}")
        return
    # one file per article, whatever address led to it: the file saved before for this
    # address, else one named after the page's own address
    rel = saved["file"] if saved and saved.get("file") and own.is_file() else page_file(response.url)
    same = [key for key in _same_article(state, url, rel) if (folder / state.pages[key]["file"]).is_file()]
    if same and not (saved and saved.get("file") and own.is_file()):
        rel = state.pages[same[0]]["file"]  # the same article saved before under another address
    _write_atomic_in(folder, rel, data)
    record["file"], record["id"] = rel, article_id
    state.put("pages", url, record)
    state.ids.setdefault(url, []).append(url)
    if response.url != url:
        state.put("pages", response.url, record)
    replaced = []
    for key in dict.fromkeys(same):  # this newer answer replaces the copies saved with tracking parameters
        old = state.pages[key]
        if old["file"] != rel:
            (folder / old["file"]).unlink(missing_ok=True)
        state.put("pages", key, {**old, "file": rel, "id": article_id})
        replaced.append(key)
        report.replaced.append((url, key, rel))
    if url in state.gone:
        state.put("gone", url, None)
    report.fetched.append(url)
    log(f"saved {url}" + (f" (redirected to {response.url})" if response.url != url else "") + f" -> {rel}"
        + (f" (the same article as {', '.join(replaced)}, saved before: replaced)" if replaced else ""))


def parse_every(text: str) -> float:
    """``30s``, ``15m``, ``2h``, ``1d`` (or plain seconds) -> seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text or "")
    if not match:
        raise TimtinError(f'Cannot read the interval "{text}"; write it like 30s, 15m, 2h or 1d')
    seconds = float(match[1]) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match[2]]
    if seconds < 60:
        raise TimtinError(f'The interval "{text}" is under a minute; fetch at most once a minute (--every 1m)')
    return seconds


def default_pages_folder(index_dir: Path) -> Path:
    """Where fetched pages are kept: ``var/index-pages`` for the index ``var/index``."""
    index_dir = Path(index_dir)
    return index_dir.with_name(index_dir.name + "-pages")


def run(
    urls: list[str],
    index_dir: Path,
    folder: Path | None = None,
    options: Options = Options(),
    log: Log = lambda line: None,
    wait: bool = False,
    procs: int = 1,
    curated=None,
):
    """Fetch *urls* into *folder* (:func:`default_pages_folder` when None), then index
    the whole folder: pages saved by an earlier, interrupted run are indexed too.
    Returns ``(FetchReport, IndexReport)``."""
    from indexer import indexing

    folder = Path(folder) if folder is not None else default_pages_folder(index_dir)
    try:
        report = fetch(urls, folder, options, log, wait)
    except KeyboardInterrupt:
        # the pages saved so far are indexed now, not by the next run (a cron's next run may
        # be hours away); a second Ctrl-C stops that at once (the indexing keeps what it had)
        log(f"Interrupted: indexing the pages saved so far in {folder} (Ctrl-C again to stop at once; "
            "the next fetch or timtin reindex indexes them then)")
        raise Interrupted(indexing.update(index_dir, [folder], procs=procs, wait=wait, curated=curated)) from None
    return report, indexing.update(index_dir, [folder], procs=procs, wait=wait, curated=curated)
