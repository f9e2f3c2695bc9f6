"""Downloads of every match of a search: ``/export.csv``, ``/export.jsonl``, ``/export.json``.

They take the search page's parameters and stream :func:`indexer.export.export`,
the function ``timtin search --format`` prints, so the file holds the rows the
command line gives. A capped export says so in an ``X-Timtin-Capped`` header, and
the search page says so beside its link.
"""

from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, Response, abort, current_app

from indexer import export
from indexer.searching import SearchRequest
from webui.views import _params, search_url, searcher

bp = Blueprint("exports", __name__)


@bp.route("/export.<fmt>")
def download(fmt: str):
    if fmt not in export.FORMATS:
        abort(404, description=f'No export as "{fmt}"; try: {", ".join(export.FORMATS)}.')
    params = {**_params(), "page": None, "per_page": None}
    request = SearchRequest.from_params(params)
    done = export.export(searcher(), request, fmt, limit=export_cap(), bom=fmt == "csv")
    name = file_name(request, done.query) + "." + fmt
    headers = {
        # RFC 6266: an ASCII fallback, and the name in UTF-8
        "Content-Disposition": f"attachment; filename=\"timtin.{fmt}\"; filename*=UTF-8''{quote(name)}",
        "X-Timtin-Total": str(done.total),
        "X-Timtin-Rows": str(done.rows),
    }
    if done.capped:
        headers["X-Timtin-Capped"] = done.message().encode("ascii", "replace").decode("ascii")
    # the rows need no request context (the export holds its snapshot of the index),
    # so the body can be made after the view returns, in any of the server's threads
    return Response(done.chunks, mimetype=export.MEDIA_TYPES[fmt], headers=headers)


def file_name(request: SearchRequest, query: str) -> str:
    """A download's name from what chose its rows: ``timtin-tham-nhũng-Nguyễn-Đức-Chung-2017``
    (exports of two officials' articles had one name, ``timtin-tat-ca``: a user trial)."""
    when = (f"{request.month[0]}-{request.month[1]:02d}" if request.month else str(request.year) if request.year
            else "_".join(d.isoformat() for d in (request.date_from, request.date_to) if d))
    words = " ".join([query, *request.officials, when]).replace("(", " ").replace(")", " ").split()
    return "timtin-" + ("-".join(words)[:80].rstrip("-") or "tat-ca")


@bp.app_template_global("export_url")
def export_url(state, fmt: str = "csv") -> str:
    """The download of the current search (every page) as *fmt*."""
    return search_url([(k, v) for k, v in state.items if k not in ("page", "per_page")], "exports.download", fmt=fmt)


@bp.app_template_global("export_cap")
def export_cap() -> int:
    """The most rows one download holds."""
    return current_app.config.get("EXPORT_ROWS") or export.MAX_ROWS
