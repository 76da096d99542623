"""Procedure cards: a page of kind `procedure` carries one administrative procedure's facts in
its front matter (`procedure:`, described in schemas/page.schema.json), and the site shows
them as one card (overrides/procedure.html) above the page body.

Pure functions over the front matter as written (dates may be strings or `datetime.date`):
`problems()` is what the checker and the build hook both refuse; `card()` is what the
template prints. `card()` returns plain text; the template escapes every value once.
A fact with no source is null or left out, and the card says "Chưa cập nhật": nothing here
ever fills a gap.
"""
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from cchc import data as data_mod
from cchc.cite import cite, date_text
from cchc.problems import Problem
from cchc.suggest import unknown
from cchc.yamlio import line_of

KIND = "procedure"
FIELD = "procedure"  # the front matter key
LISTS_FILE = "data/procedures.yml"
PORTAL_HOST = "dichvucong.gov.vn"
PORTAL_URL = f"https://{PORTAL_HOST}/"

L = {
    "vi": {
        "heading": "Tóm tắt thủ tục", "missing": "Chưa cập nhật", "online_button": "Làm trực tuyến",
        "online_note": "trên Cổng Dịch vụ công quốc gia", "not_online": "Thủ tục này không làm trực tuyến.",
        "none": "Không có", "checked": "Thông tin đối chiếu ngày {date}.",
        "advice": "Trước khi đi, hãy xem lại trên Cổng Dịch vụ công quốc gia hoặc hỏi cơ quan thực hiện.",
        "ways": "Cách nộp hồ sơ", "portal": "Trực tuyến", "documents": "Giấy tờ cần mang (thành phần hồ sơ)",
        "agency": "Nơi nộp, giải quyết (cơ quan thực hiện)", "level": "Cấp thực hiện",
        "time_limit": "Thời hạn giải quyết", "fee": "Phí, lệ phí", "result": "Kết quả nhận được",
        "conditions": "Yêu cầu, điều kiện", "field": "Lĩnh vực", "code": "Mã thủ tục", "legal_basis": "Căn cứ pháp lý",
    },
    "en": {
        "heading": "The procedure at a glance", "missing": "Not yet available", "online_button": "Do it online",
        "online_note": "on the National Public Service Portal", "not_online": "This procedure cannot be done online.",
        "none": "None", "checked": "Facts checked on {date}.",
        "advice": "Before you go, check the National Public Service Portal or ask the agency that handles it.",
        "ways": "How to file", "portal": "Online", "documents": "What to bring (documents)",
        "agency": "Where to go (agency)", "level": "Level", "time_limit": "Processing time",
        "fee": "Fees and charges", "result": "What you receive", "conditions": "Requirements and conditions",
        "field": "Field", "code": "Procedure code", "legal_basis": "Legal basis",
    },
}
# Card order: what a citizen asks first (how, online?, what to bring, where, how long, cost);
# the three short reference rows (level, field, code) stay together: print puts them on one line.
ROWS = ("ways", "portal", "documents", "agency", "time_limit", "fee", "result", "conditions",
        "level", "field", "code", "legal_basis")


@dataclass
class Lists:
    levels: dict = field(default_factory=dict)  # id -> entry
    ways: dict = field(default_factory=dict)
    fields: dict = field(default_factory=dict)


def load_lists(root) -> tuple[Lists | None, list]:
    """data/procedures.yml under `root`, schema-checked: (lists or None, problems)."""
    # os.stat, not pathlib: the checker asks once per page, and at 2,000 cards pathlib's
    # object building cost more than the check itself.
    try:
        stat = os.stat(os.path.join(root, LISTS_FILE))
    except OSError:
        return None, [Problem(LISTS_FILE, 1, f"Không có tệp {LISTS_FILE} (danh sách cấp thực hiện, cách thức,"
                              " lĩnh vực của thẻ thủ tục). Tệp này bắt buộc khi có trang loại 'procedure'")]
    return _load(os.fspath(root), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)  # the checker asks once per page; read each file version once
def _load(root: str, _mtime_ns: int, _size: int) -> tuple[Lists | None, list]:
    problems: list = []
    # cchc.data's reader: UTF-8, YAML and schema problems come back with their lines.
    value, _lines = data_mod._read(Path(root), LISTS_FILE, "procedures", problems)
    if value is None:
        return None, problems
    return Lists(**{k: {e["id"]: e for e in value[k]} for k in ("levels", "ways", "fields")}), problems


def is_portal_url(url) -> bool:
    """Only https links to the national public service portal itself (no look-alike hosts,
    no user or port parts that could hide another host)."""
    if not isinstance(url, str):
        return False
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return False
    return (parts.scheme == "https" and parts.hostname == PORTAL_HOST and parts.netloc == PORTAL_HOST
            and port is None and url == url.strip())


def problems(meta: dict, data, lists: Lists | None) -> list[tuple[tuple, str]]:
    """What is wrong with a page's procedure facts: (front matter path, Vietnamese message).
    Types and the required `checked` date are the schema's job (schemas/page.schema.json)."""
    kind = meta.get("kind")
    proc = meta.get(FIELD)
    if kind == KIND and proc is None:
        return [(("kind",), f"Trang loại '{KIND}' phải có nhóm trường '{FIELD}:' (các thông tin của thủ tục:"
                 " mã, cấp, lĩnh vực, cơ quan, cách thức, hồ sơ, thời hạn, phí, kết quả, điều kiện, căn cứ,"
                 " ngày đối chiếu). Xem mẫu templates/procedure.md")]
    if proc is None:
        return []
    if kind != KIND:
        return [((FIELD,), f"Nhóm trường '{FIELD}' chỉ dùng cho trang loại '{KIND}', còn trang này là loại"
                 f" '{kind}'. Bỏ nhóm này hoặc đổi 'kind: {KIND}'")]
    if not isinstance(proc, dict):
        return []  # the schema says it must be a group of fields
    if lists is None:
        return [((FIELD,), f"Không kiểm tra được thẻ thủ tục vì tệp {LISTS_FILE} thiếu hoặc có lỗi")]
    out = []
    where = f"{LISTS_FILE} ({{}})"
    for key, known, source in (("level", lists.levels, where.format("levels")),
                               ("field", lists.fields, where.format("fields")),
                               ("agency", data.units, "data/units.yml")):
        value = proc.get(key)
        if isinstance(value, str) and value not in known:
            out.append(((FIELD, key), unknown(f"{FIELD}.{key}", value, known, source)))
    for key, known, source in (("ways", lists.ways, where.format("ways")),
                               ("legal_basis", data.documents, "data/documents.yml")):
        values = proc.get(key)
        for i, value in enumerate(values if isinstance(values, list) else []):
            if isinstance(value, str) and value not in known:
                out.append(((FIELD, key, i), unknown(f"{FIELD}.{key}[{i}]", value, known, source)))
    url = proc.get("portal_url")
    if isinstance(url, str):
        if not is_portal_url(url):
            out.append(((FIELD, "portal_url"), f"{FIELD}.portal_url: '{url}' không phải địa chỉ trên Cổng Dịch vụ"
                        f" công quốc gia. Chỉ dùng địa chỉ bắt đầu bằng {PORTAL_URL} (mở thủ tục trên Cổng rồi sao"
                        " chép địa chỉ); chưa có thì ghi null"))
        ways = proc.get("ways")
        if isinstance(ways, list) and ways and all(w in lists.ways and not lists.ways[w]["online"] for w in ways):
            online = ", ".join(w for w, e in lists.ways.items() if e["online"])
            out.append(((FIELD, "portal_url"), f"{FIELD}.portal_url có địa chỉ nhưng {FIELD}.ways không có cách"
                        f" trực tuyến nào ({online}). Thêm cách trực tuyến mà nguồn ghi, hoặc bỏ địa chỉ"))
    return out


def check_page(page, data) -> list[Problem]:
    """The checker's entry point (cchc/check_pages.py): this page's procedure problems, plus
    those of data/procedures.yml when the page needs it."""
    meta = page.meta or {}
    if meta.get("kind") != KIND and FIELD not in meta:
        return []
    lists, file_problems = load_lists(data.root)
    out = list(file_problems) if FIELD in meta else []
    for path, message in problems(meta, data, lists):
        out.append(Problem(page.rel, line_of(page.lines, path), message))
    return out


def template_block(template_text: str, today: str) -> str:
    """The `procedure:` block of a template's front matter (templates/procedure.md), as written
    (comments kept, every fact null), with `checked:` set to `today`, for the scaffolder to put
    at the end of a new card's front matter. '' if the template has no such block."""
    lines = template_text.removeprefix("\ufeff").split("\n")
    if not lines or lines[0].rstrip() != "---" or "---" not in (x.rstrip() for x in lines[1:]):
        return ""
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    out, keep, comments = [], False, []
    for line in lines[1:end]:
        if line.startswith("#"):  # top-level comments go with the key below them
            comments = [] if keep else comments
            comments.append(line)
            keep = False
            continue
        if line and not line[0].isspace():  # a top-level key starts a new block
            keep = line.startswith(f"{FIELD}:")
            out += comments if keep else []
            comments = []
        if keep:
            if line.strip().startswith("checked:"):
                indent = line[: len(line) - len(line.lstrip())]
                comment = line[line.index("#"):] if "#" in line else ""
                line = f"{indent}checked: {today}" + (f"   {comment}" if comment else "")
            out.append(line)
    return "\n".join(out) + "\n" if out else ""


@dataclass
class Row:
    key: str
    label: str
    text: str | None = None  # one value
    items: list | None = None  # several values: (text, note) pairs
    href: str | None = None  # the portal link, for the "do it online" button
    missing: bool = False


@dataclass
class Card:
    rows: list
    checked: str | None  # 'dd/mm/yyyy'
    t: dict  # the labels of the card's language


def _texts(value) -> list | None:
    if value is None:
        return None
    values = value if isinstance(value, list) else [value]
    return [(str(v), "") for v in values]


def _unit_name(data, unit_id: str, lang: str) -> str:
    unit = data.units.get(unit_id)
    if unit is None:
        return unit_id
    key = "name" if lang == "vi" else "name_en"
    name = unit.get(key) or unit["name"]
    parent = data.units.get(unit.get("part_of") or "")
    return f"{name} – {parent.get(key) or parent['name']}" if parent else name


def card(proc: dict | None, data, lists: Lists, lang: str) -> Card:
    """The card's rows, in reading order, as plain text. Missing (null or absent) -> missing=True."""
    t = L.get(lang, L["vi"])
    proc = proc if isinstance(proc, dict) else {}
    label = "label" if lang == "vi" else "label_en"
    rows = []
    for key in ROWS:
        row = Row(key, t[key])
        value = proc.get("portal_url") if key == "portal" else proc.get(key)
        if key == "portal":
            ways = proc.get("ways")
            if is_portal_url(value):
                row.href = value.strip()
                row.text = t["online_note"]
            elif isinstance(ways, list) and ways and all(not lists.ways.get(w, {}).get("online", True) for w in ways):
                row.text = t["not_online"]  # the sourced ways say so; not a guess
        elif value is None:
            pass
        elif key == "ways":
            row.items = [(w[label], w["hint" if lang == "vi" else "hint_en"]) if (w := lists.ways.get(v)) else (v, "")
                         for v in (value if isinstance(value, list) else [value])]
        elif key in ("level", "field"):
            entry = (lists.levels if key == "level" else lists.fields).get(value)
            row.text = entry[label] if entry else str(value)
        elif key == "agency":
            row.text = _unit_name(data, str(value), lang)
        elif key == "legal_basis":
            docs = value if isinstance(value, list) else [value]
            row.items = [(cite(data.documents[d], lang) if d in data.documents else str(d), "") for d in docs]
        elif key == "conditions" and value == []:
            row.text = t["none"]  # the source says there are none
        elif isinstance(value, list):
            row.items = _texts(value)
        else:
            row.text = str(value)
        row.missing = row.text is None and row.items is None and row.href is None
        rows.append(row)
    checked = proc.get("checked")
    return Card(rows=rows, checked=date_text(str(checked)) if checked else None, t=t)
