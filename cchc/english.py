"""How an English reader meets a Vietnamese page that has no English version.

An article, a plan page or a news item without a translation is shown under /en/ with an
English notice and its Vietnamese text (hooks/i18n_fallback.py): it is in the English sidebar
and the reader expects it there. A procedure card is not: a province publishes about 2,000
of them and translates few, so an English copy of each would double the build for the same
Vietnamese text (maintainers/scale.md). An untranslated card is therefore linked, not copied:
the English catalogues and every English link to it lead to the Vietnamese card, marked
`hreflang="vi"`; its language menu sends an English reader to the English catalogue.
An /en/ card address that was already published (data/published-urls.txt) keeps working: it
redirects to the Vietnamese card.

The rule is here once; the build hooks, the address check (cchc/check_urls.py) and the
catalogues (cchc/markers.py) ask it.
"""
from cchc import paths, procedure
from cchc.redirects import Redirect
from cchc.site import url_for

LINKED_KINDS = frozenset({procedure.KIND})  # untranslated pages of these kinds get no /en/ copy
CATALOGUE_SRC = "thu-tuc/index.md"  # where an English reader of an untranslated card is sent


def linked_only(pages) -> set:
    """Sources ('thu-tuc/x.md') of the Vietnamese pages that get no English copy: pages of a
    linked kind with no English version."""
    translated = {p.src for p in pages if p.lang != paths.DEFAULT_LANGUAGE}
    return {p.src for p in pages if p.lang == paths.DEFAULT_LANGUAGE and p.src not in translated
            and (p.meta or {}).get("kind") in LINKED_KINDS}


def published_redirects(pages, listed: set) -> list:
    """For every /en/ address of a linked-only card that data/published-urls.txt lists (an
    English copy was published before): a redirect to the Vietnamese card."""
    out = []
    for src in sorted(linked_only(pages)):
        for lang in paths.LANGUAGES[1:]:
            source = url_for(lang, src)
            if source in listed:
                out.append(Redirect(source, url_for(paths.DEFAULT_LANGUAGE, src), 0, twin_of=url_for(paths.DEFAULT_LANGUAGE, src)))
    return out
