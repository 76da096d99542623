"""Abbreviation tooltips on each abbreviation's first use in a page (cchc/tooltips.py)."""
import _path  # noqa: F401  (puts the repository on sys.path)

from cchc import tooltips


def on_page_content(html, page, config, files):
    return tooltips.first_use_only(html)
