"""The web editor at /admin/ (Decap CMS), end to end, in real Chromium.

A copy of the repository becomes a git repository in tmp_path; `decap-server` (npm, pinned,
MODE=git: each save is a commit on its own branch, as the editorial workflow makes a branch and
a pull request on GitHub) runs with its cwd there; the site is built with DECAP_LOCAL_BACKEND
pointing at it and served on localhost. A person's steps in the browser (click, type, pick, save)
create a news item and a procedure card; the branches they leave behind are merged as a pull
request would be, and `scripts/check.py` and `mkdocs build --strict` must pass on the result.

Also here, without a browser: the configuration follows the data and the schema, the local
backend can never reach a published build, and the vendored bundle is the one its checksum says.
"""
import copy
import datetime
import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from conftest import SITE_TREE

from cchc import admin, data as data_mod, lifecycle, paths, procedure

ROOT = paths.ROOT
COPIED = SITE_TREE + (".gitignore",)  # the clone decap-server commits to
SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
TODAY = datetime.date.today().isoformat()
NEWS_TITLE = "Xã tiếp nhận hồ sơ cả sáng thứ Bảy"
NEWS_BODY = ("Từ tháng này, Bộ phận một cửa của xã nhận hồ sơ cả buổi sáng thứ Bảy.\n\n"
             "## Người dân cần làm gì\n\nMang theo giấy tờ ghi trong thẻ thủ tục.\n")
CARD_TITLE = "Đăng ký lại khai sinh"
CARD_BODY = "Dùng khi giấy khai sinh đã mất và sổ hộ tịch còn lưu.\n\n## Các bước\n\n1. Nộp tờ khai ở xã.\n"


# ---------------------------------------------------------------- helpers

def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"decap-server exited with {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"decap-server did not listen on {port}")


def build(repo: Path, dest: Path, **env) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env)
    env.pop("SITE_URL", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=600)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# ---------------------------------------------------------------- the repository, the server, the site

@pytest.fixture(scope="module")
def cms(tmp_path_factory):
    node = shutil.which("node")
    if not node or not SERVER.is_file():
        message = "node or decap-server missing (bash scripts/setup-test-env.sh installs both)"
        if os.environ.get("CI"):
            pytest.fail(message + ": in CI this is a failure")
        pytest.skip(message)
    base = tmp_path_factory.mktemp("admin")
    repo = base / "repo"
    repo.mkdir()
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, repo / name)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Biên tập viên")  # decap-server commits as the repository's user
    git(repo, "config", "user.email", "bien-tap@example.invalid")
    git(repo, "config", "commit.gpgsign", "false")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Bản sao để thử trình soạn thảo web")

    port = free_port()
    env = dict(os.environ, MODE="git", PORT=str(port), BIND_HOST="127.0.0.1", LOG_LEVEL="warn",
               GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    log = (base / "decap-server.log").open("w")
    server = subprocess.Popen([node, str(SERVER)], cwd=repo, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, server)
        site = base / "site"  # outside the repository: the editor's commits must not pick it up
        # Vietnamese only: /admin/ and the stylesheets are what this test needs.
        result = build(repo, site, BUILD_EN="false", DECAP_LOCAL_BACKEND=f"http://127.0.0.1:{port}/api/v1")
        assert result.returncode == 0, result.stderr[-3000:]
        http_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=http_server.serve_forever, daemon=True).start()
        yield {"repo": repo, "site": site, "url": f"http://127.0.0.1:{http_server.server_address[1]}",
               "log": base / "decap-server.log"}
        http_server.shutdown()
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def field_input(page, label: str):
    """The input a field's label points to (Decap links them with for=/id=)."""
    target = page.locator("label", has_text=label).first.get_attribute("for")
    return page.locator(f"[id='{target}']")


def pick(page, label: str, *choices: str):
    """Open a select list, type to filter, press Enter: once per choice."""
    box = field_input(page, label)
    for choice in choices:
        box.click()
        box.type(choice)
        page.get_by_role("option", name=re.compile(re.escape(choice))).first.wait_for()
        page.keyboard.press("Enter")


def write_body(page, text: str):
    """Replace the template's outline in the Markdown editor with the page's own text."""
    editor = page.locator(".cms-editor-raw [contenteditable=true]").first
    editor.click()
    for _ in range(5):  # a slow machine may drop the first select-all; clear until it is empty
        page.keyboard.press("Control+A")
        page.keyboard.press("Delete")
        if not editor.inner_text().replace("\ufeff", "").strip():  # Slate keeps a zero-width mark
            break
        page.wait_for_timeout(300)
    assert not editor.inner_text().replace("\ufeff", "").strip(), "the template's outline could not be cleared"
    page.keyboard.type(text)


def save_and_wait_for_branch(page, repo: Path, collection: str) -> str:
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Thay đổi đã được lưu").first.wait_for(timeout=30_000)  # Decap says it is saved
    branches = [b.strip(" *") for b in git(repo, "branch", "--list", f"cms/{collection}/*").splitlines()]
    assert len(branches) == 1, branches
    return branches[0]


def new_entry(page, label: str, collection: str):
    page.get_by_role("link", name=label, exact=True).click()  # the collection, in the sidebar
    page.get_by_role("link", name=label, exact=True).wait_for()
    page.locator(f"a[href$='/collections/{collection}/new']").click()  # its "new" button
    field_input(page, "Tiêu đề").wait_for()


# ---------------------------------------------------------------- the person's steps

@pytest.fixture(scope="module")
def saved(cms, browser):
    """Sign in (local backend), write a news item and a procedure card, save each; return the
    branches, the requests the browser made and what the editor showed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.set_default_timeout(120_000)  # a 5 MB bundle on a loaded 2-core machine
    try:
        page.goto(cms["url"] + "/admin/")
        page.get_by_role("button", name="Đăng nhập").click()
        page.get_by_role("link", name="Tin tức", exact=True).wait_for()

        new_entry(page, "Tin tức", "news")
        field_input(page, "Tiêu đề").fill(NEWS_TITLE)
        field_input(page, "Mô tả ngắn").fill("Bộ phận một cửa của xã nhận hồ sơ thêm buổi sáng thứ Bảy, từ tháng này.")
        pick(page, "Chủ đề", "thu-tuc-hanh-chinh")
        pick(page, "Viết cho ai", "nguoi-dan")
        pick(page, "Đơn vị phụ trách", "ubnd-cac-xa-khanh-hoa-thuan-nam-cu")
        pick(page, "Mục kế hoạch", "TN22-ND-05")
        field_input(page, "Ngày cập nhật").fill(TODAY)
        field_input(page, "Ngày đăng tin").fill(TODAY)
        pick(page, "Chuyên mục tin", "thong-bao")
        write_body(page, NEWS_BODY)
        news_branch = save_and_wait_for_branch(page, cms["repo"], "news")
        # Open the editor again and use "Tạo nhanh" (quick add) for the second page. (Decap's
        # arrow back from a just-saved entry can leave the list loading for a long time.)
        page.goto(cms["url"] + "/admin/")
        page.get_by_role("button", name="Tạo nhanh").click()
        page.get_by_role("menuitem", name="thủ tục", exact=True).click()
        field_input(page, "Tiêu đề").wait_for()
        field_input(page, "Tiêu đề").fill(CARD_TITLE)
        field_input(page, "Mô tả ngắn").fill("Đăng ký lại khai sinh cần giấy tờ gì, nộp ở đâu, bao lâu có kết quả.")
        pick(page, "Chủ đề", "thu-tuc-hanh-chinh")
        pick(page, "Viết cho ai", "nguoi-dan")
        pick(page, "Đơn vị phụ trách", "ubnd-cac-xa-khanh-hoa-thuan-nam-cu")
        pick(page, "Mục kế hoạch", "TN22-ND-05")
        field_input(page, "Ngày cập nhật").fill(TODAY)
        pick(page, "Cấp thực hiện", "xa")
        pick(page, "Lĩnh vực", "ho-tich")
        pick(page, "Cơ quan thực hiện", "ubnd-cac-xa-khanh-hoa-thuan-nam-cu")
        pick(page, "Cách thức thực hiện", "truc-tiep", "buu-chinh-cong-ich")
        page.get_by_role("button", name=re.compile("giấy tờ")).click()  # "Add giấy tờ": one line
        page.locator("[id^='documents-field'] input").last.fill("Tờ khai đăng ký lại khai sinh theo mẫu (01 bản chính)")
        field_input(page, "Thời hạn giải quyết").fill("05 ngày làm việc")
        field_input(page, "Ngày đối chiếu").fill(TODAY)
        write_body(page, CARD_BODY)
        card_branch = save_and_wait_for_branch(page, cms["repo"], "procedure")
        shown = page.inner_text("body")
    finally:
        context.close()
    return {"branches": [news_branch, card_branch], "requests": requests, "shown": shown}


@pytest.fixture(scope="module")
def merged(cms, saved):
    """The two pull requests merged, as a reviewer would, in the reviewer's own clone: the tree
    main would have. (Not in decap-server's working copy: it runs git there at any moment, and
    its .git/index.lock made the reviewer's checkout or merge fail now and then.)"""
    review = cms["repo"].parent / "review"
    git(cms["repo"].parent, "clone", "-q", "--branch", "main", str(cms["repo"]), str(review))
    git(review, "config", "user.name", "Người duyệt")
    git(review, "config", "user.email", "duyet@example.invalid")
    git(review, "checkout", "-q", "-b", "review")
    for branch in saved["branches"]:
        git(review, "merge", "-q", "--no-edit", f"origin/{branch}")
    added = git(review, "diff", "--name-only", "main", "review").split()
    return {"repo": review, "added": added}


def test_each_save_is_its_own_branch_holding_one_vietnamese_page(cms, saved):
    month = TODAY[:7]
    expected = [f"docs/vi/tin-tuc/{month}-xa-tiep-nhan-ho-so-ca-sang-thu-bay.md", "docs/vi/thu-tuc/dang-ky-lai-khai-sinh.md"]
    for branch, path in zip(saved["branches"], expected):
        assert git(cms["repo"], "diff", "--name-only", "main", branch).split() == [path], branch


def test_the_pages_pass_every_check_and_the_strict_build(cms, merged):
    repo = merged["repo"]
    news = next(repo / p for p in merged["added"] if "/tin-tuc/" in p)
    card = next(repo / p for p in merged["added"] if "/thu-tuc/" in p)
    meta = yaml.safe_load(news.read_text("utf-8").split("---")[1])
    assert meta["kind"] == "news" and meta["title"] == NEWS_TITLE and str(meta["date"]) == TODAY
    assert meta["category"] == "thong-bao" and meta["plan_items"] == ["TN22-ND-05"]
    facts = yaml.safe_load(card.read_text("utf-8").split("---")[1])["procedure"]
    assert facts["ways"] == ["truc-tiep", "buu-chinh-cong-ich"] and facts["field"] == "ho-tich"
    assert facts["documents"] == ["Tờ khai đăng ký lại khai sinh theo mẫu (01 bản chính)"]
    assert NEWS_BODY.strip() in news.read_text("utf-8")

    check = subprocess.run([sys.executable, "scripts/check.py"], cwd=repo, capture_output=True, text=True,
                           encoding="utf-8", timeout=300)
    assert check.returncode == 0 and check.stdout == "", check.stdout + check.stderr
    out = repo.parent / "built"
    result = build(repo, out)
    assert result.returncode == 0, result.stderr[-3000:]
    html = (out / "tin-tuc" / news.stem / "index.html").read_text("utf-8")
    assert f">{NEWS_TITLE}</h1>" in html
    assert NEWS_TITLE in (out / "tin-tuc" / "index.html").read_text("utf-8")  # listed on the news index
    assert f">{CARD_TITLE}</h1>" in (out / "thu-tuc" / card.stem / "index.html").read_text("utf-8")


def test_the_editor_asks_no_other_host(saved):
    assert saved["requests"]
    assert [u for u in saved["requests"] if not u.startswith(("http://127.0.0.1", "data:", "blob:"))] == []


# ---------------------------------------------------------------- the configuration, without a browser

@pytest.fixture(scope="module")
def loaded():
    data, problems = data_mod.load(ROOT)
    assert problems == []
    lists, problems = procedure.load_lists(ROOT)
    assert problems == []
    schema = json.loads((paths.SCHEMAS / "page.schema.json").read_text("utf-8"))
    return data, lists, schema


def make(loaded, schema=None, **kw):
    data, lists, default_schema = loaded
    kw.setdefault("repo_url", "https://github.com/don-vi/trang")
    kw.setdefault("site_url", "https://cchc.example.vn/")
    return admin.config(data, lists, schema or default_schema, {}, **kw)


def fields_of(coll) -> dict:
    return {f["name"]: f for f in coll["fields"]}


def test_one_collection_per_editorial_kind_with_the_schemas_fields(loaded):
    data, lists, schema = loaded
    cfg = make(loaded)
    kinds = [k for k, v in data.kinds.items() if v["editorial"] and k != "hub"]
    assert [c["name"] for c in cfg["collections"]] == kinds
    assert cfg["publish_mode"] == "editorial_workflow" and cfg["locale"] == "vi"
    assert cfg["i18n"] == {"structure": "multiple_folders", "locales": ["vi", "en"], "default_locale": "vi"}
    assert "local_backend" not in cfg
    by_name = {c["name"]: c for c in cfg["collections"]}
    news, card = fields_of(by_name["news"]), fields_of(by_name["procedure"])
    assert by_name["news"]["path"] == "tin-tuc/{{year}}-{{month}}-{{slug}}"
    assert by_name["article"]["path"] == "{{theme}}/{{slug}}"
    assert news["kind"] == {"name": "kind", "label": "Loại trang", "widget": "hidden", "default": "news", "i18n": "duplicate"}
    assert news["date"]["widget"] == "datetime" and news["date"]["time_format"] is False and news["date"]["required"]
    assert {o["value"] for o in news["category"]["options"]} == set(data.news_categories)
    assert "procedure" not in news and "date" not in card and "category" not in card
    for name in ("title", "description", "theme", "audience", "unit", "plan_items", "updated"):
        assert card[name]["required"], name
    assert not card["sources"]["required"] and card["sources"]["multiple"]
    inner = {f["name"]: f for f in card["procedure"]["fields"]}
    assert set(inner) == set(schema["properties"]["procedure"]["properties"])
    assert inner["checked"]["required"] and not inner["fee"]["required"]
    assert [o["value"] for o in inner["field"]["options"]] == list(lists.fields)
    assert [o["value"] for o in inner["ways"]["options"]] == list(lists.ways) and inner["ways"]["multiple"]
    assert inner["code"]["pattern"][0] == schema["properties"]["procedure"]["properties"]["code"]["pattern"]
    # Only units still in office: a new page may not name one that ended (the checker would refuse it).
    current = lifecycle.current_units(data.units, lifecycle.today())
    assert set(current) < set(data.units), "the data should hold ended units for this to mean anything"
    assert {o["value"] for o in card["unit"]["options"]} == set(current)
    # Form items only where the kind can carry them out; content items everywhere.
    for coll in cfg["collections"]:
        offered = {o["value"] for o in fields_of(coll)["plan_items"]["options"]}
        for item_id, (_plan, item, item_kind) in data.items.items():
            assert (item_id in offered) == (item_kind == "content" or coll["name"] in item["kinds"]), (coll["name"], item_id)


def test_a_field_added_to_the_schema_appears_by_itself(loaded):
    schema = copy.deepcopy(loaded[2])
    schema["properties"]["published"] = {"type": "string", "format": "date", "description": "Ngày đăng."}
    schema["properties"]["archived"] = {"type": "boolean", "description": "Trang chỉ còn là tư liệu."}
    for coll in make(loaded, schema)["collections"]:
        f = fields_of(coll)
        assert f["published"]["widget"] == "datetime" and not f["published"]["required"]
        assert f["archived"]["widget"] == "boolean"


def test_backends_github_through_a_gateway_gitlab_with_pkce(loaded):
    gh = make(loaded, settings={"oauth_url": "https://oauth.cchc.example.vn/"})["backend"]
    assert gh == {"repo": "don-vi/trang", "branch": "main", "squash_merges": True, "cms_label_prefix": "cms/",
                  "name": "github", "base_url": "https://oauth.cchc.example.vn", "auth_endpoint": "auth"}
    gl = make(loaded, repo_url="https://gitlab.com/so-noi-vu/trang.git", settings={"gitlab_app_id": "abc123"})["backend"]
    assert gl["name"] == "gitlab" and gl["auth_type"] == "pkce" and gl["app_id"] == "abc123" and gl["repo"] == "so-noi-vu/trang"
    own = make(loaded, repo_url="https://git.tinh.gov.vn/so/trang")["backend"]
    assert own["api_root"] == "https://git.tinh.gov.vn/api/v4" and own["base_url"] == "https://git.tinh.gov.vn"


def test_local_backend_never_reaches_a_published_site(loaded):
    local = make(loaded, site_url="http://127.0.0.1:8000/", local="http://127.0.0.1:8081/api/v1")
    assert local["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1", "allowed_hosts": ["127.0.0.1", "localhost"]}
    assert make(loaded, site_url="http://localhost:8000/", local="true")["local_backend"] is True
    with pytest.raises(admin.AdminError, match="DECAP_LOCAL_BACKEND"):
        make(loaded, site_url="https://cchc.example.vn/", local="true")


def test_published_build_refuses_the_local_backend(tmp_path):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BUILD_EN="false", SITE_URL="https://cchc.example.vn/",
               DECAP_LOCAL_BACKEND="true")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "s")], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode != 0 and "DECAP_LOCAL_BACKEND chỉ dùng khi xem thử trên máy" in result.stderr


@pytest.fixture(scope="module")
def published_build(tmp_path_factory):
    """The real site built as publish.yml builds it: with the repository it runs in."""
    dest = tmp_path_factory.mktemp("published")
    result = build(ROOT, dest, REPO_URL="https://github.com/don-vi/trang")
    assert result.returncode == 0, result.stderr[-3000:]
    return dest


def test_the_real_build_serves_the_editor_from_itself(published_build):
    built_site = published_build
    cfg = yaml.safe_load((built_site / "admin" / "config.yml").read_text("utf-8"))
    assert cfg["backend"]["name"] == "github" and cfg["backend"]["repo"] == "don-vi/trang"
    assert "local_backend" not in cfg and cfg["publish_mode"] == "editorial_workflow"
    html = (built_site / "admin" / "index.html").read_text("utf-8")
    assert '<script src="decap-cms.js"></script>' in html and "http" not in html.replace("http-equiv", "")
    css = re.findall(r'registerPreviewStyle\("([^"]+)"\)', html)
    assert any("/assets/stylesheets/main." in c for c in css) and "/assets/site.css" in css
    assert all((built_site / c.lstrip("/")).is_file() for c in css), css
    assert (built_site / "admin" / "decap-cms.js").read_bytes() == (ROOT / "vendor" / "decap-cms" / "decap-cms.js").read_bytes()


def test_vendored_bundle_matches_its_recorded_checksum_and_pin():
    readme = (ROOT / "vendor" / "decap-cms" / "README.md").read_text("utf-8")
    recorded = re.search(r"SHA-256: `([0-9a-f]{64})`", readme).group(1)
    assert hashlib.sha256((ROOT / "vendor" / "decap-cms" / "decap-cms.js").read_bytes()).hexdigest() == recorded
    version = re.search(r"decap-cms@([0-9.]+)", readme).group(1)
    assert f'console.log("decap-cms-app {version}")'.encode() in (ROOT / "vendor" / "decap-cms" / "decap-cms.js").read_bytes()
    assert (ROOT / "vendor" / "decap-cms" / "LICENSE").read_text("utf-8").startswith("Copyright")
    lock = json.loads((ROOT / "package-lock.json").read_text("utf-8"))
    assert lock["packages"]["node_modules/decap-server"]["version"] == "3.11.3"


# ---------------------------------------------------------------- the one-page start

def test_the_one_page_start_is_short_linked_first_and_names_what_the_editor_shows():
    text = (ROOT / "BAT-DAU.md").read_text("utf-8")
    assert len(re.findall(r"\S+", text)) <= 600
    top = "\n".join((ROOT / "CONTRIBUTING.md").read_text("utf-8").splitlines()[:8])
    assert "(BAT-DAU.md)" in top
    bundle = (ROOT / "vendor" / "decap-cms" / "decap-cms.js").read_text("utf-8", "replace")
    for word in ("Đăng nhập bằng GitHub", "Tạo nhanh", "Bộ sưu tập", "Lưu", "Bản nháp", "Sẵn sàng", "Biên tập", "Công bố"):
        assert f"**{word}**" in text and f'"{word}' in bundle, word  # Decap's Vietnamese interface says it
    for label in ("Tiêu đề", "Mô tả ngắn", "Nội dung trang", "Thẻ thủ tục"):
        assert f"**{label}**" in text and any(v.startswith(label) for v in admin.LABELS.values()), label
    for term in ("tài khoản GitHub", "nhánh", "yêu cầu hợp nhất"):  # GitHub's words, explained on first use
        assert re.search(rf"\*\*{term}\*\* \(", text), term


# ---------------------------------------------------------------- editing a page that exists

EDITED_PAGE = "docs/vi/tin-tuc/2026-11-dich-vu-cong-toan-trinh-va-mot-phan.md"
EDITED_DESCRIPTION = "Nghị định 42/2022/NĐ-CP thay cách gọi “mức độ 3, mức độ 4” bằng toàn trình và một phần: tin giải thích khác nhau ở đâu."


def _split(text: str):
    """(front matter as data, body) of a page."""
    _before, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


@pytest.fixture(scope="module")
def edited(cms, browser, saved):
    """An editor opens a news item that is already on the site, changes its description only,
    and saves: the branch it leaves behind."""
    before = set(git(cms["repo"], "branch", "--list", "cms/news/*").replace("*", "").split())
    title = _split((cms["repo"] / EDITED_PAGE).read_text("utf-8"))[0]["title"]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        page.goto(cms["url"] + "/admin/")
        page.get_by_role("button", name="Đăng nhập").click()
        page.get_by_role("link", name="Tin tức", exact=True).click()
        page.get_by_text(title, exact=True).first.click()  # the collection lists entries by title
        box = field_input(page, "Mô tả ngắn")
        box.wait_for()
        box.fill(EDITED_DESCRIPTION)
        page.get_by_role("button", name="Lưu", exact=True).click()
        page.get_by_text("Thay đổi đã được lưu").first.wait_for(timeout=30_000)
    finally:
        context.close()
    after = set(git(cms["repo"], "branch", "--list", "cms/news/*").replace("*", "").split())
    new = sorted(after - before)
    assert len(new) == 1, (before, after)
    return new[0]


def test_editing_a_page_changes_only_what_the_editor_changed(cms, edited):
    """Decap writes the whole file again on save: every other field, the order of nothing that
    matters, and the body must come back as they were (content is never lost)."""
    repo = cms["repo"]
    assert git(repo, "diff", "--name-only", "main", edited).split() == [EDITED_PAGE]
    old_meta, old_body = _split(git(repo, "show", f"main:{EDITED_PAGE}"))
    new_meta, new_body = _split(git(repo, "show", f"{edited}:{EDITED_PAGE}"))
    assert new_meta["description"] == EDITED_DESCRIPTION
    normal = lambda meta: {k: str(v) if isinstance(v, datetime.date) else v  # noqa: E731
                           for k, v in meta.items() if k != "description"}
    assert normal(new_meta) == normal(old_meta)
    assert new_body.strip() == old_body.strip()
    # and the edited page still passes every check
    review = repo.parent / "review-edit"
    git(repo.parent, "clone", "-q", "--branch", edited, str(repo), str(review))
    check = subprocess.run([sys.executable, "scripts/check.py"], cwd=review, capture_output=True, text=True,
                           encoding="utf-8", timeout=300)
    assert check.returncode == 0 and check.stdout == "", check.stdout + check.stderr
