"""Links that never break: the manifest of published addresses (data/published-urls.txt),
the redirects (data/redirects.yml) and what the build writes for them.

The checker tests run on a copy of tests/fixtures/report/ (a tiny valid two-language site)
in tmp_path and assert the exact lines scripts/check.py prints. The build tests copy the
repository, add redirects to the copy (never to the real data), build it once, and open the
old addresses in headless Chromium.
"""
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cchc import check, check_urls, data as data_mod, english, paths, redirects, site
from cchc.redirects import Redirect
from conftest import build_site

ROOT = Path(__file__).resolve().parent.parent
TREE = Path(__file__).resolve().parent / "fixtures" / "report"
CHECK = ROOT / "scripts" / "check.py"
UPDATE = ROOT / "scripts" / "update_manifest.py"


def run(script: Path, root: Path) -> tuple[int, list, str]:
    """A CLI in a subprocess, as an editor runs it (slow: used once per CLI)."""
    proc = subprocess.run([sys.executable, str(script), "--root", str(root)], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stdout.splitlines(), proc.stderr


def check_lines(root: Path) -> list:
    """What scripts/check.py prints for `root` (the same function, in this process)."""
    return [str(p) for p in check.run(root)[0]]


def update(root: Path) -> list:
    """What scripts/update_manifest.py does, in this process; returns the lines added."""
    loaded, problems = data_mod.load(root)
    assert problems == []
    text, added = check_urls.updated_manifest(root, loaded, site.discover(root))
    (root / check_urls.MANIFEST).write_text(text, encoding="utf-8")
    return added


@pytest.fixture
def tree(tmp_path) -> Path:
    """The fixture site with its manifest written, as after `update_manifest.py`."""
    root = tmp_path / "site"
    shutil.copytree(TREE, root)
    update(root)
    return root


def move(root: Path, old: str, new: str) -> None:
    """Rename a page in both languages (as an editor moving a file)."""
    for lang in paths.LANGUAGES:
        src = root / "docs" / lang / old
        if src.exists():
            src.rename(root / "docs" / lang / new)


def manifest_line(root: Path, text: str) -> int:
    lines = (root / check_urls.MANIFEST).read_text("utf-8").split("\n")
    return lines.index(text) + 1


def write_redirects(root: Path, body: str) -> None:
    (root / redirects.REL).write_text("redirects:\n" + body, encoding="utf-8")


MISSING = ("Địa chỉ '{url}' đã công bố nhưng không còn trang nào: trang đã bị xóa hoặc đổi tên mà chưa có chuyển hướng,"
           " nên liên kết cũ trên cổng thông tin, văn bản, nhóm Zalo sẽ báo lỗi 404. {fix}")


# ------------------------------------------------------------------ the manifest and the check

def test_manifest_lists_both_languages_and_vietnamese_anchors(tree):
    lines = [l for l in (tree / check_urls.MANIFEST).read_text("utf-8").split("\n") if l and not l.startswith("#")]
    assert lines == [
        "/", "/tai-lieu/bai-phat-thanh/", "/tai-lieu/bai-viet-khac/", "/tai-lieu/cau-hoi-cuoc-thi/",
        "/tai-lieu/de-cuong-tap-huan/", "/thu-tuc/", "/thu-tuc/noi-nop-ho-so/",
        "/thu-tuc/noi-nop-ho-so/#khai-sinh", "/thu-tuc/noi-nop-ho-so/#nop-ho-so-o-bo-phan-mot-cua",
        "/tin-tuc/tin-thang-5/", "/tin-tuc/tin-thang-7/",
        # English: translated pages and the index pages (an untranslated page has no /en/ copy,
        # cchc/english.py: here the tai-lieu pages and tin-thang-7); no anchors.
        "/en/", "/en/thu-tuc/", "/en/thu-tuc/noi-nop-ho-so/", "/en/tin-tuc/tin-thang-5/",
    ]
    assert check_lines(tree) == []


def test_update_manifest_only_adds(tree):
    move(tree, "thu-tuc/noi-nop-ho-so.md", "thu-tuc/nop-ho-so.md")
    code, out, err = run(UPDATE, tree)
    assert code == 0 and err == "Đã ghi data/published-urls.txt: thêm 4 dòng.\n"
    assert out == ["+ /thu-tuc/nop-ho-so/", "+ /thu-tuc/nop-ho-so/#khai-sinh",
                   "+ /thu-tuc/nop-ho-so/#nop-ho-so-o-bo-phan-mot-cua", "+ /en/thu-tuc/nop-ho-so/"]
    text = (tree / check_urls.MANIFEST).read_text("utf-8")
    assert "/thu-tuc/noi-nop-ho-so/\n" in text and "/en/thu-tuc/noi-nop-ho-so/\n" in text


def test_removed_page_without_redirect_fails_naming_the_manifest_line(tree):
    for lang in paths.LANGUAGES:
        (tree / "docs" / lang / "thu-tuc" / "noi-nop-ho-so.md").unlink()
    code, out, _err = run(CHECK, tree)  # the CLI itself, once
    vi, en = manifest_line(tree, "/thu-tuc/noi-nop-ho-so/"), manifest_line(tree, "/en/thu-tuc/noi-nop-ho-so/")
    assert code == 1
    assert out == [
        f"data/published-urls.txt:{vi}: " + MISSING.format(url="/thu-tuc/noi-nop-ho-so/", fix=(
            "Thêm vào data/redirects.yml một mục '- from: /thu-tuc/noi-nop-ho-so/' với 'to: /thu-tuc/' (địa chỉ trang mới)")),
        f"data/published-urls.txt:{en}: " + MISSING.format(url="/en/thu-tuc/noi-nop-ho-so/", fix=(
            "Mục chuyển hướng thêm cho '/thu-tuc/noi-nop-ho-so/' áp dụng luôn cho địa chỉ tiếng Anh này")),
    ]


def test_moved_page_passes_once_redirected(tree):
    move(tree, "thu-tuc/noi-nop-ho-so.md", "thu-tuc/nop-ho-so.md")
    update(tree)
    out = check_lines(tree)
    assert out[0] == f"data/published-urls.txt:{manifest_line(tree, '/thu-tuc/noi-nop-ho-so/')}: " + \
        MISSING.format(url="/thu-tuc/noi-nop-ho-so/", fix=(
            "Thêm vào data/redirects.yml một mục '- from: /thu-tuc/noi-nop-ho-so/' với 'to: /thu-tuc/nop-ho-so/'"
            " (địa chỉ trang mới)"))
    # One entry, for the Vietnamese address, covers the English one too.
    write_redirects(tree, "  - from: /thu-tuc/noi-nop-ho-so/\n    to: /thu-tuc/nop-ho-so/\n")
    assert check_lines(tree) == []


def test_lost_heading_anchor_fails_until_the_old_id_is_kept(tree):
    page = tree / "docs" / "vi" / "thu-tuc" / "noi-nop-ho-so.md"
    page.write_text(page.read_text("utf-8").replace("## Nộp hồ sơ ở bộ phận một cửa", "## Nộp hồ sơ tại một cửa"), "utf-8")
    line = manifest_line(tree, "/thu-tuc/noi-nop-ho-so/#nop-ho-so-o-bo-phan-mot-cua")
    assert check_lines(tree) == [
        f"data/published-urls.txt:{line}: Mục '#nop-ho-so-o-bo-phan-mot-cua' không còn trên trang /thu-tuc/noi-nop-ho-so/"
        " (docs/vi/thu-tuc/noi-nop-ho-so.md): liên kết '/thu-tuc/noi-nop-ho-so/#nop-ho-so-o-bo-phan-mot-cua' sẽ chỉ mở"
        " đầu trang. Nếu đã đổi tên đề mục, giữ địa chỉ cũ bằng cách thêm {#nop-ho-so-o-bo-phan-mot-cua} vào cuối dòng"
        " đề mục, ví dụ '## Tên mới {#nop-ho-so-o-bo-phan-mot-cua}'"]
    page.write_text(page.read_text("utf-8").replace("## Nộp hồ sơ tại một cửa", "## Nộp hồ sơ tại một cửa {#nop-ho-so-o-bo-phan-mot-cua}"), "utf-8")
    assert check_lines(tree) == []


def test_a_new_page_is_never_an_error_and_is_recorded_once_published(tree):
    src = tree / "docs" / "vi" / "thu-tuc" / "noi-nop-ho-so.md"
    (tree / "docs" / "vi" / "thu-tuc" / "trang-moi.md").write_text(src.read_text("utf-8"), "utf-8")
    assert check_lines(tree) == []  # the pull request passes without touching the manifest
    assert "/thu-tuc/trang-moi/" in update(tree)  # what publish.yml runs after publishing


def test_anchors_that_markers_generate_are_never_recorded():
    """Catalogue groups (by lĩnh vực, by level) come from data and move with it; only the
    headings written in a page are promises. The real catalogue has the group anchor."""
    loaded, problems = data_mod.load(ROOT)
    assert problems == []
    published = check_urls.Published(loaded, site.discover(ROOT))
    assert "ho-tich" in published.anchors("/thu-tuc/")  # generated by <!-- md:procedures by=field -->
    lines = check_urls.current_lines(published)
    assert "/thu-tuc/" in lines and not any(line.startswith("/thu-tuc/#") for line in lines)
    written = [line for line in lines if "#" in line]
    assert written and all(line.split("#")[1] in published.anchors(line.split("#")[0]) for line in written)


def test_publish_workflow_records_what_it_published():
    import yaml
    pub = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text("utf-8"))
    record = next(job for job in pub["jobs"].values() if "scripts/update_manifest.py" in str(job["steps"]))
    assert record["needs"] == "deploy" and record["permissions"] == {"contents": "write"}
    script = "\n".join(step.get("run", "") for step in record["steps"])
    assert "git commit" in script and "data/published-urls.txt" in script and "git push" in script


def test_a_tree_without_manifest_makes_no_promises(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(TREE, root)
    assert check_lines(root) == []


# ------------------------------------------------------------------------------ the redirects

@pytest.mark.parametrize("body,expected", [
    ("  - from: /a/\n    to: /thu-tuc/khong-co/\n",
     "data/redirects.yml:2: Địa chỉ đích '/thu-tuc/khong-co/' không phải trang nào đang có. Có phải là"
     " '/thu-tuc/noi-nop-ho-so/'?"
     " Địa chỉ trang là đường dẫn tệp trong docs/vi/ bỏ '.md', có '/' ở đầu và cuối, ví dụ /thu-tuc-hanh-chinh/mot-cua/"),
    ("  - from: /a/\n    to: /b/\n  - from: /b/\n    to: /thu-tuc/\n",
     "data/redirects.yml:2: '/b/' cũng là một địa chỉ cũ đã chuyển hướng (/b/ -> /thu-tuc/). Chuyển thẳng một bước:"
     " sửa 'to' thành '/thu-tuc/'"),
    ("  - from: /a/\n    to: /b/\n  - from: /b/\n    to: /a/\n",
     "data/redirects.yml:2: Chuyển hướng tạo thành vòng lặp: /a/ -> /b/ -> /a/. Sửa 'to' thành địa chỉ của một trang đang có"),
    ("  - from: /a/\n    to: /a/\n",
     "data/redirects.yml:2: '/a/' chuyển hướng về chính nó. Sửa 'to' thành địa chỉ của trang mới"),
    ("  - from: /thu-tuc/\n    to: /\n",
     "data/redirects.yml:2: '/thu-tuc/' vẫn là địa chỉ của một trang đang có; chuyển hướng sẽ che mất trang đó."
     " Chỉ thêm chuyển hướng khi trang đã chuyển đi hoặc bị xóa"),
    ("  - from: /a/\n    to: /thu-tuc/noi-nop-ho-so/#khong-co\n",
     "data/redirects.yml:2: Trang '/thu-tuc/noi-nop-ho-so/' không có mục '#khong-co'. Các mục có: khai-sinh,"
     " nop-ho-so-o-bo-phan-mot-cua"),
    ("  - from: /Thu Tuc/\n    to: /\n",
     "data/redirects.yml:2: from: '/Thu Tuc/' không phải địa chỉ hợp lệ. Viết đường dẫn tính từ gốc trang web, chữ"
     " thường không dấu, bắt đầu và kết thúc bằng '/', ví dụ /thu-tuc-hanh-chinh/mot-cua/ (địa chỉ của trang web cũ"
     " có thể kết thúc bằng .html)"),
])
def test_bad_redirects_are_named_by_line(tree, body, expected):
    write_redirects(tree, body)
    assert check_lines(tree)[:1] == [expected]


def test_english_twin_follows_and_keeps_only_anchors_it_has():
    vi = Redirect("/cu/", "/moi/#muc", 2)
    published = {"/moi/", "/en/moi/"}
    anchors = {"/moi/": {"muc"}, "/en/moi/": set()}.get
    assert redirects.with_twins([vi], published, anchors) == [vi, Redirect("/en/cu/", "/en/moi/", 2, twin_of="/cu/")]
    explicit = Redirect("/en/cu/", "/en/khac/", 4)
    assert redirects.with_twins([vi, explicit], published, anchors) == [vi, explicit]


def test_english_twin_of_a_moved_untranslated_card_leads_to_the_vietnamese_card():
    """An untranslated card has no /en/ page (cchc/english.py): the English twin of its
    redirect goes to the Vietnamese card instead of to a page that does not exist."""
    vi = Redirect("/thu-tuc/cu/", "/thu-tuc/moi/", 2)
    published = {"/thu-tuc/moi/"}
    expanded = redirects.with_twins([vi], published, lambda url: set())
    assert expanded == [vi, Redirect("/en/thu-tuc/cu/", "/thu-tuc/moi/", 2, twin_of="/thu-tuc/cu/")]
    assert redirects.validate(expanded, published, lambda url: set()) == []


def test_published_english_card_address_becomes_a_redirect():
    """check_urls and the build agree: a listed /en/ address of an untranslated card is not a
    page any more, and leads to the Vietnamese card."""
    data, _ = data_mod.load(ROOT)
    pages = site.discover(ROOT)
    published = check_urls.Published(data, pages)
    listed = check_urls.listed_urls(ROOT)
    cards = english.linked_only(pages)
    assert cards, "the repository has untranslated cards"
    made = {r.source: r.target for r in english.published_redirects(pages, listed)}
    for src in cards:
        en, vi = site.url_for("en", src), site.url_for("vi", src)
        assert en not in published.urls
        assert made.get(en) == (vi if en in listed else None)


def test_untranslated_pages_of_every_kind_are_linked_but_section_indexes_are_copied():
    """cchc/english.py: a Vietnamese page without an English version gets no /en/ copy,
    whatever its kind; a section's index page keeps one (the English sidebar's entry). The
    language menu of a linked page leads to the nearest index page above it."""
    def rec(lang, src, kind):
        return site.PageRec(rel=f"docs/{lang}/{src}", lang=lang, src=src, url=site.url_for(lang, src),
                            meta={"kind": kind}, body="", body_line=1)

    pages = [rec("vi", "index.md", "home"), rec("en", "index.md", "home"),
             rec("vi", "tai-lieu/index.md", "section"),  # untranslated index: copied
             rec("vi", "tai-lieu/phat-thanh/bai-1.md", "radio-script"),
             rec("vi", "tin-tuc/tin-1.md", "news"), rec("vi", "thu-tuc/the-1.md", "procedure"),
             rec("vi", "thu-tuc/index.md", "section"), rec("en", "thu-tuc/index.md", "section"),
             rec("vi", "chi-so/bai.md", "article"), rec("en", "chi-so/bai.md", "article")]
    assert english.linked_only(pages) == {"tai-lieu/phat-thanh/bai-1.md", "tin-tuc/tin-1.md", "thu-tuc/the-1.md"}
    sources = {p.src for p in pages if p.lang == "vi"}
    assert english.landing("tai-lieu/phat-thanh/bai-1.md", sources) == "tai-lieu/index.md"  # no phat-thanh/index.md
    assert english.landing("thu-tuc/the-1.md", sources) == "thu-tuc/index.md"  # the catalogue
    assert english.landing("tin-tuc/tin-1.md", sources) == "index.md"  # no tin-tuc/index.md: home


def test_redirect_page_works_without_javascript_and_from_any_path():
    page = redirects.page_html(Redirect("/a/b/", "/c/#muc", 3), "https://cchc.example.vn/huyen/")
    assert '<html lang="vi">' in page
    assert '<meta http-equiv="refresh" content="0; url=../../c/#muc">' in page
    assert '<link rel="canonical" href="https://cchc.example.vn/huyen/c/">' in page
    assert '<a href="../../c/#muc">https://cchc.example.vn/huyen/c/#muc</a>' in page
    assert redirects.relative_target(Redirect("/cu.html", "/", 1)) == "./"
    assert redirects.output_file("/cu.html") == "cu.html" and redirects.output_file("/a/") == "a/index.html"
    assert '<html lang="en">' in redirects.page_html(Redirect("/en/a/", "/en/", 1), "http://x/")
    moved = redirects.page_html(Redirect("/en/a/", "/en/b/", 1), "http://x/")
    assert "<h1>This page has moved</h1>" in moved and "hreflang" not in moved
    # An English address of a page with no English version leads to the Vietnamese page, and says so.
    only_vi = redirects.page_html(Redirect("/en/thu-tuc/the-1/", "/thu-tuc/the-1/", 1), "http://x/")
    assert '<html lang="en">' in only_vi and "<h1>This page is in Vietnamese only</h1>" in only_vi
    assert '<a href="../../../thu-tuc/the-1/" hreflang="vi">http://x/thu-tuc/the-1/</a>' in only_vi


def test_nginx_rules():
    rules = redirects.nginx_rules([Redirect("/a/", "/b/", 1), Redirect("/cu.html", "/b/#muc", 2)], "https://x.vn/")
    assert "location = /a/ { return 301 /b/; }" in rules.splitlines()
    assert 'location = /cu.html { return 301 "/b/#muc"; }' in rules.splitlines()  # '#' starts an nginx comment
    below = redirects.nginx_rules([Redirect("/a/", "/b/", 1)], "https://x.vn/cchc/")
    assert "location = /cchc/a/ { return 301 /cchc/b/; }" in below.splitlines()


# ------------------------------------------------------------------- the real site and data

def test_real_redirects_and_manifest_are_valid():
    written, problems = redirects.load(ROOT)
    assert problems == []
    assert (ROOT / check_urls.MANIFEST).is_file(), "run python3 scripts/update_manifest.py"


def test_every_listed_address_and_anchor_is_in_the_built_site(built_site):
    """The manifest's promises hold in the real build: each address is a page or a redirect
    page, and each anchor is an id in the page's HTML (cchc.check_links.anchors mirrors toc)."""
    entries, bad = check_urls.parse_manifest((ROOT / check_urls.MANIFEST).read_text("utf-8"))
    assert not bad
    missing = []
    ids = {}
    for _n, url, anchor in entries:
        out = built_site / url.lstrip("/") / "index.html"
        if not out.is_file():
            missing.append(url)
            continue
        if anchor:
            if url not in ids:
                ids[url] = set(re.findall(r'\bid="([^"]+)"', out.read_text("utf-8")))
            if anchor not in ids[url] and redirects.MARK not in out.read_text("utf-8"):
                missing.append(f"{url}#{anchor}")
    assert not missing, "published addresses missing from the build:\n" + "\n".join(missing)


# ------------------------------------------------------- redirects in a real build and a browser

REDIRECTS = """
  - from: /duong-dan-cu-thu-nghiem/
    to: /huong-dan-lien-ket/
  - from: /muc-cu-thu-nghiem/
    to: /huong-dan-lien-ket/#khi-trang-doi-dia-chi
  - from: /tin-cu-thu-nghiem.html
    to: /huong-dan-lien-ket/
"""


@pytest.fixture(scope="module")
def redirected_site(tmp_path_factory) -> Path:
    """The repository copied, with three redirects added to the copy's data/redirects.yml, built."""
    copy = tmp_path_factory.mktemp("repo") / "repo"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", "site", "node_modules", "tests", "__pycache__",
                                                               ".pytest_cache"))
    path = copy / redirects.REL
    path.write_text(path.read_text("utf-8").replace("redirects: []", "redirects:") + REDIRECTS, encoding="utf-8")
    dest = tmp_path_factory.mktemp("redirected-site")
    result = build_site(dest, copy / "mkdocs.yml")
    assert result.returncode == 0, f"build with redirects failed:\n{result.stderr[-4000:]}"
    return dest


def test_build_writes_redirect_pages_in_both_languages(redirected_site):
    vi = (redirected_site / "duong-dan-cu-thu-nghiem" / "index.html").read_text("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../huong-dan-lien-ket/">' in vi
    site_url = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")  # what the build used
    assert f'<link rel="canonical" href="{site_url.rstrip("/")}/huong-dan-lien-ket/">' in vi
    en = (redirected_site / "en" / "duong-dan-cu-thu-nghiem" / "index.html").read_text("utf-8")
    assert '<html lang="en">' in en and 'url=../huong-dan-lien-ket/"' in en
    assert (redirected_site / "tin-cu-thu-nghiem.html").is_file()
    assert not (redirected_site / "en" / "tin-cu-thu-nghiem.html").exists()  # an old site's file has no twin
    rules = (redirected_site / redirects.NGINX_FILE).read_text("utf-8").splitlines()
    assert "location = /duong-dan-cu-thu-nghiem/ { return 301 /huong-dan-lien-ket/; }" in rules
    assert "location = /en/duong-dan-cu-thu-nghiem/ { return 301 /en/huong-dan-lien-ket/; }" in rules
    assert 'location = /muc-cu-thu-nghiem/ { return 301 "/huong-dan-lien-ket/#khi-trang-doi-dia-chi"; }' in rules


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def redirected_url(redirected_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(redirected_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("old,new", [
    ("/duong-dan-cu-thu-nghiem/", "/huong-dan-lien-ket/"),
    ("/en/duong-dan-cu-thu-nghiem/", "/en/huong-dan-lien-ket/"),
    ("/tin-cu-thu-nghiem.html", "/huong-dan-lien-ket/"),
])
def test_old_address_opens_the_new_page(browser, redirected_url, old, new, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(redirected_url + old)
    page.wait_for_url(redirected_url + new, timeout=10_000)
    assert page.locator("h1").first.inner_text().strip()
    context.close()


def test_old_link_to_a_heading_keeps_the_heading(browser, redirected_url):
    page = browser.new_page()
    page.goto(redirected_url + "/duong-dan-cu-thu-nghiem/#de-nghi-them-chuyen-huong")
    page.wait_for_url(redirected_url + "/huong-dan-lien-ket/#de-nghi-them-chuyen-huong", timeout=10_000)
    page.goto(redirected_url + "/muc-cu-thu-nghiem/")
    page.wait_for_url(redirected_url + "/huong-dan-lien-ket/#khi-trang-doi-dia-chi", timeout=10_000)
    page.close()


def test_english_links_to_vietnamese_pages_name_their_language():
    vi = {"/thu-tuc/the-1/", "/", "/tai-lieu/"}
    html = ('<p><a href="../../thu-tuc/the-1/">card</a> <a href="../../thu-tuc/the-1/#buoc">step</a>'
            ' <a href="../">English index</a> <a href="../../tai-lieu/" hreflang="vi" lang="vi">kept</a>'
            ' <a href="https://dichvucong.gov.vn/">portal</a> <a href="#muc">here</a>'
            ' <a href="../../assets/mau.pdf">form</a> <a href="mailto:a@b.vn">mail</a></p>')
    out = english.mark_vietnamese_links(html, "en/chi-so/", vi)
    assert out.count('hreflang="vi"') == 3  # the card twice, and the link that had it already
    assert '<a hreflang="vi" href="../../thu-tuc/the-1/">card</a>' in out
    assert '<a hreflang="vi" href="../../thu-tuc/the-1/#buoc">step</a>' in out
    for kept in ('<a href="../">English index</a>', '<a href="https://dichvucong.gov.vn/">portal</a>',
                 '<a href="#muc">here</a>', '<a href="../../assets/mau.pdf">form</a>',
                 '<a href="../../tai-lieu/" hreflang="vi" lang="vi">kept</a>'):
        assert kept in out
    # From the English home page, the Vietnamese home is '../'
    assert english.mark_vietnamese_links('<a href="../">Trang chủ</a>', "en/", vi) == \
        '<a hreflang="vi" href="../">Trang chủ</a>'


def test_english_hand_written_links_to_vietnamese_pages_are_marked_on_the_real_site(built_site):
    page = (built_site / "en" / "thu-tuc-hanh-chinh" / "index.html").read_text("utf-8")
    assert '<a hreflang="vi" href="../../thu-tuc-hanh-chinh/mot-cua/" lang="vi">' in page
    # ...and a link to an English page is not
    assert '<a href="noi-nop-ho-so/">Where to file an application since 1 July 2025</a>' in page
