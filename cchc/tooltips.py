"""Abbreviation tooltips on the first use only (hooks/tooltips.py).

The glossary's abbreviations become `<abbr title>` wherever they occur (Python-Markdown
`abbr`, hooks/markers.py). Each is explained where a reader first meets it on the page, as
style guides ask ("spell out on first use"), and the glossary page lists them all; repeating the
title on every later use only makes screen readers that announce titles say it again. (Material's
`content.tooltips`, which set up a script tooltip per `<abbr>`, is off: it was a third of the
long pages' script time, maintainers/performance.md; the browser's own tooltip remains.)

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
