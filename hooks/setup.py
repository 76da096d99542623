"""Build setup: ASCII heading slugs, and the data plus every page's front matter, loaded
once per build and shared by the other hooks through `cchc.build_state`."""
import _path  # noqa: F401  (puts the repository on sys.path)
from pathlib import Path

from mkdocs.exceptions import PluginError

from cchc import build_state, check_lifecycle, data, paths, site
from cchc.slug import slugify


def on_config(config):
    # toc's default slugify drops 'đ'; ours gives '#dang-ky-khai-sinh'.
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
    # No repository named (REPO_URL unset, a local preview): no "edit this page" link either,
    # rather than a relative edit_uri MkDocs cannot place.
    if not config.repo_url:
        config.edit_uri = None
    return config


def on_pre_build(config):
    if config.theme["language"] != paths.DEFAULT_LANGUAGE and build_state.data is not None:
        return  # the i18n plugin's second-language build reuses what the first loaded
    # The tree of the mkdocs.yml being built (a copy elsewhere builds its own data and pages).
    root = Path(config.config_file_path).resolve().parent if config.config_file_path else paths.ROOT
    loaded, problems = data.load(root)
    problems += check_lifecycle.check_data(loaded)  # successor and replacement ids must exist
    if problems:
        lines = "\n".join(str(p) for p in problems[:20])
        raise PluginError(f"Dữ liệu trong data/ có lỗi; chạy 'python3 scripts/check.py' để xem đủ:\n{lines}")
    build_state.data = loaded
    build_state.pages = site.discover(root)
