"""The timtin web UI: a Flask app factory over :mod:`indexer.searching`.

``create_app`` reads its settings from ``test_config``, else :mod:`indexer.settings`
(the environment: ``TIMTIN_INDEX``, ``TIMTIN_ABBREVIATIONS``), as the CLI does; the views in :mod:`webui.views` turn URL parameters into a
:class:`~indexer.searching.SearchRequest`, exactly as the CLI does with its options.
"""

from __future__ import annotations

import threading
from pathlib import Path

from flask import Flask

from indexer import abbreviations, settings
from indexer.searching import Searcher

DEFAULTS = {
    "PER_PAGE": 10,
    "OFFICIALS_SHOWN": 10,  # officials listed before "Xem thêm"
    "WARM_UP": True,  # open the index in the background at start, not on the first request
    "EXPORT_ROWS": None,  # rows per download (/export.csv); None: indexer.export.MAX_ROWS
}

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.json.sort_keys = False  # the API answers in the order `timtin search --json` prints
    app.json.ensure_ascii = False  # and in Vietnamese, as it does
    test_config = test_config or {}
    # the index folder and the abbreviations table (a TSV; None: the bundled one)
    app.config["INDEX_DIR"] = test_config.get("INDEX_DIR") or settings.get("index")
    app.config["ABBREVIATIONS"] = test_config.get("ABBREVIATIONS") or settings.get("abbreviations")
    app.config.update({k: v for k, v in test_config.items() if k not in ("INDEX_DIR", "ABBREVIATIONS")})
    table = abbreviations.load_default(Path(app.config["ABBREVIATIONS"]) if app.config["ABBREVIATIONS"] else None)
    searcher = app.extensions["timtin.searcher"] = Searcher(Path(app.config["INDEX_DIR"]), table)
    if app.config["WARM_UP"]:
        threading.Thread(target=searcher.warm, name="timtin-warm-up", daemon=True).start()

    from webui import charts, exports, feeds, profiles, views

    app.register_blueprint(views.bp)
    app.register_blueprint(exports.bp)
    app.register_blueprint(feeds.bp)
    app.register_blueprint(charts.bp)
    app.register_blueprint(profiles.bp)
    views.register_errors(app)

    @app.after_request
    def security_headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app
