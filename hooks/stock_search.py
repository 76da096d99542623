"""Material's search plugin stays enabled only because Material's header shows the search
button when it is; the search itself is ours (Pagefind, hooks/search_index.py, which
deletes the stock search/search_index.json). So the plugin's per-page work is skipped: it parsed
every rendered page's HTML into an index nobody downloads, and mkdocs-static-i18n then
de-duplicated that index in quadratic time (8 s of a 1,000-page build, 4x that at 2,000).

Figures (build CPU seconds, bytes, hits; stock vs ours): maintainers/search.md.
"""
from mkdocs.plugins import event_priority


@event_priority(100)  # runs again for each language: mkdocs' build() fires on_config every time
def on_config(config):
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    if plugin is None:
        return config
    events = config.plugins.events
    # With no page entries, the index written at the end (and deleted by search_index.py) is
    # empty, and the i18n plugin's de-duplication has nothing to compare.
    events["page_context"] = [m for m in events["page_context"] if getattr(m, "__self__", None) is not plugin]
    return config
