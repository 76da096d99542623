"""The scale benchmark's corpus, small: a synthetic site made by scripts/bench.py (the real pages
plus 40-odd procedure cards, articles and news, a third in English) passes the checker and
builds strict with the real configuration; procedure cards stay out of the sidebar; and the
catalogue pages (docs/<lang>/thu-tuc/) list every card exactly once, under the right heading.

The full-size figures come from `python3 scripts/bench.py` (see its docstring).
"""
import functools
import http.server
import importlib.util
import posixpath
import re
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cchc import bench_corpus, data as data_mod, frontmatter, markers, paths, procedure, site
from cchc.slug import fold

ROOT = paths.ROOT
PAGES = 60  # Vietnamese pages added: 42 cards, 12 articles, 6 news


def _bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """(tree, site dir, corpus): generated, checked and built once for this module."""
    bench = _bench()
    tree = tmp_path_factory.mktemp("scale")
    made = bench.make_tree(tree, PAGES)
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--root", str(tree)],
                           capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout[-3000:] + check.stderr[-1000:]
    dest = tree / "site"
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tree / "mkdocs.yml"), "-d", str(dest)],
        cwd=tree, env=bench.child_env(), capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-4000:]
    return tree, dest, made


class _Links(HTMLParser):
    """Links inside the element matched by `start` (tag, attribute), with the id of the
    heading each follows: [(heading id or None, href)]."""

    def __init__(self, tag: str, attr: str):
        super().__init__()
        self.tag, self.attr = tag, attr
        self.depth = 0  # >0 inside the element
        self.heading = None
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            if tag == self.tag:
                self.depth += 1
            if re.fullmatch(r"h[2-6]", tag):
                self.heading = attrs.get("id")
            if tag == "a" and attrs.get("href") and "headerlink" not in (attrs.get("class") or ""):
                self.links.append((self.heading, attrs["href"]))
        elif tag == self.tag and self.attr in (attrs.get("class") or "").split() + list(attrs):
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag == self.tag:
            self.depth -= 1


def links_in(path: Path, tag: str, attr: str) -> list:
    parser = _Links(tag, attr)
    parser.feed(path.read_text("utf-8"))
    return parser.links


def page_url(lang: str, src: str) -> str:
    return site.url_for(lang, src)


def resolve(base_url: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(base_url, href.split("#")[0])) + "/"


def real_cards() -> dict:
    """The repository's own cards (docs/vi/thu-tuc/, kind procedure): src -> field, level, fully online."""
    found = {}
    for path in sorted((ROOT / "docs" / "vi" / "thu-tuc").glob("*.md")):
        meta = frontmatter.read(path.read_bytes()).meta or {}
        if meta.get("kind") == procedure.KIND:
            proc = meta.get("procedure") or {}
            found[f"thu-tuc/{path.name}"] = {"field": proc.get("field"), "level": proc.get("level"),
                                             "online": "truc-tuyen-toan-trinh" in (proc.get("ways") or [])}
    return found


def test_corpus_is_what_was_asked(corpus):
    _tree, _dest, made = corpus
    cards, articles, news = bench_corpus.split(PAGES)
    assert (made.counts["procedure"], made.counts["article"], made.counts["news"]) == (cards, articles, news)
    assert len({c.src for c in made.cards}) == cards
    assert made.counts["en"] == sum(1 for rel in made.files if rel.startswith("docs/en/"))
    assert all(bench_corpus.SYNTHETIC_VI in text or bench_corpus.SYNTHETIC_EN in text for text in made.files.values())
    assert len({c.field for c in made.cards}) > 4 and {c.level for c in made.cards} == {"tinh", "huyen", "xa"}
    assert any(c.online for c in made.cards) and not all(c.online for c in made.cards)


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_cards_are_not_in_the_sidebar(corpus, lang):
    _tree, dest, made = corpus
    prefix = "" if lang == paths.DEFAULT_LANGUAGE else f"{lang}/"
    card_urls = {page_url(lang, c.src) for c in made.cards}
    samples = {"index.md", "thu-tuc/index.md", made.cards[0].src,
               next(rel for rel in made.files if "/tin-tuc/" in rel).split("/", 2)[2]}
    for src in samples:
        url = page_url(lang, src)
        html_file = dest / prefix / url.removeprefix(f"/{prefix}").strip("/") / "index.html"
        nav = {resolve(url, href) for _h, href in links_in(html_file, "nav", "md-nav--primary")}
        assert nav, f"no sidebar found in {html_file}"
        assert not nav & card_urls, f"{src}: cards in the sidebar: {sorted(nav & card_urls)[:3]}"
        assert page_url(lang, "thu-tuc/index.md") in nav  # the catalogue is how they are found
    # Still built, each one.
    for card in made.cards:
        assert (dest / prefix / card.src.removesuffix(".md") / "index.html").is_file()


@pytest.mark.parametrize("lang", paths.LANGUAGES)
@pytest.mark.parametrize("src, key, only_online", [
    ("thu-tuc/index.md", "field", False),
    ("thu-tuc/theo-cap.md", "level", False),
    ("thu-tuc/truc-tuyen.md", "field", True),
])
def test_catalogue_lists_every_card_once_under_its_heading(corpus, lang, src, key, only_online):
    _tree, dest, made = corpus
    url = page_url(lang, src)
    prefix = "" if lang == paths.DEFAULT_LANGUAGE else f"{lang}/"
    html_file = dest / prefix / url.removeprefix(f"/{prefix}").strip("/") / "index.html"
    found = [(heading, resolve(url, href)) for heading, href in links_in(html_file, "div", "data-catalogue")]
    urls = [u for _h, u in found]
    expected = {page_url(lang, c.src): getattr(c, key) for c in made.cards if c.online or not only_online}
    # The repository's own cards are in the copied tree too, so the catalogue lists them as well.
    expected.update({page_url(lang, src): facts[key] for src, facts in real_cards().items()
                     if facts["online"] or not only_online})
    assert sorted(urls) == sorted(expected), "every card exactly once, and nothing else"
    for heading, u in found:
        assert heading == expected[u], f"{u} listed under #{heading}, its {key} is {expected[u]}"
    text = html_file.read_text("utf-8")
    assert 'catalogue-filter.js" defer' in text  # the filter box's script, on this page only


def test_catalogue_says_so_when_no_card_is_published():
    """With no card published (the real cards left out), the catalogue pages say it plainly, in both languages."""
    data, _ = data_mod.load(ROOT)
    pages = [p for p in site.discover(ROOT) if not (p.meta and p.meta.get("kind") == procedure.KIND)]
    for lang in paths.LANGUAGES:
        for by in ("field", "level", "online"):
            out = markers.expand(f"<!-- md:procedures by={by} -->", markers.Context(data, pages, lang, "thu-tuc/index.md"))
            assert out == markers.CATALOGUE[lang]["none"]


def test_catalogue_marker_refuses_a_bad_grouping():
    data, _ = data_mod.load(ROOT)
    with pytest.raises(markers.MarkerError, match="by=field"):
        markers.expand("<!-- md:procedures by=colour -->", markers.Context(data, [], "vi", "thu-tuc/index.md"))


def test_catalogue_escapes_card_titles():
    data, _ = data_mod.load(ROOT)
    lists, _ = procedure.load_lists(ROOT)
    card = site.PageRec(rel="docs/vi/thu-tuc/x.md", lang="vi", src="thu-tuc/x.md", url="/thu-tuc/x/",
                        meta={"kind": "procedure", "title": "<script>alert(1)</script> [x](javascript:y)",
                              "procedure": {"field": next(iter(lists.fields)), "level": "xa", "ways": ["truc-tiep"]}},
                        body="", body_line=1)
    out = markers.expand("<!-- md:procedures by=field -->", markers.Context(data, [card], "vi", "thu-tuc/index.md"))
    assert "<script>" not in out and "&lt;script&gt;" in out and "\\[x\\](javascript" in out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_filter_box_narrows_the_list(corpus, browser):
    _tree, dest, made = corpus
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(dest)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:")) else None)
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/thu-tuc/")
        box = page.get_by_label(markers.CATALOGUE["vi"]["filter"])
        word = made.cards[0].title.split(" (")[0]
        box.fill(fold(word).lower())  # typed without marks
        page.wait_for_timeout(400)
        shown = page.locator("[data-catalogue] li:visible").all_inner_texts()
        assert shown and all(fold(word).lower() in fold(t).lower() for t in shown)
        assert len(shown) < len(made.cards)
    finally:
        page.close()
        server.shutdown()
    assert not outside, outside
