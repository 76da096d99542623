"""Time: which units, documents, plans and pages are still current on a given day.

Units end (`valid_to`) and hand their work on (`succeeded_by`); documents are replaced
(`replaced_by: {id, from}`) or amended (`amended_by: [{id, from}]`); a page becomes a record of
the past from its `archived` date, and a plan's page from the day after its period ends.
Pure functions over the data as loaded (dates are 'YYYY-MM-DD' strings, cchc.yamlio).

"Today" is read in one place, `today()`: the build's date, or CCHC_TODAY=YYYY-MM-DD when a
test (or an editor asking "what fails next month?") fixes it.
"""
import os
import re
from datetime import date, datetime, timedelta, timezone

TODAY_ENV = "CCHC_TODAY"
VIETNAM = timezone(timedelta(hours=7))  # the site's days are Vietnamese days (news dates, validity)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_day(value) -> date | None:
    """'2025-06-30' -> date; None for anything that is not a real ISO date (the schema
    checks report those, with their line)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def today() -> date:
    """The day the site is checked or built for. CCHC_TODAY (YYYY-MM-DD) overrides the clock;
    a malformed value is an error rather than a silent fall back to the real date."""
    fixed = os.environ.get(TODAY_ENV)
    if fixed:
        day = parse_day(fixed.strip())
        if day is None:
            raise ValueError(f"{TODAY_ENV}='{fixed}' không phải ngày hợp lệ. Viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-12-02")
        return day
    return datetime.now(VIETNAM).date()


def _ids(value) -> list:
    """`succeeded_by` may be one id or a list of them."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]


# ---------------------------------------------------------------- units


def unit_ended(unit: dict | None, day: date) -> bool:
    """True from the day after the unit's `valid_to`."""
    end = parse_day((unit or {}).get("valid_to"))
    return end is not None and end < day


def current_units(units: dict, day: date) -> dict:
    """The units still in office on `day`: the only ones a new page may name (scaffolder, web editor)."""
    return {uid: unit for uid, unit in units.items() if not unit_ended(unit, day)}


def successors(units: dict, unit_id: str, day: date) -> list:
    """The units that hold `unit_id`'s work on `day`: its `succeeded_by`, followed through
    successors that have themselves ended, in order, each once. Empty when the unit is still
    current or no successor is recorded. A cycle in the data stops the walk (check_data
    reports it)."""
    out: list = []
    seen = {unit_id}
    queue = _ids((units.get(unit_id) or {}).get("succeeded_by")) if unit_ended(units.get(unit_id), day) else []
    while queue:
        uid = queue.pop(0)
        if uid in seen:
            continue
        seen.add(uid)
        unit = units.get(uid)
        if unit is not None and unit_ended(unit, day) and _ids(unit.get("succeeded_by")):
            queue = _ids(unit["succeeded_by"]) + queue
        else:
            out.append(uid)
    return out


def area_successors(units: dict, unit_id: str, day: date) -> tuple[str | None, list]:
    """Who now holds the work or the area of `unit_id`: (unit whose successors these are,
    successor ids). That unit is `unit_id` itself when it records successors, else the nearest
    `part_of` parent that does (an office of a district ends with the district); (None, [])
    when nothing is recorded."""
    seen = set()
    uid = unit_id
    while uid and uid not in seen:
        seen.add(uid)
        found = successors(units, uid, day)
        if found:
            return uid, found
        uid = (units.get(uid) or {}).get("part_of")
    return None, []


# ---------------------------------------------------------------- documents


def replaced(doc: dict | None, day: date) -> bool:
    """True once the replacing document applies (`replaced_by.from` reached)."""
    rep = (doc or {}).get("replaced_by")
    if not isinstance(rep, dict):
        return False
    on = parse_day(rep.get("from"))
    return on is not None and on <= day


def replacement(documents: dict, doc_id: str, day: date) -> str | None:
    """The id of the document in force on `day` in place of `doc_id` (following a chain of
    replacements), or None when `doc_id` is not replaced."""
    if not replaced(documents.get(doc_id), day):
        return None
    seen = {doc_id}
    current = documents[doc_id]["replaced_by"]["id"]
    while current not in seen and replaced(documents.get(current), day):
        seen.add(current)
        current = documents[current]["replaced_by"]["id"]
    return current


def current_documents(documents: dict, day: date) -> dict:
    """The documents not replaced on `day`: the only ones a new page may cite as its source."""
    return {did: doc for did, doc in documents.items() if not replaced(doc, day)}


def amendments(doc: dict | None, day: date) -> list:
    """Ids of the documents that amended `doc` by `day`, in the order written."""
    out = []
    for entry in (doc or {}).get("amended_by") or []:
        on = parse_day(entry.get("from")) if isinstance(entry, dict) else None
        if on is not None and on <= day:
            out.append(entry["id"])
    return out


# ---------------------------------------------------------------- plans and pages


def plan_period(plan: dict) -> tuple[date | None, date | None]:
    """(first day, last day) of a plan: its `period: {from, to}`, else its calendar `year`."""
    try:  # the model's own reading, when it has one (issue 10 item 2)
        from cchc.data import plan_period as model_period  # noqa: PLC0415
    except ImportError:
        model_period = None
    if model_period is not None:
        found = model_period(plan)
        if isinstance(found, dict):
            found = (found.get("from"), found.get("to"))
        if isinstance(found, (tuple, list)) and len(found) == 2:
            return parse_day(found[0]), parse_day(found[1])
    period = plan.get("period")
    if isinstance(period, dict):
        return parse_day(period.get("from")), parse_day(period.get("to"))
    year = plan.get("year")
    if isinstance(year, int):
        return date(year, 1, 1), date(year, 12, 31)
    return None, None


def plan_ended(plan: dict, day: date) -> bool:
    _start, end = plan_period(plan)
    return end is not None and end < day


def archived_on(meta) -> date | None:
    """The page's `archived` date once reached is checked by `is_archived`; this is the date."""
    return parse_day(meta.get("archived")) if isinstance(meta, dict) else None


def is_archived(meta, day: date) -> bool:
    """True when the page says `archived: YYYY-MM-DD` and that day has come."""
    on = archived_on(meta)
    return on is not None and on <= day


def ended_plan(meta, plans, day: date) -> dict | None:
    """For a plan's own page (kind 'plan'), the plan when its period has ended."""
    if not isinstance(meta, dict) or meta.get("kind") != "plan":
        return None
    plan = next((p for p in plans if p.get("id") == meta.get("plan")), None)
    return plan if plan is not None and plan_ended(plan, day) else None


def is_record(meta, plans, day: date) -> bool:
    """A page in history mode: archived, or the page of a plan whose period has ended."""
    return is_archived(meta, day) or ended_plan(meta, plans, day) is not None
