"""Safe by construction (issue 12): whatever an editor writes, the build publishes no live
markup, the browser runs nothing, and the checker names the file and line first.

One fixture site for the whole module: a copy of the real tree plus one page per payload
(docs/vi/to-chuc-bo-may/thu-doc-NN.md), a news item dated after the build's day, a news item
whose title is a payload, and symbolic links out of the tree. It is built once (non-strict:
the guarantee must not depend on --strict) and checked once; each payload is then asserted
three ways: the checker's line, the built <article> read by an HTML parser, and headless
Chromium hovering and clicking every element of the article.

Payloads set `window.__pwned` or open a dialog. The browser test makes any write to
`window.__pwned` report to Python (it survives navigation), records dialogs, requests to other
hosts and navigations to javascript:/data:/vbscript: addresses.
"""
import functools
import html
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

from cchc import check, check_markup, markers, news, sanitize, site, yamlio
from cchc import data as data_mod
from conftest import load_script, SITE_TREE

ROOT = Path(__file__).resolve().parent.parent
COPIED = SITE_TREE
TODAY = "2026-12-02"
FOLDER = "to-chuc-bo-may"
HEAD = """\
---
title: Trang thử số {n:02d}
description: Trang thử do bộ kiểm thử an toàn tạo ra, mang một đoạn mã độc mà bản dựng phải vô hiệu hóa.
kind: article
theme: to-chuc-bo-may
audience: [nguoi-dan]
unit: ubnd-cac-xa-khanh-hoa-thuan-nam-cu
plan_items: [TN22-ND-07]
updated: 2026-11-23
---

Đoạn mở đầu của trang thử.

"""
FIRST_PAYLOAD_LINE = HEAD.count("\n") + 1  # the payload's first line in the file
# The same payloads in an English translation: an untranslated page has no English page
# (cchc/english.py), so the English build meets them only in pages written in English.
HEAD_EN = (HEAD.replace("title: Trang thử số", "title: Test page no.")
           .replace("description: Trang thử do bộ kiểm thử an toàn tạo ra, mang một đoạn mã độc mà bản dựng phải vô hiệu hóa.",
                    "description: A test page made by the safety tests, carrying hostile code the build must disarm.")
           .replace("Đoạn mở đầu của trang thử.", "The test page's opening paragraph."))
P = "window.__pwned=1"
S = "https://xss.invalid/x.js"  # another host: a request to it is a failure too

# (id, Markdown written by the "editor", the payload line (1-based) the checker must name)
CASES = [
    # ---- OWASP XSS filter evasion cheat sheet (adapted: each sets the flag or opens a dialog)
    ("script-src", f'<SCRIPT SRC={S}></SCRIPT>', 1),
    ("img-javascript", f"<IMG SRC=\"javascript:{P};\" alt=a>", 1),
    ("img-case", f"<IMG SRC=JaVaScRiPt:{P} alt=a>", 1),
    ("img-grave", f"<IMG SRC=`javascript:{P}` alt=a>", 1),
    ("a-onmouseover", f'<a onmouseover="{P}">xxs link</a>', 1),
    ("malformed-img-script", f'<IMG """><SCRIPT>{P}</SCRIPT>">', 1),
    ("fromcharcode", "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83)) alt=a>", 1),
    ("img-hash-onmouseover", f"<IMG SRC=# onmouseover=\"{P}\" alt=a>", 1),
    ("img-onerror-close", f'<IMG SRC=/ onerror="{P}" alt=a></img>', 1),
    ("onerror-decimal-entities", '<img src=x alt=a onerror="&#0000119&#0000105&#0000110&#0000100&#0000111&#0000119'
     '&#0000046&#0000095&#0000095&#0000112&#0000119&#0000110&#0000101&#0000100&#0000061&#0000049">', 1),
    ("src-decimal-entities", "<IMG alt=a SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;"
     "&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>", 1),
    ("src-hex-no-semicolon", "<IMG alt=a SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C"
     "&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>", 1),
    ("embedded-tab", f'<IMG alt=a SRC="jav\tascript:{P};">', 1),
    ("encoded-tab", f'<IMG alt=a SRC="jav&#x09;ascript:{P};">', 1),
    ("encoded-newline", f'<a href="jav&#x0A;ascript:{P};">x</a>', 1),
    ("leading-space-and-meta", f'<a href=" &#14;  javascript:{P};">x</a>', 1),
    ("script-slash", f'<SCRIPT/XSS SRC="{S}"></SCRIPT>', 1),
    ("body-onload-junk", f"<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`={P}>", 1),
    ("extra-brackets", f"<<SCRIPT>{P};//\\<</SCRIPT>", 1),
    ("unclosed-script", f"<SCRIPT SRC={S}?< B >", 1),
    ("end-title", f"</TITLE><SCRIPT>{P};</SCRIPT>", 1),
    ("input-image", f"<INPUT TYPE=\"IMAGE\" SRC=\"javascript:{P};\">", 1),
    ("body-background", f"<BODY BACKGROUND=\"javascript:{P}\">", 1),
    ("img-dynsrc", f"<IMG alt=a DYNSRC=\"javascript:{P}\">", 1),
    ("style-list-image", f'<STYLE>li {{list-style-image: url("javascript:{P}");}}</STYLE>', 1),
    ("svg-onload", f"<svg/onload={P}>", 1),
    ("iframe-javascript", f"<IFRAME SRC=\"javascript:parent.{P};\"></IFRAME>", 1),
    ("iframe-srcdoc", f'<iframe srcdoc="<script>parent.{P}</script>"></iframe>', 1),
    ("table-background", f"<TABLE BACKGROUND=\"javascript:{P}\"><tr><td>x</td></tr></TABLE>", 1),
    ("div-style-url", f"<DIV STYLE=\"background-image: url(javascript:{P})\">x</DIV>", 1),
    ("div-style-expression", f"<DIV STYLE=\"width: expression({P});\">x</DIV>", 1),
    ("meta-refresh", f"<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:{P};\">", 1),
    ("object-data", '<OBJECT TYPE="text/html" DATA="https://xss.invalid/x.html"></OBJECT>', 1),
    ("embed-data-svg", '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3B3bmVkPTEiLz4=">', 1),
    ("base-href", f"<BASE HREF=\"javascript:{P};//\">", 1),
    ("link-stylesheet", '<LINK REL="stylesheet" HREF="https://xss.invalid/x.css">', 1),
    ("form-action", f'<form action="javascript:{P}"><button>Gửi</button></form>', 1),
    ("a-data-base64", '<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+">x</a>', 1),
    ("a-vbscript", '<a href="vbscript:msgbox(1)">x</a>', 1),
    ("details-ontoggle", f"<details open ontoggle={P}><summary>x</summary>y</details>", 1),
    ("video-source-onerror", f'<video><source onerror="{P}"></video>', 1),
    ("polyglot", "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/"
     "</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e", 1),
    # ---- mutation XSS: markup a sanitiser reads one way and a browser another
    ("mxss-math-style", f"<math><mtext><table><mglyph><style><img src=x alt=a onerror={P}>", 1),
    ("mxss-noscript-title", f'<noscript><p title="</noscript><img src=x alt=a onerror={P}>">', 1),
    ("mxss-form-math", f"<form><math><mtext></form><form><mglyph><style></math><img src onerror={P}>", 1),
    ("mxss-svg-style", f"<svg><style><img src=x alt=a onerror={P}></style></svg>", 1),
    ("comment-bang-close", f"<!-- ghi chú --!><img src=x alt=a onerror=\"{P}\"> -->", 1),
    ("comment-abrupt", f"<!--><img src=x alt=a onerror=\"{P}\">-->", 1),
    # ---- Markdown: attr_list, md_in_html, links and reference definitions
    ("attr-list-paragraph", f'Bấm vào đoạn này.\n{{ onclick="{P}" }}', 2),
    ("attr-list-link-href", f'Xem [trang](https://example.com){{ href="javascript:{P}" }}.', 1),
    ("attr-list-image", f'![Sơ đồ](so-do.png){{ onerror="{P}" }}', 1),
    ("attr-list-heading", f"## Một mục {{ onmouseover={P} }}", 1),
    ("attr-list-style", '{ style="background:url(https://xss.invalid/x.png)" }\nĐoạn văn có nền.\n{ style="background:url(https://xss.invalid/x.png)" }', 3),
    ("md-in-html-div", f'<div markdown="1" onclick="{P}">\n\n**Đậm** trong khối.\n\n</div>', 1),
    ("md-in-html-span", f'<span markdown="span" onmouseover="{P}">*nghiêng*</span>', 1),
    ("img-onerror-next-line", f'<img src=x alt=a\nonerror="{P}">', 2),
    ("link-text-two-lines", f"Xem [bấm\nvào đây](javascript:{P}) nhé.", 2),
    ("ref-def-url-next-line", f"Xem [tại đây][a].\n\n[a]:\n    javascript:{P}", 4),
    ("ref-def-entity", f"Xem [tại đây][b].\n\n[b]: &#106;avascript:{P}", 3),
    ("ref-def-angle", f"Xem [tại đây][c].\n\n[c]: <javascript:{P}>", 3),
    ("md-link-hex-entity", f"[x](&#x6A;avascript:{P})", 1),
    ("md-link-named-colon", f"[x](javascript&colon;{P})", 1),
    ("md-link-tab-in-angle", f"[x](<java\tscript:{P}>)", 1),
    ("md-link-upper-spaces", f"[x]( JAVASCRIPT:{P} )", 1),
    ("md-image-javascript", f"![Ảnh](javascript:{P})", 1),
    ("autolink-javascript", f"<javascript:{P}>", 1),
    ("abbr-definition", f'Chữ HTML.\n\n*[HTML]: "><img src=x alt=a onerror={P}>', 3),
    ("admonition-title", f'!!! note "<img src=x alt=a onerror={P}>"\n\n    Nội dung.', 1),
    ("table-cell", f"| a | b |\n|---|---|\n| <img src=x alt=a onerror={P}> | 1 |", 3),
    ("heading-raw-img", f"## Tiêu đề <img src=x alt=a onerror={P}>", 1),
    ("toc-label", f'## Mục {{ data-toc-label="<img src=x alt=a onerror={P}>" }}', 1),
    # ---- written for this suite (not in the cheat sheet)
    ("named-entity-tab", f'<a href="jav&Tab;ascript:{P}">x</a>', 1),
    ("named-entity-newline", f'<a href="java&NewLine;script:{P}">x</a>', 1),
    ("attr-list-entity-href", f'[trang](https://example.com){{ href="&#106;avascript:{P}" }}', 1),
    ("equals-on-own-line", f'<div><img src=x alt=a onerror\n=\n"{P}"></div>', 1),
    ("pointerenter-next-line", f'<span title="x"\n  onpointerenter="{P}">di chuột</span>', 2),
    ("attr-list-autofocus", f'Đoạn văn.\n{{: #__pwned .x onfocus="{P}" tabindex=0 autofocus }}', 2),
    ("img-srcset", f'<img src="so-do.png" alt="a" srcset="javascript:{P} 1x">', 1),
    ("overlay-mouseenter", f'<a href="https://example.com" style="position:fixed;inset:0" onmouseenter="{P}">x</a>', 1),
    ("svg-xlink", f'<svg><a xlink:href="javascript:{P}"><text y="20">x</text></a></svg>', 1),
    ("upper-onclick-attr-list", f"[x](https://example.com){{ ONCLICK={P} }}", 1),
    ("unclosed-tag-later", f"<div>\n<img src=x alt=a onerror={P}//\n\nĐoạn sau.\n</div>", 2),
    ("raw-newline-in-scheme", f'<a href="java\nscript:{P}">x</a>', 2),
    ("remote-image", "![Ảnh ngoài](https://xss.invalid/track.png)", 1),
    ("remote-image-protocol-relative", '<img src="//xss.invalid/track.png" alt="a">', 1),
    ("data-image-md", "![Ảnh](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3B3bmVkPTEiLz4=)", 1),
    ("md-in-html-nested-attr", f'<div markdown>\n<p markdown onclick="{P}">\n*x*\n</p>\n</div>', 2),
]
assert len(CASES) >= 40 and len({c[0] for c in CASES}) == len(CASES)
PAGES = {case_id: f"{FOLDER}/thu-doc-{i:02d}.md" for i, (case_id, _text, _at) in enumerate(CASES, 1)}

UNTITLED = f"{FOLDER}/thu-doc-khong-tieu-de.md"
NEWS_LATER = "tin-tuc/tin-hen-gio.md"  # dated after TODAY
NEWS_XSS = "tin-tuc/tin-co-ma-doc.md"
XSS_TITLE = f'Tin thử "><img src=x onerror={P}> <script>{P}</script>'
NEWS = """\
---
title: {title}
description: {description}
kind: news
date: {date}
category: {category}
theme: to-chuc-bo-may
audience: [nguoi-dan]
unit: ubnd-cac-xa-khanh-hoa-thuan-nam-cu
plan_items: [TN22-ND-07]
updated: {date}
---

Nội dung tin thử.
"""


def copy_repo(dest: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore, symlinks=True)
        else:
            shutil.copy2(src, dest / name)
    return dest


def build(root: Path, dest: Path, *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CCHC_TODAY=TODAY)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *extra, "-d", str(dest)],
                          cwd=root, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("payloads")
    root = copy_repo(base / "repo")
    docs = root / "docs" / "vi"
    for n, (case_id, text, _at) in enumerate(CASES, 1):
        (docs / PAGES[case_id]).write_text(HEAD.format(n=n) + text + "\n", "utf-8")
        english = root / "docs" / "en" / PAGES[case_id]
        english.parent.mkdir(parents=True, exist_ok=True)
        english.write_text(HEAD_EN.format(n=n) + text + "\n", "utf-8")
    category = yaml.safe_load((ROOT / "data/taxonomy.yml").read_text("utf-8"))["news_categories"][0]["id"]
    (docs / NEWS_LATER).write_text(NEWS.format(title="Tin hẹn giờ đăng", date="2026-12-20", category=category,
                                               description="Tin này đề ngày sau hôm nay nên chưa được đăng."), "utf-8")
    (docs / NEWS_XSS).write_text(NEWS.format(title=json.dumps(XSS_TITLE, ensure_ascii=False), date=TODAY,
                                             category=category, description=json.dumps(XSS_TITLE, ensure_ascii=False)),
                                 "utf-8")
    # No title in the front matter: MkDocs takes the first heading, tags stripped, quotes kept.
    (docs / UNTITLED).write_text(f'---\ndescription: Trang thử không có tiêu đề trong phần khai báo.\nkind: article\n---\n\n'
                                 f'# Tiêu đề" onmouseover="{P}" data-x="\n\nNội dung.\n', "utf-8")
    # Links out of the tree: the build must never follow them.
    outside = base / "outside"
    outside.mkdir()
    (outside / "bi-mat.md").write_text("---\ntitle: Bí mật ngoài kho\n---\n\nBÍ MẬT NGOÀI KHO\n", "utf-8")
    (outside / "bi-mat.txt").write_text("BÍ MẬT NGOÀI KHO\n", "utf-8")
    (docs / FOLDER / "mat-khau.png").symlink_to("/etc/passwd")
    (docs / FOLDER / "ngoai-kho.md").symlink_to(outside / "bi-mat.md")
    (docs / FOLDER / "thu-muc-ngoai").symlink_to(outside, target_is_directory=True)
    dest = base / "site"
    result = build(root, dest, "--no-strict")  # mkdocs.yml says strict: the guarantee must not need it
    assert result.returncode == 0, result.stderr[-4000:]
    old = os.environ.get(news.TODAY_ENV)
    os.environ[news.TODAY_ENV] = TODAY
    try:
        problems, _counts = check.run(root)
    finally:
        if old is None:
            os.environ.pop(news.TODAY_ENV)
        else:
            os.environ[news.TODAY_ENV] = old
    return {"root": root, "site": dest, "problems": problems, "log": result.stderr, "outside": outside}


def page_dir(src: str, lang: str = "vi") -> str:
    return site.url_for(lang, src).strip("/")


# ---------------------------------------------------------------- a small DOM

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Elements(HTMLParser):
    """Every start tag inside <article> (or the whole page), with its attributes."""

    def __init__(self, text: str, article_only: bool = True):
        super().__init__(convert_charrefs=True)
        self.article_only, self.depth, self.found = article_only, 0, []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if self.depth or not self.article_only:
            self.found.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1


# <svg> itself is inert (Material's edit button carries one); what inside it can run is listed.
EXECUTABLE_TAGS = {"script", "iframe", "frame", "object", "embed", "applet", "form", "style", "link", "meta",
                   "base", "math", "template", "portal", "set", "animate", "animatemotion", "animatetransform",
                   "foreignobject", "use", "handler", "button", "video", "audio", "source"}
BAD_URL = re.compile(r"^(javascript|vbscript|data):")
C0_AND_SPACE = "".join(map(chr, range(0x21)))


def executable(elements) -> list:
    """What in these elements can run code or load from elsewhere."""
    out = []
    for tag, attrs in elements:
        if tag in EXECUTABLE_TAGS:
            out.append(f"<{tag}>")
        for name, value in attrs.items():
            value = value or ""
            # What a browser's URL parser reads: outer spaces and controls trimmed, tabs and
            # newlines dropped anywhere (a space inside is kept: "jav ascript:" is no scheme).
            plain = re.sub(r"[\t\n\r]", "", html.unescape(value).strip(C0_AND_SPACE)).lower()
            if name.startswith("on") or name in ("srcdoc", "formaction", "background", "dynsrc", "lowsrc"):
                out.append(f"<{tag} {name}>")
            elif name in sanitize.URL_ATTRS and BAD_URL.match(plain):
                out.append(f"<{tag} {name}={value[:30]}>")
            elif name == "src" and re.match(r"^(https?:)?//", plain):
                out.append(f"<{tag} src from another host>")
            elif name == "title" and "<" in value:  # Material's tooltips render a title with innerHTML
                out.append(f"<{tag} title={value[:30]}>")
            elif name == "style" and re.search(r"url\(|expression|@import|image-set", plain):
                out.append(f"<{tag} style={value[:30]}>")
    return out


# ---------------------------------------------------------------- each payload, three ways

@pytest.mark.parametrize("case_id, text, at", CASES, ids=[c[0] for c in CASES])
def test_checker_names_file_and_line(fixture_site, case_id, text, at):
    rel = f"docs/vi/{PAGES[case_id]}"
    line = FIRST_PAYLOAD_LINE + at - 1
    found = [p for p in fixture_site["problems"] if p.path == rel]
    assert any(p.line == line and p.severity == "error" for p in found), (
        f"expected an error at {rel}:{line}; the checker said:\n" + "\n".join(map(str, found)))


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case_id", [c[0] for c in CASES])
def test_built_article_holds_nothing_executable(fixture_site, case_id, lang):
    page = fixture_site["site"] / page_dir(PAGES[case_id], lang) / "index.html"
    elements = Elements(page.read_text("utf-8")).found
    assert any(tag == "article" for tag, _ in elements), "no <article> in the built page"
    assert executable(elements) == []


def test_payload_pages_run_no_more_than_a_normal_page(fixture_site):
    """Outside the article (title, head, table of contents, sidebar) a payload page has the
    same scripts as a page nobody attacked, and no event handler anywhere."""
    def scripts(src):
        found = Elements((fixture_site["site"] / page_dir(src) / "index.html").read_text("utf-8"), False).found
        handlers = [f"<{t} {a}>" for t, attrs in found for a in attrs if a.startswith("on")]
        return sum(t == "script" for t, _ in found), handlers

    normal = scripts(f"{FOLDER}/sap-xep-to-chuc-bo-may.md")
    for case_id, src in PAGES.items():
        assert scripts(src) == normal, case_id


def test_a_title_taken_from_the_first_heading_stays_text(fixture_site):
    text = (fixture_site["site"] / page_dir(UNTITLED) / "index.html").read_text("utf-8")
    found = Elements(text, False).found
    assert [f"<{t} {a}>" for t, attrs in found for a in attrs if a.startswith("on") or a == "data-x"] == []
    assert re.search(r"<title>Tiêu đề(&quot;|&#34;|\") onmouseover=", text), re.search(r"<title>.*</title>", text)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def fixture_url(fixture_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(fixture_site["site"])))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


# Any write to window.__pwned is reported to Python, even if the page then navigates away.
TRAP = """
Object.defineProperty(window, '__pwned', {configurable: false,
  get() { return undefined; }, set(v) { window.__cchcReport('__pwned=' + v); }});
"""
# Hover, focus and click every element of the article. Links that leave for an http(s)
# address are not followed (they cannot run anything here); every other activation is.
POKE = """
async () => {
  const events = ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove', 'pointerdown',
                  'mousedown', 'focus', 'focusin', 'pointerup', 'mouseup', 'mouseout', 'mouseleave', 'blur',
                  'toggle', 'animationstart', 'transitionend', 'load', 'error', 'input', 'change'];
  const all = [...document.querySelectorAll('article, article *')];
  for (const el of all) {
    for (const type of events) el.dispatchEvent(new Event(type, {bubbles: true}));
    if (el.focus) el.focus();
    const leaves = el.closest('a[href]') && /^https?:$/.test(el.closest('a[href]').protocol);
    if (!leaves && el.click) el.click();
    if (el.tagName === 'DETAILS') el.open = !el.open;
  }
  await new Promise(r => setTimeout(r, 100));
  return all.length;
}
"""


CENTRES = """
() => [...document.querySelectorAll('article *')].map(el => el.getBoundingClientRect())
  .filter(r => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight)
  .map(r => [r.left + r.width / 2, r.top + r.height / 2])
"""


@pytest.mark.parametrize("case_id", [c[0] for c in CASES])
def test_browser_runs_nothing(fixture_site, fixture_url, browser, case_id):
    context = browser.new_context()
    reports, others = [], []
    context.expose_function("__cchcReport", lambda what: reports.append(what))
    context.add_init_script(TRAP)

    def request(r):  # the machine is offline: a request elsewhere fails, but it is recorded
        if BAD_URL.match(r.url):
            reports.append(f"request {r.url[:40]}")
        elif not r.url.startswith(fixture_url):
            others.append(r.url)

    page = context.new_page()
    page.on("dialog", lambda d: (reports.append(f"dialog {d.type}: {d.message}"), d.dismiss()))
    page.on("framenavigated", lambda f: BAD_URL.match(f.url) and reports.append(f"navigated to {f.url[:40]}"))
    page.on("request", request)
    try:
        url = f"{fixture_url}/{page_dir(PAGES[case_id])}/"
        page.goto(url, wait_until="load")
        # The article and its title at least (a payload removed whole leaves nothing more; no
        # edit button when the build names no repository).
        assert page.evaluate(POKE) >= 2
        # A real mouse over each visible element too (CSS :hover, pointer events).
        for x, y in page.evaluate(CENTRES)[:30]:
            page.mouse.move(x, y)
        page.wait_for_timeout(100)
        assert page.url.startswith(fixture_url)
    finally:
        context.close()
    assert reports == []
    assert others == [], f"requests to other hosts: {others}"


# ---------------------------------------------------------------- the real site keeps its features

FEATURES = """\
# Tiêu đề trang

## Mục có neo {#muc-co-neo .lop-rieng}

!!! note "Ghi chú"

    Nội dung ghi chú có **chữ đậm** và [liên kết](https://dichvucong.gov.vn).

??? question "Câu hỏi?"

    Trả lời.

- [x] Việc đã làm
- [ ] Việc chưa làm

| Trái | Giữa | Phải |
|:-----|:----:|-----:|
| 1    | 2    | 3    |

Thuật ngữ
:   Định nghĩa của thuật ngữ.

Chữ TTHC có chú thích.

*[TTHC]: Thủ tục hành chính

<div class="ghi-chu" markdown>
Khối **HTML** có Markdown, <abbr title="Ủy ban nhân dân">UBND</abbr>.
</div>

```yaml
khoa: gia-tri
```

![Sơ đồ quy trình](so-do.png){ width="300" }

[Trang sau](../a.md){ .md-button rel="next" } · <a href="tel:02593000000">gọi</a> · <a href="mailto:a@b.vn">thư</a>
"""


def test_material_features_pass_the_sanitiser_untouched():
    md = check_markup.renderer(str(ROOT / "mkdocs.yml"))
    rules = data_mod.load(ROOT)[0].markup
    rendered = check_markup.render(md, FEATURES)
    assert sanitize.removed(rendered, rules) == []
    cleaned = sanitize.clean(rendered, rules)
    for needle in ('class="admonition note"', '<details class="question">', 'class="task-list-item"',
                   'type="checkbox"', 'class="headerlink"', 'id="muc-co-neo"', 'lop-rieng', 'style="text-align:center"',
                   '<abbr title="Thủ tục hành chính">TTHC</abbr>', '<dl>', 'class="highlight"', 'width="300"',
                   'rel="next"', 'href="tel:02593000000"', 'href="mailto:a@b.vn"', '<table>'):
        assert needle in cleaned, needle


def test_the_site_own_markup_passes_the_sanitiser_untouched():
    """Every real page with its markers expanded (plan pages, catalogues, news lists, glossary):
    what the site writes is allowed by name in data/markup.yml, so sanitising loses nothing."""
    data, problems = data_mod.load(ROOT)
    assert not problems
    pages = site.discover(ROOT)
    md = check_markup.renderer(str(ROOT / "mkdocs.yml"))
    listing = news.index_body(news.collect(pages, "vi")[0][:2], 2, 3, "vi", data.units, data.news_categories)
    for page in pages:
        body = markers.expand(page.body, markers.Context(data, pages, page.lang, page.src))
        if page.src == news.INDEX_SRC:
            body = body.replace(news.MARKER, listing)  # with a pager, as on a site with many news
        assert sanitize.removed(check_markup.render(md, body), data.markup) == [], page.rel


# ---------------------------------------------------------------- files and links under docs/

def test_symlinks_never_reach_the_site(fixture_site):
    site_dir, outside = fixture_site["site"], fixture_site["outside"]
    secret = "BÍ MẬT NGOÀI KHO"
    for path in site_dir.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".md", ".txt", ".png", ".xml", ".json"):
            assert secret not in path.read_text("utf-8", errors="replace"), path
        assert "root:x:0:0" not in (path.read_text("utf-8", errors="replace") if path.is_file() and path.stat().st_size < 10**6 else "")
    assert not (site_dir / FOLDER / "mat-khau.png").exists()
    assert not (site_dir / FOLDER / "thu-muc-ngoai").exists()
    named = {p.path for p in fixture_site["problems"] if "symlink" in p.message}
    assert {f"docs/vi/{FOLDER}/{n}" for n in ("mat-khau.png", "ngoai-kho.md", "thu-muc-ngoai")} <= named


def test_a_strict_build_refuses_a_symlink(fixture_site):
    log = fixture_site["log"]
    assert "mat-khau.png là liên kết tượng trưng" in log  # a warning: --strict stops on it


def test_linked_paths_finds_a_link_at_any_depth(tmp_path):
    """What hooks/sanitize.py drops: a link itself, anything inside a linked folder, however
    deep, and any path outside docs/; a plain file, a plain folder's file, docs/ itself linked
    from elsewhere does not count (only what lies under it)."""
    outside = tmp_path / "ngoai"
    (outside / "sau").mkdir(parents=True)
    (outside / "sau" / "bi-mat.md").write_text("x", "utf-8")
    real = tmp_path / "kho"
    (real / "vi" / "thu-tuc").mkdir(parents=True)
    (real / "vi" / "thu-tuc" / "the.md").write_text("x", "utf-8")
    (real / "vi" / "thu-tuc" / "gay.md").symlink_to(outside / "sau" / "bi-mat.md")
    (real / "vi" / "ngoai").symlink_to(outside, target_is_directory=True)
    docs = tmp_path / "docs"
    docs.symlink_to(real, target_is_directory=True)
    linked = site.linked_paths(docs)
    assert not linked(docs / "vi" / "thu-tuc" / "the.md")
    assert not linked(str(docs / "vi" / "thu-tuc" / "the.md"))
    assert linked(docs / "vi" / "thu-tuc" / "gay.md")
    assert linked(docs / "vi" / "ngoai" / "sau" / "bi-mat.md")  # two folders below the link
    assert linked(docs / "vi" / "ngoai")
    assert not linked(docs / "vi" / "thu-tuc" / "the.md")  # asked again: the folder's answer is kept
    assert linked(outside / "sau" / "bi-mat.md")  # not under docs/
    assert linked(tmp_path / "docs-khac" / "a.md")  # a sibling whose name starts the same


def write(root: Path, files: dict):
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


@pytest.fixture
def odd_tree(tmp_path):
    root = tmp_path / "tree"
    shutil.copytree(ROOT / "tests" / "fixtures" / "checker" / "valid", root)
    base = root / "docs" / "vi" / "thu-tuc"
    (base / "thu-muc.md").mkdir()
    (base / "thu-muc.md" / "ben-trong.png").write_bytes(b"x")
    (base / "gay.md").symlink_to(base / "khong-co.md")
    (base / "mat-khau.md").symlink_to("/etc/passwd")
    (base / "ngoai").symlink_to("/etc", target_is_directory=True)
    write(root, {"docs/vi/thu-tuc/anh.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                 "docs/vi/thu-tuc/latin1.md": "---\ntitle: Th\xe1\n---\n".encode("latin-1")})
    os.mkfifo(base / "ong.md")
    return root


def test_odd_files_are_one_line_each_never_a_traceback(odd_tree):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--root", str(odd_tree)],
                            capture_output=True, text=True, timeout=60)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    by_file = {}
    for line in lines:
        by_file.setdefault(line.split(":", 1)[0], []).append(line)
    base = "docs/vi/thu-tuc"
    for name, words in (("thu-muc.md", "Thư mục 'thu-muc.md'"), ("gay.md", "không tồn tại"),
                        ("mat-khau.md", "/etc/passwd"), ("ngoai", "symlink"), ("anh.md", "Tệp nhị phân"),
                        ("latin1.md", "UTF-8"), ("ong.md", "Không phải tệp thường")):
        found = by_file.get(f"{base}/{name}", [])
        assert len(found) == 1 and words in found[0], (name, found, lines)


def test_an_unreadable_page_is_one_line(odd_tree, monkeypatch):
    """Root reads everything, so the denial is simulated where cchc.site asks for it."""
    target = odd_tree / "docs" / "vi" / "thu-tuc" / "index.md"
    real_open, real_access = open, os.access

    def fake_open(path, *args, **kwargs):
        if Path(path) == target:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(site, "open", fake_open, raising=False)
    monkeypatch.setattr(site.os, "access", lambda p, mode: Path(p) != target and real_access(p, mode))
    problems, _ = check.run(odd_tree)
    mine = [p for p in problems if p.path == "docs/vi/thu-tuc/index.md"]
    assert [p.line for p in mine] == [1] and "Không đọc được trang" in mine[0].message


def test_duplicate_keys_name_both_lines(tmp_path):
    root = tmp_path / "tree"
    shutil.copytree(ROOT / "tests" / "fixtures" / "checker" / "valid", root)
    page = root / "docs" / "vi" / "thu-tuc" / "index.md"
    text = page.read_text("utf-8").split("\n")
    text.insert(4, "title: Tiêu đề thứ hai")
    page.write_text("\n".join(text), "utf-8")
    shown = [str(p) for p in check.run(root)[0] if p.path.startswith("docs/")]  # (its plan item is uncovered now)
    assert shown == ["docs/vi/thu-tuc/index.md:5: Trường 'title' được khai báo hai lần, ở dòng 2 và dòng 5;"
                     " chỉ giá trị sau được dùng. Giữ một dòng, xóa dòng kia"]
    units = root / "data" / "units.yml"
    units.write_text(units.read_text("utf-8").replace("  - id: ubnd-xx\n", "  - id: ubnd-xx\n    id: ubnd-yy\n", 1), "utf-8")
    shown = [str(p) for p in check.run(root)[0]]
    assert any(s.startswith("data/units.yml:3: Trường 'id' được khai báo hai lần, ở dòng 2 và dòng 3") for s in shown), shown
    assert yamlio.parse("a: 1\nb: 2\n").error is None


def test_page_over_the_size_limit(tmp_path):
    root = tmp_path / "tree"
    shutil.copytree(ROOT / "tests" / "fixtures" / "checker" / "valid", root)
    limit = yaml.safe_load((root / "data" / "markup.yml").read_text("utf-8"))["max_page_bytes"]
    page = root / "docs" / "vi" / "thu-tuc" / "index.md"
    page.write_text(page.read_text("utf-8") + "\nChữ. " * (limit // 5), "utf-8")
    problems, _ = check.run(root)
    assert any(p.path == "docs/vi/thu-tuc/index.md" and "quá giới hạn" in p.message and "max_page_bytes" in p.message
               for p in problems), problems
    real = yaml.safe_load((ROOT / "data" / "markup.yml").read_text("utf-8"))["max_page_bytes"]
    assert max(p.stat().st_size for p in (ROOT / "docs").rglob("*.md")) < real


def test_the_build_refuses_a_page_over_the_size_limit():
    sys.path.insert(0, str(ROOT / "hooks"))
    import importlib

    hook = importlib.import_module("sanitize")
    from mkdocs.exceptions import PluginError
    from cchc import build_state

    class Page:
        class file:
            src_uri = "a.md"

    saved = build_state.data
    build_state.data = data_mod.load(ROOT)[0]
    try:
        limit = build_state.data.markup["max_page_bytes"]
        assert hook.on_page_markdown("x" * limit, Page, None, None) == "x" * limit
        with pytest.raises(PluginError, match="max_page_bytes"):
            hook.on_page_markdown("x" * (limit + 1), Page, None, None)
    finally:
        build_state.data = saved


# ---------------------------------------------------------------- news: scheduled, feeds, portal list

def test_scheduled_news_waits_for_its_day(fixture_site):
    site_dir = fixture_site["site"]
    later_url = "/" + page_dir(NEWS_LATER) + "/"
    index = (site_dir / "tin-tuc" / "index.html").read_text("utf-8")
    rss = (site_dir / "tin-tuc" / "feed.xml").read_text("utf-8")
    feed = (site_dir / "tin-tuc" / "feed.json").read_text("utf-8")
    portal = (site_dir / "tin-tuc" / "moi-nhat.html").read_text("utf-8")
    assert "tin-co-ma-doc" in index and "tin-co-ma-doc" in rss  # today's item is published
    for name, text in (("index", index), ("rss", rss), ("json", feed), ("portal", portal)):
        assert "tin-hen-gio" not in text, name
    # ...nor at its own address, nor in the sitemap, until its day (built again then)
    assert not (site_dir / page_dir(NEWS_LATER) / "index.html").exists()
    assert (site_dir / page_dir(NEWS_XSS) / "index.html").is_file()  # today's item is
    assert "tin-hen-gio" not in (site_dir / "sitemap.xml").read_text("utf-8")
    warning = [p for p in fixture_site["problems"] if p.path == f"docs/vi/{NEWS_LATER}" and p.severity == "warning"]
    assert [p.line for p in warning] == [5], [str(p) for p in warning]
    assert "20/12/2026" in warning[0].message and "02/12/2026" in warning[0].message
    pages = site.discover(fixture_site["root"])
    from datetime import date
    on_the_day = [i.src for i in news.collect(pages, "vi", date(2026, 12, 20))[0]]
    assert NEWS_LATER in on_the_day and later_url.endswith("/tin-hen-gio/")
    assert NEWS_LATER not in [i.src for i in news.collect(pages, "vi", date(2026, 12, 19))[0]]


def test_a_warning_alone_does_not_fail_the_check(monkeypatch, capsys):
    from cchc.problems import Problem

    monkeypatch.setenv(news.TODAY_ENV, "2000-01-01")  # every news item of the fixture is in the future
    problems, _ = check.run(ROOT / "tests" / "fixtures" / "news")
    # Coverage warnings (an item no page carries yet) may be there too; the scheduled ones are these.
    later = [p for p in problems if p.severity == "warning" and "sau hôm nay" in p.message]
    assert len(later) == 15 and all("sau hôm nay (01/01/2000)" in p.message for p in later)
    cli = load_script("check")
    warning = Problem("docs/vi/tin-tuc/a.md", 5, "tin hẹn giờ", "warning")
    monkeypatch.setattr(cli.check, "run", lambda *a, **k: ([warning], {"pages": 1, "plans": 1}))
    assert cli.main([]) == 0
    out, err = capsys.readouterr()
    assert out == "docs/vi/tin-tuc/a.md:5: Cảnh báo: tin hẹn giờ\n"
    assert err == "Đã kiểm tra 1 trang, 1 kế hoạch: không có lỗi, 1 cảnh báo.\n"
    assert cli.github_annotation(warning) == "::warning file=docs/vi/tin-tuc/a.md,line=5::tin hẹn giờ"


def test_feeds_and_portal_list_hold_the_payload_as_text(fixture_site):
    site_dir = fixture_site["site"] / "tin-tuc"
    rss = ET.parse(site_dir / "feed.xml")
    item = next(i for i in rss.iter("item") if "tin-co-ma-doc" in i.findtext("link"))
    assert item.findtext("title") == XSS_TITLE
    assert executable(Elements(item.findtext("description"), False).found) == []  # as a feed reader reads it: HTML
    feed = json.loads((site_dir / "feed.json").read_text("utf-8"))
    assert any(i["title"] == XSS_TITLE and "content_html" not in i for i in feed["items"])
    portal = Elements((site_dir / "moi-nhat.html").read_text("utf-8"), False).found
    assert executable([(t, a) for t, a in portal if t not in ("meta", "base")]) == []
    assert [t for t, _ in portal if t in ("script", "img")] == []


# ---------------------------------------------------------------- the pipeline

def test_publish_checks_before_it_builds():
    pub = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text("utf-8"))
    steps = pub["jobs"]["build"]["steps"]
    runs = [s.get("run", "") for s in steps]
    check_at = next(i for i, r in enumerate(runs) if r.startswith("python3 scripts/check.py"))
    build_at = next(i for i, r in enumerate(runs) if r.startswith("mkdocs build --strict"))
    upload_at = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert check_at < build_at < upload_at
    assert not any(s.get("continue-on-error") for s in steps)
    assert pub["jobs"]["deploy"]["needs"] == "build"


def test_no_strict_build_is_quiet():
    """MkDocs 1.6 does not count strict-mode warnings when -q is given: such a build passes."""
    strict_quiet = re.compile(r"mkdocs\"?,? .*build.*--strict.*(?<![\w-])-q\b|mkdocs\"?,? .*build.*-q\b.*--strict")
    offenders = []
    for pattern in ("README.md", "CONTRIBUTING.md", "scripts/*", ".github/workflows/*", "tests/*.py", ".ci/*",
                    "maintainers/*.md"):
        for path in ROOT.glob(pattern):
            if path.is_file() and path.name != "test_payloads.py":
                for n, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1):
                    if strict_quiet.search(line.replace('", "', " ")):
                        offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offenders == []
