"""Officials' pages (``/official/<name>``, ``/api/officials/<name>``) and who held a post
(``/api/posts?q=``): thin views over :mod:`indexer.profiles`.

A name is taken as typed (accents and capitals optional): one person is shown (an
accent-free or differently written name is redirected to the person's address),
several who share the spelling are listed to choose from, none is a 404.
"""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, jsonify, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from indexer import normalize, profiles
from indexer.query import MAX_PAGE
from webui.views import State, _chart, searcher

bp = Blueprint("profiles", __name__)
PER_PAGE = 20


@bp.app_template_global("official_url")
def official_url(key: str) -> str:
    """The page of the person *key*."""
    return url_for("profiles.official", name=key)


def _page() -> int:
    try:
        return min(MAX_PAGE, max(1, int(request.args.get("page", "1"))))
    except ValueError:
        return 1


def _one(name: str, api: bool):
    """The key of the person *name* stands for, or the answer to give instead."""
    keys = profiles.resolve(searcher(), name)
    if not keys:
        abort(404, description=f'Không có quan chức nào tên "{name}" trong kho bài viết.' if not api
              else f'No official named "{name}" in the archive.')
    if len(keys) > 1:
        if api:
            return None, (jsonify({"error": f'"{name}" stands for {len(keys)} people; choose one.',
                                   "candidates": [{"key": k, "url": url_for("profiles.api_official", name=k)}
                                                  for k in keys]}), 300)
        return None, render_template("officials_choose.html", name=name, keys=keys, state=None)
    return keys[0], None


def _position(first: dt.date, last: dt.date, day: dt.date) -> float:
    return 100 * (day - first).days / max(1, (last - first).days + 1)


def _bar(first: dt.date | None, last: dt.date | None, start: dt.date | None, end: dt.date | None) -> dict:
    """A span (*start*-*end*) as a bar over *first*-*last*: x and width, 0-100 (at least
    a sliver, so a single day shows); no bar without dates."""
    if not (first and last and start and end):
        return {"x": 0, "width": 0}
    x0 = _position(first, last, start)
    x1 = _position(first, last, end + dt.timedelta(days=1))
    return {"x": round(x0, 2), "width": round(max(x1 - x0, 0.8), 2)}


def _ticks(first: dt.date | None, last: dt.date | None) -> list[dict]:
    """The years along a time axis (at most a dozen labels)."""
    if not (first and last):
        return []
    ticks = [{"label": str(y), "x": round(_position(first, last, dt.date(y, 1, 1)), 2)}
             for y in range(first.year + 1, last.year + 1)]
    step = max(1, -(-len(ticks) // 12))
    return ticks[::step]


def timeline(profile: profiles.OfficialProfile) -> dict:
    """The career chart: per title, its bar over the person's dated span, and the years."""
    first, last = profile.first, profile.last
    rows = [{"span": span, **_bar(first, last, span.first, span.last)} for span in profile.titles]
    return {"rows": rows, "ticks": _ticks(first, last), "first": first, "last": last}


def months_chart(profile: profiles.OfficialProfile) -> dict:
    top = max((c.count for c in profile.months), default=0) or 1
    bars = [{"key": c.value, "count": c.count, "height": round(100 * c.count / top)} for c in profile.months]
    return {"bars": bars, "width": 100 / (len(bars) or 1)}


@bp.route("/official/<path:name>")
def official(name: str):
    key, answer = _one(name, api=False)
    if answer is not None:
        return answer
    if name != key:
        return redirect(official_url(key) + (f"?{request.query_string.decode()}" if request.query_string else ""))
    profile = profiles.profile(searcher(), key)
    if profile is None:
        abort(404, description=f'Không có bài viết nào nhắc đến "{name}".')
    result = profiles.articles(searcher(), key, page=_page(), per_page=PER_PAGE)
    # the facets lead to the search page, filtered by this person
    search_state = State(MultiDict([("official", key), ("sort", "newest")]))
    return render_template(
        "official.html",
        profile=profile,
        result=result,
        timeline=timeline(profile),
        months=months_chart(profile),
        year_chart=_chart(result.facets["year"], "year", search_state),
        search_state=search_state,
        state=None,
    )


@bp.route("/api/officials/<path:name>")
def api_official(name: str):
    key, answer = _one(name, api=True)
    if answer is not None:
        return answer
    profile = profiles.profile(searcher(), key)
    if profile is None:
        abort(404, description=f'No article names "{name}".')
    result = profiles.articles(searcher(), key, page=_page(), per_page=PER_PAGE)
    return jsonify({**profile.to_json(), "search": result.to_json()})


@bp.route("/api/posts")
def api_posts():
    q = request.args.get("q", "")
    if not q.strip() or len(q) > 200:
        return jsonify({"error": "Give a post in q (at most 200 characters), like: Chủ tịch UBND tỉnh Lạng Sơn"}), 400
    return jsonify(profiles.holders(searcher(), q).to_json())


def post_timeline(found: profiles.PostHolders) -> dict:
    """The holders of a post as bars over the span the archive names them in it."""
    dated = [h for h in found.holders if h.first]
    first = min((h.first for h in dated), default=None)
    last = max((h.last for h in dated), default=None)
    rows = [{"holder": h, "bars": [_bar(first, last, p.first, p.last) for p in h.periods]} for h in found.holders]
    return {"rows": rows, "ticks": _ticks(first, last), "first": first, "last": last}


@bp.app_template_global("post_holders")
def holders_for(req, suggestion: str | None = None) -> dict | None:
    """For the search page: who held the post a query names, on its first page; else None.
    :param suggestion: the query with its accents restored, as the search gave it."""
    if req.page != 1 or not req.query.strip():
        return None
    # a post is recognised by its words as written: an accent-free query is read as restored
    spelled = req.query if normalize.has_accents(req.query) else suggestion or req.query
    if not profiles.looks_like_post(spelled):
        return None
    found = profiles.holders(searcher(), req.query)
    if not found.holders:
        return None
    return {"found": found, "chart": post_timeline(found)}
