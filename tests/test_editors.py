"""The editors' pull-request workflow, end to end.

Most tests work on a temporary copy of the repository (cchc/, data/, docs/, hooks/, overrides/,
schemas/, scripts/, templates/, mkdocs.yml; the hooks and scripts find the library and the
data relative to their own folder, so the copy is self-contained) and run the scripts there
exactly as an editor does: `python3 scripts/new_page.py ...`, `python3 scripts/check.py`,
`mkdocs build --strict`. One copy is built once per session for everything that needs HTML:

- the scaffolder makes a page of every editorial kind in data/taxonomy.yml; the whole check
  stays clean and the site builds;
- pages whose front matter carries script payloads build into HTML where they are text only;
- every page's "edit this page" link leads to its own file, and no page asks another host
  for anything (Material's repository facts from api.github.com included).

Also here: the checker's answer to each unsafe input, `--format github`, the workflows (offline
schema check, same commands as .ci/run) and the editorial health report (scripts/health.py).
"""
import concurrent.futures
import datetime
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from cchc import data as data_mod, english, health, lifecycle, paths, scaffold, site
from conftest import load_script, SITE_TREE

ROOT = paths.ROOT
COPIED = SITE_TREE
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "editors"
TODAY = "2026-11-23"
TITLE = "Đăng ký đất đai"
STEM = "dang-ky-dat-dai"  # TITLE without marks, đ -> d
DESCRIPTION = "Trang thử do kiểm thử tạo ra, đủ dài để qua kiểm tra độ dài của phần mô tả."
REPO_URL = "https://github.com/don-vi-vi-du/tuyen-truyen-cchc"  # what the build is given
XSS = '"><script>alert(1)</script> <img src=x onerror=alert(1)>'

TAXONOMY = yaml.safe_load((paths.DATA / "taxonomy.yml").read_text("utf-8"))
EDITORIAL = [k["id"] for k in TAXONOMY["kinds"] if k.get("editorial")]
THEMES = [t["id"] for t in TAXONOMY["themes"]]
MARKUP = yaml.safe_load((paths.DATA / "markup.yml").read_text("utf-8"))


# ---------------------------------------------------------------- helpers

def copy_repo(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        else:
            shutil.copy2(src, dest / name)
    return dest


def run_script(root: Path, script: str, *args: str) -> subprocess.CompletedProcess:
    """`python3 scripts/<script> ...` in `root`, stdin not a terminal (no questions asked)."""
    return subprocess.run([sys.executable, f"scripts/{script}", *args], cwd=root, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def build(root: Path, dest: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", REPO_URL=REPO_URL)
    env.pop("SITE_URL", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)


def first_content_item(root: Path) -> str:
    """A content item (xx22-ND-nn): any kind of page may carry one out."""
    loaded, problems = data_mod.load(root)
    assert not problems, problems
    return next(i for i, (_plan, _item, kind) in loaded.items.items() if kind == "content")


def scaffold_args(kind: str, theme: str, item: str, title: str = TITLE) -> list:
    loaded, _ = data_mod.load(ROOT)
    args = ["--kind", kind, "--theme", theme, "--title", title, "--description", DESCRIPTION,
            "--audience", next(iter(loaded.audiences)), "--unit", next(iter(lifecycle.current_units(loaded.units, lifecycle.today()))),
            "--plan-items", item, "--today", TODAY]
    if kind == "news":
        args += ["--category", TAXONOMY["news_categories"][0]["id"]]
    return args


def files_under(path: Path) -> set:
    return {p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()}


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find_all(self, tag=None, cls=None, **attrs):
        for n in self.iter():
            if tag and n.tag != tag:
                continue
            if cls and cls not in (n.attrs.get("class") or "").split():
                continue
            if all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items()):
                yield n


class Tree(HTMLParser):
    """A small DOM: what a browser would make of the markup (entities decoded once)."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#root", {})
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


@functools.lru_cache(maxsize=None)
def parse(path: Path) -> Node:
    """Parsed once per session: several tests read the same built pages."""
    return Tree(path.read_text("utf-8")).root


# ---------------------------------------------------------------- the session's copy

XSS_PAGES = {  # src (inside docs/vi/ and, for the first, docs/en/) -> kind
    f"{THEMES[0]}/xss-bai-viet.md": "article",
    "tin-tuc/xss-tin.md": "news",
    "tai-lieu/phat-thanh/xss-phat-thanh.md": "radio-script",
    "thu-tuc/xss-thu-tuc.md": "procedure",
}


def xss_page(kind: str, item: str, lang: str) -> str:
    """Every string field a template or hook may print carries the payload; ids that decide
    where the page is listed (kind, theme, plan_items, date) stay valid so it is listed."""
    meta = {"title": f"XSS {lang} {XSS}", "description": f"Mô tả có mã độc {XSS}", "kind": kind,
            "theme": THEMES[0], "audience": ["nguoi-dan", XSS], "unit": XSS, "plan_items": [item],
            "sources": [XSS], "updated": XSS, "review_by": XSS}
    if kind == "news":
        meta.update(category=XSS, date="2026-12-01")  # newest of the tree yet past (a later date is scheduled, not listed)
    if kind == "procedure":  # the card prints these free-text facts (ids are checked by the hook)
        meta["procedure"] = {"documents": [XSS], "time_limit": XSS, "fee": XSS, "result": XSS,
                             "conditions": [XSS], "checked": "2026-11-23"}
    front = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items())
    return f"---\n{front}---\n\nĐoạn mở đầu.\n\n## Phần một\n\nNội dung.\n\n## Phần hai\n\nNội dung.\n"


@pytest.fixture(scope="session")
def editors_site(tmp_path_factory):
    """A copy of the repository with one scaffolded page of every editorial kind (checked
    before anything else is added), then pages with script payloads; built once."""
    root = copy_repo(tmp_path_factory.mktemp("editors") / "repo")
    item = first_content_item(root)
    # Themes in turn, so pages of kinds that share the '{theme}' folder do not collide; the
    # runs write to different folders, so they may run side by side.
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        runs = {kind: pool.submit(run_script, root, "new_page.py", *scaffold_args(kind, THEMES[i % len(THEMES)], item))
                for i, kind in enumerate(EDITORIAL)}
    made = {kind: run.result() for kind, run in runs.items()}
    untouched = run_script(root, "check.py")  # the templates' sample text is still there
    for result in made.values():  # the editor writes each page (no manifest step: a new address is no error)
        if result.returncode == 0:
            write_body(root / result.stdout.strip())
    check = run_script(root, "check.py")
    for src, kind in XSS_PAGES.items():
        for lang in ("vi", "en") if kind == "article" else ("vi",):
            path = root / "docs" / lang / src
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(xss_page(kind, item, lang), "utf-8")
    out = tmp_path_factory.mktemp("editors-site")
    result = build(root, out)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return {"root": root, "site": out, "made": made, "check": check, "untouched": untouched, "item": item}


WRITTEN_BODY = "Đoạn mở đầu do biên tập viên viết.\n\n## Phần một\n\nNội dung thật của trang.\n"


def write_body(path: Path) -> None:
    """Replace a scaffolded page's body (the template's sample text) with the page's own."""
    text = path.read_text("utf-8")
    front_end = text.index("\n---\n", 4) + len("\n---\n")
    path.write_text(text[:front_end] + "\n" + WRITTEN_BODY, "utf-8")


# ---------------------------------------------------------------- the scaffolder

def test_editorial_kinds_come_from_the_taxonomy():
    assert len(EDITORIAL) >= 5 and "article" in EDITORIAL and "news" in EDITORIAL


# Kinds the scaffolder cannot make yet: the test shows it, and fails once it can (remove the entry).


@pytest.mark.parametrize("kind", EDITORIAL)
def test_scaffolder_makes_a_page_of_each_kind(editors_site, kind):
    result = editors_site["made"][kind]
    assert result.returncode == 0, result.stderr
    loaded, _ = data_mod.load(editors_site["root"])
    theme = THEMES[EDITORIAL.index(kind) % len(THEMES)]
    folder = scaffold.folder_for(loaded, kind, theme)
    stem = f"{TODAY[:7]}-{STEM}" if kind == "news" else STEM  # news: docs/vi/tin-tuc/2026-11-...
    rel = f"docs/vi/{folder}/{stem}.md"  # 'Đăng ký đất đai' -> dang-ky-dat-dai.md
    assert result.stdout.splitlines() == [rel]
    text = (editors_site["root"] / rel).read_text("utf-8")
    assert f'title: "{TITLE}"' in text and f"kind: {kind}" in text
    built = editors_site["site"] / site.url_for("vi", rel.removeprefix("docs/vi/")).lstrip("/") / "index.html"
    h1 = [n.text().strip() for n in parse(built).find_all("h1")]
    assert h1 == [TITLE]


def test_scaffolded_pages_once_written_leave_the_whole_check_clean(editors_site):
    check = editors_site["check"]
    assert check.returncode == 0 and check.stdout == "", check.stdout
    assert "không có lỗi" in check.stderr


def test_a_scaffolded_page_still_holding_sample_text_fails_naming_line_and_template(editors_site):
    lines = editors_site["untouched"].stdout.splitlines()
    assert editors_site["untouched"].returncode == 1
    assert lines and all("vẫn là chữ mẫu của templates/" in line for line in lines), lines
    made = {r.stdout.strip() for kind, r in editors_site["made"].items() if (ROOT / "templates" / f"{kind}.md").is_file()}
    assert {line.split(":")[0] for line in lines} == made  # every page made from a template, and nothing else
    news = next(l for l in lines if "/tin-tuc/" in l and "Câu mở đầu trả lời" in l)
    assert news.startswith(f"docs/vi/tin-tuc/{TODAY[:7]}-{STEM}.md:") and "templates/news.md" in news


def test_english_twin_keeps_ids_and_fails_the_check_until_translated(tmp_path):
    root = copy_repo(tmp_path / "repo")
    source = "docs/vi/thu-tuc/dang-ky-khai-sinh.md"
    assert not (root / "docs/en/thu-tuc/dang-ky-khai-sinh.md").exists()
    result = run_script(root, "new_page.py", "--lang", "en", "--from", source, "--title", "Registering a birth",
                        "--description", "What to bring, where to go and how long it takes to register a birth.",
                        "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["docs/en/thu-tuc/dang-ky-khai-sinh.md"]
    vi = yaml.safe_load((root / source).read_text("utf-8").split("---")[1])
    en = yaml.safe_load((root / result.stdout.strip()).read_text("utf-8").split("---")[1])
    assert en["title"] == "Registering a birth" and str(en["updated"]) == TODAY
    for key in ("kind", "theme", "audience", "unit", "plan_items", "sources"):
        assert en[key] == vi[key], key
    assert en["procedure"]["legal_basis"] == vi["procedure"]["legal_basis"]
    check = run_script(root, "check.py")
    assert check.returncode == 1
    assert [l.split(":")[0] for l in check.stdout.splitlines()] == ["docs/en/thu-tuc/dang-ky-khai-sinh.md"]
    assert "vẫn y nguyên bản tiếng Việt" in check.stdout
    twin = root / "docs/en/thu-tuc/dang-ky-khai-sinh.md"
    write_body(twin)  # translated
    assert run_script(root, "check.py").returncode == 0
    again = run_script(root, "new_page.py", "--lang", "en", "--from", source, "--title", "X y z w",
                       "--description", "What to bring, where to go and how long it takes to register a birth.")
    assert again.returncode == 1 and "Đã có docs/en/thu-tuc/dang-ky-khai-sinh.md" in again.stderr


def test_scaffolder_fills_published_once_the_schema_has_it(monkeypatch):
    loaded, _ = data_mod.load(ROOT)
    item = next(i for i, (_p, _it, k) in loaded.items.items() if k == "content")
    args = dict(kind="news", theme=THEMES[0], title=TITLE, description=DESCRIPTION, audience=["nguoi-dan"],
                unit=next(iter(lifecycle.current_units(loaded.units, lifecycle.today()))), plan_items=[item], category=TAXONOMY["news_categories"][0]["id"],
                today=TODAY)
    rel, text, _ = scaffold.make_page(loaded, ROOT, **args)
    assert rel == f"docs/vi/tin-tuc/{TODAY[:7]}-{STEM}.md"
    assert ("published" in scaffold.schema_fields()) == (f"published: {TODAY}" in text)
    monkeypatch.setattr(scaffold, "schema_fields", lambda: {"published"})
    assert f"published: {TODAY}\n" in scaffold.make_page(loaded, ROOT, **args)[1]


def test_sample_text_comes_from_the_templates_themselves(tmp_path):
    from cchc import placeholders
    (tmp_path / "loai-moi.md").write_text('---\ntitle: "Tiêu đề mẫu của loại mới"\n---\n\n## Mục\n\n'
                                          "Viết ở đây đoạn mở đầu của trang.\n\n??? question \"Câu hỏi mẫu?\"\n\n1. ...\n", "utf-8")
    samples = placeholders.sample_texts(tmp_path)
    assert samples == {"Tiêu đề mẫu của loại mới": "templates/loai-moi.md",
                       "Viết ở đây đoạn mở đầu của trang.": "templates/loai-moi.md"}
    real = placeholders.sample_texts()
    assert "Câu mở đầu trả lời: việc gì, ai, khi nào, ở đâu. Chỉ đưa tin có nguồn; không trích lời ai khi không có văn bản ghi lại." in real
    assert not any(line.startswith("#") for line in real)


def test_file_name_from_a_vietnamese_title():
    assert scaffold.file_stem("Đăng ký đất đai") == "dang-ky-dat-dai"
    assert scaffold.file_stem("ĐỔI GIẤY PHÉP LÁI XE: hồ sơ, lệ phí?") == "doi-giay-phep-lai-xe-ho-so-le-phi"


BAD_INPUT = [  # (option, bad value, the Vietnamese line printed before "Chưa tạo trang...")
    ("--theme", "thu-tuc", "- theme: 'thu-tuc' không có trong data/taxonomy.yml (themes). Các mã hợp lệ: "
     + ", ".join(THEMES)),
    ("--title", "Đất", "- 'title' quá ngắn (3 ký tự); cần ít nhất 4 ký tự"),
    ("--description", "Ngắn quá.", "- 'description' quá ngắn (9 ký tự); cần ít nhất 30 ký tự"),
    ("--audience", "dan", "- audience[0]: 'dan' không có trong data/taxonomy.yml (audiences). Các mã hợp lệ: "
     + ", ".join(a["id"] for a in TAXONOMY["audiences"])),
]


@pytest.mark.parametrize("option,value,line", BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
def test_scaffolder_refuses_bad_input_in_vietnamese_and_writes_nothing(tmp_path, option, value, line):
    root = copy_repo(tmp_path / "repo")
    before = files_under(root / "docs")
    args = scaffold_args("article", THEMES[0], first_content_item(root))
    args[args.index(option) + 1] = value
    result = run_script(root, "new_page.py", *args)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [line, "Chưa tạo trang. Sửa các giá trị trên rồi chạy lại."]
    assert files_under(root / "docs") == before


def test_scaffolder_without_a_terminal_names_the_missing_option(tmp_path):
    root = copy_repo(tmp_path / "repo")
    before = files_under(root / "docs")
    result = run_script(root, "new_page.py", "--kind", "article")
    assert (result.returncode, result.stdout, result.stderr) == (1, "", "Thiếu --theme (Chủ đề).\n")
    assert files_under(root / "docs") == before


def test_scaffolder_refuses_an_unknown_kind_in_vietnamese(tmp_path):
    root = copy_repo(tmp_path / "repo")
    args = scaffold_args("article", THEMES[0], first_content_item(root))
    args[args.index("--kind") + 1] = "bai-viet"
    result = run_script(root, "new_page.py", *args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith("- kind: 'bai-viet' không có trong data/taxonomy.yml (kinds).")


# ---------------------------------------------------------------- the checker, unsafe input

TAGS = ", ".join(sorted(MARKUP["allowed_tags"]))
FILES = ", ".join(sorted(MARKUP["allowed_files"]))
LIMIT = MARKUP["max_image_bytes"]
OVERSIZE = LIMIT + 50 * 1024


def tag_line(tag):
    return f"Thẻ HTML <{tag}> không được phép (raw HTML). Dùng cú pháp Markdown thay cho HTML; các thẻ được phép: {TAGS}"


def scheme_line(url, scheme):
    return f"Liên kết '{url}' dùng giao thức '{scheme}:' không được phép. Chỉ dùng https://, mailto: hoặc tel:"


def html_scheme_line(url, tag="a"):
    return (f"Liên kết '{url}' trong thẻ <{tag}> dùng giao thức không an toàn (javascript:/data:)."
            " Dùng liên kết https:// hoặc tệp .md")


OTHER_HOST = "Ảnh '{}' lấy từ máy chủ khác. Tải ảnh vào cùng thư mục với trang và dẫn bằng tên tệp"
UNSAFE_LINES = {  # case -> (a line in a page body, the checker's message for it)
    "script": ("<script>alert(1)</script>", tag_line("script")),
    "iframe": ('<iframe src="https://example.com/"></iframe>', tag_line("iframe")),
    "object": ('<object data="phim.swf"></object>', tag_line("object")),
    "embed": ('<embed src="phim.swf">', tag_line("embed")),
    "onclick": ('<span onclick="alert(1)">Bấm vào đây</span>',
                "Thuộc tính 'onclick' trong thẻ <span> chạy mã lệnh nên không được phép (event handler). Xóa thuộc tính này"),
    "javascript-markdown": ("[Bấm vào đây](javascript:alert(1))", scheme_line("javascript:alert(1)", "javascript")),
    "data-markdown": ("[Bấm vào đây](data:text/html;base64,PHNjcmlwdD4=)",
                      scheme_line("data:text/html;base64,PHNjcmlwdD4=", "data")),
    "javascript-html": ('<a href="javascript:alert(1)">Bấm</a>', html_scheme_line("javascript:alert(1)")),
    "data-html": ('<a href="data:text/html;base64,PHNjcmlwdD4=">Bấm</a>',
                  html_scheme_line("data:text/html;base64,PHNjcmlwdD4=")),
    "style": ("<style>body { display: none }</style>", tag_line("style")),
    "link": ('<link rel="stylesheet" href="https://example.com/x.css">', tag_line("link")),
    "image-without-alt": ("![](anh-minh-hoa.png)",
                          "Ảnh 'anh-minh-hoa.png' thiếu mô tả (alt). Viết mô tả trong ngoặc vuông:"
                          " ![Mô tả ngắn nội dung ảnh](anh-minh-hoa.png)"),
    "img-without-alt": ('<img src="anh-minh-hoa.png">',
                        "Ảnh <img> thiếu mô tả (alt). Thêm alt=\"mô tả ngắn nội dung ảnh\" cho người dùng trình đọc màn hình"),
    "image-other-host": ("![Bản đồ](https://example.com/ban-do.png)", OTHER_HOST.format("https://example.com/ban-do.png")),
    "img-other-host": ('<img src="https://example.com/ban-do.png" alt="Bản đồ">',
                       OTHER_HOST.format("https://example.com/ban-do.png")),
}
UNSAFE_FILES = {  # case -> (file under docs/vi/<theme>/, bytes, the checker's message)
    "oversized-image": ("anh-qua-nang.png", b"\x89PNG\r\n\x1a\n" + bytes(OVERSIZE - 8),
                        f"Tệp nặng {OVERSIZE / 1024:.1f} KB, quá giới hạn {LIMIT / 1024:.1f} KB cho người đọc trên"
                        " điện thoại. Hãy nén hoặc thu nhỏ ảnh (ví dụ lưu dạng .webp hoặc .jpg chất lượng 80%)"),
    "html-file": ("trang-rieng.html", b"<script>alert(1)</script>\n",
                  f"Loại tệp '.html' không được phép trong docs/vi/. Chỉ được thêm: {FILES}"),
    "js-file": ("ma-lenh.js", b"alert(1)\n", f"Loại tệp '.js' không được phép trong docs/vi/. Chỉ được thêm: {FILES}"),
    "non-kebab-image": ("Anh_Minh_Hoa.png", b"\x89PNG\r\n\x1a\n",
                        "Tên tệp 'Anh_Minh_Hoa.png' phải viết thường, không dấu, nối bằng '-'"),
}
NON_KEBAB_PAGE = "Dang_Ky_Dat_Dai.md"


@pytest.fixture(scope="module")
def unsafe_check(tmp_path_factory):
    """One copy of the repository, one page per unsafe line, the unsafe files; checked once."""
    root = copy_repo(tmp_path_factory.mktemp("unsafe") / "repo")
    loaded, _ = data_mod.load(root)
    theme, item = THEMES[0], first_content_item(root)
    folder = root / "docs" / "vi" / scaffold.folder_for(loaded, "article", theme)
    (folder / "anh-minh-hoa.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # a real, small image beside the pages
    where = {}
    for case, (line, _message) in UNSAFE_LINES.items():
        _rel, text, problems = scaffold.make_page(
            loaded, root, kind="article", theme=theme, title=f"Kiểm tra {case}", description=DESCRIPTION,
            audience=["nguoi-dan"], unit=next(iter(lifecycle.current_units(loaded.units, lifecycle.today()))), plan_items=[item], today=TODAY,
            template_dir=root / "templates")
        assert not problems
        text = text[: text.index("\n---\n", 4) + 5] + "\n" + WRITTEN_BODY  # the page written, not the template's sample
        text = text.rstrip("\n") + "\n\n" + line + "\n"
        name = f"kiem-tra-{case}.md"
        (folder / name).write_text(text, "utf-8")
        where[case] = (f"docs/vi/{folder.relative_to(root / 'docs' / 'vi').as_posix()}/{name}", text.count("\n"))
    for case, (name, content, _message) in UNSAFE_FILES.items():
        (folder / name).write_bytes(content)
        where[case] = (f"{folder.relative_to(root).as_posix()}/{name}", 1)
    clean = (folder / "kiem-tra-script.md").read_text("utf-8").replace("\n\n<script>alert(1)</script>\n", "\n")
    (folder / NON_KEBAB_PAGE).write_text(clean, "utf-8")
    assert run_script(root, "update_manifest.py").returncode == 0  # new pages' addresses: not the point here
    result = run_script(root, "check.py")
    by_path = {}
    for line in result.stdout.splitlines():
        path = line.split(":", 1)[0]
        by_path.setdefault(path, []).append(line)
    return {"by_path": by_path, "where": where, "result": result, "folder": folder.relative_to(root).as_posix(),
            "root": root}


@pytest.mark.parametrize("case", list(UNSAFE_LINES) + list(UNSAFE_FILES))
def test_checker_rejects_unsafe_input_with_its_exact_line(unsafe_check, case):
    by_path, where = unsafe_check["by_path"], unsafe_check["where"]
    assert unsafe_check["result"].returncode == 1
    path, line = where[case]
    message = UNSAFE_LINES[case][1] if case in UNSAFE_LINES else UNSAFE_FILES[case][2]
    assert by_path.get(path) == [f"{path}:{line}: {message}"]


def test_checker_rejects_a_page_name_that_is_not_kebab_case(unsafe_check):
    by_path, folder = unsafe_check["by_path"], unsafe_check["folder"]
    path = f"{folder}/{NON_KEBAB_PAGE}"
    src = path.removeprefix("docs/vi/")
    assert by_path.get(path) == [
        f"{path}:1: Tên tệp/thư mục 'Dang_Ky_Dat_Dai' trong '{src}' phải viết thường, không dấu, nối bằng '-'"
        " (ví dụ 'dang-ky-dat-dai'), để đường dẫn ổn định và đọc được"]


def test_checker_reports_nothing_else(unsafe_check):
    by_path, folder = unsafe_check["by_path"], unsafe_check["folder"]
    expected = {p for p, _ in unsafe_check["where"].values()} | {f"{folder}/{NON_KEBAB_PAGE}"}
    assert set(by_path) == expected
    assert f"{sum(len(v) for v in by_path.values())} lỗi" in unsafe_check["result"].stderr


# Links a browser runs as script, written in ways a simple pattern misses: spaces inside the
# Markdown link's brackets, and the scheme's first letter as an HTML entity.
@pytest.mark.parametrize("title, line", [
    ("Liên kết có dấu cách", "[Bấm vào đây]( javascript:alert(1) )"),
    ("Liên kết mã hóa", '<a href="&#106;avascript:alert(1)">Bấm</a>'),
])
def test_checker_rejects_a_disguised_javascript_link(tmp_path, title, line):
    root = copy_repo(tmp_path / "repo")
    loaded, _ = data_mod.load(root)
    rel, text, _ = scaffold.make_page(loaded, root, kind="article", theme=THEMES[0], title=title,
                                      description=DESCRIPTION, audience=["nguoi-dan"], unit=next(iter(lifecycle.current_units(loaded.units, lifecycle.today()))),
                                      plan_items=[first_content_item(root)], today=TODAY, template_dir=root / "templates")
    (root / rel).write_text(text + "\n" + line + "\n", "utf-8")
    assert run_script(root, "update_manifest.py").returncode == 0
    result = run_script(root, "check.py")
    assert result.returncode == 1 and "javascript" in result.stdout


# ---------------------------------------------------------------- check.py --format github



def test_github_format_turns_each_line_into_an_annotation(unsafe_check):
    # Both formats on the same broken tree: one annotation per text line, same order.
    plain = unsafe_check["result"]
    github = run_script(unsafe_check["root"], "check.py", "--format", "github")
    assert github.returncode == plain.returncode == 1
    text_lines, gh_lines = plain.stdout.splitlines(), github.stdout.splitlines()
    assert len(gh_lines) == len(text_lines) > 10
    for text_line, gh_line in zip(text_lines, gh_lines):
        path, line, message = re.fullmatch(r"([^:]+):(\d+): (.*)", text_line).groups()
        message = message.replace("%", "%25")  # GitHub reads '%' as the start of an escape
        assert gh_line == f"::error file={path},line={line}::{message}"
    assert github.stderr == plain.stderr  # the summary stays on stderr, in Vietnamese


def test_github_annotation_escapes_what_github_would_misread():
    cli = load_script("check")
    from cchc.problems import Problem

    problem = Problem("docs/vi/a,b:c.md", 7, "100% sai\ndòng hai, có dấu: phẩy")
    assert cli.github_annotation(problem) == "::error file=docs/vi/a%2Cb%3Ac.md,line=7::100%25 sai%0Adòng hai, có dấu: phẩy"


def test_default_output_is_path_line_message(tmp_path):
    tree = copy_repo(tmp_path / "repo")
    page = tree / "docs" / "vi" / "khong-hop-le.md"
    page.write_text("Không có phần khai báo.\n", "utf-8")
    result = run_script(tree, "check.py")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("docs/vi/khong-hop-le.md:1: ")


# ---------------------------------------------------------------- XSS in front matter

def built_pages(site_dir: Path):
    return sorted(p for p in site_dir.rglob("*.html"))


def test_no_payload_becomes_markup_anywhere(editors_site):
    """No <script> with the payload, no onerror attribute, no payload <img>: in any page."""
    offenders = []
    for path in built_pages(editors_site["site"]):
        tree = parse(path)
        for node in tree.iter():
            if node.tag == "script" and "alert(1)" in node.text():
                offenders.append(f"{path}: <script>{node.text()[:60]}")
            if "onerror" in node.attrs or any(k.startswith("on") and "alert(1)" in (v or "") for k, v in node.attrs.items()):
                offenders.append(f"{path}: <{node.tag} {node.attrs}>")
            if node.tag == "img" and node.attrs.get("src") == "x":
                offenders.append(f"{path}: <img src=x>")
    assert not offenders, "\n".join(offenders[:20])


def xss_url(src: str, lang: str = "vi") -> str:
    return site.url_for(lang, src).lstrip("/")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_payload_is_shown_as_text_in_head_header_h1_and_nav(editors_site, lang):
    src = next(iter(XSS_PAGES))
    title, desc = f"XSS {lang} {XSS}", f"Mô tả có mã độc {XSS}"
    tree = parse(editors_site["site"] / xss_url(src, lang) / "index.html")
    assert next(tree.find_all("title")).text().startswith(f"{title} - ")
    metas = {(m.attrs.get("name") or m.attrs.get("property")): m.attrs.get("content") for m in tree.find_all("meta")}
    for key in ("description", "og:description", "twitter:description"):
        assert metas[key] == desc, key  # decoded once: escaped exactly once
    for key in ("og:title", "twitter:title"):
        assert metas[key] == title, key
    assert [h.text().strip() for h in tree.find_all("h1")] == [title]
    header = next(tree.find_all("div", cls="md-header__topic", data_md_component="header-topic"))
    assert title in header.text()
    assert any(title in a.text() for a in tree.find_all("a", cls="md-nav__link"))


def test_payload_is_text_in_the_procedure_card(editors_site):
    src = next(s for s, k in XSS_PAGES.items() if k == "procedure")
    card = next(parse(editors_site["site"] / xss_url(src) / "index.html").find_all(cls="proc-card"))
    assert card.text().count(XSS) >= 5  # documents, time limit, fee, result, conditions


def test_payload_is_text_in_footer_links_of_the_neighbours(editors_site):
    title = f"XSS vi {XSS}"
    labels = []
    for path in built_pages(editors_site["site"]):
        for a in parse(path).find_all("a", cls="md-footer__link"):
            if "XSS vi" in a.attrs.get("aria-label", ""):
                labels.append(a.attrs["aria-label"])
                assert title in a.text()
    assert labels, "no page links to the payload page in its footer"
    assert all(label.endswith(": " + title) for label in labels), labels  # not escaped twice


def test_payload_is_text_in_generated_lists(editors_site):
    """Theme hub (md:theme-pages), plan page (pages carrying out an item), news index,
    the list for the district portal and the kind lists: each names the page as text."""
    site_dir = editors_site["site"]
    found = {}
    for path in built_pages(site_dir):
        texts = [a.text() for a in parse(path).find_all("a")]
        if any(t.strip().startswith("XSS vi") and XSS in t for t in texts):
            found[path.relative_to(site_dir).as_posix()] = True
    assert f"{THEMES[0]}/index.html" in found, sorted(found)
    assert any(p.startswith("ke-hoach/") for p in found), sorted(found)
    assert "tin-tuc/index.html" in found and "tin-tuc/moi-nhat.html" in found, sorted(found)


def test_feeds_stay_well_formed_with_the_payload(editors_site):
    rss = ET.parse(editors_site["site"] / "tin-tuc" / "feed.xml")
    titles = [i.findtext("title") for i in rss.iter("item")]
    assert f"XSS vi {XSS}" in titles
    feed = json.loads((editors_site["site"] / "tin-tuc" / "feed.json").read_text("utf-8"))
    assert any(i["title"] == f"XSS vi {XSS}" for i in feed["items"])


def test_rss_description_is_not_markup_for_a_feed_reader(editors_site):
    rss = ET.parse(editors_site["site"] / "tin-tuc" / "feed.xml")
    for item in rss.iter("item"):
        as_html = Tree(item.findtext("description") or "").root
        assert not list(as_html.find_all("script")) and not list(as_html.find_all("img"))


# ---------------------------------------------------------------- "edit this page"

def edit_link(path: Path):
    links = [a.attrs.get("href") for a in parse(path).find_all("a", rel="edit")]
    return links[0] if len(links) == 1 else links


def test_every_page_edit_link_points_at_its_own_file(editors_site):
    root, site_dir = editors_site["root"], editors_site["site"]
    pages = [p for p in site.discover(root) if p.meta is not None]
    vi = {p.src for p in pages if p.lang == "vi"}
    en = {p.src for p in pages if p.lang == "en"}
    linked = english.linked_only(pages)  # untranslated cards: no English page (cchc/english.py)
    wrong = []
    for src in sorted(vi):
        expected = {
            site.url_for("vi", src): f"{REPO_URL}/edit/main/docs/vi/{src}",
            # The English site shows the Vietnamese page where no translation exists yet:
            # then the link leads to the Vietnamese file, which is what the reader sees.
            site.url_for("en", src): f"{REPO_URL}/edit/main/docs/{'en' if src in en else 'vi'}/{src}",
        }
        if src in linked:
            del expected[site.url_for("en", src)]
        for url, want in expected.items():
            got = edit_link(site_dir / url.lstrip("/") / "index.html")
            if got != want:
                wrong.append(f"{url}: {got} != {want}")
    assert not wrong, "\n".join(wrong[:20])
    assert vi - en and en, "need both translated and untranslated pages to test both cases"


def test_repository_link_is_plain_and_never_fetches_facts(editors_site):
    """Material fetches stars/forks/version from api.github.com for a link carrying
    data-md-component="source"; overrides/partials/source.html leaves that attribute out."""
    for path in built_pages(editors_site["site"]):
        text = path.read_text("utf-8")
        assert 'data-md-component="source"' not in text, path
    tree = parse(editors_site["site"] / "index.html")
    assert [a.attrs["href"] for a in tree.find_all("a", cls="md-source")] == [REPO_URL, REPO_URL]  # header, drawer


def test_a_build_without_a_repository_links_to_none(built_site):
    """A preview built without REPO_URL (the README's commands, CI) must not send readers to a
    placeholder repository: no repository link, no "edit this page" link, and /admin/ says what
    to set instead of offering a sign-in that cannot save."""
    if os.environ.get("REPO_URL"):
        pytest.skip("REPO_URL is set in this environment")
    pages = [p for p in built_site.rglob("*.html") if not p.relative_to(built_site).as_posix().startswith("admin/")]
    assert len(pages) > 50
    for path in pages:
        text = path.read_text("utf-8")
        assert 'class="md-source"' not in text and "md-content__button" not in text, path
        assert "OWNER/REPO" not in text, path
    notice = (built_site / "admin" / "index.html").read_text("utf-8")
    assert "REPO_URL" in notice and "decap-cms" not in notice
    assert not (built_site / "admin" / "config.yml").exists()


def test_mkdocs_yml_reads_the_repository_from_the_environment():
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    # No made-up default: unset, a build has no repository link (test below).
    assert re.search(r"^repo_url: !ENV REPO_URL$", text, re.M)
    assert re.search(r"^edit_uri: edit/main/docs/$", text, re.M)
    assert "- content.action.edit" in text


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def editors_url(editors_site):
    # A page like the home page, but with Material's stock attribute: the control case.
    site_dir = editors_site["site"]
    home = (site_dir / "index.html").read_text("utf-8")
    control = home.replace('class="md-source"', 'class="md-source" data-md-component="source"')
    assert control != home
    (site_dir / "control-stock-source.html").write_text(control, "utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def visit(browser, url: str, wait_for: str | None = None):
    """Open `url` in a fresh context until the network is quiet; returns (requested URLs,
    dialogs seen). Material's bundle mounts its components, and asks for repository facts,
    right after the page loads, so a request it makes is seen before the network goes quiet."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests, dialogs, shown = [], [], []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(url, wait_until="load")
        if wait_for:
            page.wait_for_selector(wait_for, timeout=10_000)
            shown = page.locator(wait_for).all_inner_texts()
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    return requests, dialogs, shown


def foreign(requests):
    return sorted({u for u in requests if not u.startswith(("http://127.0.0.1", "data:", "blob:"))})


def test_no_page_asks_another_host_for_repository_facts(browser, editors_url):
    for path in ("/", "/en/", f"/{xss_url(next(iter(XSS_PAGES)))}"):
        requests, _, _ = visit(browser, editors_url + path)
        assert requests and not foreign(requests), (path, foreign(requests))
    # Control: with Material's stock partial the same page does ask api.github.com.
    requests, _, _ = visit(browser, editors_url + "/control-stock-source.html")
    assert any("api.github.com" in u for u in foreign(requests)), requests


def test_payload_pages_run_no_script_in_a_browser(browser, editors_url):
    src = next(iter(XSS_PAGES))
    for path in (f"/{xss_url(src)}", f"/{xss_url(src, 'en')}", f"/{THEMES[0]}/", "/tin-tuc/", "/tin-tuc/moi-nhat.html"):
        _requests, dialogs, _ = visit(browser, editors_url + path)
        assert dialogs == [], (path, dialogs)
    # Search results show the page's title and description (from the index, in the browser).
    _requests, dialogs, shown = visit(browser, editors_url + "/?q=XSS", wait_for=".md-search-result__item")
    assert dialogs == [] and any("alert(1)" in text for text in shown), shown


# ---------------------------------------------------------------- workflows and local hooks

WORKFLOWS = ROOT / ".github" / "workflows"


def load_yaml(path: Path) -> dict:
    data = yaml.safe_load(path.read_text("utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def run_steps(workflow: dict) -> list:
    return [step["run"].strip() for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def ci_run_commands() -> list:
    """The commands .ci/run runs (not comments, `set`, `cd`)."""
    lines = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    return [l.strip() for l in lines if l.strip() and not l.startswith(("#", "set ", "cd "))]


def test_workflows_pass_the_github_workflow_schema_offline():
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) >= 2
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             *files], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_does_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text((WORKFLOWS / "ci.yml").read_text("utf-8").replace("runs-on:", "run-on:"), "utf-8")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(broken)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout


def test_ci_runs_what_ci_run_runs_plus_the_annotated_check():
    ci = load_yaml(WORKFLOWS / "ci.yml")
    assert "pull_request" in ci["on"] and ci["on"]["push"]["branches"] == ["main"]
    assert all(job["runs-on"] == "ubuntu-latest" for job in ci["jobs"].values())
    steps = run_steps(ci)
    commands = ci_run_commands()
    assert commands == ["bash scripts/setup-test-env.sh && .venv/bin/python -m pytest"]
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"\n{commands[0]}\n" in readme  # the README's second command, exactly
    assert "\npython3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/mkdocs serve\n" in readme
    assert all(c in steps for c in commands), steps
    assert "python3 scripts/check.py --format github" in steps


def test_publish_builds_strict_and_deploys_to_pages():
    pub = load_yaml(WORKFLOWS / "publish.yml")
    assert pub["on"]["push"]["branches"] == ["main"]
    assert pub["permissions"]["pages"] == "write" and pub["permissions"]["id-token"] == "write"
    assert "mkdocs build --strict" in run_steps(pub)
    uses = [s.get("uses", "") for job in pub["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    build_env = next(s["env"] for s in pub["jobs"]["build"]["steps"] if s.get("run") == "mkdocs build --strict")
    assert {"SITE_URL", "REPO_URL"} <= set(build_env)


def test_pre_commit_runs_the_checker_once_per_commit():
    config = load_yaml(ROOT / ".pre-commit-config.yaml")
    hooks = [h for repo in config["repos"] if repo["repo"] == "local" for h in repo["hooks"]]
    assert any(h["entry"] == "python3 scripts/check.py" and h["pass_filenames"] is False for h in hooks)


def test_pull_request_template_asks_the_reviewers_questions():
    text = (ROOT / ".github" / "pull_request_template.md").read_text("utf-8")
    for needle in ("mục nào của kế hoạch", "Nguồn", "scripts/check.py", "mkdocs serve", "Bản tiếng Anh"):
        assert needle in text


# ---------------------------------------------------------------- editorial health

HEALTH = FIXTURES / "health"
DAY = datetime.date(2026, 11, 23)


def health_pages():
    return site.discover(HEALTH)


def test_overdue_is_past_the_review_date_only():
    assert health.overdue("2026-11-22", DAY) == "quá hạn rà soát từ 2026-11-22 (1 ngày)"
    assert health.overdue("2026-11-23", DAY) is None
    assert health.overdue(None, DAY) is None
    assert health.overdue("không phải ngày", DAY) is None


def test_stale_translation_needs_both_dates():
    assert health.stale_translation("2026-02-01", "2026-03-05", "docs/vi/a.md") == (
        "bản tiếng Anh sửa lần cuối 2026-02-01, cũ hơn bản tiếng Việt docs/vi/a.md (sửa 2026-03-05)")
    assert health.stale_translation("2026-03-05", "2026-03-05", "docs/vi/a.md") is None
    assert health.stale_translation(None, "2026-03-05", "docs/vi/a.md") is None  # not committed yet


def test_findings_from_dates_given_no_git_needed():
    dates = {"docs/en/thu-tuc/dich-cu.md": "2026-02-01", "docs/vi/thu-tuc/dich-cu.md": "2026-03-05",
             "docs/en/thu-tuc/dich-moi.md": "2026-03-05", "docs/vi/thu-tuc/dich-moi.md": "2026-02-01"}
    found = health.findings(health_pages(), DAY, dates)
    assert [(f.unit, f.rel) for f in found] == [
        ("phong-noi-vu-thuan-nam", "docs/vi/thu-tuc/qua-han.md"),
        # The English page names no unit: it answers to its Vietnamese source's unit.
        ("phong-van-hoa-thong-tin-thuan-nam", "docs/en/thu-tuc/dich-cu.md"),
        ("", "docs/vi/khong-don-vi.md"),  # pages without a unit come last
    ]
    assert health.findings(health_pages(), datetime.date(2026, 1, 1), {}) == []


def test_report_groups_by_unit_one_line_per_page():
    units = {"phong-noi-vu-thuan-nam": {"name": "Phòng Nội vụ"}}
    found = [health.Finding("phong-noi-vu-thuan-nam", "docs/vi/a.md", ("quá hạn rà soát từ 2026-01-31 (296 ngày)",)),
             health.Finding("phong-noi-vu-thuan-nam", "docs/en/b.md", ("x", "y")),
             health.Finding("", "docs/vi/c.md", ("z",))]
    assert health.report(found, units, DAY) == [
        "Ngày 2026-11-23: 3 trang cần xem lại, theo đơn vị phụ trách (trường 'unit').",
        "",
        "Phòng Nội vụ (phong-noi-vu-thuan-nam)",
        "  docs/vi/a.md: quá hạn rà soát từ 2026-01-31 (296 ngày)",
        "  docs/en/b.md: x; y",
        "",
        health.NO_UNIT,
        "  docs/vi/c.md: z",
        "",
        health.HOW_TO_FIX,
    ]
    assert health.report([], units, DAY) == [
        "Ngày 2026-11-23: không có trang nào quá hạn rà soát hay bản tiếng Anh cũ hơn bản tiếng Việt."]


def git(root: Path, *args: str, date: str | None = None) -> None:
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T10:00:00+07:00", GIT_COMMITTER_DATE=f"{date}T10:00:00+07:00")
    subprocess.run(["git", "-c", "user.name=Biên tập viên", "-c", "user.email=bien-tap@example.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=root, env=env, check=True, capture_output=True)


def test_health_cli_reads_dates_from_git_and_exits_0(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(HEALTH / "docs", root / "docs")
    shutil.copytree(paths.DATA, root / "data")
    (root / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "health.py", root / "scripts" / "health.py")
    shutil.copytree(ROOT / "cchc", root / "cchc", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(paths.SCHEMAS, root / "schemas")
    git(root, "init", "-q", "-b", "main")
    commits = [("2026-01-10", ["data", "cchc", "schemas", "scripts", "docs/vi/thu-tuc/qua-han.md",
                               "docs/vi/thu-tuc/con-han.md", "docs/vi/khong-don-vi.md"]),
               ("2026-02-01", ["docs/en/thu-tuc/dich-cu.md", "docs/vi/thu-tuc/dich-moi.md"]),
               ("2026-03-05", ["docs/vi/thu-tuc/dich-cu.md", "docs/en/thu-tuc/dich-moi.md"])]
    for day, files in commits:
        git(root, "add", *files)
        git(root, "commit", "-q", "-m", f"Sửa ngày {day}", date=day)
    result = subprocess.run([sys.executable, "scripts/health.py", "--today", "2026-11-23"], cwd=root,
                            capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 0, result.stderr
    units, _ = data_mod.load(ROOT)
    name = units.units["phong-noi-vu-thuan-nam"]["name"]
    name2 = units.units["phong-van-hoa-thong-tin-thuan-nam"]["name"]
    assert result.stdout.splitlines() == [
        "Ngày 2026-11-23: 3 trang cần xem lại, theo đơn vị phụ trách (trường 'unit').",
        "",
        f"{name} (phong-noi-vu-thuan-nam)",
        "  docs/vi/thu-tuc/qua-han.md: quá hạn rà soát từ 2026-01-31 (296 ngày)",
        "",
        f"{name2} (phong-van-hoa-thong-tin-thuan-nam)",
        "  docs/en/thu-tuc/dich-cu.md: bản tiếng Anh sửa lần cuối 2026-02-01, cũ hơn bản tiếng Việt"
        " docs/vi/thu-tuc/dich-cu.md (sửa 2026-03-05)",
        "",
        health.NO_UNIT,
        "  docs/vi/khong-don-vi.md: quá hạn rà soát từ 2026-06-30 (146 ngày)",
        "",
        health.HOW_TO_FIX,
    ]


def test_health_cli_refuses_a_bad_date_in_vietnamese():
    result = subprocess.run([sys.executable, "scripts/health.py", "--today", "2026-13-01"], cwd=ROOT,
                            capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 2
    assert "'2026-13-01' không phải ngày dạng YYYY-MM-DD" in result.stderr


# ---------------------------------------------------------------- CONTRIBUTING.md stays true

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text("utf-8")


def test_contributing_documents_every_front_matter_field():
    schema = json.loads((paths.SCHEMAS / "page.schema.json").read_text("utf-8"))
    missing = [f for f in schema["properties"] if f"| `{f}` |" not in CONTRIBUTING]
    assert not missing, f"CONTRIBUTING.md section 4 lacks a row for: {missing}"
    for kind in EDITORIAL:
        assert f"| `{kind}` |" in CONTRIBUTING, f"CONTRIBUTING.md section 2 lacks the kind {kind}"
    for category in TAXONOMY["news_categories"]:
        assert f"`{category['id']}`" in CONTRIBUTING


def test_contributing_lists_the_markup_rules_of_data_markup_yml():
    def listed(label):
        block = re.search(rf"\*\*{label}\*\*: (.*?)\.\n", CONTRIBUTING, re.S).group(1)
        return re.findall(r"[a-z0-9-]+", block.split("`")[1])

    assert listed("Thẻ được phép") == sorted(MARKUP["allowed_tags"])
    assert listed("Thuộc tính được phép") == sorted(MARKUP["allowed_attributes"])
    assert f"**Ảnh tối đa {MARKUP['max_image_bytes'] // 1024} KB**" in CONTRIBUTING
    assert f"tối đa {MARKUP['max_file_bytes'] // 1024 // 1024} MB" in CONTRIBUTING


def test_contributing_check_example_is_real_output(tmp_path):
    """Section 12 shows a broken page and the checker's output on it: both must stay true.
    Lines shortened with '...' in the guide are compared up to the cut."""
    found = re.search(r"kết quả kiểm tra của nó:\n\n```markdown\n(.*?)```\n\n```text\n(.*?)```", CONTRIBUTING, re.S)
    page, shown = found.group(1), found.group(2).splitlines()
    root = copy_repo(tmp_path / "repo")
    (root / "docs/vi/thu-tuc-hanh-chinh/Nop-ho-so.md").write_text(page, "utf-8")
    result = run_script(root, "check.py")
    real = result.stdout.splitlines() + result.stderr.splitlines()
    assert len(real) == len(shown), "update CONTRIBUTING.md section 12:\n" + "\n".join(real)
    for doc, out in zip(shown, real):
        if doc.endswith(", ..."):
            assert out.startswith(doc[:-3]), f"update CONTRIBUTING.md section 12:\n{out}"
        elif not re.fullmatch(r"Đã kiểm tra \d+ trang, \d+ kế hoạch: \d+ lỗi\.", doc):
            assert out == doc, f"update CONTRIBUTING.md section 12:\n{out}"
    github = run_script(root, "check.py", "--format", "github").stdout.splitlines()
    documented = re.search(r"`(::error file=[^`]+)`", CONTRIBUTING).group(1)
    assert documented in github
