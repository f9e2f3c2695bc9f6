"""Read articles from disk: text files shaped like a printed article, JSON Lines, and
saved web pages (.html, .htm, a server page saved under its address, any file that starts
as HTML: read by :mod:`indexer.webpages`; :func:`page_copies` finds one page saved twice).

:func:`find_files` lists the article files under the paths a user gives;
:func:`read_file` turns one file into :class:`~indexer.models.Article` records and
:class:`~indexer.models.Problem` reports (one bad article never stops the others);
:func:`parse_text` and :func:`parse_record` do the reading proper, and
:mod:`indexer.officials` adds the officials each article names.

A text article looks like this (blank lines between blocks)::

    Thứ ba, 19/01/2021
    <title>
    LSO-<first paragraph, the lead>
    <paragraphs, and photo captions between them>
    PHƯƠNG DUNG
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import functools
import html
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from indexer import bundled, normalize
from indexer import officials as officials_mod
from indexer.errors import ParseError, TimtinError
from indexer.models import Article, Problem
from indexer.normalize import clean, title_case

ARTICLE_SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
# files a saved site holds beside its pages that are no articles: not read in a folder
# (`wget --mirror` saves the site's robots.txt); given by name, they are read
NOT_ARTICLES = frozenset({"robots.txt"})
# pages a server makes, saved by `wget --mirror` without -E under the address's own name
# (`tin.aspx?id=901&cat=2`): read in a folder when they hold HTML (see looks_like_html)
SERVER_PAGE_SUFFIXES = (".aspx", ".asp", ".php", ".jsp", ".cfm", ".shtml")
# the start of an HTML file: a BOM, blanks and comments (a browser's "saved from url="), then the document
_HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]",
                         re.I | re.S)
MAX_FILE_BYTES = 256 * 1024 * 1024  # a JSONL file; read in spans when indexing with several processes
MAX_ARTICLE_CHARS = 2_000_000  # about 400 pages: larger is not one article
# Asia/Ho_Chi_Minh: UTC+7 all year, without summer time, since 1975. A fixed offset needs no tz database.
VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")
_ISO_INSTANT = re.compile(r"\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_ISO_WHOLE = re.compile(r"\s*\d{4}-\d{2}-\d{2}[T ][\d:.,]+(?:Z|[+-]\d{2}:?\d{2})?\s*$")

_WEEKDAY = r"(?:th[ứu]\s*(?:hai|ba|t[ưu]|n[ăa]m|s[áa]u|b[ảa]y|[2-7])|ch[ủu]\s*nh[ậa]t|cn)"
_TIME = r"(?P<{h}>\d{{1,2}})\s*[:hg]\s*(?P<{m}>\d{{2}})(?:\s*(?P<{h}_ap>am|pm))?"
_DATE_LINE = re.compile(
    r"^\s*(?:(?:" + _TIME.format(h="h1", m="m1") + r")\s*[,-]?\s*)?"
    r"(?:" + _WEEKDAY + r"\s*[,-]?\s*)?"
    r"(?:ngày\s+)?"
    r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<mo>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    r"|(?P<iy>\d{4})-(?P<imo>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<wd>\d{1,2})\s+tháng\s+(?P<wmo>\d{1,2})\s*,?\s*năm\s+(?P<wy>\d{4}))"  # "ngày 30 tháng 11 năm 2026"
    r"(?:\s*[,|-]?\s*(?:lúc\s*)?" + _TIME.format(h="h2", m="m2") + r")?"
    r"\s*(?:\(?\s*(?:GMT|UTC)\s*(?P<gmt>[+-]\s*\d{1,2})?\s*\)?)?\s*$",
    re.IGNORECASE,
)
# "LSO-", "(LSO) -", "TTO - ", "VOV.VN -", "GD&TĐ -", "(Dân trí) -"
_DATELINE_PREFIX = re.compile(
    r"^(?:\((?P<paren>[^()\n]{2,30})\)|(?P<code>[A-ZĐ][A-ZĐ0-9&]{1,9}(?:\.[A-Za-z]{2,4})?))"
    r"\s*[-–—]+\s*(?=\S)"
)
_SPACED_DASH = re.compile(r"\s[-–—]|[-–—]\s")
_INDEX_NAME = re.compile(r"[-–—]index\b", re.I)  # after a code: "VN-Index tăng 5 điểm" opens a sentence
_FINAL_PUNCT = tuple(".!?…:;\"”»'’)]")
_JOIN_AFTER = tuple(",;-–—(")
_BYLINE_LEAD = re.compile(r"^(?:bài(?:\s*(?:,|và)\s*ảnh)?|ảnh|tin|nhóm phóng viên)\s*:?\s*", re.I)
_BYLINE = re.compile(r"^[^\W\d_][^\W\d_ .]*\+?(?:[ .]+[^\W\d_]+\+?)*(?:\s*[-–,/]\s*[^\W\d_]+\+?(?:[ .]+[^\W\d_]+\+?)*)*$")
_COMPILED = re.compile(r"\s*\((?:T/H|TH|TỔNG HỢP)\)$", re.I)  # "(T/H)" after a byline: compiled from others
MAX_CAPTION_CHARS = 250


@dataclass(frozen=True)
class Unread:
    """A folder that cannot be listed, or an article name that is not a regular file:
    reported, and the articles already indexed from under *origin* are kept."""

    problem: Problem
    origin: str  # as origin_of gives it; a folder's ends with os.sep


def walk(paths: Iterable[Path], elsewhere: Iterable[Path] = ()) -> Iterator[tuple[Path, Path] | Unread]:
    """Yield ``(file, root)`` for every article file under *paths*, sorted, and an
    :class:`Unread` for each folder that cannot be listed and each article name that
    is not a regular file (a FIFO, a socket, a device): never skipped in silence.

    *root* is the folder ids are made relative to: the folder given, or for a file
    given directly, its own folder. Symbolic links to folders are followed, each
    folder walked once; a link to another folder of *paths*, or of *elsewhere* (the
    index's other sources), is not followed, as that folder gives its files under its own
    ids (they were read twice). A saved site's
    ``robots.txt`` (:data:`NOT_ARTICLES`) is no article file.
    """
    paths = list(paths)
    roots = {}
    for path in [*paths, *elsewhere]:
        try:
            info = os.stat(path)
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode):
            roots[path] = (info.st_dev, info.st_ino)
    for path in paths:
        if path in roots:
            yield from _walk_folder(path, set(roots.values()) - {roots[path]})
        else:
            yield path, path.parent


def _walk_folder(root: Path, others: set[tuple[int, int]] = frozenset()) -> Iterator[tuple[Path, Path] | Unread]:
    """The files under *root* (see :func:`walk`), leaving out the folders *others* (device
    and inode), walked as roots of their own."""
    unread: list[Unread] = []

    def unreadable(err: OSError) -> None:
        folder = Path(err.filename or root)
        fix = ("move the folder higher up or shorten its name" if err.errno == errno.ENAMETOOLONG
               else "make it readable (chmod u+rx)")
        shown = str(folder) if len(str(folder)) < 300 else f"{str(folder)[:120]}…{str(folder)[-120:]}"
        unread.append(Unread(
            Problem(shown, f"cannot read the folder ({err.strerror}"
                           + (f": {len(str(folder)):,} characters" if err.errno == errno.ENAMETOOLONG else "")
                           + f"); its articles were not read, and those already indexed are kept. "
                             f"{fix.capitalize()} and index again"),
            origin_of(folder, root).rstrip(os.sep) + os.sep,
        ))

    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=True):
        try:
            info = os.stat(folder)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen or (info.st_dev, info.st_ino) in others:
            dirs[:] = []  # a link back up the tree: walked once; to another folder given: walked as it
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs.sort()
        for name in files:
            if Path(name).suffix.lower() in ARTICLE_SUFFIXES and name.lower() not in NOT_ARTICLES:
                found.append(Path(folder) / name)
            elif server_page(name) and _holds_html(Path(folder) / name):
                found.append(Path(folder) / name)
    yield from unread
    for file in sorted(found):
        try:
            mode = file.stat().st_mode
        except OSError:
            mode = None  # a dangling link, or a file we cannot look at: reading it says why
        if mode is not None and not stat.S_ISREG(mode):
            if stat.S_ISDIR(mode):
                continue  # a folder named like an article file: its contents were walked
            yield Unread(Problem(str(file), f"is a {_kind(mode)}, not a file; it was skipped, and the articles "
                                            "indexed from it are kept. Put the article file back, or delete it"),
                         origin_of(file, root))
            continue
        yield file, root


def server_page(name: str) -> bool:
    """Whether a file's *name* is a server page's address (``tin.aspx?id=901&cat=2``,
    ``bai-viet.php``; ``@`` for ``?`` as `wget --restrict-file-names=windows` writes it)."""
    if Path(name).suffix.lower() in (".html", ".htm"):  # `wget -E`: ids as every .html file's (a reviewer)
        return False
    return Path(re.split(r"[?@]", name, maxsplit=1)[0]).suffix.lower() in SERVER_PAGE_SUFFIXES


def looks_like_html(data: bytes) -> bool:
    """Whether *data* is an HTML document: ``<!doctype html`` or ``<html`` at its start,
    after a byte-order mark, blanks and comments."""
    return _HTML_START.match(data[:65536]) is not None


def _holds_html(file: Path) -> bool:
    """Whether a server page's file holds HTML (its feeds, JSON and scripts are no articles).
    One that cannot be read is listed, so that reading it says why."""
    try:
        with open(file, "rb") as fh:
            return looks_like_html(fh.read(65536))
    except OSError:
        return True


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


_CANONICAL_HINT = re.compile(
    rb"""<link\b[^>]*\brel\s*=\s*["']?canonical["'\s>][^>]*>|<meta\b[^>]*\bog:url\b[^>]*>""", re.I)
_HREF_HINT = re.compile(rb"""\b(?:href|content)\s*=\s*["']?([^"'\s>]+)""", re.I)
_SAVED_HINT = re.compile(rb"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)


def _address_hint(file: Path) -> str | None:
    """The address a saved page names for itself, read cheaply from its first bytes (its
    canonical, og:url or a browser's "saved from"), to find pages saved twice; None for a
    file that is no page (JSON Lines; a text article: it has no address, its id is its
    path), or that names none. A page is one by its name, or, named otherwise (``bai.txt``),
    by its first bytes, as :func:`iter_file` reads it."""
    suffix = Path(file).suffix.lower()
    if suffix == ".jsonl":
        return None
    named = suffix in (".html", ".htm") or server_page(file.name)
    try:
        with _open_regular(file, str(file)) as fh:  # (a FIFO given by name is named when it is read, never waited on)
            head = fh.read(512)
            if not named and not head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"<"):
                return None  # a text article (its date line first): the rest is not read
            head += fh.read(65536 - len(head))
    except (ParseError, OSError):
        return None
    if not named and not looks_like_html(head):
        return None
    hints = [m[1] for tag in _CANONICAL_HINT.finditer(head) if (m := _HREF_HINT.search(tag[0]))]
    if saved := _SAVED_HINT.search(head[:4096]):
        hints.append(saved[1])
    hints = [h.decode("utf-8", "replace").strip() for h in hints]
    hints = [h for h in hints if h.lower().startswith(("http://", "https://", "/"))
             and urlsplit(h).path.strip("/").lower() not in ("", "index.html", "index.htm", "index.php", "home")]
    return hints[0] if hints else None


@dataclass(frozen=True)
class PageCopy:
    """One of two files or more holding the same web page (the same canonical address)."""

    file: Path
    date: dt.date | None
    mtime_ns: int
    runs: frozenset  # the body's runs of four words, to tell one article's copies from articles sharing an address


# Of two pages naming one canonical address, the share of the shorter body's runs of four
# words the other holds for the two to be one article saved twice (a copy, or its update:
# nearly all; distinct articles a template gives one address share next to none. Words
# alone were too loose: Vietnamese syllables overlap so much that 1-4% of unrelated real
# articles share 60% of them, and distinct articles were left out: a reviewer's finding)
SAVED_TWICE_SHARE = 0.8


def page_copies(jobs: list[tuple[Path, Path, object]], indexed: Mapping[str, str] | None = None,
                held: Mapping[str, str] | None = None) -> tuple[set[int], list[str], dict[str, int]]:
    """Find web pages saved twice among *jobs* (``(file, root, span)``): files whose article
    id is one canonical address and whose texts are one article's (a wget copy and a
    browser copy of it, or its update: :data:`SAVED_TWICE_SHARE` of the runs of words). Returns
    the jobs to leave out, the older copies (by the date the index gives them, then the
    file's modification time; on a tie, the copy the index holds), a note for each naming
    the copy kept, and for each address whose copies include the one the index holds, the
    job kept. Pages of one address and other texts (a template naming its category page as
    every article's canonical) are left to the id rule, which keeps the first and names the
    others.

    *indexed* (web addresses the index holds -> the file each was indexed from) brings in
    the copies an earlier run indexed from files this run does not read (``timtin index a/``,
    then ``timtin index b/``): the newer wins across runs too. An older indexed copy is then
    replaced (named in a note as left out; its file stays on disk); the run's older copy is
    left out, the indexed one kept (on a tie, the indexed one: nothing changes).

    *held* (web addresses -> the file the index took each from; *indexed* when not given)
    tells a rebuild, which reads every copy, the one the index holds: kept on a tie, as
    ``index`` keeps it, and only the copies of its article take its id (another article
    under its address, saved twice, does not: the id rule keeps the one the index held).

    Candidates are found by the address a page names in its first bytes; only they are read
    whole (a rare case), so a folder of pages costs one small read a file more."""
    by_hint: dict[str, list[int]] = {}
    for n, (file, _root, span) in enumerate(jobs):
        if span is None and (hint := _address_hint(file)):
            by_hint.setdefault(hint, []).append(n)
    elsewhere = _indexed_elsewhere(by_hint, jobs, indexed) if indexed else {}
    held = indexed if held is None else held
    drop: set[int] = set()
    notes: list[str] = []
    kept: dict[str, int] = {}
    for hint, numbers in by_hint.items():
        copies_of = [(n, *jobs[n][:2]) for n in numbers]
        copies_of += [(None, Path(origin), Path(origin).parent) for origin in elsewhere.get(hint, ())]
        if len(copies_of) < 2:
            continue
        from indexer import webpages  # trafilatura is loaded only when a page is read

        by_id: dict[str, list[list[tuple[int | None, PageCopy, bool]]]] = {}  # address -> the articles under it
        for n, file, root in copies_of:
            try:
                with _open_regular(file, str(file)) as fh:
                    data = _read_all(fh, str(file))
                    mtime = os.fstat(fh.fileno()).st_mtime_ns
                article = webpages.parse_page(data, article_id(file, root), str(file))
            except Exception:  # noqa: BLE001 - read with the others, which names what is wrong with it
                continue
            if not (article.url and article.id == article.url):
                continue
            if n is None and indexed.get(article.id) != str(file):
                continue  # the file indexed now holds another address
            words = normalize.words(article.body)
            copy = PageCopy(file, article.date, mtime, frozenset(zip(words, words[1:], words[2:], words[3:])))
            # (the copy the index holds: its file, recorded as origin_of records it)
            holds = bool(held) and held.get(article.id) == (str(file) if n is None else origin_of(file, root))
            articles = by_id.setdefault(article.id, [])
            same = next((found for found in articles if _one_text(found[0][1].runs, copy.runs)), None)
            if same is None:
                articles.append([(n, copy, holds)])
            else:
                same.append((n, copy, holds))
        for address, articles in by_id.items():
            keepers = []  # each article's copy indexed: (job or None for the copy the index holds, copy)
            for copies in articles:
                if len(copies) < 2:
                    keepers.append(copies[0][:2])
                    continue
                # on a tie, the copy the index holds (a rebuild took the first by path: a reviewer's
                # finding), then the first read
                keep_n, keep, _ = max(copies, key=lambda c: (c[1].date or dt.date.min, c[1].mtime_ns, c[2],
                                                             1 if c[0] is None else -c[0]))
                keepers.append((keep_n, keep))
                if keep_n is not None and any(c[2] for c in copies):  # the id goes with the article it names
                    kept[address] = keep_n
                for n, copy, _ in copies:
                    if copy is keep:
                        continue
                    if n is not None:
                        drop.add(n)  # (an older copy the index holds is replaced by the one kept)
                    why = ("the page's date and the time it was saved being the same"
                           if (keep.date, keep.mtime_ns) == (copy.date, copy.mtime_ns) else
                           "saved later, the page's date being the same" if keep.date == copy.date else
                           f"dated {keep.date:%d/%m/%Y}, this one "
                           + (f"{copy.date:%d/%m/%Y}" if copy.date else "undated"))
                    notes.append(f"{copy.file}: the same article as {keep.file} ({address}), saved twice; the "
                                 f"newer copy was indexed ({why}), this one left out (delete the copy you do not "
                                 "need, and this note is not given again)")
            # another article under the address of one an earlier run indexed (a template naming its
            # category page as every article's canonical): the id rule across runs lets the run's replace
            # it, which went unsaid (within one run, the second is named): said now
            held_copy = next((copy for n, copy in keepers if n is None), None)
            notes += [f"{copy.file}: another article than the one indexed from {held_copy.file} under its address "
                      f"({address}), their texts differing; it replaces that one, as the article indexed last does "
                      "(give each article its own address, or delete the one you do not need)"
                      for n, copy in keepers if n is not None and held_copy is not None]
    return drop, notes, kept


def _indexed_elsewhere(by_hint: dict[str, list[int]], jobs: list, indexed: Mapping[str, str]) -> dict[str, list[str]]:
    """For each address hint of the run's pages, the files the index holds that address
    from (among *indexed*) that the run does not read and that are saved pages."""
    relative: dict[str, list[str]] = {}  # "/thoi-su/x.html" -> the addresses the index holds under it
    if any(hint.startswith("/") for hint in by_hint):
        for address in indexed:
            parts = urlsplit(address)
            relative.setdefault(parts.path + (f"?{parts.query}" if parts.query else ""), []).append(address)
    found: dict[str, list[str]] = {}
    for hint in by_hint:
        key = html.unescape(hint)
        for address in (relative.get(key, ()) if key.startswith("/") else (key,) if key in indexed else ()):
            found.setdefault(hint, []).append(indexed[address])
    if not found:
        return {}
    read = {os.path.abspath(file) for file, _, _ in jobs} | {origin_of(file, root) for file, root, _ in jobs}
    return {hint: kept for hint, origins in found.items()
            if (kept := [o for o in dict.fromkeys(origins) if o not in read and _address_hint(Path(o))])}


def _one_text(a: frozenset, b: frozenset) -> bool:
    """Whether two bodies' runs of words are one article's (:data:`SAVED_TWICE_SHARE` of the shorter's)."""
    shorter = min(len(a), len(b))
    return bool(shorter) and len(a & b) >= SAVED_TWICE_SHARE * shorter


def find_files(paths: Iterable[Path]) -> Iterator[tuple[Path, Path]]:
    """Yield ``(file, root)`` for every article file under *paths*, sorted (see :func:`walk`)."""
    for item in walk(paths):
        if not isinstance(item, Unread):
            yield item


def origin_of(file: Path, root: Path) -> str:
    """The absolute path an article is recorded under: its folder resolved, the file's
    own name kept, so that deleting a symbolic link removes the article it brought."""
    return str(Path(os.path.abspath(root)).resolve() / file.relative_to(root))


MAX_ID_CHARS = 200  # percent-encoded, 1,800 bytes at most: well inside a server's request-line limit


def article_id(file: Path, root: Path) -> str:
    """The stable id of a text article: its path under *root*, without extension; a
    server page's whole (``tin.aspx?id=901&cat=2``: its query tells the articles apart)."""
    if server_page(file.name):
        return file.relative_to(root).as_posix()
    return file.relative_to(root).with_suffix("").as_posix()


def check_id(article_id: str, at: str) -> None:
    """Refuse an id no web address can carry: control characters (a line break, a
    tab) or more than MAX_ID_CHARS characters. Anything else is served (see webui)."""
    bad = next((ch for ch in article_id if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")), None)
    if bad is not None:
        raise ParseError(at, f"the id {article_id[:60]!r} holds the control character U+{ord(bad):04X}, which no "
                             "web address can show; remove it from the id")
    if len(article_id) > MAX_ID_CHARS:
        raise ParseError(at, f"the id is {len(article_id):,} characters long, over the {MAX_ID_CHARS} a web "
                             "address can carry; give the article a shorter id")


def read_file(
    file: Path,
    root: Path,
    shown: str | None = None,
    curated: officials_mod.Curated | None = None,
    span: tuple | None = None,
) -> list[Article | Problem]:
    """Read one file into articles (with officials) and problems (see :func:`iter_file`)."""
    return list(iter_file(file, root, shown, curated, span))


def iter_file(
    file: Path,
    root: Path,
    shown: str | None = None,
    curated: officials_mod.Curated | None = None,
    span: tuple | None = None,
) -> Iterator[Article | Problem]:
    """Read one file into articles (with officials) and problems, one at a time.

    A JSON Lines file is read a line at a time, so memory stays bounded however
    large it is, and a line that cannot be read is one problem naming its line.

    :param shown: how to name the file in messages (defaults to *file*).
    :param curated: a hand-kept officials list to apply after the rules.
    :param span: ``(start, end, first line number, size, mtime_ns)``: only these bytes
        of a JSON Lines file (from :func:`jsonl_spans`), so that workers can share one file.
    """
    where = shown or str(file)
    origin = origin_of(file, root)
    try:
        fh = _open_regular(file, where)
    except ParseError as err:
        yield Problem(err.where, err.message)
        return
    with fh:
        if file.suffix.lower() == ".jsonl":
            yield from _read_jsonl(fh, file, root, where, origin, curated, span)
            return
        page = file.suffix.lower() in (".html", ".htm")
        try:
            size = os.fstat(fh.fileno()).st_size
            if size > 4 * MAX_ARTICLE_CHARS:
                raise ParseError(where, f"the file is {size:,} bytes long, over the {MAX_ARTICLE_CHARS:,} "
                                        f"characters one article may have (at most {4 * MAX_ARTICLE_CHARS:,} "
                                        "bytes); split it into articles (or remove it if it is not one)")
            data = _read_all(fh, where)
            page = page or looks_like_html(data)  # a web page whatever its name (tin.aspx?id=901, a .txt)
            if page:
                from indexer import webpages  # trafilatura is loaded only when a page is read

                article, warnings = webpages.parse_page(data, article_id(file, root), where), []
            else:
                text = decode(data, where)
                text_id = article_id(file, root)
                check_id(text_id, where)
                article, warnings = parse_text(text, text_id, where)
        except ParseError as err:
            yield Problem(err.where, err.message + ("" if page else _read_as_text(file)))
            return
        except Exception as err:  # noqa: BLE001 - a fault of timtin's: this file only, named
            yield fault(where, err)
            return
    yield from warnings
    yield _finish(article, origin, where, curated)


def _read_as_text(file: Path) -> str:
    """What a problem with a file given by name, of no article suffix, adds: that it was read
    as a text article (``note.md``: "line 1 is not a date line" alone would puzzle)."""
    if file.suffix.lower() in ARTICLE_SUFFIXES:
        return ""
    kind = f"a {file.suffix} file" if file.suffix else "a file without a suffix"
    return (f" ({kind} is read as a text article like the .txt ones; "
            "timtin reads .txt, .jsonl, .html and .htm, and any file that starts as a web page: leave it out "
            "if it is no article)")


def _open_regular(file: Path, where: str):
    """Open *file* for reading, refusing anything but a regular file without blocking
    (opening a FIFO for reading would wait for a writer forever)."""
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as err:
        raise ParseError(where, f"cannot read the file ({err.strerror}); check it exists and is readable "
                                "(the articles indexed from it are kept)") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise ParseError(where, "is a folder, not an article file")
        raise ParseError(where, f"is a {_kind(mode)}, not a file; it was skipped (the articles indexed "
                                "from it are kept). Give a regular .txt, .jsonl or .html file")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _read_all(fh, where: str) -> bytes:
    try:
        return fh.read()
    except OSError as err:
        raise ParseError(where, f"cannot read the file ({err.strerror}); check it is readable "
                                "(the articles indexed from it are kept)") from None


def fault(where: str, err: Exception) -> Problem:
    return Problem(where, f"timtin failed on this article ({type(err).__name__}: {err}); "
                          "it was skipped. Please report it with the file.")


def _too_long(size: int, unit: str = "characters") -> str:
    return (f"the article is {size:,} {unit} long, over the {MAX_ARTICLE_CHARS:,} characters one article "
            "may have; split it into articles (or remove it if it is not one)")


def _finish(article: Article, origin: str, where: str, curated=None) -> Article | Problem:
    """Add where the article came from and its officials.

    A fault in the extractor must not stop a batch: it skips this one article.
    """
    try:
        return officials_mod.with_officials(replace(article, origin=origin, where=where), curated)
    except Exception as err:  # noqa: BLE001 - reported, never silenced
        return fault(where, err)


def decode(data: bytes, where: str) -> str:
    """Bytes to text: UTF-8 (with or without a BOM) or UTF-16 with a BOM."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ParseError(where, "starts like UTF-16 but is not valid UTF-16; re-save it as UTF-8")
    if b"\x00" in data:
        raise ParseError(where, "looks like a binary file (it holds NUL bytes), not an article; remove it")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        legacy = legacy_encoding(data)
        if legacy == "Windows-1258":
            return data.decode("cp1258")  # tones as combining marks: clean() composes them
        if legacy:
            raise ParseError(
                where,
                f"is in the legacy Vietnamese encoding {legacy}, not Unicode; convert it to Unicode "
                "(UTF-8), for example with UniKey's converter, and index it again",
            ) from None
        raise ParseError(
            where,
            f"is not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "re-save it as UTF-8",
        ) from None


# Byte patterns of the encodings Vietnamese archives used before Unicode.
# Windows-1258: a vowel, then a tone as a combining byte (CC EC DE D2 F2).
_CP1258 = re.compile(rb"[AEIOUYaeiouy\xc2\xe2\xca\xea\xd4\xf4\xd5\xf5\xdd\xfd\xc3\xe3][\xcc\xec\xde\xd2\xf2]")
# VNI: a vowel, then a mark byte (e.g. "Vie\xe4t" for "Việt"); "\xf1" for đ.
_VNI = re.compile(rb"[AEIOUYaeiouy][\xf9\xf8\xfb\xf5\xef\xe1\xe0\xe5\xe3\xe4\xe2\xea\xf4\xf6\xf7]|\xf1")
# TCVN3 (ABC): single bytes for the common toned letters (\xae đ, \xb8 á, \xb5 à, \xd5 ế, \xd6 ệ, ...).
_TCVN3 = re.compile(rb"[\xae\xb8\xb5\xb6\xb7\xb9\xd5\xd6\xd0\xd1\xcb\xe7\xe8\xf3\xf8\xfb\xfc\xf9\xf6\xac\xa9\xab]")


def legacy_encoding(data: bytes) -> str | None:
    """Name the pre-Unicode Vietnamese encoding *data* most looks like, or None."""
    sample = data[:200_000]
    scores = {
        "Windows-1258": len(_CP1258.findall(sample)),
        "VNI": len(_VNI.findall(sample)),
        "TCVN3 (ABC)": len(_TCVN3.findall(sample)),
    }
    high = sum(1 for b in sample if b >= 0x80)
    name, score = max(scores.items(), key=lambda kv: kv[1])
    return name if high and score >= max(3, high // 4) else None


def parse_date(value: str) -> tuple[dt.date | None, bool]:
    """Read a date line or value. Returns (date, looked like a date).

    A time with a zone is an instant, dated by the day in Vietnam (:data:`VIETNAM`):
    ``2026-02-04T20:45:00Z`` is the morning of 5 February there, when the paper
    published it. A date or time without a zone is the paper's own, kept as written.
    """
    if _ISO_INSTANT.match(value):
        try:
            when = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            if _ISO_WHOLE.match(value):  # a time past 23:59 keeps its day as written; 2026-02-30 is no day
                try:
                    return dt.date.fromisoformat(value.strip()[:10]), True
                except ValueError:
                    return None, True
        else:
            try:
                return (when.astimezone(VIETNAM) if when.tzinfo else when).date(), True
            except OverflowError:  # (0001-01-01T00:00+08:00 is a day before the calendar's first in Vietnam)
                return None, True
    match = _DATE_LINE.match(value)
    if not match:
        return None, False
    if match["y"]:
        year, month, day = int(match["y"]), int(match["mo"]), int(match["d"])
    elif match["wy"]:
        year, month, day = int(match["wy"]), int(match["wmo"]), int(match["wd"])
    else:
        year, month, day = int(match["iy"]), int(match["imo"]), int(match["id"])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None, True
    n = "2" if match["h2"] else "1"  # the time after the date, else the one before it
    if match["gmt"] and match["h" + n]:  # "20:45 04/02/2026 (GMT+0)": dated by that instant's day in Vietnam
        hour, minute, half = int(match["h" + n]), int(match["m" + n]), (match[f"h{n}_ap"] or "").lower()
        hour = hour % 12 + (12 if half == "pm" else 0) if half else hour
        offset = int(match["gmt"].replace(" ", ""))
        if offset != 7 and hour < 24 and minute < 60 and abs(offset) <= 14:
            zone = dt.timezone(dt.timedelta(hours=offset))
            try:
                date = dt.datetime.combine(date, dt.time(hour, minute), zone).astimezone(VIETNAM).date()
            except OverflowError:
                return None, True
    return date, True


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _paragraphs(lines: list[str]) -> list[str]:
    """Join lines wrapped mid-sentence; keep other lines as paragraphs of their own."""
    paras: list[str] = []
    for line in lines:
        if paras and (paras[-1].endswith(_JOIN_AFTER) or line[:1].islower()):
            paras[-1] += " " + line
        else:
            paras.append(line)
    return paras


def strip_dateline(paragraph: str, spaced: bool = False) -> tuple[str, str | None]:
    """Remove a dateline prefix such as ``LSO-``; return (text, source code or None).

    *spaced*: a code only with a space beside its dash (``TBC - ``, not ``VN-Index``). A
    stock index's name (``VN-Index``, ``HNX-Index``, ``VN30-Index``) is never one."""
    match = _DATELINE_PREFIX.match(paragraph)
    if not match or (spaced and match["code"] and not _SPACED_DASH.search(match[0])):
        return paragraph, None
    if match["code"] and _INDEX_NAME.match(paragraph, len(match["code"])):
        return paragraph, None
    if spaced and match["code"] and not _after_a_code(match["code"], paragraph[match.end():]):
        return paragraph, None
    return paragraph[match.end():], (match["paren"] or match["code"]).strip()


def _after_a_code(code: str, rest: str) -> bool:
    """Whether a code in capitals and a dash opening a paragraph after the lead are a
    dateline: a paper's code (``TBC - Có mặt``, ``TTO - Hà Nội``, ``LSO - UBND tỉnh``), not a
    term that opens a sentence (``HĐND - UBND tỉnh``, ``ASEAN - Trung Quốc``, ``U23 - Việt
    Nam``: a reviewer found them cut to a "source"): no digit, and no abbreviation of the
    table (``data/abbreviations.tsv``) or body of :data:`NOT_OUTLETS`. (What follows the
    dash tells nothing: a lead's subject is a place, a body or a name, "TTO - Hà Nội…". A
    bracketed code, ``(LSO) -``, is always a dateline.)"""
    return bool(rest.strip()) and not any(ch.isdigit() for ch in code) and code.upper() not in _not_outlets()


# bodies and terms in capitals a sentence may open with, beside the abbreviations' table
NOT_OUTLETS = frozenset({"ASEAN", "APEC", "WTO", "WHO", "UN", "EU", "NATO", "IMF", "WB", "ADB", "FIFA", "AFF", "AFC",
                         "VFF", "IOC", "OPEC", "G7", "G20", "UNESCO", "UNICEF", "FAO", "ILO", "COVID", "GDP"})
# codes of the abbreviations' table that papers sign with (Tiền Phong, Tin tức, Quân đội nhân dân, Công an nhân dân;
# TT the real news signs with in 4 articles)
OUTLET_CODES = frozenset({"TP", "TT", "QĐND", "CAND"})


@functools.lru_cache(maxsize=1)
def _not_outlets() -> frozenset:
    from indexer import abbreviations  # (the table is read once, on the first dateline after a lead)

    path = bundled.path("abbreviations.tsv")
    try:
        table = abbreviations.read_rows(path) if path else []
    except TimtinError:  # (a table mended by hand and broken: the search names it)
        table = []
    return NOT_OUTLETS | {short.upper() for short, _ in table if short.upper() not in OUTLET_CODES}


def strip_body_dateline(paragraphs: list[str], lead: str | None = None) -> tuple[list[str], str | None]:
    """Remove the dateline that opens an article's text; return (paragraphs, source or None).

    It opens the first paragraph (``LSO-Sáng 29/11…``) or, when a lead (sapo) comes
    first, the first paragraph after it: papers print the sapo in bold above the
    dateline (``(LSO) - Theo Phòng…``). *lead* is the lead when it is kept apart from
    *paragraphs* (a web page's sapo element); without one, a first paragraph that ends
    a sentence and has no dateline may be the lead, and the second is looked at. Only a
    dateline's shape is taken (a code in capitals or a name in brackets, then a dash),
    so ordinary first words stay; after a lead, a code needs a space beside its dash
    (``TBC - ``, ``LSO -``), as hyphenated words (``VN-Index``, ``AV-TEST``) have none.
    """
    if not paragraphs:
        return paragraphs, None
    first, source = strip_dateline(paragraphs[0], spaced=lead is not None)
    if source or lead is not None or len(paragraphs) < 2 or not paragraphs[0].endswith(_FINAL_PUNCT):
        return [first, *paragraphs[1:]], source
    second, source = strip_dateline(paragraphs[1], spaced=True)
    return [paragraphs[0], second, *paragraphs[2:]], source


# a line naming where an article was taken from, after its byline: "Nguồn: Báo Xứ Lạng"
_SOURCE_LINE = re.compile(r"^nguồn(?:\s+tin)?\s*:\s*(?P<name>\S.{0,58}?)\s*\.?$", re.I)
_CREDIT_LEAD = re.compile(r"^theo\s*(?::\s*|\s+)", re.I)
_RUN_TOGETHER = re.compile(r"[a-z0-9][a-z0-9.-]*")  # "vnexpress", "tuoitre.vn": a name, in ASCII
# what "Theo" names that is no paper or agency: a law, a rule, a box of related links' heading
# ("Theo Nghị định 100/2019/NĐ-CP" ending a list of fines; "THEO DÒNG SỰ KIỆN": a reviewer's finding)
_NOT_A_PAPER = re.compile(r"(?:(?:bộ\s+)?luật|nghị\s+(?:định|quyết)|quyết\s+định|thông\s+tư|chỉ\s+thị|công\s+văn|"
                          r"kế\s+hoạch|hiến\s+pháp|pháp\s+lệnh|điều|khoản|quy\s+định|dòng\s+sự\s+kiện)\b", re.I)


def credit_line(paragraph: str) -> str | None:
    """The paper or agency a credit line names (``Theo VnExpress``, ``(Theo Dân trí)``,
    ``THEO TTXVN``, ``Theo Hà Thu/VnExpress``), as written, or None. A credit says where
    the article was taken from: its source, not its author (on the real news, 894 of
    15,000 bodies end in one, none naming a person alone). A sentence opening with "Theo"
    is no credit: it ends with its full stop (``Theo Diario Gol, Barcelona… .``), or a word
    in lower case follows "Theo" or a comma (``Theo dự kiến,``, ``Theo Bộ Y tế, số ca…``);
    a name in lower case is one only run together in ASCII (``Theo vnexpress``). Nor is what
    names no paper: a law or rule (``Theo Nghị định 100/2019/NĐ-CP``), a box's heading
    (``THEO DÒNG SỰ KIỆN``), a table's row (``|``), a count (``Theo 2 phương án``)."""
    text = paragraph.strip()
    if len(text) > 80:
        return None
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:  # "(Theo Dân trí)"
        text = text[1:-1].strip()
    lead = _CREDIT_LEAD.match(text)
    if not lead:
        return None
    name = text[lead.end():].strip()
    if not name or name.endswith(tuple(".!?…:;")) or re.search(r"[.!?…]\s", name):
        return None
    if _NOT_A_PAPER.match(name) or "|" in name:  # (a table's row: its cells apart)
        return None
    if re.match(r"\d[\d.,]*\s+[^\W\d_]", name) and name.split()[1][:1].islower():  # "Theo 2 phương án"; not "Theo 24h"
        return None
    first = re.sub(r"^(?:báo|tạp chí|đài)\s+", "", name, flags=re.I)  # "Theo báo Nghệ An"; not "Theo báo cáo"
    if not (first[0].isupper() or first[0].isdigit() or (" " not in name and _RUN_TOGETHER.fullmatch(name))):
        return None
    if any(part.strip()[:1].islower() for part in name.split(",")[1:]):
        return None
    return name


def split_ending(paragraphs: list[str]) -> tuple[list[str], str | None, str | None]:
    """Take the byline and a source line after it (``LƯƠNG THỦY``, then ``Nguồn: Báo Xứ
    Lạng`` or a credit, ``Theo TTXVN``: :func:`credit_line`) off the end of an article;
    return (paragraphs, author, source named)."""
    named = None
    if len(paragraphs) > 1:
        match = _SOURCE_LINE.match(paragraphs[-1])
        # a name (a paper, an agency: a few words), or anything under a byline; a sentence
        # ("Nguồn: Tổng cục Thống kê cho biết sản lượng… tăng 3%.") is the text's own
        if match and (len(match["name"].split()) <= 6 or (len(paragraphs) > 2 and _byline(paragraphs[-2]))):
            paragraphs, named = paragraphs[:-1], match["name"]
        elif credited := credit_line(paragraphs[-1]):
            paragraphs, named = paragraphs[:-1], credited
    author = _byline(paragraphs[-1]) if paragraphs else None
    return (paragraphs[:-1] if author else paragraphs), author, named


def _byline(paragraph: str) -> str | None:
    """The author in a last line like ``PHƯƠNG DUNG``, in title case, or None. An agency's
    credit in brackets (``(TTXVN/VIETNAM+)``) and a compiler's mark after a name (``P.V
    (T/H)``: tổng hợp, compiled) are bylines too, kept in their brackets."""
    if len(paragraph) > 80 or credit_line(paragraph):  # "Theo TTXVN": the source, not the author
        return None
    name = paragraph.strip()
    bracketed = name.startswith("(") and name.endswith(")") and name.count("(") == 1
    if bracketed:
        name = name[1:-1].strip()
    if _CREDIT_LEAD.match(name):  # "THEO DÒNG SỰ KIỆN", no credit, is no name either
        return None
    led = _BYLINE_LEAD.sub("", name).strip()
    bracketed, name = bracketed and led == name, led  # "(Bài, ảnh: MINH ANH)": the name alone
    mark = _COMPILED.search(name)
    if mark and not bracketed:
        name = name[:mark.start()].strip()
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters) or not _BYLINE.match(name):
        return None
    words = re.findall(r"[^\W\d_]+", name)
    if bracketed and not ("+" in name or any(word in _AGENCIES for word in words)):
        return None  # "(HẾT)" ends an article; it is no credit
    cased = re.sub(r"[^\W\d_]+", lambda m: m[0] if _agency(m[0]) else title_case(m[0]), name)
    cased = re.sub(r"\s*([-–,/])\s*", lambda m: f" {m[1]} " if m[1] != "," else ", ", cased)
    return f"({cased})" if bracketed else cased + (f" {mark[0].strip()}" if mark else "")


# Codes of agencies and roles a byline writes in capitals beside the name ("VĂN BÌNH - TTXVN")
_AGENCIES = {"VNA", "AFP", "AP", "VOV", "VTV", "VTC", "TTO", "BTV", "CTV", "TTXVN", "PV", "TTX"}


def _agency(word: str) -> bool:
    """Whether a byline's word is an agency's or role's code, kept in capitals: a known one,
    or one without a vowel, as no Vietnamese syllable is (``TTXVN``, ``PV``)."""
    return word in _AGENCIES or (len(word) > 1 and not set(normalize.folded(word).lower()) & set("aeiouy"))


def _is_caption(paragraph: str) -> bool:
    return len(paragraph) <= MAX_CAPTION_CHARS and not paragraph.endswith(_FINAL_PUNCT)


def parse_text(text: str, article_id: str, where: str) -> tuple[Article, list[Problem]]:
    """Parse a text article; return it (without officials) and any warnings.

    Raises :class:`ParseError` when the text has no date line, no title or no body.
    """
    warnings: list[Problem] = []
    if len(text) > MAX_ARTICLE_CHARS:
        raise ParseError(where, _too_long(len(text)))
    blocks = _blocks(clean(text))
    if not blocks:
        raise ParseError(where, "the file is empty; remove it or write the article into it")
    first = blocks[0]
    date, dateish = parse_date(first[0])
    if not dateish:
        raise ParseError(
            where,
            f'line 1 is not a date line ("{first[0][:60]}"); the first line should be the date, '
            "like 'Thứ ba, 19/01/2021' or '2021-01-19'",
        )
    if date is None:
        warnings.append(Problem(where, f'no such date "{first[0]}"; indexed without a date', skipped=False))
    rest = ([first[1:]] if len(first) > 1 else []) + blocks[1:]
    if not rest:
        raise ParseError(where, "no title after the date line; the title goes on the line after the date")
    title = " ".join(rest[0])
    paragraphs = [p for block in rest[1:] for p in _paragraphs(block)]
    paragraphs, author, named = split_ending(paragraphs)
    if not paragraphs:
        raise ParseError(where, "no body after the title; an article needs at least one paragraph")
    paragraphs, source = strip_body_dateline(paragraphs)
    lead = paragraphs[0]
    body: list[str] = [lead]
    captions: list[str] = []
    for para in paragraphs[1:]:
        (captions if _is_caption(para) else body).append(para)
    return (
        Article(
            id=article_id,
            title=title,
            body="\n\n".join(body),
            date=date,
            lead=lead,
            author=author,
            source=source or named,
            captions=tuple(captions),
        ),
        warnings,
    )


def jsonl_spans(file: Path, parts: int) -> list[tuple[int, int, int, int, int]]:
    """Cut a JSON Lines file into about *parts* spans of whole lines:
    ``(start byte, end byte, number of the first line, file size, file mtime_ns)``.

    The size and time let a reader notice that the file changed since it was cut."""
    info = file.stat()
    size, mtime = info.st_size, info.st_mtime_ns
    with open(file, "rb") as fh:
        head = fh.read(4)
        if parts < 2 or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return [(0, size, 1, size, mtime)]
        spans, start, line = [], 0, 1
        step = max(1, size // parts)
        while start < size:
            fh.seek(min(size, start + step))
            fh.readline()  # to the end of the line
            end = min(size, fh.tell()) if start + step < size else size
            fh.seek(start)
            lines = 0
            while fh.tell() < end:  # count in bounded reads, never the whole span at once
                lines += fh.read(min(1 << 20, end - fh.tell())).count(b"\n")
            spans.append((start, end, line, size, mtime))
            line += lines
            start = end
    return spans


MAX_LINE_BYTES = 4 * MAX_ARTICLE_CHARS + 65536  # one JSONL line: an article at most, in UTF-8


def _read_jsonl(fh, file: Path, root: Path, where: str, origin: str, curated, span) -> Iterator[Article | Problem]:
    """Articles and problems of a JSON Lines file (or of one span of it), a line at a time."""
    rel = file.relative_to(root).as_posix()
    start, end, first_line = (span[0], span[1], span[2]) if span else (0, None, 1)
    if span and len(span) >= 5:
        info = os.fstat(fh.fileno())
        if (info.st_size, info.st_mtime_ns) != (span[3], span[4]):
            yield Problem(where, f"the file changed while it was being indexed (lines from {first_line} on were "
                                 "not read; the articles indexed from it are kept); index it again once "
                                 "nothing is writing it")
            return
    fh.seek(start)
    head = fh.read(4)
    fh.seek(start)
    if start == 0 and head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        lines = _utf16_lines(fh, where)
    else:
        lines = _utf8_lines(fh, where, start, end, first_line)
    legacy: list[str | None] = []  # the file's legacy encoding, looked up once if a line needs it
    for lineno, line in lines:
        at = f"{where}:{lineno}"
        try:
            if isinstance(line, ParseError):
                raise ParseError(at, line.message)
            if isinstance(line, bytes):
                line = _decode_line(line, fh, at, legacy)
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                # (json's messages may end with "at": "Invalid control character at", "Unterminated
                # string starting at"; a user trial read "… at at column 89")
                what = err.msg.removesuffix(" at")
                where_in = "at the end of the line" if err.lineno > 1 else f"at column {err.colno}"  # after its newline
                raise ParseError(at, f"not valid JSON ({what} {where_in}); fix or remove the line")
            except RecursionError:
                raise ParseError(at, "JSON nested too deep to read (lists or objects inside one another "
                                     "thousands of times); an article is one flat object: fix or remove the line")
            article, warnings = parse_record(data, f"{rel}:{lineno}", at)
        except ParseError as err:
            yield Problem(err.where, err.message)
            continue
        except Exception as err:  # noqa: BLE001 - a fault of timtin's: this line only, named
            yield fault(at, err)
            continue
        yield from warnings
        yield _finish(article, origin, at, curated)


def _utf8_lines(fh, where: str, start: int, end: int | None, first_line: int):
    """(line number, bytes) for each line from *start* to *end*; a line over
    MAX_LINE_BYTES becomes a ParseError without being held in memory."""
    pos, lineno = start, first_line
    while end is None or pos < end:
        try:
            raw = fh.readline(MAX_LINE_BYTES)
        except OSError as err:
            yield lineno, ParseError(where, f"cannot read the file from here on ({err.strerror}); "
                                            "the lines before were read")
            return
        if not raw:
            return
        pos += len(raw)
        if len(raw) >= MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip to the end of the line
                raw = fh.readline(1 << 20)
                pos += len(raw)
            yield lineno, ParseError(where, f"the line is over {MAX_LINE_BYTES:,} bytes, longer than one article "
                                            "may be; split it into articles (or remove it)")
        else:
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            yield lineno, raw
        lineno += 1


def _utf16_lines(fh, where: str):
    data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        yield 1, ParseError(where, f"a UTF-16 file over {MAX_FILE_BYTES // (1024 * 1024)} MB; "
                                   "re-save it as UTF-8, which timtin reads a line at a time")
        return
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        yield 1, ParseError(where, "starts like UTF-16 but is not valid UTF-16; re-save it as UTF-8")
        return
    for lineno, line in enumerate(text.lstrip("\ufeff").split("\n"), start=1):
        yield lineno, line


def _decode_line(raw: bytes, fh, at: str, legacy: list) -> str:
    """One JSONL line to text: UTF-8, or Windows-1258 (converted); anything else is refused."""
    if b"\x00" in raw:
        raise ParseError(at, f"the line holds a NUL byte (at byte {raw.index(0) + 1} of the line), which no "
                             "article text has; fix or remove the line")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        name = legacy_encoding(raw)
        if name is None:
            if not legacy:
                legacy.append(legacy_encoding(os.pread(fh.fileno(), 200_000, 0)))
            name = legacy[0]
        if name == "Windows-1258":
            try:
                return raw.decode("cp1258")  # tones as combining marks: clean() composes them
            except UnicodeDecodeError:
                pass
        elif name:
            raise ParseError(at, f"is in the legacy Vietnamese encoding {name}, not Unicode; convert the file to "
                                 "Unicode (UTF-8), for example with UniKey's converter, and index it again") from None
        raise ParseError(
            at, f"the line is not valid UTF-8 (byte 0x{raw[err.start]:02x} at byte {err.start + 1} of the line); "
                "fix the line, or re-save the file as UTF-8 if it was saved in another encoding",
        ) from None


def _optional_str(data: dict, key: str, at: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ParseError(at, f'"{key}" should be a string, not {type(value).__name__}')
    return clean(value).strip() or None


def _json_type(value: object) -> str:
    """What JSON calls *value*'s type: an array, an object, a number, true or false."""
    return ("true or false" if isinstance(value, bool) else "an array" if isinstance(value, list)
            else "an object" if isinstance(value, dict) else "a number")


# a surrogate code point left alone: JSON's "\ud800" escape with no pair (json.loads joins pairs)
_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_record(data: object, default_id: str, at: str) -> tuple[Article, list[Problem]]:
    """Parse one JSON object (a JSONL line) into an article without officials."""
    if not isinstance(data, dict):
        raise ParseError(at, f"expected a JSON object, found {type(data).__name__}")
    warnings: list[Problem] = []
    halves = {key: value for key, value in data.items() if isinstance(value, str) and _SURROGATE.search(value)}
    for key, value in halves.items():
        # `"\ud83d"` alone is no character: no text can hold it (an encoder's fault upstream)
        codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in _SURROGATE.findall(value)}))
        warnings.append(Problem(at, f'"{key}" holds an escaped half of a character pair with no other half '
                                    f'({codes}), which is no character; it was read as \ufffd (U+FFFD); '
                                    'fix the program that wrote the file', skipped=False))
    if halves:
        data = {**data, **{key: _SURROGATE.sub("\ufffd", value) for key, value in halves.items()}}
    for key in ("title", "body"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise ParseError(at, f'"{key}" should be text (a JSON string), not {_json_type(data[key])}')
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise ParseError(at, f'missing "{key}"; every article needs a "title" and a "body"')
        if not clean(data[key]).strip():
            raise ParseError(at, f'"{key}" holds only invisible characters (such as zero-width spaces); '
                                 "write the article's text into it")
    if len(data["title"]) + len(data["body"]) > MAX_ARTICLE_CHARS:
        raise ParseError(at, _too_long(len(data["title"]) + len(data["body"])))
    raw_id = data.get("id")
    if raw_id is not None and not isinstance(raw_id, (str, int)):
        raise ParseError(at, f'"id" should be a string or a number, not {type(raw_id).__name__}')
    article_id = clean(str(raw_id)).strip() if raw_id is not None else default_id
    if not article_id:
        raise ParseError(at, '"id" is empty; give a non-empty id or leave it out')
    check_id(article_id, at)
    date = None
    raw_date = _optional_str(data, "date", at)
    if raw_date:
        date, dateish = parse_date(raw_date)
        if not dateish and re.match(r"\d{4}-\d", raw_date):  # "2026-02-04 (updated)": its day as written
            date, _ = parse_date(raw_date[:10])
        if date is None:
            warnings.append(Problem(at, f'cannot read the date "{raw_date}"; indexed without a date', skipped=False))
    paragraphs = [p for p in (" ".join(line.split()) for line in clean(data["body"]).split("\n")) if p]
    lead = _optional_str(data, "lead", at)
    if lead:  # a lead of its own: the body's first paragraph is the text's first, read as it always was
        paragraphs[0], source = strip_dateline(paragraphs[0])
    else:
        paragraphs, source = strip_body_dateline(paragraphs)
    return (
        Article(
            id=article_id,
            title=" ".join(clean(data["title"]).split()),
            body="\n\n".join(paragraphs),
            date=date,
            lead=lead,
            author=_optional_str(data, "author", at),
            url=_optional_str(data, "url", at),
            source=_optional_str(data, "source", at) or source,
        ),
        warnings,
    )


def read_paths(paths: Iterable[Path], curated: officials_mod.Curated | None = None) -> Iterator[Article | Problem]:
    """Every article and problem under *paths*, in file order."""
    for item in walk(paths):
        if isinstance(item, Unread):
            yield item.problem
        else:
            yield from iter_file(item[0], item[1], curated=curated)
