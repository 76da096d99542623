"""Redirects from data/redirects.yml: a static HTML page at every old address (meta refresh,
canonical, a visible link; no JavaScript needed, any static host) and site/nginx-redirects.conf
for agencies that serve the site with nginx. The logic is in cchc/redirects.py.

The redirects are checked before anything is built (a missing target, a chain or a loop fails
the build, naming the line); the files are written after the last language is built, because
the i18n plugin builds English inside its own on_post_build.
"""
import _path  # noqa: F401  (puts the repository on sys.path)
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from cchc import build_state, check_urls, english, redirects

_expanded: list = []


def _inner_build(config) -> bool:
    """True inside the i18n plugin's build of a second language."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def on_pre_build(config):
    if _inner_build(config):
        return
    root = Path(build_state.data.root)
    published = check_urls.Published(build_state.data, build_state.pages)
    written, problems = redirects.load(root)
    expanded = redirects.with_twins(written, published.urls, published.anchors)
    problems += redirects.validate(expanded, published.urls, published.anchors)
    if problems:
        raise PluginError("Chuyển hướng trong data/redirects.yml có lỗi:\n" + "\n".join(str(p) for p in problems))
    # Published /en/ addresses of cards that are no longer copied to English (cchc/english.py).
    _expanded[:] = expanded + english.published_redirects(build_state.pages, check_urls.listed_urls(root))


@event_priority(-200)  # after the i18n plugin (-100), which builds English in its on_post_build
def on_post_build(config):
    if _inner_build(config):
        return
    site_dir = Path(config.site_dir)
    for r in _expanded:
        out = site_dir / redirects.output_file(r.source)
        if out.exists() and redirects.MARK not in out.read_text("utf-8", errors="replace"):
            raise PluginError(f"data/redirects.yml:{r.line}: địa chỉ cũ '{r.source}' trùng với tệp"
                              f" {out.relative_to(site_dir)} mà bản dựng vừa tạo; bỏ chuyển hướng này")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(redirects.page_html(r, config.site_url), encoding="utf-8")
    (site_dir / redirects.NGINX_FILE).write_text(redirects.nginx_rules(_expanded, config.site_url), encoding="utf-8")
