"""An Atom feed (RFC 4287) of any search: ``/feed.atom`` with the search page's parameters.

A feed reader, or an e-mail service that mails what is new in a feed, follows a
search: the same query and filters, newest first, the latest :data:`FEED_SIZE`
dated articles (an article without a date has no place in a feed ordered by
time, so it is left out). Ids are ``tag:`` URIs made from the article's id, so
they stay the same wherever the server runs; links are relative, as every link
timtin builds, and a reader resolves them against the feed's own address.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from urllib.parse import quote, urlencode

from flask import Blueprint, Response, request

from indexer import export
from indexer.searching import SearchRequest
from webui.views import _params, article_url, search_url, searcher

bp = Blueprint("feeds", __name__)

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 30
TAG = "tag:timtin,2026:"  # RFC 4151; the date is the one the scheme was chosen, never changed
FILTERS = ("q", "official", "year", "month", "from", "to")
TIMEZONE = dt.timezone(dt.timedelta(hours=7))  # an article's day, at midnight in Việt Nam
EARLIEST = dt.date(1, 1, 1)  # a date filter from here leaves out only undated articles
# what XML 1.0 forbids (control characters but tab and newlines, lone surrogates, U+FFFE/F):
# ElementTree writes them as they are, and one such title in an article pasted from a word
# processor would make every feed that lists it unreadable
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("", text)


def _web(url: str | None) -> str | None:
    """*url* when it is a web address; a ``javascript:`` or ``data:`` one is no link to give."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _filters(pairs) -> list[tuple[str, str]]:
    """The feed's parameters: the search's query and filters (sort and page do not apply)."""
    return [(k, v) for k, v in pairs if k in FILTERS and v != ""]


def _stamp(day: dt.date) -> str:
    return dt.datetime.combine(day, dt.time(), TIMEZONE).isoformat()


def _title(req: SearchRequest) -> str:
    parts = [f"“{req.query}”"] if req.query.strip() else ["Tất cả bài viết"]
    parts += [f"nhắc đến {o}" for o in req.officials]
    if req.month:
        parts.append(f"tháng {req.month[1]:02d}/{req.month[0]}")
    elif req.year:
        parts.append(f"năm {req.year}")
    if req.date_from:
        parts.append(f"từ {req.date_from:%d/%m/%Y}")
    if req.date_to:
        parts.append(f"đến {req.date_to:%d/%m/%Y}")
    return "timtin: " + ", ".join(parts)


@bp.route("/feed.atom")
def feed():
    items = _filters(request.args.items(multi=True))
    params = {**_params(), "sort": "newest", "page": None, "per_page": None}
    asked = SearchRequest.from_params(params)
    req = replace(asked, per_page=FEED_SIZE, date_from=asked.date_from or EARLIEST, verbatim=True)
    result = searcher().search(req, facets=False)
    query_string = urlencode(items)

    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "vi"})

    def sub(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _xml(v) for k, v in attrs.items()})
        if text is not None:
            element.text = _xml(text)
        return element

    sub(root, "id", TAG + "search?" + query_string)
    sub(root, "title", _title(asked))
    newest = next((hit.date for hit in result.hits if hit.date), None)
    sub(root, "updated", _stamp(newest) if newest else dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    sub(sub(root, "author"), "name", "timtin")
    sub(root, "link", rel="self", type="application/atom+xml", href=search_url(items, "feeds.feed"))
    sub(root, "link", rel="alternate", type="text/html", href=search_url([*items, ("sort", "newest")]))
    sub(root, "generator", "timtin")
    for hit in result.hits:
        entry = sub(root, "entry")
        sub(entry, "id", TAG + "article/" + quote(hit.id, safe="/"))
        sub(entry, "title", hit.title)
        sub(entry, "updated", _stamp(hit.date))
        sub(entry, "published", _stamp(hit.date))
        sub(entry, "link", rel="alternate", type="text/html", href=article_url(hit.id, asked.query or None))
        if hit.article is not None and _web(hit.article.url):
            sub(entry, "link", rel="related", type="text/html", href=hit.article.url)
        for name in hit.officials:
            sub(entry, "category", term=name, label=name)
        sub(entry, "summary", export.plain(hit.snippet))
    body = ET.tostring(root, encoding="unicode", xml_declaration=False)
    return Response('<?xml version="1.0" encoding="utf-8"?>\n' + body, mimetype="application/atom+xml")


@bp.app_template_global("feed_url")
def feed_url(state) -> str:
    """The Atom feed of the current search's query and filters."""
    return search_url(_filters(state.items), "feeds.feed")
