"""Reports on a plan for a period (the plans ask units to report every 6 months and yearly):
what the site published, per plan item and per unit, in which language, with addresses, and
the items with nothing published. Read from the pages' front matter; pure functions, the CLI
is scripts/report.py.

Which pages count for an item is cchc.coverage's rule (the same as the plan pages and the
checker): a content item counts every page that lists it in `plan_items`, a form item only
pages of the item's kinds. An English page counts for the items of its Vietnamese original.
A page counts in the period of its first publication: `published` (set once, never changed),
or for news without it, `date`; never `updated`, so a report run again later, after pages
were edited, gives the same rows. Each page by its own front matter (an English translation
by the date of the translation). A page with neither is listed apart, not guessed.

Only the items the site is expected to carry count (not a section the plan does not give,
not a form outside the site such as television): cchc.coverage.is_duty.
"""
import csv
import io
from dataclasses import dataclass, field
from datetime import date

from cchc import paths, site
from cchc.coverage import covering_pages, is_duty
from cchc.data import plan_items, plan_period

LANG_NAMES = {"vi": "tiếng Việt", "en": "tiếng Anh"}


class ReportError(ValueError):
    """Bad input, with one Vietnamese line saying what to do."""


@dataclass(frozen=True)
class Publication:
    url: str
    title: str
    lang: str
    kind: str
    day: str  # YYYY-MM-DD
    unit: str | None
    items: tuple = ()  # ids of the plan's items the page counts for


@dataclass
class Report:
    plan: dict
    start: date
    end: date
    items: list = field(default_factory=list)  # (item, 'content'|'form', [Publication])
    units: list = field(default_factory=list)  # (unit id, [Publication])
    publications: list = field(default_factory=list)  # every publication once
    undated: list = field(default_factory=list)  # (url, title) of pages of the plan with no publication date

    @property
    def empty_items(self) -> list:
        return [item for item, _kind, pubs in self.items if not pubs]

    @property
    def outside_plan(self) -> str | None:
        """A sentence when the report's period is not (wholly) within the plan's, else None."""
        first, last = plan_period(self.plan)
        if first is None:
            return None
        span = f"từ ngày {_vn_date(first)} đến ngày {_vn_date(last)}"
        if self.end < first or self.start > last:
            return f"Kỳ báo cáo nằm ngoài thời gian của kế hoạch ({span}): kế hoạch không đặt việc gì cho kỳ này."
        if self.start < first or self.end > last:
            return f"Một phần kỳ báo cáo nằm ngoài thời gian của kế hoạch ({span})."
        return None


def published_day(meta) -> str | None:
    """The day a page was first published, 'YYYY-MM-DD': `published`, or `date` for news
    without it; None when neither is a real date. `updated` never counts: it moves."""
    if not isinstance(meta, dict):
        return None
    value = meta.get("published")
    if value is None and meta.get("kind") == "news":
        value = meta.get("date")
    return site.iso_day(value)


def parse_day(text: str, option: str) -> date:
    """'2023-06-30' -> date; anything else -> ReportError naming the option."""
    if isinstance(text, str) and site.ISO_DATE.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise ReportError(f"{option} '{text}' không phải ngày hợp lệ. Viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2023-06-30")


def period(start_text: str, end_text: str) -> tuple[date, date]:
    start, end = parse_day(start_text, "--from"), parse_day(end_text, "--to")
    if start > end:
        raise ReportError(f"Ngày bắt đầu (--from {start_text}) sau ngày kết thúc (--to {end_text})."
                          " Kỳ báo cáo phải bắt đầu trước khi kết thúc, ví dụ --from 2023-01-01 --to 2023-06-30")
    return start, end


def find_plan(data, plan_id: str) -> dict:
    for plan in data.plans:
        if plan["id"] == plan_id:
            return plan
    known = ", ".join(p["id"] for p in data.plans) or "(không có kế hoạch nào trong data/plans/)"
    raise ReportError(f"Không có kế hoạch '{plan_id}' trong data/plans/. Các kế hoạch có: {known}")


def build(data, pages, plan_id: str, start: date, end: date) -> Report:
    plan = find_plan(data, plan_id)
    coverage = covering_pages(data, pages)
    by_key = {(p.lang, p.src): p for p in pages if p.meta}
    found = {}  # (lang, src) -> (page, its Vietnamese original, day, [item ids])
    item_keys, undated = [], {}
    for item_id, item, kind, _path, _parent in plan_items(plan):
        keys = []
        for source in coverage.get(item_id, []):
            for lang in paths.LANGUAGES:
                page = by_key.get((lang, source.src))
                if page is None:
                    continue
                day = published_day(page.meta)
                if day is None:
                    undated[page.url] = page.title
                    continue
                if not (start <= date.fromisoformat(day) <= end):
                    continue
                found.setdefault((lang, source.src), (page, source, day, []))[3].append(item_id)
                keys.append((lang, source.src))
        if keys or is_duty(item, kind):
            item_keys.append((item, kind, keys))

    pubs = {}
    for key, (page, source, day, items) in found.items():
        unit = page.meta.get("unit") or source.meta.get("unit")
        pubs[key] = Publication(page.url, page.title, page.lang, str(page.meta.get("kind")), day,
                                unit if isinstance(unit, str) else None, tuple(items))
    report = Report(plan, start, end)
    report.items = [(item, kind, sorted((pubs[k] for k in keys), key=_order)) for item, kind, keys in item_keys]
    report.publications = sorted(pubs.values(), key=_order)
    report.undated = sorted(undated.items())

    duty_units = []
    for duty in plan.get("duties") or []:
        duty_units += [u for u in duty["units"] if u not in duty_units]
    others = sorted({p.unit for p in report.publications if p.unit and p.unit not in duty_units})
    for unit in duty_units + others:
        report.units.append((unit, [p for p in report.publications if p.unit == unit]))
    no_unit = [p for p in report.publications if not p.unit]
    if no_unit:
        report.units.append((None, no_unit))
    return report


def _order(pub: Publication):
    return (pub.day, pub.url)


# ------------------------------------------------------------------------------ output

def _vn_date(d) -> str:
    d = d if isinstance(d, date) else date.fromisoformat(d)
    return d.strftime("%d/%m/%Y")


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _kind_label(data, kind: str) -> str:
    return data.kinds.get(kind, {}).get("label", kind)


def _unit_name(data, unit) -> str:
    if unit is None:
        return "(trang không ghi đơn vị)"
    return data.units.get(unit, {}).get("name", unit)


def markdown(report: Report, data) -> str:
    plan = report.plan
    issuer = _unit_name(data, plan["issuer"])
    out = [
        f"# Báo cáo kết quả tuyên truyền trên trang web: {plan['title']}",
        "",
        f"- **Kế hoạch:** {plan['id']}, {issuer}, {_plan_time(plan)}",
        f"- **Kỳ báo cáo:** từ ngày {_vn_date(report.start)} đến ngày {_vn_date(report.end)} (tính cả hai ngày)",
        "- **Cách tính:** một trang được tính khi trang ghi mục của kế hoạch trong `plan_items`"
        " (mục hình thức: chỉ trang đúng loại tài liệu của mục), vào kỳ có ngày đăng lần đầu của trang"
        " (trường `published`; tin tức chưa có trường này thì theo trường `date`), không theo ngày cập nhật,"
        " nên lập lại báo cáo cho cùng kỳ vẫn ra đúng các dòng cũ. Bản tiếng Anh tính theo ngày của chính nó.",
        "- **Đường dẫn:** địa chỉ trên trang web, ghép sau tên miền của trang web.",
        "",
    ]
    if report.outside_plan:
        out += [f"> **Lưu ý:** {report.outside_plan}", ""]
    out += ["## Tóm tắt", ""]
    kinds = sorted({p.kind for p in report.publications}, key=lambda k: list(data.kinds).index(k) if k in data.kinds else 99)
    if kinds:
        out += ["| Loại tài liệu | Tiếng Việt | Tiếng Anh | Cộng |", "|---|---:|---:|---:|"]
        for kind in kinds:
            vi = sum(1 for p in report.publications if p.kind == kind and p.lang == "vi")
            en = sum(1 for p in report.publications if p.kind == kind and p.lang == "en")
            out.append(f"| {_cell(_kind_label(data, kind))} | {vi} | {en} | {vi + en} |")
        total_vi = sum(1 for p in report.publications if p.lang == "vi")
        total_en = len(report.publications) - total_vi
        out += [f"| **Cộng** | **{total_vi}** | **{total_en}** | **{len(report.publications)}** |", ""]
    else:
        out += ["Không có trang nào của kế hoạch này được đăng trong kỳ.", ""]
    done = len(report.items) - len(report.empty_items)
    if report.items:
        out += [f"Số mục của kế hoạch có tài liệu đăng trong kỳ: **{done}/{len(report.items)}**.", ""]
    else:  # nothing the plan says is for the site: no figure, not "0/0"
        out += ["Kế hoạch không ghi mục nội dung hay hình thức nào mà trang web thực hiện.", ""]

    out += ["## Theo mục của kế hoạch", ""]
    for item, kind, pubs in report.items:
        label = "Nội dung" if kind == "content" else "Hình thức"
        out += [f"### {item['id']}: {item['summary']}", "", f"*{label}.*", ""]
        if not pubs:
            out += ["Chưa có tài liệu nào được đăng trong kỳ.", ""]
            continue
        out += ["| Ngày đăng | Loại | Ngôn ngữ | Đơn vị | Tiêu đề | Đường dẫn |", "|---|---|---|---|---|---|"]
        for p in pubs:
            out.append(f"| {_vn_date(p.day)} | {_cell(_kind_label(data, p.kind))} | {LANG_NAMES.get(p.lang, p.lang)}"
                       f" | {_cell(_unit_name(data, p.unit))} | {_cell(p.title)} | `{p.url}` |")
        out.append("")

    out += ["## Theo đơn vị", ""]
    for unit, pubs in report.units:
        out += [f"### {_unit_name(data, unit)}", ""]
        if not pubs:
            out += ["Không có tài liệu nào được đăng trong kỳ.", ""]
            continue
        out += ["| Ngày đăng | Loại | Ngôn ngữ | Tiêu đề | Mục kế hoạch | Đường dẫn |", "|---|---|---|---|---|---|"]
        for p in pubs:
            out.append(f"| {_vn_date(p.day)} | {_cell(_kind_label(data, p.kind))} | {LANG_NAMES.get(p.lang, p.lang)}"
                       f" | {_cell(p.title)} | {', '.join(p.items)} | `{p.url}` |")
        out.append("")

    out += ["## Các mục chưa có tài liệu nào được đăng trong kỳ", ""]
    empty = report.empty_items
    out += [f"- {item['id']}: {item['summary']}" for item in empty] or ["Không có: mục nào cũng có tài liệu."]
    if report.undated:
        out += ["", "## Trang của kế hoạch chưa ghi ngày đăng", "",
                "Các trang này thực hiện mục của kế hoạch nhưng chưa có trường `published` (ngày đăng lần đầu)"
                " nên không được tính vào kỳ nào. Đơn vị phụ trách ghi ngày đăng thật của trang.", ""]
        out += [f"- {_cell(title)}: `{url}`" for url, title in report.undated]
    return "\n".join(out) + "\n"


def _plan_time(plan: dict) -> str:
    if "year" in plan:
        return f"năm {plan['year']}"
    first, last = plan_period(plan)
    return f"từ ngày {_vn_date(first)} đến ngày {_vn_date(last)}"


CSV_HEADER = ["Kế hoạch", "Mã mục", "Loại mục", "Nội dung mục", "Ngày đăng", "Loại tài liệu", "Ngôn ngữ",
              "Đơn vị", "Tiêu đề", "Đường dẫn", "Ghi chú"]


def csv_text(report: Report, data) -> str:
    """One row per (item, publication); an item with nothing published gets one row saying so.
    Written with a BOM by the CLI so that Excel opens the Vietnamese text correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for item, kind, pubs in report.items:
        head = [report.plan["id"], item["id"], "nội dung" if kind == "content" else "hình thức", item["summary"]]
        if not pubs:
            writer.writerow(head + ["", "", "", "", "", "", "chưa có tài liệu nào được đăng trong kỳ"])
        for p in pubs:
            writer.writerow(head + [p.day, _kind_label(data, p.kind), LANG_NAMES.get(p.lang, p.lang),
                                    _unit_name(data, p.unit), p.title, p.url, ""])
    return buf.getvalue()


def file_stem(report: Report) -> str:
    return f"bao-cao-{report.plan['slug']}-{report.start.isoformat()}-{report.end.isoformat()}"
