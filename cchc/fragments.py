"""Parts of a page that are the same on many pages, rendered once and reused.

Material renders the whole sidebar (partials/nav.html) into every page, and with it the header's
search box, the settings script, the script and style links and the footer. On a page that is
not in the sidebar itself (procedure cards, news, the per-field catalogues: about 4,000 of the
4,738 pages a province-sized build renders) nothing in the sidebar is marked active, there is no
previous/next link, and every link is written relative to the page's folder. So every such page
in the same folder and language gets the same sidebar, search box, settings and footer, byte
for byte. Rendering them once per folder instead of once per page is the largest saving in the
build (maintainers/scale.md).

A page is given a shared fragment only when that is provably the same output:
- the page is not in the navigation (so no item of it is active, and it has no previous/next);
- no page of the navigation and no file of the site (stylesheet, script, image) lies inside the
  page's own folder (a relative link to it from this page would differ from its neighbour's).
Everything else (title, description, table of contents, language links, content) is rendered
per page as before. On pages in the sidebar, the same rule applies item by item: an item not on
the way to the page (nothing in it active) whose links lead nowhere inside the page's folder
is the same on every page of that folder's parent (hooks/fragments.py, cchc_nav_item).
tests/test_fragments.py builds sites with and without sharing and compares every page.
"""
import posixpath


def url_base(page_url: str) -> str:
    """The folder relative links on the page are computed from, as '/a/b' ('/' for the home
    page). The rule is mkdocs.utils.get_relative_url's: a last part with a dot is a file name."""
    head, tail = posixpath.split(page_url)
    return posixpath.normpath("/" + (head if "." in tail else page_url))


def _is_relative(url) -> bool:
    return bool(url) and "://" not in url and not url.startswith(("/", "#", "mailto:", "tel:", "data:"))


def target_folders(urls) -> frozenset:
    """Every folder on the way to each relative link target: 'a/b/' -> '/', '/a', '/a/b'."""
    out = set()
    for url in urls:
        if not _is_relative(url):
            continue
        path = posixpath.normpath("/" + url.split("#", 1)[0].split("?", 1)[0])
        while True:
            out.add(path)
            if path == "/":
                break
            path = posixpath.dirname(path)
    return frozenset(out)


def shared_key(page_url: str, in_nav: bool, folders: frozenset) -> str | None:
    """The folder whose pages all render the same fragment, or None: render it for this page
    alone. `folders` is target_folders() of every link the fragment holds."""
    if in_nav:
        return None
    base = url_base(page_url)
    if base in folders:  # a link into this page's folder: its relative address is this page's own
        return None
    return posixpath.dirname(base)


def nav_urls(nav, extra=()) -> list:
    """Every address the sidebar links to: pages, links and sections' pages, at any depth."""
    return item_urls(nav.items, extra)


def item_urls(items, extra=()) -> list:
    """Every address the sidebar items `items` link to, their children's at any depth too."""
    out, stack = list(extra), list(items)
    while stack:
        item = stack.pop()
        url = getattr(item, "url", None)
        if url is not None:
            out.append(url)
        stack.extend(getattr(item, "children", None) or [])
    return out
