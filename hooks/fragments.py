"""Shared fragments (cchc/fragments.py): on pages outside the sidebar, the sidebar, search box,
settings, script and style links and footer are rendered once per folder and language, not once
per page. Templates mark such a fragment with

    {% call cchc_shared("footer") %}...{% endcall %}

Material's own sidebar (partials/nav.html) and back-to-top button (partials/top.html) are
wrapped the same way here, as they are loaded, and so are the parts of its header that hold
nothing of the page (SHARED_PARTS: all of it but the page's title and language menu), so no
template of ours has to include Material's file under another name (an include that
MiniJinja, Material's successor's engine, cannot resolve; maintainers/successor.md).
On pages that are in the sidebar, the sidebar itself is rendered per page (the page's own item
is marked and holds its table of contents), but each item of it that is not on the way to the
page is the same as on its neighbours' pages: Material's two calls of its item macro
(NAV_ITEM_CALLS) go through cchc_nav_item, which renders such an item once per folder.
CCHC_SHARED_FRAGMENTS=0 renders every fragment per page: tests/test_fragments.py builds both
ways and compares every page byte for byte.

The same loader also leaves every HTML template's indentation out of the pages
(cchc/template_whitespace.py): it is the one place where templates are read.

Also here, the two filters our templates use where they once called Python string methods
(which MiniJinja does not have): cchc_drop_lines and cchc_replace_first; and cchc_text, Material's
interface texts looked up once per language and key (cchc/theme_text.py), for
overrides/partials/language.html."""
import os

import _path  # noqa: F401  (puts the repository on sys.path)
import jinja2
from markupsafe import Markup
from mkdocs.plugins import get_plugin_logger

from cchc import fragments, template_whitespace, theme_text

log = get_plugin_logger("fragments")
ENABLED = os.environ.get("CCHC_SHARED_FRAGMENTS", "1") != "0"
# One build at a time per language (mkdocs-static-i18n builds English inside the Vietnamese
# build's on_post_build, so state is kept per language).
_builds = {}


# template -> fragment name. The back-to-top button is the same on every page (no link, no
# page value); the sidebar is the same on pages outside it, folder by folder.
SHARED_TEMPLATES = {"partials/nav.html": "nav", "partials/top.html": "top"}


# template -> (Material's call of its sidebar item macro, the same call through cchc_nav_item).
# Should a Material release write them otherwise, nothing is replaced and every item is
# rendered per page as before (tests/test_fragments.py then fails on the reuse count).
NAV_ITEM_CALLS = {
    "partials/nav.html": ("{{ item.render(nav_item, path, 1) }}",
                          "{{ cchc_nav_item(item.render, nav_item, path, 1) }}"),
    "partials/nav-item.html": ('{{ render(item, path ~ "_" ~ loop.index, level + 1, nav_item) }}',
                               '{{ cchc_nav_item(render, item, path ~ "_" ~ loop.index, level + 1, nav_item) }}'),
}


# template -> [(first line of a part, first line after it, fragment name)]: the parts of the
# header that hold nothing of the page (logo, menu button, site name; the palette script; the
# search box and repository link). The page's title and language menu between them stay per
# page. A part whose lines a Material release no longer has is left as it is (rendered per
# page; tests/test_fragments.py then fails on the reuse count).
SHARED_PARTS = {
    "partials/header.html": [
        ('{% set class = "md-header" %}\n', '        <div class="md-header__topic" data-md-component="header-topic">\n',
         "header-start"),
        ("    {% if config.theme.palette %}\n", "    {% if config.extra.alternate %}\n", "header-palette"),
        ('    {% if "material/search" in config.plugins %}\n', None, "header-end"),
    ],
}


def _wrap_parts(source: str, parts) -> str:
    """`source` with each part of `parts` (see SHARED_PARTS) inside cchc_shared."""
    for first, after, name in parts:
        start = source.find(first)
        end = len(source) if after is None else source.find(after, start + 1)
        if start < 0 or end < 0:
            continue
        body = source[start:end]
        if after is None and body.endswith("\n"):
            body = body[:-1]  # Jinja drops one trailing newline of a template: keep the output as it was
        source = f'{source[:start]}{{% call cchc_shared("{name}") %}}{body}{{% endcall %}}{source[start + len(body):]}'
    return source


class _SharedLoader(jinja2.BaseLoader):
    """The theme's loader, with each template of SHARED_TEMPLATES wrapped in cchc_shared, the
    parts of SHARED_PARTS too, the sidebar item calls of NAV_ITEM_CALLS going through
    cchc_nav_item, and every HTML template's indentation left out (cchc/template_whitespace.py)."""

    def __init__(self, inner):
        self.inner = inner

    def get_source(self, environment, template):
        source, filename, uptodate = self.inner.get_source(environment, template)
        if template in SHARED_TEMPLATES:
            # Jinja drops one trailing newline of a template: keep the output as it was.
            body = source[:-1] if source.endswith("\n") else source
            source = f'{{% call cchc_shared("{SHARED_TEMPLATES[template]}") %}}{body}{{% endcall %}}'
        if template in NAV_ITEM_CALLS:
            source = source.replace(*NAV_ITEM_CALLS[template])
        if template in SHARED_PARTS:
            source = _wrap_parts(source, SHARED_PARTS[template])
        if template_whitespace.applies_to(template):
            source = template_whitespace.squash(source)
        return source, filename, uptodate


def drop_lines(text, needle: str) -> Markup:
    """The lines of `text` that do not contain `needle` (the palette stylesheet's link)."""
    return Markup("\n".join(line for line in str(text).split("\n") if needle not in line))


def replace_first(text, old: str, new: str) -> Markup:
    """`old` replaced by `new` once (Material's bundle: the block's first script)."""
    return Markup(str(text).replace(old, new, 1))


def on_env(env, config, files):
    env.loader = _SharedLoader(env.loader)
    env.globals["cchc_shared"] = _shared
    env.globals["cchc_nav_item"] = _nav_item
    env.filters["cchc_drop_lines"] = drop_lines
    env.filters["cchc_replace_first"] = replace_first
    texts: dict = {}  # (language, key) -> text, for this environment's templates
    env.globals["cchc_text"] = lambda lang, key: theme_text.text(env, texts, lang, key)
    return env


def on_nav(nav, config, files):
    # Every relative target a shared fragment can hold: the sidebar's pages and links, and the
    # site's files (stylesheets, scripts, images).
    targets = fragments.nav_urls(nav, [getattr(nav.homepage, "url", None), config.extra.get("homepage")])
    targets += [f.url for f in files if not f.is_documentation_page()]
    _builds[config.theme["language"]] = {
        "nav": nav, "pages": frozenset(id(p) for p in nav.pages),
        "folders": fragments.target_folders(targets), "cache": {}, "reused": 0, "last": (None, None),
        "item_folders": {}, "items": {}, "items_reused": 0}
    return nav


def on_post_build(config):
    # Read by tests/test_fragments.py: sharing that silently stopped would only show as time.
    state = _builds.get(config.theme["language"])
    if state:
        log.info("%s: %d fragments rendered once, reused %d times; %d sidebar items rendered once,"
                 " reused %d times", config.theme["language"], len(state["cache"]), state["reused"],
                 len(state["items"]), state["items_reused"])


@jinja2.pass_context
def _shared(ctx, name, caller):
    page, nav, config = ctx.get("page"), ctx.get("nav"), ctx.get("config")
    state = _builds.get(config.theme["language"]) if config else None
    if not ENABLED or page is None or state is None or nav is not state["nav"]:
        return caller()
    last = state["last"]
    if last[0] is page:  # a page calls this for each of its fragments: its folder is worked out once
        folder = last[1]
    else:
        in_nav = id(page) in state["pages"] or any(item.active for item in nav.items)
        folder = fragments.shared_key(page.url, in_nav, state["folders"])
        state["last"] = (page, folder)
    if folder is None:
        return caller()
    key = (name, ctx.name, folder)
    if key in state["cache"]:
        state["reused"] += 1
    else:
        state["cache"][key] = caller()
    return state["cache"][key]


_NO_PARENT = object()


@jinja2.pass_context
def _nav_item(ctx, render, item, path, level, parent=_NO_PARENT):
    """Material's sidebar item macro `render` for `item`, reused from a neighbour's page when
    the item is not on the way to this page (nothing in it is marked) and none of its links
    leads into this page's folder (cchc/fragments.py)."""
    args = (item, path, level) if parent is _NO_PARENT else (item, path, level, parent)
    page, nav, config = ctx.get("page"), ctx.get("nav"), ctx.get("config")
    state = _builds.get(config.theme["language"]) if config else None
    if not ENABLED or page is None or state is None or nav is not state["nav"] or getattr(item, "active", True):
        return render(*args)
    folders = state["item_folders"].get(id(item))
    if folders is None:
        folders = state["item_folders"][id(item)] = fragments.target_folders(fragments.item_urls([item]))
    folder = fragments.shared_key(page.url, False, folders)
    if folder is None:
        return render(*args)
    key = (id(item), ctx.name, path, level, getattr(parent, "active", None), folder)
    if key in state["items"]:
        state["items_reused"] += 1
    else:
        state["items"][key] = render(*args)
    return state["items"][key]
