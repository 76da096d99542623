"""Escape front matter before any template prints it.

MkDocs renders themes with Jinja autoescape off, and Material prints `page.meta.description`,
`page.meta.title` and `page.title` raw in many places (head, header, nav, footer). A value such
as `description: '"><script>alert(1)</script>'` would become a script on every visit. Escaping
the values once, here, covers every template that prints them, including ones we never override.

The escaped values are markupsafe.Markup, so the templates that do escape (Material's footer
`aria-label="{{ page.next_page.title | e }}"`) leave them as they are instead of escaping twice
(a screen reader read "site&amp;#x27;s" for "site's").
"""
from markupsafe import escape


def _escape(value):
    if isinstance(value, str):
        return escape(value)  # Markup: & < > " ' escaped once, never again
    if isinstance(value, list):
        return [_escape(v) for v in value]
    if isinstance(value, dict):
        return {k: _escape(v) for k, v in value.items()}
    return value


def on_page_markdown(markdown, page, config, files):
    page.meta = _escape(page.meta)
    if isinstance(page.title, str) and page.meta.get("title"):
        page.title = page.meta["title"]
    return markdown
