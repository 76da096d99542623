"""Shared fragments (cchc/fragments.py): on pages outside the sidebar, the sidebar, search box,
settings, script and style links and footer are rendered once per folder and language, not once
per page. Templates mark such a fragment with

    {% call cchc_shared("nav") %}{% include "material/partials/nav.html" %}{% endcall %}

("material/..." is Material's own template, which a file of the same name in overrides/ hides).
CCHC_SHARED_FRAGMENTS=0 renders every fragment per page: tests/test_fragments.py builds both
ways and compares every page byte for byte."""
import os
from pathlib import Path

import _path  # noqa: F401  (puts the repository on sys.path)
import jinja2
import material
from mkdocs.plugins import get_plugin_logger

from cchc import fragments

log = get_plugin_logger("fragments")
ENABLED = os.environ.get("CCHC_SHARED_FRAGMENTS", "1") != "0"
# One build at a time per language (mkdocs-static-i18n builds English inside the Vietnamese
# build's on_post_build, so state is kept per language).
_builds = {}


def on_env(env, config, files):
    stock = jinja2.FileSystemLoader(str(Path(material.__file__).parent / "templates"))
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader({"material": stock})])
    env.globals["cchc_shared"] = _shared
    return env


def on_nav(nav, config, files):
    # Every relative target a shared fragment can hold: the sidebar's pages and links, and the
    # site's files (stylesheets, scripts, images).
    targets = fragments.nav_urls(nav, [getattr(nav.homepage, "url", None), config.extra.get("homepage")])
    targets += [f.url for f in files if not f.is_documentation_page()]
    _builds[config.theme["language"]] = {
        "nav": nav, "pages": frozenset(id(p) for p in nav.pages),
        "folders": fragments.target_folders(targets), "cache": {}, "reused": 0}
    return nav


def on_post_build(config):
    # Read by tests/test_fragments.py: sharing that silently stopped would only show as time.
    state = _builds.get(config.theme["language"])
    if state:
        log.info("%s: %d fragments rendered once, reused %d times",
                 config.theme["language"], len(state["cache"]), state["reused"])


@jinja2.pass_context
def _shared(ctx, name, caller):
    page, nav, config = ctx.get("page"), ctx.get("nav"), ctx.get("config")
    state = _builds.get(config.theme["language"]) if config else None
    if not ENABLED or page is None or state is None or nav is not state["nav"]:
        return caller()
    in_nav = id(page) in state["pages"] or any(item.active for item in nav.items)
    folder = fragments.shared_key(page.url, in_nav, state["folders"])
    if folder is None:
        return caller()
    key = (name, ctx.name, folder)
    if key in state["cache"]:
        state["reused"] += 1
    else:
        state["cache"][key] = caller()
    return state["cache"][key]
