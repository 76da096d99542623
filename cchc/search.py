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


def normalize(text: str) -> str:
    """The one folding rule, for the index and (in JS) for the query:
    'Dịch vụ CÔNG' -> 'dich vu cong', 'Đăng ký' -> 'dang ky'.

    Exactly fold(text).lower(), computed once per distinct word: a page repeats its words,
    and fold() looks at every character."""
    return "".join(map(_normalize_word, _SEPARATORS.split(text)))


# Space, tab and newline fold to themselves and separate tokens for both NFKD and lower();
# split() keeps them (the capturing group), so the pieces join back to the whole text. The
# cache's wrapper is C: a word seen before costs no Python call (a page repeats its words).
_SEPARATORS = re.compile(r"([ \t\n]+)")


@functools.lru_cache(maxsize=65536)
def _normalize_word(word: str) -> str:
    return fold(word).lower()


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


# A start or end tag with its attributes (a quoted value may hold '>'), or a comment; the
# text between two matches is the page's text. A tokenizer, not html.parser: page.content is
# HTML serialised by the sanitiser (cchc/sanitize.py), so quotes are balanced, and this is
# 2.5x faster at 3,400 pages (maintainers/scale.md). The group is atomic: an unclosed '<a b c'
# cannot make it backtrack.
_TAG = re.compile(r"""<(/?)([a-zA-Z][^\s/>]*)((?>(?:[^>"']+|"[^"]*"|'[^']*')*))>|<!--.*?-->""", re.S)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _attrs(text: str) -> dict:
    """'class="a b" id=x hidden' -> {'class': 'a b', 'id': 'x', 'hidden': None}; first wins."""
    out = {}
    for m in _ATTR.finditer(text):
        name = m.group(1).lower()
        if name not in out:
            value = next((v for v in m.group(2, 3, 4) if v is not None), None)
            out[name] = html.unescape(value) if value else value
    return out


def _squash(text: str) -> str:
    # The same as re.sub(r"\s+", " ", text).strip() (both split at str.isspace()), faster.
    return " ".join(text.split())


def extract(content_html: str) -> tuple[str, list[Section]]:
    """Rendered page content -> (intro text, sections), whitespace squashed.

    Sections start at each h2-h6 with an id. Left out: the h1 (the page title is indexed from
    the page itself), heading permalinks ('¶'), scripts, icons, and anything marked
    `data-search-exclude` (Material's marker). Block tags separate words: '<li>a</li><li>b</li>'
    must not index 'ab'."""
    intro: list[str] = []
    sections: list[tuple[Section, list[str]]] = []
    buf = intro  # where body text goes now
    skip = 0  # >0 while inside a left-out element
    heading = None  # (tag, id, text parts) while inside an h2-h6 with an id
    pos = 0

    def text(chunk):
        if chunk and not skip:
            (heading[2] if heading else buf).append(html.unescape(chunk) if "&" in chunk else chunk)

    for m in _TAG.finditer(content_html):
        text(content_html[pos:m.start()])
        pos = m.end()
        closing, tag, rest = m.groups()
        if tag is None:
            continue  # a comment
        tag = tag.lower()
        if tag in _VOID_TAGS:
            if tag in ("br", "hr") and not closing and not skip:
                buf.append(" ")
            continue
        if not closing:
            if skip:
                skip += 1
            else:
                # Only three attributes matter here; most tags (links, list items) have none
                # of them, and parsing every tag's attributes was a fifth of this function.
                low = rest.lower()
                a = _attrs(rest) if ("id" in low or "class" in low or "data-search-exclude" in low) else {}
                if (tag in _SKIP_TAGS or tag == "h1" or "headerlink" in (a.get("class") or "").split()
                        or "data-search-exclude" in a):
                    skip = 1
                elif tag in _HEADINGS and a.get("id") and heading is None:
                    heading = (tag, a["id"], [])
                elif tag in _BLOCK_TAGS:
                    buf.append(" ")
            if not rest.rstrip().endswith("/"):
                continue  # '<x/>' also ends the element it opens
        if skip:
            skip -= 1
        elif heading and tag == heading[0]:
            _tag, anchor, parts = heading
            heading = None
            buf = []
            sections.append((Section(anchor, _squash("".join(parts)), _HEADINGS[tag]), buf))
        elif tag in _BLOCK_TAGS:
            buf.append(" ")
    text(content_html[pos:])
    out = []
    for section, parts in sections:
        section.text = _squash("".join(parts))
        out.append(section)
    return _squash("".join(intro)), out


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
