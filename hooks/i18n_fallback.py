"""On the English site, a page with no English version says so and marks its text as
Vietnamese, instead of silently showing Vietnamese under an English interface."""
import _path  # noqa: F401

from cchc import markers, paths

NOTICE = (
    '!!! info "Not yet translated"\n\n'
    "    This page has no English version yet. The Vietnamese original is shown below.\n\n"
)


def _is_fallback(page, config) -> bool:
    lang = config.theme["language"]
    return lang != paths.DEFAULT_LANGUAGE and getattr(page.file, "locale", lang) != lang


def on_page_markdown(markdown, page, config, files):
    if _is_fallback(page, config):
        page.meta["fallback"] = True
        # The notice goes above the Vietnamese title too: the page's own H1 follows it (the
        # theme prints no second one), inside the part marked lang="vi".
        title = "" if markdown.lstrip().startswith("# ") else f"# {markers.text(page.title)}\n\n"
        return NOTICE + title + markdown
    return markdown


def on_page_content(html, page, config, files):
    if page.meta.get("fallback"):
        # The notice (first element) is English; the rest is Vietnamese for screen readers.
        head, sep, rest = html.partition("</div>")
        return f'{head}{sep}<div lang="{paths.DEFAULT_LANGUAGE}">{rest}</div>'
    return html
