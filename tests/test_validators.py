"""The built site as tools nobody here wrote see it (issue 14).

1. The Nu HTML Checker (vnu-jar from npm, pinned in package-lock.json; Java from Debian,
   scripts/setup-test-env.sh) over every HTML page of the real build: zero errors. A failure
   lists each error with its page, line and the checker's message.
2. English pages speak English: no Vietnamese text outside an element marked `lang="vi"`
   (cchc/page_lang.py, cchc/markers.py, hooks/i18n_fallback.py mark what they print).
"""
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import lxml.html
import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _missing(message: str):
    if os.environ.get("CI"):
        pytest.fail(message + ": in CI a missing validator is a failure")
    pytest.skip(message)


def run_vnu(site: Path) -> list:
    """The checker's messages (errors and warnings) for every HTML file under `site`."""
    if not VNU_JAR.is_file():
        _missing(f"{VNU_JAR.relative_to(ROOT)} is missing: run `npm ci` (scripts/setup-test-env.sh does)")
    java = shutil.which("java")
    if not java:
        _missing("java is missing: apt-get install default-jre-headless (scripts/setup-test-env.sh does)")
    # -Xss8m: the checker recurses deeply on long pages; JSON goes to stderr.
    result = subprocess.run(
        [java, "-Xss8m", "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", str(site)],
        capture_output=True, text=True, timeout=600)
    assert result.stderr.strip().startswith("{"), f"vnu did not run:\n{result.stderr[-2000:]}"
    return json.loads(result.stderr)["messages"]


def errors_of(messages: list, site: Path) -> list:
    out = []
    for m in messages:
        if m.get("type") != "error" and m.get("subType") != "fatal":
            continue
        where = m.get("url", "").removeprefix("file:").removeprefix(str(site))
        out.append(f"{where}:{m.get('lastLine', '?')}: {m['message']}")
    return out


def test_nu_html_checker_finds_no_error(built_site):
    messages = run_vnu(built_site)
    pages = [p for p in built_site.rglob("*.html") if "pagefind" not in p.parts]
    assert len(pages) > 50, f"only {len(pages)} pages built"
    errors = errors_of(messages, built_site)
    per_message = Counter(e.split(": ", 1)[1] for e in errors)
    assert not errors, (f"Nu HTML Checker: {len(errors)} errors on {len(pages)} pages\n"
                        + "\n".join(f"{n} x {msg}" for msg, n in per_message.most_common()) + "\n\n"
                        + "\n".join(errors[:60]))


def test_nu_html_checker_catches_what_the_theme_got_wrong(tmp_path):
    """The checker, run as the test runs it, does see the two errors Material's markup had."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body>'
        '<input type="checkbox" id="__drawer" autocomplete="off">'
        '<nav><label class="md-nav__title" for="__toc">Contents</label></nav></body></html>', "utf-8")
    errors = errors_of(run_vnu(tmp_path), tmp_path)
    assert any("autocomplete" in e for e in errors), errors
    assert any("for" in e and "label" in e for e in errors), errors


# ---------------------------------------------------------------- English that is English

# Letters only Vietnamese uses among the site's two languages (tone marks, đ, ơ, ư, ă, â...).
VI_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SKIP_TAGS = {"script", "style", "svg", "code", "pre"}


def vietnamese(text: str) -> bool:
    """A run of text in Vietnamese: at least two words with Vietnamese letters, making at
    least half of its words. A Vietnamese name inside an English sentence ("Thuận Nam
    District", "Decree 42/2022/NĐ-CP") is not a Vietnamese passage."""
    words = WORD.findall(text)
    vi = [w for w in words if VI_LETTERS.search(w)]
    return len(vi) >= 2 and len(vi) * 2 >= len(words)


def unmarked_vietnamese(html: bytes, page_lang: str = "en") -> list:
    """Vietnamese text runs, and Vietnamese `title`/`aria-label`/`placeholder` values, in
    elements whose language (nearest `lang`) is not Vietnamese. The <title> is left out: it
    joins the page's title and the site's name, and can mark neither separately."""
    doc = lxml.html.fromstring(html.decode("utf-8"))  # as the pages' <meta charset> says
    found = []

    def walk(el, lang):
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS or el.tag == "title":
            return
        lang = el.get("lang") or lang
        if lang != "vi":
            for name in ("title", "aria-label", "placeholder", "alt"):
                if el.get(name) and vietnamese(el.get(name)):
                    found.append(f"<{el.tag} {name}=\"{el.get(name)[:80]}\">")
            if el.text and vietnamese(el.text):
                found.append(f"<{el.tag}> {el.text.strip()[:80]}")
        for child in el:
            walk(child, lang)
            if child.tail and lang != "vi" and vietnamese(child.tail):
                found.append(f"<{el.tag}> …{child.tail.strip()[:80]}")

    walk(doc, page_lang)
    return found


def test_the_detector_tells_vietnamese_from_names():
    assert vietnamese("Một cửa: nộp hồ sơ ở đâu")
    assert vietnamese("Liên kết đến mục này")
    assert not vietnamese("Thuận Nam District administrative reform communication plan 2022")
    assert not vietnamese("Decree No. 123/2015/NĐ-CP of 15/11/2015")
    page = ('<html lang="en"><body><p>English <span lang="vi">Một cửa liên thông</span></p>'
            '<a class="headerlink" title="Liên kết đến mục này">¶</a><p>Bộ phận một cửa</p></body></html>')
    found = unmarked_vietnamese(page.encode())
    assert found == ['<a title="Liên kết đến mục này">', "<p> Bộ phận một cửa"], found


def test_english_pages_mark_every_vietnamese_passage(built_site):
    pages = sorted(p for p in (built_site / "en").rglob("*.html") if "pagefind" not in p.parts)
    assert len(pages) > 20, f"only {len(pages)} English pages built"
    found = {}
    for page in pages:
        problems = unmarked_vietnamese(page.read_bytes())
        if problems:
            found[page.relative_to(built_site).as_posix()] = problems
    report = "\n".join(f"{path}:\n    " + "\n    ".join(items[:8]) for path, items in found.items())
    assert not found, (f"{sum(map(len, found.values()))} Vietnamese passages without lang=\"vi\" on "
                       f"{len(found)} English pages:\n{report}")


def test_mending_keeps_what_is_valid():
    """The two repairs touch only what the checker refuses (cchc/html_valid.py)."""
    from cchc import html_valid

    page = ('<input type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" name="q" autocomplete="off">'
            '<label class="md-nav__title" for="__toc">Contents</label>'
            '<label class="md-nav__title" for="__drawer">Menu</label>')
    mended = html_valid.mend(page)
    assert '<input type="checkbox" id="__drawer">' in mended
    assert '<input type="text" name="q" autocomplete="off">' in mended
    assert '<span class="md-nav__title">Contents</span>' in mended
    assert '<label class="md-nav__title" for="__drawer">Menu</label>' in mended
