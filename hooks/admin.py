"""The web editor at /admin/ (Decap CMS): writes site/admin/index.html, site/admin/config.yml
(made by cchc/admin.py from data/, schemas/ and templates/) and copies the vendored bundle
(vendor/decap-cms/, pinned, checksum in vendor/decap-cms/README.md). Nothing is fetched from
another host. Settings: `extra.admin` in mkdocs.yml.
"""
import _path  # noqa: F401  (puts the repository on sys.path)
import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from cchc import admin, build_state, frontmatter, paths, procedure

BUNDLE = "decap-cms.js"


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _find(root: Path, *parts: str) -> Path:
    """The tree's own file, else the one beside the code (a copy of the site sources for a
    benchmark has data and docs but not the vendored bundle)."""
    own = root.joinpath(*parts)
    return own if own.exists() else paths.ROOT.joinpath(*parts)


def _templates(root: Path) -> dict:
    return {p.stem: frontmatter.read(p.read_bytes()).body for p in sorted((root / "templates").glob("*.md"))}


def _preview_css(site_dir: Path, config) -> list:
    """Material's built stylesheets (hashed names) and ours, as paths under the site."""
    found = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "assets" / "stylesheets").glob("main.*.min.css"))
    found += sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "assets" / "stylesheets").glob("palette.*.min.css"))
    return found + [c for c in config.extra_css if isinstance(c, str) and not c.startswith(("http:", "https:", "//"))]


def on_config(config):
    # Refuse a local backend for a published address before anything is built.
    try:
        admin.local_backend((config.extra.get("admin") or {}).get("local_backend"), config.site_url or "/")
    except admin.AdminError as exc:
        raise PluginError(str(exc)) from exc
    return config


@event_priority(-200)  # after the i18n plugin (-100), which builds English in its on_post_build
def on_post_build(config):
    if getattr(config.plugins.get("i18n"), "building", False):
        return
    root = _root(config)
    settings = dict(config.extra.get("admin") or {})
    lists, problems = procedure.load_lists(root)
    if problems:
        raise PluginError("\n".join(str(p) for p in problems))
    site_dir = Path(config.site_dir)
    out = site_dir / "admin"
    out.mkdir(parents=True, exist_ok=True)
    site_path = urlsplit(config.site_url or "/").path or "/"
    schema = json.loads(_find(root, "schemas", "page.schema.json").read_text("utf-8"))
    try:
        cfg = admin.config(build_state.data, lists, schema, _templates(_find(root, "templates").parent), repo_url=config.repo_url or "",
                           site_url=config.site_url or "/", settings=settings, local=settings.get("local_backend"))
    except admin.AdminError as exc:
        raise PluginError(str(exc)) from exc
    if not config.repo_url and not settings.get("local_backend"):
        # No repository to save into: say so on /admin/ rather than offer a sign-in that fails.
        (out / "index.html").write_text(admin.unconfigured_html(site_path), "utf-8")
        return
    shutil.copyfile(_find(root, "vendor", "decap-cms", BUNDLE), out / BUNDLE)
    (out / "config.yml").write_text(
        "# Made by hooks/admin.py from data/, schemas/page.schema.json and templates/: do not edit.\n"
        + yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False, width=120), "utf-8")
    (out / "index.html").write_text(admin.index_html(
        BUNDLE, _preview_css(site_dir, config), site_path, [c["name"] for c in cfg["collections"]]), "utf-8")
