"""What a first visit to a page costs in bytes, shared by scripts/bench_lighthouse.py and
tests/test_page_weight.py (maintainers/performance.md).

Pure: which pages are measured (from the content and data/taxonomy.yml, not a fixed list),
the budget, and how many bytes a response body takes on the wire from a web server that
compresses text as a stock nginx or Apache set-up does (gzip level 6); images and fonts are
already compressed and go as they are.
"""
import gzip

import yaml

from cchc import paths, site

BUDGET_BYTES = 100 * 1024  # HTML, CSS, JS, fonts and images of one page, cold cache
GZIP_LEVEL = 6
# File endings and MIME types a web server compresses.
COMPRESSIBLE_SUFFIXES = {
    ".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest",
}
COMPRESSIBLE_TYPES = ("text/", "application/javascript", "application/json", "application/xml",
                      "application/rss+xml", "application/feed+json", "image/svg+xml",
                      "application/manifest+json")


def compressible(content_type: str) -> bool:
    """'text/css; charset=utf-8' -> True; 'image/png' -> False."""
    kind = (content_type or "").split(";")[0].strip().lower()
    return kind.startswith(COMPRESSIBLE_TYPES)


def wire_bytes(body: bytes, content_type: str) -> int:
    """Bytes of the body as a compressing server sends it."""
    if compressible(content_type):
        return len(gzip.compress(body, GZIP_LEVEL, mtime=0))
    return len(body)


def chosen_pages(root=paths.ROOT) -> list[tuple[str, str]]:
    """(label, URL path): the home page, the first theme hub written and the longest
    Vietnamese article, each followed by its /en/ page; for the article, the longest
    translated one (an untranslated page has no /en/ page: cchc/english.py)."""
    pages = [p for p in site.discover(root) if p.meta is not None]
    vi = {p.src: p for p in pages if p.lang == paths.DEFAULT_LANGUAGE}
    themes = yaml.safe_load((paths.DATA / "taxonomy.yml").read_text("utf-8"))["themes"]
    hubs = [vi[f"{t['path']}/index.md"] for t in themes if f"{t['path']}/index.md" in vi]
    articles = [p for p in vi.values() if p.meta.get("kind") == "article"]
    if not hubs or not articles:
        raise ValueError("no theme hub or no article in docs/vi/: nothing to measure")
    longest = max(articles, key=lambda p: len(p.body))
    translated = {p.src for p in pages if p.lang != paths.DEFAULT_LANGUAGE}
    longest_en = max((p for p in articles if p.src in translated), key=lambda p: len(p.body), default=None)
    chosen = []
    for label, vi_page, en_page in (("home", "/", "/"), ("hub", hubs[0].url, hubs[0].url if hubs[0].src in translated else None),
                                    ("article", longest.url, longest_en.url if longest_en else None)):
        chosen.append((f"vi {label}", vi_page))
        if en_page:
            chosen.append((f"en {label}", "/en" + en_page))
    return chosen
