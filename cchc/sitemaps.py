"""One sitemap per language root, and robots.txt naming both.

Why our own: mkdocs-static-i18n writes a single sitemap at the root mixing both languages,
and gives an English "alternate" to every page, even to the /en/ copies of pages that have
no translation (their text is Vietnamese). Here a page appears only in its own language's
sitemap; the /en/ copies of untranslated pages are left out (their canonical address is the
Vietnamese page), and only pages written in both languages carry hreflang alternates
(vi, en and x-default -> vi).

The hreflang alternates live here, not in the pages' heads. Material's bundle downloads
`sitemap.xml` next to every `<link rel="alternate">` of the head (integrations/alternate and
integrations/sitemap): with per-page links that is /<page>/sitemap.xml, a 404 on every page
view (and the language switch then opens the page without its trailing slash, a 301); with
the language roots it is both whole sitemaps on every view, for nothing, since the header's
language menu already links each page to its translation. Search engines read hreflang from
a sitemap exactly as from the head.
"""
import posixpath
from xml.sax.saxutils import escape, quoteattr

from cchc import markers, news, paths, procedure, site

X_DEFAULT = "x-default"


def absolute(site_url: str, path: str) -> str:
    """'https://host/cchc/' + '/a/' -> 'https://host/cchc/a/'."""
    return site_url.rstrip("/") + path


def sitemap_path(lang: str) -> str:
    """Where a language's sitemap is published: '/sitemap.xml', '/en/sitemap.xml'."""
    return "/sitemap.xml" if lang == paths.DEFAULT_LANGUAGE else f"/{lang}/sitemap.xml"


def by_source(pages) -> dict:
    """src -> {lang: page} for the pages written as files (no fallbacks)."""
    out = {}
    for p in pages:
        out.setdefault(p.src, {})[p.lang] = p
    return out


def alternates(versions: dict, site_url: str) -> list:
    """[(hreflang, absolute url)] for a page written in every language, else []."""
    if any(lang not in versions for lang in paths.LANGUAGES):
        return []
    out = [(lang, absolute(site_url, versions[lang].url)) for lang in paths.LANGUAGES]
    return out + [(X_DEFAULT, absolute(site_url, versions[paths.DEFAULT_LANGUAGE].url))]


def empty_catalogues(pages) -> set:
    """Sources of the per-field catalogue pages (cchc/markers.py FIELD_PAGE) whose field has no
    procedure card yet: they say "none yet", no catalogue links to them, and search engines
    are not sent there."""
    prefix, suffix = markers.FIELD_PAGE.split("{}", 1)
    carded = {(p.meta.get(procedure.FIELD) or {}).get("field") for p in pages
              if p.lang == paths.DEFAULT_LANGUAGE and p.meta and p.meta.get("kind") == procedure.KIND}
    return {p.src for p in pages if p.src.startswith(prefix) and p.src.endswith(suffix)
            and posixpath.basename(p.src)[: -len(suffix)] not in carded}


def listed(pages) -> list:
    """The pages the sitemaps list: all but the empty catalogues and the news not yet due
    (cchc/news.py unpublished: not built before their day)."""
    empty = empty_catalogues(pages)
    waiting = news.unpublished(pages)
    return [p for p in pages if p.src not in empty and (p.lang, p.src) not in waiting]


def sitemap(pages, lang: str, site_url: str, under: str = "/") -> str | None:
    """sitemaps.org XML for every listed page written in `lang` whose address starts with
    `under`, with xhtml:link alternates; None when there is none (the schema demands at least
    one <url>)."""
    rows = []
    for versions in sorted(by_source(listed(pages)).values(), key=lambda v: next(iter(v.values())).src):
        page = versions.get(lang)
        if page is None or not page.url.startswith(under):
            continue
        row = [f"  <url>\n    <loc>{escape(absolute(site_url, page.url))}</loc>"]
        modified = site.page_day(page.meta)
        if modified:
            row.append(f"    <lastmod>{modified}</lastmod>")
        for hreflang, href in alternates(versions, site_url):
            row.append(f'    <xhtml:link rel="alternate" hreflang="{hreflang}" href={quoteattr(href)}/>')
        rows.append("\n".join(row) + "\n  </url>")
    if not rows:
        return None
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
            + "\n".join(rows) + "\n</urlset>\n")


def robots_txt(site_url: str) -> str:
    lines = ["User-agent: *", "Allow: /", ""]
    lines += [f"Sitemap: {absolute(site_url, sitemap_path(lang))}" for lang in paths.LANGUAGES]
    return "\n".join(lines) + "\n"
