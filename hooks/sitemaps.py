"""Sitemaps at both language roots (site/sitemap.xml, site/en/sitemap.xml), robots.txt naming
both, and canonical addresses. The logic, and why hreflang lives in the sitemaps rather than
in the head, is in cchc/sitemaps.py.

- The /en/ copy of an untranslated page shows the Vietnamese text: its canonical address is
  the Vietnamese page, so search engines do not index the same text twice.
- Material prints the i18n plugin's per-page language links in the head (relative, so no
  search engine can use them) and its bundle then fetches /<page>/sitemap.xml, a 404, for
  each: they are removed. The language menu in the header keeps its per-page links.
- The i18n plugin's own sitemap (root only, both languages mixed) is overwritten after the
  last language is built.
- The news feeds are <link rel="alternate"> too, so the bundle also fetches
  tin-tuc/sitemap.xml: the news section gets a sitemap of its own pages (a sitemap may list
  only addresses below its folder; the schema wants at least one <url>, so never an empty one).
"""
import _path  # noqa: F401  (puts the repository on sys.path)
import gzip
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from cchc import build_state, news, paths, sitemaps
from cchc.site import url_for

# Exactly what Material's base.html prints for config.extra.alternate (feeds carry a type=).
# Starts with the literal '<link', which the regex engine finds fast; the whitespace before
# each link is dropped by _drop_alternates (a leading \s* made the search 9x slower).
MATERIAL_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def _drop_alternates(head: str) -> str:
    """`head` without Material's alternate links and the whitespace before each."""
    parts, pos = [], 0
    for m in MATERIAL_ALTERNATE.finditer(head):
        parts.append(head[pos:m.start()].rstrip())
        pos = m.end()
    return "".join(parts) + head[pos:] if parts else head


def _inner_build(config) -> bool:
    """True inside the i18n plugin's build of a second language."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def _src(page) -> str:
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


def on_config(config):
    # With a site address, on_post_build below writes every sitemap. MkDocs would otherwise
    # render the theme's sitemap.xml (the i18n plugin's, a loop over every page and its
    # alternates) for each language, and gzip it, only for it to be overwritten.
    if config.site_url:
        config.theme.static_templates.discard("sitemap.xml")
    return config


def on_page_context(context, page, config, nav):
    lang = config.theme["language"]
    if config.site_url and getattr(page.file, "locale", lang) != lang:
        page.canonical_url = sitemaps.absolute(config.site_url, url_for(paths.DEFAULT_LANGUAGE, _src(page)))
    return context


def on_post_page(output, page, config):
    head, sep, rest = output.partition("</head>")
    if not sep:
        return output
    return _drop_alternates(head) + sep + rest


def _write(path: Path, text: str, gz: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if gz:
        with open(path.with_name(path.name + ".gz"), "wb") as raw:
            with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:  # mtime=0: same bytes every build
                out.write(text.encode("utf-8"))


@event_priority(-200)  # after the i18n plugin (-100): its English build rewrites the root sitemap
def on_post_build(config):
    if _inner_build(config) or not config.site_url:
        return
    site_dir = Path(config.site_dir)
    for lang in paths.LANGUAGES:
        _write(site_dir / sitemaps.sitemap_path(lang).lstrip("/"),
               sitemaps.sitemap(build_state.pages, lang, config.site_url), gz=True)
        section = news.section_url(lang)
        listing = sitemaps.sitemap(build_state.pages, lang, config.site_url, under=section)
        if listing:
            _write(site_dir / section.lstrip("/") / news.SECTION_SITEMAP, listing)
    _write(site_dir / "robots.txt", sitemaps.robots_txt(config.site_url))
