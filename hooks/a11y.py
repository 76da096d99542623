"""Accessibility fixes to the rendered HTML of every page; the rules are in cchc/a11y.py."""
import _path  # noqa: F401  (puts the repository on sys.path)

from cchc import a11y


def on_page_content(html, page, config, files):
    return a11y.label_task_items(html)
