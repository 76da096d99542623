"""News: dated items (kind: news) under docs/<lang>/tin-tuc/, their paginated index (newest
first), and what the district portal can read without running our code: RSS 2.0, JSON Feed 1.1
and a plain HTML list of the latest items.

Material's blog plugin does not work with mkdocs-static-i18n, so hooks/news.py wires
these pure functions into the build. Everything here works on cchc.site pages (front matter as
written, dates as 'YYYY-MM-DD' strings) and cchc.data units, so tests need no build.
Untrusted text (titles, descriptions) reaches Markdown only through markers.text(), XML only
through xml.etree, JSON only through json, HTML only through xml.etree's HTML serializer.
"""
import html
import json
import math
import os
import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
import yaml

from cchc import lifecycle, markers, paths, site
from cchc.problems import Problem

SECTION = "tin-tuc"
INDEX_SRC = f"{SECTION}/index.md"
# The section index carries this marker; the news hook replaces it with page 1 of the list.
MARKER = "<!-- md:kind-pages news -->"
PER_PAGE = 10
FEED_SIZE = 20
LATEST_SIZE = 5
RSS_FILE, JSON_FILE, LATEST_FILE = "feed.xml", "feed.json", "moi-nhat.html"
RSS_TYPE, JSON_TYPE = "application/rss+xml", "application/feed+json"
# Material's bundle fetches `sitemap.xml` next to every <link rel="alternate"> in the head
# (its language-alternate integration), so the feed links make every page view ask for
# tin-tuc/sitemap.xml. hooks/sitemaps.py writes it (the section's own pages), so it answers
# 200 instead of a console 404.
SECTION_SITEMAP = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# News carry a day, not a time: publish them at 00:00 Vietnam time (UTC+7, no DST).
TZ = timezone(timedelta(hours=7))
ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
# XML 1.0 forbids most control characters; ElementTree would write them and break the feed.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# The embedding guide for the portal's webmaster writes this address in its examples; the build
# puts the site's real address (site_url) there, so the snippets can be copied as they are.
GUIDE_SRC = "nhung-tin-tuc-vao-cong-thong-tin.md"
SITE_TOKEN = "https://dia-chi-trang.invalid/"

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]

L = {
    "vi": {
        "page_title": "{title} – trang {n}", "page_desc": "{desc} Trang {n}/{total}, tin mới trước.",
        "newer": "← Tin mới hơn", "older": "Tin cũ hơn →", "page_of": "Trang {n}/{total}",
        "pager": "Các trang tin tức", "none": "Chưa có tin nào.", "untranslated": "",
        "follow": "Theo dõi tin mới", "latest": "Tin mới nhất", "all": "Xem tất cả tin tức",
        "no_feed_items": "Chưa có tin nào.",
    },
    "en": {
        "page_title": "{title} – page {n}", "page_desc": "{desc} Page {n} of {total}, newest first.",
        "newer": "← Newer news", "older": "Older news →", "page_of": "Page {n} of {total}",
        "pager": "News pages", "none": "No news yet.", "untranslated": " (in Vietnamese)",
        "follow": "Follow the news", "latest": "Latest news", "all": "All news",
        "no_feed_items": "No news in English yet.",
    },
}


@dataclass(frozen=True)
class Item:
    src: str  # 'tin-tuc/mot-tin.md', the same in every language
    lang: str  # language of title and description ('vi' for an untranslated item on the English site)
    url: str  # published path of the page shown: '/en/tin-tuc/mot-tin/'; an untranslated item
    # on the English site is the Vietnamese page, '/tin-tuc/mot-tin/' (cchc/english.py)
    title: str
    description: str
    day: date
    category: str | None
    unit: str | None


TODAY_ENV = lifecycle.TODAY_ENV  # tests set it by this name too


def today() -> date:
    """The build's date: one rule for the whole site (cchc/lifecycle.py; CCHC_TODAY sets it)."""
    return lifecycle.today()


def _day(value) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _is_news(page) -> bool:
    return bool(page.meta) and page.meta.get("kind") == "news"


def collect(pages, lang: str, on: date | None = None) -> tuple[list, list]:
    """News of the site in `lang` published by day `on` (default: today()), newest first, and
    problems as (rel, message). An item dated later is scheduled: it stays out of the index,
    the feeds and the portal's list until a build on or after its date.

    The Vietnamese pages are the list. On another language's site an item is its translation
    (docs/<lang>/<same path>) when there is one, else the Vietnamese item, in Vietnamese and
    at its Vietnamese address (an untranslated page is linked, not copied: cchc/english.py).
    A page whose date is missing or not a date cannot be placed, so it is left out and
    reported."""
    on = on or today()
    by_key = {(p.lang, p.src): p for p in pages if _is_news(p)}
    out, problems = [], []
    for (page_lang, src), vi_page in sorted(by_key.items()):
        if page_lang != paths.DEFAULT_LANGUAGE:
            continue
        page = by_key.get((lang, src), vi_page)
        day = _day(page.meta.get("date")) or _day(vi_page.meta.get("date"))
        if day is None:
            problems.append((vi_page.rel, "tin tức thiếu 'date' hợp lệ (dạng 2022-01-30) nên không xếp được vào danh sách tin"))
            continue
        if day > on:
            continue  # scheduled: see scheduled()
        def field(name):  # the translation's value, else the Vietnamese one; ids must be text
            value = page.meta.get(name) or vi_page.meta.get(name)
            return value if isinstance(value, str) else None

        out.append(Item(
            src=src, lang=page.lang, url=site.url_for(page.lang, src), title=page.title,
            description=field("description") or "", day=day, category=field("category"), unit=field("unit"),
        ))
    out.sort(key=lambda item: item.src)
    out.sort(key=lambda item: item.day, reverse=True)  # stable: same day keeps path order
    return out, problems


def unpublished(pages, on: date | None = None) -> set:
    """(language, src) of every news page dated after `on` (default: today()): a scheduled item
    is not built at all before its day, in any language, so its address shows nothing early
    (hooks/news.py), and no sitemap lists it. A translation without a date of its own follows
    its Vietnamese item, as in collect()."""
    on = on or today()
    vi_day = {p.src: _day(p.meta.get("date")) for p in pages if p.lang == paths.DEFAULT_LANGUAGE and _is_news(p)}
    out = set()
    for page in pages:
        if not _is_news(page):
            continue
        day = _day(page.meta.get("date")) or vi_day.get(page.src)
        if day and day > on:
            out.add((page.lang, page.src))
    return out


def scheduled(pages, on: date | None = None) -> list:
    """Warnings for news dated after `on` (default: today()): when each will appear."""
    try:
        on = on or today()
    except ValueError:  # a malformed CCHC_TODAY: said once, by the lifecycle check
        return []
    out = []
    for page in pages:
        day = _day(page.meta.get("date")) if _is_news(page) else None
        if day and day > on:
            line = page.lines.get(("date",), 1)
            out.append(Problem(page.rel, line, (
                f"Tin đề ngày {date_shown(day, 'vi')}, sau hôm nay ({date_shown(on, 'vi')}): chưa được dựng thành trang"
                " (địa chỉ của tin chưa mở được), chưa hiện trong danh sách tin, nguồn tin RSS/JSON và khung tin cho"
                f" cổng thông tin. Tin sẽ hiện từ lần dựng trang vào hoặc sau ngày {date_shown(day, 'vi')}. Nếu đề nhầm"
                " ngày, sửa 'date'"), "warning"))
    return out


def section_index(pages, lang: str):
    """The section's index page in `lang`, or the Vietnamese one it falls back to."""
    found = {p.lang: p for p in pages if p.src == INDEX_SRC and p.meta is not None}
    return found.get(lang) or found.get(paths.DEFAULT_LANGUAGE)


# ---- the paginated index ---------------------------------------------------------------

def page_count(n_items: int, per_page: int = PER_PAGE) -> int:
    return max(1, math.ceil(n_items / per_page))


def index_src(n: int) -> str:
    """Source path (inside the language folder) of index page n: page 1 is the section index."""
    return INDEX_SRC if n == 1 else f"{SECTION}/trang-{n}/index.md"


def paginate(items: list, per_page: int = PER_PAGE) -> list[list]:
    """Items split into index pages; always at least one (possibly empty) page."""
    return [items[i: i + per_page] for i in range(0, len(items), per_page)] or [[]]


def date_shown(day: date, lang: str) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if lang == "vi" else f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def category_label(category: str | None, cats: dict, lang: str) -> str:
    entry = cats.get(category or "")
    if not entry:
        return category or ""
    return entry["label"] if lang == "vi" else entry["label_en"]


def unit_name(unit: str | None, units: dict, lang: str) -> str:
    entry = units.get(unit or "")
    if not entry:
        return unit or ""
    return entry["name"] if lang == "vi" else entry["name_en"]


def _rel(target_src: str, here_src: str) -> str:
    return posixpath.relpath(target_src, posixpath.dirname(here_src) or ".")


def listing(items: list, here_src: str, lang: str, units: dict, cats: dict) -> str:
    """Markdown list of `items` with .md links relative to `here_src` (MkDocs checks them)."""
    t = L[lang]
    if not items:
        return t["none"]
    lines = []
    for item in items:
        title = markers.text(item.title)
        if item.lang != lang:  # an untranslated item on the English site
            title = f'<span lang="{item.lang}">{title}</span>'
        facts = [f'<time datetime="{item.day.isoformat()}">{date_shown(item.day, lang)}</time>']
        facts += [markers.text(x) for x in (category_label(item.category, cats, lang), unit_name(item.unit, units, lang)) if x]
        # An untranslated item is the Vietnamese page itself (cchc/english.py): attr_list says so.
        mark = f'{{ hreflang="{item.lang}" }}' if item.lang != lang else ""
        lines.append(f"- **[{title}]({_rel(item.src, here_src)}){mark}**{t['untranslated'] if item.lang != lang else ''}<br>")
        lines.append(f"  <small>{' · '.join(facts)}</small>" + ("<br>" if item.description else ""))
        if item.description:
            desc = markers.text(item.description)
            lines.append(f'  <span lang="{item.lang}">{desc}</span>' if item.lang != lang else f"  {desc}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def pager(n: int, total: int, here_src: str, lang: str) -> str:
    """Links to the newer and older index pages (rel prev/next), and where the reader is."""
    if total <= 1:
        return ""
    t = L[lang]
    parts = []
    if n > 1:
        parts.append(f'[{t["newer"]}]({_rel(index_src(n - 1), here_src)}){{: rel="prev" }}')
    parts.append(t["page_of"].format(n=n, total=total))
    if n < total:
        parts.append(f'[{t["older"]}]({_rel(index_src(n + 1), here_src)}){{: rel="next" }}')
    return f'<nav class="news-pager" aria-label="{t["pager"]}" markdown="1">\n\n{" · ".join(parts)}\n\n</nav>\n'


def feed_note(here_src: str, lang: str) -> str:
    """Raw HTML links to the feeds: they are not Markdown pages, so MkDocs would flag .md-style links."""
    rss_href, json_href = (_rel(f"{SECTION}/{name}", here_src) for name in (RSS_FILE, JSON_FILE))
    return (f'<p class="news-feeds">{L[lang]["follow"]}: <a href="{rss_href}" type="{RSS_TYPE}">RSS</a>'
            f' · <a href="{json_href}" type="{JSON_TYPE}">JSON Feed</a></p>\n')


def index_body(page_items: list, n: int, total: int, lang: str, units: dict, cats: dict) -> str:
    """The list, pager and feed links of index page n (what replaces the marker on page 1)."""
    here = index_src(n)
    return "\n".join(x for x in (listing(page_items, here, lang, units, cats), pager(n, total, here, lang),
                                 feed_note(here, lang)) if x)


def generated_page(n: int, total: int, index_title: str, index_description: str, body: str, lang: str) -> str:
    """Markdown source (with front matter) of index page n >= 2. Each has its own title; they
    stay out of search (the items themselves are indexed) and out of the sidebar."""
    t = L[lang]
    meta = {
        "title": t["page_title"].format(title=index_title, n=n),
        "description": t["page_desc"].format(desc=index_description.rstrip(), n=n, total=total),
        "kind": "section",
        "search": {"exclude": True},
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n\n{body}"


# ---- feeds and the embeddable list -----------------------------------------------------

def with_site_url(markdown: str, site_url: str) -> str:
    """The guide's example address replaced by the site's own."""
    return markdown.replace(SITE_TOKEN, site_url.rstrip("/") + "/")


def absolute(site_url: str, url_path: str) -> str:
    """'https://host/sub/' + '/tin-tuc/x/' -> 'https://host/sub/tin-tuc/x/'."""
    return site_url.rstrip("/") + url_path


def section_url(lang: str) -> str:
    return site.url_for(lang, INDEX_SRC)


def feed_path(lang: str, name: str) -> str:
    """Path of a feed file from the site root: 'tin-tuc/feed.xml', 'en/tin-tuc/feed.xml'."""
    return section_url(lang).lstrip("/") + name


def head_links(lang: str, title: str) -> list[dict]:
    """The <link rel="alternate"> entries every page of `lang` carries (title in `lang`)."""
    return [
        {"path": feed_path(lang, RSS_FILE), "type": RSS_TYPE, "title": f"{title} (RSS)"},
        {"path": feed_path(lang, JSON_FILE), "type": JSON_TYPE, "title": f"{title} (JSON Feed)"},
    ]


def feed_items(items: list, lang: str, size: int = FEED_SIZE) -> list:
    """A feed in `lang` carries only items written in `lang` (no Vietnamese in the English feed)."""
    return [i for i in items if i.lang == lang][:size]


def published(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=TZ)


def _clean(text: str) -> str:
    return _XML_BAD.sub("", str(text))


def rss(channel: dict, items: list, site_url: str, lang: str, units: dict, cats: dict) -> bytes:
    """RSS 2.0. `channel` has title and description. The owning unit goes in dc:creator:
    RSS's own <author> must be an e-mail address, and units have none."""
    ET.register_namespace("atom", ATOM_NS)
    ET.register_namespace("dc", DC_NS)
    root = ET.Element("rss", {"version": "2.0"})
    ch = ET.SubElement(root, "channel")

    def add(parent, tag, text, **attrs):
        el = ET.SubElement(parent, tag, attrs)
        el.text = _clean(text)
        return el

    add(ch, "title", channel["title"])
    add(ch, "link", absolute(site_url, section_url(lang)))
    add(ch, "description", html.escape(channel["description"], quote=False))
    add(ch, "language", lang)
    if items:  # the newest item's date, not the build time: same input, same file
        add(ch, "lastBuildDate", format_datetime(published(items[0].day)))
    ET.SubElement(ch, f"{{{ATOM_NS}}}link", {
        "href": absolute(site_url, "/" + feed_path(lang, RSS_FILE)), "rel": "self", "type": RSS_TYPE})
    for item in items:
        link = absolute(site_url, item.url)
        el = ET.SubElement(ch, "item")
        add(el, "title", item.title)
        add(el, "link", link)
        add(el, "guid", link, isPermaLink="true")
        add(el, "pubDate", format_datetime(published(item.day)))
        if item.description:
            # Readers treat <description> as HTML: escape the plain text once for HTML
            # (ElementTree then escapes it again for XML), so '<script>' stays text.
            add(el, "description", html.escape(item.description, quote=False))
        if item.category:
            add(el, "category", category_label(item.category, cats, lang))
        if item.unit:
            add(el, f"{{{DC_NS}}}creator", unit_name(item.unit, units, lang))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def json_feed(channel: dict, items: list, site_url: str, lang: str, units: dict, cats: dict) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1). The description is both the summary and
    content_text (an item must have content_html or content_text)."""
    out = []
    for item in items:
        link = absolute(site_url, item.url)
        entry = {"id": link, "url": link, "title": item.title, "content_text": item.description or item.title,
                 "date_published": published(item.day).isoformat()}
        if item.description:
            entry["summary"] = item.description
        if item.category:
            entry["tags"] = [category_label(item.category, cats, lang)]
        if item.unit:
            entry["authors"] = [{"name": unit_name(item.unit, units, lang)}]
        out.append(entry)
    feed = {
        "version": JSON_FEED_VERSION,
        "title": channel["title"],
        "home_page_url": absolute(site_url, section_url(lang)),
        "feed_url": absolute(site_url, "/" + feed_path(lang, JSON_FILE)),
        "description": channel["description"],
        "language": lang,
        "items": out,
    }
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"


def latest_html(channel: dict, items: list, site_url: str, lang: str) -> str:
    """A tiny UTF-8 page for the portal's <iframe>: a plain <ul> of the latest items with
    absolute links that open in the portal's window. No script, no stylesheet."""
    t = L[lang]
    html_el = ET.Element("html", {"lang": lang})
    head = ET.SubElement(html_el, "head")
    ET.SubElement(head, "meta", {"charset": "utf-8"})
    ET.SubElement(head, "meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    ET.SubElement(head, "meta", {"name": "robots", "content": "noindex"})
    ET.SubElement(head, "title").text = _clean(f"{t['latest']} – {channel['title']}")
    ET.SubElement(head, "base", {"target": "_top"})  # links leave the iframe
    body = ET.SubElement(html_el, "body", {"style": "margin:0;font:16px/1.5 system-ui,sans-serif"})
    if items:
        ul = ET.SubElement(body, "ul", {"class": "cchc-tin-moi"})
        for item in items:
            li = ET.SubElement(ul, "li")
            a = ET.SubElement(li, "a", {"href": absolute(site_url, item.url)})
            a.text = _clean(item.title)
            a.tail = " "
            when = ET.SubElement(li, "time", {"datetime": item.day.isoformat()})
            when.text = f"({date_shown(item.day, lang)})"
    else:
        ET.SubElement(body, "p").text = t["no_feed_items"]
    more = ET.SubElement(ET.SubElement(body, "p"), "a", {"href": absolute(site_url, section_url(lang))})
    more.text = t["all"]
    return "<!DOCTYPE html>\n" + ET.tostring(html_el, encoding="unicode", method="html") + "\n"
