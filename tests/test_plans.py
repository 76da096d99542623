"""Plans as honest data (issue 10): any issuer, any period, sections the plan does not give,
coverage as progress, reports by first publication, messages that lead somewhere.

The fixture tree tests/fixtures/plans/ holds two real plans from outside the seeds, entered
as far as their published text goes and null beyond it:
- HIENTHANH25: UBND xã Hiền Thành (Vĩnh Linh, Quảng Trị), Kế hoạch 132-KH/UBND of 17/02/2025,
  known only from the commune portal's news item;
- BNV2025: Bộ Nội vụ's 2025 plan, issued by Quyết định 049/QĐ-BNV of 01/03/2025, of which only
  the opening (its "Căn cứ" and first goals) was read.
Each test breaks one rule on a copy of that tree and asserts the exact lines the checker
prints (Vietnamese, file and line). One small Vietnamese-only build shows the plan page.
"""
import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import traceback
from collections import Counter
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cchc import data as data_mod, markers, report, site
from conftest import build_site, load_script

ROOT = Path(__file__).resolve().parent.parent
TREE = Path(__file__).resolve().parent / "fixtures" / "plans"
HT = "data/plans/hien-thanh-2025.yml"
BNV = "data/plans/bo-noi-vu-2025.yml"
RADIO = "docs/vi/cai-cach-hanh-chinh/bai-phat-thanh.md"
NOT_SAID = "Kế hoạch không ghi"

check_cli = load_script("check")


@dataclass
class Result:
    code: int
    lines: list
    stderr: str


def run_main(root: Path, *args: str) -> Result:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = check_cli.main(["--root", str(root), *args])
        except Exception:  # noqa: BLE001 - shown as the CLI would print it, then asserted on
            traceback.print_exc()
            code = 1
    return Result(code, out.getvalue().splitlines(), err.getvalue())


@pytest.fixture
def tree(tmp_path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(TREE, root)
    return root


def edit(root: Path, rel: str, *subs) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    for old, new in subs:
        assert old in text, f"{old!r} not in {rel}"
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def line_of(rel: str, needle: str, root: Path = TREE) -> int:
    """1-based line of the first line of `rel` that contains `needle`."""
    for n, line in enumerate((root / rel).read_text("utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {rel}")


WARN_ND03 = (f"{HT}:{line_of(HT, 'id: HIENTHANH25-ND-03')}: Cảnh báo: Mục HIENTHANH25-ND-03 (Cải thiện môi trường đầu tư"
             " kinh doanh, hỗ trợ doanh nghiệp, góp phần nâng cao chỉ số PCI) chưa có trang nào thực hiện. Thêm"
             " 'HIENTHANH25-ND-03' vào plan_items của một trang trong docs/vi/")
WARN_HT0103 = (f"{HT}:{line_of(HT, 'id: HIENTHANH25-HT-01-03')}: Cảnh báo: Mục HIENTHANH25-HT-01-03 (Trang Thông tin"
               " điện tử của xã) chưa có trang nào thực hiện. Thêm 'HIENTHANH25-HT-01-03' vào plan_items của một"
               " trang loại news, article trong docs/vi/")


# ---------------------------------------------------------------- the real plans pass, with warnings

def test_real_plans_pass_with_only_warnings():
    """Nulls pass the schema; items no page carries yet are warnings, and warnings exit 0."""
    result = run_main(TREE)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.lines == [WARN_ND03, WARN_HT0103]
    assert result.code == 0
    assert result.stderr == "Đã kiểm tra 6 trang, 2 kế hoạch: không có lỗi, 2 cảnh báo.\n"


def test_strict_makes_warnings_fail():
    result = run_main(TREE, "--strict")
    assert (result.code, result.lines) == (1, [WARN_ND03, WARN_HT0103])
    assert "2 cảnh báo (--strict: cảnh báo cũng là lỗi)" in result.stderr


def test_github_format_prints_warnings_as_warnings_and_errors_as_errors(tree):
    edit(tree, RADIO, ("theme: cai-cach-hanh-chinh", "theme: cai-cach"))
    result = run_main(tree, "--format", "github")
    assert result.code == 1
    assert [line.split("::")[1] for line in result.lines] == [
        f"warning file=data/plans/hien-thanh-2025.yml,line={line_of(HT, 'id: HIENTHANH25-ND-03')}",
        f"warning file=data/plans/hien-thanh-2025.yml,line={line_of(HT, 'id: HIENTHANH25-HT-01-03')}",
        f"error file={RADIO},line=5",
    ]
    assert result.lines[0].endswith("::Mục HIENTHANH25-ND-03 (Cải thiện môi trường đầu tư kinh doanh, hỗ trợ doanh"
                                    " nghiệp, góp phần nâng cao chỉ số PCI) chưa có trang nào thực hiện. Thêm"
                                    " 'HIENTHANH25-ND-03' vào plan_items của một trang trong docs/vi/")


def test_cli_in_a_subprocess_exits_0_on_warnings():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--root", str(TREE)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert (proc.returncode, proc.stdout.splitlines()) == (0, [WARN_ND03, WARN_HT0103])


def test_plan_period():
    loaded, _ = data_mod.load(TREE)
    assert [data_mod.plan_period(p) for p in loaded.plans] == [(date(2025, 1, 1), date(2025, 12, 31))] * 2
    assert data_mod.plan_period({"period": {"from": "2025-07-01", "to": "2026-12-31"}}) == (date(2025, 7, 1),
                                                                                            date(2026, 12, 31))
    assert data_mod.plan_period({}) == (None, None)


# ---------------------------------------------------------------- the plan page says what the plan does not

def expand(plan_id: str, lang: str = "vi", root: Path = TREE) -> str:
    loaded, problems = data_mod.load(root)
    pages = site.discover(root)
    src = next(p.src for p in pages if p.meta and p.meta.get("plan") == plan_id)
    return markers.expand(f"<!-- md:plan {plan_id} -->", markers.Context(loaded, pages, lang, src))


def sections(markdown: str) -> dict:
    """'## Heading {#anchor}' -> the section's text, stripped."""
    out = {}
    for part in markdown.split("\n## ")[1:]:
        head, _, body = part.partition("\n")
        out[re.search(r"\{#([^}]+)\}", head).group(1)] = body.strip()
    return out


@pytest.mark.parametrize("plan_id, lang, silent, rows", [
    ("BNV2025", "vi", ["yeu-cau", "doi-tuong", "noi-dung", "hinh-thuc", "giai-phap", "phan-cong", "bao-cao"],
     ["Người ký"]),
    ("HIENTHANH25", "vi", ["muc-tieu", "doi-tuong", "giai-phap", "phan-cong", "bao-cao"], ["Người ký", "Căn cứ"]),
    ("BNV2025", "en", ["yeu-cau", "doi-tuong", "noi-dung", "hinh-thuc", "giai-phap", "phan-cong", "bao-cao"],
     ["Signed by"]),
])
def test_each_null_section_says_the_plan_does_not_say(plan_id, lang, silent, rows):
    words = NOT_SAID if lang == "vi" else "The plan does not say"
    text = expand(plan_id, lang)
    found = sections(text)
    assert sorted(a for a, body in found.items() if body == f"*{words}.*") == sorted(silent)
    assert sorted(re.findall(rf"^- \*\*(.+?):\*\* {words}$", text, re.M)) == sorted(rows)
    assert "0/0" not in text and "0 of 0" not in text  # no figure made of nothing


def test_items_sub_items_and_forms_outside_the_site():
    text = expand("HIENTHANH25")
    assert "**Tình hình thực hiện:** 3/5 mục đã có trang thực hiện" in text  # duties only
    for anchor in ("hienthanh25-ht-01-01", "hienthanh25-ht-01-02", "hienthanh25-ht-01-03", "hienthanh25-ht-01-04"):
        assert f"{{#{anchor}}}" in text  # stable anchors pages and portals can cite
    ht02 = text.split("{#hienthanh25-ht-02}")[1]
    assert "Trang web không thực hiện hình thức này" in ht02 and "Chưa có trang nào" not in ht02
    assert text.count("Chưa có trang nào thực hiện mục này.") == 2  # ND-03 and HT-01-03, nothing else
    assert "Văn bản kế hoạch đọc tại: <https://hienthanh.vinhlinh.quangtri.gov.vn/" in text


def test_two_duty_groups_of_one_unit_get_distinct_anchors(tree):
    edit(tree, HT, ("duties: null", "duties:\n"
                    "  - units: [ubnd-xa-hien-thanh]\n    tasks:\n      - text: Việc thứ nhất.\n"
                    "  - units: [ubnd-xa-hien-thanh]\n    tasks:\n      - text: Việc thứ hai.\n"
                    "  - units: [ubnd-xa-hien-thanh]\n    tasks:\n      - text: Việc thứ ba."))
    anchors = re.findall(r"\{#([^}]+)\}", expand("HIENTHANH25", root=tree))
    assert [a for a, n in Counter(anchors).items() if n > 1] == []
    assert [a for a in anchors if a.startswith("ubnd-")] == ["ubnd-xa-hien-thanh", "ubnd-xa-hien-thanh-2",
                                                             "ubnd-xa-hien-thanh-3"]


# ---------------------------------------------------------------- rules, each broken once

def _add_plan_copy(root: Path) -> None:
    """A second commune plan whose ids are closer to the typo than the right plan's are."""
    text = (root / HT).read_text("utf-8").replace("HIENTHANH25", "HIENTHANH24").replace("hien-thanh-2025", "hien-thanh-2024")
    (root / "data/plans/hien-thanh-2024.yml").write_text(text.replace("ND-03", "ND-04"), encoding="utf-8")


BROKEN = [
    pytest.param(
        [(HT, "year: 2025", "year: 2025\nperiod: {from: 2025-01-01, to: 2025-12-31}")],
        [f"{HT}:7: Kế hoạch phải ghi đúng một trong hai trường: 'year' (kế hoạch một năm, ví dụ year: 2025) hoặc"
         " 'period' (nhiều năm: period: {from: 2025-01-01, to: 2026-12-31})"],
        id="year-and-period",
    ),
    pytest.param(
        [(HT, "source_url: https://hienthanh.vinhlinh.quangtri.gov.vn/chi-tiet-tin/-/view-article/1/1688464872157/"
              "1740130062464\n", "")],
        [f"{HT}:7: Kế hoạch phải ghi nơi đọc được văn bản: 'source_url' (địa chỉ https://... của văn bản hoặc bản tin"
         " đăng kế hoạch) hoặc 'source_file' (tên tệp lưu văn bản)"],
        id="no-source",
    ),
    pytest.param(
        [(HT, "year: 2025", "year: 2025\nreplaces: HIENTHANH24")],
        [f"{HT}:16: replaces: không có kế hoạch mã 'HIENTHANH24' trong data/plans/. Các kế hoạch có: BNV2025,"
         " HIENTHANH25. Kế hoạch cũ chưa nhập thì bỏ dòng này và ghi vào 'note'"],
        id="replaces-an-unknown-plan",
    ),
    pytest.param(
        [(HT, "level: xa", "level: quan")],
        [f"{HT}:14: 'level': 'quan' không nằm trong các giá trị cho phép: trung-uong, tinh, huyen, xa"],
        id="level",
    ),
    pytest.param(
        [(HT, "id: HIENTHANH25-HT-01-02", "id: HIENTHANH25-HT-02-02")],
        [f"{HT}:{line_of(HT, 'HIENTHANH25-HT-01-02')}: Mã mục con 'HIENTHANH25-HT-02-02' phải bắt đầu bằng mã của mục"
         " 'HIENTHANH25-HT-01-', ví dụ HIENTHANH25-HT-01-02"],
        id="sub-item-id-outside-its-item",
    ),
    pytest.param(
        [(HT, "issuer: ubnd-xa-hien-thanh", "issuer: ubnd-xa-hien-than")],
        [f"{HT}:11: Đơn vị 'ubnd-xa-hien-than' không có trong data/units.yml (units). Có phải ý bạn là"
         " 'ubnd-xa-hien-thanh'? Các mã gần nhất: ubnd-xa-hien-thanh, bo-noi-vu. Nếu đây là mã mới, thêm nó vào data/units.yml"
         " trước"],
        id="unknown-unit-names-the-file",
    ),
    pytest.param(
        [(HT, "kinds: [radio-script]", "kinds: [radio]")],
        [f"{HT}:{line_of(HT, 'kinds: [radio-script]')}: Loại trang 'radio' không có trong data/taxonomy.yml (kinds)."
         " Các mã gần nhất: radio-script, home, section. Nếu đây là mã mới, thêm nó vào data/taxonomy.yml trước",
         f"{RADIO}:8: plan_items[1]: 'HIENTHANH25-HT-01-01' là một hình thức tuyên truyền; chỉ trang loại radio"
         " mới thực hiện được mục này, còn trang này là loại 'radio-script'. Đổi 'kind' hoặc bỏ mã này"],
        id="unknown-kind-names-the-file",
    ),
    pytest.param(
        [(HT, "themes: [chi-so]", "themes: [chiso]")],
        [f"{HT}:{line_of(HT, 'themes: [chi-so]')}: Chủ đề 'chiso' không có trong data/taxonomy.yml (themes). Có phải"
         " ý bạn là 'chi-so'? Các mã gần nhất: chi-so, cai-cach-hanh-chinh. Nếu đây là mã mới, thêm nó vào"
         " data/taxonomy.yml trước"],
        id="unknown-theme-names-the-file",
    ),
    pytest.param(
        [(RADIO, "plan_items: [HIENTHANH25-ND-01, HIENTHANH25-HT-01-01]",
          "plan_items: [HIENTHANH25-ND-01, HIENTHANH25-HT-01-01, HIENTHANH25-HT-02]")],
        [f"{RADIO}:8: plan_items[2]: 'HIENTHANH25-HT-02' là hình thức tuyên truyền mà trang web không thực hiện"
         " (Phóng sự, video clip, chuyên mục về cải cách hành chính): không trang nào thực hiện được mục này. Bỏ mã này"],
        id="page-cites-a-form-outside-the-site",
    ),
]


@pytest.mark.parametrize("subs, expected_errors", BROKEN)
def test_broken_rule(tree, subs, expected_errors):
    for rel, old, new in subs:
        edit(tree, rel, (old, new))
    result = run_main(tree)
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.lines if ": Cảnh báo: " not in line]
    assert errors == expected_errors
    assert result.code == 1


def test_unknown_item_suggestions_stay_in_its_plan(tree):
    """Another commune's HIENTHANH24-ND-04 is one letter away from the typo; it is never offered."""
    _add_plan_copy(tree)
    edit(tree, RADIO, ("plan_items: [HIENTHANH25-ND-01,", "plan_items: [HIENTHANH25-ND-04, HIENTHAN25-ND-01,"))
    errors = [line for line in run_main(tree).lines if ": Cảnh báo: " not in line]
    assert errors == [
        f"{RADIO}:8: plan_items[0]: 'HIENTHANH25-ND-04' không có trong kế hoạch HIENTHANH25"
        f" ({HT}). Có phải ý bạn là 'HIENTHANH25-ND-03'? Các mã hợp lệ: HIENTHANH25-ND-01, HIENTHANH25-ND-02,"
        " HIENTHANH25-ND-03, HIENTHANH25-HT-01, HIENTHANH25-HT-01-01, HIENTHANH25-HT-01-02, HIENTHANH25-HT-01-03,"
        " HIENTHANH25-HT-01-04, HIENTHANH25-HT-02",
        f"{RADIO}:8: plan_items[1]: 'HIENTHAN25-ND-01': không có kế hoạch mã 'HIENTHAN25' trong data/plans/. Mã mục"
        " bắt đầu bằng mã kế hoạch, các kế hoạch có: BNV2025, HIENTHANH24, HIENTHANH25",
    ]


def test_one_bad_unit_does_not_switch_page_checks_off(tree):
    """Before: a units.yml with one bad entry left data.units empty and every page check was
    skipped without a word. Now the entry is reported and left out; pages are still checked, and
    what names that unit is not called unknown a second time."""
    edit(tree, "data/units.yml", ("    name_en: Ministry of Home Affairs\n", ""))
    edit(tree, RADIO, ("theme: cai-cach-hanh-chinh", "theme: cai-cach"))
    result = run_main(tree)
    assert [line for line in result.lines if ": Cảnh báo: " not in line] == [
        "data/units.yml:9: Thiếu trường bắt buộc 'name_en' trong 'units[1]'. Thêm dòng 'name_en: ...'",
        f"{RADIO}:5: theme: 'cai-cach' không có trong data/taxonomy.yml (themes)."
        " Các mã hợp lệ: cai-cach-hanh-chinh, chi-so. Nếu đây là mã mới, thêm nó vào"
        " data/taxonomy.yml trước",
    ]


def test_a_broken_plan_does_not_hide_other_pages_marker_errors(tree):
    edit(tree, BNV, ("level: trung-uong", "level: bo"))
    edit(tree, "docs/vi/index.md", ("Các kế hoạch:", "<!-- md:plan HIENTHANH26 -->\n\nCác kế hoạch:"))
    errors = [line for line in run_main(tree).lines if ": Cảnh báo: " not in line]
    assert errors[0] == f"{BNV}:{line_of(BNV, 'level:')}: 'level': 'bo' không nằm trong các giá trị cho phép: trung-uong, tinh, huyen, xa"
    assert errors[1].startswith("docs/vi/index.md:7: md:plan: kế hoạch 'HIENTHANH26' không có trong data/plans/")
    assert len(errors) == 2  # the BNV2025 page's own marker is not reported again


# ---------------------------------------------------------------- reports: first publication, honest periods

def _report(root: Path, plan_id: str, start: date, end: date):
    loaded, _ = data_mod.load(root)
    result = report.build(loaded, site.discover(root), plan_id, start, end)
    return result, report.markdown(result, loaded), report.csv_text(result, loaded)


def test_report_counts_first_publication_not_updated(tree):
    h1, _md, _csv = _report(TREE, "HIENTHANH25", date(2025, 1, 1), date(2025, 6, 30))
    assert [(p.day, p.url) for p in h1.publications] == [
        ("2025-03-01", "/cai-cach-hanh-chinh/"), ("2025-04-10", "/chi-so/"),
        ("2025-05-05", "/cai-cach-hanh-chinh/bai-phat-thanh/"),  # updated 2026-01-15: still counted here
    ]
    assert [item["id"] for item, _k, _p in h1.items] == [  # the site's duties; no outside form, no null
        "HIENTHANH25-ND-01", "HIENTHANH25-ND-02", "HIENTHANH25-ND-03", "HIENTHANH25-HT-01-01", "HIENTHANH25-HT-01-03"]
    later, _md, _csv = _report(TREE, "HIENTHANH25", date(2025, 7, 1), date(2025, 12, 31))
    assert later.publications == []


def test_the_same_report_run_again_gives_the_same_rows(tree):
    first = _report(tree, "HIENTHANH25", date(2025, 1, 1), date(2025, 12, 31))
    # A year later the radio script is edited and its facts re-checked: `updated` moves.
    edit(tree, RADIO, ("updated: 2026-01-15", "updated: 2026-11-30"))
    edit(tree, "docs/vi/chi-so/index.md", ("updated: 2025-04-10", "updated: 2026-10-01"))
    again = _report(tree, "HIENTHANH25", date(2025, 1, 1), date(2025, 12, 31))
    assert again[1] == first[1] and again[2] == first[2]
    assert len(first[2].splitlines()) == 1 + 4 + 2  # header, 4 rows of pages, 2 items with nothing


def test_report_outside_the_plans_period_says_so():
    _r, md, _c = _report(TREE, "HIENTHANH25", date(2026, 1, 1), date(2026, 6, 30))
    assert ("> **Lưu ý:** Kỳ báo cáo nằm ngoài thời gian của kế hoạch (từ ngày 01/01/2025 đến ngày 31/12/2025):"
            " kế hoạch không đặt việc gì cho kỳ này.") in md
    _r, md, _c = _report(TREE, "HIENTHANH25", date(2025, 7, 1), date(2026, 6, 30))
    assert "> **Lưu ý:** Một phần kỳ báo cáo nằm ngoài thời gian của kế hoạch (từ ngày 01/01/2025" in md
    _r, md, _c = _report(TREE, "HIENTHANH25", date(2025, 1, 1), date(2025, 6, 30))
    assert "Lưu ý" not in md


def test_a_plan_with_no_items_reports_no_figures():
    result, md, csv_text = _report(TREE, "BNV2025", date(2025, 1, 1), date(2025, 12, 31))
    assert (result.items, result.units, result.publications) == ([], [], [])
    assert "Kế hoạch không ghi mục nội dung hay hình thức nào mà trang web thực hiện." in md
    assert "0/0" not in md and csv_text.splitlines() == [",".join(report.CSV_HEADER)]


def test_page_without_publication_date_is_listed_not_guessed(tree):
    edit(tree, "docs/vi/chi-so/index.md", ("published: 2025-04-10\n", ""))
    result, md, _c = _report(tree, "HIENTHANH25", date(2025, 1, 1), date(2025, 12, 31))
    assert result.undated == [("/chi-so/", "Các chỉ số cải cách")]
    assert "/chi-so/" not in [p.url for p in result.publications]
    assert "## Trang của kế hoạch chưa ghi ngày đăng" in md


# ---------------------------------------------------------------- built HTML

class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = Counter()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids[value] += 1

    handle_startendtag = handle_starttag


def duplicate_ids(html: str) -> list:
    parser = _Ids()
    parser.feed(html)
    return sorted(i for i, n in parser.ids.items() if n > 1)


def test_duplicate_id_detector_sees_duplicates():
    assert duplicate_ids('<h2 id="a">x</h2><p id="b"></p><h3 id="a">y</h3><img id="b"/>') == ["a", "b"]


def test_no_built_page_has_a_duplicate_id(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    bad = {str(p.relative_to(built_site)): d for p in pages if (d := duplicate_ids(p.read_text("utf-8")))}
    assert bad == {}


@pytest.fixture(scope="module")
def real_plan_site(tmp_path_factory) -> Path:
    """The repository copied, with the Hiền Thành plan, its unit and its page added; Vietnamese
    only (BUILD_EN=false), built once."""
    copy = tmp_path_factory.mktemp("plan-repo") / "repo"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", "site", "node_modules", "tests", "__pycache__",
                                                               ".pytest_cache"))
    shutil.copy2(TREE / HT, copy / HT)
    units = (TREE / "data/units.yml").read_text("utf-8")
    unit = units[units.index("  - id: ubnd-xa-hien-thanh"):units.index("  - id: bo-noi-vu")]
    path = copy / "data/units.yml"
    path.write_text(path.read_text("utf-8").rstrip("\n") + "\n" + unit, encoding="utf-8")
    shutil.copy2(TREE / "docs/vi/ke-hoach/hien-thanh-2025.md", copy / "docs/vi/ke-hoach/hien-thanh-2025.md")
    dest = tmp_path_factory.mktemp("plan-site")
    old = os.environ.get("BUILD_EN")
    os.environ["BUILD_EN"] = "false"
    try:
        result = build_site(dest, copy / "mkdocs.yml")
    finally:
        os.environ.pop("BUILD_EN") if old is None else os.environ.__setitem__("BUILD_EN", old)
    assert result.returncode == 0, f"build with the Hiền Thành plan failed:\n{result.stderr[-4000:]}"
    return dest


def test_built_plan_page_shows_what_the_plan_does_not_say(real_plan_site):
    html = (real_plan_site / "ke-hoach" / "hien-thanh-2025" / "index.html").read_text("utf-8")
    assert duplicate_ids(html) == []
    for anchor in ("muc-tieu", "doi-tuong", "giai-phap", "phan-cong", "bao-cao"):
        section = html.split(f'id="{anchor}"', 1)[1].split("<h2", 1)[0]
        assert f"<em>{NOT_SAID}.</em>" in section, anchor
    assert f"<strong>Người ký:</strong> {NOT_SAID}" in html
    assert 'id="hienthanh25-ht-01-03"' in html and "Trang web không thực hiện hình thức này" in html
    listing = (real_plan_site / "ke-hoach" / "index.html").read_text("utf-8")
    assert "Kế hoạch công tác tuyên truyền cải cách hành chính Nhà nước trên địa bàn xã Hiền Thành năm 2025" in listing


def test_a_multi_year_plan(tree):
    edit(tree, HT, ("year: 2025", "period: {from: 2025-02-17, to: 2026-06-30}"))
    assert run_main(tree).code == 0
    text = expand("HIENTHANH25", root=tree)
    assert '!!! warning "Kế hoạch 2025-2026"' in text and "Đây là kế hoạch giai đoạn 2025-2026." in text
    assert "- **Thời gian:** từ 17/02/2025 đến 30/06/2026" in text
    _r, md, _c = _report(tree, "HIENTHANH25", date(2026, 1, 1), date(2026, 6, 30))
    assert "Lưu ý" not in md and "- **Kế hoạch:** HIENTHANH25, Ủy ban nhân dân xã Hiền Thành, từ ngày 17/02/2025" in md
    _r, md, _c = _report(tree, "HIENTHANH25", date(2025, 1, 1), date(2025, 6, 30))
    assert "Một phần kỳ báo cáo nằm ngoài thời gian của kế hoạch (từ ngày 17/02/2025 đến ngày 30/06/2026)" in md


def test_the_plans_own_numbering_is_shown(tree):
    edit(tree, HT, ("  - id: HIENTHANH25-ND-02\n", "  - id: HIENTHANH25-ND-02\n    label: b\n"))
    assert run_main(tree).code == 0
    assert "*Theo kế hoạch, mục b:* Công tác chỉ đạo quyết liệt" in expand("HIENTHANH25", root=tree)
    assert "*In the plan's words (Vietnamese), item b:*" in expand("HIENTHANH25", "en", root=tree)
