"""Pages printed for public posting (kinds with `print_qr: true` in data/taxonomy.yml: posting
sheets, procedure cards)
get, at build time, a QR code back to their own absolute URL (site_url + the page's path),
shown only in print (docs/assets/print.css), and a short "print this sheet" note on screen.
The logic is in cchc/qr.py.

An untranslated page has no English page at all (cchc/english.py). The one English copy
kept, an untranslated section index page, carries the Vietnamese original's code if its kind
is printed: the printout is the Vietnamese text, and the code opens that text."""
import _path  # noqa: F401  (puts the repository on sys.path)
from mkdocs.plugins import event_priority

from cchc import build_state, paths, qr, site


@event_priority(-50)  # after other content hooks: the code goes at the very end of the body
def on_page_content(html, page, config, files):
    kinds = build_state.data.kinds if build_state.data else {}
    if (page.meta or {}).get("kind") not in qr.printed_kinds(kinds):
        return html
    own = page.url
    if (page.meta or {}).get("fallback"):  # set by i18n_fallback.py, which runs earlier
        own = site.url_for(paths.DEFAULT_LANGUAGE, getattr(page.file, "norm_src_uri", page.file.src_uri)).lstrip("/")
    url = qr.absolute_url(config.site_url, own)
    if url is None:
        return html
    lang = config.theme["language"]
    return qr.hint(lang) + html + qr.figure(url, lang)
