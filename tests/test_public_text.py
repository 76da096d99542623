"""No public page shows a placeholder, a file name or a configuration key (issue 11 item 3).

The real site is built once (session fixture `built_site`) and every HTML page is parsed: what a
reader sees (text, plus the alt/title/aria-label/placeholder attributes a screen reader or a
tooltip shows) must not contain "Chưa cập nhật" / "Not yet available", a repository file name
(mkdocs.yml, data/units.yml, scripts/check.py...) or a configuration key (extra.contact,
site_url, procedure.agency...). Editors find gaps with scripts/health.py instead.

The checks are also run on made-up pages, so a rule that could never fire is caught here.
"""
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

# What a reader may never see. Words, not HTML: matched against the visible text.
PLACEHOLDERS = ("Chưa cập nhật", "Not yet available", "md:fill", "TODO", "FIXME", "Lorem ipsum")
# A file name with an extension the repository uses for its own files (a link to a PDF or an
# image is content; these are not). `dichvucong.gov.vn` and other host names do not match.
FILE_NAME = re.compile(r"(?<![\w@/.:-])(?:[\w-]+/)*[\w-]+\.(?:ya?ml|py|md|json|toml|j2|html?\.j2|cfg|ini)\b")
# Configuration keys: MkDocs/Material settings, the page front matter and the data files' fields.
CONFIG_KEY = re.compile(
    r"\b(?:extra\.[a-z_]+|site_url|site_name|repo_url|SITE_URL|REPO_URL|custom_dir|nav:"
    r"|procedure\.[a-z_]+|front matter|plan_items|review_by|valid_to|succeeded_by|replaced_by|amended_by"
    r"|lifecycle_sources|cited_by|portal_url)\b")
SHOWN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
HIDDEN_TAGS = {"script", "style", "template", "noscript"}


class _Visible(HTMLParser):
    """Collects the text a reader can see or hear, in order, with the attributes above."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self._hidden += 1
            return
        for name, value in attrs:
            if name in SHOWN_ATTRIBUTES and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


URL = re.compile(r"\b(?:https?|ftp)://\S+")


def problems_in(text: str) -> list[str]:
    """Each forbidden thing found in `text`, once, in a short form for the failure message.
    Web addresses are content (a feed's address ends in feed.json): they are not looked at."""
    text = URL.sub(" ", text)
    found = [p for p in PLACEHOLDERS if p in text]
    found += sorted({m.group(0) for m in FILE_NAME.finditer(text)})
    found += sorted({m.group(0) for m in CONFIG_KEY.finditer(text)})
    return found


@pytest.mark.parametrize("html, expected", [
    ('<p>Đường dây nóng: <span class="fill-in">Chưa cập nhật: số điện thoại</span></p>', ["Chưa cập nhật"]),
    ("<footer>Fill in extra.contact in mkdocs.yml</footer>", ["mkdocs.yml", "extra.contact"]),
    ("<p>Xem data/units.yml và scripts/check.py</p>", ["data/units.yml", "scripts/check.py"]),
    ('<img alt="procedure.agency" src="a.png">', ["procedure.agency"]),
    ("<p>Nộp trên dichvucong.gov.vn, gọi 0259.3.123</p><script>var x = 'mkdocs.yml'</script>", []),
    ("<p>Tải mẫu tờ khai (to-khai.pdf), ảnh chup.png</p>", []),  # content files are not repository files
    ("<p>Bản tin: https://cchc.example.gov.vn/tin-tuc/feed.json</p>", []),  # an address is content
])
def test_the_rules_find_what_they_should(html, expected):
    assert problems_in(visible_text(html)) == expected


def public_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "admin" not in p.relative_to(site).parts)


def test_no_public_page_shows_a_placeholder_file_name_or_config_key(built_site):
    pages = public_pages(built_site)
    assert len(pages) > 50, f"only {len(pages)} pages built: the site is not the real one"
    bad = {}
    for path in pages:
        found = problems_in(visible_text(path.read_text("utf-8")))
        if found:
            bad[str(path.relative_to(built_site))] = found
    assert not bad, "public pages show editor-only text:\n" + "\n".join(f"  {k}: {v}" for k, v in sorted(bad.items()))


def test_footer_without_agency_contact_names_the_national_channel(built_site):
    """mkdocs.yml leaves extra.contact empty: the footer points to the national portal's
    feedback page and says nothing about configuration."""
    html = (built_site / "index.html").read_text("utf-8")
    footer = re.search(r'<aside class="site-contact".*?</aside>', html, re.S).group(0)
    text = visible_text(footer)
    assert 'href="https://dichvucong.gov.vn/"' in footer and "Phản ánh, kiến nghị" in text
    assert "Trung tâm Phục vụ hành chính công" in text
    english = visible_text(re.search(r'<aside class="site-contact".*?</aside>',
                                     (built_site / "en" / "index.html").read_text("utf-8"), re.S).group(0))
    assert "National Public Service Portal" in english and not problems_in(english)


def test_print_hint_speaks_to_phones(built_site):
    hints = []
    for path in public_pages(built_site):
        hints += re.findall(r'<p class="print-hint"[^>]*>(.*?)</p>', path.read_text("utf-8"), re.S)
    assert hints, "no page carries the print hint: the posting sheets were not built"
    for hint in hints:
        assert ("điện thoại" in hint or "phone" in hint) and "Ctrl+P" in hint, hint
