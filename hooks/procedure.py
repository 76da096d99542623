"""Procedure cards: a page of kind `procedure` is rendered with overrides/procedure.html, which
prints its front matter facts (`procedure:`) as one card above the body. The logic is in
cchc/procedure.py; the checker (scripts/check.py) refuses the same problems this hook does.

The card is built from the front matter as written, before hooks/escape_meta.py
escapes it, and the template escapes each value once: no raw HTML, no double escaping.
"""
import _path  # noqa: F401  (puts the repository on sys.path)
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from cchc import build_state, data as data_mod, procedure

TEMPLATE = "procedure.html"
_cards: dict = {}  # page src_uri -> cchc.procedure.Card, for the language being built
_loaded: dict = {}  # the data this build's cards use (found once per build, not per card)


def _data(config):
    if "data" not in _loaded:
        root = Path(config.docs_dir).resolve().parent
        if build_state.data is not None and Path(build_state.data.root).resolve() == root:
            _loaded["data"] = build_state.data
        else:
            _loaded["data"], _problems = data_mod.load(root)  # a tree the setup hook did not load (a test fixture)
    return _loaded["data"]


def on_pre_build(config):
    _cards.clear()
    _loaded.clear()


@event_priority(50)  # before escape_meta.py (priority 0) replaces the values with escaped ones
def on_page_markdown(markdown, page, config, files):
    meta = page.meta or {}
    if meta.get("kind") != procedure.KIND and procedure.FIELD not in meta:
        return markdown
    data = _data(config)
    lists, problems = procedure.load_lists(data.root)
    found = [str(p) for p in problems] + [m for _where, m in procedure.problems(meta, data, lists)]
    if found:
        raise PluginError(f"{page.file.src_uri}: thẻ thủ tục có lỗi (chạy python3 scripts/check.py để xem dòng):\n"
                          + "\n".join(found))
    page.meta["template"] = TEMPLATE
    _cards[page.file.src_uri] = procedure.card(meta.get(procedure.FIELD), data, lists, config.theme["language"],
                                                 getattr(page.file, "locale", None))
    return markdown


def on_page_context(context, page, config, nav):
    card = _cards.get(page.file.src_uri)
    if card is not None:
        context["procedure_card"] = card
    return context
