"""One Python-Markdown converter per set of extensions, reset between pages, instead of a new
one for every page.

MkDocs makes a `markdown.Markdown` for each page it renders (mkdocs/structure/pages.py,
`Page.render`), and building one loads and configures every extension again: 0.34 ms a page
here, a twentieth of a 2,000-card build's own time (maintainers/scale.md, "fifth session").
Python-Markdown supports converting many documents with one instance, `reset()` between them
(its documentation, "Markdown.reset"); every extension this site uses keeps its per-document
state in what `reset()` clears (abbr, toc, superfences' stash, the HTML stash, references).
MkDocs registers its own per-page processors on the instance after making it, by name, so
they replace the previous page's.

`install(module)` swaps the `markdown` name that MkDocs' page module calls for a stand-in
whose `Markdown(...)` returns the pooled, reset converter; everything else is the real
module. `uninstall(module)` puts it back. A test builds pages both ways and compares them
(tests/test_markdown_reuse.py).
"""
import types

import markdown


class Pool:
    """Converters by (extensions, extension configs). The key is their `repr`: the English
    build changes a config value (the heading links' title), which makes a new converter;
    the same values find the one already made."""

    def __init__(self, factory=markdown.Markdown):
        self._factory = factory
        self._made: dict = {}

    def markdown(self, extensions=(), extension_configs=None, **kwargs) -> markdown.Markdown:
        key = repr((extensions, extension_configs, sorted(kwargs.items())))
        md = self._made.get(key)
        if md is None:
            md = self._made[key] = self._factory(extensions=extensions, extension_configs=extension_configs or {},
                                                 **kwargs)
            return md  # a new converter starts reset
        return md.reset()

    def clear(self) -> None:
        self._made.clear()

    def __len__(self) -> int:
        return len(self._made)


def stand_in(pool: Pool) -> types.ModuleType:
    """A module like `markdown` whose `Markdown(...)` is the pool's converter."""
    module = types.ModuleType("markdown")
    module.__dict__.update(markdown.__dict__)
    module.Markdown = pool.markdown
    module.__cchc_pool__ = pool
    return module


def install(page_module, pool: Pool) -> bool:
    """Make `page_module` (MkDocs' mkdocs.structure.pages, or a fork's) build pages with the
    pool. False, and nothing changed, if the module does not call `markdown.Markdown` the
    way MkDocs 1.6 does: the build then runs as MkDocs wrote it."""
    current = getattr(page_module, "markdown", None)
    if current is markdown:
        page_module.markdown = stand_in(pool)
        return True
    return getattr(current, "__cchc_pool__", None) is pool


def uninstall(page_module) -> None:
    if getattr(getattr(page_module, "markdown", None), "__cchc_pool__", None) is not None:
        page_module.markdown = markdown
