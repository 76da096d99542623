"""Expand `<!-- md:... -->` markers and append the glossary's abbreviations to every page.

Unknown markers fail the build, naming the file and line."""
import os
import posixpath
import re
import secrets

import _path  # noqa: F401
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

from cchc import build_state, markers

# Long generated lists go to the page as HTML (cchc.markers.Blocks); CCHC_SHARED_FRAGMENTS=0,
# which renders everything the plain way for tests/test_fragments.py, makes them Markdown.
BLOCKS = os.environ.get("CCHC_SHARED_FRAGMENTS", "1") != "0"
TOKEN = "cchcblock" + secrets.token_hex(8)  # no page's own text can hold it
SIMPLE_PATH = re.compile(r"[A-Za-z0-9._/-]+")  # read as written by Markdown and MkDocs (the checker allows fewer)
log = get_plugin_logger("markers")
# Lists written as HTML, per language (the i18n plugin builds English inside the Vietnamese
# build's on_post_build): logged, so tests/test_fragments.py knows the comparison covered them.
_html_lists: dict = {}


def _link(page, files):
    """href of a Markdown link on `page`, found as MkDocs finds it (its link processor:
    the file at the path from the page's folder, its url relative to the page's), or None
    when there is no such file."""
    folder = posixpath.dirname(page.file.src_uri)
    found = _found.get(id(files))
    if found is None or found[0] is not files:  # a new build's files: nothing of the last one kept
        _found.clear()
        found = _found[id(files)] = (files, {})
    known = found[1]

    def link(path):
        if not SIMPLE_PATH.fullmatch(path):  # what MkDocs would unquote, split or stop at: Markdown's way
            return None
        target_path = posixpath.normpath(posixpath.join(folder, path))
        if target_path not in known:
            known[target_path] = files.get_file_from_path(target_path)
        target = known[target_path]
        return None if target is None else get_relative_url(target.url, page.file.url)
    return link


# id(files) -> (files, {path: the file the build's files give for it, or None}): the i18n
# plugin's lookup takes a tenth of a millisecond, and a card is linked from two or three
# catalogue pages per language.
_found: dict = {}


_defined: dict = {}  # language -> (the glossary they were made from, _definitions' answer)


def _definitions(lang) -> tuple:
    """((term, its `*[term]: title` line) of every abbreviation in the glossary, the lines
    alone). Full terms (`abbr: false`) are listed on the glossary page, never tooltips. Made
    once per build and language: every page asks."""
    glossary = build_state.data.glossary
    known = _defined.get(lang)
    if known is None or known[0] is not glossary:
        pairs = [(t["term"], f"*[{t['term']}]: {t[lang]}") for t in glossary if t.get("abbr", True)]
        known = _defined[lang] = (glossary, (pairs, tuple(line for _t, line in pairs)))
    return known[1]


def on_page_markdown(markdown, page, config, files):
    lang = config.theme["language"]
    src = getattr(page.file, "norm_src_uri", page.file.src_uri)
    definitions, lines = _definitions(lang)
    blocks = markers.Blocks(TOKEN, _link(page, files), lines) if BLOCKS else None
    ctx = markers.Context(build_state.data, build_state.pages, lang, src, blocks)
    try:
        markdown = markers.expand(markdown, ctx)
    except markers.MarkerError as exc:
        raise PluginError(f"{page.file.src_uri}: dòng {exc.line} (tính từ sau phần khai báo): {exc}") from None
    # Abbreviations become <abbr title> (Python-Markdown `abbr`): the browser's own tooltip.
    # Only the terms the page contains: each definition costs every page a pass of the abbr
    # extension (all 13 made Markdown 57 % slower per page); a term absent from the text
    # would produce nothing anyway.
    if blocks is not None and blocks.html:
        _html_lists[lang] = _html_lists.get(lang, 0) + len(blocks.html)
        build_state.blocks[id(page)] = blocks  # put in by hooks/sanitize.py, before it cleans the page
    abbrs = "\n".join(line for term, line in definitions if term in markdown)
    return f"{markdown}\n\n{abbrs}\n"


def on_page_content(html, page, config, files):
    blocks = build_state.blocks.pop(id(page), None)
    if blocks is not None:  # a site without hooks/sanitize.py, which puts them in before cleaning
        try:
            html = blocks.fill(html)
        except ValueError as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}") from None
    # After the sanitiser (hooks/sanitize.py, priority 100): the slot an `md:search` marker left
    # becomes the search form, which no editor's markup could produce.
    if markers.SEARCH_SLOT in html:
        html = html.replace(markers.SEARCH_SLOT, markers.search_form(config.theme["language"]), 1)
    return html


def on_pre_build(config):
    _html_lists[config.theme["language"]] = 0


def on_post_build(config):
    log.info("%s: %d catalogue lists written as HTML", config.theme["language"],
             _html_lists.get(config.theme["language"], 0))
