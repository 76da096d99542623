"""Procedure cards: a page of kind `procedure` carries one administrative procedure's facts in
its front matter (`procedure:`, described in schemas/page.schema.json), and the site shows
them as one card (overrides/procedure.html) above the page body.

Pure functions over the front matter as written (dates may be strings or `datetime.date`):
`problems()` is what the checker and the build hook both refuse; `card()` is what the
template prints. `card()` returns plain text; the template escapes every value once.
A fact with no source is null or left out: the card leaves that row out and ends with one
line that names what is missing and where to ask (the commune's Public Administration
Service Centre, the national portal's feedback page). Nothing here ever fills a gap, and no
placeholder reaches a citizen: editors see the gaps in scripts/health.py (`gaps()`).
"""
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from cchc import data as data_mod
from cchc.cite import CITE, cite, date_text
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
        "heading": "Tóm tắt thủ tục", "online_button": "Làm trực tuyến",
        "online_note": "trên Cổng Dịch vụ công quốc gia", "not_online": "Thủ tục này không làm trực tuyến.",
        "none": "Không có", "checked": "Thông tin đối chiếu ngày {date}.",
        "advice": "Trước khi đi, hãy xem lại trên Cổng Dịch vụ công quốc gia hoặc hỏi nơi nộp hồ sơ.",
        "ways": "Cách nộp hồ sơ", "portal": "Trực tuyến", "documents": "Giấy tờ cần mang (thành phần hồ sơ)",
        "reception": "Nơi nộp hồ sơ", "agency": "Cơ quan giải quyết", "level": "Cấp thực hiện",
        "time_limit": "Thời hạn giải quyết", "fee": "Phí, lệ phí", "result": "Kết quả nhận được",
        "conditions": "Yêu cầu, điều kiện", "field": "Lĩnh vực", "code": "Mã thủ tục", "legal_basis": "Căn cứ pháp lý",
        "amended": "được sửa đổi, bổ sung bởi {docs}",
        # What a missing row is called in the one line that says where to ask.
        "gap_names": {"ways": "cách nộp hồ sơ", "portal": "địa chỉ làm trực tuyến", "documents": "giấy tờ cần mang",
                      "reception": "nơi nộp hồ sơ", "agency": "cơ quan giải quyết", "time_limit": "thời hạn giải quyết",
                      "fee": "lệ phí", "result": "kết quả nhận được", "conditions": "điều kiện",
                      "level": "cấp thực hiện", "field": "lĩnh vực", "code": "mã thủ tục", "legal_basis": "căn cứ pháp lý"},
        "ask": ("Trang này chưa có: {gaps}. Hãy hỏi Trung tâm Phục vụ hành chính công của xã, phường nơi bạn nộp"
                " hồ sơ, hoặc gửi phản ánh, kiến nghị trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)."),
    },
    "en": {
        "heading": "The procedure at a glance", "online_button": "Do it online",
        "online_note": "on the National Public Service Portal", "not_online": "This procedure cannot be done online.",
        "none": "None", "checked": "Facts checked on {date}.",
        "advice": "Before you go, check the National Public Service Portal or ask where you file.",
        "ways": "How to file", "portal": "Online", "documents": "What to bring (application file)",
        "reception": "Where to file", "agency": "Who decides", "level": "Level", "time_limit": "Processing time",
        "fee": "Fees and charges", "result": "What you receive", "conditions": "Requirements and conditions",
        "field": "Field", "code": "Procedure code", "legal_basis": "Legal basis",
        "amended": "amended by {docs}",
        "gap_names": {"ways": "how to file", "portal": "the online address", "documents": "what to bring",
                      "reception": "where to file", "agency": "who decides", "time_limit": "processing time",
                      "fee": "fees", "result": "what you receive", "conditions": "requirements",
                      "level": "level", "field": "field", "code": "procedure code", "legal_basis": "legal basis"},
        "ask": ("Not on this page yet: {gaps}. Ask the Public Administration Service Centre of the commune or ward"
                " where you file, or send feedback on the National Public Service Portal (dichvucong.gov.vn)."),
    },
}
# Card order: what a citizen asks first (how, online?, what to bring, where, how long, cost);
# the three short reference rows (level, field, code) stay together: print puts them on one line.
ROWS = ("ways", "portal", "documents", "reception", "agency", "time_limit", "fee", "result", "conditions",
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
    if lists is None:  # the file's own problem is reported once, at its line (check_page)
        return []
    out = []
    where = f"{LISTS_FILE} ({{}})"
    for key, known, source in (("level", lists.levels, where.format("levels")),
                               ("field", lists.fields, where.format("fields")),
                               ("agency", data.units, "data/units.yml")):
        value = proc.get(key)
        if isinstance(value, str) and value not in known and _judged(data, source, value):
            out.append(((FIELD, key), unknown(f"{FIELD}.{key}", value, known, source)))
    for key, known, source in (("ways", lists.ways, where.format("ways")),
                               ("legal_basis", data.documents, "data/documents.yml")):
        values = proc.get(key)
        for i, value in enumerate(values if isinstance(values, list) else []):
            if isinstance(value, str) and value not in known and _judged(data, source, value):
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


def _judged(data, source: str, value) -> bool:
    """A data/ file that could not be read, or an entry of it left out for its own error, is
    reported there once; what names it is not called unknown a second time."""
    return source.split(" ")[0] not in data.unreadable and value not in data.broken_ids


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
    lang: str | None = None  # the value's language, when it is not the card's (untranslated text)


@dataclass
class Card:
    rows: list  # every row of ROWS; the template prints only those that are not `missing`
    checked: str | None  # 'dd/mm/yyyy'
    t: dict  # the labels of the card's language
    ask: str | None = None  # one line naming what is missing and where to ask; None if nothing is

    @property
    def shown(self) -> list:
        return [row for row in self.rows if not row.missing]


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


def card(proc: dict | None, data, lists: Lists, lang: str, text_lang: str | None = None) -> Card:
    """The card's rows, in reading order, as plain text. Missing (null or absent) -> missing=True.
    `text_lang`: the language the front matter's own words are in, when not `lang` (the
    English copy of an untranslated card): those rows say so."""
    quoted = text_lang if text_lang and text_lang != lang else None
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
            row.items = [(cite(data.documents[d], lang) if d in data.documents else str(d), _amended(data, d, t, lang))
                         for d in docs]
        elif key == "conditions" and value == []:
            row.text = t["none"]  # the source says there are none
        elif isinstance(value, list):
            row.items, row.lang = _texts(value), quoted
        else:
            row.text, row.lang = str(value), quoted
        row.missing = row.text is None and row.items is None and row.href is None
        rows.append(row)
    checked = proc.get("checked")
    missing = [t["gap_names"][r.key] for r in rows if r.missing]
    ask = t["ask"].replace("{gaps}", ", ".join(missing)) if missing else None
    return Card(rows=rows, checked=date_text(str(checked)) if checked else None, t=t, ask=ask)


def _amended(data, doc_id: str, t: dict, lang: str) -> str:
    """'được sửa đổi, bổ sung bởi Nghị định số 07/2025/NĐ-CP, ...' from data/documents.yml
    `amended_by`, so a card's legal basis always shows the text in force; '' if none."""
    doc = data.documents.get(doc_id) or {}
    names = []
    for entry in doc.get("amended_by") or []:
        newer = data.documents.get(entry.get("id")) if isinstance(entry, dict) else None
        if newer:
            names.append(_short_cite(newer, lang))
    return t["amended"].replace("{docs}", ", ".join(names)) if names else ""


def _short_cite(doc: dict, lang: str) -> str:
    """'Nghị định số 07/2025/NĐ-CP': type and number only (the full citation is on its own row)."""
    m = CITE.get(lang, CITE["vi"])
    if not doc.get("number"):
        return doc.get("subject") or doc["id"]
    return f"{m['doc_types'][doc['type']]} {m['no']} {doc['number']}"


def gaps(proc, data, lists: Lists) -> list[str]:
    """The card rows a procedure's front matter leaves empty (keys of ROWS), for editors:
    scripts/health.py lists them per page. The citizen's card leaves them out instead and
    names them in its one "where to ask" line. Same rule as the card: one function decides."""
    return [row.key for row in card(proc, data, lists, "vi").rows if row.missing]
