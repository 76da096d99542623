"""Reports on a plan for a period (scripts/report.py over cchc/report.py), on the fixture tree
tests/fixtures/report/: a plan XX23 for 2023 that exists only there (a new plan is a new data
file, no code), another plan YY22 whose page must not be counted, and pages dated in and
around the first half of 2023, in both languages.
"""
import csv
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from cchc import data as data_mod, report, site

ROOT = Path(__file__).resolve().parent.parent
TREE = Path(__file__).resolve().parent / "fixtures" / "report"
CLI = ROOT / "scripts" / "report.py"
H1 = (date(2023, 1, 1), date(2023, 6, 30))


@pytest.fixture(scope="module")
def fixture_data():
    loaded, problems = data_mod.load(TREE)
    assert problems == []
    return loaded, site.discover(TREE)


def summary(pubs) -> list:
    return [(p.day, p.lang, p.kind, p.url) for p in pubs]


def test_items_list_what_was_published_in_the_period(fixture_data):
    result = report.build(*fixture_data, "XX23", *H1)
    assert [(item["id"], summary(pubs)) for item, _kind, pubs in result.items] == [
        ("XX23-ND-01", [
            ("2023-02-10", "vi", "hub", "/thu-tuc/"),
            ("2023-03-15", "vi", "article", "/thu-tuc/noi-nop-ho-so/"),
            ("2023-04-01", "en", "article", "/en/thu-tuc/noi-nop-ho-so/"),
            ("2023-06-30", "vi", "radio-script", "/tai-lieu/bai-phat-thanh/"),  # last day counts
        ]),  # not the news of 2023-07-02, although its `updated` is in June
        ("XX23-ND-02", [
            ("2023-03-15", "vi", "article", "/thu-tuc/noi-nop-ho-so/"),
            ("2023-04-01", "en", "article", "/en/thu-tuc/noi-nop-ho-so/"),
            ("2023-05-20", "vi", "news", "/tin-tuc/tin-thang-5/"),  # news: `date`, not `updated` (August)
            ("2023-05-21", "en", "news", "/en/tin-tuc/tin-thang-5/"),
        ]),
        ("XX23-ND-03", []),  # its training outline is dated 2022-12-31
        ("XX23-HT-01", [("2023-06-30", "vi", "radio-script", "/tai-lieu/bai-phat-thanh/")]),
        ("XX23-HT-02", []),  # the quiz is dated September
    ]
    assert [item["id"] for item in result.empty_items] == ["XX23-ND-03", "XX23-HT-02"]
    assert result.publications[1].items == ("XX23-ND-01", "XX23-ND-02")


def test_units_list_their_publications_and_duty_units_with_none(fixture_data):
    result = report.build(*fixture_data, "XX23", *H1)
    assert [(unit, [p.url for p in pubs]) for unit, pubs in result.units] == [
        ("phong-noi-vu-xx", ["/thu-tuc/noi-nop-ho-so/", "/en/thu-tuc/noi-nop-ho-so/", "/tin-tuc/tin-thang-5/",
                             "/en/tin-tuc/tin-thang-5/"]),
        ("phong-van-hoa-xx", ["/tai-lieu/bai-phat-thanh/"]),
        ("ubnd-cac-xa-xx", []),  # named in the plan's duties, published nothing (its page is YY22's)
        ("ubnd-xx", ["/thu-tuc/"]),
    ]


def test_other_plan_counts_only_its_own_pages(fixture_data):
    result = report.build(*fixture_data, "YY22", *H1)
    assert [(item["id"], summary(pubs)) for item, _kind, pubs in result.items] == [
        ("YY22-ND-01", [("2023-03-01", "vi", "article", "/tai-lieu/bai-viet-khac/")]),
        ("YY22-HT-01", [("2023-03-01", "vi", "article", "/tai-lieu/bai-viet-khac/")]),
    ]


def run(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CLI), *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=120, cwd=cwd)


def test_cli_writes_markdown_and_csv(tmp_path):
    proc = run("--root", str(TREE), "--plan", "XX23", "--from", "2023-01-01", "--to", "2023-06-30", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    md, csv_path = tmp_path / "bao-cao-xx-2023-2023-01-01-2023-06-30.md", tmp_path / "bao-cao-xx-2023-2023-01-01-2023-06-30.csv"
    assert proc.stdout.splitlines() == [str(md), str(csv_path)]
    assert proc.stderr == ""
    text = md.read_text("utf-8")
    assert text.startswith("# Báo cáo kết quả tuyên truyền trên trang web: Kế hoạch tuyên truyền thử năm 2023\n")
    assert "- **Kỳ báo cáo:** từ ngày 01/01/2023 đến ngày 30/06/2023 (tính cả hai ngày)" in text
    assert "| Tin tức | 1 | 1 | 2 |" in text and "| **Cộng** | **4** | **2** | **6** |" in text
    assert ("| 20/05/2023 | Tin tức | tiếng Việt | Phòng Nội vụ huyện Thử | Tin tháng năm | `/tin-tuc/tin-thang-5/` |"
            in text)
    assert text.endswith("## Các mục chưa có tài liệu nào được đăng trong kỳ\n\n"
                         "- XX23-ND-03: Quyền giám sát của người dân\n- XX23-HT-02: Cuộc thi tìm hiểu\n")
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no BOM: Excel would show the Vietnamese text garbled"
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == report.CSV_HEADER
    assert [(r[1], r[4], r[6], r[9], r[10]) for r in rows[1:]] == [
        ("XX23-ND-01", "2023-02-10", "tiếng Việt", "/thu-tuc/", ""),
        ("XX23-ND-01", "2023-03-15", "tiếng Việt", "/thu-tuc/noi-nop-ho-so/", ""),
        ("XX23-ND-01", "2023-04-01", "tiếng Anh", "/en/thu-tuc/noi-nop-ho-so/", ""),
        ("XX23-ND-01", "2023-06-30", "tiếng Việt", "/tai-lieu/bai-phat-thanh/", ""),
        ("XX23-ND-02", "2023-03-15", "tiếng Việt", "/thu-tuc/noi-nop-ho-so/", ""),
        ("XX23-ND-02", "2023-04-01", "tiếng Anh", "/en/thu-tuc/noi-nop-ho-so/", ""),
        ("XX23-ND-02", "2023-05-20", "tiếng Việt", "/tin-tuc/tin-thang-5/", ""),
        ("XX23-ND-02", "2023-05-21", "tiếng Anh", "/en/tin-tuc/tin-thang-5/", ""),
        ("XX23-ND-03", "", "", "", "chưa có tài liệu nào được đăng trong kỳ"),
        ("XX23-HT-01", "2023-06-30", "tiếng Việt", "/tai-lieu/bai-phat-thanh/", ""),
        ("XX23-HT-02", "", "", "", "chưa có tài liệu nào được đăng trong kỳ"),
    ]


USAGE = ("Cách dùng: python3 scripts/report.py --plan MÃ_KẾ_HOẠCH --from NĂM-THÁNG-NGÀY --to NĂM-THÁNG-NGÀY"
         " [--out THƯ_MỤC]")


@pytest.mark.parametrize("args,message", [
    (["--plan", "ZZ99", "--from", "2023-01-01", "--to", "2023-06-30"],
     "Không có kế hoạch 'ZZ99' trong data/plans/. Các kế hoạch có: YY22, XX23"),
    (["--plan", "XX23", "--from", "2023-02-30", "--to", "2023-06-30"],
     "--from '2023-02-30' không phải ngày hợp lệ. Viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2023-06-30"),
    (["--plan", "XX23", "--from", "2023-01-01", "--to", "30/06/2023"],
     "--to '30/06/2023' không phải ngày hợp lệ. Viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2023-06-30"),
    (["--plan", "XX23", "--from", "2023-07-01", "--to", "2023-06-30"],
     "Ngày bắt đầu (--from 2023-07-01) sau ngày kết thúc (--to 2023-06-30). Kỳ báo cáo phải bắt đầu trước khi kết"
     " thúc, ví dụ --from 2023-01-01 --to 2023-06-30"),
    (["--plan", "XX23"], f"Thiếu --from, --to. {USAGE}"),
    (["--plan", "XX23", "--from", "2023-01-01", "--to", "2023-06-30", "--thang", "6"],
     f"Tham số không đúng (không có tham số --thang 6). {USAGE}"),
])
def test_bad_arguments_give_one_vietnamese_line_and_exit_2(tmp_path, args, message):
    proc = run("--root", str(TREE), "--out", str(tmp_path), *args)
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", message + "\n")
    assert not list(tmp_path.iterdir()), "nothing is written on a bad argument"


def test_real_plans_report(tmp_path):
    """Every plan of the real data gives a report (smoke test: no traceback, both files)."""
    loaded, _problems = data_mod.load(ROOT)
    for plan in loaded.plans:
        first, last = data_mod.plan_period(plan)
        proc = run("--plan", plan["id"], "--from", first.isoformat(), "--to", last.isoformat(), "--out", str(tmp_path))
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
        assert len(list(tmp_path.glob(f"bao-cao-{plan['slug']}-*"))) == 2
