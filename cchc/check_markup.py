"""Raw HTML, images and files that editors add: nothing that can run code, pull content
from another host, or weigh too much for a phone. Lists come from data/markup.yml."""
import re
from pathlib import Path

from cchc import paths
from cchc.check_links import lines_outside_code, plain_url
from cchc.problems import Problem
from cchc.slug import is_kebab

TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
ATTR = re.compile(r"([^\s=/\"'>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
COMMENT = re.compile(r"<!--.*?-->")
# Autolinks are Markdown, not HTML: <https://...> and <name@host>.
AUTOLINK = re.compile(r"<(?:(?:https?|ftp)://[^<>\s]*|[^<>\s!@]+@[^<>\s@]+)>", re.I)
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^)]*)?\)")
BAD_SCHEME = re.compile(r"^\s*(javascript|data|vbscript|file):", re.I)


def check_body(page, rules) -> list:
    out = []
    tags, attrs = set(rules["allowed_tags"]), set(rules["allowed_attributes"])

    def add(line, message):
        out.append(Problem(page.rel, page.body_line + line - 1, message))

    for n, line in lines_outside_code(page.body):
        line = AUTOLINK.sub("", COMMENT.sub("", line))
        for m in TAG.finditer(line):
            name = m.group(2).lower()
            if name not in tags:
                add(n, f"Thẻ HTML <{name}> không được phép (raw HTML). Dùng cú pháp Markdown thay cho HTML;"
                    f" các thẻ được phép: {', '.join(sorted(tags))}")
                continue
            for am in ATTR.finditer(m.group(3)):
                attr, value = am.group(1).lower(), (am.group(2) or "").strip("\"'")
                if attr.startswith("on"):
                    add(n, f"Thuộc tính '{attr}' trong thẻ <{name}> chạy mã lệnh nên không được phép (event handler). Xóa thuộc tính này")
                elif attr not in attrs and not attr.startswith("aria-"):
                    add(n, f"Thuộc tính '{attr}' trong thẻ <{name}> không được phép. Các thuộc tính được phép: {', '.join(sorted(attrs))}")
                elif attr in ("href", "src", "action", "formaction", "srcset", "poster") and BAD_SCHEME.match(plain_url(value)):
                    add(n, f"Liên kết '{value[:40]}' trong thẻ <{name}> dùng giao thức không an toàn (javascript:/data:). Dùng liên kết https:// hoặc tệp .md")
                elif name == "img" and attr == "src" and re.match(r"^(https?:)?//", value):
                    add(n, f"Ảnh '{value}' lấy từ máy chủ khác. Tải ảnh vào cùng thư mục với trang và dẫn bằng tên tệp")
            if name == "img" and not m.group(1):
                found = {am.group(1).lower(): (am.group(2) or "").strip("\"'") for am in ATTR.finditer(m.group(3))}
                if not found.get("alt", "").strip():
                    add(n, "Ảnh <img> thiếu mô tả (alt). Thêm alt=\"mô tả ngắn nội dung ảnh\" cho người dùng trình đọc màn hình")
        for m in IMAGE.finditer(line):
            alt, src = m.group(1).strip(), m.group(2)
            if not alt:
                add(n, f"Ảnh '{src}' thiếu mô tả (alt). Viết mô tả trong ngoặc vuông: ![Mô tả ngắn nội dung ảnh]({src})")
            if re.match(r"^(https?:)?//", src):
                add(n, f"Ảnh '{src}' lấy từ máy chủ khác. Tải ảnh vào cùng thư mục với trang và dẫn bằng tên tệp")
    return out


def check_files(root: Path, rules) -> list:
    """Every non-page file editors put under docs/<lang>/: allowed type, kebab name, size."""
    out = []
    allowed, images = set(rules["allowed_files"]), set(rules["image_files"])
    for lang in paths.LANGUAGES:
        base = Path(root) / "docs" / lang
        for path in sorted(base.rglob("*")) if base.is_dir() else []:
            if not path.is_file() or path.suffix == ".md":
                continue
            rel = path.relative_to(root).as_posix()
            suffix = path.suffix.lower()
            if suffix not in allowed:
                out.append(Problem(rel, 1, f"Loại tệp '{suffix or path.name}' không được phép trong docs/{lang}/."
                                   f" Chỉ được thêm: {', '.join(sorted(allowed))}"))
                continue
            if not is_kebab(path.stem):
                out.append(Problem(rel, 1, f"Tên tệp '{path.name}' phải viết thường, không dấu, nối bằng '-'"))
            size = path.stat().st_size
            limit = rules["max_image_bytes"] if suffix in images else rules["max_file_bytes"]
            if size > limit:
                fix = (" Hãy nén hoặc thu nhỏ ảnh (ví dụ lưu dạng .webp hoặc .jpg chất lượng 80%)" if suffix in images
                       else " Hãy giảm dung lượng tệp (ví dụ xuất PDF với chất lượng ảnh thấp hơn) hoặc tách thành nhiều tệp")
                out.append(Problem(rel, 1, f"Tệp nặng {size / 1024:.1f} KB, quá giới hạn {limit / 1024:.1f} KB"
                                   f" cho người đọc trên điện thoại.{fix}"))
            if suffix == ".svg" and re.search(rb"<script|\son[a-z]+\s*=|javascript:", path.read_bytes(), re.I):
                out.append(Problem(rel, 1, "Ảnh SVG chứa mã lệnh (script hoặc on...=). Xuất lại ảnh dạng .png hoặc xóa mã lệnh"))
    return out


def check_markup(pages, root: Path, rules: dict) -> list:
    """`rules` is data/markup.yml as loaded by cchc.data; empty when that file is broken
    (then its own problem is reported and these checks wait for it)."""
    if not rules:
        return []
    out = []
    for page in pages:
        if page.meta is not None or page.body:
            out += check_body(page, rules)
    return out + check_files(root, rules)
