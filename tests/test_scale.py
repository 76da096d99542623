"""The scale benchmark's corpus, small: a synthetic site made by scripts/bench.py (the real pages
plus 40 procedure cards, 4 articles and 2 news, a third in English) passes the checker and
builds strict with the real configuration; procedure cards stay out of the sidebar; and the
catalogue pages (docs/<lang>/thu-tuc/) list every card exactly once, under the right heading.

The full-size figures come from `python3 scripts/bench.py` (see its docstring).
"""
import functools
import http.server
import os
import posixpath
import re
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

from cchc import data as data_mod, frontmatter, markers, paths, procedure, site
from cchc.slug import fold
from conftest import load_script

ROOT = paths.ROOT
bench_corpus = load_script("bench").bench_corpus  # scripts/bench_corpus.py, as bench.py imports it
PAGES = 40  # procedure cards added, with 4 articles and 2 news (bench_corpus.split)



@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """(tree, site dir, corpus): generated, checked and built once for this module."""
    bench = load_script("bench")
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


def listed_url(tree: Path, lang: str, src: str) -> str:
    """Where a catalogue of `lang` sends the reader for a card: its own page, or, on the English
    side, the Vietnamese card when it has no English version (cchc/english.py)."""
    translated = lang == paths.DEFAULT_LANGUAGE or (tree / "docs" / lang / src).is_file()
    return page_url(lang if translated else paths.DEFAULT_LANGUAGE, src)


def resolve(base_url: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(base_url, href.split("#")[0])) + "/"


def test_full_size_corpus_is_what_the_benchmark_claims(tmp_path):
    """At 2,000 the benchmark's tree holds 2,000 cards and 300 articles and news, a third of
    each in English, spread over fields and levels, and every page's front matter is valid."""
    from cchc.check_coverage import check_coverage
    from cchc.check_pages import check_pages

    made = load_script("bench").make_tree(tmp_path, 2000)
    assert made.counts["procedure"] == 2000 and made.counts["article"] + made.counts["news"] == 300
    pages = site.discover(tmp_path)
    real = {(p.lang, p.src) for p in site.discover(ROOT)}
    added = [p for p in pages if (p.lang, p.src) not in real]
    kinds = {}
    for p in added:
        if p.lang == paths.DEFAULT_LANGUAGE:
            kinds[p.meta["kind"]] = kinds.get(p.meta["kind"], 0) + 1
    assert kinds == {"procedure": 2000, "article": 200, "news": 100, "section": made.counts["field_pages"]}
    assert made.counts["field_pages"] == len({c.field for c in made.cards} - set(procedure.load_lists(ROOT)[0].fields))
    english = sum(1 for p in added if p.lang != paths.DEFAULT_LANGUAGE and p.meta["kind"] != "section")
    assert english == made.counts["en"] and abs(english - 2300 / 3) <= 3
    fields = {c.field for c in made.cards}
    per_field = [sum(1 for c in made.cards if c.field == f) for f in fields]
    assert len(fields) >= 15 and max(per_field) - min(per_field) <= 1  # spread, not piled on one
    per_level = [sum(1 for c in made.cards if c.level == lv) for lv in ("tinh", "huyen", "xa")]
    assert min(per_level) > 400
    assert 0.2 < sum(c.online for c in made.cards) / 2000 < 0.5
    data, problems = data_mod.load(tmp_path)
    problems += check_pages(data, pages) + check_coverage(data, pages)
    assert problems == [], [str(p) for p in problems[:5]]


def test_corpus_is_what_was_asked(corpus):
    _tree, _dest, made = corpus
    cards, articles, news = bench_corpus.split(PAGES)
    assert (made.counts["procedure"], made.counts["article"], made.counts["news"]) == (cards, articles, news)
    assert len({c.src for c in made.cards}) == cards
    assert made.counts["en"] + made.counts.get("field_pages", 0) == sum(1 for rel in made.files if rel.startswith("docs/en/"))
    assert all(bench_corpus.SYNTHETIC_VI in text or bench_corpus.SYNTHETIC_EN in text
               for rel, text in made.files.items() if f"/{bench_corpus.FIELD_PAGE_DIR}/" not in rel)
    assert len({c.field for c in made.cards}) > 4 and {c.level for c in made.cards} == {"tinh", "huyen", "xa"}
    assert any(c.online for c in made.cards) and not all(c.online for c in made.cards)


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_cards_are_not_in_the_sidebar(corpus, lang):
    tree, dest, made = corpus
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
    # Still built, each one; in English, each one that has an English version.
    for card in made.cards:
        built = (dest / prefix / card.src.removesuffix(".md") / "index.html").is_file()
        assert built == (listed_url(tree, lang, card.src) == page_url(lang, card.src)), card.src


def _html_of(dest: Path, lang: str, src: str) -> tuple[str, Path]:
    url = page_url(lang, src)
    prefix = "" if lang == paths.DEFAULT_LANGUAGE else f"{lang}/"
    return url, dest / prefix / url.removeprefix(f"/{prefix}").strip("/") / "index.html"


def real_cards() -> list:
    """The repository's own cards (docs/vi/thu-tuc/, kind procedure): the copied tree has them
    too, so the catalogues list them beside the corpus's."""
    found = []
    for path in sorted((ROOT / "docs" / "vi" / "thu-tuc").glob("*.md")):
        meta = frontmatter.read(path.read_bytes()).meta or {}
        if meta.get("kind") == procedure.KIND:
            proc = meta.get("procedure") or {}
            found.append(SimpleNamespace(src=f"thu-tuc/{path.name}", field=proc.get("field"), level=proc.get("level"),
                                         online="truc-tuyen-toan-trinh" in (proc.get("ways") or [])))
    return found


def _field_page(field_id: str) -> str:
    return markers.FIELD_PAGE.format(field_id)


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_field_pages_list_every_card_once_under_its_level(corpus, lang):
    """Each field's page lists its own cards, by level; together they list every card once."""
    tree, dest, made = corpus
    cards = made.cards + real_cards()
    seen = []
    for field_id in sorted({c.field for c in cards}):
        url, html_file = _html_of(dest, lang, _field_page(field_id))
        found = [(heading, resolve(url, href)) for heading, href in links_in(html_file, "div", "data-catalogue")]
        expected = {listed_url(tree, lang, c.src): c.level for c in cards if c.field == field_id}
        assert sorted(u for _h, u in found) == sorted(expected), field_id
        for heading, u in found:
            assert heading == expected[u], f"{u} listed under #{heading}, its level is {expected[u]}"
        assert 'catalogue-filter.js" defer' in html_file.read_text("utf-8")
        seen += [u for _h, u in found]
    assert sorted(seen) == sorted(listed_url(tree, lang, c.src) for c in cards)


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_catalogue_by_field_links_to_each_field_page(corpus, lang):
    """The catalogue by field is short: a heading per field, with a link to its page."""
    _tree, dest, made = corpus
    cards = made.cards + real_cards()
    url, html_file = _html_of(dest, lang, "thu-tuc/index.md")
    found = [(heading, resolve(url, href)) for heading, href in links_in(html_file, "div", "catalogue")]
    fields = {c.field for c in cards}
    assert sorted(found) == sorted((f, page_url(lang, _field_page(f))) for f in fields)
    text = html_file.read_text("utf-8")
    assert "data-catalogue" not in text and "catalogue-filter.js" not in text  # no list, no filter


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_catalogue_by_level_links_to_field_pages_at_that_level(corpus, lang):
    _tree, dest, made = corpus
    cards = made.cards + real_cards()
    url, html_file = _html_of(dest, lang, "thu-tuc/theo-cap.md")
    links = links_in(html_file, "div", "catalogue")
    found = sorted((heading, href.rsplit("#", 1)[1], resolve(url, href)) for heading, href in links)
    expected = sorted({(c.level, c.level, page_url(lang, _field_page(c.field))) for c in cards})
    assert found == expected


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_online_catalogue_lists_every_online_card_once_under_its_field(corpus, lang):
    tree, dest, made = corpus
    cards = made.cards + real_cards()
    url, html_file = _html_of(dest, lang, "thu-tuc/truc-tuyen.md")
    found = [(heading, resolve(url, href)) for heading, href in links_in(html_file, "div", "data-catalogue")]
    expected = {listed_url(tree, lang, c.src): c.field for c in cards if c.online}
    assert expected and sorted(u for _h, u in found) == sorted(expected), "every online card once, nothing else"
    for heading, u in found:
        assert heading == expected[u], f"{u} listed under #{heading}, its field is {expected[u]}"
    assert 'catalogue-filter.js" defer' in html_file.read_text("utf-8")


def test_field_without_a_page_is_listed_inline():
    """No card is ever left out: a field with no page of its own is listed on the catalogue."""
    data, _ = data_mod.load(ROOT)
    lists, _ = procedure.load_lists(ROOT)
    field_id = next(iter(lists.fields))
    card = site.PageRec(rel="docs/vi/thu-tuc/x.md", lang="vi", src="thu-tuc/x.md", url="/thu-tuc/x/",
                        meta={"kind": "procedure", "title": "Thủ tục X",
                              "procedure": {"field": field_id, "level": "xa", "ways": ["truc-tiep"]}},
                        body="", body_line=1)
    page = site.PageRec(rel=f"docs/vi/{_field_page(field_id)}", lang="vi", src=_field_page(field_id),
                        url="/", meta={"kind": "section", "title": "F"}, body="", body_line=1)
    for pages, inline in (([card], True), ([card, page], False)):
        out = markers.expand("<!-- md:procedures by=field -->", markers.Context(data, pages, "vi", "thu-tuc/index.md"))
        assert ("(x.md)" in out) is inline and ("linh-vuc/" in out) is not inline


def test_untranslated_card_is_linked_not_copied(corpus):
    """English side (cchc/english.py): a card with no English version is not rendered again
    under /en/; the English catalogue links to the Vietnamese card, marked hreflang="vi", and
    the Vietnamese card's language menu leads to the English catalogue. A translated card has
    its own English page, whose QR code opens that page."""
    tree, dest, made = corpus
    base = os.environ.get("SITE_URL", "http://127.0.0.1:8000/").rstrip("/")  # mkdocs.yml's site_url
    seen = set()
    for card in made.cards[:8]:
        translated = (tree / "docs" / "en" / card.src).is_file()
        seen.add(translated)
        en_url, en_html = _html_of(dest, "en", card.src)
        field_url, field_html = _html_of(dest, "en", _field_page(card.field))
        links = {resolve(field_url, m.group(1)): m.group(0) for m in
                 re.finditer(r'<a href="([^"]+)"[^>]*>', field_html.read_text("utf-8"))}
        vi_url, vi_html = _html_of(dest, "vi", card.src)
        menu = re.search(r'<a href="([^"]+)" hreflang="en" class="md-select__link"', vi_html.read_text("utf-8")).group(1)
        if translated:
            assert 'hreflang="vi"' not in links[en_url]
            qr = re.search(r'<figure class="print-qr"[^>]* data-url="([^"]+)"', en_html.read_text("utf-8")).group(1)
            assert qr == base + en_url and resolve(vi_url, menu) == en_url
        else:
            assert not en_html.exists(), f"{en_url} rendered again in English"
            assert en_url not in links and 'hreflang="vi"' in links[vi_url] and 'lang="vi"' in links[vi_url]
            assert resolve(vi_url, menu) == page_url("en", "thu-tuc/index.md")
    assert seen == {True, False}  # both cases were looked at


def test_published_english_card_address_leads_to_the_vietnamese_card(corpus):
    """The /en/ copies of the repository's own cards were published before cards were linked
    instead (data/published-urls.txt): each address is now a redirect to the Vietnamese card."""
    _tree, dest, _made = corpus
    listed = (ROOT / "data" / "published-urls.txt").read_text("utf-8").split()
    cards = [c for c in real_cards() if page_url("en", c.src) in listed]
    assert cards
    for card in cards:
        _url, html_file = _html_of(dest, "en", card.src)
        text = html_file.read_text("utf-8")
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', text).group(1)
        assert resolve(page_url("en", card.src), target) == page_url("vi", card.src)


def test_catalogue_says_so_when_no_card_is_published():
    """The real site has no card yet: the catalogue pages say it plainly, in both languages."""
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
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/thu-tuc/truc-tuyen/")
        box = page.get_by_label(markers.CATALOGUE["vi"]["filter"])
        online = [c for c in made.cards if c.online]
        word = online[0].title.split(" (")[0]
        box.fill(fold(word).lower())  # typed without marks
        page.wait_for_timeout(400)
        shown = page.locator("[data-catalogue] li:visible").all_inner_texts()
        assert shown and all(fold(word).lower() in fold(t).lower() for t in shown)
        assert len(shown) < len(online)
        box.fill("")
        page.wait_for_timeout(400)
        assert page.locator("[data-catalogue] li:visible").count() == len(online)  # cleared: all back
    finally:
        page.close()
        server.shutdown()
    assert not outside, outside


def test_floor_builds_the_same_vietnamese_pages_with_the_stack_alone(corpus):
    """`bench.py --floor`: what MkDocs and stock Material cost on these pages with nothing of
    ours. Both builds must really render every Vietnamese page (a floor over fewer pages would
    flatter the stack), and cost more than Markdown alone."""
    tree, _dest, _made = corpus
    figures = load_script("bench").floor(tree)
    vi = [p for p in site.discover(tree) if p.lang == paths.DEFAULT_LANGUAGE]
    assert figures["pages"] == len(vi)
    for name in ("bare", "material"):
        built = list(Path(figures[name + "_site"]).rglob("index.html"))
        assert len(built) >= len(vi), (name, len(built), len(vi))
        assert figures[name + "_ratio"] > 1
    card = next(p for p in vi if (p.meta or {}).get("kind") == "procedure")
    page = Path(figures["material_site"]) / card.url.strip("/") / "index.html"
    assert "md-content" in page.read_text("utf-8")  # Material's page, not the one-line template


def test_bench_gives_every_measured_build_a_folder_of_its_own(tmp_path):
    """No measured build writes where another wrote, and nothing is deleted before the run ends:
    on ext4 a build right after a large deletion pays system time for it (bench.fresh_output)."""
    bench = load_script("bench")
    first, second = bench.fresh_output(tmp_path, "site"), bench.fresh_output(tmp_path, "site")
    assert first != second and not first.exists() and not second.exists()
    first.mkdir()
    (first / "index.html").write_text("kept", "utf-8")
    command = [sys.executable, "-c", "pass"]
    with pytest.raises(ValueError):
        bench.run_measured(command, tmp_path, bench.child_env(), tmp_path / "log", dest=first)
    assert bench.run_measured(command, tmp_path, bench.child_env(), tmp_path / "log", dest=second)["returncode"] == 0
    assert (first / "index.html").read_text("utf-8") == "kept"


def test_bench_report_states_the_build_against_stock_material():
    """One `bench.py --floor` run prints the issue's target: the whole build's CPU over stock
    Material's on the same Vietnamese pages, met at 2.5x or less, missed above."""
    bench = load_script("bench")
    run = {"build": {"cpu_s": 30.0, "maxrss_mb": 300}, "ratio_cpu": 6.0,
           "site": {"median_kb": 30}, "check": {"wall_s": 3, "returncode": 0}, "front_matter": {"cpu_s": 0.5},
           "floor": {"pages": 2369, "markdown_cpu_s": 3.0, "bare_cpu_s": 8.0, "bare_ratio": 2.7,
                     "material_cpu_s": 12.0, "material_ratio": 4.0}}
    for material_cpu, verdict in ((12.0, "met   "), (11.0, "MISSED")):
        run["floor"]["material_cpu_s"] = material_cpu
        run["build_over_material"] = run["build"]["cpu_s"] / material_cpu
        assert f"- {verdict} whole build <= 2.5x stock Material" in bench.targets(run)
        assert f"**{30.0 / material_cpu:.2f}x**" in bench.floor_table(run)


def test_bench_rounds_divide_each_build_by_the_stock_builds_around_it():
    """`--rounds N`: our build and stock Material alternate; each of our builds is divided by the
    mean of the two stock builds either side of it, and the figure is the median round."""
    bench = load_script("bench")
    rounds, median = bench.rounds_ratio([(30.0, 28.0), (45.0, 40.0), (33.0, 30.0)],
                                        [(10.0, 9.0), (14.0, 12.0), (16.0, 15.0), (12.0, 11.0)])
    assert [round(r["ratio"], 3) for r in rounds] == [2.5, 3.0, 2.357]
    assert round(rounds[0]["user_ratio"], 3) == round(28.0 / 10.5, 3)
    assert median == 2.5
    run = {"build": {"cpu_s": 30.0}, "build_over_material": median, "rounds": rounds,
           "floor": {"pages": 10, "markdown_cpu_s": 3.0, "bare_cpu_s": 8.0, "bare_ratio": 2.7,
                     "material_cpu_s": 12.0, "material_ratio": 4.0}}
    table = bench.floor_table(run)
    assert "round 3:" in table and "**2.50x**" in table and "median of the rounds" in table


def test_profile_build_names_the_stages_and_the_hooks(corpus):
    """scripts/profile_build.py (maintainers/scale.md): one build, CPU seconds per MkDocs stage
    and per hook handler, each counted once per page; the kept site is not touched."""
    tree, dest, _made = corpus
    before = sorted(p.stat().st_mtime_ns for p in dest.rglob("index.html"))[:50]
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "profile_build.py"), str(tree), "--top", "60"],
                         capture_output=True, text=True, timeout=600, env=load_script("bench").child_env())
    assert out.returncode == 0, out.stderr[-3000:]
    rows = {label: int(n) for n, label in re.findall(r"^\| [\d.]+ \| [\d.]+ % \| (\d+) \| (.+?) \|$", out.stdout, re.M)}
    pages = rows["MkDocs: Markdown to HTML"]
    assert pages > PAGES  # both languages
    assert rows["page_content: hooks/qr.py.on_page_content"] == pages
    assert rows["MkDocs: page template (Jinja) and its context"] == pages
    # The collector's line: hooks/setup.py collects in full at least twice per language built.
    collector = re.search(r"^Python's collector, inside the parts above: ([\d.]+) CPU s in (\d+) collections"
                          r" \((\d+) of every generation\)$", out.stdout, re.M)
    assert collector and int(collector.group(2)) > 0 and int(collector.group(3)) >= 4, out.stdout[-1500:]
    assert sorted(p.stat().st_mtime_ns for p in dest.rglob("index.html"))[:50] == before
