"""The real site builds with --strict, both languages, with ASCII anchors and no
reference to another host in any page."""
import re

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
