"""Sitemaps, robots.txt and canonical addresses in the real build.

Each language root has its own sitemap (site/sitemap.xml for Vietnamese, site/en/sitemap.xml
for English) listing every page written in that language; pages written in both languages
carry hreflang alternates (vi, en, x-default). Every page has one canonical address; the /en/
copy of an untranslated page points to the Vietnamese original. Material's bundle fetches a
sitemap next to every hreflang <link> in the head, so those are not printed (cchc/sitemaps.py).
"""
import os
import re
import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from lxml import etree

from cchc import news, paths, site, sitemaps

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")  # what conftest's build used
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
HEAD_HREFLANG = re.compile(r'<link rel="alternate"[^>]*\bhreflang=')


def absolute(path: str) -> str:
    return SITE_URL.rstrip("/") + path


@pytest.fixture(scope="module")
def pages():
    return site.discover(paths.ROOT)


def parse(built_site, lang) -> dict:
    """loc -> {hreflang: href} of a language's sitemap."""
    tree = ET.parse(built_site / sitemaps.sitemap_path(lang).lstrip("/"))
    assert tree.getroot().tag == f"{{{NS['s']}}}urlset"
    out = {}
    for url in tree.getroot().findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        assert loc not in out, f"{loc} is listed twice"
        out[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
    return out


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_each_language_sitemap_lists_exactly_its_pages(built_site, pages, lang):
    listed = parse(built_site, lang)
    expected = {absolute(p.url) for p in sitemaps.listed(pages) if p.lang == lang}
    assert set(listed) == expected


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_translated_pages_carry_hreflang_alternates(built_site, pages, lang):
    listed = parse(built_site, lang)
    versions = sitemaps.by_source(pages)
    for p in sitemaps.listed(pages):
        if p.lang != lang:
            continue
        both = all(l in versions[p.src] for l in paths.LANGUAGES)
        want = {l: absolute(versions[p.src][l].url) for l in paths.LANGUAGES} if both else {}
        if both:
            want["x-default"] = absolute(versions[p.src][paths.DEFAULT_LANGUAGE].url)
        assert listed[absolute(p.url)] == want, p.rel


def test_robots_names_both_sitemaps(built_site):
    lines = (built_site / "robots.txt").read_text("utf-8").splitlines()
    assert f"Sitemap: {absolute('/sitemap.xml')}" in lines
    assert f"Sitemap: {absolute('/en/sitemap.xml')}" in lines
    assert "User-agent: *" in lines


def test_every_page_has_one_canonical_address(built_site, pages):
    translated = {(p.lang, p.src) for p in pages}
    problems = []
    for p in pages:
        if p.lang != paths.DEFAULT_LANGUAGE:
            continue
        for lang in paths.LANGUAGES:
            url = site.url_for(lang, p.src)
            html = (built_site / url.lstrip("/") / "index.html").read_text("utf-8")
            found = CANONICAL.findall(html)
            # A page not written in `lang` is the Vietnamese text: its canonical is the original.
            want = absolute(url) if (lang, p.src) in translated else absolute(p.url)
            if found != [want]:
                problems.append(f"{url}: canonical {found}, expected [{want}]")
    assert not problems, "\n".join(problems)


def test_no_per_page_language_links_in_the_head(built_site, pages):
    offenders = []
    for p in pages:
        head = (built_site / p.url.lstrip("/") / "index.html").read_text("utf-8").partition("</head>")[0]
        if HEAD_HREFLANG.search(head):
            offenders.append(p.url)
    assert not offenders, f"hreflang <link>s in the head make Material fetch <page>/sitemap.xml: {offenders}"


def test_material_finds_the_sitemaps_it_asks_for(site_url):
    for path in ("/sitemap.xml", "/en/sitemap.xml"):
        with urllib.request.urlopen(site_url + path) as response:
            assert response.status == 200
            ET.fromstring(response.read())


def test_language_switch_goes_straight_to_the_translation(browser, site_url, pages):
    """No fetch of a sitemap next to the page (a 404 before), no redirect on the way."""
    versions = sitemaps.by_source(pages)
    src = next((s for s, v in sorted(versions.items()) if s != "index.md" and all(l in v for l in paths.LANGUAGES)), None)
    if src is None:
        pytest.skip("no page is written in both languages yet")
    vi, en = versions[src]["vi"].url, versions[src]["en"].url
    page = browser.new_page()
    seen = []
    page.on("response", lambda r: seen.append((r.status, urlsplit(r.url).path)))
    page.goto(site_url + vi)
    page.wait_for_load_state("networkidle")
    page.locator(".md-header__option .md-select").hover()
    page.click('a.md-select__link[hreflang="en"]')
    page.wait_for_url(site_url + en)
    page.wait_for_load_state("networkidle")
    page.close()
    assert (404, vi + "sitemap.xml") not in seen and (404, en + "sitemap.xml") not in seen, seen
    assert not [s for s in seen if s[0] in (301, 302)], f"the switch went through a redirect: {seen}"


# ---------------------------------------------------------------- the sitemaps.org 0.9 schema

SCHEMA = paths.ROOT / "schemas" / "sitemaps" / "sitemaps.xsd"  # sources: schemas/sitemaps/README.md


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def schema_errors(schema, raw: bytes) -> list:
    if schema.validate(etree.fromstring(raw)):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def test_every_sitemap_passes_the_sitemaps_org_schema(built_site, schema):
    found = sorted(built_site.rglob("sitemap*.xml"))
    names = {f.relative_to(built_site).as_posix() for f in found}
    # Both language roots, and the news sections Material asks for beside the feed links.
    want = {sitemaps.sitemap_path(lang).lstrip("/") for lang in paths.LANGUAGES}
    want |= {news.section_url(lang).lstrip("/") + news.SECTION_SITEMAP for lang in paths.LANGUAGES}
    assert want <= names, f"missing: {sorted(want - names)}"
    problems = {name: errs for f in found
                if (errs := schema_errors(schema, f.read_bytes())) for name in [f.relative_to(built_site).as_posix()]}
    assert not problems, "\n".join(f"{name}: {'; '.join(errs)}" for name, errs in problems.items())


def test_the_schema_refuses_what_we_used_to_publish(schema):
    """An empty urlset (the old tin-tuc/sitemap.xml) and a bad alternate are refused."""
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"'
    assert schema_errors(schema, f"<urlset {ns}><!-- empty --></urlset>".encode())
    bad_link = f'<urlset {ns}><url><loc>https://a.example/x/</loc><xhtml:link rel="alternate" href="https://a.example/"/></url></urlset>'
    assert schema_errors(schema, bad_link.encode())
    good = f'<urlset {ns}><url><loc>https://a.example/x/</loc><lastmod>2026-12-01</lastmod><xhtml:link rel="alternate" hreflang="vi" href="https://a.example/"/></url></urlset>'
    assert schema_errors(schema, good.encode()) == []


def test_section_sitemaps_list_only_their_section(built_site):
    for lang in paths.LANGUAGES:
        section = news.section_url(lang)
        tree = ET.parse(built_site / section.lstrip("/") / news.SECTION_SITEMAP)
        locs = [u.findtext("s:loc", namespaces=NS) for u in tree.getroot().findall("s:url", NS)]
        assert locs and all(loc.startswith(absolute(section)) for loc in locs), locs


def test_empty_field_catalogues_are_not_listed(built_site, pages):
    """A field's catalogue page with no card says "none yet": it is built, not listed."""
    empty = sitemaps.empty_catalogues(pages)
    carded = {(p.meta.get("procedure") or {}).get("field") for p in pages if p.meta and p.meta.get("kind") == "procedure"}
    for src in empty:
        assert src.rsplit("/", 1)[-1].removesuffix(".md") not in carded
    listed = set(parse(built_site, "vi")) | set(parse(built_site, "en"))
    for p in pages:
        if p.src in empty:
            assert absolute(p.url) not in listed, p.url
