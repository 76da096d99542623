"""The checker knows what day it is: units that ended, documents that were replaced, and the
history fields of pages (`archived`, `superseded_by`). Messages in Vietnamese, one per
problem, at the line of the field (issue 10 items 4 and 6)."""
import re
from datetime import timedelta

from cchc import lifecycle, paths
from cchc.markers import cite, date_text
from cchc.problems import Problem
from cchc.yamlio import line_of

PAGE_PATH = re.compile(r"[a-z0-9][a-z0-9/-]*\.md")  # schemas/page.schema.json, superseded_by
UNITS_FILE = "data/units.yml"
DOCUMENTS_FILE = "data/documents.yml"


def _unit_label(units: dict, uid: str) -> str:
    unit = units.get(uid)
    return f"'{uid}' ({unit['short']})" if unit else f"'{uid}'"


def _doc_label(documents: dict, doc_id: str) -> str:
    doc = documents.get(doc_id)
    return f"'{doc_id}' ({cite(doc, 'vi')})" if doc else f"'{doc_id}'"


def _vi(day) -> str:
    return date_text(day.isoformat())


# ---------------------------------------------------------------- data files


def check_data(data) -> list:
    """Lifecycle fields of data/units.yml and data/documents.yml: ids that exist, a source
    for every change, dates in order, no cycles."""
    out = []
    units, docs = data.units, data.documents

    lines = {rel: {k[1]: v for k, v in data.lines.items() if k[0] == rel} for rel in (UNITS_FILE, DOCUMENTS_FILE)}

    def at(rel, *path):
        return line_of(lines[rel], path)

    for i, unit in enumerate(units.values()):
        uid = unit["id"]

        def add(message, *path):
            out.append(Problem(UNITS_FILE, at(UNITS_FILE, "units", i, *path), message))

        succ = unit.get("succeeded_by")
        succ_ids = [succ] if isinstance(succ, str) else list(succ or [])
        for j, sid in enumerate(succ_ids):
            where = ("succeeded_by",) if isinstance(succ, str) else ("succeeded_by", j)
            if sid == uid:
                add(f"Đơn vị '{uid}': succeeded_by không được là chính nó. Ghi mã đơn vị đã nhận lại việc của đơn vị này", *where)
            elif sid not in units:
                add(_unknown_id("succeeded_by", sid, units, UNITS_FILE), *where)
        if succ_ids and "valid_to" not in unit:
            add(f"Đơn vị '{uid}' có succeeded_by nhưng thiếu valid_to (ngày cuối cùng đơn vị hoạt động, ví dụ"
                " 2025-06-30). Thêm dòng 'valid_to: ...'", "succeeded_by")
        changed = [k for k in ("valid_from", "valid_to", "succeeded_by") if k in unit]
        if changed and not unit.get("lifecycle_sources"):
            add(f"Đơn vị '{uid}' ghi {', '.join(changed)} nhưng không ghi văn bản nào làm căn cứ. Thêm"
                " 'lifecycle_sources: [mã văn bản]' (mã trong data/documents.yml, ví dụ nghị quyết sắp xếp"
                " đơn vị hành chính)", changed[0])
        for j, doc_id in enumerate(unit.get("lifecycle_sources") or []):
            if doc_id not in docs:
                add(_unknown_id("lifecycle_sources", doc_id, docs, DOCUMENTS_FILE), "lifecycle_sources", j)
        start, end = lifecycle.parse_day(unit.get("valid_from")), lifecycle.parse_day(unit.get("valid_to"))
        if start and end and start > end:
            add(f"Đơn vị '{uid}': valid_from ({_vi(start)}) sau valid_to ({_vi(end)}). Kiểm tra lại hai ngày này", "valid_to")
        if _cycle(uid, lambda u: _succ_ids(units.get(u))):
            add(f"Đơn vị '{uid}': chuỗi succeeded_by quay vòng về chính nó. Mỗi đơn vị chỉ ghi đơn vị"
                " nhận việc sau nó", "succeeded_by")

    for i, doc in enumerate(docs.values()):
        did = doc["id"]

        def add(message, *path):
            out.append(Problem(DOCUMENTS_FILE, at(DOCUMENTS_FILE, "documents", i, *path), message))

        refs = []
        if isinstance(doc.get("replaced_by"), dict):
            refs.append((("replaced_by", "id"), doc["replaced_by"]["id"], "replaced_by"))
        for j, entry in enumerate(doc.get("amended_by") or []):
            refs.append((("amended_by", j, "id"), entry["id"], f"amended_by[{j}]"))
        for path, ref, name in refs:
            if ref == did:
                add(f"Văn bản '{did}': {name} không được là chính nó", *path)
            elif ref not in docs:
                add(_unknown_id(name, ref, docs, DOCUMENTS_FILE) + " Thêm văn bản mới vào data/documents.yml trước", *path)
        if _cycle(did, lambda d: [docs[d]["replaced_by"]["id"]] if isinstance((docs.get(d) or {}).get("replaced_by"), dict) else []):
            add(f"Văn bản '{did}': chuỗi replaced_by quay vòng về chính nó", "replaced_by", "id")
    return out


def _succ_ids(unit) -> list:
    value = (unit or {}).get("succeeded_by")
    return [value] if isinstance(value, str) else list(value or [])


def _cycle(start, nexts) -> bool:
    """True when following `nexts` from `start` comes back to `start`."""
    stack, seen = list(nexts(start)), set()
    while stack:
        node = stack.pop()
        if node == start:
            return True
        if node not in seen:
            seen.add(node)
            stack += nexts(node)
    return False


def _unknown_id(field: str, value: str, known: dict, where: str) -> str:
    from difflib import get_close_matches

    hint = get_close_matches(str(value), list(known), n=1)
    tip = f" Có phải ý bạn là '{hint[0]}'?" if hint else ""
    return f"{field}: '{value}' không có trong {where}.{tip}"


# ---------------------------------------------------------------- pages


def record_state(page, by_src: dict, data, day) -> bool:
    """A page in history mode on `day`: archived itself or through its Vietnamese original,
    or the page of a plan whose period has ended."""
    twin = by_src.get(page.src)
    return lifecycle.is_record(page.meta, data.plans, day) or (
        twin is not None and twin is not page and lifecycle.is_archived(twin.meta, day))


def _ways_out(day_after, field: str, succ: list) -> str:
    example = f" (ví dụ '{succ[0]}')" if succ else ""
    return (f"Có hai cách sửa: (1) cập nhật trang cho đúng hiện nay: đổi '{field}' thành mã một đơn vị đang hoạt động"
            f" trong data/units.yml{example} và sửa nội dung trang theo đơn vị đó, hoặc"
            f" (2) nếu trang chỉ còn là tư liệu của thời trước, thêm dòng 'archived: {day_after.isoformat()}'"
            " vào phần khai báo (trang giữ địa chỉ, hiện dòng 'Tư liệu' ở đầu trang)")


def check_pages(data, pages, day=None) -> list:
    if day is None:
        try:
            day = lifecycle.today()
        except ValueError as exc:  # a malformed CCHC_TODAY: said once, nothing judged against it
            return [Problem(lifecycle.TODAY_ENV, 1, str(exc))]
    out = []
    vi = {p.src: p for p in pages if p.lang == paths.DEFAULT_LANGUAGE and isinstance(p.meta, dict)}
    for page in pages:
        meta = page.meta
        if not isinstance(meta, dict):
            continue

        def add(path, message):
            out.append(Problem(page.rel, line_of(page.lines, path), message))

        target = meta.get("superseded_by")
        if isinstance(target, str):
            if "archived" not in meta:
                add(("superseded_by",), "superseded_by chỉ dùng cho trang đã là tư liệu: thêm dòng 'archived: NĂM-THÁNG-NGÀY'"
                    " (ngày trang thôi là thông tin hiện hành), hoặc bỏ dòng superseded_by")
            if target == page.src:
                add(("superseded_by",), f"superseded_by: '{target}' là chính trang này. Ghi trang hiện hành thay cho nó")
            elif not PAGE_PATH.fullmatch(target):
                pass  # the schema's pattern says so, once
            elif target not in vi:
                from difflib import get_close_matches

                hint = get_close_matches(target, list(vi), n=1)
                tip = f" Có phải ý bạn là '{hint[0]}'?" if hint else ""
                add(("superseded_by",), f"superseded_by: không có trang docs/{paths.DEFAULT_LANGUAGE}/{target}.{tip}"
                    f" Ghi đường dẫn tệp tính từ docs/{paths.DEFAULT_LANGUAGE}/, ví dụ thu-tuc/dang-ky-khai-sinh.md")
            elif lifecycle.is_archived(vi[target].meta, day):
                add(("superseded_by",), f"superseded_by: trang '{target}' cũng đã là tư liệu (archived). Ghi trang"
                    " hiện hành mà người đọc nên dùng thay")
        if record_state(page, vi, data, day):
            continue

        proc = meta.get("procedure") if isinstance(meta.get("procedure"), dict) else {}
        for path, uid in ((("unit",), meta.get("unit")), (("procedure", "agency"), proc.get("agency"))):
            unit = data.units.get(uid) if isinstance(uid, str) else None
            if not lifecycle.unit_ended(unit, day):
                continue
            end = lifecycle.parse_day(unit["valid_to"])
            via, succ = lifecycle.area_successors(data.units, uid, day)
            names = ", ".join(_unit_label(data.units, s) for s in succ)
            if not succ:
                now = "data/units.yml không ghi đơn vị nhận lại việc (succeeded_by)"
            elif via == uid:
                now = f"việc của đơn vị nay do {names} đảm nhận"
            else:
                now = f"đơn vị thuộc {_unit_label(data.units, via)}, địa bàn nay do {names} phụ trách"
            field = ".".join(path)
            add(path, f"{field}: đơn vị {_unit_label(data.units, uid)} chỉ hoạt động đến hết ngày {_vi(end)}"
                f" (valid_to trong {UNITS_FILE}); {now}. Trang này chưa là tư liệu nên không được ghi đơn vị đã"
                f" thôi hoạt động. {_ways_out(end + timedelta(days=1), field, succ)}")

        for field, values in (("sources", meta.get("sources")), ("procedure.legal_basis", proc.get("legal_basis"))):
            if not isinstance(values, list):
                continue
            for i, doc_id in enumerate(values):
                if not isinstance(doc_id, str):
                    continue
                new = lifecycle.replacement(data.documents, doc_id, day)
                if new is None:
                    continue
                on = lifecycle.parse_day(data.documents[doc_id]["replaced_by"]["from"])
                add(tuple(field.split(".")) + (i,),
                    f"{field}[{i}]: văn bản {_doc_label(data.documents, doc_id)} đã được thay thế từ ngày {_vi(on)}"
                    f" bằng {_doc_label(data.documents, new)} (replaced_by trong {DOCUMENTS_FILE}). Trang này chưa là"
                    f" tư liệu nên không được dựa vào văn bản đã bị thay thế. Sửa '{doc_id}' thành '{new}' và đối"
                    f" chiếu nội dung trang với văn bản mới; hoặc, nếu trang chỉ còn là tư liệu của thời trước, thêm"
                    f" dòng 'archived: {on.isoformat()}' vào phần khai báo")
    return out
