"""The sidebar: sections named by their index page's title (not by the ASCII folder name,
which gave 'Chi so'), ordered as the themes are in data/taxonomy.yml, and on the English
site one section per folder (mkdocs-static-i18n lists the English folder and the Vietnamese
fallback folder side by side, so every theme appeared twice)."""
import html

import _path  # noqa: F401
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section

from cchc import build_state, paths

# Top-level folders that are not themes, in the order readers look for them.
TAIL = ["tai-lieu", "tin-tuc", "ke-hoach"]


def _index_src(section):
    """Language-neutral source path of the section's own index page, if it has one."""
    for child in section.children:
        if getattr(child, "is_page", False) and child.is_index:
            return getattr(child.file, "norm_src_uri", child.file.src_uri)
    return None


def _title(lang, src):
    pages = build_state.pages or []
    for want in (lang, paths.DEFAULT_LANGUAGE):
        for page in pages:
            if page.lang == want and page.src == src and page.meta and page.meta.get("title"):
                return html.escape(str(page.meta["title"]))
    return None


def _folder(item):
    src = getattr(getattr(item, "file", None), "norm_src_uri", None)
    if src is None and isinstance(item, Section):
        src = _index_src(item) or ""
    return (src or "").split("/")[0].removesuffix(".md")


def _src(page):
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


def _first_src(section):
    for child in section.children:
        if getattr(child, "is_page", False):
            return _src(child)
        if isinstance(child, Section):
            found = _first_src(child)
            if found:
                return found
    return None


def _merge(items, depth, parent):
    """One section per folder, one entry per page; index page first, then by path."""
    out, sections = [], {}
    for item in items:
        if isinstance(item, Section):
            src = _first_src(item) or ""
            key = "/".join(src.split("/")[: depth + 1])
            if key in sections:
                sections[key].children.extend(item.children)
                continue
            sections[key] = item
        elif getattr(item, "is_page", False) and any(getattr(o, "is_page", False) and _src(o) == _src(item) for o in out):
            continue
        out.append(item)
    for item in out:
        item.parent = parent
        if isinstance(item, Section):
            item.children = _merge(item.children, depth + 1, item)
    if parent is not None:
        out.sort(key=lambda i: (not (getattr(i, "is_page", False) and i.is_index),
                                isinstance(i, Section), _src(i) if getattr(i, "is_page", False) else (_first_src(i) or "")))
    return out


@event_priority(-110)  # after mkdocs-static-i18n (-100) has removed the language sections
def on_nav(nav, config, files):
    lang = config.theme["language"]
    nav.items = _merge(nav.items, 0, None)
    for item in nav.items:
        _rename(item, lang)
    order = ["index"] + [t["path"] for t in build_state.data.themes.values()] + TAIL
    rank = {name: i for i, name in enumerate(order)}
    nav.items.sort(key=lambda item: rank.get(_folder(item), len(order)))
    return nav


def _kind_label(section, lang):
    """A folder with no index page that holds one kind of material ('tai-lieu/phat-thanh')
    is named by that kind's label from data/taxonomy.yml."""
    page = next((c for c in section.children if getattr(c, "is_page", False)), None)
    if page is None:
        return None
    folder = getattr(page.file, "norm_src_uri", page.file.src_uri).rsplit("/", 1)[0]
    for kind in build_state.data.kinds.values():
        if kind.get("folder") == folder:
            return html.escape(kind["label" if lang == paths.DEFAULT_LANGUAGE else "label_en"])
    return None


def _rename(item, lang):
    if not isinstance(item, Section):
        return
    src = _index_src(item)
    title = _title(lang, src) if src else _kind_label(item, lang)
    if title:
        item.title = title
    for child in item.children:
        _rename(child, lang)
