"""Abbreviation tooltips on the first use only (hooks/tooltips.py).

The glossary's abbreviations become `<abbr title>` wherever they occur (Python-Markdown
`abbr`, hooks/markers.py), and Material's `content.tooltips` sets up a tooltip for each one
when the page loads. On the long pages that is most of the script time: the training outline
has 115 of them, and its main-thread script time halved without them (maintainers/
performance.md). Each abbreviation is explained where a reader first meets it on the page, as
style guides ask ("spell out on first use"); the glossary page lists them all.

Pure: a function over the page's HTML.
"""
import re

_ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)


def first_use_only(html: str) -> str:
    """Keep the first <abbr> of each abbreviation (same text, same expansion); later ones
    become their plain text."""
    seen = set()

    def fix(m: re.Match) -> str:
        key = (m.group(2), m.group(1))
        if key in seen:
            return m.group(2)
        seen.add(key)
        return m.group(0)

    return _ABBR.sub(fix, html)
