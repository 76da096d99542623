"""News: the paginated index (newest first), RSS 2.0 and JSON Feed 1.1 per language, the feed
links in every page's head, the portal's embeddable list, and the checker's `category` rule.

tests/fixtures/news/ is a two-language site with 12 news items (3 translated), more than one
index page's worth; it is built once with only the i18n plugin and the news hook. The real
site is checked through the session's `built_site`, deriving what to expect from cchc.site.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from cchc import data as data_mod, news, paths, site
from cchc.check_pages import check_pages

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "news"
FIXTURE_URL = "https://tin.example.vn/cchc/"  # site_url of the fixture: note the path below the host
DC = "{http://purl.org/dc/elements/1.1/}"


# ---- validators ------------------------------------------------------------------------

RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                    r" \d{4} \d{2}:\d{2}:\d{2} (?:[+-]\d{4}|GMT|UT)$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")


def _absolute(url) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def rss_problems(raw: bytes) -> list[str]:
    """Structural RSS 2.0 check (https://www.rssboard.org/rss-specification): what we promise
    feed readers and the portal. Empty list when the feed is valid."""
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        return [f"not well-formed XML: {exc}"]
    out = []
    if root.tag != "rss" or root.get("version") != "2.0":
        out.append(f"root is <{root.tag} version={root.get('version')}>, expected <rss version=2.0>")
    channels = root.findall("channel")
    if len(channels) != 1:
        return out + [f"{len(channels)} <channel> elements, expected 1"]
    channel = channels[0]
    for tag in ("title", "link", "description"):
        if not (channel.findtext(tag) or "").strip():
            out.append(f"channel/{tag} missing or empty")
    if not _absolute(channel.findtext("link")):
        out.append("channel/link is not an absolute URL")
    guids = set()
    for i, item in enumerate(channel.findall("item")):
        for tag in ("title", "link", "guid", "pubDate"):
            if not (item.findtext(tag) or "").strip():
                out.append(f"item {i}: {tag} missing or empty")
        if item.findtext("link") and not _absolute(item.findtext("link")):
            out.append(f"item {i}: link is not absolute")
        date = item.findtext("pubDate") or ""
        if date and not RFC822.match(date):
            out.append(f"item {i}: pubDate {date!r} is not RFC 822")
        guid = item.findtext("guid")
        if guid in guids:
            out.append(f"item {i}: guid {guid!r} repeated")
        guids.add(guid)
    return out


def json_feed_problems(feed) -> list[str]:
    """JSON Feed 1.1 check (https://jsonfeed.org/version/1.1): required fields and formats."""
    if not isinstance(feed, dict):
        return ["top level is not an object"]
    out = []
    if feed.get("version") != news.JSON_FEED_VERSION:
        out.append(f"version is {feed.get('version')!r}")
    if not isinstance(feed.get("title"), str) or not feed["title"].strip():
        out.append("title missing or empty")
    for key in ("home_page_url", "feed_url"):
        if key in feed and not _absolute(feed[key]):
            out.append(f"{key} is not absolute")
    items = feed.get("items")
    if not isinstance(items, list):
        return out + ["items is not a list"]
    ids = set()
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            out.append(f"item {i} is not an object")
            continue
        for key in ("id", "url", "title", "date_published"):
            if not isinstance(item.get(key), str) or not item[key]:
                out.append(f"item {i}: {key} missing or not a string")
        if not (isinstance(item.get("content_text"), str) or isinstance(item.get("content_html"), str)):
            out.append(f"item {i}: needs content_text or content_html")
        if isinstance(item.get("url"), str) and not _absolute(item["url"]):
            out.append(f"item {i}: url is not absolute")
        date = item.get("date_published")
        if isinstance(date, str) and not RFC3339.match(date):
            out.append(f"item {i}: date_published {date!r} is not RFC 3339")
        for author in item.get("authors", []):
            if not isinstance(author, dict) or not author.get("name"):
                out.append(f"item {i}: author without name")
        if item.get("id") in ids:
            out.append(f"item {i}: id repeated")
        ids.add(item.get("id"))
    return out


def test_validators_catch_broken_feeds():
    assert rss_problems(b"<rss version='0.91'><channel><title>t</title></channel></rss>") == [
        "root is <rss version=0.91>, expected <rss version=2.0>",
        "channel/link missing or empty", "channel/description missing or empty",
        "channel/link is not an absolute URL",
    ]
    bad_item = (b"<rss version='2.0'><channel><title>t</title><link>https://a.vn/</link><description>d</description>"
                b"<item><title>x</title><link>/tin/</link><guid>g</guid><pubDate>2023-06-12</pubDate></item></channel></rss>")
    assert rss_problems(bad_item) == ["item 0: link is not absolute", "item 0: pubDate '2023-06-12' is not RFC 822"]
    assert json_feed_problems({"version": "https://jsonfeed.org/version/1", "title": "t", "items": [
        {"id": "a", "url": "https://a.vn/x/", "title": "x", "date_published": "12/06/2023"}]}) == [
        "version is 'https://jsonfeed.org/version/1'", "item 0: needs content_text or content_html",
        "item 0: date_published '12/06/2023' is not RFC 3339",
    ]


# ---- HTML helpers ----------------------------------------------------------------------

class _Collect(HTMLParser):
    """<html lang>, <title>, <link>s, and the links of the first list inside <article>."""

    def __init__(self):
        super().__init__()
        self.lang, self.title, self.links, self.anchors, self.times = None, "", [], [], []
        self._in_title = self._in_article = False
        self._list_depth = 0
        self._list_done = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "link":
            self.links.append(a)
        elif tag == "article":
            self._in_article = True
        elif tag == "ul" and self._in_article and not self._list_done:
            self._list_depth += 1
        elif tag == "a" and self._list_depth:
            self.anchors.append(a)
        elif tag == "time" and self._list_depth:
            self.times.append(a.get("datetime"))
        elif tag == "a" and self._in_article:
            self.anchors.append(a)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "ul" and self._list_depth:
            self._list_depth -= 1
            self._list_done = not self._list_depth
        elif tag == "article":
            self._in_article = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse(path: Path) -> _Collect:
    parser = _Collect()
    parser.feed(path.read_text("utf-8"))
    return parser


def listed_srcs(page: _Collect) -> list[str]:
    """Item slugs ('tin-NN', the fixture's names) of an index page's list, in order."""
    return [a["href"].strip("/").split("/")[-1] for a in page.anchors
            if "rel" not in a and a.get("href", "").rstrip("/").split("/")[-1].startswith("tin-")]


def build(dest: Path, config: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(dest)],
                          cwd=config.parent, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("news-site")
    result = build(dest, FIXTURE / "mkdocs.yml")
    assert result.returncode == 0, f"fixture build failed:\n{result.stderr[-4000:]}"
    return dest


# ---- the paginated index ---------------------------------------------------------------

EXPECTED_VI = [["tin-12", "tin-11", "tin-10", "tin-09", "tin-08", "tin-07", "tin-06", "tin-05", "tin-03", "tin-04"],
               ["tin-02", "tin-01"]]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_index_is_newest_first_and_paginated(fixture_site, prefix):
    first = parse(fixture_site / prefix / "tin-tuc" / "index.html")
    second = parse(fixture_site / prefix / "tin-tuc" / "trang-2" / "index.html")
    assert not (fixture_site / prefix / "tin-tuc" / "trang-3").exists()
    # Same items in both languages: untranslated ones appear in Vietnamese on the English site.
    assert [listed_srcs(first), listed_srcs(second)] == EXPECTED_VI
    dates = first.times + second.times
    assert dates == sorted(dates, reverse=True) and len(dates) == 12
    # Pager: page 1 -> next page 2; page 2 -> prev page 1.
    assert [(a["rel"], a["href"]) for a in first.anchors if "rel" in a] == [("next", "trang-2/")]
    assert [(a["rel"], a["href"]) for a in second.anchors if "rel" in a] == [("prev", "../")]
    # Each index page has its own title, in the page's language.
    assert first.title != second.title
    assert ("trang 2" if not prefix else "page 2") in second.title
    assert first.lang == second.lang == ("vi" if not prefix else "en")


def test_english_index_links_untranslated_items_to_the_vietnamese_page(fixture_site):
    """cchc/english.py: an untranslated item has no /en/ copy; the English list leads to the
    Vietnamese page, marked hreflang="vi", and says "(in Vietnamese)"."""
    first = parse(fixture_site / "en" / "tin-tuc" / "index.html")
    items = [a for a in first.anchors if "rel" not in a and a.get("href", "").rstrip("/").split("/")[-1].startswith("tin-")]
    translated = {p.stem for p in (FIXTURE / "docs" / "en" / "tin-tuc").glob("tin-*.md")}
    assert translated, "the fixture needs translated items"
    for a in items:
        slug = a["href"].rstrip("/").split("/")[-1]
        if slug in translated:
            assert a["href"] == f"../tin-tuc/{slug}/" or a["href"] == f"{slug}/", a
            assert "hreflang" not in a, a
        else:
            assert a["href"] == f"../../tin-tuc/{slug}/" and a.get("hreflang") == "vi", (
                f"/en/tin-tuc/: the untranslated item {slug} must link to the Vietnamese page "
                f"/tin-tuc/{slug}/ with hreflang=\"vi\", not {a}")
            assert not (fixture_site / "en" / "tin-tuc" / slug / "index.html").exists(), (
                f"/en/tin-tuc/{slug}/ was built: an untranslated item has no English copy")
    html = (fixture_site / "en" / "tin-tuc" / "index.html").read_text("utf-8")
    untranslated = [a for a in items if a["href"].rstrip("/").split("/")[-1] not in translated]
    assert untranslated and html.count("(in Vietnamese)") == len(untranslated)


def test_index_pages_look_like_the_site(fixture_site):
    html = (fixture_site / "tin-tuc" / "trang-2" / "index.html").read_text("utf-8")
    for part in ('class="md-header', 'class="md-sidebar', 'class="md-footer', "assets/stylesheets/main"):
        assert part in html, part
    # The language switcher leads to the English page 2, and back.
    assert 'href="../../en/tin-tuc/trang-2/" hreflang="en"' in html
    en = (fixture_site / "en" / "tin-tuc" / "trang-2" / "index.html").read_text("utf-8")
    assert 'href="../../../tin-tuc/trang-2/" hreflang="vi"' in en
    # The intro and the text after the marker stay on page 1 only.
    first = (fixture_site / "tin-tuc" / "index.html").read_text("utf-8")
    assert "Đoạn giới thiệu" in first and "Đoạn cuối trang" in first
    assert "Đoạn giới thiệu" not in html
    assert "md:kind-pages" not in first


def test_index_escapes_titles(fixture_site):
    # Only the article: the sidebar prints titles raw unless hooks/escape_meta.py runs,
    # and this fixture builds with the news hook alone.
    html = (fixture_site / "tin-tuc" / "index.html").read_text("utf-8")
    html = html[html.index("<article"): html.index("</article>")]
    assert "alert" in html and "<script>alert" not in html
    assert "Tin số 12 &lt;script&gt;alert" in html


def test_collect_uses_translations_and_reports_undated_news():
    def rec(lang, src, **meta):
        return site.PageRec(rel=f"docs/{lang}/{src}", lang=lang, src=src, url=site.url_for(lang, src),
                            meta={"kind": "news", **meta}, body="", body_line=1)

    pages = [rec("vi", "tin-tuc/a.md", title="Tin A", date="2023-01-02", category="chi-dao", unit="ubnd-xx"),
             rec("vi", "tin-tuc/b.md", title="Tin B", date="2023-03-04"),
             rec("vi", "tin-tuc/c.md", title="Tin C"),
             rec("en", "tin-tuc/a.md", title="News A", date="2023-01-02")]
    vi, problems = news.collect(pages, "vi")
    assert [(i.title, i.url) for i in vi] == [("Tin B", "/tin-tuc/b/"), ("Tin A", "/tin-tuc/a/")]
    assert problems == [("docs/vi/tin-tuc/c.md", "tin tức thiếu 'date' hợp lệ (dạng 2022-01-30) nên không xếp được vào danh sách tin")]
    en, _ = news.collect(pages, "en")
    # An untranslated item is listed in Vietnamese, at the Vietnamese page (cchc/english.py).
    assert [(i.title, i.lang, i.url) for i in en] == [("Tin B", "vi", "/tin-tuc/b/"), ("News A", "en", "/en/tin-tuc/a/")]
    assert (en[1].category, en[1].unit) == ("chi-dao", "ubnd-xx")  # ids the translation leaves out come from the original
    assert [i.title for i in news.feed_items(en, "en")] == ["News A"]


def test_pagination_bounds():
    assert [news.page_count(n) for n in (0, 1, 10, 11, 20, 21)] == [1, 1, 1, 2, 2, 3]
    assert news.paginate([]) == [[]]
    assert [len(p) for p in news.paginate(list(range(21)))] == [10, 10, 1]
    assert news.index_src(1) == "tin-tuc/index.md" and news.index_src(3) == "tin-tuc/trang-3/index.md"


# ---- feeds -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang,prefix,count", [("vi", "", 12), ("en", "en/", 3)])
def test_fixture_feeds_validate(fixture_site, lang, prefix, count):
    raw = (fixture_site / prefix / "tin-tuc" / "feed.xml").read_bytes()
    assert rss_problems(raw) == []
    channel = ET.fromstring(raw).find("channel")
    assert channel.findtext("language") == lang
    assert channel.findtext("link") == f"{FIXTURE_URL}{prefix}tin-tuc/"
    items = channel.findall("item")
    assert len(items) == count  # the English feed carries only the translated items
    top = items[0]
    assert top.findtext("link") == f"{FIXTURE_URL}{prefix}tin-tuc/tin-12/" == top.findtext("guid")
    assert top.findtext("title").startswith(("Tin số 12 <script>", "News 12 <script>"))  # escaped in XML, intact once parsed
    assert top.findtext("pubDate") == "Mon, 12 Jun 2023 00:00:00 +0700"
    assert parsedate_to_datetime(top.findtext("pubDate")).isoformat() == "2023-06-12T00:00:00+07:00"
    assert top.findtext("category") == ("Chỉ đạo, kế hoạch" if lang == "vi" else "Plans and directions")
    assert top.findtext(f"{DC}creator") == ("Ủy ban nhân dân huyện Thử" if lang == "vi" else "Thu District People's Committee")
    assert top.findtext("description")

    feed = json.loads((fixture_site / prefix / "tin-tuc" / "feed.json").read_text("utf-8"))
    assert json_feed_problems(feed) == []
    assert feed["language"] == lang and feed["feed_url"] == f"{FIXTURE_URL}{prefix}tin-tuc/feed.json"
    assert len(feed["items"]) == count
    first = feed["items"][0]
    assert first["id"] == first["url"] == f"{FIXTURE_URL}{prefix}tin-tuc/tin-12/"
    assert first["date_published"] == "2023-06-12T00:00:00+07:00"
    assert datetime.fromisoformat(first["date_published"]).utcoffset().total_seconds() == 7 * 3600
    assert first["tags"] == [top.findtext("category")] and first["authors"] == [{"name": top.findtext(f"{DC}creator")}]
    assert first["summary"] == html.unescape(top.findtext("description"))
    # Same items, same order, in both formats.
    assert [i["url"] for i in feed["items"]] == [i.findtext("link") for i in items]


def test_feed_writer_drops_characters_xml_forbids():
    item = news.Item(src="tin-tuc/a.md", lang="vi", url="/tin-tuc/a/", title="Tiêu đề\x0b lạ & <b>",
                     description="Mô tả", day=datetime(2023, 1, 2).date(), category=None, unit=None)
    raw = news.rss({"title": "K", "description": "D"}, [item], "https://a.vn/", "vi", {}, {})
    assert rss_problems(raw) == []
    assert ET.fromstring(raw).find("channel/item/title").text == "Tiêu đề lạ & <b>"


# ---- head links ------------------------------------------------------------------------

def feed_links_problems(built: Path, site_url: str) -> list[str]:
    """Every HTML page (except the embeddable list and redirect pages) links both feeds of its own language."""
    from cchc.redirects import MARK as REDIRECT_MARK

    base_path = urlsplit(site_url).path
    out = []
    # Not the embeddable list, not the web editor's app page (/admin/, tests/test_admin.py), not redirect pages.
    pages = [p for p in built.rglob("*.html") if p.name != news.LATEST_FILE and p.relative_to(built).parts[0] != "admin"
             and REDIRECT_MARK not in p.read_text("utf-8", errors="replace")[:200]]
    assert pages, "no HTML page was built"
    for path in pages:
        rel = path.relative_to(built).as_posix()
        page = parse(path)
        want = {news.RSS_TYPE: news.feed_path(page.lang, news.RSS_FILE), news.JSON_TYPE: news.feed_path(page.lang, news.JSON_FILE)}
        got = {}
        for link in page.links:
            if link.get("rel") == "alternate" and link.get("type") in want:
                target = urlsplit(urljoin(site_url + rel, link["href"]))
                got[link["type"]] = target.path[len(base_path):] if target.path.startswith(base_path) else target.path
                if not link.get("title"):
                    out.append(f"{rel}: feed link without a title")
                if target.netloc != urlsplit(site_url).netloc:
                    out.append(f"{rel}: feed link to another host")
        if got != want:
            out.append(f"{rel} (lang {page.lang}): feed links {got}, expected {want}")
        for feed_rel in got.values():
            if not (built / feed_rel).is_file():
                out.append(f"{rel}: linked feed {feed_rel} was not built")
    return out


def test_every_fixture_page_links_its_feeds(fixture_site):
    assert feed_links_problems(fixture_site, FIXTURE_URL) == []
    vi = parse(fixture_site / "tin-tuc" / "tin-03" / "index.html")
    titles = {l["type"]: l["title"] for l in vi.links if l.get("type") in (news.RSS_TYPE, news.JSON_TYPE)}
    assert titles == {news.RSS_TYPE: "Tin tức thử (RSS)", news.JSON_TYPE: "Tin tức thử (JSON Feed)"}


# ---- the portal's embeddable list ------------------------------------------------------

def test_latest_fragment_is_plain_escaped_and_absolute(fixture_site):
    raw = (fixture_site / "tin-tuc" / news.LATEST_FILE).read_bytes()
    html = raw.decode("utf-8")  # UTF-8, or this raises
    assert '<meta charset="utf-8">' in html
    assert not re.search(r"<\s*(script|style|link|img|iframe)\b", html, re.I)
    assert "Tin số 12 &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; [ngoặc]" in html
    hrefs = re.findall(r'<a href="([^"]+)"', html)
    assert hrefs[:5] == [f"{FIXTURE_URL}tin-tuc/{s}/" for s in EXPECTED_VI[0][:5]]
    assert hrefs[5:] == [f"{FIXTURE_URL}tin-tuc/"] and html.count("<li>") == 5
    en = (fixture_site / "en" / "tin-tuc" / news.LATEST_FILE).read_text("utf-8")
    assert re.findall(r'<a href="([^"]+)"', en)[:3] == [f"{FIXTURE_URL}en/tin-tuc/{s}/" for s in ("tin-12", "tin-11", "tin-02")]


# ---- the checker's category rule -------------------------------------------------------

def test_checker_requires_a_known_category(tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURE, tree)
    data, problems = data_mod.load(tree)
    assert problems == []
    assert check_pages(data, site.discover(tree)) == []
    page = tree / "docs/vi/tin-tuc/tin-03.md"
    page.write_text(page.read_text("utf-8").replace("category: chi-dao\n", ""), "utf-8")
    page = tree / "docs/vi/tin-tuc/tin-04.md"
    page.write_text(page.read_text("utf-8").replace("category: dich-vu-cong\n", "category: dich-vu-con\n"), "utf-8")
    messages = [str(p) for p in check_pages(data, site.discover(tree))]
    assert messages == [
        "docs/vi/tin-tuc/tin-03.md:4: Tin tức phải có trường 'category' (chuyên mục tin). Thêm dòng 'category: ...'"
        " với một mã trong data/taxonomy.yml (news_categories): chi-dao, dich-vu-cong",
        "docs/vi/tin-tuc/tin-04.md:6: category: 'dich-vu-con' không có trong data/taxonomy.yml (news_categories)."
        " Có phải ý bạn là 'dich-vu-cong'? Các mã hợp lệ: chi-dao, dich-vu-cong",
    ]


def test_every_category_in_use_is_in_the_one_list():
    data, _ = data_mod.load(ROOT)
    cats = data.news_categories
    assert cats, "data/taxonomy.yml has no news_categories"
    for page in site.discover(ROOT):
        if page.meta and page.meta.get("kind") == "news":
            assert page.meta.get("category") in cats, page.rel


# ---- the real site ---------------------------------------------------------------------

def _real_site_url() -> str:
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))["site_url"]


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_real_site_news(built_site, lang):
    pages = site.discover(ROOT)
    items, problems = news.collect(pages, lang)
    assert problems == []
    prefix = "" if lang == paths.DEFAULT_LANGUAGE else f"{lang}/"
    section = built_site / prefix / "tin-tuc"
    chunks = news.paginate(items)
    listed = []
    for n in range(1, len(chunks) + 1):
        page = parse(section / ("index.html" if n == 1 else f"trang-{n}/index.html"))
        listed += page.times
    assert not (section / f"trang-{len(chunks) + 1}").exists()
    assert listed == [i.day.isoformat() for i in items] == sorted(listed, reverse=True)

    raw = (section / news.RSS_FILE).read_bytes()
    assert rss_problems(raw) == []
    feed = json.loads((section / news.JSON_FILE).read_text("utf-8"))
    assert json_feed_problems(feed) == []
    expected = news.feed_items(items, lang)
    assert [i["url"].split("/tin-tuc/")[1] for i in feed["items"]] == [i.url.split("/tin-tuc/")[1] for i in expected]
    assert [i.findtext("link") for i in ET.fromstring(raw).iter("item")] == [i["url"] for i in feed["items"]]
    latest = (section / news.LATEST_FILE).read_text("utf-8")
    assert "<script" not in latest.lower() and latest.count("<li>") == min(news.LATEST_SIZE, len(expected))
    # Material's bundle fetches sitemap.xml next to each <link rel="alternate">: it must answer.
    assert ET.fromstring((section / news.SECTION_SITEMAP).read_bytes()).tag == f"{{{news.SITEMAP_NS}}}urlset"


def test_every_real_page_links_its_feeds(built_site):
    assert feed_links_problems(built_site, _real_site_url()) == []


def test_embedding_guide_shows_the_real_address(built_site):
    site_url = _real_site_url().rstrip("/") + "/"
    for prefix in ("", "en/"):
        html = (built_site / prefix / "nhung-tin-tuc-vao-cong-thong-tin" / "index.html").read_text("utf-8")
        assert news.SITE_TOKEN not in html
        assert f"{site_url}{prefix}tin-tuc/moi-nhat.html" in html and f"{site_url}{prefix}tin-tuc/feed.json" in html


def test_a_link_to_news_not_yet_due_is_a_warning(tmp_path, monkeypatch):
    """A scheduled item is not built before its day (hooks/news.py): a link to it would lead to
    "not found" until then, so the checker warns at the link's line."""
    from cchc import check

    tree = tmp_path / "news"
    shutil.copytree(FIXTURE, tree)
    index = tree / "docs" / "vi" / "tin-tuc" / "index.md"
    index.write_text(index.read_text("utf-8") + "\nXem thêm [tin mới nhất](tin-12.md).\n", "utf-8")
    line = len(index.read_text("utf-8").splitlines())

    def link_warnings(today):
        monkeypatch.setenv(news.TODAY_ENV, today)
        problems, _ = check.run(tree)
        return [p for p in problems if "tin-12.md" in p.message and "sau hôm nay" in p.message]

    early = link_warnings("2023-06-11")  # tin-12 is dated 2023-06-12
    assert [(p.path, p.line, p.severity) for p in early] == [("docs/vi/tin-tuc/index.md", line, "warning")]
    assert "không tìm thấy" in early[0].message
    assert link_warnings("2023-06-12") == []
