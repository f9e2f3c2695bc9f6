"""Follow a search: an Atom feed of every search page, and `timtin search --since` (issue #16)."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest

from indexer.cli import cli
from webui import create_app

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
BASE = "http://tin.example.vn/feed.atom"


@pytest.fixture(scope="module")
def client(sample_index):
    return create_app({"INDEX_DIR": str(sample_index), "TESTING": True, "WARM_UP": False}).test_client()


def assert_valid_atom(text: str) -> ET.Element:
    """RFC 4287's rules for a feed and its entries (section 4.1)."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    for element in (root, *root.findall(f"{ATOM}entry")):
        for tag in ("id", "title", "updated"):
            assert len(element.findall(f"{ATOM}{tag}")) == 1, (element.tag, tag)
        assert re.match(r"^[a-z][a-z0-9+.-]*:", element.findtext(f"{ATOM}id")), "ids are absolute IRIs"
        assert RFC3339.match(element.findtext(f"{ATOM}updated"))
    assert root.find(f"{ATOM}author/{ATOM}name").text  # every entry then has an author
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    for entry in root.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None  # an entry without content needs one
    ids = [e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids))
    return root


def read_feed(answer):
    """The feed as a reader that fetched it from BASE sees it (its headers included)."""
    headers = {"content-location": BASE, "content-type": answer.headers["Content-Type"]}
    feed = feedparser.parse(answer.get_data(as_text=True), response_headers=headers)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_every_search_page_links_the_feed_of_its_query_and_filters(client):
    page = client.get("/?q=dan+van&year=2021&sort=oldest&page=1").get_data(as_text=True)
    assert '<link rel="alternate" type="application/atom+xml"' in page
    assert 'href="/feed.atom?q=dan+van&amp;year=2021"' in page
    assert "Theo dõi tìm kiếm này (Atom)" in page


def test_a_feed_reader_reads_the_searchs_articles_back_newest_first(client, search):
    answer = client.get("/feed.atom?q=dan+van&sort=oldest&page=3")  # sort and page do not apply
    assert answer.status_code == 200 and answer.mimetype == "application/atom+xml"
    text = answer.get_data(as_text=True)
    assert_valid_atom(text)
    feed = read_feed(answer)
    assert feed.version == "atom10"
    expected = search("dan van", sort="newest", per_page="30")
    dated = [hit for hit in expected.hits if hit.date]
    assert [e.title for e in feed.entries] == [hit.title for hit in dated]
    assert len(feed.entries) == len(dated) >= 4
    first = feed.entries[0]
    assert first.link.startswith("http://tin.example.vn/article/")  # relative links resolve against the feed
    assert first.id.startswith("tag:timtin,2026:article/")
    assert first.updated_parsed[:3] <= first.published_parsed[:3]
    days = [e.published_parsed[:3] for e in feed.entries]
    assert days == sorted(days, reverse=True)
    assert feed.feed.title == "timtin: “dan van”"
    assert feed.feed.updated.startswith(dated[0].date.isoformat())
    assert "<mark>" not in first.summary and "dân vận" in first.summary.lower()
    assert {t.term for t in first.tags} == set(dated[0].officials)


def test_a_feed_keeps_the_filters_and_leaves_undated_articles_out(client, search):
    answer = client.get("/feed.atom?official=Linh+Thị+Ánh+Nguyệt&from=2021-01-01")
    assert_valid_atom(answer.get_data(as_text=True))
    feed = read_feed(answer)
    expected = search("", official="Linh Thị Ánh Nguyệt", **{"from": "2021-01-01"}, sort="newest")
    assert [e.title for e in feed.entries] == [h.title for h in expected.hits if h.date]
    assert "nhắc đến Linh Thị Ánh Nguyệt" in feed.feed.title and "từ 01/01/2021" in feed.feed.title
    everything = read_feed(client.get("/feed.atom"))
    assert all(e.get("published") for e in everything.entries)
    assert len(everything.entries) == 30


def test_a_feed_of_nothing_is_still_a_valid_feed(client):
    text = client.get("/feed.atom?q=khongcotu").get_data(as_text=True)
    root = assert_valid_atom(text)
    assert root.findall(f"{ATOM}entry") == []


def test_a_bad_filter_gets_a_400_with_the_message(client):
    answer = client.get("/feed.atom?from=2021-13-01")
    assert answer.status_code == 400
    assert 'Ngày bắt đầu &#34;2021-13-01&#34; không hợp lệ' in answer.get_data(as_text=True)


def test_since_gives_the_articles_from_that_day_newest_first(runner, sample_index):
    out = runner.invoke(cli, ["search", "--index", str(sample_index), "--since", "2024-01-01", "--json",
                              "--per-page", "100"])
    assert out.exit_code == 0, out.output
    hits = json.loads(out.stdout)["hits"]
    dates = [h["date"] for h in hits]
    assert dates and all(d >= "2024-01-01" for d in dates)
    assert dates == sorted(dates, reverse=True)
    days_ago = (dt.date.today() - dt.date(2024, 1, 1)).days
    relative = runner.invoke(cli, ["search", "--index", str(sample_index), "--since", f"{days_ago}d", "--json",
                                   "--per-page", "100"])
    assert [h["id"] for h in json.loads(relative.stdout)["hits"]] == [h["id"] for h in hits]
    both = runner.invoke(cli, ["search", "--index", str(sample_index), "--since", "2024-01-01", "--from", "2023-01-01"])
    assert both.exit_code == 2 and "Give --since or --from, not both" in both.stderr
    bad = runner.invoke(cli, ["search", "--index", str(sample_index), "--since", "last week"])
    assert bad.exit_code == 1 and 'Bad --since date "last week"' in bad.stderr


def test_a_title_with_control_characters_or_a_script_link_does_not_break_or_arm_the_feed(tmp_path):
    # a title pasted from a word processor keeps a backspace or a vertical tab; XML 1.0
    # forbids them, and one such title would make every feed that lists it unreadable
    from indexer import indexing
    from tests.conftest import write_jsonl

    src = write_jsonl(tmp_path / "feed.jsonl", [
        {"id": "bao/1", "title": "Cầu treo\x08 Bản Chắt\x01 khánh thành", "date": "2026-11-30",
         "url": "javascript:alert(document.cookie)", "body": "Cầu treo Bản Chắt ở xã Tân Tri khánh thành.\x1b"},
        {"id": "bao/2", "title": "Cầu treo mới ở Bắc Sơn", "date": "2026-11-29",
         "url": "https://baolangson.vn/cau-treo.html", "body": "Cầu treo mới ở Bắc Sơn."},
    ])
    indexing.update(tmp_path / "index", [src])
    app = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True, "WARM_UP": False})
    answer = app.test_client().get("/feed.atom?q=cau+treo")
    assert answer.status_code == 200
    root = assert_valid_atom(answer.get_data(as_text=True))
    feed = read_feed(answer)
    assert [e.title for e in feed.entries] == ["Cầu treo Bản Chắt khánh thành", "Cầu treo mới ở Bắc Sơn"]
    related = [link.get("href") for link in root.iter(f"{ATOM}link") if link.get("rel") == "related"]
    assert related == ["https://baolangson.vn/cau-treo.html"]  # no javascript: link for a reader to follow
