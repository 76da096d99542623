"""Accessibility fixes applied to each page's rendered HTML (hooks/a11y.py).

Pure functions over HTML strings, so tests can feed them a snippet.
"""
import re

# pymdownx.tasklist prints `<li class="task-list-item"><input type="checkbox" disabled/> text`:
# a checkbox with no name, which a screen reader announces as just "checkbox" (axe: `label`).
# Wrapping the item's own text, up to the first nested block, in a <label> with the box gives
# it that text as its name, read once. Loose lists put the box inside a <p>.
_TASK_ITEM = re.compile(
    r'(<li class="task-list-item">(?:\s*<p>)?)(<input type="checkbox"[^>]*>)'
    r'(.*?)(?=</li>|</p>|<(?:ul|ol|p|div|pre|table|blockquote|details)[\s>])',
    re.S,
)


def label_task_items(html: str) -> str:
    """Give every task-list checkbox the item's text as its label."""
    def wrap(m: re.Match) -> str:
        opening, box, text = m.groups()
        if not text.strip():
            return m.group(0)
        return f'{opening}<label class="task-list-label">{box}{text}</label>'

    return _TASK_ITEM.sub(wrap, html)
