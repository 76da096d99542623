"""The real site builds with --strict, both languages, with ASCII anchors and no
reference to another host in any page."""
import re

import pytest

from cchc import paths, site


def test_every_page_is_built_in_its_language(built_site):
    for page in site.discover(paths.ROOT):
        out = built_site / page.url.lstrip("/") / "index.html"
        assert out.is_file(), f"{page.rel} was not published at {page.url}"
        lang = re.search(r'<html lang="([a-z]+)"', out.read_text("utf-8")).group(1)
        assert lang == page.lang, f"{page.url} has <html lang={lang}>, expected {page.lang}"


def test_english_home_exists(built_site):
    assert (built_site / "en" / "index.html").is_file()


def test_vietnamese_heading_anchors_are_ascii(built_site):
    html = (built_site / "ke-hoach" / "thuan-nam-2022" / "index.html").read_text("utf-8")
    ids = re.findall(r'<h[2-6][^>]* id="([^"]+)"', html)
    assert "tn22-nd-05" in ids and "phan-cong" in ids
    assert all(re.fullmatch(r"[a-z0-9_-]+", i) for i in ids), ids


# Only the site itself, the national public-service portal named in pages, and XML
# namespaces may appear as absolute URLs; none of them may be *loaded* by a page.
LOADING_ATTR = re.compile(r'<(?:script|link|img|iframe|source|video|audio)\b[^>]*?\b(?:src|href)="(https?:)?//([^/"]+)', re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?(?:https?:)?//([^/'\")]+)", re.I)


def test_no_page_loads_anything_from_another_host(built_site):
    offenders = []
    for path in built_site.rglob("*"):
        if path.suffix not in (".html", ".css", ".js"):
            continue
        text = path.read_text("utf-8", errors="replace")
        hosts = [m[1] for m in LOADING_ATTR.findall(text)] if path.suffix == ".html" else []
        hosts += CSS_URL.findall(text) if path.suffix in (".css", ".html") else []
        hosts = [h for h in hosts if not h.startswith(("127.0.0.1", "localhost"))]
        if hosts:
            offenders.append(f"{path.relative_to(built_site)}: {sorted(set(hosts))}")
    assert not offenders, "pages load resources from other hosts:\n" + "\n".join(offenders)


# ---------------------------------------------------------------- front matter parsed once

def _as_written(value):
    """PyYAML's dates back to the text they were written as (our reader keeps that text)."""
    import datetime
    if isinstance(value, dict):
        return {k: _as_written(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_written(v) for v in value]
    return value.isoformat() if isinstance(value, (datetime.date, datetime.datetime)) else value


def test_mkdocs_gets_the_same_page_from_the_front_matter_handed_over():
    """hooks/setup.py hands MkDocs each page's front matter as cchc.frontmatter read it and an
    empty block in its place: for every real page, MkDocs must then see the same Markdown body,
    and our values must be the ones MkDocs' own parse gives (dates as written)."""
    from mkdocs.utils import meta as mkdocs_meta

    from cchc import frontmatter
    assert frontmatter._MKDOCS_YAML.pattern == mkdocs_meta.YAML_RE.pattern  # cut where MkDocs cuts
    pages = [p for p in site.discover(paths.ROOT) if p.meta is not None and not p.problems]
    assert len(pages) > 50
    for page in pages:
        source = (paths.ROOT / page.rel).read_text("utf-8-sig")  # as MkDocs reads it
        handed = frontmatter.hand_over(source, page.front_matter)
        assert handed is not None, f"{page.rel}: front matter not handed over"
        body, theirs = mkdocs_meta.get_data(source)
        handed_body, empty = mkdocs_meta.get_data(handed)
        assert (handed_body, empty) == (body, {}), page.rel
        assert page.meta == _as_written(theirs), page.rel


@pytest.mark.parametrize("source, front_matter, kept", [
    ("---\ntitle: A\n---\n\n# A\n", "title: A", True),
    ("---  \ntitle: A\n...\nbody", "title: A", True),  # MkDocs' closing '...' and trailing spaces
    ("---\ntitle: A\n---\nbody", "title: B", False),  # not the text we parsed: MkDocs parses it
    ("title: A\n\nbody", "title: A", False),  # no front matter block
    ("---\ntitle: A\n---", "title: A", False),  # no newline after the block: MkDocs' rule
])
def test_front_matter_is_handed_over_only_when_it_is_the_text_we_parsed(source, front_matter, kept):
    from mkdocs.utils import meta as mkdocs_meta

    from cchc import frontmatter
    handed = frontmatter.hand_over(source, front_matter)
    assert (handed is not None) == kept
    if kept:
        assert mkdocs_meta.get_data(handed) == (mkdocs_meta.get_data(source)[0], {})


def test_a_page_keeps_its_own_copy_of_the_front_matter():
    from cchc import frontmatter
    meta = {"title": "A", "tags": ["x"], "procedure": {"steps": [{"a": 1}]}}
    copy = frontmatter.copy_value(meta)
    copy["procedure"]["steps"][0]["a"] = 2
    copy["tags"].append("y")
    assert meta == {"title": "A", "tags": ["x"], "procedure": {"steps": [{"a": 1}]}}
