"""History mode (cchc/history.py): the "Tư liệu" / "Record" banner at the top of the content
of an archived page and of the page of a plan whose period has ended.

The banner is HTML put in front of the rendered content after the English "not yet
translated" notice was placed on the copy of an untranslated section index page
(hooks/i18n_fallback.py marks everything after its notice as Vietnamese; the banner is in the
page's language, so it goes before, outside that mark).
A procedure card's page prints it above the card instead (overrides/procedure.html).
The search hook labels the same pages' results (hooks/search_index.py)."""
import _path  # noqa: F401  (puts the repository on sys.path)
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

from cchc import build_state, history

_above_card: dict = {}  # page src_uri -> banner, for overrides/procedure.html


def banner_state():
    try:
        return history.for_build(build_state.data, build_state.pages)
    except ValueError as exc:  # a malformed CCHC_TODAY
        raise PluginError(str(exc)) from None


@event_priority(-200)  # after mkdocs-static-i18n (-100), which rebuilds the file list
def on_files(files, config):
    """An archived page leaves the sidebar (a list a citizen acts on), like the catalogues;
    it is still built at its address, linked, and found by search. A section's index page
    stays: its section would lose its entry."""
    state = banner_state()
    lang = config.theme["language"]
    for file in files.documentation_pages():
        src = getattr(file, "norm_src_uri", file.src_uri)
        if not src.endswith("index.md") and state.archived_on(lang, src) is not None:
            file.inclusion = InclusionLevel.NOT_IN_NAV
    return files


def on_pre_build(config):
    _above_card.clear()
    banner_state()  # fail early on a malformed CCHC_TODAY


@event_priority(-50)  # after hooks/i18n_fallback.py's on_page_content (default priority 0)
def on_page_content(html, page, config, files):
    src = getattr(page.file, "norm_src_uri", page.file.src_uri)
    banner = banner_state().html(config.theme["language"], src, page.url)
    if not banner:
        return html
    if page.meta.get("template") == "procedure.html":  # set by hooks/procedure.py
        _above_card[page.file.src_uri] = banner
        return html
    return banner + html


def on_page_context(context, page, config, nav):
    banner = _above_card.get(page.file.src_uri)
    if banner:
        context["history_banner"] = banner
    return context
