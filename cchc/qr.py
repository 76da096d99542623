"""QR codes for pages meant to be printed and posted at the one-stop shop: the printed sheet
carries a code that opens the same page, so a citizen can read it on a phone (and find it
updated). Made at build time with segno (pure Python) and inlined as SVG: no extra request,
no script, no other host.
"""
import html

import segno

# Page kinds printed for public posting (data/taxonomy.yml ids).
KINDS = ("posting-sheet", "procedure")

L = {
    "vi": {"caption": "Quét mã QR bằng điện thoại để mở trang này:",
           "hint": "In tờ này: dùng lệnh In của trình duyệt (Ctrl+P). Bản in không có thanh điều hướng và có mã QR dẫn về trang này."},
    "en": {"caption": "Scan the QR code with a phone to open this page:",
           "hint": "Print this sheet with the browser's Print command (Ctrl+P). The printout leaves out the menus and carries a QR code back to this page."},
}


def absolute_url(site_url: str | None, page_url: str) -> str | None:
    """The page's public address: `site_url` (from mkdocs.yml, may end in a path) joined with
    MkDocs' site-relative `page.url`. None when no site_url is set: a QR code to a guessed
    host would be worse than none."""
    if not site_url:
        return None
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + page_url.lstrip("/")


def svg(url: str) -> str:
    """Inline SVG of the QR code for `url`. Error level M survives a smudged print; the
    4-module quiet zone is what scanners need. Size is set by CSS (no width/height)."""
    code = segno.make(url, error="m", micro=False)
    out = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="print-qr__code", lineclass=None,
                          dark="#000", light="#fff")
    return out.replace("<svg ", '<svg aria-hidden="true" focusable="false" shape-rendering="crispEdges" ', 1)


def figure(url: str, lang: str) -> str:
    """The printed block: the code and the address in words (for those who type it)."""
    t = L.get(lang, L["vi"])
    u = html.escape(url, quote=True)
    return (f'<figure class="print-qr" data-search-exclude data-url="{u}">{svg(url)}'
            f'<figcaption>{html.escape(t["caption"])} <span class="print-qr__url">{u}</span></figcaption></figure>')


def hint(lang: str) -> str:
    """A one-line note shown on screen only: this page is made to be printed."""
    return f'<p class="print-hint" data-search-exclude>{html.escape(L.get(lang, L["vi"])["hint"])}</p>'
