"""QR codes for pages meant to be printed and posted at the one-stop shop: the printed sheet
carries a code that opens the same page, so a citizen can read it on a phone (and find it
updated). Made at build time with zxing-cpp (its writer is libzint, compiled) and inlined as
SVG: no extra request, no script, no other host.
"""
import functools
import html
import re

import zxingcpp

# zxing's image: one byte a module, 0 dark, 255 light; ROW_END is put between rows. A row's
# end is one run with the light modules either side of it: one move to the next dark module.
ROW_END = b"\x01"
RUN = re.compile(rb"\xff*\x01\xff*|\x00+|\xff+")


class _Moves(dict):
    """Path command for each run of modules in a `width`-module symbol, made once per run:
    a dark run draws (h), a light one moves on (m), a row's end goes to the first dark module
    of the next row. The path is then one `join` over the runs zxing's image holds, with no
    Python arithmetic per run: half the time the per-run loop took."""

    def __init__(self, width: int):
        super().__init__()
        self.width = width

    def __missing__(self, run: bytes) -> str:
        if ROW_END in run:
            before, after = run.split(ROW_END)
            move = f"m{len(before) + len(after) - self.width} 1"
        else:
            move = f"h{len(run)}" if run[0] == 0 else f"m{len(run)} 0"
        self[run] = move
        return move


_MOVES: dict[int, _Moves] = {}

L = {
    "vi": {"caption": "Quét mã QR bằng điện thoại để mở trang này:",
           "hint": ("Muốn in tờ này: trên điện thoại, mở trình đơn của trình duyệt và chọn In (có trình duyệt đặt"
                    " lệnh này trong mục Chia sẻ); trên máy tính, dùng lệnh In của trình duyệt (Ctrl+P). Bản in không"
                    " có thanh điều hướng và có mã QR dẫn về trang này.")},
    "en": {"caption": "Scan the QR code with a phone to open this page:",
           "hint": ("To print this sheet: on a phone, open the browser's menu and choose Print (some browsers keep it"
                    " under Share); on a computer, use the browser's Print command (Ctrl+P, or Cmd+P on a Mac). The"
                    " printout leaves out the menus and carries a QR code back to this page.")},
}


def printed_kinds(kinds: dict) -> set:
    """Page kinds printed for public posting: `print_qr: true` in data/taxonomy.yml."""
    return {k for k, entry in kinds.items() if entry.get("print_qr")}


def absolute_url(site_url: str | None, page_url: str) -> str | None:
    """The page's public address: `site_url` (from mkdocs.yml, may end in a path) joined with
    MkDocs' site-relative `page.url`. None when no site_url is set: a QR code to a guessed
    host would be worse than none."""
    if not site_url:
        return None
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + page_url.lstrip("/")


@functools.lru_cache(maxsize=8192)  # `mkdocs serve` rebuilds: each address is encoded once
def svg(url: str) -> str:
    """Inline SVG of the QR code for `url`. Error level M survives a smudged print; the
    4-module quiet zone is what scanners need. Size is set by CSS (no width/height).

    Speed matters: a province has about 2,000 cards, each built in both languages. zxing-cpp
    encodes a code in about a quarter of the time segno (pure Python) took with its mask fixed,
    and still scores all 8 masks as the standard asks; the path is written here (`_Moves`),
    one stroke along each row (maintainers/scale.md)."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = code.to_image(scale=1, add_quiet_zones=False)
    height, width = image.shape
    pixels = bytes(memoryview(image))
    moves = _MOVES.get(width) or _MOVES.setdefault(width, _Moves(width))
    # The light modules after the last dark one draw nothing: no move is written for them.
    rows = ROW_END.join([pixels[i:i + width] for i in range(0, height * width, width)]).rstrip(b"\xff")
    border = 4
    size = width + 2 * border
    d = f"M{border} {border}.5" + "".join(map(moves.__getitem__, RUN.findall(rows)))
    return (f'<svg aria-hidden="true" focusable="false" shape-rendering="crispEdges" viewBox="0 0 {size} {size}"'
            f' class="print-qr__code"><path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/>'
            f'<path stroke="#000" d="{d}"/></svg>')


def figure(url: str, lang: str) -> str:
    """The printed block: the code and the address in words (for those who type it)."""
    t = L.get(lang, L["vi"])
    u = html.escape(url, quote=True)
    return (f'<figure class="print-qr" data-search-exclude data-url="{u}">{svg(url)}'
            f'<figcaption>{html.escape(t["caption"])} <span class="print-qr__url">{u}</span></figcaption></figure>')


def hint(lang: str) -> str:
    """A one-line note shown on screen only: this page is made to be printed."""
    return f'<p class="print-hint" data-search-exclude>{html.escape(L.get(lang, L["vi"])["hint"])}</p>'
