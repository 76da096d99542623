"""Pages printed for public posting (kinds in cchc.qr.KINDS: posting sheets, procedure cards)
get, at build time, a QR code back to their own absolute URL (site_url + the page's path),
shown only in print (docs/assets/print.css), and a short "print this sheet" note on screen.
The logic is in cchc/qr.py."""
import _path  # noqa: F401  (puts the repository on sys.path)
from mkdocs.plugins import event_priority

from cchc import qr


@event_priority(-50)  # after other content hooks: the code goes at the very end of the body
def on_page_content(html, page, config, files):
    if (page.meta or {}).get("kind") not in qr.KINDS:
        return html
    url = qr.absolute_url(config.site_url, page.url)
    if url is None:
        return html
    lang = config.theme["language"]
    return qr.hint(lang) + html + qr.figure(url, lang)
