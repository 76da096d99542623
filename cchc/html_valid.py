"""Two things Material prints that the HTML standard forbids, mended on each finished page
(hooks/html_valid.py). The Nu HTML Checker (tests/test_validators.py) holds every page to zero
errors; these were its only findings on the theme's own markup.

Pure functions over HTML strings, so a test can feed them a snippet.
"""
import re

# `autocomplete` is allowed on <input> of these types only (HTML, "the input element":
# autofill). Material puts autocomplete="off" on its drawer and search checkboxes, so that a
# browser restoring form state does not reopen them; that restoring is undone by
# partials/a11y-script.html instead.
AUTOCOMPLETE_TYPES = {
    "color", "date", "datetime-local", "email", "hidden", "month", "number", "password",
    "range", "search", "tel", "text", "time", "url", "week",
}
_INPUT = re.compile(r"<input\b[^>]*>", re.I)
_TYPE = re.compile(r'\stype="([^"]*)"', re.I)
_AUTOCOMPLETE = re.compile(r'\sautocomplete="[^"]*"', re.I)
_LABEL_FOR = re.compile(r'<label\b([^>]*?)\sfor="([^"]+)"([^>]*)>(.*?)</label>', re.I | re.S)


def drop_invalid_autocomplete(html: str) -> str:
    """Remove `autocomplete` from inputs whose type does not take it (checkboxes, radios...)."""
    def fix(m: re.Match) -> str:
        tag = m.group(0)
        kind = _TYPE.search(tag)
        kind = kind.group(1).lower() if kind else "text"  # no type: a text field
        return tag if kind in AUTOCOMPLETE_TYPES else _AUTOCOMPLETE.sub("", tag)

    return _INPUT.sub(fix, html)


def _has_id(html: str, target: str) -> bool:
    """Whether some element has id="target" (a plain substring search, then the attribute's
    leading space checked: far faster than a regex starting with \\s over a long page)."""
    needle = f'id="{target}"'
    at = html.find(needle)
    while at != -1:
        if at and html[at - 1].isspace():
            return True
        at = html.find(needle, at + 1)
    return False


def unlink_orphan_labels(html: str) -> str:
    """A <label for=X> with no element X on the page labels nothing (Material's "Table of
    contents" title names the `__toc` toggle, which section index pages do not have): it
    becomes a <span> with the same class, which Material styles the same way."""
    def fix(m: re.Match) -> str:
        before, target, after, inner = m.groups()
        # A page has a handful of labels: one search each for its target is far cheaper than
        # collecting every id of a long page (a third of this hook's time at 2,000 cards).
        if _has_id(html, target):
            return m.group(0)
        return f"<span{before}{after}>{inner}</span>"

    return _LABEL_FOR.sub(fix, html)


def mend(html: str) -> str:
    return unlink_orphan_labels(drop_invalid_autocomplete(html))
