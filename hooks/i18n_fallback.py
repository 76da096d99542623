"""The English side of a Vietnamese page with no English version (the rule and why:
cchc/english.py).

Such a page is linked, not copied: the English build keeps its file only as a link target,
excluded from the build and addressed at the Vietnamese page, so every English link to it
leads there, marked hreflang="vi"; the Vietnamese page's language menu sends an English
reader to the English index page of its section. A section's untranslated index page is the
one copy the English site keeps: it says so in English and marks its text as Vietnamese."""
import logging
import re

import _path  # noqa: F401
from mkdocs.plugins import event_priority
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import InclusionLevel

from cchc import build_state, english, markers, paths
from cchc.site import url_for

NOTICE = (
    '!!! info "Not yet translated"\n\n'
    "    This page has no English version yet. The Vietnamese original is shown below.\n\n"
)


def _is_fallback(page, config) -> bool:
    lang = config.theme["language"]
    return lang != paths.DEFAULT_LANGUAGE and getattr(page.file, "locale", lang) != lang


_cache: dict = {}
EXCLUDED_LINK = re.compile(r"contains a link to '[a-z]{2}/(.+?)' which is excluded from the built site")


class _QuietLinkedPages(logging.Filter):
    """MkDocs notes (INFO) every link to an excluded file: at 2,000 cards, thousands of lines
    about links this hook meant. Notes about any other excluded file still show."""

    def filter(self, record):
        found = EXCLUDED_LINK.search(record.getMessage())
        return not (found and found.group(1) in _cache.get("linked", ()))


# By module name: under ProperDocs the same module is properdocs.structure.pages.
logging.getLogger(mkdocs_pages.__name__).addFilter(_QuietLinkedPages())


def _linked_only() -> set:
    """english.linked_only of this build's pages, computed once per build (asked per page)."""
    pages = build_state.pages or []
    if _cache.get("pages") is not pages:
        sources = {p.src for p in pages if p.lang == paths.DEFAULT_LANGUAGE}
        _cache.update(pages=pages, linked=english.linked_only(pages), sources=sources,
                      vietnamese_urls={url_for(paths.DEFAULT_LANGUAGE, src) for src in sources})
    return _cache["linked"]


@event_priority(-300)  # after the i18n plugin (-100) made the copies and hooks/catalogue.py (-200)
def on_files(files, config):
    lang = config.theme["language"]
    if lang == paths.DEFAULT_LANGUAGE:
        return files
    linked = _linked_only()
    for file in files.documentation_pages():
        src = getattr(file, "norm_src_uri", file.src_uri)
        if getattr(file, "locale", lang) != lang and src in linked:
            file.inclusion = InclusionLevel.EXCLUDED  # not rendered; a link to it is not an error
            file.url = url_for(paths.DEFAULT_LANGUAGE, src).lstrip("/")  # links lead to the Vietnamese page
    return files


def on_page_markdown(markdown, page, config, files):
    if _is_fallback(page, config):
        page.meta["fallback"] = True
        # The notice goes above the Vietnamese title too: the page's own H1 follows it (the
        # theme prints no second one), inside the part marked lang="vi".
        title = "" if markdown.lstrip().startswith("# ") else f"# {markers.text(page.title)}\n\n"
        return NOTICE + title + markdown
    return markdown


def on_page_content(html, page, config, files):
    if config.theme["language"] != paths.DEFAULT_LANGUAGE:
        # Any link of an English page to a Vietnamese page, hand-written ones included.
        _linked_only()
        html = english.mark_vietnamese_links(html, page.url, _cache["vietnamese_urls"])
    if page.meta.get("fallback"):
        # The notice (first element) is English; the rest is Vietnamese for screen readers.
        head, sep, rest = html.partition("</div>")
        return f'{head}{sep}<div lang="{paths.DEFAULT_LANGUAGE}">{rest}</div>'
    return html


@event_priority(-100)  # after the i18n plugin (50) pointed the menu at the (absent) English copy
def on_page_context(context, page, config, nav):
    if config.theme["language"] != paths.DEFAULT_LANGUAGE:
        return context
    src = getattr(page.file, "norm_src_uri", page.file.src_uri)
    if src in _linked_only():
        target = english.landing(src, _cache["sources"])
        # The i18n plugin sets it as an attribute (config.extra.alternate), which is what Material reads.
        for alternate in getattr(config.extra, "alternate", None) or []:
            if alternate.get("lang") != paths.DEFAULT_LANGUAGE:
                alternate["link"] = url_for(alternate["lang"], target).lstrip("/")
    return context
