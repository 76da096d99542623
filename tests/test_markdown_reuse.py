"""One reused Markdown converter per language (cchc/markdown_reuse.py, installed by
hooks/setup.py) must give every page exactly what a new converter per page gives."""
import os
import subprocess
import sys

import markdown
import mkdocs.structure.pages as mkdocs_pages

from cchc import markdown_reuse
from conftest import ROOT
from test_properdocs import differences

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc",
              "pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist"]
CONFIGS = {"toc": {"permalink": True}}

# Each page leaves state a careless reuse would carry into the next: abbreviations, a
# heading id the next page also uses, stashed raw HTML and fenced code, link references,
# an admonition left open at the end.
PAGES = [
    "# Hồ sơ\n\n*[TTHC]: Thủ tục hành chính\n\nNộp TTHC tại [bộ phận một cửa][1].\n\n[1]: /mot-cua/\n",
    "# Hồ sơ\n\nTTHC nào? [không có tham chiếu][1]\n\n<div markdown>**đậm**</div>\n",
    "```python\nx = 1\n```\n\n!!! note \"Lưu ý\"\n    Mang theo căn cước.\n",
    "## Hồ sơ {#ho-so}\n\n- [x] xong\n- [ ] chưa\n\nTerm\n:   Definition\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "# Hồ sơ\n\n???+ note \"Chi tiết\"\n    Nội dung\n\nTTHC\n",
]


def fresh(text: str) -> tuple[str, list]:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
    return md.convert(text), md.toc_tokens


def test_a_reused_converter_converts_each_page_as_a_new_one_would():
    pool = markdown_reuse.Pool()
    for order in (PAGES, PAGES[::-1], PAGES + PAGES):
        for text in order:
            md = pool.markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
            assert (md.convert(text), md.toc_tokens) == fresh(text), text
    assert len(pool) == 1


def test_other_settings_get_their_own_converter():
    pool = markdown_reuse.Pool()
    vi = pool.markdown(extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True, "permalink_title": "Liên kết"}})
    en = pool.markdown(extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True, "permalink_title": "Link"}})
    assert vi is not en and len(pool) == 2
    assert pool.markdown(extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True, "permalink_title": "Link"}}) is en
    assert 'title="Link"' in en.convert("## A") and 'title="Liên kết"' in vi.convert("## A")


def test_install_and_uninstall_swap_only_the_converter():
    pool = markdown_reuse.Pool()
    assert mkdocs_pages.markdown is markdown
    try:
        assert markdown_reuse.install(mkdocs_pages, pool)
        assert markdown_reuse.install(mkdocs_pages, pool)  # twice (the English build): no change
        assert mkdocs_pages.markdown.treeprocessors is markdown.treeprocessors
        assert mkdocs_pages.markdown.Markdown(extensions=EXTENSIONS) is mkdocs_pages.markdown.Markdown(
            extensions=EXTENSIONS)
    finally:
        markdown_reuse.uninstall(mkdocs_pages)
    assert mkdocs_pages.markdown is markdown


def test_install_leaves_a_module_it_does_not_know_alone():
    class Other:
        markdown = object()

    assert not markdown_reuse.install(Other, markdown_reuse.Pool())


# The whole site, built with a new converter for every page (the reuse switched off in the
# build's own process), is the site the normal build made, file for file.
FRESH_BUILD = (
    "import sys; sys.path.insert(0, {root!r})\n"
    "from cchc import markdown_reuse\n"
    "markdown_reuse.install = lambda *a: False\n"
    "from mkdocs.__main__ import cli\n"
    "cli(['build', '--strict', '-f', {config!r}, '-d', {dest!r}])\n"
)


def test_the_site_built_with_a_new_converter_per_page_is_the_same(built_site, tmp_path):
    dest = tmp_path / "site"
    code = FRESH_BUILD.format(root=str(ROOT), config=str(ROOT / "mkdocs.yml"), dest=str(dest))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    assert (dest / "index.html").is_file() and (dest / "en" / "index.html").is_file()
    assert differences(built_site, dest) == []


def test_the_build_hook_installs_the_pool_and_gives_it_back():
    """Without this, the whole-site comparison above would also pass if hooks/setup.py never
    installed the pool at all."""
    import importlib.util

    from mkdocs.config import load_config

    sys.path.insert(0, str(ROOT / "hooks"))
    spec = importlib.util.spec_from_file_location("cchc_hook_setup", ROOT / "hooks" / "setup.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = load_config(str(ROOT / "mkdocs.yml"))
    try:
        hook.on_config(config)
        pool = getattr(mkdocs_pages.markdown, "__cchc_pool__", None)
        assert isinstance(pool, markdown_reuse.Pool)
        first = mkdocs_pages.markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
        assert mkdocs_pages.markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS) is first
    finally:
        hook.on_build_error(None)
    assert mkdocs_pages.markdown is markdown and len(pool) == 0
