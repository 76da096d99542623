"""Each page speaks its own language, and says so where it quotes another (hooks/page_lang.py).

On the English site the interface is English, and every Vietnamese passage carries
`lang="vi"`, so a screen reader switches voice and a browser's translator knows what it
reads: the titles of untranslated pages in the sidebar, the page footer and the table of
contents, and the language names of the language menu. (Markdown content marks its own
quotations: cchc/markers.py; the copy of an untranslated section index: hooks/i18n_fallback.py.)
tests/test_validators.py finds Vietnamese text outside `lang="vi"` on every English page.

Pure functions over HTML strings and URL paths.
"""
import posixpath
import re

# The title of the "¶" link after each heading (Python-Markdown's toc `permalink_title`),
# per page language. mkdocs.yml's toc setting is global; the hook sets it for each page.
PERMALINK_TITLE = {"vi": "Liên kết đến mục này", "en": "Link to this section"}

# Material's language menu: each entry is the language's own name ("Tiếng Việt", "English").
_LANGUAGE_LINK = re.compile(r'<a (href="[^"]*" hreflang="([a-zA-Z-]+)" class="md-select__link")>')
# A link of the sidebar or the page footer, with the element holding its title.
_NAV_LINK = re.compile(
    r'(<a href="([^"]*)"[^>]*class="md-(?:nav|footer)__link[^"]*"[^>]*>)(.*?)(</a>)', re.S)
_FOOTER_SIDE = re.compile(r'md-footer__link--(prev|next)')
_TITLE = re.compile(r'<(span|div) class="md-ellipsis">')
_TOC_LIST = '<ul class="md-nav__list" data-md-component="toc"'
_DESCRIPTION = re.compile(r'(<meta (?:name|property)="(?:description|og:description|twitter:description|og:title|twitter:title)")')
_HEADING_LANG = re.compile(r'<h[1-6] id="([^"]+)" lang="([a-zA-Z-]+)"')
_TOC_LINK = re.compile(r'(<a href="#([^"]+)" class="md-nav__link">\s*)<span class="md-ellipsis">')
_ACTIVE = re.compile(r'(<label class="md-nav__link md-nav__link--active" for="__toc">\s*<span class="md-ellipsis")>')
_TOPIC = re.compile(r'(<div class="md-header__topic" data-md-component="header-topic">\s*<span class="md-ellipsis")>')


def permalink_title(lang: str) -> str:
    return PERMALINK_TITLE.get(lang, PERMALINK_TITLE["en"])


def target_path(page_url: str, href: str) -> str | None:
    """The site path a relative link of the page at `page_url` leads to, '' for the home page;
    None for links elsewhere (absolute, anchors, other schemes)."""
    if not href or href.startswith(("#", "/", "mailto:", "tel:")) or "://" in href:
        return None
    href = href.split("#", 1)[0].split("?", 1)[0]
    base = "/" + page_url
    folder = base if base.endswith("/") else posixpath.dirname(base) + "/"
    path = posixpath.normpath(posixpath.join(folder, href)).lstrip("/")
    if path in ("", "."):
        return ""
    return path + "/" if href.endswith("/") else path


def mark_language_names(html: str) -> str:
    """'Tiếng Việt' in the language menu is Vietnamese on every page: lang from hreflang."""
    return _LANGUAGE_LINK.sub(lambda m: f'<a {m.group(1)} lang="{m.group(2)}">', html)


def mark_untranslated_links(html: str, page_url: str, untranslated: dict) -> str:
    """Sidebar and footer links to an untranslated page (`untranslated`: site path -> the
    language its text is in) get that language on the element holding the title."""
    if not untranslated:
        return html

    def fix(m: re.Match) -> str:
        opening, href, inner, closing = m.groups()
        lang = untranslated.get(target_path(page_url, href))
        if not lang or " lang=" in inner[:200]:
            return m.group(0)
        footer = _FOOTER_SIDE.search(opening)
        title_id = f' id="cchc-{footer.group(1)}-title"' if footer else ""
        inner = _TITLE.sub(lambda t: f'<{t.group(1)} class="md-ellipsis"{title_id} lang="{lang}">', inner, count=1)
        if footer:
            # "Previous: <title>" in one attribute cannot mark the title's language: the link
            # is named by its two parts instead, which also serve while phones hide them.
            side = footer.group(1)
            inner = inner.replace('<span class="md-footer__direction">',
                                  f'<span class="md-footer__direction" id="cchc-{side}-direction">', 1)
            opening = re.sub(r'\saria-label="[^"]*"',
                             f' aria-labelledby="cchc-{side}-direction cchc-{side}-title"', opening)
        return opening + inner + closing

    return _NAV_LINK.sub(fix, html)


def mark_toc_languages(html: str) -> str:
    """A heading in another language than the page (`## Tiêu đề { lang="vi" }`): its entry
    in the table of contents says so too."""
    langs = dict(_HEADING_LANG.findall(html))
    if not langs:
        return html

    def fix(m: re.Match) -> str:
        lang = langs.get(m.group(2))
        return f'{m.group(1)}<span class="md-ellipsis" lang="{lang}">' if lang else m.group(0)

    return _TOC_LINK.sub(fix, html)


def mark_untranslated_page(html: str, lang: str) -> str:
    """On a page whose text is in `lang` (an untranslated page): its table of contents, its
    title in the header and its description (the head's meta) are in that language too."""
    html = html.replace(_TOC_LIST, f'{_TOC_LIST} lang="{lang}"')
    html = _ACTIVE.sub(lambda m: f'{m.group(1)} lang="{lang}">', html, count=1)
    # The title Material prints when the text has no heading of its own: a bare <h1>.
    html = html.replace("<h1>", f'<h1 lang="{lang}">', 1)
    html = _DESCRIPTION.sub(lambda m: f'{m.group(1)} lang="{lang}"', html)
    return _TOPIC.sub(lambda m: f'{m.group(1)} lang="{lang}">', html, count=1)
