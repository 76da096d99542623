"""Raw HTML, images and files that editors add: nothing that can run code, pull content
from another host, or weigh too much for a phone. Lists come from data/markup.yml.

Two passes over each page, both reported as `PATH:LINE`:
- source rules on each line (a raw tag or attribute outside the list, an image without alt),
  which name the exact line the editor typed;
- the page rendered as the build renders it (Python-Markdown with mkdocs.yml's extensions),
  cleaned by the build's own sanitiser (cchc/sanitize.py), and whatever the sanitiser took out
  reported on the source line that brought it in: the smallest first part of the page whose
  rendering already loses it. That catches what no line pattern can see: an attribute on the
  next line, `{ onclick=... }`, a comment closed with `--!>`, a link whose text spans lines,
  a reference definition whose address is on the next line.
"""
import functools
import re
from collections import Counter
from pathlib import Path

import stat

import markdown

from cchc import paths, sanitize, site
from cchc.check_links import links, lines_outside_code, plain_url
from cchc.problems import Problem
from cchc.slug import is_kebab, slugify

TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
ATTR = re.compile(r"([^\s=/\"'>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
COMMENT = re.compile(r"<!--.*?-->")
# Autolinks are Markdown, not HTML: <https://...> and <name@host>.
AUTOLINK = re.compile(r"<(?:(?:https?|ftp)://[^<>\s]*|[^<>\s!@]+@[^<>\s@]+)>", re.I)
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^)]*)?\)")
BAD_SCHEME = re.compile(r"^\s*(javascript|data|vbscript|file):", re.I)
# Only a page holding one of these can render to anything the sanitiser removes: raw HTML or
# an autolink (<), attr_list ({), a link or reference definition (]( and ]:).
CAN_HOLD_MARKUP = re.compile(r"[<{]|\]\(|\]:")
# MkDocs always loads these, whatever mkdocs.yml says.
MKDOCS_BUILTIN_EXTENSIONS = ["toc", "tables", "fenced_code"]


def check_body(page, rules) -> tuple[list, set]:
    """Source rules: (problems, the (body line, tag, attribute) each one names)."""
    out, named = [], set()
    tags, attrs = set(rules["allowed_tags"]), set(rules["allowed_attributes"])

    def add(line, message, tag, attr=""):
        out.append(Problem(page.rel, page.body_line + line - 1, message))
        named.add((line, tag, attr))

    for n, line in lines_outside_code(page.body):
        line = AUTOLINK.sub("", COMMENT.sub("", line))
        for m in TAG.finditer(line):
            name = m.group(2).lower()
            if name not in tags:
                add(n, f"Thẻ HTML <{name}> không được phép (raw HTML). Dùng cú pháp Markdown thay cho HTML;"
                    f" các thẻ được phép: {', '.join(sorted(tags))}", name)
                continue
            for am in ATTR.finditer(m.group(3)):
                attr, value = am.group(1).lower(), (am.group(2) or "").strip("\"'")
                if attr.startswith("on"):
                    add(n, f"Thuộc tính '{attr}' trong thẻ <{name}> chạy mã lệnh nên không được phép (event handler). Xóa thuộc tính này", name, attr)
                elif attr not in attrs and not attr.startswith("aria-"):
                    add(n, f"Thuộc tính '{attr}' trong thẻ <{name}> không được phép. Các thuộc tính được phép: {', '.join(sorted(attrs))}", name, attr)
                elif attr in ("href", "src", "action", "formaction", "srcset", "poster") and BAD_SCHEME.match(plain_url(value)):
                    add(n, f"Liên kết '{value[:40]}' trong thẻ <{name}> dùng giao thức không an toàn (javascript:/data:). Dùng liên kết https:// hoặc tệp .md", name, attr)
                elif name == "img" and attr == "src" and re.match(r"^(https?:)?//", value):
                    add(n, f"Ảnh '{value}' lấy từ máy chủ khác. Tải ảnh vào cùng thư mục với trang và dẫn bằng tên tệp", name, attr)
            if name == "img" and not m.group(1):
                found = {am.group(1).lower(): (am.group(2) or "").strip("\"'") for am in ATTR.finditer(m.group(3))}
                if not found.get("alt", "").strip():
                    add(n, "Ảnh <img> thiếu mô tả (alt). Thêm alt=\"mô tả ngắn nội dung ảnh\" cho người dùng trình đọc màn hình", "img", "alt")
        for m in IMAGE.finditer(line):
            alt, src = m.group(1).strip(), m.group(2)
            if not alt:
                add(n, f"Ảnh '{src}' thiếu mô tả (alt). Viết mô tả trong ngoặc vuông: ![Mô tả ngắn nội dung ảnh]({src})", "img", "alt")
            if re.match(r"^(https?:)?//", src):
                add(n, f"Ảnh '{src}' lấy từ máy chủ khác. Tải ảnh vào cùng thư mục với trang và dẫn bằng tên tệp", "img", "src")
    return out, named


# ---- the page as the build renders it ----------------------------------------------------

def _extensions(config_file: Path) -> tuple[list, dict]:
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, "rb") as f:
        config = yaml_load(f)
    names, configs = list(MKDOCS_BUILTIN_EXTENSIONS), {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            for name, options in entry.items():
                names.append(name)
                configs[name] = dict(options or {})
        else:
            names.append(entry)
    configs.setdefault("toc", {})["slugify"] = slugify  # as hooks/setup.py sets it
    return list(dict.fromkeys(names)), configs


@functools.lru_cache(maxsize=4)
def renderer(config_file: str) -> markdown.Markdown:
    """One Markdown instance with the build's extensions (reset between pages)."""
    names, configs = _extensions(Path(config_file))
    return markdown.Markdown(extensions=names, extension_configs=configs)


def config_file(root: Path) -> Path:
    """The tree's mkdocs.yml, else the repository's (test trees have none of their own)."""
    own = Path(root) / "mkdocs.yml"
    return own if own.is_file() else paths.ROOT / "mkdocs.yml"


def render(md: markdown.Markdown, text: str) -> str:
    md.reset()
    try:
        return md.convert(text)
    except Exception:  # noqa: BLE001 - an extension's crash on odd input: nothing to compare
        return ""


def _shown(value: str) -> str:
    value = re.sub(r"\s+", " ", value).strip()
    return value if len(value) <= 50 else value[:47] + "..."


def message(r: sanitize.Removal, rules: dict) -> str:
    """What the build takes out, and how to fix it, in Vietnamese."""
    gone = "bản dựng sẽ gỡ bỏ khi xuất bản"
    if r.kind == "tag":
        why = ("chạy mã lệnh hoặc tải nội dung từ nơi khác" if r.tag in sanitize.FORBIDDEN_TAGS
               else "không nằm trong danh sách được phép (data/markup.yml)")
        return (f"Thẻ HTML <{r.tag}> {why}: {gone}. Dùng cú pháp Markdown thay cho HTML;"
                f" các thẻ được phép: {', '.join(sorted(rules['allowed_tags']))}")
    if r.kind == "attr" and r.attr.startswith("on"):
        return (f"Thuộc tính '{r.attr}' trên thẻ <{r.tag}> chạy mã lệnh (event handler), dù viết trong thẻ HTML hay"
                f" trong {{ ... }} sau đoạn văn: {gone}. Xóa thuộc tính này")
    if r.kind == "attr":
        return (f"Thuộc tính '{r.attr}' trên thẻ <{r.tag}> không được phép: {gone}. Các thuộc tính được phép:"
                f" {', '.join(sorted(rules['allowed_attributes']))}")
    if r.kind == "url" and r.tag == "img":
        return (f"Ảnh '{_shown(r.value)}' không phải tệp của trang này (máy chủ khác hoặc javascript:/data:):"
                f" {gone}. Tải ảnh vào cùng thư mục với trang và dẫn bằng tên tệp")
    if r.kind == "url":
        scheme = plain_url(r.value).split(":", 1)[0].lower() if ":" in plain_url(r.value) else ""
        return (f"Địa chỉ '{_shown(r.value)}' ({r.attr} của thẻ <{r.tag}>) dùng giao thức '{scheme}:' không an toàn:"
                f" {gone}. Chỉ dùng {', '.join(s + ':' for s in rules.get('url_schemes', []))} hoặc đường dẫn tới tệp .md")
    if r.attr == "title":
        return (f"Chú thích (title) '{_shown(r.value)}' trên thẻ <{r.tag}> có dấu '<': giao diện hiện chú thích như HTML,"
                " nên bản dựng đổi nó thành chữ để không thành thẻ HTML. Bỏ thẻ HTML khỏi chú thích")
    return (f"Giá trị '{_shown(r.value)}' của thuộc tính '{r.attr}' trên thẻ <{r.tag}> không được phép: {gone}"
            " (một phần hoặc toàn bộ). Xóa giá trị này")


def _locate(lines: list, md, rules: dict, signature: tuple, occurrence: int, cache: dict, floor: int = 0) -> int:
    """The first body line (1-based) by which the page's rendering has lost `signature` for
    the `occurrence`-th time: binary search over the page's first lines."""
    def count(n):
        if n not in cache:
            cache[n] = Counter(r.signature for r in sanitize.removed(render(md, "\n".join(lines[:n])), rules))
        return cache[n][signature]

    lo, hi = 1, len(lines)
    while lo < hi:
        mid = (lo + hi) // 2
        if count(mid) >= occurrence:
            hi = mid
        else:
            lo = mid + 1
    # A tag spread over lines is lost only once it closes: point at the line, in the same
    # block, where the attribute or tag was written.
    kind, tag, attr = signature
    needle = attr if kind in ("attr", "value") else ("<" + tag if kind == "tag" else "")
    if needle and needle not in lines[lo - 1].lower():
        for k in range(lo - 1, floor, -1):  # not before the previous one of its kind
            if needle in lines[k - 1].lower():
                return k
    return lo


def _link_scheme_lines(body: str) -> set:
    """Lines where check_links already names a javascript:/data:/... link target."""
    found = set()
    for n, target in links(body):
        scheme = plain_url(target).split(":", 1)[0].lower() if ":" in plain_url(target) else ""
        if scheme and scheme not in ("http", "https", "mailto", "tel") and re.match(r"^[a-z][a-z0-9+.-]*$", scheme):
            found.add(n)
    return found


def check_rendered(page, rules: dict, md, named: set) -> list:
    """What the build's sanitiser takes out of the page, on the line that brought it in;
    not repeated where a source rule (or the link check) already named it on that line."""
    if not CAN_HOLD_MARKUP.search(page.body):
        return []
    gone = sanitize.removed(render(md, page.body), rules)
    if not gone:
        return []
    lines, cache, seen, last, out = page.body.split("\n"), {}, Counter(), {}, []
    link_lines = _link_scheme_lines(page.body)
    for r in gone:
        seen[r.signature] += 1
        n = _locate(lines, md, rules, r.signature, seen[r.signature], cache, last.get(r.signature, 0))
        last[r.signature] = n
        if (n, r.tag, "") in named or (n, r.tag, r.attr) in named:
            continue
        if r.kind == "url" and r.tag == "a" and n in link_lines:
            continue
        problem = Problem(page.rel, page.body_line + n - 1, message(r, rules))
        if problem not in out:
            out.append(problem)
    return out


# ---- files next to pages -----------------------------------------------------------------

def check_files(root: Path, rules) -> list:
    """Every file editors put under docs/<lang>/: allowed type, kebab name, size. Symbolic
    links and other odd entries are named by cchc.site.file_problems and skipped here."""
    out = []
    allowed, images = set(rules["allowed_files"]), set(rules["image_files"])
    for lang in paths.LANGUAGES:
        base = Path(root) / "docs" / lang
        if base.is_symlink() or not base.is_dir():
            continue
        for path, st in site.walk(base):
            if not stat.S_ISREG(st.st_mode):
                continue
            rel = path.relative_to(root).as_posix()
            suffix = path.suffix.lower()
            size = st.st_size
            if suffix == ".md":
                limit = rules.get("max_page_bytes")
                if limit and size > limit:
                    out.append(Problem(rel, 1, f"Trang dài {size / 1024:.1f} KB, quá giới hạn {limit / 1024:.1f} KB"
                                       " (max_page_bytes trong data/markup.yml): quá dài để đọc trên điện thoại."
                                       " Tách thành nhiều trang ngắn hơn"))
                continue
            if suffix not in allowed:
                out.append(Problem(rel, 1, f"Loại tệp '{suffix or path.name}' không được phép trong docs/{lang}/."
                                   f" Chỉ được thêm: {', '.join(sorted(allowed))}"))
                continue
            if not is_kebab(path.stem):
                out.append(Problem(rel, 1, f"Tên tệp '{path.name}' phải viết thường, không dấu, nối bằng '-'"))
            limit = rules["max_image_bytes"] if suffix in images else rules["max_file_bytes"]
            if size > limit:
                fix = (" Hãy nén hoặc thu nhỏ ảnh (ví dụ lưu dạng .webp hoặc .jpg chất lượng 80%)" if suffix in images
                       else " Hãy giảm dung lượng tệp (ví dụ xuất PDF với chất lượng ảnh thấp hơn) hoặc tách thành nhiều tệp")
                out.append(Problem(rel, 1, f"Tệp nặng {size / 1024:.1f} KB, quá giới hạn {limit / 1024:.1f} KB"
                                   f" cho người đọc trên điện thoại.{fix}"))
            if suffix == ".svg":
                try:
                    raw = path.read_bytes()
                except OSError:
                    raw = b""
                if re.search(rb"<script|\son[a-z]+\s*=|javascript:", raw, re.I):
                    out.append(Problem(rel, 1, "Ảnh SVG chứa mã lệnh (script hoặc on...=). Xuất lại ảnh dạng .png hoặc xóa mã lệnh"))
    return out


def check_markup(pages, root: Path, rules: dict) -> list:
    """`rules` is data/markup.yml as loaded by cchc.data; empty when that file is broken
    (then its own problem is reported and these checks wait for it)."""
    if not rules:
        return []
    out = []
    md = None
    for page in pages:
        if page.meta is not None or page.body:
            problems, named = check_body(page, rules)
            out += problems
            if CAN_HOLD_MARKUP.search(page.body):
                md = md or renderer(str(config_file(root)))
                out += check_rendered(page, rules, md, named)
    return out + check_files(root, rules)
