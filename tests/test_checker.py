"""The checker (scripts/check.py, cchc.check.run) on small trees built in tmp_path.

Every test copies tests/fixtures/checker/valid/ (a tiny, valid site of its own: one plan
XX23 with one content item and one form item, one theme, five pages, its own markup
rules), breaks one thing, runs the CLI and asserts the exit code and the exact lines it
prints, so a changed message or line number is noticed. The CLI runs in a subprocess in a
few tests (run_cli) and in-process elsewhere (run_main: same main(), much faster).
Nothing here uses the network or asserts anything about the real docs/.

Tests marked xfail(strict=True) pin down bugs in the checker: each shows the output the
checker should give. When a bug is fixed its test passes and the marker must go.
"""
import contextlib
import io
import re
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from cchc import check, data as data_mod
from conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "scripts" / "check.py"
VALID = Path(__file__).resolve().parent / "fixtures" / "checker" / "valid"

HOW_TO_START = (
    "Trang phải bắt đầu bằng phần khai báo (front matter): dòng '---', các trường"
    " 'title:', 'description:'..., rồi một dòng '---'. Xem mẫu trong templates/"
)
YAML_TIP = ("Kiểm tra dấu ':' sau tên trường, thụt lề bằng dấu cách và đặt giá trị có dấu ':'"
            " hoặc '#' trong ngoặc kép")
# The allowed fields, as the message lists them: read from the schema so that a new field
# (added with its description) does not break every test here.
PAGE_FIELDS = ", ".join(sorted(__import__("json").loads(
    (Path(__file__).resolve().parent.parent / "schemas" / "page.schema.json").read_text("utf-8"))["properties"]))
# PyYAML's own words inside YAML errors differ between its C (libyaml) and Python parsers;
# cchc.yamlio uses the C one when PyYAML was built with it.
if hasattr(yaml, "CSafeLoader"):
    NOT_ALLOWED_HERE, TAB = "mapping values are not allowed in this context", "found character that cannot start any token"
else:
    NOT_ALLOWED_HERE, TAB = "mapping values are not allowed here", "found character '\\t' that cannot start any token"
MARKERS = "md:plan, md:plans, md:themes, md:glossary, md:theme-pages, md:kind-pages, md:documents, md:fill, md:procedures, md:search"


# ---------------------------------------------------------------- helpers

def write_tree(root: Path, files: dict) -> None:
    """Write {relative path: str | bytes | None} under root; None deletes the file."""
    for rel, content in files.items():
        path = root / rel
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def fixture_text(rel: str) -> str:
    return (VALID / rel).read_text("utf-8")


def edit(rel: str, *subs: tuple) -> dict:
    """{rel: the fixture file with each (old, new) replaced once}; old must be there."""
    text = fixture_text(rel)
    for old, new in subs:
        assert old in text, f"{old!r} not in {rel}"
        text = text.replace(old, new, 1)
    return {rel: text}


@pytest.fixture
def tree(tmp_path) -> Path:
    """A fresh copy of the valid fixture tree."""
    root = tmp_path / "site"
    shutil.copytree(VALID, root)
    return root


@dataclass
class Result:
    code: int
    lines: list
    stderr: str


def run_cli(root: Path, *args: str) -> Result:
    """Run scripts/check.py in a subprocess, as an editor or CI does."""
    proc = subprocess.run(
        [sys.executable, str(CLI), "--root", str(root), *args],
        cwd=root.parent, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    return Result(proc.returncode, proc.stdout.splitlines(), proc.stderr)


check_cli = load_script("check")


def run_main(root: Path, *args: str) -> Result:
    """The same CLI, in this process (fast): its main() with stdout and stderr captured.
    An exception is turned into the traceback text the subprocess would print."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = check_cli.main(["--root", str(root), *args])
        except Exception:  # noqa: BLE001 - reported as the CLI would, then asserted on
            traceback.print_exc()
            code = 1
    return Result(code, out.getvalue().splitlines(), err.getvalue())


def assert_check(root: Path, expected: list, run=run_main) -> None:
    """The CLI prints exactly `expected` (in that order), exits 1 if any is an error (0 if
    there are none, or only warnings: 'PATH:LINE: Cảnh báo: ...'), no traceback."""
    result = run(root)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.lines == expected
    errors = [line for line in expected if ": Cảnh báo: " not in line]
    warnings = len(expected) - len(errors)
    assert result.code == (1 if errors else 0)
    verdict = f"{len(errors)} lỗi" if errors else "không có lỗi"
    verdict += f", {warnings} cảnh báo" if warnings else ""
    assert re.fullmatch(rf"Đã kiểm tra \d+ trang, \d+ kế hoạch: {verdict}\.\n", result.stderr), result.stderr


# A valid article added to the tree by many tests. Line numbers in this file:
#  1 ---            4 kind         7 unit          10 ---
#  2 title          5 theme        8 plan_items    11 (blank: body line 1)
#  3 description    6 audience     9 updated       12 Nội dung. (body line 2)
PAGE = "docs/vi/thu-tuc/bai-viet.md"
ARTICLE_HEAD = """\
---
title: Bài viết thử
description: Một bài viết thử nghiệm cho bộ kiểm tra, đủ dài để hợp lệ.
kind: article
theme: thu-tuc
audience: [nguoi-dan]
unit: ubnd-xx
plan_items: [XX23-ND-01]
updated: 2023-03-01
---
"""
ARTICLE = ARTICLE_HEAD + "\nNội dung.\n"


def article(*subs: tuple, body: str | None = None) -> str:
    text = ARTICLE if body is None else ARTICLE_HEAD + body
    for old, new in subs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


# ---------------------------------------------------------------- a valid tree

def test_valid_tree_is_clean(tree):
    result = run_cli(tree)
    assert (result.code, result.lines) == (0, [])
    assert result.stderr == "Đã kiểm tra 5 trang, 1 kế hoạch: không có lỗi.\n"


def test_cli_in_a_subprocess_reports_and_exits_1(tree):
    """The real entry point (exit status through sys.exit, UTF-8 output), on one bad page."""
    write_tree(tree, {PAGE: article(("theme: thu-tuc", "theme: thu-tuk"))})
    result = run_cli(tree)
    assert result.code == 1
    assert result.lines == [f"{PAGE}:5: theme: 'thu-tuk' không có trong data/taxonomy.yml (themes)."
                            " Có phải ý bạn là 'thu-tuc'? Các mã hợp lệ: thu-tuc."
                            " Nếu đây là mã mới, thêm nó vào data/taxonomy.yml trước"]
    assert result.stderr == "Đã kiểm tra 6 trang, 1 kế hoạch: 1 lỗi.\n"


def test_valid_tree_with_a_valid_article_is_clean(tree):
    write_tree(tree, {PAGE: ARTICLE})
    assert_check(tree, [])


def test_run_returns_problems_and_counts(tree):
    assert check.run(tree) == ([], {"pages": 5, "plans": 1})


def test_fixture_tree_itself_is_clean():
    """The fixture must stay valid, or every test below would test the wrong thing."""
    assert check.run(VALID) == ([], {"pages": 5, "plans": 1})


# ---------------------------------------------------------------- one bad page

PAGE_CASES = [
    pytest.param(
        article(("description: Một", "description: Cách làm: Một")),
        [f"{PAGE}:3: YAML sai cú pháp ({NOT_ALLOWED_HERE}). {YAML_TIP}"],
        id="malformed-yaml",
    ),
    pytest.param(
        article(("unit: ubnd-xx", "\tunit: ubnd-xx")),
        [f"{PAGE}:7: YAML sai cú pháp ({TAB}). {YAML_TIP}"],
        id="yaml-tab",
    ),
    pytest.param(
        "# Bài viết\n\nNội dung.\n",
        [f"{PAGE}:1: Thiếu phần khai báo ở đầu trang. {HOW_TO_START}"],
        id="missing-front-matter",
    ),
    pytest.param(
        "---\ntitle: Bài viết thử\nkind: article\n\nNội dung.\n",
        [f"{PAGE}:1: Phần khai báo mở bằng '---' ở dòng 1 nhưng không có dòng '---' đóng lại."
         " Thêm một dòng '---' sau trường cuối cùng"],
        id="front-matter-not-closed",
    ),
    pytest.param(
        "---\n---\n\nNội dung.\n",
        [f"{PAGE}:1: Phần khai báo trống. {HOW_TO_START}"],
        id="empty-front-matter",
    ),
    pytest.param(b"", [f"{PAGE}:1: Tệp rỗng. {HOW_TO_START}"], id="empty-file"),
    pytest.param(b" \n\n", [f"{PAGE}:1: Tệp rỗng. {HOW_TO_START}"], id="blank-file"),
    pytest.param(
        "---\ntitle: Cà phê\n---\n".encode("latin-1"),
        [f"{PAGE}:2: Tệp không phải mã UTF-8 (byte 0xe0 ở vị trí 12). Hãy lưu lại tệp với bảng mã UTF-8"
         " (trong trình soạn thảo: Save with encoding → UTF-8)"],
        id="not-utf8",
    ),
    pytest.param(
        ARTICLE.encode("utf-8") + "\nCà phê\n".encode("latin-1"),
        [f"{PAGE}:14: Tệp không phải mã UTF-8 (byte 0xe0 ở vị trí {len(ARTICLE.encode('utf-8')) + 2})."
         " Hãy lưu lại tệp với bảng mã UTF-8 (trong trình soạn thảo: Save with encoding → UTF-8)"],
        id="not-utf8-in-body",
    ),
    pytest.param(
        "---\n- title: Bài viết thử\n- kind: article\n---\n",
        [f"{PAGE}:2: Phần khai báo phải là các cặp 'tên trường: giá trị', mỗi trường một dòng"],
        id="front-matter-is-a-list",
    ),
    pytest.param(
        article(("plan_items: [XX23-ND-01]", "plan_items: XX23-ND-01")),
        [f"{PAGE}:8: 'plan_items' phải là một danh sách (mỗi mục một dòng bắt đầu bằng '- '),"
         " nhưng đang là 'XX23-ND-01'. Sửa lại giá trị cho đúng kiểu"],
        id="plan-items-is-a-string",
    ),
    pytest.param(
        article(("audience: [nguoi-dan]", "audience: nguoi-dan")),
        [f"{PAGE}:6: 'audience' phải là một danh sách (mỗi mục một dòng bắt đầu bằng '- '),"
         " nhưng đang là 'nguoi-dan'. Sửa lại giá trị cho đúng kiểu"],
        id="audience-is-a-string",
    ),
    pytest.param(
        article(("title: Bài viết thử", "tittle: Bài viết thử")),
        [f"{PAGE}:2: Thiếu trường bắt buộc 'title'. Thêm dòng 'title: ...' (tiêu đề trang)",
         f"{PAGE}:2: Trường 'tittle' không được phép. Có phải ý bạn là 'title'? Các trường hợp lệ: {PAGE_FIELDS}"],
        id="unknown-field-did-you-mean",
    ),
    pytest.param(
        article(("description: Một bài viết thử nghiệm cho bộ kiểm tra, đủ dài để hợp lệ.\n", "")),
        [f"{PAGE}:2: Thiếu trường bắt buộc 'description'. Thêm dòng 'description: ...'"
         " (mô tả ngắn 1-2 câu, 30-300 ký tự)"],
        id="missing-required-field",
    ),
    pytest.param(
        article(("updated: 2023-03-01", "updated: 2022-02-30")),
        [f"{PAGE}:9: 'updated': '2022-02-30' không phải ngày hợp lệ. Viết theo dạng NĂM-THÁNG-NGÀY,"
         " ví dụ 2022-01-30"],
        id="bad-date",
    ),
    pytest.param(
        article(("plan_items: [XX23-ND-01]", "plan_items: [XX23-ND-02]")),
        [f"{PAGE}:8: plan_items[0]: 'XX23-ND-02' không có trong kế hoạch XX23 (data/plans/xx-2023.yml)."
         " Có phải ý bạn là 'XX23-ND-01'?"
         " Các mã hợp lệ: XX23-ND-01, XX23-HT-01"],
        id="unknown-plan-item",
    ),
    pytest.param(
        article(("unit: ubnd-xx", "unit: ubnd-yy")),
        [f"{PAGE}:7: unit: 'ubnd-yy' không có trong data/units.yml. Có phải ý bạn là 'ubnd-xx'?"
         " Các mã hợp lệ: ubnd-xx, phong-noi-vu-xx. Nếu đây là mã mới, thêm nó vào data/units.yml trước"],
        id="unknown-unit",
    ),
    pytest.param(
        article(("theme: thu-tuc", "theme: thu-tuk")),
        [f"{PAGE}:5: theme: 'thu-tuk' không có trong data/taxonomy.yml (themes). Có phải ý bạn là 'thu-tuc'?"
         " Các mã hợp lệ: thu-tuc. Nếu đây là mã mới, thêm nó vào data/taxonomy.yml trước"],
        id="unknown-theme",
    ),
    pytest.param(
        article(("kind: article", "kind: articel")),
        [f"{PAGE}:4: kind: 'articel' không có trong data/taxonomy.yml (kinds). Có phải ý bạn là 'article'?"
         " Các mã hợp lệ: home, section, hub, article, radio-script, plan."
         " Nếu đây là mã mới, thêm nó vào data/taxonomy.yml trước"],
        id="unknown-kind",
    ),
    pytest.param(
        article(("audience: [nguoi-dan]", "audience: [nguoi-dan, nong-dan]")),
        [f"{PAGE}:6: audience[1]: 'nong-dan' không có trong data/taxonomy.yml (audiences)."
         " Có phải ý bạn là 'nguoi-dan'? Các mã hợp lệ: nguoi-dan, doanh-nghiep"],
        id="unknown-audience",
    ),
    pytest.param(
        article(("updated: 2023-03-01", "updated: 2023-03-01\nsources:\n  - nd-01-2023-cp\n  - luat-abc")),
        [f"{PAGE}:12: sources[1]: 'luat-abc' không có trong data/documents.yml. Các mã hợp lệ: nd-01-2023-cp"],
        id="unknown-source-document",
    ),
    pytest.param(
        article(("plan_items: [XX23-ND-01]", "plan_items: [XX23-ND-01, XX23-HT-01]")),
        [f"{PAGE}:8: plan_items[1]: 'XX23-HT-01' là một hình thức tuyên truyền; chỉ trang loại radio-script"
         " mới thực hiện được mục này, còn trang này là loại 'article'. Đổi 'kind' hoặc bỏ mã này"],
        id="form-item-on-wrong-kind",
    ),
    pytest.param(
        article(("unit: ubnd-xx\n", ""), ("updated: 2023-03-01\n", "")),
        [f"{PAGE}:1: Trang loại 'article' phải có trường 'unit'. Thêm dòng 'unit: ...' vào phần khai báo"
         " (xem mẫu trong templates/)",
         f"{PAGE}:1: Trang loại 'article' phải có trường 'updated'. Thêm dòng 'updated: ...' vào phần khai báo"
         " (xem mẫu trong templates/)"],
        id="editorial-kind-missing-unit-and-updated",
    ),
    pytest.param(
        "---\ntitle: Trang kế hoạch\ndescription: Một trang kế hoạch thử, thiếu mã kế hoạch.\nkind: plan\n---\n",
        [f"{PAGE}:4: Trang kế hoạch phải có trường 'plan' (mã kế hoạch, ví dụ TN22)"],
        id="plan-page-without-plan",
    ),
]


@pytest.mark.parametrize("content, expected", PAGE_CASES)
def test_bad_page(tree, content, expected):
    write_tree(tree, {PAGE: content})
    assert_check(tree, expected)


# ---------------------------------------------------------------- links and markers
# The article's body starts on file line 11, so body line 2 is file line 12.

LINK_CASES = [
    pytest.param(
        "\n[thủ tục](khong-co.md)\n",
        [f"{PAGE}:12: Liên kết 'khong-co.md': không có trang docs/vi/thu-tuc/khong-co.md."
         " Kiểm tra tên tệp và số '../'"],
        id="broken-relative-link",
    ),
    pytest.param(
        "\n[ảnh](hinh/so-do.png)\n",
        [f"{PAGE}:12: Liên kết 'hinh/so-do.png': không có tệp docs/vi/thu-tuc/hinh/so-do.png."
         " Liên kết tới trang thì ghi tên tệp .md (ví dụ 'mot-cua.md'), không ghi địa chỉ web"],
        id="missing-file",
    ),
    pytest.param(
        "\n[lên trên](../../ngoai.md)\n",
        [f"{PAGE}:12: Liên kết '../../ngoai.md' trỏ ra ngoài thư mục docs/vi/"],
        id="link-outside-docs",
    ),
    pytest.param(
        "\n\n\n[kết hôn](index.md#dang-ky-ket-hon)\n",
        [f"{PAGE}:14: Liên kết 'index.md#dang-ky-ket-hon': trang docs/vi/thu-tuc/index.md không có mục"
         " '#dang-ky-ket-hon'. Các mục có: dang-ky-khai-sinh"],
        id="missing-anchor",
    ),
    pytest.param(
        "\n[khai sinh](index.md#ang-ky-khai-sinh)\n",
        [f"{PAGE}:12: Liên kết 'index.md#ang-ky-khai-sinh': trang docs/vi/thu-tuc/index.md không có mục"
         " '#ang-ky-khai-sinh'. Các mục có: dang-ky-khai-sinh"],
        id="anchor-without-d-is-wrong",
    ),
    pytest.param(
        "\n## Mục một\n\n[xem](#muc-hai)\n",
        [f"{PAGE}:14: Liên kết '#muc-hai': trang docs/vi/thu-tuc/bai-viet.md không có mục '#muc-hai'."
         " Các mục có: muc-mot"],
        id="missing-anchor-same-page",
    ),
    pytest.param(
        "\n[thủ tục](/thu-tuc/index.md)\n",
        [f"{PAGE}:12: Liên kết tuyệt đối '/thu-tuc/index.md' sẽ hỏng khi trang web đặt ở thư mục khác."
         " Dùng đường dẫn tương đối tới tệp .md, ví dụ '../ke-hoach/index.md'"],
        id="absolute-link",
    ),
    pytest.param(  # no '(' in the address: see test_external_address_with_parentheses_is_fetched_whole
        "\n[bấm vào đây](javascript:void)\n",
        [f"{PAGE}:12: Liên kết 'javascript:void' dùng giao thức 'javascript:' không được phép."
         " Chỉ dùng https://, mailto: hoặc tel:"],
        id="javascript-link",
    ),
    pytest.param(
        "\n[x]()\n",
        [f"{PAGE}:12: Liên kết rỗng '()'. Điền đường dẫn tới tệp .md, ví dụ (../thu-tuc-hanh-chinh/mot-cua.md)"],
        id="empty-link",
    ),
    pytest.param(
        "\nNội dung.\n\n<!-- md:foo -->\n",
        [f"{PAGE}:14: dấu đánh dấu 'md:foo' không tồn tại; các dấu hợp lệ: {MARKERS}"],
        id="unknown-marker",
    ),
    pytest.param(
        "\n<!-- md:theme-pages mot-cua -->\n",
        [f"{PAGE}:12: md:theme-pages: chủ đề 'mot-cua' không có trong data/taxonomy.yml;"
         " các mã hợp lệ: thu-tuc"],
        id="marker-with-unknown-theme",
    ),
]


@pytest.mark.parametrize("body, expected", LINK_CASES)
def test_bad_link_or_marker(tree, body, expected):
    write_tree(tree, {PAGE: article(body=body)})
    assert_check(tree, expected)


@pytest.mark.parametrize("body", [
    pytest.param("\n[khai sinh](index.md#dang-ky-khai-sinh)\n", id="anchor-from-heading-with-Đ"),
    pytest.param("\n[mục](../ke-hoach/xx-2023.md#xx23-ht-01)\n", id="anchor-generated-by-md-plan"),
    pytest.param("\n## Đăng ký\n\n## Đăng ký\n\n[hai](#dang-ky_1)\n", id="duplicate-heading-anchor"),
    pytest.param("\n## Nơi nộp {#noi-nop}\n\n[nơi nộp](#noi-nop)\n", id="explicit-anchor"),
    pytest.param("\n```\n[không phải liên kết](khong-co.md)\n```\n", id="link-inside-code-fence"),
    pytest.param("\nGõ `[x](khong-co.md)` để tạo liên kết.\n", id="link-inside-inline-code"),
    pytest.param("\n[gọi](tel:0123456789) hoặc [thư](mailto:a@example.vn)\n", id="tel-and-mailto"),
])
def test_good_link(tree, body):
    write_tree(tree, {PAGE: article(body=body)})
    assert_check(tree, [])


def test_crlf_page_keeps_line_numbers(tree):
    body = "\nNội dung.\n\n## Mục một\n\n[xem](#muc-hai)\n<!-- md:foo -->\n"
    write_tree(tree, {PAGE: article(body=body).replace("\n", "\r\n")})
    assert_check(tree, [
        f"{PAGE}:16: Liên kết '#muc-hai': trang {PAGE} không có mục '#muc-hai'. Các mục có: muc-mot",
        f"{PAGE}:17: dấu đánh dấu 'md:foo' không tồn tại; các dấu hợp lệ: {MARKERS}",
    ])


def test_bom_is_ignored(tree):
    write_tree(tree, {PAGE: "\ufeff" + article(("updated: 2023-03-01", "updated: 2022-02-30"))})
    assert_check(tree, [f"{PAGE}:9: 'updated': '2022-02-30' không phải ngày hợp lệ."
                        " Viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2022-01-30"])


# ---------------------------------------------------------------- file names and places

@pytest.mark.parametrize("rel, expected", [
    pytest.param(
        "docs/vi/thu-tuc/Thủ tục.md",
        "docs/vi/thu-tuc/Thủ tục.md:1: Tên tệp/thư mục 'Thủ tục' trong 'thu-tuc/Thủ tục.md' phải viết thường,"
        " không dấu, nối bằng '-' (ví dụ 'thu-tuc'), để đường dẫn ổn định và đọc được",
        id="vietnamese-with-space",
    ),
    pytest.param(
        "docs/vi/thu-tuc/Mot_Cua.md",
        "docs/vi/thu-tuc/Mot_Cua.md:1: Tên tệp/thư mục 'Mot_Cua' trong 'thu-tuc/Mot_Cua.md' phải viết thường,"
        " không dấu, nối bằng '-' (ví dụ 'mot-cua'), để đường dẫn ổn định và đọc được",
        id="underscore-and-capitals",
    ),
    pytest.param(
        "docs/vi/Thu_Tuc/index.md",
        "docs/vi/Thu_Tuc/index.md:1: Tên tệp/thư mục 'Thu_Tuc' trong 'Thu_Tuc/index.md' phải viết thường,"
        " không dấu, nối bằng '-' (ví dụ 'thu-tuc'), để đường dẫn ổn định và đọc được",
        id="folder-name",
    ),
])
def test_non_kebab_file_name(tree, rel, expected):
    write_tree(tree, {rel: ARTICLE})
    assert_check(tree, [expected])


def test_english_page_without_vietnamese_twin(tree):
    write_tree(tree, {"docs/en/thu-tuc/khac.md": ARTICLE})
    assert_check(tree, [
        "docs/en/thu-tuc/khac.md:1: Trang tiếng Anh 'thu-tuc/khac.md' không có bản tiếng Việt"
        " docs/vi/thu-tuc/khac.md. Bản tiếng Anh phải cùng đường dẫn với trang tiếng Việt mà nó dịch",
    ])


def test_english_page_with_twin_is_clean(tree):
    write_tree(tree, {PAGE: ARTICLE, "docs/en/thu-tuc/bai-viet.md": ARTICLE + "\nIn English.\n"})
    assert_check(tree, [])


@pytest.mark.parametrize("rel", ["docs/README.md", "docs/assets/huong-dan.md"])
def test_markdown_outside_language_folders(tree, rel):
    write_tree(tree, {rel: ARTICLE})
    assert_check(tree, [
        f"{rel}:1: Trang nằm ngoài docs/vi/ và docs/en/ nên sẽ không được xuất bản. Chuyển tệp vào docs/vi/",
    ])


# ---------------------------------------------------------------- coverage

@pytest.mark.parametrize("files, expected", [
    pytest.param(
        edit("docs/vi/thu-tuc/index.md", ("plan_items: [XX23-ND-01]", "plan_items: []")),
        "data/plans/xx-2023.yml:24: Cảnh báo: Mục XX23-ND-01 (Nơi nộp hồ sơ thủ tục hành chính) chưa có trang nào"
        " thực hiện. Thêm 'XX23-ND-01' vào plan_items của một trang trong docs/vi/",
        id="content-item",
    ),
    pytest.param(
        edit("docs/vi/thu-tuc/bai-phat-thanh.md", ("plan_items: [XX23-HT-01]", "plan_items: []")),
        "data/plans/xx-2023.yml:30: Cảnh báo: Mục XX23-HT-01 (Hệ thống truyền thanh huyện) chưa có trang nào thực hiện."
        " Thêm 'XX23-HT-01' vào plan_items của một trang loại radio-script trong docs/vi/",
        id="form-item",
    ),
])
def test_uncovered_plan_item(tree, files, expected):
    write_tree(tree, files)
    assert_check(tree, [expected])


def test_form_item_on_wrong_kind_does_not_cover_it(tree):
    """An article listing a radio form item neither covers it nor passes the check."""
    write_tree(tree, {PAGE: article(("plan_items: [XX23-ND-01]", "plan_items: [XX23-ND-01, XX23-HT-01]"))})
    write_tree(tree, edit("docs/vi/thu-tuc/bai-phat-thanh.md", ("plan_items: [XX23-HT-01]", "plan_items: []")))
    assert_check(tree, [
        "data/plans/xx-2023.yml:30: Cảnh báo: Mục XX23-HT-01 (Hệ thống truyền thanh huyện) chưa có trang nào thực hiện."
        " Thêm 'XX23-HT-01' vào plan_items của một trang loại radio-script trong docs/vi/",
        f"{PAGE}:8: plan_items[1]: 'XX23-HT-01' là một hình thức tuyên truyền; chỉ trang loại radio-script"
        " mới thực hiện được mục này, còn trang này là loại 'article'. Đổi 'kind' hoặc bỏ mã này",
    ])


def test_english_page_does_not_cover_an_item(tree):
    write_tree(tree, edit("docs/vi/thu-tuc/index.md", ("plan_items: [XX23-ND-01]", "plan_items: []")))
    write_tree(tree, {PAGE: ARTICLE.replace("[XX23-ND-01]", "[]")})
    write_tree(tree, {"docs/en/thu-tuc/bai-viet.md": ARTICLE + "\nIn English.\n"})
    assert_check(tree, [
        "data/plans/xx-2023.yml:24: Cảnh báo: Mục XX23-ND-01 (Nơi nộp hồ sơ thủ tục hành chính) chưa có trang nào"
        " thực hiện. Thêm 'XX23-ND-01' vào plan_items của một trang trong docs/vi/",
    ])


def test_theme_without_hub(tree):
    write_tree(tree, edit("data/taxonomy.yml", ("\nkinds:", (
        "  - id: dich-vu-cong\n"
        "    title: Dịch vụ công trực tuyến\n"
        "    title_en: Online public services\n"
        "    path: dich-vu-cong\n"
        "\nkinds:"))))
    assert_check(tree, [
        "data/taxonomy.yml:6: Chủ đề 'dich-vu-cong' chưa có trang chủ đề docs/vi/dich-vu-cong/index.md (kind: hub)",
    ])


def test_hub_of_wrong_kind_is_no_hub(tree):
    write_tree(tree, edit("docs/vi/thu-tuc/index.md", ("kind: hub", "kind: article")))
    assert_check(tree, [
        "data/taxonomy.yml:2: Chủ đề 'thu-tuc' chưa có trang chủ đề docs/vi/thu-tuc/index.md (kind: hub)",
    ])


# ---------------------------------------------------------------- data files

def test_malformed_data_yaml(tree):
    write_tree(tree, edit("data/units.yml", ("name: Phòng Nội vụ", "name: Phòng: Nội vụ")))
    assert_check(tree, [f"data/units.yml:9: YAML sai cú pháp ({NOT_ALLOWED_HERE}). {YAML_TIP}"])


def test_data_file_not_utf8(tree):
    raw = fixture_text("data/units.yml").encode("utf-8")
    write_tree(tree, {"data/units.yml": raw.replace("dân".encode("utf-8"), "dân".encode("latin-1"), 1)})
    assert_check(tree, ["data/units.yml:3: Tệp không phải mã UTF-8. Hãy lưu lại với bảng mã UTF-8"])


def test_data_file_missing(tree):
    write_tree(tree, {"data/glossary.yml": None})
    assert_check(tree, ["data/glossary.yml:1: Không đọc được tệp dữ liệu data/glossary.yml. Tệp này bắt buộc phải có"])


def test_units_file_failing_its_schema(tree):
    write_tree(tree, edit("data/units.yml", ("level: huyen\n    part_of", "level: quan\n    part_of")))
    assert_check(tree, [
        "data/units.yml:13: 'units[1].level': 'quan' không nằm trong các giá trị cho phép: trung-uong, tinh, huyen, xa",
    ])


def test_plan_failing_its_schema_is_reported(tree):
    """A plan without `goals` is reported at the plan's first line. (What else is printed is
    test_plan_failing_its_schema_is_the_only_problem, below.)"""
    write_tree(tree, edit("data/plans/xx-2023.yml",
                          ("goals:\n  - Người dân biết nộp hồ sơ thủ tục hành chính ở đâu.\n", "")))
    result = run_main(tree)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.code == 1
    assert result.lines[0] == ("data/plans/xx-2023.yml:2: Thiếu trường bắt buộc 'goals'. Thêm dòng 'goals: ...'"
                               "")


def test_plan_item_failing_its_schema(tree):
    write_tree(tree, edit("data/plans/xx-2023.yml", ("  - id: XX23-HT-01", "  - id: XX23-HT-1")))
    result = run_main(tree)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.code == 1
    assert result.lines[0] == ("data/plans/xx-2023.yml:30: 'form_items[0].id': 'XX23-HT-1' không đúng định dạng"
                               " (^[A-Z][A-Z0-9]{1,15}-HT-[0-9]{2}$). Stable id PLAN-HT-NN (NN: the item's order in the plan, two digits).")


# Without the plan page (its md:plan marker crashes on bad plan data; see the xfail below).
NO_PLAN_PAGE = edit("docs/vi/ke-hoach/xx-2023.md", ("<!-- md:plan XX23 -->", "## Nơi nộp hồ sơ {#xx23-nd-01}"))


@pytest.mark.parametrize("subs, expected", [
    pytest.param(
        ("issuer: ubnd-xx", "issuer: ubnd-yy"),
        "data/plans/xx-2023.yml:6: Đơn vị 'ubnd-yy' không có trong data/units.yml (units). Có phải ý bạn là 'ubnd-xx'?"
        " Các mã gần nhất: ubnd-xx, phong-noi-vu-xx. Nếu đây là mã mới, thêm nó vào data/units.yml trước",
        id="issuer",
    ),
    pytest.param(
        ("units: [phong-noi-vu-xx]", "units: [phong-tu-phap-xx]"),
        "data/plans/xx-2023.yml:35: Đơn vị 'phong-tu-phap-xx' không có trong data/units.yml (units)."
        " Có phải ý bạn là 'phong-noi-vu-xx'? Các mã gần nhất: phong-noi-vu-xx, ubnd-xx."
        " Nếu đây là mã mới, thêm nó vào data/units.yml trước",
        id="duty-unit",
    ),
    pytest.param(
        ("  to: ubnd-xx", "  to: so-noi-vu"),
        "data/plans/xx-2023.yml:41: Đơn vị 'so-noi-vu' không có trong data/units.yml (units)."
        " Có phải ý bạn là 'phong-noi-vu-xx'? Các mã gần nhất: phong-noi-vu-xx, ubnd-xx."
        " Nếu đây là mã mới, thêm nó vào data/units.yml trước",
        id="reporting-to",
    ),
])
def test_plan_with_unknown_unit(tree, subs, expected):
    write_tree(tree, NO_PLAN_PAGE)
    write_tree(tree, edit("data/plans/xx-2023.yml", subs))
    assert_check(tree, [expected])


def test_plan_with_unknown_theme_and_document(tree):
    write_tree(tree, NO_PLAN_PAGE)
    write_tree(tree, edit("data/plans/xx-2023.yml",
                          ("themes: [thu-tuc]", "themes: [thu-tuc, mot-cua]"),
                          ("documents: [nd-01-2023-cp]", "documents: [nd-01-2023-cp, nd-09-2023-cp]")))
    assert_check(tree, [
        "data/plans/xx-2023.yml:27: Chủ đề 'mot-cua' không có trong data/taxonomy.yml (themes)."
        " Các mã gần nhất: thu-tuc. Nếu đây là mã mới, thêm nó vào data/taxonomy.yml trước",
        "data/plans/xx-2023.yml:28: Văn bản 'nd-09-2023-cp' không có trong data/documents.yml (documents)."
        " Có phải ý bạn là 'nd-01-2023-cp'? Các mã gần nhất: nd-01-2023-cp."
        " Nếu đây là mã mới, thêm nó vào data/documents.yml trước",
    ])


def test_real_repository_data_loads_without_problems():
    """Only the data: the real docs are being written by others and are not asserted clean."""
    loaded, problems = data_mod.load(ROOT)
    assert [str(p) for p in problems] == []
    assert loaded.plans and loaded.units and loaded.documents and loaded.themes and loaded.kinds


# ---------------------------------------------------------------- nothing to check

@pytest.mark.parametrize("remove_en", [False, True], ids=["en-only", "no-docs-at-all"])
def test_no_pages_at_all_fails(tree, remove_en):
    """A check that matched nothing must fail, not pass quietly."""
    expected = []
    if remove_en:
        shutil.rmtree(tree / "docs")
    else:
        shutil.rmtree(tree / "docs" / "vi")
        (tree / "docs" / "vi").mkdir()
        expected = [
            "docs/en/index.md:1: Trang tiếng Anh 'index.md' không có bản tiếng Việt docs/vi/index.md."
            " Bản tiếng Anh phải cùng đường dẫn với trang tiếng Việt mà nó dịch",
            "docs/en/index.md:7: Liên kết 'thu-tuc/index.md#dang-ky-khai-sinh': không có trang"
            " docs/en/thu-tuc/index.md. Kiểm tra tên tệp và số '../'",
        ]
    expected.append("docs/vi:1: Không tìm thấy trang nào (docs/vi/**/*.md)."
                    " Kiểm tra đã chạy lệnh ở thư mục gốc của kho mã chưa")
    assert_check(tree, expected, run=run_cli)


def test_empty_directory_fails(tmp_path):
    """Run on a directory with nothing in it (e.g. a wrong --root): every missing file is named."""
    result = run_cli(tmp_path)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.code == 1
    assert result.lines == [
        "data/documents.yml:1: Không đọc được tệp dữ liệu data/documents.yml. Tệp này bắt buộc phải có",
        "data/glossary.yml:1: Không đọc được tệp dữ liệu data/glossary.yml. Tệp này bắt buộc phải có",
        "data/markup.yml:1: Không đọc được tệp dữ liệu data/markup.yml. Tệp này bắt buộc phải có",
        "data/plans:1: Không có kế hoạch nào (data/plans/*.yml). Cần ít nhất một tệp kế hoạch",
        "data/taxonomy.yml:1: Không đọc được tệp dữ liệu data/taxonomy.yml. Tệp này bắt buộc phải có",
        "data/units.yml:1: Không đọc được tệp dữ liệu data/units.yml. Tệp này bắt buộc phải có",
        "docs/vi:1: Không tìm thấy trang nào (docs/vi/**/*.md). Kiểm tra đã chạy lệnh ở thư mục gốc của kho mã chưa",
    ]


# ---------------------------------------------------------------- many problems at once

def test_every_problem_is_listed_sorted_by_path_then_line(tree):
    write_tree(tree, {
        # three problems in one page, on lines 5, 9 and 12 (12 sorts after 9: by number)
        PAGE: article(("theme: thu-tuc", "theme: thu-tuk"), ("updated: 2023-03-01", "updated: 2022-02-30"),
                      ("Nội dung.", "[x](khong-co.md)")),
        "docs/en/khac.md": ARTICLE,
        "docs/vi/thu-tuc/bai-phat-thanh.md": fixture_text("docs/vi/thu-tuc/bai-phat-thanh.md").replace(
            "unit: phong-noi-vu-xx", "unit: phong-tu-phap"),
        **edit("docs/vi/index.md", ("kind: home", "kind: trang-chu")),
    })
    expected = [
        "docs/en/khac.md:1: Trang tiếng Anh 'khac.md' không có bản tiếng Việt docs/vi/khac.md."
        " Bản tiếng Anh phải cùng đường dẫn với trang tiếng Việt mà nó dịch",
        "docs/vi/index.md:4: kind: 'trang-chu' không có trong data/taxonomy.yml (kinds)."
        " Các mã hợp lệ: home, section, hub, article, radio-script, plan."
        " Nếu đây là mã mới, thêm nó vào data/taxonomy.yml trước",
        "docs/vi/thu-tuc/bai-phat-thanh.md:7: unit: 'phong-tu-phap' không có trong data/units.yml."
        " Các mã hợp lệ: ubnd-xx, phong-noi-vu-xx. Nếu đây là mã mới, thêm nó vào data/units.yml trước",
        f"{PAGE}:5: theme: 'thu-tuk' không có trong data/taxonomy.yml (themes). Có phải ý bạn là 'thu-tuc'?"
        " Các mã hợp lệ: thu-tuc. Nếu đây là mã mới, thêm nó vào data/taxonomy.yml trước",
        f"{PAGE}:9: 'updated': '2022-02-30' không phải ngày hợp lệ. Viết theo dạng NĂM-THÁNG-NGÀY,"
        " ví dụ 2022-01-30",
        f"{PAGE}:12: Liên kết 'khong-co.md': không có trang docs/vi/thu-tuc/khong-co.md."
        " Kiểm tra tên tệp và số '../'",
    ]
    assert_check(tree, expected)
    problems, _counts = check.run(tree)
    assert [(p.path, p.line) for p in problems] == sorted((p.path, p.line) for p in problems)


def test_data_and_page_problems_together(tree):
    write_tree(tree, {PAGE: article(("unit: ubnd-xx", "unit: ubnd-yy"))})
    write_tree(tree, edit("docs/vi/thu-tuc/bai-phat-thanh.md", ("plan_items: [XX23-HT-01]", "plan_items: []")))
    assert_check(tree, [
        "data/plans/xx-2023.yml:30: Cảnh báo: Mục XX23-HT-01 (Hệ thống truyền thanh huyện) chưa có trang nào thực hiện."
        " Thêm 'XX23-HT-01' vào plan_items của một trang loại radio-script trong docs/vi/",
        f"{PAGE}:7: unit: 'ubnd-yy' không có trong data/units.yml. Có phải ý bạn là 'ubnd-xx'?"
        " Các mã hợp lệ: ubnd-xx, phong-noi-vu-xx. Nếu đây là mã mới, thêm nó vào data/units.yml trước",
    ])


# ---------------------------------------------------------------- external links (no network)

EXTERNAL_BODY = ("\n[Cổng dịch vụ công](https://dichvucong.gov.vn/p/home/dvc-trang-chu.html)\n"
                 "\nLần nữa: [cổng](https://dichvucong.gov.vn/p/home/dvc-trang-chu.html \"Cổng DVC\")\n")


def test_external_links_with_a_fake_fetcher(tree):
    write_tree(tree, {PAGE: article(body=EXTERNAL_BODY)})
    calls = []

    def fetch(url):
        calls.append(url)
        return "máy chủ trả lời mã 404"

    problems, _counts = check.run(tree, external=True, fetch=fetch)
    url = "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"
    assert [str(p) for p in problems] == [
        f"{PAGE}:12: Liên kết ngoài '{url}' hỏng: máy chủ trả lời mã 404. Sửa địa chỉ hoặc bỏ liên kết",
        f"{PAGE}:14: Liên kết ngoài '{url}' hỏng: máy chủ trả lời mã 404. Sửa địa chỉ hoặc bỏ liên kết",
    ]
    assert calls == [url]  # each address is fetched once


def test_external_links_that_answer_are_clean(tree):
    write_tree(tree, {PAGE: article(body=EXTERNAL_BODY)})
    assert check.run(tree, external=True, fetch=lambda url: None)[0] == []


def test_external_links_are_not_fetched_by_default(tree):
    write_tree(tree, {PAGE: article(body=EXTERNAL_BODY)})

    def fetch(url):
        raise AssertionError("the default check must not fetch anything")

    assert check.run(tree, fetch=fetch)[0] == []


# ---------------------------------------------------------------- raw HTML and files
# Rules come from the fixture's own data/markup.yml (short lists, 2 KB images, 4 KB files).

TAGS = "a, abbr, br, details, div, img, span, summary"


@pytest.mark.parametrize("line, expected", [
    pytest.param("<script>alert(1)</script>",
                 f"Thẻ HTML <script> không được phép (raw HTML). Dùng cú pháp Markdown thay cho HTML;"
                 f" các thẻ được phép: {TAGS}", id="tag"),
    pytest.param('<span onclick="x()">a</span>',
                 "Thuộc tính 'onclick' trong thẻ <span> chạy mã lệnh nên không được phép (event handler)."
                 " Xóa thuộc tính này", id="event-handler"),
    pytest.param('<div style="color: red">a</div>',
                 "Thuộc tính 'style' trong thẻ <div> không được phép. Các thuộc tính được phép:"
                 " alt, class, href, id, markdown, src, title", id="attribute"),
    pytest.param('<a href="javascript:alert(1)">a</a>',
                 "Liên kết 'javascript:alert(1)' trong thẻ <a> dùng giao thức không an toàn (javascript:/data:)."
                 " Dùng liên kết https:// hoặc tệp .md", id="javascript-href"),
    pytest.param('<img src="so-do.png">',
                 "Ảnh <img> thiếu mô tả (alt). Thêm alt=\"mô tả ngắn nội dung ảnh\" cho người dùng trình đọc"
                 " màn hình", id="img-without-alt"),
    pytest.param("![](so-do.png)",
                 "Ảnh 'so-do.png' thiếu mô tả (alt). Viết mô tả trong ngoặc vuông:"
                 " ![Mô tả ngắn nội dung ảnh](so-do.png)", id="markdown-image-without-alt"),
    pytest.param("![Sơ đồ](https://example.com/so-do.png)",
                 "Ảnh 'https://example.com/so-do.png' lấy từ máy chủ khác. Tải ảnh vào cùng thư mục với trang"
                 " và dẫn bằng tên tệp", id="image-from-another-host"),
])
def test_bad_markup(tree, line, expected):
    write_tree(tree, {PAGE: article(body=f"\nNội dung.\n\n{line}\n")})
    assert_check(tree, [f"{PAGE}:14: {expected}"])


def test_allowed_markup_is_clean(tree):
    body = ('\n<div markdown class="ghi-chu">Nộp hồ sơ tại <abbr title="Ủy ban nhân dân">UBND</abbr>.</div>\n'
            '\n<img src="so-do.png" alt="Sơ đồ">\n\n```html\n<script>không phải mã thật</script>\n```\n')
    write_tree(tree, {PAGE: article(body=body)})
    assert_check(tree, [])


@pytest.mark.parametrize("rel, content, expected", [
    pytest.param("docs/vi/thu-tuc/to-khai.docx", b"x",
                 "Loại tệp '.docx' không được phép trong docs/vi/. Chỉ được thêm: .md, .pdf, .png, .svg",
                 id="file-type"),
    pytest.param("docs/vi/thu-tuc/Anh Chup.png", b"x",
                 "Tên tệp 'Anh Chup.png' phải viết thường, không dấu, nối bằng '-'", id="file-name"),
    pytest.param("docs/vi/thu-tuc/lon.png", b"x" * 5000,
                 "Tệp nặng 4.9 KB, quá giới hạn 2.0 KB cho người đọc trên điện thoại. Hãy nén hoặc thu nhỏ ảnh"
                 " (ví dụ lưu dạng .webp hoặc .jpg chất lượng 80%)", id="image-too-big"),
    pytest.param("docs/en/mau.pdf", b"x" * 9000,
                 "Tệp nặng 8.8 KB, quá giới hạn 4.0 KB cho người đọc trên điện thoại. Hãy giảm dung lượng tệp"
                 " (ví dụ xuất PDF với chất lượng ảnh thấp hơn) hoặc tách thành nhiều tệp", id="file-too-big"),
    pytest.param("docs/vi/thu-tuc/hinh.svg", b"<svg xmlns='http://www.w3.org/2000/svg' onload='x()'/>",
                 "Ảnh SVG chứa mã lệnh (script hoặc on...=). Xuất lại ảnh dạng .png hoặc xóa mã lệnh",
                 id="svg-with-script"),
])
def test_bad_file_next_to_pages(tree, rel, content, expected):
    write_tree(tree, {rel: content})
    assert_check(tree, [f"{rel}:1: {expected}"])


# ------------------------------------------- regressions: bugs found by these tests, now fixed

def test_unknown_field_is_reported_on_its_own_line(tree):
    write_tree(tree, {PAGE: article(("updated: 2023-03-01", "updated: 2023-03-01\ntittle: Bài viết thử"))})
    assert_check(tree, [
        f"{PAGE}:10: Trường 'tittle' không được phép. Có phải ý bạn là 'title'? Các trường hợp lệ: {PAGE_FIELDS}",
    ])


def test_unknown_fields_of_mixed_key_types_do_not_crash(tree):
    """A number key ('2022:') next to a text key: one line each, on each key's own line."""
    write_tree(tree, {PAGE: article(("updated: 2023-03-01", "updated: 2023-03-01\n2022: x\ntittle: y"))})
    result = run_main(tree)
    assert "Traceback" not in result.stderr, result.stderr[-800:]
    assert result.lines == [
        f"{PAGE}:10: Trường '2022' không được phép. Các trường hợp lệ: {PAGE_FIELDS}",
        f"{PAGE}:11: Trường 'tittle' không được phép. Có phải ý bạn là 'title'? Các trường hợp lệ: {PAGE_FIELDS}",
    ]


def test_plan_item_written_as_a_mapping_does_not_crash(tree):
    write_tree(tree, {PAGE: article(("plan_items: [XX23-ND-01]", "plan_items:\n  - XX23-ND-01: nơi nộp hồ sơ"))})
    assert_check(tree, [
        f"{PAGE}:9: 'plan_items[0]' phải là một đoạn chữ, nhưng đang là một nhóm trường."
        " Sửa lại giá trị cho đúng kiểu",
    ])


def test_plan_with_unknown_unit_and_a_plan_page_does_not_crash(tree):
    write_tree(tree, edit("data/plans/xx-2023.yml", ("issuer: ubnd-xx", "issuer: ubnd-yy")))
    assert_check(tree, [
        "data/plans/xx-2023.yml:6: Đơn vị 'ubnd-yy' không có trong data/units.yml (units). Có phải ý bạn là 'ubnd-xx'?"
        " Các mã gần nhất: ubnd-xx, phong-noi-vu-xx. Nếu đây là mã mới, thêm nó vào data/units.yml trước",
    ])


def test_broken_documents_file_with_a_plan_page_does_not_crash(tree):
    write_tree(tree, {"data/documents.yml": "documents:\n  - id: [nd-01\n"})
    result = run_main(tree)
    assert "Traceback" not in result.stderr, result.stderr[-800:]
    assert result.code == 1
    assert result.lines[0].startswith("data/documents.yml:"), result.lines


def test_stray_markdown_does_not_hide_coverage_problems(tree):
    write_tree(tree, {"docs/README.md": "# Đọc tôi\n"})
    write_tree(tree, edit("docs/vi/thu-tuc/bai-phat-thanh.md", ("plan_items: [XX23-HT-01]", "plan_items: []")))
    assert_check(tree, [
        "data/plans/xx-2023.yml:30: Cảnh báo: Mục XX23-HT-01 (Hệ thống truyền thanh huyện) chưa có trang nào thực hiện."
        " Thêm 'XX23-HT-01' vào plan_items của một trang loại radio-script trong docs/vi/",
        "docs/README.md:1: Trang nằm ngoài docs/vi/ và docs/en/ nên sẽ không được xuất bản. Chuyển tệp vào docs/vi/",
    ])


def test_plan_failing_its_schema_is_the_only_problem(tree):
    write_tree(tree, edit("data/plans/xx-2023.yml",
                          ("goals:\n  - Người dân biết nộp hồ sơ thủ tục hành chính ở đâu.\n", "")))
    assert_check(tree, [
        "data/plans/xx-2023.yml:2: Thiếu trường bắt buộc 'goals'. Thêm dòng 'goals: ...'"
        "",
    ])


def test_link_to_a_page_with_broken_front_matter_is_not_called_missing(tree):
    write_tree(tree, {PAGE: article(("theme: thu-tuc", "theme: [thu-tuc"))})
    write_tree(tree, edit("docs/vi/thu-tuc/index.md", ("Nghe [bài", "Đọc [bài viết](bai-viet.md). Nghe [bài")))
    result = run_main(tree)
    assert "Traceback" not in result.stderr
    assert [line for line in result.lines if "docs/vi/thu-tuc/index.md" in line] == []


def test_anchor_of_a_setext_heading(tree):
    write_tree(tree, {PAGE: article(body="\nNộp hồ sơ\n---------\n\n[nộp](#nop-ho-so)\n")})
    assert_check(tree, [])


def test_external_address_with_parentheses_is_fetched_whole(tree):
    url = "https://vi.wikipedia.org/wiki/Hu%E1%BA%BF_(th%C3%A0nh_ph%E1%BB%91)"
    write_tree(tree, {PAGE: article(body=f"\n[Huế]({url})\n")})
    calls = []
    check.run(tree, external=True, fetch=lambda u: calls.append(u))
    assert calls == [url]


def test_unclosed_quote_is_reported_where_it_opens(tree):
    write_tree(tree, {PAGE: article(("theme: thu-tuc", 'theme: "thu-tuc'))})
    result = run_main(tree)
    assert "Traceback" not in result.stderr
    assert len(result.lines) == 1 and result.lines[0].startswith(f"{PAGE}:5: YAML sai cú pháp"), result.lines


def test_explicit_tag_with_bad_value_does_not_crash(tree):
    """`!!timestamp 2022-02-30` makes PyYAML raise ValueError; it must come back as one problem."""
    write_tree(tree, {PAGE: article(("updated: 2023-03-01", "updated: !!timestamp 2022-02-30"))})
    result = run_main(tree)
    assert "Traceback" not in result.stderr, result.stderr[-800:]
    assert result.code == 1
    assert len(result.lines) == 1 and result.lines[0].startswith(f"{PAGE}:"), result.lines


def test_explicit_tag_with_bad_value_is_reported_on_its_line(tree):
    write_tree(tree, {PAGE: article(("updated: 2023-03-01", "updated: !!timestamp 2022-02-30"))})
    result = run_main(tree)
    assert "Traceback" not in result.stderr, result.stderr[-800:]
    assert len(result.lines) == 1 and result.lines[0].startswith(f"{PAGE}:9: "), result.lines


def test_autolink_is_not_raw_html(tree):
    write_tree(tree, {PAGE: article(body="\nXem <https://dichvucong.gov.vn> hoặc gửi thư <cchc@example.vn>.\n")})
    assert_check(tree, [])


def test_malformed_markup_rules_do_not_crash(tree):
    write_tree(tree, {"data/markup.yml": "allowed_tags: [a, abbr\n"})
    result = run_main(tree)
    assert "Traceback" not in result.stderr, result.stderr[-800:]
    assert result.code == 1
    assert result.lines and result.lines[0].startswith("data/markup.yml:"), result.lines


# ---------------------------------------------------------------- scripts run without .venv activated

def test_requirements_names_are_read_from_requirements_txt():
    from cchc import runtime
    names = runtime.required()
    assert {"mkdocs", "Markdown", "PyYAML", "nh3", "pagefind"} <= set(names)
    assert runtime.missing(names) == []  # the test environment has them all
    assert runtime.missing(["khong-co-goi-nay"]) == ["khong-co-goi-nay"]


def test_a_script_without_its_packages_reruns_in_venv_or_says_how_to_install(tmp_path, monkeypatch, capsys):
    from cchc import runtime
    req = tmp_path / "requirements.txt"
    req.write_text("khong-co-goi-nay==1.0  # a package nobody has\nnh3==0.3.8\n", "utf-8")
    monkeypatch.setattr(runtime, "REQUIREMENTS", req)
    monkeypatch.setattr(runtime.sys, "argv", ["scripts/check.py", "--strict"])
    venv_python = tmp_path / ".venv" / "bin" / "python"
    monkeypatch.setattr(runtime, "VENV_PYTHON", venv_python)
    # No .venv/: a Vietnamese message with the commands, exit 2, no traceback.
    with pytest.raises(SystemExit) as exited:
        runtime.ensure_packages()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "Thiếu gói Python: khong-co-goi-nay." in err
    assert "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt" in err
    assert ".venv/bin/python scripts/check.py" in err
    # With .venv/: the same script again, same arguments, with its Python.
    venv_python.parent.mkdir(parents=True)
    venv_python.write_text("", "utf-8")
    class Replaced(Exception):  # os.execv never returns: the process becomes the new one
        pass

    def execv(path, args):
        raise Replaced(path, args)

    monkeypatch.setattr(runtime.os, "execv", execv)
    with pytest.raises(Replaced) as replaced:
        runtime.ensure_packages()
    assert replaced.value.args == (str(venv_python), [str(venv_python), "scripts/check.py", "--strict"])
