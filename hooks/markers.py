"""Expand `<!-- md:... -->` markers and append the glossary's abbreviations to every page.

Unknown markers fail the build, naming the file and line."""
import _path  # noqa: F401
from mkdocs.exceptions import PluginError

from cchc import build_state, markers


def on_page_markdown(markdown, page, config, files):
    lang = config.theme["language"]
    src = getattr(page.file, "norm_src_uri", page.file.src_uri)
    ctx = markers.Context(build_state.data, build_state.pages, lang, src)
    try:
        markdown = markers.expand(markdown, ctx)
    except markers.MarkerError as exc:
        raise PluginError(f"{page.file.src_uri}: dòng {exc.line} (tính từ sau phần khai báo): {exc}") from None
    # Abbreviations become <abbr title> (Python-Markdown `abbr`): the browser's own tooltip.
    # Only the terms the page contains: each definition costs every page a pass of the abbr
    # extension (all 13 made Markdown 57 % slower per page); a term absent from the text
    # would produce nothing anyway.
    # Only abbreviations become tooltips; full terms (`abbr: false`) are listed on the glossary page.
    abbrs = "\n".join(f"*[{t['term']}]: {t[lang]}" for t in build_state.data.glossary
                       if t.get("abbr", True) and t["term"] in markdown)
    return f"{markdown}\n\n{abbrs}\n"


def on_page_content(html, page, config, files):
    # After the sanitiser (hooks/sanitize.py, priority 100): the slot an `md:search` marker left
    # becomes the search form, which no editor's markup could produce.
    if markers.SEARCH_SLOT in html:
        html = html.replace(markers.SEARCH_SLOT, markers.search_form(config.theme["language"]), 1)
    return html
