"""Site search: what a page contributes to the index, folded the way citizens type.

Citizens on phones type "dich vu cong" as often as "dịch vụ công", in any case, in NFC or
NFD. So the index holds only folded text (`normalize`: cchc.slug.fold, then lowercase) and
the browser folds the query with the same rule (overrides/assets/javascripts/search.js,
`normalize`) before asking the engine. An accented query and its unaccented twin are then
the same string to the engine: same hits, same ranking, by construction.

The engine is Pagefind. It gets one small HTML document per page (`pagefind_document`):
folded text for matching, the original title, description and heading titles as metadata
for display. Pure functions only; hooks/search_index.py runs them during a build.
"""
import functools
import html
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from cchc.slug import fold

# Tags whose edges separate words: '<li>a</li><li>b</li>' must not index 'ab'.
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul",
}
_SKIP_TAGS = {"script", "style", "template", "svg", "button"}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
              "source", "track", "wbr"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """The one folding rule, for the index and (in JS) for the query:
    'Dịch vụ CÔNG' -> 'dich vu cong', 'Đăng ký' -> 'dang ky'.

    Exactly fold(text).lower(), computed once per distinct word: a page repeats its words,
    and fold() looks at every character."""
    return _TOKEN.sub(_normalize_token, text)


# Space, tab and newline fold to themselves and separate tokens for both NFKD and lower().
_TOKEN = re.compile(r"[^ \t\n]+")


@functools.lru_cache(maxsize=65536)
def _normalize_word(word: str) -> str:
    return fold(word).lower()


def _normalize_token(match: re.Match) -> str:
    return _normalize_word(match.group())


@dataclass
class Section:
    id: str  # heading anchor: the result links to '<url>#<id>'
    title: str  # heading text as written
    level: int
    text: str = ""


@dataclass
class Record:
    url: str  # from the site root, no leading slash: 'chi-so/par-index/', 'en/'
    lang: str
    title: str
    description: str = ""
    intro: str = ""  # text before the first sub-heading
    sections: list = field(default_factory=list)

    def text(self) -> str:
        """Everything a reader can find the page by (as written, not folded)."""
        parts = [self.title, self.description, self.intro]
        for s in self.sections:
            parts += [s.title, s.text]
        return " ".join(p for p in parts if p)


class _ContentParser(HTMLParser):
    """Splits rendered page content into intro text and sections at h2-h6 with an id.

    Drops the h1 (the page title is indexed from the page itself), heading permalinks
    ('¶'), scripts, icons, and anything marked `data-search-exclude` (Material's marker).
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.intro: list[str] = []
        self.sections: list[tuple[Section, list[str]]] = []
        self._buf = self.intro  # where body text goes now
        self._skip_depth = 0  # >0 while inside a skipped element
        self._heading: tuple[str, str, list[str]] | None = None  # (tag, id, text) in h2-h6

    def handle_starttag(self, tag, attrs):
        if tag in _VOID_TAGS:
            if tag in ("br", "hr") and not self._skip_depth:
                self._buf.append(" ")
            return
        if self._skip_depth:
            self._skip_depth += 1
            return
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag in _SKIP_TAGS or tag == "h1" or "headerlink" in classes or "data-search-exclude" in a:
            self._skip_depth = 1
        elif tag in _HEADINGS and a.get("id") and self._heading is None:
            self._heading = (tag, a["id"], [])
        elif tag in _BLOCK_TAGS:
            self._buf.append(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in _VOID_TAGS:
            return
        if self._skip_depth:
            self._skip_depth -= 1
        elif self._heading and tag == self._heading[0]:
            tag, anchor, parts = self._heading
            self._heading = None
            self._buf = []
            self.sections.append((Section(anchor, _squash("".join(parts)), _HEADINGS[tag]), self._buf))
        elif tag in _BLOCK_TAGS:
            self._buf.append(" ")

    def handle_data(self, data):
        if self._skip_depth:
            return
        (self._heading[2] if self._heading else self._buf).append(data)


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def extract(content_html: str) -> tuple[str, list[Section]]:
    """Rendered page content -> (intro text, sections), whitespace squashed."""
    parser = _ContentParser()
    parser.feed(content_html)
    parser.close()
    sections = []
    for section, parts in parser.sections:
        section.text = _squash("".join(parts))
        sections.append(section)
    return _squash("".join(parser.intro)), sections


def record(url: str, lang: str, title: str, description: str, content_html: str) -> Record:
    """One page's search record from its rendered content (page.content)."""
    intro, sections = extract(content_html)
    return Record(url=url.lstrip("/"), lang=lang, title=_squash(title),
                  description=_squash(description or ""), intro=intro, sections=sections)


def pagefind_document(rec: Record) -> str:
    """The HTML Pagefind indexes for one page: folded text to match, original text as meta.

    Headings keep their level and id, so Pagefind weights them like the real page and
    reports which section matched ('<url>#<id>'); the browser shows the heading as written,
    looked up in the `headings` meta by id.
    """
    e = html.escape
    n = normalize
    body = [f"<h1>{e(n(rec.title))}</h1>"]
    if rec.description:
        body.append(f"<p>{e(n(rec.description))}</p>")
    if rec.intro:
        body.append(f"<p>{e(n(rec.intro))}</p>")
    for s in rec.sections:
        body.append(f'<h{s.level} id="{e(s.id)}">{e(n(s.title))}</h{s.level}>')
        if s.text:
            body.append(f"<p>{e(n(s.text))}</p>")
    headings = json.dumps({s.id: s.title for s in rec.sections}, ensure_ascii=False,
                          separators=(",", ":"))
    meta = {"title": rec.title, "description": rec.description, "headings": headings}
    tags = "".join(f'<meta data-pagefind-meta="{k}[content]" content="{e(v)}">' for k, v in meta.items())
    return (f'<!DOCTYPE html><html lang="{e(rec.lang)}"><head><meta charset="utf-8">{tags}</head>'
            f'<body><main data-pagefind-body>{"".join(body)}</main></body></html>')
