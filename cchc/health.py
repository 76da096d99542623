"""Editorial health: pages past their `review_by` date, and English pages older than the
Vietnamese page they translate. Pure functions: dates come in as arguments (the CLI reads
them from git), so tests need no repository history.

It also lists the gaps a citizen never sees (issue 11): rows of a procedure card with no
sourced value (the card leaves them out) and `<!-- md:fill ... -->` markers (rendered as
nothing), so the owning unit knows what is still to find.

It informs, it does not gate: scripts/health.py always exits 0. The checks that block a
pull request are in scripts/check.py.
"""
import datetime
from dataclasses import dataclass

from cchc import paths, procedure
from cchc.markers import MARKER  # the build's own marker syntax: what it expands, this lists

NO_UNIT = "(chưa ghi đơn vị phụ trách)"
HOW_TO_FIX = ("Cách xử lý: quá hạn rà soát -> đơn vị đọc lại trang, sửa cho đúng, đặt 'updated' là hôm nay và"
              " 'review_by' là ngày rà soát tiếp theo; bản tiếng Anh cũ -> dịch lại phần tiếng Việt đã đổi;"
              " thẻ thủ tục còn thiếu, chỗ chờ điền -> tìm nguồn công khai rồi điền, ghi nguồn ở mục 'Nguồn'"
              " (chưa có nguồn thì để nguyên: người dân không thấy ô trống).")



@dataclass(frozen=True)
class Finding:
    unit: str  # unit id, or '' when the page names none
    rel: str  # 'docs/vi/thu-tuc-hanh-chinh/mot-cua.md'
    reasons: tuple  # Vietnamese phrases, one per thing to do


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def overdue(review_by, today: datetime.date) -> str | None:
    """'quá hạn rà soát ...' when the review date has passed; None otherwise or if unset."""
    due = _date(review_by) if review_by is not None else None
    if due is None or due >= today:
        return None
    days = (today - due).days
    return f"quá hạn rà soát từ {due.isoformat()} ({days} ngày)"


def stale_translation(en_date, vi_date, vi_rel: str) -> str | None:
    """'bản tiếng Anh cũ hơn ...' when the English file's last commit is older than the
    Vietnamese one's. None if either date is unknown (a file not committed yet)."""
    en, vi = _date(en_date) if en_date else None, _date(vi_date) if vi_date else None
    if en is None or vi is None or en >= vi:
        return None
    return f"bản tiếng Anh sửa lần cuối {en.isoformat()}, cũ hơn bản tiếng Việt {vi_rel} (sửa {vi.isoformat()})"


def card_gaps(meta: dict, data, lists) -> str | None:
    """'thẻ thủ tục chưa có: mã thủ tục, điều kiện' for a procedure card with rows no source
    fills (cchc.procedure.gaps, the same rule the card uses); None otherwise."""
    if meta.get("kind") != procedure.KIND or data is None or lists is None:
        return None
    names = procedure.L["vi"]["gap_names"]
    missing = [names[key] for key in procedure.gaps(meta.get(procedure.FIELD), data, lists)]
    return f"thẻ thủ tục chưa có: {', '.join(missing)}" if missing else None


def fills(body: str) -> str | None:
    """'còn chỗ chờ điền (md:fill): a; b' for the page's md:fill markers; None if none."""
    found = [m.group(2).strip() for m in MARKER.finditer(body or "") if m.group(1) == "fill"]
    return f"còn chỗ chờ điền (md:fill): {'; '.join(found)}" if found else None


def findings(pages, today: datetime.date, last_changed: dict, data=None) -> list[Finding]:
    """One Finding per page that needs attention.

    pages: cchc.site.PageRec list (front matter read). last_changed: rel path -> date of the
    last commit touching it (None or missing when unknown). data: cchc.data.Data, for the
    gaps of procedure cards (None: cards are not looked at)."""
    lists = procedure.load_lists(data.root)[0] if data is not None else None
    vi = {p.src: p for p in pages if p.lang == paths.DEFAULT_LANGUAGE}
    out = []
    for page in pages:
        meta = page.meta if isinstance(page.meta, dict) else {}
        reasons = []
        late = overdue(meta.get("review_by"), today)
        if late:
            reasons.append(late)
        twin = vi.get(page.src) if page.lang != paths.DEFAULT_LANGUAGE else None
        if twin is not None:
            stale = stale_translation(last_changed.get(page.rel), last_changed.get(twin.rel), twin.rel)
            if stale:
                reasons.append(stale)
        for gap in (card_gaps(meta, data, lists), fills(getattr(page, "body", ""))):
            if gap:
                reasons.append(gap)
        if reasons:
            unit = meta.get("unit")
            if not isinstance(unit, str) and twin is not None and isinstance(twin.meta, dict):
                unit = twin.meta.get("unit")  # an English page answers to its source's unit
            out.append(Finding(unit if isinstance(unit, str) else "", page.rel, tuple(reasons)))
    return sorted(out, key=lambda f: (not f.unit, f.unit, f.rel))  # pages with no unit last


def report(found: list[Finding], units: dict, today: datetime.date) -> list[str]:
    """Vietnamese lines: a heading per owning unit, then one line per page."""
    if not found:
        return [f"Ngày {today.isoformat()}: không có trang nào quá hạn rà soát hay bản tiếng Anh cũ hơn bản tiếng Việt."]
    lines = [f"Ngày {today.isoformat()}: {len(found)} trang cần xem lại, theo đơn vị phụ trách (trường 'unit')."]
    current = None
    for f in found:
        if f.unit != current:
            current = f.unit
            name = units.get(f.unit, {}).get("name") if f.unit else None
            lines.append("")
            lines.append(f"{name} ({f.unit})" if name else (f.unit or NO_UNIT))
        lines.append(f"  {f.rel}: {'; '.join(f.reasons)}")
    lines += ["", HOW_TO_FIX]
    return lines
