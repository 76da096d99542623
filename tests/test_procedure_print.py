"""Procedure cards, printing and the posting QR code.

Unit tests: the checker accepts the synthetic fixture cards (tests/fixtures/procedure/) and
refuses broken ones with exact Vietnamese lines; the card, URL and QR functions are pure.
Browser tests: the repository is copied to a temporary folder with the fixture cards added,
built once with a SITE_URL that has a path, served on 127.0.0.1 and opened in Chromium as a
390x844 phone and as an A4 printout.
"""
import datetime
import functools
import http.server
import re
import shutil
import sys
import subprocess
import threading
from pathlib import Path

import pytest

from cchc import data as data_mod, frontmatter, procedure, qr, site
from cchc.check_pages import check_page
from conftest import ROOT, _QuietHandler, build_site, SITE_TREE

FIXTURE = ROOT / "tests" / "fixtures" / "procedure"
FULL = "thu-tuc/vi-du-day-du.md"  # every field filled
SPARSE = "thu-tuc/vi-du-thieu-thong-tin.md"  # only level and checked
POSTING = "tai-lieu/niem-yet/to-niem-yet-mot-cua.md"
SITE_URL = "https://cchc.example.gov.vn/thu-nghiem/"
# What the build needs: hooks import cchc from the copied tree (hooks/_path.py), and
# cchc reads data/ and schemas/ beside itself, so everything comes from the copy.
TREE = SITE_TREE
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
PLACEHOLDER = "Chưa cập nhật"  # what an empty row used to say: no citizen may see it
TIMEOUT_MS = 10_000


# ------------------------------------------------------------------ the checker (no build)

@pytest.fixture(scope="module")
def data():
    loaded, problems = data_mod.load(ROOT)
    assert not problems, [str(p) for p in problems]
    return loaded


def fixture_text(src: str) -> str:
    return (FIXTURE / "docs" / "vi" / src).read_text("utf-8")


def check_text(text: str, data, src: str = FULL) -> list[str]:
    parsed = frontmatter.read(text.encode("utf-8"))
    page = site.PageRec(rel=f"docs/vi/{src}", lang="vi", src=src, url=site.url_for("vi", src), meta=parsed.meta,
                        body=parsed.body, body_line=parsed.body_line, lines=parsed.lines, problems=parsed.problems)
    return [str(p) for p in check_page(page, data, {src})]


@pytest.mark.parametrize("src", [FULL, SPARSE, "thu-tuc/index.md"])
def test_fixture_pages_pass_the_checker(data, src):
    assert check_text(fixture_text(src), data, src) == []


def test_template_passes_the_checker(data):
    text = (ROOT / "templates" / "procedure.md").read_text("utf-8")
    assert check_text(text, data, "thu-tuc/ten-thu-tuc.md") == []


def test_template_block_for_the_scaffolder(data):
    """What cchc/scaffold.py appends to a new card's front matter: the template's facts block,
    every fact null, checked today; with it a scaffolded card passes the checker."""
    block = procedure.template_block((ROOT / "templates" / "procedure.md").read_text("utf-8"), "2027-01-02")
    assert block.startswith("# ") and "\nprocedure:\n" in block and "  checked: 2027-01-02" in block
    head = fixture_text(FULL).split("procedure:\n", 1)[0]
    rest = fixture_text(FULL).split("\n---\n", 1)[1]
    assert check_text(f"{head}{block}---\n{rest}", data) == []
    assert procedure.template_block("---\ntitle: x\n---\n", "2027-01-02") == ""


P = f"docs/vi/{FULL}"
BAD = {
    "unknown-level": (
        "level: xa", "level: xaa",
        f"{P}:13: procedure.level: 'xaa' không có trong data/procedures.yml (levels). Có phải ý bạn là 'xa'?"
        " Các mã hợp lệ: tinh, huyen, xa"),
    "unknown-way": (
        "ways: [truc-tiep,", "ways: [truc-tiepp,",
        f"{P}:16: procedure.ways[0]: 'truc-tiepp' không có trong data/procedures.yml (ways). Có phải ý bạn là"
        " 'truc-tiep'? Các mã hợp lệ: truc-tiep, buu-chinh-cong-ich, truc-tuyen-toan-trinh, truc-tuyen-mot-phan,"
        " truc-tuyen"),
    "unknown-field": (
        "field: ho-tich", "field: hotich",
        f"{P}:14: procedure.field: 'hotich' không có trong data/procedures.yml (fields). Có phải ý bạn là"
        " 'ho-tich'? Các mã hợp lệ: ho-tich, chung-thuc, dat-dai, ho-kinh-doanh"),
    "portal-look-alike-host": (
        'portal_url: "https://dichvucong.gov.vn/', 'portal_url: "https://dichvucong.gov.vn.example.com/',
        f"{P}:28: procedure.portal_url: 'https://dichvucong.gov.vn.example.com/p/home/dvc-tthc-thu-tuc-hanh-chinh"
        "-chi-tiet.html?ma_thu_tuc=9.999999' không phải địa chỉ trên Cổng Dịch vụ công quốc gia. Chỉ dùng địa chỉ"
        " bắt đầu bằng https://dichvucong.gov.vn/ (mở thủ tục trên Cổng rồi sao chép địa chỉ); chưa có thì ghi null"),
    "missing-checked-date": (
        "  checked: 2026-11-23\n", "",
        f"{P}:11: Thiếu trường bắt buộc 'checked' trong 'procedure'. Thêm dòng 'checked: ...'"),
    "portal-without-online-way": (
        "ways: [truc-tiep, buu-chinh-cong-ich, truc-tuyen-mot-phan]", "ways: [truc-tiep]",
        f"{P}:28: procedure.portal_url có địa chỉ nhưng procedure.ways không có cách trực tuyến nào"
        " (truc-tuyen-toan-trinh, truc-tuyen-mot-phan, truc-tuyen). Thêm cách trực tuyến mà nguồn ghi, hoặc bỏ địa chỉ"),
    "unknown-legal-document": (
        "legal_basis: [nd-42-2022-cp]", "legal_basis: [nd-42-2022]",
        None),  # the whole line lists every document id; its start is enough
    "block-on-another-kind": (
        "kind: procedure", "kind: article",
        f"{P}:11: Nhóm trường 'procedure' chỉ dùng cho trang loại 'procedure', còn trang này là loại 'article'."
        " Bỏ nhóm này hoặc đổi 'kind: procedure'"),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_broken_card_is_refused_with_one_exact_line(data, case):
    old, new, expected = BAD[case]
    text = fixture_text(FULL)
    assert text.count(old) == 1
    found = check_text(text.replace(old, new), data)
    assert len(found) == 1, found
    if expected is None:
        assert found[0].startswith(f"{P}:27: procedure.legal_basis[0]: 'nd-42-2022' không có trong data/documents.yml."
                                   " Có phải ý bạn là 'nd-42-2022-cp'?"), found
    else:
        assert found == [expected]


def test_procedure_page_without_its_facts_is_refused(data):
    text = fixture_text(FULL)
    head, rest = text.split("procedure:\n", 1)
    text = head + "---\n" + rest.split("\n---\n", 1)[1]
    assert check_text(text, data) == [
        f"{P}:4: Trang loại 'procedure' phải có nhóm trường 'procedure:' (các thông tin của thủ tục: mã, cấp, lĩnh vực,"
        " cơ quan, cách thức, hồ sơ, thời hạn, phí, kết quả, điều kiện, căn cứ, ngày đối chiếu)."
        " Xem mẫu templates/procedure.md"]


def test_missing_lists_file_is_named(tmp_path):
    lists, problems = procedure.load_lists(tmp_path)
    assert lists is None
    assert [str(p) for p in problems] == [
        "data/procedures.yml:1: Không có tệp data/procedures.yml (danh sách cấp thực hiện, cách thức, lĩnh vực của thẻ"
        " thủ tục). Tệp này bắt buộc khi có trang loại 'procedure'"]


@pytest.mark.parametrize("url, ok", [
    ("https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", True),
    ("https://dichvucong.gov.vn", True),
    ("http://dichvucong.gov.vn/", False),  # not https
    ("https://dichvucong.gov.vn.example.com/", False),  # look-alike host
    ("https://dichvucong.gov.vn@example.com/", False),  # user part hiding another host
    ("https://dichvucong.gov.vn:8443/", False),
    ("https://example.com/?u=https://dichvucong.gov.vn/", False),
    ("javascript:alert(1)", False),
    (None, False),
])
def test_only_the_national_portal_is_a_portal_link(url, ok):
    assert procedure.is_portal_url(url) is ok


def test_card_leaves_gaps_out_and_says_where_to_ask(data):
    lists, _ = procedure.load_lists(ROOT)
    card = procedure.card({"level": "huyen", "fee": None, "conditions": [], "checked": "2026-11-23"}, data, lists, "vi")
    rows = {r.key: r for r in card.rows}
    assert list(rows) == list(procedure.ROWS)
    assert rows["level"].text == "Cấp huyện" and not rows["level"].missing
    assert rows["conditions"].text == "Không có"  # [] = the source says none
    missing = {k for k, r in rows.items() if r.missing}
    assert missing == set(procedure.ROWS) - {"level", "conditions"}
    assert [r.key for r in card.shown] == ["conditions", "level"]  # only sourced rows reach the page
    assert card.ask.startswith("Trang này chưa có: cách nộp hồ sơ, địa chỉ làm trực tuyến, giấy tờ cần mang,")
    assert "Trung tâm Phục vụ hành chính công" in card.ask and "dichvucong.gov.vn" in card.ask
    assert procedure.gaps({"level": "huyen", "conditions": [], "checked": "2026-11-23"}, data, lists) == sorted(
        missing, key=procedure.ROWS.index)
    assert card.checked == "23/11/2026"
    offline = procedure.card({"ways": ["truc-tiep"], "checked": "2026-11-23"}, data, lists, "vi")
    portal = next(r for r in offline.rows if r.key == "portal")
    assert portal.text == "Thủ tục này không làm trực tuyến." and portal.href is None
    english = procedure.card({"level": "xa", "checked": "2026-11-23"}, data, lists, "en")
    assert english.ask.startswith("Not on this page yet: how to file,") and PLACEHOLDER not in english.ask


def test_a_complete_card_has_no_ask_line(data):
    lists, _ = procedure.load_lists(ROOT)
    meta = frontmatter.read(fixture_text(FULL).encode("utf-8")).meta
    card = procedure.card(meta["procedure"], data, lists, "vi")
    assert [r.key for r in card.shown] == list(procedure.ROWS) and card.ask is None
    assert procedure.gaps(meta["procedure"], data, lists) == []


def test_legal_basis_names_the_amendments(data):
    """A card citing Decree 123/2015 shows the decrees that amended it (data/documents.yml
    amended_by): the reader sees which text is in force."""
    lists, _ = procedure.load_lists(ROOT)
    card = procedure.card({"legal_basis": ["nd-123-2015-cp"], "checked": "2026-12-02"}, data, lists, "vi")
    (text, note), = next(r for r in card.rows if r.key == "legal_basis").items
    assert text.startswith("Nghị định số 123/2015/NĐ-CP")
    expected = [data.documents[a["id"]]["number"] for a in data.documents["nd-123-2015-cp"]["amended_by"]]
    assert expected and note.startswith("được sửa đổi, bổ sung bởi ") and all(n in note for n in expected)


# ------------------------------------------------------------------ the QR code (pure)

@pytest.mark.parametrize("site_url, page_url, expected", [
    ("https://cchc.example.gov.vn/", "tai-lieu/niem-yet/to-niem-yet-mot-cua/",
     "https://cchc.example.gov.vn/tai-lieu/niem-yet/to-niem-yet-mot-cua/"),
    ("https://cchc.example.gov.vn/thu-nghiem", "en/thu-tuc/a/", "https://cchc.example.gov.vn/thu-nghiem/en/thu-tuc/a/"),
    ("https://cchc.example.gov.vn/thu-nghiem/", "/thu-tuc/a/", "https://cchc.example.gov.vn/thu-nghiem/thu-tuc/a/"),
    ("https://cchc.example.gov.vn/", "", "https://cchc.example.gov.vn/"),
    (None, "thu-tuc/a/", None),  # no site_url: no code rather than a code to a guessed host
    ("", "thu-tuc/a/", None),
])
def test_absolute_url(site_url, page_url, expected):
    assert qr.absolute_url(site_url, page_url) == expected


def _modules(svg: str) -> list[bytearray]:
    """The dark modules our SVG path draws, read back from its commands: `M x y.5` (move to),
    `m dx dy` (move by), `hN` (draw N modules to the right)."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    grid = [bytearray(b"\xff" * size) for _ in range(size)]
    path = svg.split('stroke="#000" d="', 1)[1].split('"', 1)[0]
    commands = re.findall(r"([Mmh])(-?\d+)(?: (-?\d+)(?:\.5)?)?", path)
    assert "".join(c + a + (f" {b}" if b else "") for c, a, b in commands) == path.replace(".5", "")  # nothing unread
    x = y = 0
    for cmd, a, b in commands:
        if cmd == "h":
            grid[y][x:x + int(a)] = b"\x00" * int(a)
            x += int(a)
        else:
            x, y = (int(a), int(b)) if cmd == "M" else (x + int(a), y + int(b))
    return grid


def test_qr_svg_draws_exactly_the_modules_zxing_made():
    """Every dark module and no other, for codes of many sizes (the path writer's run table is
    made per symbol width), against zxing-cpp's own image with its standard quiet zone."""
    import zxingcpp
    urls = ["https://cchc.example.gov.vn/thu-tuc/" + "dang-ky-khai-sinh-" * n + f"{n}/" for n in range(0, 40, 3)]
    for url in urls + [f"https://cchc.example.gov.vn/thu-tuc/the-{i}/" for i in range(100)]:
        image = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M").to_image(
            scale=1, add_quiet_zones=True)
        svg = qr.svg(url)
        assert b"".join(_modules(svg)) == bytes(memoryview(image)), url
        # Nothing after the last dark module: a trailing move would change the printed bytes
        # of most codes for no drawing (and every page's hash with them).
        assert re.search(r'd="[^"]*h\d+"/></svg>$', svg), url


def test_qr_svg_encodes_the_url_it_is_given():
    """Decoded by zxing-cpp's reader (a different code path from its writer) from the picture
    our own SVG path draws, scaled up as a print would be."""
    import zxingcpp
    for url in ("https://cchc.example.gov.vn/tai-lieu/niem-yet/to-niem-yet-mot-cua/",
                "https://cchc.example.gov.vn/thu-tuc/" + "dang-ky-khai-sinh-" * 6 + "cap-xa/"):
        svg = qr.svg(url)
        assert svg.startswith('<svg aria-hidden="true"') and "<script" not in svg and "http" not in svg
        grid, scale = _modules(svg), 4
        assert all(row[:4] == b"\xff" * 4 and row[-4:] == b"\xff" * 4 for row in grid)  # quiet zone
        pixels = b"".join(bytes(b for b in row for _ in range(scale)) * scale for row in grid)
        side = len(grid) * scale
        found = zxingcpp.read_barcode(memoryview(pixels).cast("B", (side, side)),
                                      formats=zxingcpp.BarcodeFormat.QRCode)
        assert found is not None and found.text == url and found.ec_level == "M"
    assert qr.svg(url + "x") != svg


def test_qr_figure_escapes_the_address():
    out = qr.figure('https://x.example/"><script>', "vi")
    assert "<script>" not in out and 'data-url="https://x.example/&quot;&gt;&lt;script&gt;"' in out


# ------------------------------------------------------------------ the built site, in Chromium

@pytest.fixture(scope="module")
def card_site(tmp_path_factory):
    """(tree root, base URL): a copy of the repository plus the fixture cards, built and served."""
    tree = tmp_path_factory.mktemp("procedure-tree")
    for name in TREE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tree / name)
    shutil.copytree(FIXTURE / "docs", tree / "docs", dirs_exist_ok=True)
    # As an editor adding pages does: record the new addresses in the manifest.
    subprocess.run([sys.executable, str(tree / "scripts" / "update_manifest.py"), "--root", str(tree)],
                   check=True, capture_output=True)
    dest = tmp_path_factory.mktemp("procedure-site")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SITE_URL", SITE_URL)
        result = build_site(dest, tree / "mkdocs.yml")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(dest)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tree, dest, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def url_of(src: str, lang: str = "vi") -> str:
    return site.url_for(lang, src)


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


def test_checker_accepts_the_fixture_tree(card_site):
    from cchc import check

    tree, _dest, _base = card_site
    problems, _counts = check.run(tree)
    ours = [str(p) for p in problems if p.path.startswith(("docs/vi/thu-tuc/", "data/procedures.yml"))]
    assert ours == []


def test_full_card_shows_every_field_on_a_phone(card_site, phone):
    _tree, _dest, base = card_site
    phone.goto(base + url_of(FULL))
    rows = phone.locator(".proc-card__row")
    assert rows.evaluate_all("rs => rs.map(r => r.dataset.field)") == list(procedure.ROWS)
    assert phone.locator(".proc-card__ask").count() == 0  # nothing missing: no "where to ask" line
    card = phone.locator(".proc-card").inner_text()
    for text in ("Nộp trực tiếp", "Trực tuyến một phần", "Cấp xã", "Hộ tịch", "9.999999", "Nơi nộp hồ sơ",
                 "Cơ quan giải quyết", "Ủy ban nhân dân các xã", "Nghị định số 42/2022/NĐ-CP",
                 "Thông tin đối chiếu ngày 23/11/2026"):
        assert text in card
    # Escaped exactly once: the characters show as written, not as markup or as '&amp;'.
    assert "giấy tờ tùy thân <bản gốc> & bản sao" in card
    button = phone.locator("a.proc-card__online")
    assert button.inner_text().strip() == "Làm trực tuyến"
    assert button.get_attribute("href").startswith("https://dichvucong.gov.vn/")
    box = button.bounding_box()
    assert box["height"] >= 48 and box["width"] >= 300, box  # thumb-sized, full width
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    # The body follows the card.
    assert phone.locator(".proc-card ~ h2#cac-buoc").count() == 1


def test_sparse_card_shows_what_is_known_and_where_to_ask(card_site, phone):
    _tree, _dest, base = card_site
    phone.goto(base + url_of(SPARSE))
    shown = phone.locator(".proc-card__row").evaluate_all("rs => rs.map(r => r.dataset.field)")
    assert shown == ["level"]  # no empty box for a fact without a source
    card = phone.locator(".proc-card").inner_text()
    assert PLACEHOLDER not in card and "fill-in" not in phone.locator(".proc-card").inner_html()
    ask = phone.locator(".proc-card__ask").inner_text()
    assert ask.startswith("Trang này chưa có: cách nộp hồ sơ,") and "Trung tâm Phục vụ hành chính công" in ask
    assert phone.locator("a.proc-card__online").count() == 0  # no portal link given: no button
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_card_prints_on_one_a4_sheet(card_site, browser):
    _tree, _dest, base = card_site
    page = browser.new_page()
    try:
        page.goto(base + url_of(FULL))
        pdf = page.pdf(format="A4")
    finally:
        page.close()
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)) == 1


def real_cards() -> list[str]:
    """The site's own cards (docs/vi/thu-tuc/, kind procedure), not the fixtures."""
    found = []
    for path in sorted((ROOT / "docs" / "vi" / "thu-tuc").glob("*.md")):
        if frontmatter.read(path.read_bytes()).meta.get("kind") == "procedure":
            found.append(f"thu-tuc/{path.name}")
    return found


def test_every_real_card_prints_on_one_a4_sheet(card_site, browser):
    """Cards are posted at the one-stop shop on one sheet: each real card must fit, not only the fixture."""
    cards = real_cards()
    assert cards, "không tìm thấy thẻ thủ tục nào trong docs/vi/thu-tuc/"
    _tree, _dest, base = card_site
    pages = {}
    page = browser.new_page()
    try:
        for src in cards:
            page.goto(base + url_of(src))
            pages[src] = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", page.pdf(format="A4")))
    finally:
        page.close()
    assert pages == {src: 1 for src in cards}


def test_printout_has_no_chrome_and_carries_the_qr_code(card_site, browser):
    _tree, dest, base = card_site
    page = browser.new_page()
    try:
        page.goto(base + url_of(POSTING))
        assert page.locator(".print-qr svg").is_hidden()  # screen: a note instead
        assert page.locator(".print-hint").is_visible()
        page.emulate_media(media="print")
        for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".site-contact", ".print-hint"):
            if page.locator(chrome).count():
                assert page.locator(chrome).first.is_hidden(), chrome
        assert page.locator(".print-qr svg").is_visible()
        box = page.locator(".print-qr svg").bounding_box()
        assert box["width"] >= 90, box  # about 25 mm: big enough to scan off a wall
    finally:
        page.close()
    # The code is made from this page's own absolute address, the same as its canonical link.
    html = (dest / url_of(POSTING).strip("/") / "index.html").read_text("utf-8")
    expected = SITE_URL + url_of(POSTING).lstrip("/")
    assert re.search(r'<figure class="print-qr"[^>]* data-url="([^"]+)"', html).group(1) == expected
    assert f'<link rel="canonical" href="{expected}">' in html
    assert qr.svg(expected) in html
    # No English version yet: no English copy either (cchc/english.py); an /en/ address
    # published before is a redirect to this page.
    assert not (_tree / "docs" / "en" / POSTING).exists()
    english = dest / url_of(POSTING, "en").strip("/") / "index.html"
    assert not english.exists() or "<!-- cchc:redirect -->" in english.read_text("utf-8")


def test_external_links_print_their_address(card_site, browser):
    _tree, _dest, base = card_site
    page = browser.new_page()
    try:
        page.goto(base + url_of(FULL))
        page.emulate_media(media="print")
        after = page.locator("a.proc-card__online").evaluate("a => getComputedStyle(a, '::after').content")
    finally:
        page.close()
    assert after == '" (https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=9.999999)"', after


# ------------------------------------------------------------------ what editors see instead

def test_health_lists_what_citizens_do_not_see(data):
    """Card rows without a source and md:fill markers reach no reader: scripts/health.py names
    them for the owning unit (cchc/health.py), with the same rule the card uses."""
    from cchc import health, markers

    lists, _ = procedure.load_lists(ROOT)
    meta = {"kind": "procedure", "unit": "ubnd-cac-xa-khanh-hoa-thuan-nam-cu",
            "procedure": {"level": "xa", "code": None, "checked": "2026-12-02"}}
    line = health.card_gaps(meta, data, lists)
    assert line.startswith("thẻ thủ tục chưa có: cách nộp hồ sơ, địa chỉ làm trực tuyến, giấy tờ cần mang,")
    assert "mã thủ tục" in line and "cấp thực hiện" not in line
    full = frontmatter.read(fixture_text(FULL).encode("utf-8")).meta
    assert health.card_gaps(full, data, lists) is None
    assert health.card_gaps({"kind": "article"}, data, lists) is None
    body = "Gọi <!-- md:fill số điện thoại đường dây nóng --> hoặc <!-- md:fill địa chỉ -->. <!-- md:glossary -->"
    assert health.fills(body) == "còn chỗ chờ điền (md:fill): số điện thoại đường dây nóng; địa chỉ"
    assert health.fills("Không có gì để điền.") is None
    page = site.PageRec(rel="docs/vi/thu-tuc/a.md", lang="vi", src="thu-tuc/a.md", url="thu-tuc/a/", meta=meta,
                        body=body, body_line=7, lines=[], problems=[])
    (found,) = health.findings([page], datetime.date(2026, 12, 2), {}, data)
    assert found.unit == "ubnd-cac-xa-khanh-hoa-thuan-nam-cu" and found.reasons == (line, health.fills(body))
    # And the reader's page: the marker expands to nothing, never "Chưa cập nhật".
    ctx = markers.Context(data, [], "vi", "thu-tuc/a.md")
    assert markers.expand(body, ctx).startswith("Gọi  hoặc . |")
