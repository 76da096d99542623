"""Build setup: ASCII heading slugs, and the data plus every page's front matter, loaded
once per build and shared by the other hooks through `cchc.build_state`.

Each page's front matter is parsed once: MkDocs is handed the values read here (on_files,
on_page_markdown) instead of parsing every page's YAML again (a twentieth of a 2,000-card
build, maintainers/scale.md). Dates stay strings ('2022-01-30') in page.meta, as every hook
and check reads them. A page whose front matter our reader could not use, and every page of
`mkdocs serve --dirty` (a page given its text is always rebuilt), is left to MkDocs.

Pages are converted by one reused Markdown converter per language instead of a new one each
(cchc/markdown_reuse.py), and Python's collector is told the build's long-lived objects."""
import gc
import importlib
import os

import _path  # noqa: F401  (puts the repository on sys.path)
from pathlib import Path

import jinja2

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from cchc import build_state, check_lifecycle, data, frontmatter, markdown_reuse, paths, site
from cchc.slug import slugify

_run = {"dirty": False}
_handed: dict = {}  # File.src_uri -> the meta read by cchc.site.discover, this build


def on_startup(command, dirty):
    _run["dirty"] = dirty


def on_config(config):
    # toc's default slugify drops 'đ'; ours gives '#dang-ky-khai-sinh'.
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
    # No repository named (REPO_URL unset, a local preview): no "edit this page" link either,
    # rather than a relative edit_uri MkDocs cannot place.
    if not config.repo_url:
        config.edit_uri = None
    module = _page_module(config)
    if module is not None and markdown_reuse.install(module, _converters):
        _reusing["module"] = module
    return config


_converters = markdown_reuse.Pool()
_reusing: dict = {}  # the page module given the pool, until the build ends


def _page_module(config):
    """The module whose Page.render makes each page's converter: MkDocs', or a fork's own
    (ProperDocs: properdocs.structure.pages), found from the tool that made the config."""
    tool = type(config).__module__.split(".")[0]
    try:
        return importlib.import_module(f"{tool}.structure.pages")
    except ImportError:
        return None  # another tool: its pages are converted as it does it


def _root(config) -> Path:
    """The tree of the mkdocs.yml being built (a copy elsewhere builds its own data and pages)."""
    return Path(config.config_file_path).resolve().parent if config.config_file_path else paths.ROOT


def on_pre_build(config):
    build_state.blocks.clear()  # none left by a failed build: their pages are gone
    if config.theme["language"] != paths.DEFAULT_LANGUAGE and build_state.data is not None:
        return  # the i18n plugin's second-language build reuses what the first loaded
    root = _root(config)
    loaded, problems = data.load(root)
    problems += check_lifecycle.check_data(loaded)  # successor and replacement ids must exist
    if problems:
        lines = "\n".join(str(p) for p in problems[:20])
        raise PluginError(f"Dữ liệu trong data/ có lỗi; chạy 'python3 scripts/check.py' để xem đủ:\n{lines}")
    build_state.data = loaded
    build_state.pages = site.discover(root)


@event_priority(-200)  # after the i18n plugin (-100) has made each language's files
def on_files(files, config):
    _handed.clear()
    if _run["dirty"] or not build_state.pages:
        return files
    tree = os.path.dirname(os.path.normpath(config.docs_dir))  # the same paths MkDocs gives its files
    parsed = {os.path.join(tree, p.rel): p for p in build_state.pages if p.meta is not None and not p.problems}
    for file in files.documentation_pages():
        page = parsed.get(os.path.normpath(file.abs_src_path)) if file.abs_src_path else None
        if page is None:
            continue
        try:
            source = file.content_string
        except (OSError, ValueError):
            continue  # MkDocs reports it when it reads the page
        body = frontmatter.hand_over(source, page.front_matter)
        if body is not None:
            file.content_string = body
            _handed[file.src_uri] = page.meta
    return files


_gc: dict = {}  # the collector's thresholds before this build changed them


def _freeze():
    """Collect once, then set aside every object alive now: the collector stops walking them
    again and again. The build's data, files, navigation and rendered pages live until it
    ends (a 2,000-card build made ten full collections of about 0.1 s each, walking them;
    maintainers/scale.md)."""
    if not _gc:
        _gc["threshold"] = gc.get_threshold()
    gc.collect()
    gc.freeze()
    # Each page leaves its garbage (a Markdown instance, templates' contexts) to a young
    # collection; fewer, larger ones cost less than the default's every 700 allocations.
    gc.set_threshold(5000, 10, 10)


@event_priority(-1000)  # last: the navigation is made, the pages are read and rendered next
def on_nav(nav, config, files):
    _freeze()
    return nav


@event_priority(-1000)  # after every other on_env: the pages are rendered, templates come next
def on_env(env, config, files):
    _freeze()
    # Templates do not change during a build (`mkdocs serve` makes a new environment for each
    # build); without this, every include of every page asks the disk whether its file changed.
    env.auto_reload = False
    env.bytecode_cache = _compiled
    return env


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the next environment: the English build (and
    every rebuild of `mkdocs serve`) makes a new one and used to compile Material's templates
    all over again. Jinja files each entry under the template's name and checks it against
    a hash of the source, so a changed template is compiled anew."""

    def __init__(self):
        self._code: dict = {}

    def load_bytecode(self, bucket):
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self._code[bucket.key] = bucket.bytecode_to_string()


_compiled = _CompiledTemplates()


def _restore():
    module = _reusing.pop("module", None)
    if module is not None:
        markdown_reuse.uninstall(module)
    _converters.clear()
    gc.unfreeze()  # `mkdocs serve` builds again in this process: this build's objects may go
    if _gc:
        gc.set_threshold(*_gc.pop("threshold"))


@event_priority(-1000)  # last: the i18n plugin's second language (built inside its own
def on_post_build(config):  # on_post_build at -100) and the search index are done
    _restore()


def on_build_error(error):
    build_state.blocks.clear()
    _restore()


@event_priority(1000)  # before every other page_markdown handler reads page.meta
def on_page_markdown(markdown, page, config, files):
    meta = _handed.get(page.file.src_uri)
    if meta is not None:
        page.meta = frontmatter.copy_value(meta)
    return markdown
