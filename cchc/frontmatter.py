"""Split a Markdown page into front matter and body, reporting every way it can be wrong."""
import re
from dataclasses import dataclass, field

from cchc import yamlio


@dataclass
class Page:
    meta: dict | None
    body: str
    body_line: int  # 1-based line where the body starts
    lines: dict = field(default_factory=dict)  # JSON path -> 1-based line in the file
    problems: list = field(default_factory=list)  # (line, message)
    front_matter: str = ""  # the YAML text between the '---' lines, as parsed (newlines '\n')


HOW_TO_START = (
    "Trang phải bắt đầu bằng phần khai báo (front matter): dòng '---', các trường"
    " 'title:', 'description:'..., rồi một dòng '---'. Xem mẫu trong templates/"
)


def _closing_line(text: str, first: int):
    """(index, start, stop) of the first line after line 0 that is '---' or '...' (trailing
    white space allowed): its number, counting the opening '---' as line 0, and its span
    text[start:stop]; None when there is none. The lines are looked at one by one up to it, so
    a long body is never split into lines only to be joined again."""
    if first < 0:
        return None
    index, start = 1, first + 1
    while True:
        stop = text.find("\n", start)
        if stop < 0:
            stop = len(text)
        if text[start:stop].rstrip() in ("---", "..."):
            return index, start, stop
        if stop == len(text):
            return None
        index, start = index + 1, stop + 1


def read(raw: bytes) -> Page:
    """Parse raw file bytes. Never raises: problems are returned with their lines."""
    if not raw.removeprefix(b"\xef\xbb\xbf").strip():
        return Page(None, "", 1, problems=[(1, "Tệp rỗng. " + HOW_TO_START)])
    nul = raw.find(b"\x00")
    if nul != -1:  # a picture or document saved as .md: no text editor writes a NUL byte
        return Page(None, "", 1, problems=[(
            raw[:nul].count(b"\n") + 1,
            "Tệp nhị phân (có byte 0), không phải văn bản: có lẽ là ảnh hay tài liệu bị đặt tên .md."
            " Đổi lại đúng đuôi tệp, hoặc viết trang bằng chữ theo mẫu trong templates/",
        )])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Page(None, "", 1, problems=[(
            line,
            f"Tệp không phải mã UTF-8 (byte 0x{raw[exc.start]:02x} ở vị trí {exc.start})."
            " Hãy lưu lại tệp với bảng mã UTF-8 (trong trình soạn thảo: Save with encoding → UTF-8)",
        )])
    text = text.removeprefix("\ufeff")
    first = text.find("\n")
    if (text if first < 0 else text[:first]).rstrip() != "---":
        return Page(None, text, 1, problems=[(1, "Thiếu phần khai báo ở đầu trang. " + HOW_TO_START)])
    closing = _closing_line(text, first)
    if closing is None:
        return Page(None, text, 1, problems=[(
            1, "Phần khai báo mở bằng '---' ở dòng 1 nhưng không có dòng '---' đóng lại."
            " Thêm một dòng '---' sau trường cuối cùng",
        )])
    end, start, stop = closing
    fm_text = text[first + 1:start - 1] if start > first + 1 else ""
    body = text[stop + 1:] if stop < len(text) else ""
    parsed = yamlio.parse(fm_text, first_line=2)
    if parsed.error:
        return Page(None, body, end + 2, problems=[(parsed.error_line + 1, parsed.error)])
    # Shift YAML lines (relative to the block) to file lines (block starts on line 2).
    file_lines = {path: line + 1 for path, line in parsed.lines.items()}
    if parsed.value is None:
        return Page(None, body, end + 2, problems=[(1, "Phần khai báo trống. " + HOW_TO_START)])
    if not isinstance(parsed.value, dict):
        return Page(None, body, end + 2, problems=[(
            2, "Phần khai báo phải là các cặp 'tên trường: giá trị', mỗi trường một dòng",
        )])
    return Page(parsed.value, body, end + 2, lines=file_lines, front_matter=fm_text)


# MkDocs' own front matter pattern (mkdocs.utils.meta.YAML_RE, MkDocs 1.6), copied so this
# module stays free of MkDocs: hand_over() must cut exactly where MkDocs would.
_MKDOCS_YAML = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
EMPTY_FRONT_MATTER = "---\n{}\n---\n"


def hand_over(source: str, front_matter: str) -> str | None:
    """`source` (a page as MkDocs reads it: BOM dropped, newlines '\\n') with its front matter
    replaced by an empty one, when that front matter is exactly `front_matter`, the text this
    module already parsed; else None (MkDocs then reads the page as it always does).

    The build hands MkDocs the values read here instead of letting it parse every page's YAML
    a second time (hooks/setup.py); the body, and so every line MkDocs renders, is unchanged."""
    m = _MKDOCS_YAML.match(source)
    if not m or m.group(1) != front_matter.replace("\r\n", "\n") + "\n":
        return None
    return EMPTY_FRONT_MATTER + source[m.end():]


def copy_value(value):
    """A fresh copy of parsed YAML (dicts, lists, scalars): each build of a page may change its
    own meta without touching the one read here. Faster than copy.deepcopy at 3,000 pages."""
    if isinstance(value, dict):
        return {k: copy_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_value(v) for v in value]
    return value
