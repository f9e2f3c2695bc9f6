"""Read a news page saved as HTML (by a browser, wget or ``timtin fetch``) into an article.

The main text is found by trafilatura (boilerplate removal: menus, related links,
footers), which also reads the page's metadata (canonical URL, JSON-LD, ``<meta>``
author and dates, through htmldate). What Vietnamese papers need on top is done here,
on the page's tree, before trafilatura sees it:

* the headline (``<h1>``, a ``title``/``tieude`` element, then ``og:title``, then
  ``<title>`` without the paper's name);
* the date line the page shows (``Thứ Hai, 30/11/2026 08:15``, ``07:30 | 28/11/2026``,
  ``Thứ Hai, ngày 30 tháng 11 năm 2026``),
  read with :func:`indexer.parsing.parse_date` like a text article's, before the
  page's metadata (which often holds the time of the last edit);
* the lead (``sapo``), photo captions (``<figcaption>``, a ``caption``/``image_desc``
  element, the text cell of a picture's table) and the author element, taken out of
  the tree so that the body does not repeat them;
* lists of links (related articles, a home page's headlines) taken out;
* old table layouts, whose cells hold the article, unwrapped into blocks;
* after extraction, as for text articles: a ``LSO-``-style dateline is dropped from
  the lead or from the paragraph that opens the text after it (``(LSO) - Theo…``) and
  kept as the source, and a last line in capitals (``PHƯƠNG DUNG``) is the author,
  also before a ``Nguồn: …`` line or a credit (``Theo TTXVN``; in the author element too):
  the source, when no dateline gives one.

The page's bytes are decoded by :func:`decode_page`: a byte-order mark, then the
charset the server sent (``timtin fetch`` writes it into the saved page), then the
page's ``<meta>`` charset, then UTF-8 or Windows-1258 by their bytes. Text is
normalised to NFC (:func:`indexer.normalize.clean`).

The article's id is the page's canonical URL (``<link rel=canonical>``, else
``og:url``, neither when it names the site's home page, nor when it is on another site
than the page's own address, when that is known and not a mirror on this machine or
network; else the address a browser or ``timtin fetch`` saved it from, in a
``<!-- saved from url=(NNNN)... -->`` comment, when it is a web address: not
``about:internet``); a page without any keeps the id a text
file would have (its path under the folder indexed, without extension).
"""

from __future__ import annotations

import codecs
import datetime as dt
import ipaddress
import re
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import set_date_params

from indexer import parsing
from indexer.errors import ParseError
from indexer.models import Article
from indexer.normalize import clean

HTML_SUFFIXES = (".html", ".htm")
MAX_ATTRIBUTES = 1_000  # in one tag; real pages have a few dozen (see _most_attributes)
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{4000,}>")
_ATTRIBUTE = re.compile(r"""[\s"'/][^\s"'=<>/]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)""")
MIN_BODY_CHARS = 120  # less text than this outside the menus is no article
_PARSER = lxml.html.HTMLParser(huge_tree=True)  # elements nested past 256 deep kept (see read_page)
# libxml2 reads elements nested this deep at most even so, and leaves out what lies deeper
MAX_DEPTH = 2048
LIST_OWN_CHARS = 120  # a block of links with fewer letters than this outside them is a list
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
# the date a feed or sitemap gave a page `timtin fetch` saved, written on the line after "saved from"
LISTED_MARK = "<!-- timtin: listed "
_LISTED = re.compile(re.escape(LISTED_MARK).encode("ascii") + rb"(\d{4}-\d\d-\d\d[0-9T:.+-]*) -->")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# classes and ids of the parts Vietnamese papers give their own element
_LEAD = re.compile(r"sapo|chapeau|\blead\b|summary|tomtat|tom-tat|mo-ta|description|desc-detail", re.I)
_CAPTION = re.compile(r"caption|image_desc|image-desc|img-desc|photo-desc|chuthich|chu-thich|expnoedit", re.I)
_AUTHOR = re.compile(r"author|byline|tacgia|tac-gia|nguoi-viet", re.I)
_TITLE = re.compile(r"title|tieude|tieu-de|headline", re.I)
_DATEISH = re.compile(r"date|time|ngay|publish|posted", re.I)
_DATE_PREFIX = re.compile(r"^(?:cập nhật|ngày đăng|đăng ngày|đăng lúc|đăng|ngày cập nhật|posted|published)\s*:?\s*", re.I)
# codecs Python decodes but browsers refuse for a page (WHATWG Encoding): read the bytes instead
_NOT_PAGE_CODECS = {"utf-7", "punycode", "idna", "raw-unicode-escape", "unicode-escape"}
_LATIN1 = {"iso8859-1", "cp1252", "latin-1", "iso-8859-1", "windows-1252", "us-ascii", "ascii"}


def decode_page(data: bytes, where: str, charset: str | None = None) -> str:
    """The page's text: BOM, then *charset* (the server's), then ``<meta charset>``,
    then UTF-8, then a legacy Vietnamese encoding recognised by its bytes."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return parsing.decode(data, where)
    if b"\x00" in data:
        raise ParseError(where, "looks like a binary file (it holds NUL bytes), not a web page; remove it")
    declared = charset
    if not declared:
        match = _META_CHARSET.search(data[:8192])
        declared = match[1].decode("ascii") if match else None
    codec = None
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = None  # an unknown name: read the bytes instead
    if codec and codec not in _LATIN1 and codec != "utf-8" and codec not in _NOT_PAGE_CODECS:
        try:
            return data.decode(codec)
        except (UnicodeError, LookupError):
            # declared wrongly, or a name Python knows but no page is written in
            # (base64, zlib, rot13: "not a text encoding"): read the bytes, as browsers do
            pass
    # No declaration, UTF-8, or a Western one: Vietnamese pages declared as Latin-1
    # are nearly always UTF-8 or Windows-1258, which decode.parsing tells apart.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if codec in _LATIN1 and parsing.legacy_encoding(data) is None:
            return data.decode("cp1252", "replace")
        return parsing.decode(data, where)


def _text(element) -> str:
    return " ".join(clean(element.text_content()).split())


def _classes(element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''} {element.get('itemprop') or ''}"


def _drop(element) -> None:
    parent = element.getparent()
    if parent is not None:
        element.drop_tree()


def _depth(tree) -> int:
    """How deep the page's elements are nested, at the deepest."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _most_attributes(text: str) -> int:
    """The most attributes one tag of the page has (tags under 4,000 characters are not
    counted: they cannot hold :data:`MAX_ATTRIBUTES`). The HTML parser checks each new
    attribute against the tag's others, so a tag of 300,000 took minutes."""
    most = 0
    for tag in _LONG_TAG.finditer(text):
        most = max(most, len(_ATTRIBUTE.findall(tag[0])))
    return most


def _meta(tree, *names: str) -> str | None:
    for name in names:
        for node in tree.xpath(f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]'):
            value = (node.get("content") or "").strip()
            if value:
                return value
    return None


def _canonical(tree, saved_from: str | None, url: str | None) -> str | None:
    if saved_from and urlsplit(saved_from).scheme not in ("http", "https"):
        saved_from = None  # "about:internet", the mark Internet Explorer and Edge leave on a page saved from disk
    base = url or saved_from
    site = base if base and not _this_machine(base) else None  # the page's own site, when known
    hrefs = [*tree.xpath('//link[translate(@rel, "CANOICL", "canoicl")="canonical"]/@href'), _meta(tree, "og:url")]
    for href in hrefs:
        if _names_an_article(href):
            address = urljoin(base or "", href.strip())
            if site is None or _same_site(address, site):
                return address
    return base


def _same_site(address: str, base: str) -> bool:
    """Whether *address* is on the site of *base* (``www.`` aside; ``m.baolangson.vn`` is on
    ``baolangson.vn``). An aggregator's page often names the paper's article as its
    canonical: taken as the id, the copy would take the original's place in the index."""
    a, b = ((urlsplit(x).hostname or "").removeprefix("www.") for x in (address, base))
    return a == b or a.endswith("." + b) or b.endswith("." + a)


def _this_machine(address: str) -> bool:
    """Whether *address* is a mirror on this machine or network (``localhost``, a loopback
    or private IP address), which does not tell the page's site."""
    host = urlsplit(address).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_private


def _names_an_article(href: str | None) -> bool:
    """Whether a canonical or og:url can be an article's address: not empty, and not the
    site's home page, which a misbuilt template gives every article (they would all share
    one id, and all but one be skipped as duplicates)."""
    if not href or not href.strip():
        return False
    path = urlsplit(urljoin("http://x/", href.strip())).path
    return path.strip("/").lower() not in ("", "index.html", "index.htm", "index.php", "home", "trang-chu")


def _title(tree) -> tuple[str | None, object | None]:
    """The headline and its element (to take out of the body)."""
    for node in tree.xpath("//body//h1"):
        text = _text(node)
        if 8 <= len(text) <= 400:
            return text, node
    for node in tree.xpath("//body//*[@class or @id]"):
        if node.tag in ("a", "h3", "h4", "title", "li", "ul", "body", "html") or not _TITLE.search(_classes(node)):
            continue
        if node.xpath(".//p|.//a|.//table|.//img"):
            continue
        text = _text(node)
        if 8 <= len(text) <= 400:
            return text, node
    og = _meta(tree, "og:title", "twitter:title")
    if og:
        return " ".join(clean(og).split()), None
    for node in tree.xpath("//title"):
        parts = [p.strip() for p in re.split(r"\s+[-|–—]\s+", _text(node)) if p.strip()]
        if parts:
            return max(parts, key=len), None
    return None, None


def _date_params() -> dict:
    """The page's own dates only (its max_date is today: made for each page); with the time
    and zone, so that parse_date dates an instant by the day in Vietnam."""
    return {**set_date_params(False), "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def _date_in(text: str):
    """The date of a short text that is a date line, or (None, False)."""
    text = _DATE_PREFIX.sub("", text.strip())
    text = re.sub(r"\s*\|\s*", ", ", text)
    if len(text) > 60:
        return None, False
    return parsing.parse_date(text)


def _date_line(tree) -> tuple[object | None, object | None]:
    """The date line the page shows (and its element): first an element marked as a
    date, then any short element that is one."""
    candidates = []
    for node in tree.xpath("//body//*"):
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "a", "option"):
            continue
        if len(node) > 3:  # a container: its own date, if any, is in a child
            continue
        text = _text(node)
        if not text or len(text) > 80:
            continue
        date, dateish = _date_in(text)
        if date is not None:
            marked = bool(_DATEISH.search(_classes(node))) or node.tag == "time"
            if not marked and _in_prose(node, text):
                continue  # "Vào <strong>ngày 30 tháng 4 năm 1975</strong>, …": the text's own date
            candidates.append((not marked, date, node))
    if not candidates:
        return None, None
    _, date, node = min(candidates, key=lambda c: c[0])
    return date, node


def listed_date(data: bytes) -> dt.date | None:
    """The article's date its feed or sitemap gave, kept in a page ``timtin fetch`` saved
    (:data:`LISTED_MARK`; its day where it was written: 06:45 +07:00 on the 29th is the
    29th); None without one. Read only on the line after the address the page was saved
    from, where fetch writes it: anywhere else, it is the page's own text (a reviewer: a
    server could date its article so)."""
    found = _LISTED.match(data, data.find(b"\n") + 1) if data.startswith(b"<!-- saved from url=") else None
    try:
        return dt.datetime.fromisoformat(found[1].decode("ascii")).date() if found else None
    except ValueError:
        return None


def _in_prose(node, text: str) -> bool:
    """Whether *node* is a date the text writes, not the page's date line: a part of a
    sentence (a reviewer: a bold "ngày 30 tháng 4 năm 1975" opening a paragraph dated a page of
    2026 and was cut out of it), its block holding eight words or more beside it (a date
    line's block holds a section, an author, a view count: "Thứ Hai, 30/11/2026 08:15 |
    Thời sự"); or a paragraph of the text that is a date in words (``Ngày 19 tháng 8 năm
    1945``), a date line in words opening with its weekday (``Thứ Hai, ngày 30 tháng 11 …``)."""
    block = next((a for a in node.iterancestors() if a.tag in ("p", "li", "td", "blockquote")), None)
    if block is not None and len(_text(block).replace(text, " ", 1).split()) >= 8:
        return True
    return node.tag == "p" and _written_date(text)


def _written_date(text: str) -> bool:
    """A date written in words in the text ("ngày 19 tháng 8 năm 1945"), not a date line's
    (those open with the weekday: "Thứ Hai, ngày 30 tháng 11 năm 2026")."""
    lower = text.strip().lower()
    return "tháng" in lower and not lower.startswith(("thứ ", "chủ nhật"))


def _captions(tree) -> list[str]:
    """Photo captions, taken out of the tree, in page order."""
    found: list[tuple[object, str]] = []
    for node in tree.xpath("//figcaption"):
        found.append((node, _text(node)))
    for node in tree.xpath("//body//*[@class or @id]"):
        if node.tag in ("body", "html") or not _CAPTION.search(_classes(node)):
            continue
        if any(node is n or node in n.iterancestors() for n, _ in found) or any(n in node.iterancestors() for n, _ in found):
            continue
        if node.xpath(".//img") and not node.xpath(".//p|.//figcaption|.//td"):
            continue  # a wrapper with only the picture
        inner = [n for n in node.xpath(".//*[@class]") if _CAPTION.search(_classes(n)) and n is not node]
        if inner:
            continue  # the inner element is the caption
        found.append((node, _text(node)))
    # a picture's table: a cell with the image, a cell with the words
    for table in tree.xpath("//table[.//img]"):
        if table.xpath(".//p[string-length(normalize-space()) > 200]|.//table"):
            continue  # a layout table holding the article
        cells = [td for td in table.xpath(".//td") if not td.xpath(".//img")]
        for td in cells:
            if not any(td is n or n in td.iterancestors() or td in n.iterancestors() for n, _ in found):
                found.append((td, _text(td)))
    captions = []
    for node, text in found:
        if text and len(text) <= 400 and text not in captions:
            captions.append(text)
    for node, _ in found:
        figure = next((a for a in node.iterancestors() if a.tag in ("figure", "table")), None)
        _drop(figure if figure is not None and not figure.xpath(".//p[string-length(normalize-space()) > 200]")
              else node)
    return captions


def _lead(tree) -> str | None:
    """The lead (sapo) element's text, taken out of the tree."""
    for node in tree.xpath("//body//*[@class or @id]"):
        if node.tag in ("meta", "body", "html") or not _LEAD.search(_classes(node)):
            continue
        if node.xpath(".//h1|.//table"):
            continue
        text = _text(node)
        if 40 <= len(text) <= 1500:
            _drop(node)
            return text
    return None


def _author(tree) -> tuple[str | None, str | None]:
    """The author element's text, taken out of the tree: (author, None), or (None, the
    source) when it is a credit (``Theo: VnExpress``: where the article was taken from,
    :func:`indexer.parsing.credit_line`)."""
    for node in tree.xpath("//body//*[@class or @id]"):
        if node.tag in ("body", "html", "meta") or not _AUTHOR.search(_classes(node)):
            continue
        text = re.sub(r"^(?:tác giả|bài|bài và ảnh)\s*:\s*", "", _text(node), flags=re.I)
        if 2 <= len(text) <= 60 and not node.xpath(".//p[string-length(normalize-space()) > 80]"):
            _drop(node)
            credit = parsing.credit_line(text)
            return (None, credit) if credit else (text, None)
    return None, None


def _drop_link_lists(tree) -> None:
    """Blocks that are lists of links (related articles, "Tin khác", most read, a home or
    section page's headlines): three links or more that hold at least 80% of the block's
    text, and fewer than :data:`LIST_OWN_CHARS` letters of its own (a short article on a
    page of menus and boxes is a small share of the page's text, never a list). The
    extractor drops most; kept, one would end an article's body with four other
    headlines, or make a home page an article of its headlines. Counted in one pass from
    the leaves up (letters and digits, not spaces), so a page of many nested blocks costs
    no more than its size."""
    counts: dict = {}  # element -> (characters, characters in links, links)
    for node in reversed(list(tree.iter())):
        if not isinstance(node.tag, str):
            counts[node] = (0, 0, 0)
            continue
        chars, linked, links = _chars(node.text), 0, 0
        for child in node:
            c, l, n = counts[child]
            chars, linked, links = chars + c + _chars(child.tail), linked + l, links + n
        if node.tag == "a":
            linked, links = chars, links + 1
        counts[node] = (chars, linked, links)
    body = tree.find("body")
    if body is None:
        return
    blocks = ("body", "ul", "ol", "div", "section", "aside", "nav", "table", "td")
    stack = [body]  # a home page of headlines under <body> itself goes whole
    while stack:
        node = stack.pop()
        chars, linked, links = counts.get(node, (0, 0, 0))
        if node.tag in blocks and links >= 3 and chars and linked >= 0.8 * chars and chars - linked < LIST_OWN_CHARS:
            _drop(node)
        else:
            stack.extend(node)


def _chars(text: str | None) -> int:
    return sum(1 for c in text if c.isalnum()) if text else 0


def _unwrap_layout_tables(tree) -> None:
    """Tables used for layout (holding paragraphs or other tables) become blocks, so
    that the extractor reads their cells as text, not as a data table."""
    renamed = []
    for table in tree.xpath("//table"):
        if table.xpath("./tr/td//p|./tbody/tr/td//p|./tr/td//table|./tbody/tr/td//table"):
            renamed += [table, *(n for n in table.xpath(".//tbody|.//tr|.//td|.//th")
                                 if next(n.iterancestors("table"), None) is table)]
    for node in renamed:
        node.tag = "div"


def parse_page(
    data: bytes, default_id: str, where: str, url: str | None = None, charset: str | None = None
) -> Article:
    """Read one saved page into an article (without officials).

    Raises :class:`ParseError` when the page holds no article (an error or list page,
    a page cut short): no headline, or too little text outside the menus.
    """
    if len(data) > 4 * parsing.MAX_ARTICLE_CHARS:
        raise ParseError(where, f"the page is {len(data):,} bytes long, over the {4 * parsing.MAX_ARTICLE_CHARS:,} "
                                "one article may have; remove it if it is not one article")
    saved = _SAVED_FROM.search(data[:4096])
    saved_from = saved[1].decode("ascii", "replace") if saved else None
    text = _XML_DECL.sub("", decode_page(data, where, charset))
    if not text.strip():
        raise ParseError(where, "the page is empty; save it again from the browser or fetch it again")
    crowded = _most_attributes(text)
    if crowded > MAX_ATTRIBUTES:
        raise ParseError(where, f"a tag of the page has {crowded:,} attributes (over {MAX_ATTRIBUTES:,}); no paper "
                                "writes that, and reading it would take minutes. Remove the page")
    try:
        # (libxml2 stops at 256 elements deep without "huge": old CMS pages that open a <font> in every
        # paragraph and never close it lost every paragraph past the 127th, silently; an attacker's)
        tree = lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as err:
        raise ParseError(where, f"cannot read the page as HTML ({err}); save it again") from None
    deepest = _depth(tree)
    if deepest >= MAX_DEPTH:
        raise ParseError(where, f"the page's elements are nested {MAX_DEPTH:,} deep or more (a tag opened inside "
                                "itself thousands of times, never closed); what lies past that cannot be read. "
                                "Save the page again, or mend its HTML")
    for node in tree.xpath("//script[not(@type='application/ld+json')]|//style|//noscript"):
        _drop(node)
    canonical = _canonical(tree, saved_from, url)
    title, title_node = _title(tree)
    date, date_node = _date_line(tree)
    captions = _captions(tree)
    lead = _lead(tree)
    author_element, credited = _author(tree)
    for node in (title_node, date_node):
        if node is not None and node.getparent() is not None:
            _drop(node)
    _drop_link_lists(tree)
    _unwrap_layout_tables(tree)
    extracted = trafilatura.bare_extraction(
        tree, url=canonical, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, date_extraction_params=_date_params(),
    )
    meta = extracted.as_dict() if extracted is not None and hasattr(extracted, "as_dict") else (extracted or {})
    title = title or (" ".join(clean(meta["title"]).split()) if meta.get("title") else None)
    if not title:
        raise ParseError(where, "the page has no headline (no <h1>, og:title or <title>); it is not an "
                                "article page, or it was saved cut short")
    paragraphs = [p for p in (" ".join(clean(line).split()) for line in (meta.get("text") or "").split("\n")) if p]
    # (a date line the tree kept; a date in words in a paragraph of its own is the text's: "Ngày 19 tháng 8 năm 1945")
    paragraphs = [p for p in paragraphs if p != title and p not in captions
                  and (_date_in(p)[0] is None or _written_date(p))]
    paragraphs, author, named = parsing.split_ending(paragraphs)
    if author_element:  # in capitals (<p class="author">VĂN BÌNH</p>): title case, as a last line in capitals is
        author_element = parsing._byline(author_element) or author_element
    meta_author = " ".join(clean(meta["author"]).split()) if meta.get("author") else None
    if meta_author and parsing.credit_line(meta_author):  # <meta name="author" content="Theo TTXVN">
        credited, meta_author = credited or parsing.credit_line(meta_author), None
    author = author or author_element or meta_author
    source = None
    if lead:
        lead, source = parsing.strip_dateline(lead)
        if paragraphs and paragraphs[0] == lead:
            paragraphs.pop(0)
        if not source:  # the sapo in bold, then "(LSO) - Theo…" opening the text
            paragraphs, source = parsing.strip_body_dateline(paragraphs, lead)
        paragraphs.insert(0, lead)
    elif paragraphs:
        paragraphs, source = parsing.strip_body_dateline(paragraphs)
        lead = paragraphs[0]
    body = "\n\n".join(paragraphs)
    if len(body) < MIN_BODY_CHARS:
        raise ParseError(where, f"no article text in the page ({len(body)} characters outside menus and "
                                "links); it is an error, list or empty page, or it was saved cut short. "
                                "Remove it, or save the article again")
    if date is None and meta.get("date"):
        date, _ = parsing.parse_date(meta["date"])
    if date is None:  # a page timtin fetch saved: the date its feed or sitemap gave
        date = listed_date(data)
    if len(body) > parsing.MAX_ARTICLE_CHARS:
        raise ParseError(where, parsing._too_long(len(body)))
    article_id = clean(canonical).strip() if canonical else default_id
    parsing.check_id(article_id, where)
    return Article(
        id=article_id,
        title=title,
        body=body,
        date=date,
        lead=lead,
        author=author,
        url=canonical,
        source=source or named or credited,
        captions=tuple(captions),
    )
