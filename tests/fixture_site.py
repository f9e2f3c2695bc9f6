"""A local web site in the shapes of Vietnamese provincial papers, for the fetch tests.

:func:`serve` starts a threading ``http.server`` on 127.0.0.1 (port 0: the system picks)
that serves the pages of tests/data/site and the feeds, sitemaps and robots.txt of
tests/data/site-feeds (``{base}`` in them becomes the server's address), with ETag and
Last-Modified and 304 answers to conditional requests, and these on purpose:

* ``/bai-cu/khanh-thanh-cau-treo``: a 301 to the page's new address;
* ``/bai-da-xoa.html``: 404;
* ``/cham/tin-cham.html``: answers only after ``slow`` seconds;
* ``/private/...``: disallowed by robots.txt (and a 403 if asked anyway);
* ``/baohagiang/...``: the Windows-1258 page, sent without a charset (its <meta> says it).

Every request is logged as ``(method, path, status)`` in ``server.log``. Nothing here
reaches the internet.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import threading
import time
import unicodedata
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE = Path(__file__).resolve().parent / "data" / "site"
FEEDS = SITE.parent / "site-feeds"
LAST_MODIFIED = email.utils.formatdate(time.mktime((2026, 11, 30, 8, 0, 0, 0, 0, 0)), usegmt=True)
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Encode Vietnamese text in Windows-1258 as old CMSs wrote it: letters with their
    vowel marks precomposed (â, ơ, ư, đ...), tones as combining marks after them."""
    letters: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and letters:
            letters[-1].append(ch)
        else:
            letters.append([ch])
    out = []
    for base, *marks in letters:
        out.append(unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in TONES))
                   + "".join(m for m in marks if m in TONES))
    return "".join(out).encode("cp1258")


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, slow: float) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.slow = slow
        self.log: list[tuple[str, str, int]] = []
        self.lock = threading.Lock()
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self.changed: dict[str, bytes] = {}  # path -> new content, for tests that edit the site

    def handle_error(self, request, client_address):
        pass  # a client that gave up on the slow page: expected, nothing to report

    def requests(self, status: int | None = None) -> list[str]:
        with self.lock:
            return [p for _, p, s in self.log if status is None or s == status]


class Handler(BaseHTTPRequestHandler):
    server: SiteServer

    def log_message(self, format, *args):  # noqa: A002 - quiet: the server keeps its own log
        pass

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
              headers: dict | None = None) -> None:
        with self.server.lock:
            self.server.log.append((self.command, self.path, status))
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if status != 304:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304 and self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - http.server's name
        path = self.path.split("?", 1)[0]
        if path == "/bai-cu/khanh-thanh-cau-treo":
            return self._send(301, b"", headers={"Location": "/baolangson/khanh-thanh-cau-treo-ban-chat.html"})
        if path.startswith("/private/"):
            return self._send(403, b"forbidden")
        if path == "/cham/tin-cham.html":
            time.sleep(self.server.slow)
            body = (SITE / "baobackan/phat-trien-cay-hoi.html").read_bytes()
            return self._send(200, body)
        if path in self.server.changed:
            body = self.server.changed[path]
        elif path.endswith((".xml", ".txt")) and (FEEDS / path.lstrip("/")).is_file():
            body = (FEEDS / path.lstrip("/")).read_bytes().replace(b"{base}", self.server.base.encode())
        elif path.endswith(".html") and ".." not in path and (SITE / path.lstrip("/")).is_file():
            body = (SITE / path.lstrip("/")).read_bytes()
        else:
            return self._send(404, "<html><body><h1>404</h1><p>Không tìm thấy trang</p></body></html>".encode())
        if path.endswith(".xml"):
            ctype = "application/rss+xml" if "rss" in path else "application/xml"
        elif path.endswith(".txt"):
            ctype = "text/plain"
        elif path.startswith("/baohagiang/"):
            ctype = "text/html"  # the page's <meta> gives windows-1258
        else:
            ctype = "text/html; charset=utf-8"
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        if self.headers.get("If-None-Match") == etag or (
            self.headers.get("If-None-Match") is None and self.headers.get("If-Modified-Since") == LAST_MODIFIED
        ):
            return self._send(304, headers=headers)
        return self._send(200, body, ctype, headers)


@contextlib.contextmanager
def serve(slow: float = 3.0):
    """The fixture site on 127.0.0.1, for the length of a ``with`` block."""
    server = SiteServer(slow)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
