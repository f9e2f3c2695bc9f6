"""Pages and JSON API. Each view reads request.args, calls the core, renders.

Every state of the search page (query, filters, sort, page) lives in the URL, so a
page can be bookmarked and the back button works. The API takes the same
parameters and returns exactly what ``timtin search --json`` prints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from urllib.parse import quote, urlencode

from flask import Blueprint, Flask, abort, current_app, jsonify, render_template, request, url_for
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException

from indexer import normalize, settings
from indexer.errors import DAMAGE, IndexDamaged, TimtinError
from indexer.query import MAX_PAGE, describe_text
from indexer.searching import SearchRequest, Searcher, highlight, outlet
from indexer.unknown_officials import result_json, unknown_officials

bp = Blueprint("timtin", __name__)

PARAMS = ("q", "from", "to", "year", "month", "official", "sort", "page", "per_page", "verbatim", "group")
ERROR_TITLES = {400: "Yêu cầu không hợp lệ", 503: "Chỉ mục chưa sẵn sàng"}
LOOSER_BELOW = 10  # a search finding fewer articles offers its looser forms
SORT_LABELS = {"relevance": "Liên quan", "newest": "Mới nhất", "oldest": "Cũ nhất"}
MONTH_NAMES = [str(m) for m in range(1, 13)]
OFFICIALS_LIMIT = 10000  # as `timtin officials --limit`


def searcher() -> Searcher:
    return current_app.extensions["timtin.searcher"]


def _params() -> dict:
    """The search parameters of this request, as the core's from_params takes them."""
    args = request.args
    params: dict = {key: args.get(key) for key in PARAMS if key != "official"}
    params["official"] = args.getlist("official")
    return params


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


class State:
    """The current URL's search state, and links to the states one click away."""

    def __init__(self, args) -> None:
        self.items = [(k, v) for k, v in args.items(multi=True) if k in PARAMS and v != ""]

    @classmethod
    def checked(cls, args) -> State:
        """The state of a refused search without the values the core refuses: kept in the
        search box's hidden fields, a bad ``year=abc`` refused every search typed next."""
        state = cls(args)
        kept: list[tuple[str, str]] = []
        for item in state.items:  # each value with those kept before it: some are refused only together
            if item[0] == "q" or _accepted([*kept, item]):
                kept.append(item)
        state.items = kept
        return state

    def get(self, key: str) -> str | None:
        return next((v for k, v in self.items if k == key), None)

    def link(self, set_: dict | None = None, remove: tuple = (), add: tuple = (), drop: tuple = ()) -> str:
        """URL with keys *set_*, keys *remove*d, (key, value) pairs *add*ed or *drop*ped.

        Any change but a page change goes back to page 1.
        """
        set_ = set_ or {}
        items = [
            (k, v) for k, v in self.items
            if k not in set_ and k not in remove and (k, v) not in drop and (k != "page" or "page" in set_)
        ]
        items += [(k, v) for k, v in set_.items() if v is not None]
        items += [pair for pair in add if pair not in items]
        return search_url(items)

    def chips(self) -> list[tuple[str, str]]:
        """(label, link that removes it) for each active filter."""
        out = []
        for key, value in self.items:
            if key == "official":
                out.append((value, self.link(drop=((key, value),))))
            elif key == "year":
                out.append((f"Năm {value}", self.link(remove=("year", "month"))))
            elif key == "month":
                out.append((f"Tháng {value[5:]}/{value[:4]}", self.link(remove=("month",))))
            elif key == "from":
                out.append((f"Từ {_shown_day(value)}", self.link(remove=("from",))))
            elif key == "to":
                out.append((f"Đến {_shown_day(value)}", self.link(remove=("to",))))
        return out


def _accepted(items: list[tuple[str, str]]) -> bool:
    """Whether the core takes these parameters together (``from`` after ``to``, an eleventh
    ``official``: each fine alone), the query aside."""
    params: dict[str, object] = {}
    for key, value in items:
        if key == "official":
            params.setdefault("official", []).append(value)
        elif key != "q":
            params[key] = value
    try:
        SearchRequest.from_params(params)
        return True
    except TimtinError:
        return False


def _shown_day(value: str) -> str:
    """2021-01-19 as the pages show a day, 19/01/2021 (as typed when it is no date)."""
    try:
        return vndate(dt.date.fromisoformat(value.strip()))
    except ValueError:
        return value


def _chart(facet, kind: str, state: State, year: int | None = None) -> dict:
    """Bars for the year or month chart: label, count, height (0-100) and link."""
    counts = {c.value: c.count for c in facet}
    if kind == "month":
        keys = [f"{year:04d}-{m:02d}" for m in range(1, 13)]
        labels = MONTH_NAMES
    else:  # every year from the first to the last, so a year without articles is a gap
        keys = [str(y) for y in range(int(min(counts)), int(max(counts)) + 1)] if counts else []
        labels = keys
    top = max(counts.values(), default=0) or 1
    bars = []
    for key, label in zip(keys, labels):
        count = counts.get(key, 0)
        link = state.link(set_={"year": key[:4], "month": key}) if kind == "month" else state.link(
            set_={"year": key}, remove=("month",)
        )
        bars.append({"key": key, "label": label, "count": count, "height": round(100 * count / top), "link": link})
    return {"kind": kind, "bars": bars, "year": year}


@bp.route("/")
def index():
    state = State(request.args)
    params = _params()
    search_request = SearchRequest.from_params(params)
    result = searcher().search(search_request)
    year = search_request.year or (search_request.month[0] if search_request.month else None)
    years = result.facets["year"]
    if search_request.date_from or search_request.date_to:  # the chosen range is drawn over every year
        years = searcher().search(replace(search_request, date_from=None, date_to=None, page=1, per_page=1),
                                  snippets=False).facets["year"]
    if year is None and len(years) == 1:
        year = int(years[0].value)
    charts = [_chart(years, "year", state)]
    if year:
        charts.append(_chart(result.facets["month"], "month", state, year))
    looser = []
    if search_request.query and result.total < LOOSER_BELOW and not result.corrected:
        looser = [
            (label, search_url(req.to_params()), total)
            for label, req, total in searcher().looser(search_request, result.total)
        ]
    unknown = _unknown_officials(state, search_request) if not result.total and search_request.officials else []
    finder_q = request.args.get("tim_quan_chuc", "")
    finder = searcher().find_officials(finder_q, limit=10, within=search_request) if finder_q else []
    return render_template(
        "search.html",
        state=state,
        req=search_request,
        result=result,
        charts=charts,
        looser=looser,
        sort_labels=SORT_LABELS,
        officials_shown=current_app.config["OFFICIALS_SHOWN"],
        finder_q=finder_q,
        finder=finder,
        unknown=unknown,
        selected_officials={n for o in search_request.officials for n in searcher().resolve_official(o)},
    )


def _unknown_officials(state: State, search_request: SearchRequest) -> list[dict]:
    """For each official filter that names no one in the archive: the name, and the known
    names nearest it, each with the link that puts it in the unknown one's place."""
    raw = {normalize.clean(v).strip(): v for k, v in state.items if k == "official"}
    return [
        {"name": u.name, "nearest": [
            (near, state.link(drop=(("official", raw.get(u.name, u.name)),), add=(("official", near),)))
            for near in u.nearest
        ]}
        for u in unknown_officials(searcher(), search_request.officials)
    ]


def search_url(params, endpoint: str = "timtin.index", **values) -> str:
    """The address of the search page (or of *endpoint*: the feed, a download) for the
    search *params* (pairs, or a dict whose lists repeat a key): every link to a
    search, its feed or its downloads is built here."""
    query = urlencode(params, doseq=True)
    return url_for(endpoint, **values) + ("?" + query if query else "")


def article_url(article_id: str, q: str | None = None, api: bool = False) -> str:
    """The address of an article, whatever its id holds.

    An id that is a clean path (``2021/dan-van``) reads as one: ``/article/2021/dan-van``.
    One a browser or the server would rewrite (``..``, ``./x``, ``/x``, ``a//b``, ``x/``)
    goes in the query string, where no dot segment or slash is touched:
    ``/article?id=..%2F..%2Fetc%2Fpasswd``. Both routes serve every id.
    """
    base = "/api/articles" if api else "/article"
    params = [("q", q)] if q else []
    if all(part not in ("", ".", "..") for part in article_id.split("/")):
        url = f"{base}/{quote(article_id, safe='/')}"
    else:
        url, params = base, [("id", article_id), *params]
    return url + ("?" + urlencode(params, quote_via=quote) if params else "")


@bp.app_template_global("last_page")
def last_page(result) -> int:
    """The last page of *result* that opens: a search stops at page :data:`MAX_PAGE`."""
    return min(result.pages, MAX_PAGE)


@bp.app_template_filter("vnnum")
def vnnum(value: int) -> str:
    """12345 as Vietnamese writes it, 12.345."""
    return f"{value:,}".replace(",", ".")


@bp.app_template_global("article_url")
def _article_url_global(article_id: str, q: str | None = None) -> str:
    return article_url(article_id, q)


def _id_argument() -> str:
    article_id = request.args.get("id", "")
    if not article_id:
        abort(404, description='Thiếu mã bài viết: /article?id=... hoặc /article/<mã>.')
    return article_id


@bp.route("/article")
def article_by_query():
    return article(_id_argument())


# An article page marks the words asked for in this many of its first characters: marking a
# whole article of two million characters took 3 s of a server thread for each query, and a
# dozen clients asking so held every other search for 5-10 s (an attacker's finding)
MARKED_CHARS = 200_000


@bp.route("/article/<path:article_id>")
def article(article_id: str):
    q = request.args.get("q", "")[: settings.get("max_query_chars")]
    page = searcher().article_page(article_id, q)  # one snapshot of the index for the whole page
    if page is None:
        abort(404, description=f'Không có bài viết mã "{article_id}".')
    found, parsed, related, copies = page
    left = [MARKED_CHARS]  # the words asked for are marked in the article's first characters only

    def mark(text: str) -> str:
        """*text* with the words asked for marked, as far as the characters left to mark go."""
        if left[0] <= 0:
            left[0] = -1  # (the page says so: marks_cut)
            return escape(text)
        if len(text) > left[0]:  # (one paragraph of two million characters: its start only)
            cut = text.rfind(" ", 0, left[0]) + 1 or left[0]
            left[0] = -1
            return Markup(highlight(text[:cut], parsed, max_chars=None)) + escape(text[cut:])
        left[0] -= len(text)
        return highlight(text, parsed, max_chars=None)

    month = f"{found.date:%Y-%m}" if found.date else None
    return render_template(
        "article.html",
        article=found,
        outlet=outlet(found),
        q=q,
        mark=mark,
        title=highlight(found.title, parsed, max_chars=None),  # (outside the count: a line)
        lead=mark(found.lead) if found.lead else None,
        paragraphs=[mark(p) for p in found.body.split("\n\n") if p.strip() and p != found.lead],
        marks_cut=bool(parsed.positive) and left[0] < 0,
        marked_chars=MARKED_CHARS,
        month=month,
        related=related,
        copies=copies,
        state=State.checked(request.args),  # the search box keeps the query the article was opened from
    )


@bp.route("/api/search")
def api_search():
    search_request = SearchRequest.from_params(_params())
    return jsonify(result_json(searcher(), search_request, searcher().search(search_request)))


@bp.route("/api/articles")
def api_article_by_query():
    return api_article(_id_argument())


@bp.route("/api/articles/<path:article_id>")
def api_article(article_id: str):
    found = searcher().article_story(article_id)
    if found is None:
        abort(404, description=f'No article with id "{article_id}".')
    article, story = found
    return jsonify(article_json(article, story))


def article_json(article, story: dict) -> dict:
    """An article's JSON (``timtin parse --json``'s fields) with its story, as a search hit
    gives it: ``outlet``, ``story``, ``first_date``, ``copies``, ``copy_count`` (a user trial:
    the page listed "3 bản đăng lại của tin này", the API none)."""
    first_date = story.get("first_date")
    return {**article.to_json(), "outlet": outlet(article), "story": story.get("story"),
            "first_date": first_date.isoformat() if first_date else None,
            "copies": [c.to_json() for c in story.get("copies", ())], "copy_count": story.get("copy_count", 0)}


@bp.route("/api/suggest")
def api_suggest():
    q = request.args.get("q", "")
    if len(q) > 200:
        return jsonify({"error": "The prefix is over 200 characters; type less."}), 400
    return jsonify(searcher().complete(q))


@bp.route("/api/officials")
def api_officials():
    """What `timtin officials --query Q --limit N --json` prints."""
    q = request.args.get("q", "")[:200]
    limit = request.args.get("limit", "20")
    if not limit.isdigit() or not 1 <= int(limit) <= OFFICIALS_LIMIT:
        return jsonify({"error": f'Bad limit "{limit}"; expected a whole number from 1 to {OFFICIALS_LIMIT}'}), 400
    return jsonify([o.to_json() for o in searcher().officials(q, int(limit))])


@bp.route("/favicon.ico")
def favicon():
    return current_app.send_static_file("favicon.svg")


@bp.route("/healthz")
def healthz():
    stats = searcher().stats(top=0)
    # the count only: where the index lives on disk is no business of a passer-by
    return jsonify({"status": "ok", "articles": stats["articles"]})


def register_errors(app: Flask) -> None:
    @app.errorhandler(TimtinError)
    def core_error(err: TimtinError):
        """Every error of the core, with the status it carries (an older index: 503)."""
        if err.status >= 500:
            app.logger.warning("%s: %s", request.full_path, err)
        if _wants_json():
            return jsonify({"error": err.public()}), err.status
        title = ERROR_TITLES.get(err.status, "Lỗi máy chủ")
        state = State.checked(request.args) if err.status == 400 else None
        return render_template("error.html", title=title, message=err.public_vi(), state=state), err.status

    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException):
        if _wants_json():
            return jsonify({"error": err.description}), err.code
        title = "Không tìm thấy" if err.code == 404 else err.name
        message = err.description
        if err.code == 404 and message == type(err).description:  # werkzeug's own English words
            message = "Không có trang này. Hãy tìm từ ô tìm kiếm, hoặc về trang chủ."
        return render_template("error.html", title=title, message=message, state=None), err.code

    @app.errorhandler(Exception)
    def server_error(err: Exception):
        if isinstance(err, DAMAGE):  # an index whose files cannot be read: the operator's to mend
            return core_error(IndexDamaged(err))
        if app.debug:
            raise err
        app.logger.exception("error answering %s", request.full_path)
        if _wants_json():
            return jsonify({"error": "internal error"}), 500
        return render_template("error.html", title="Lỗi máy chủ", message="Đã có lỗi, vui lòng thử lại.", state=None), 500


@bp.app_template_filter("reading")
def reading_text(reading: dict) -> str:
    """How a query was read, in Vietnamese: ``«tham nhũng» + tỉnh · đúng dấu như đã gõ``."""
    return describe_text(reading, "đúng dấu như đã gõ", "mọi cách bỏ dấu", "HOẶC", "trừ", "hoặc",
                         "chỉ tìm {max} từ đầu, bỏ qua: {words}")


@bp.app_template_filter("vndate")
def vndate(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else "không rõ ngày"

