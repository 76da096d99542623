"""The build publishes no live markup, whatever an editor writes (issue 12).

- on_files: a symbolic link under docs/ is never followed: the file is dropped from the build
  (a `.png` linked to /etc/passwd was copied into site/). scripts/check.py names it.
- on_page_markdown: a page over `max_page_bytes` (data/markup.yml) fails the build.
- on_page_content: every page's HTML, once Markdown has rendered it, passes through the
  allowlist of data/markup.yml (cchc/sanitize.py, nh3). It runs first among the content hooks
  (priority 100): the site's own markup (the untranslated notice, QR codes, task-list labels)
  is added after it. Markers (cchc/markers.py) expand into Markdown before rendering, so what
  they write passes the allowlist too: their tags are allowed by name in data/markup.yml.
"""
import html
import os

import _path  # noqa: F401  (puts the repository on sys.path)
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from cchc import build_state, sanitize, site

log = get_plugin_logger("sanitize")


def _rules():
    rules = build_state.data.markup if build_state.data else None
    if not rules:  # never publish unsanitised content
        raise PluginError("data/markup.yml chưa đọc được: không thể làm sạch nội dung trang. Chạy python3 scripts/check.py")
    return rules


@event_priority(-150)  # after mkdocs-static-i18n (-100) rebuilt the list, before generated pages (-200)
def on_files(files, config):
    docs = os.path.normpath(config.docs_dir) + os.sep
    linked = site.linked_paths(docs)
    for file in list(files):
        path = file.abs_src_path
        if path and os.path.normpath(path).startswith(docs) and linked(path):  # theme files live elsewhere
            log.warning("%s là liên kết tượng trưng (symlink): bỏ qua, không xuất bản", file.src_uri)
            files.remove(file)
    return files


@event_priority(200)
def on_page_markdown(markdown, page, config, files):
    limit = _rules().get("max_page_bytes")
    size = len(markdown.encode("utf-8"))
    if limit and size > limit:
        raise PluginError(f"{page.file.src_uri}: trang dài {size / 1024:.0f} KB, quá giới hạn {limit / 1024:.0f} KB"
                          " (max_page_bytes trong data/markup.yml). Tách thành nhiều trang")
    return markdown


@event_priority(100)  # before every hook that adds the site's own markup
def on_page_content(content, page, config, files):
    if "title" not in (page.meta or {}) and page._title_from_render:
        # MkDocs takes the title from the first heading with its tags stripped but its quotes
        # and entities as written; templates print it raw, inside attributes too.
        page._title_from_render = Markup.escape(html.unescape(page._title_from_render))
    blocks = build_state.blocks.pop(id(page), None)
    if blocks is not None:  # the catalogue lists hooks/markers.py made as HTML: cleaned like the rest
        try:
            content = blocks.fill(content)
        except ValueError as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}") from None
    return sanitize.clean(content, _rules())
