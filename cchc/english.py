"""How an English reader meets a Vietnamese page that has no English version.

Such a page is linked, not copied: the English site has no /en/ copy of it (an English frame
around Vietnamese text is not an English page, and would be a second address for the same
text). Every English link to it (catalogues, theme lists, the news index and feeds, articles)
leads to the Vietnamese page, marked `hreflang="vi"` and "(in Vietnamese)" where the list
prints it; its language menu sends an English reader to the English index page of its section
(for a procedure card, the English catalogue), where the reader sees what exists in English.
A province publishes about 2,000 cards and hundreds of articles and news items and translates
a few: copies would also double the build for the same Vietnamese text (maintainers/scale.md).

One exception: a section's index page (`index.md`) without a translation keeps its English
copy, with an English notice over the Vietnamese text (hooks/i18n_fallback.py): it is the
section's entry in the English sidebar and where the language menus above lead.

An /en/ address of such a page that was already published (data/published-urls.txt) keeps
working: it redirects to the Vietnamese page.

The rule is here once; the build hooks, the address check (cchc/check_urls.py), the news
lists (cchc/news.py) and the catalogues (cchc/markers.py) ask it.
"""
import posixpath
import re

from cchc import fragments, paths
from cchc.redirects import Redirect
from cchc.site import url_for

INDEX = "index.md"  # a section's index page: copied even when untranslated (see above)


def linked_only(pages) -> set:
    """Sources ('thu-tuc/x.md') of the Vietnamese pages that get no English copy: every page
    with no English version, except a section's index page."""
    translated = {p.src for p in pages if p.lang != paths.DEFAULT_LANGUAGE}
    return {p.src for p in pages if p.lang == paths.DEFAULT_LANGUAGE and p.src not in translated
            and posixpath.basename(p.src) != INDEX}


def landing(src: str, sources: set) -> str:
    """Where the language menu of the linked-only page `src` leads: the nearest index page
    among `sources` (the Vietnamese pages), in its folder or above ('thu-tuc/x.md' ->
    'thu-tuc/index.md', the catalogue; at worst the home page). Every index page has an
    English page: its translation or its copy."""
    folder = posixpath.dirname(src)
    while folder:
        if posixpath.join(folder, INDEX) in sources:
            return posixpath.join(folder, INDEX)
        folder = posixpath.dirname(folder)
    return INDEX


def published_redirects(pages, listed: set) -> list:
    """For every /en/ address of a linked-only page that data/published-urls.txt lists (an
    English copy was published before): a redirect to the Vietnamese page."""
    out = []
    for src in sorted(linked_only(pages)):
        for lang in paths.LANGUAGES[1:]:
            source = url_for(lang, src)
            if source in listed:
                out.append(Redirect(source, url_for(paths.DEFAULT_LANGUAGE, src), 0, twin_of=url_for(paths.DEFAULT_LANGUAGE, src)))
    return out


# A link's opening tag as the sanitiser writes it (cchc/sanitize.py): attribute values quoted.
_LINK = re.compile(r'<a\b[^>]*>')
_HREF = re.compile(r'\shref="([^"#?]*)')


def mark_vietnamese_links(content: str, page_url: str, vietnamese_urls: set) -> str:
    """`hreflang="vi"` on every link of an English page that leads to a Vietnamese page (a
    page with no English version is linked, not copied), so the reader and a screen reader
    know before following it. `page_url` is MkDocs' page.url ('en/chi-so/'); `vietnamese_urls`
    the Vietnamese pages' addresses from the site root ('/thu-tuc/the-1/'). A link that
    already names its language is left as written."""
    base = fragments.url_base(page_url).rstrip("/") + "/"  # MkDocs' rule for what a link is relative to

    def mark(match: re.Match) -> str:
        tag = match.group(0)
        href = _HREF.search(tag)
        if href is None or "hreflang=" in tag or ":" in href.group(1) or not href.group(1):
            return tag  # no address, a language already named, another host or scheme
        target = posixpath.normpath(posixpath.join(base, href.group(1)))
        target = target if target.endswith("/") or "." in target.rsplit("/", 1)[-1] else target + "/"
        if target not in vietnamese_urls:
            return tag
        return f'<a hreflang="{paths.DEFAULT_LANGUAGE}"{tag[2:]}'

    return _LINK.sub(mark, content) if "<a" in content else content
