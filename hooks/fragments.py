"""Shared fragments (cchc/fragments.py): on pages outside the sidebar, the sidebar, search box,
settings, script and style links and footer are rendered once per folder and language, not once
per page. Templates mark such a fragment with

    {% call cchc_shared("footer") %}...{% endcall %}

Material's own sidebar (partials/nav.html) and back-to-top button (partials/top.html) are
wrapped the same way here, as they are loaded, so no template of ours has to include
Material's file under another name (an include that MiniJinja, Material's successor's engine,
cannot resolve; maintainers/successor.md).
CCHC_SHARED_FRAGMENTS=0 renders every fragment per page: tests/test_fragments.py builds both
ways and compares every page byte for byte.

Also here, the two filters our templates use where they once called Python string methods
(which MiniJinja does not have): cchc_drop_lines and cchc_replace_first; and cchc_text, Material's
interface texts looked up once per language and key (cchc/theme_text.py), for
overrides/partials/language.html."""
import os

import _path  # noqa: F401  (puts the repository on sys.path)
import jinja2
from markupsafe import Markup
from mkdocs.plugins import get_plugin_logger

from cchc import fragments, theme_text

log = get_plugin_logger("fragments")
ENABLED = os.environ.get("CCHC_SHARED_FRAGMENTS", "1") != "0"
# One build at a time per language (mkdocs-static-i18n builds English inside the Vietnamese
# build's on_post_build, so state is kept per language).
_builds = {}


# template -> fragment name. The back-to-top button is the same on every page (no link, no
# page value); the sidebar is the same on pages outside it, folder by folder.
SHARED_TEMPLATES = {"partials/nav.html": "nav", "partials/top.html": "top"}


class _SharedLoader(jinja2.BaseLoader):
    """The theme's loader, with each template of SHARED_TEMPLATES wrapped in cchc_shared."""

    def __init__(self, inner):
        self.inner = inner

    def get_source(self, environment, template):
        source, filename, uptodate = self.inner.get_source(environment, template)
        if template in SHARED_TEMPLATES:
            # Jinja drops one trailing newline of a template: keep the output as it was.
            body = source[:-1] if source.endswith("\n") else source
            source = f'{{% call cchc_shared("{SHARED_TEMPLATES[template]}") %}}{body}{{% endcall %}}'
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
