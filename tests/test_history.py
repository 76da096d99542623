"""Time in the data (issue 10 items 4-6): units that end, documents that are replaced, pages
that become records (`archived`), plans whose period is over.

The fixture tree tests/fixtures/history/ is a small site of its own: a district (ubnd-huyen-mau)
and its office ended on 30/06/2025 and two communes took over its area; a decree
(nd-01-2020-cp) was amended in 2022 and replaced from 01/07/2025; one radio script and one
procedure card are archived, a current card replaces the old one; the 2022 plan of the
district. It passes the checker on 2025-06-30 and on 2026-12-02. Every rule is shown by
breaking that tree once; "today" is always fixed (CCHC_TODAY), never the real date.
The build tests build the tree once (a few seconds) with the site's own hooks and templates.
"""
import functools
import http.server
import random
import re
import shutil
import string
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from cchc import check, data as data_mod, history, lifecycle, site
from conftest import ROOT, _QuietHandler, build_site, wait_for_search

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "history"
TODAY = "2026-12-02"
BEFORE = "2025-06-30"  # the last day of the district: nothing has ended yet

WAYS_OUT_UNIT = ("Trang này chưa là tư liệu nên không được ghi đơn vị đã thôi hoạt động. Có hai cách sửa: (1) cập nhật"
                 " trang cho đúng hiện nay: đổi '{field}' thành mã một đơn vị đang hoạt động trong data/units.yml"
                 " (ví dụ '{example}') và sửa nội dung trang theo đơn vị đó, hoặc (2) nếu trang chỉ còn là tư liệu"
                 " của thời trước, thêm dòng 'archived: 2025-07-01' vào phần khai báo (trang giữ địa chỉ, hiện dòng"
                 " 'Tư liệu' ở đầu trang)")


# ---------------------------------------------------------------- helpers

@pytest.fixture
def tree(tmp_path) -> Path:
    """A fresh copy of the history fixture's data and pages."""
    root = tmp_path / "tree"
    shutil.copytree(FIXTURE / "data", root / "data")
    shutil.copytree(FIXTURE / "docs", root / "docs")
    return root


def edit(root: Path, rel: str, *subs):
    path = root / rel
    text = path.read_text("utf-8")
    for old, new in subs:
        assert old in text, f"{old!r} not in {rel}"
        text = text.replace(old, new, 1)
    path.write_text(text, "utf-8")


def problems_on(root: Path, day: str, monkeypatch) -> list:
    monkeypatch.setenv(lifecycle.TODAY_ENV, day)
    problems, _counts = check.run(root)
    return [str(p) for p in problems]


# ---------------------------------------------------------------- pure rules

UNITS = {
    "a": {"id": "a", "valid_to": "2025-06-30", "succeeded_by": ["b", "c"]},
    "b": {"id": "b", "valid_to": "2026-01-31", "succeeded_by": "d"},  # a successor that ended too
    "c": {"id": "c"},
    "d": {"id": "d"},
    "office": {"id": "office", "valid_to": "2025-06-30", "part_of": "a"},
    "x": {"id": "x", "valid_to": "2025-06-30", "succeeded_by": "y"},  # a cycle in bad data
    "y": {"id": "y", "valid_to": "2025-06-30", "succeeded_by": "x"},
}


def test_a_unit_ends_the_day_after_valid_to():
    assert not lifecycle.unit_ended(UNITS["a"], date(2025, 6, 30))
    assert lifecycle.unit_ended(UNITS["a"], date(2025, 7, 1))
    assert not lifecycle.unit_ended(UNITS["c"], date(2099, 1, 1))


def test_successors_are_followed_to_the_bodies_of_that_day():
    assert lifecycle.successors(UNITS, "a", date(2025, 7, 1)) == ["b", "c"]
    assert lifecycle.successors(UNITS, "a", date(2026, 12, 2)) == ["d", "c"]
    assert lifecycle.successors(UNITS, "a", date(2025, 6, 30)) == []
    assert lifecycle.area_successors(UNITS, "office", date(2026, 12, 2)) == ("a", ["d", "c"])
    assert lifecycle.successors(UNITS, "x", date(2026, 12, 2)) == []  # stops, check_data reports it


def test_replacements_apply_from_their_date_and_follow_chains():
    docs = {"old": {"replaced_by": {"id": "mid", "from": "2025-07-01"}},
            "mid": {"replaced_by": {"id": "new", "from": "2026-01-01"}, "amended_by": [{"id": "am", "from": "2025-08-01"}]},
            "new": {}, "am": {}}
    assert lifecycle.replacement(docs, "old", date(2025, 6, 30)) is None
    assert lifecycle.replacement(docs, "old", date(2025, 7, 1)) == "mid"
    assert lifecycle.replacement(docs, "old", date(2026, 12, 2)) == "new"
    assert lifecycle.replacement(docs, "new", date(2026, 12, 2)) is None
    assert lifecycle.amendments(docs["mid"], date(2025, 7, 31)) == []
    assert lifecycle.amendments(docs["mid"], date(2025, 8, 1)) == ["am"]


def test_plan_period_from_year_or_period():
    assert lifecycle.plan_period({"year": 2022}) == (date(2022, 1, 1), date(2022, 12, 31))
    plan = {"period": {"from": "2021-01-01", "to": "2025-12-31"}}
    assert lifecycle.plan_period(plan) == (date(2021, 1, 1), date(2025, 12, 31))
    assert not lifecycle.plan_ended(plan, date(2025, 12, 31))
    assert lifecycle.plan_ended(plan, date(2026, 1, 1))


def test_archived_from_its_date(monkeypatch):
    meta = {"archived": "2025-07-01"}
    assert not lifecycle.is_archived(meta, date(2025, 6, 30))
    assert lifecycle.is_archived(meta, date(2025, 7, 1))
    assert not lifecycle.is_archived({"archived": "2025-02-30"}, date(2026, 1, 1))  # the schema reports it
    monkeypatch.setenv(lifecycle.TODAY_ENV, "2026-12-02")
    assert lifecycle.today() == date(2026, 12, 2)
    monkeypatch.setenv(lifecycle.TODAY_ENV, "2026-13-01")
    with pytest.raises(ValueError, match="CCHC_TODAY='2026-13-01' không phải ngày hợp lệ"):
        lifecycle.today()


# ---------------------------------------------------------------- the checker

@pytest.mark.parametrize("day", [BEFORE, TODAY])
def test_fixture_passes_before_and_after_the_change(tree, monkeypatch, day):
    assert problems_on(tree, day, monkeypatch) == []


def test_ended_unit_and_replaced_document_on_a_current_page(tree, monkeypatch):
    """The archived radio script made current again: its office ended, its decree was replaced.
    The amended decree it also cites is no error."""
    edit(tree, "docs/vi/tai-lieu/phat-thanh-cu.md", ("archived: 2025-07-01\n", ""))
    assert problems_on(tree, BEFORE, monkeypatch) == []  # the same page was right on 30/06/2025
    assert problems_on(tree, TODAY, monkeypatch) == [
        "docs/vi/tai-lieu/phat-thanh-cu.md:7: unit: đơn vị 'phong-noi-vu-mau' (Phòng Nội vụ huyện Mẫu) chỉ hoạt"
        " động đến hết ngày 30/06/2025 (valid_to trong data/units.yml); đơn vị thuộc 'ubnd-huyen-mau' (UBND huyện"
        " Mẫu), địa bàn nay do 'ubnd-xa-dong' (UBND xã Đông Mẫu), 'ubnd-xa-tay' (UBND xã Tây Mẫu) phụ trách. "
        + WAYS_OUT_UNIT.format(field="unit", example="ubnd-xa-dong"),
        "docs/vi/tai-lieu/phat-thanh-cu.md:9: sources[0]: văn bản 'nd-01-2020-cp' (Nghị định số 01/2020/NĐ-CP ngày"
        " 05/01/2020 của Chính phủ) đã được thay thế từ ngày 01/07/2025 bằng 'nd-02-2025-cp' (Nghị định số"
        " 02/2025/NĐ-CP ngày 09/06/2025 của Chính phủ) (replaced_by trong data/documents.yml). Trang này chưa là"
        " tư liệu nên không được dựa vào văn bản đã bị thay thế. Sửa 'nd-01-2020-cp' thành 'nd-02-2025-cp' và"
        " đối chiếu nội dung trang với văn bản mới; hoặc, nếu trang chỉ còn là tư liệu của thời trước, thêm dòng"
        " 'archived: 2025-07-01' vào phần khai báo",
    ]


def test_ended_agency_and_replaced_legal_basis_on_a_card(tree, monkeypatch):
    edit(tree, "docs/vi/thu-tuc/khai-sinh.md", ("  agency: ubnd-xa-dong", "  agency: ubnd-huyen-mau"),
         ("  legal_basis: [nd-02-2025-cp]", "  legal_basis: [nd-03-2022-cp, nd-01-2020-cp]"))
    found = problems_on(tree, TODAY, monkeypatch)
    assert [p.split(": ", 2)[:2] for p in found] == [
        ["docs/vi/thu-tuc/khai-sinh.md:14", "procedure.agency"],
        ["docs/vi/thu-tuc/khai-sinh.md:15", "procedure.legal_basis[1]"],
    ]
    assert "việc của đơn vị nay do 'ubnd-xa-dong' (UBND xã Đông Mẫu), 'ubnd-xa-tay' (UBND xã Tây Mẫu) đảm nhận" in found[0]
    assert "bằng 'nd-02-2025-cp'" in found[1]
    assert problems_on(tree, BEFORE, monkeypatch) == []


def test_a_translation_is_judged_too_unless_its_original_is_archived(tree, monkeypatch):
    (tree / "docs/en/tai-lieu").mkdir(parents=True, exist_ok=True)
    english = (tree / "docs/vi/tai-lieu/phat-thanh-cu.md").read_text("utf-8").replace("archived: 2025-07-01\n", "")
    english += "\nThe English translation.\n"  # a twin that is only the Vietnamese text is an error of its own
    (tree / "docs/en/tai-lieu/phat-thanh-cu.md").write_text(english, "utf-8")
    assert problems_on(tree, TODAY, monkeypatch) == []  # its Vietnamese original is archived
    edit(tree, "docs/vi/tai-lieu/phat-thanh-cu.md", ("archived: 2025-07-01\n", ""))
    found = problems_on(tree, TODAY, monkeypatch)
    assert sorted({p.split(":", 1)[0] for p in found}) == ["docs/en/tai-lieu/phat-thanh-cu.md",
                                                           "docs/vi/tai-lieu/phat-thanh-cu.md"]


def test_archived_in_the_future_is_not_archived_yet(tree, monkeypatch):
    edit(tree, "docs/vi/tai-lieu/phat-thanh-cu.md", ("archived: 2025-07-01", "archived: 2027-01-01"))
    found = problems_on(tree, TODAY, monkeypatch)
    assert [p.split(": ")[1] for p in found] == ["unit", "sources[0]"]


@pytest.mark.parametrize("subs, expected", [
    ((("superseded_by: thu-tuc/khai-sinh.md", "superseded_by: thu-tuc/khai-sinh-moi.md"),),
     "docs/vi/thu-tuc/khai-sinh-2022.md:12: superseded_by: không có trang docs/vi/thu-tuc/khai-sinh-moi.md. Có phải"
     " ý bạn là 'thu-tuc/khai-sinh.md'? Ghi đường dẫn tệp tính từ docs/vi/, ví dụ thu-tuc/dang-ky-khai-sinh.md"),
    ((("superseded_by: thu-tuc/khai-sinh.md", "superseded_by: tai-lieu/phat-thanh-cu.md"),),
     "docs/vi/thu-tuc/khai-sinh-2022.md:12: superseded_by: trang 'tai-lieu/phat-thanh-cu.md' cũng đã là tư liệu"
     " (archived). Ghi trang hiện hành mà người đọc nên dùng thay"),
    ((("superseded_by: thu-tuc/khai-sinh.md", "superseded_by: thu-tuc/khai-sinh-2022.md"),),
     "docs/vi/thu-tuc/khai-sinh-2022.md:12: superseded_by: 'thu-tuc/khai-sinh-2022.md' là chính trang này. Ghi"
     " trang hiện hành thay cho nó"),
    ((("superseded_by: thu-tuc/khai-sinh.md", "superseded_by: '../khai-sinh'"),),
     "docs/vi/thu-tuc/khai-sinh-2022.md:12: 'superseded_by': '../khai-sinh' không đúng định dạng"),
])
def test_superseded_by_points_to_a_real_current_page(tree, monkeypatch, subs, expected):
    edit(tree, "docs/vi/thu-tuc/khai-sinh-2022.md", *subs)
    found = problems_on(tree, TODAY, monkeypatch)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_superseded_by_needs_archived(tree, monkeypatch):
    edit(tree, "docs/vi/thu-tuc/khai-sinh.md", ("updated: 2026-11-23\n", "updated: 2026-11-23\nsuperseded_by: tai-lieu/phat-thanh-moi.md\n"))
    assert problems_on(tree, TODAY, monkeypatch) == [
        "docs/vi/thu-tuc/khai-sinh.md:11: superseded_by chỉ dùng cho trang đã là tư liệu: thêm dòng 'archived:"
        " NĂM-THÁNG-NGÀY' (ngày trang thôi là thông tin hiện hành), hoặc bỏ dòng superseded_by"]


@pytest.mark.parametrize("rel, subs, expected", [
    ("data/units.yml", [("succeeded_by: [ubnd-xa-dong, ubnd-xa-tay]", "succeeded_by: [ubnd-xa-dong, ubnd-xa-bac]")],
     ["data/units.yml:11: succeeded_by: 'ubnd-xa-bac' không có trong data/units.yml. Có phải ý bạn là 'ubnd-xa-tay'?"]),
    ("data/units.yml", [("    lifecycle_sources: [nq-01-2025-sap-xep]\n  - id: phong", "  - id: phong")],
     ["data/units.yml:10: Đơn vị 'ubnd-huyen-mau' ghi valid_to, succeeded_by nhưng không ghi văn bản nào làm căn"
      " cứ. Thêm 'lifecycle_sources: [mã văn bản]' (mã trong data/documents.yml, ví dụ nghị quyết sắp xếp đơn vị"
      " hành chính)"]),
    ("data/units.yml", [("    valid_to: 2025-06-30\n    succeeded_by", "    succeeded_by")],
     ["data/units.yml:10: Đơn vị 'ubnd-huyen-mau' có succeeded_by nhưng thiếu valid_to (ngày cuối cùng đơn vị hoạt"
      " động, ví dụ 2025-06-30). Thêm dòng 'valid_to: ...'"]),
    ("data/units.yml", [("    valid_from: 2025-07-01\n", "    valid_from: 2025-07-01\n    valid_to: 2025-01-01\n")],
     ["data/units.yml:29: Đơn vị 'ubnd-xa-dong': valid_from (01/07/2025) sau valid_to (01/01/2025). Kiểm tra lại"
      " hai ngày này"]),
    ("data/units.yml", [("    valid_from: 2025-07-01\n", "    valid_to: 2025-06-30\n    succeeded_by: ubnd-huyen-mau\n")],
     ["data/units.yml:11: Đơn vị 'ubnd-huyen-mau': chuỗi succeeded_by quay vòng về chính nó. Mỗi đơn vị chỉ ghi"
      " đơn vị nhận việc sau nó",
      "data/units.yml:29: Đơn vị 'ubnd-xa-dong': chuỗi succeeded_by quay vòng về chính nó. Mỗi đơn vị chỉ ghi đơn"
      " vị nhận việc sau nó"]),
    ("data/documents.yml", [("replaced_by: {id: nd-02-2025-cp", "replaced_by: {id: nd-02-2025-nd")],
     ["data/documents.yml:12: replaced_by: 'nd-02-2025-nd' không có trong data/documents.yml. Có phải ý bạn là"
      " 'nd-02-2025-cp'? Thêm văn bản mới vào data/documents.yml trước"]),
    ("data/units.yml", [("succeeded_by: [ubnd-xa-dong, ubnd-xa-tay]", "succeeded_by: [ubnd-huyen-mau]")],
     ["data/units.yml:11: Đơn vị 'ubnd-huyen-mau': succeeded_by không được là chính nó. Ghi mã đơn vị đã nhận lại"
      " việc của đơn vị này"]),
    ("data/documents.yml", [("replaced_by: {id: nd-02-2025-cp", "replaced_by: {id: nd-01-2020-cp")],
     ["data/documents.yml:12: Văn bản 'nd-01-2020-cp': replaced_by không được là chính nó"]),
    ("data/documents.yml", [("{id: nd-03-2022-cp, from:", "{id: nd-01-2020-cp, from:")],
     ["data/documents.yml:11: Văn bản 'nd-01-2020-cp': amended_by[0] không được là chính nó"]),
])
def test_lifecycle_data_is_cross_checked(tree, monkeypatch, rel, subs, expected):
    edit(tree, rel, *subs)
    found = [p for p in problems_on(tree, TODAY, monkeypatch) if p.startswith("data/")]
    assert found == expected


def test_a_bare_on_key_is_refused_not_read_as_true(tree, monkeypatch):
    """YAML 1.1 reads `on:` as the boolean true: the date field is named `from` for that reason."""
    edit(tree, "data/documents.yml", ("{id: nd-02-2025-cp, from: 2025-07-01}", "{id: nd-02-2025-cp, on: 2025-07-01}"))
    found = problems_on(tree, TODAY, monkeypatch)
    assert "data/documents.yml:12: Thiếu trường bắt buộc 'from' trong 'documents[0].replaced_by'. Thêm dòng 'from: ...'" in found


def test_cli_exits_1_with_one_line_per_problem_and_a_bad_today_is_said_once(tree):
    edit(tree, "docs/vi/thu-tuc/khai-sinh.md", ("  agency: ubnd-xa-dong", "  agency: phong-noi-vu-mau"))
    cli = [sys.executable, str(ROOT / "scripts" / "check.py"), "--root", str(tree)]
    env = {"PATH": "/usr/bin:/bin", lifecycle.TODAY_ENV: TODAY}
    result = subprocess.run(cli, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.startswith("docs/vi/thu-tuc/khai-sinh.md:14: procedure.agency: đơn vị 'phong-noi-vu-mau'")
    assert len(result.stdout.splitlines()) == 1
    result = subprocess.run(cli, capture_output=True, text=True, env=dict(env, CCHC_TODAY="2/12/2026"), timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [
        "CCHC_TODAY:1: CCHC_TODAY='2/12/2026' không phải ngày hợp lệ. Viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-12-02"]


# ---------------------------------------------------------------- unseen data

def _rid(rng, prefix):
    return prefix + "-" + "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(rng.randint(3, 9)))


@pytest.mark.parametrize("seed", range(6))
def test_rules_hold_on_generated_units_and_documents(tmp_path, monkeypatch, seed):
    """Random ids, random chain lengths and dates: the error names exactly the bodies and the
    document in force on the day, at the lines of the fields; archiving the page clears it;
    the banner names the same bodies and document."""
    rng = random.Random(seed)
    root = tmp_path / "tree"
    shutil.copytree(FIXTURE / "data", root / "data")
    shutil.copytree(FIXTURE / "docs", root / "docs")
    units = yaml.safe_load((root / "data/units.yml").read_text("utf-8"))
    docs = yaml.safe_load((root / "data/documents.yml").read_text("utf-8"))
    source = "nq-01-2025-sap-xep"
    day = date(2026, 12, 2)
    # A chain of ended units, each handing on to the next; the last hands on to 1-3 current ones.
    chain = [_rid(rng, "dv") for _ in range(rng.randint(1, 4))]
    current = [_rid(rng, "xa") for _ in range(rng.randint(1, 3))]
    for i, uid in enumerate(chain):
        end = date(2020 + i, rng.randint(1, 12), rng.randint(1, 28))
        nxt = chain[i + 1] if i + 1 < len(chain) else (current if len(current) > 1 or rng.random() < 0.5 else current[0])
        units["units"].append({"id": uid, "name": f"Đơn vị {uid}", "short": uid.upper(), "name_en": uid,
                               "province": "Tỉnh Thử", "level": rng.choice(["tinh", "huyen", "xa"]),
                               "valid_to": end.isoformat(), "succeeded_by": nxt, "lifecycle_sources": [source]})
    for uid in current:
        units["units"].append({"id": uid, "name": f"Đơn vị {uid}", "short": uid.upper(), "name_en": uid,
                               "province": "Tỉnh Thử", "level": "xa"})
    doc_chain = [_rid(rng, "vb") for _ in range(rng.randint(2, 4))]
    for i, did in enumerate(doc_chain):
        entry = {"id": did, "type": "nghi-dinh", "number": f"{i + 1}/{2010 + i}/NĐ-CP", "issuer": "Chính phủ",
                 "issued_on": f"{2010 + i}-01-01", "subject": f"Văn bản {did}", "cited_by": []}
        if i + 1 < len(doc_chain):
            entry["replaced_by"] = {"id": doc_chain[i + 1], "from": f"{2011 + i}-0{rng.randint(1, 9)}-01"}
        docs["documents"].append(entry)
    (root / "data/units.yml").write_text(yaml.safe_dump(units, allow_unicode=True, sort_keys=False), "utf-8")
    (root / "data/documents.yml").write_text(yaml.safe_dump(docs, allow_unicode=True, sort_keys=False), "utf-8")
    page = root / "docs/vi/tai-lieu/bai-moi.md"
    page.write_text("\n".join([
        "---", "title: Bài phát thanh sinh ngẫu nhiên", "description: Một bài phát thanh được sinh ra để thử các quy tắc về thời gian.",
        "kind: radio-script", "theme: thu-tuc", "audience: [nguoi-dan]", f"unit: {chain[0]}", "plan_items: [MU22-HT-01]",
        f"sources: [nd-02-2025-cp, {doc_chain[0]}]", "updated: 2026-11-23", "---", "", "Kính thưa bà con.", ""]), "utf-8")

    found = problems_on(root, TODAY, monkeypatch)
    assert len(found) == 2, found
    names = ", ".join(f"'{u}' ({u.upper()})" for u in current)
    assert found[0].startswith(f"docs/vi/tai-lieu/bai-moi.md:7: unit: đơn vị '{chain[0]}' ({chain[0].upper()}) chỉ hoạt động")
    assert f"việc của đơn vị nay do {names} đảm nhận" in found[0]
    assert f"(ví dụ '{current[0]}')" in found[0]
    assert found[1].startswith(f"docs/vi/tai-lieu/bai-moi.md:9: sources[1]: văn bản '{doc_chain[0]}'")
    assert f"Sửa '{doc_chain[0]}' thành '{doc_chain[-1]}'" in found[1]

    loaded, _ = data_mod.load(root)
    banner = history.Banner(loaded, site.discover(root), day)
    assert banner.html("vi", "tai-lieu/bai-moi.md", "tai-lieu/bai-moi/") == ""  # a current page has none
    text = page.read_text("utf-8").replace("updated: 2026-11-23", "updated: 2026-11-23\narchived: 2026-01-01")
    page.write_text(text, "utf-8")
    assert problems_on(root, TODAY, monkeypatch) == []
    loaded, _ = data_mod.load(root)
    html = history.Banner(loaded, site.discover(root), day).html("vi", "tai-lieu/bai-moi.md", "tai-lieu/bai-moi/")
    assert html.startswith('<div class="admonition warning cchc-record"><p class="admonition-title">Tư liệu</p>')
    for uid in current:
        assert f"Đơn vị {uid}" in html
    assert f"{len(doc_chain)}/{2010 + len(doc_chain) - 1}/NĐ-CP" in html  # the document in force today
    assert "Từ ngày 01/01/2026, trang chỉ còn là tư liệu" in html


# ---------------------------------------------------------------- the built fixture site

@pytest.fixture(scope="module")
def history_site(tmp_path_factory):
    """(site folder, base URL): the fixture tree built on 2026-12-02 and served."""
    dest = tmp_path_factory.mktemp("history-site")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(lifecycle.TODAY_ENV, TODAY)
        result = build_site(dest, FIXTURE / "mkdocs.yml")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(dest)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield dest, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def page_html(site_dir: Path, url: str) -> str:
    return (site_dir / url.strip("/") / "index.html").read_text("utf-8")


def article(text: str) -> str:
    return text[text.index("<article"):text.index("</article>")]


BANNER = re.compile(r'<div class="admonition warning cchc-record"><p class="admonition-title">(.*?)</p>(.*?)</div>')


def banner_of(site_dir, url):
    found = BANNER.findall(article(page_html(site_dir, url)))
    assert len(found) <= 1
    return found[0] if found else None


@pytest.mark.parametrize("url, label, words", [
    ("/tai-lieu/phat-thanh-cu/", "Tư liệu", [
        'Trang này được viết để thực hiện <a href="../../ke-hoach/mau-2022/">Kế hoạch tuyên truyền thử của huyện Mẫu năm 2022</a>.',
        "Từ ngày 01/07/2025, trang chỉ còn là tư liệu",
        "địa bàn nay do Ủy ban nhân dân xã Đông Mẫu và Ủy ban nhân dân xã Tây Mẫu phụ trách",
        "Nghị định số 01/2020/NĐ-CP ngày 05/01/2020 của Chính phủ đã được thay thế bằng Nghị định số 02/2025/NĐ-CP"]),
    ("/thu-tuc/khai-sinh-2022/", "Tư liệu", ['Thông tin hiện hành: <a href="../khai-sinh/">Đăng ký khai sinh hiện nay</a>.']),
    ("/en/tai-lieu/phat-thanh-cu/", "Record", [
        'This page was written to carry out <a href="../../ke-hoach/mau-2022/">Mau District test communication plan 2022</a>.',
        "Since 01/07/2025 it is a record of the past",
        "its area is now served by Dong Mau Commune People&#x27;s Committee and Tay Mau Commune People&#x27;s Committee"]),
    ("/ke-hoach/mau-2022/", "Tư liệu", [
        "Đây là kế hoạch của năm 2022.", "Kế hoạch đã hết thời hạn",
        "Ủy ban nhân dân huyện Mẫu hoạt động đến hết ngày 30/06/2025; địa bàn nay do Ủy ban nhân dân xã Đông Mẫu và"
        " Ủy ban nhân dân xã Tây Mẫu phụ trách."]),
    ("/en/ke-hoach/mau-2022/", "Record", [
        "This is the plan for 2022.",
        "its area is now served by Dong Mau Commune People&#x27;s Committee and Tay Mau Commune People&#x27;s Committee."]),
])
def test_banner_says_what_it_was_for_and_what_replaced_it(history_site, url, label, words):
    site_dir, _base = history_site
    found = banner_of(site_dir, url)
    assert found is not None, f"{url}: no banner"
    assert found[0] == label
    for w in words:
        assert w in found[1], f"{url}: {w!r} not in banner {found[1]!r}"
    for href in re.findall(r'href="([^"]+)"', found[1]):  # every link in it leads to a built page
        assert (site_dir / url.strip("/") / href / "index.html").resolve().is_file(), href


def test_banner_comes_first(history_site):
    site_dir, _base = history_site
    card = article(page_html(site_dir, "/thu-tuc/khai-sinh-2022/"))
    assert card.index("cchc-record") < card.index('class="proc-card"'), "the banner must be above the card"
    english = article(page_html(site_dir, "/en/tai-lieu/phat-thanh-cu/"))  # the translation of an archived page
    assert english.index("cchc-record") < english.index("Dear listeners"), "the banner must be above the text"


@pytest.mark.parametrize("url", ["/thu-tuc/khai-sinh/", "/tai-lieu/phat-thanh-moi/", "/chu-de/", "/", "/en/"])
def test_current_pages_have_no_banner(history_site, url):
    assert banner_of(history_site[0], url) is None


@pytest.mark.parametrize("url, current, archived", [
    ("/thu-tuc/", "khai-sinh/", "khai-sinh-2022/"),
    ("/tai-lieu/", "phat-thanh-moi/", "phat-thanh-cu/"),
    ("/chu-de/", "../tai-lieu/phat-thanh-moi/", "../tai-lieu/phat-thanh-cu/"),
    # Untranslated cards are linked, not copied, from the English catalogue (cchc/english.py).
    ("/en/thu-tuc/", "../../thu-tuc/khai-sinh/", "../../thu-tuc/khai-sinh-2022/"),
])
def test_archived_pages_leave_the_lists_a_citizen_acts_on(history_site, url, current, archived):
    site_dir, _base = history_site
    text = page_html(site_dir, url)
    links = re.findall(r'href="([^"]+)"', article(text))
    assert current in links and archived not in links, links
    assert f'href="{archived}"' not in text, "still linked from the page (its sidebar)"
    assert (site_dir / url.strip("/") / archived / "index.html").resolve().is_file(), "the address must keep working"


def test_search_result_is_labelled_as_a_record(history_site, browser):
    site_dir, base = history_site
    page = browser.new_page()
    try:
        query = "bo phan mot cua huyen"
        page.goto(f"{base}/?q={quote(query)}", wait_until="load")
        wait_for_search(page, query, 20000)
        titles = page.eval_on_selector_all(".md-search-result__item > a h1", "hs => hs.map(h => h.textContent)")
        urls = page.eval_on_selector_all(".md-search-result__item > a", "as => as.map(a => new URL(a.href).pathname)")
    finally:
        page.close()
    assert "/tai-lieu/phat-thanh-cu/" in urls, urls
    assert titles[urls.index("/tai-lieu/phat-thanh-cu/")] == "Tư liệu: Bài phát thanh về bộ phận một cửa huyện"
    for title, url in zip(titles, urls):  # current pages carry no label
        assert title.startswith("Tư liệu: ") == (url in ("/tai-lieu/phat-thanh-cu/", "/thu-tuc/khai-sinh-2022/",
                                                         "/ke-hoach/mau-2022/")), (title, url)


# ---------------------------------------------------------------- the real site

def test_real_plan_pages_whose_year_is_over_carry_the_banner(built_site):
    """Both 2022 plans ended on 31/12/2022: their pages are records on any later build."""
    plans = [p for p in site.discover(ROOT) if p.meta and p.meta.get("kind") == "plan"]
    assert plans, "no plan page in docs/"
    for page in plans:
        found = banner_of(built_site, page.url)
        assert found is not None and found[0] == ("Tư liệu" if page.lang == "vi" else "Record"), page.rel
