"""History mode: the "Tư liệu" / "Record" banner at the top of a page that is a record of the
past, and the label its search result carries.

A page is a record from its `archived` date (its Vietnamese original's, for a translation),
and a plan's own page from the day after the plan's period ends (cchc.lifecycle). The banner
says what the page was written for, that it is no longer current, and what replaced it where
the data knows: the page named in `superseded_by`, the bodies that took over an ended unit
(units.yml `succeeded_by`), the documents that replaced the ones it cites.

Pure: returns HTML with every data value escaped; hooks/history.py puts it in the page.
"""
import html
from datetime import date

from mkdocs.utils import get_relative_url

from cchc import lifecycle, paths
from cchc.markers import cite, date_text, unit_name
from cchc.site import url_for

CLASS = "admonition warning cchc-record"
L = {
    "vi": {
        "label": "Tư liệu",
        "written_for_plans": "Trang này được viết để thực hiện {plans}.",
        "written_on": "Trang này được viết cho tình hình đến ngày {date}.",
        "archived": ("Từ ngày {date}, trang chỉ còn là tư liệu: thông tin trong trang có thể không còn đúng,"
                     " đừng dựa vào đó để đi làm thủ tục."),
        "current": "Thông tin hiện hành: {link}.",
        "unit_ended": "{unit} hoạt động đến hết ngày {date}; việc nay do {succ} đảm nhận.",
        "unit_gone": "{unit} hoạt động đến hết ngày {date}.",
        "unit_part_of": "{unit} (thuộc {parent}) hoạt động đến hết ngày {date}; địa bàn nay do {succ} phụ trách.",
        "doc_replaced": "{old} đã được thay thế bằng {new} từ ngày {date}.",
        "plan_year": "Đây là kế hoạch của năm {year}.",
        "plan_period": "Đây là kế hoạch cho thời gian từ {start} đến {end}.",
        "plan_ended": ("Kế hoạch đã hết thời hạn: trang này là tư liệu, không còn là thông tin hiện hành;"
                       " đừng dựa vào đó để đi làm thủ tục."),
        "area_now": "{issuer} hoạt động đến hết ngày {date}; địa bàn nay do {succ} phụ trách.",
        "and": " và ",
    },
    "en": {
        "label": "Record",
        "written_for_plans": "This page was written to carry out {plans}.",
        "written_on": "This page was written for the situation as of {date}.",
        "archived": ("Since {date} it is a record of the past: what it says may no longer be true; do not"
                     " rely on it to file a procedure."),
        "current": "Current information: {link}.",
        "unit_ended": "{unit} existed until {date}; its work is now done by {succ}.",
        "unit_gone": "{unit} existed until {date}.",
        "unit_part_of": "{unit} (part of {parent}) existed until {date}; its area is now served by {succ}.",
        "doc_replaced": "{old} was replaced by {new} from {date}.",
        "plan_year": "This is the plan for {year}.",
        "plan_period": "This is the plan for the period {start} to {end}.",
        "plan_ended": ("The plan's period is over: this page is a record, no longer current information; do"
                       " not rely on it to file a procedure."),
        "area_now": "{issuer} existed until {date}; its area is now served by {succ}.",
        "and": " and ",
    },
}


def _day(value: date) -> str:
    return date_text(value.isoformat())


def _join(names: list, lang: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + L[lang]["and"] + names[-1]


class Banner:
    """What the banner of one page needs: data, every page's front matter, the page."""

    def __init__(self, data, pages, day: date):
        self.data, self.day = data, day
        self.vi = {p.src: p for p in pages if p.lang == paths.DEFAULT_LANGUAGE and isinstance(p.meta, dict)}
        self.by_lang = {(p.lang, p.src): p for p in pages if isinstance(p.meta, dict)}

    def _meta(self, lang: str, src: str) -> dict | None:
        page = self.by_lang.get((lang, src)) or self.vi.get(src)
        return page.meta if page else None

    def archived_on(self, lang: str, src: str) -> date | None:
        """The day the page (or its Vietnamese original) became a record, if it has come."""
        for meta in (self._meta(lang, src), (self.vi.get(src).meta if src in self.vi else None)):
            if lifecycle.is_archived(meta, self.day):
                return lifecycle.archived_on(meta)
        return None

    def plan(self, lang: str, src: str) -> dict | None:
        """The plan whose own page this is, when its period has ended."""
        return lifecycle.ended_plan(self._meta(lang, src), self.data.plans, self.day)

    def is_record(self, lang: str, src: str) -> bool:
        return self.archived_on(lang, src) is not None or self.plan(lang, src) is not None

    def label(self, lang: str) -> str:
        return L[lang]["label"]

    def _link(self, lang: str, here_url: str, src: str, title: str | None = None) -> str:
        """<a> from the page at `here_url` to the page `src` in `lang` (its own title if
        translated, else the Vietnamese one: the English site falls back to it, and the link
        says so with lang="vi" for a screen reader and hreflang="vi" for the page it opens)."""
        meta = self._meta(lang, src) or {}
        target = url_for(lang, src).lstrip("/")
        href = get_relative_url(target, here_url)
        vi_only = title is None and lang != "vi" and (lang, src) not in self.by_lang
        marks = ' hreflang="vi" lang="vi"' if vi_only else ""
        return f'<a href="{html.escape(href)}"{marks}>{html.escape(str(title or meta.get("title") or src))}</a>'

    def _unit(self, uid: str, lang: str) -> str:
        return html.escape(unit_name(self.data, uid, lang))

    def _plan_links(self, plan_ids: list, lang: str, here_url: str) -> list:
        out = []
        for pid in plan_ids:
            plan = next((p for p in self.data.plans if p["id"] == pid), None)
            if plan is None:
                continue
            page = next((p for p in self.vi.values() if p.meta.get("kind") == "plan" and p.meta.get("plan") == pid), None)
            title = plan["title" if lang == "vi" else "title_en"]
            out.append(self._link(lang, here_url, page.src, title) if page else html.escape(title))
        return out

    def html(self, lang: str, src: str, here_url: str) -> str:
        """The banner for the page `src` in `lang`, published at `here_url` ('en/a/b/');
        '' when the page is current."""
        lang = lang if lang in L else paths.DEFAULT_LANGUAGE
        t = L[lang]
        meta = self._meta(lang, src) or {}
        vi_meta = self.vi[src].meta if src in self.vi else meta
        paras = []
        plan = self.plan(lang, src)
        if plan is not None:
            start, end = lifecycle.plan_period(plan)
            if start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
                paras.append(t["plan_year"].format(year=start.year))
            elif start and end:
                paras.append(t["plan_period"].format(start=_day(start), end=_day(end)))
            paras.append(t["plan_ended"])
            issuer = plan.get("issuer")
            unit = self.data.units.get(issuer) if isinstance(issuer, str) else None
            _via, succ = lifecycle.area_successors(self.data.units, issuer, self.day) if unit else (None, [])
            ended = unit and lifecycle.unit_ended(unit, self.day)
            if ended and succ:
                paras.append(t["area_now"].format(issuer=self._unit(issuer, lang), succ=_join([self._unit(s, lang) for s in succ], lang),
                                                  date=_day(lifecycle.parse_day(unit["valid_to"]))))
            elif ended:
                paras.append(t["unit_gone"].format(unit=self._unit(issuer, lang), date=_day(lifecycle.parse_day(unit["valid_to"]))))
        else:
            on = self.archived_on(lang, src)
            if on is None:
                return ""
            plans = []
            for item in vi_meta.get("plan_items") or []:
                pid = str(item).split("-")[0]
                if pid not in plans:
                    plans.append(pid)
            links = self._plan_links(plans, lang, here_url)
            updated = lifecycle.parse_day(vi_meta.get("updated"))
            if links:
                paras.append(t["written_for_plans"].format(plans=_join(links, lang)))
            elif updated:
                paras.append(t["written_on"].format(date=_day(updated)))
            paras.append(t["archived"].format(date=_day(on)))
            target = vi_meta.get("superseded_by")
            if isinstance(target, str) and target in self.vi:
                paras.append(t["current"].format(link=self._link(lang, here_url, target)))
            paras += self._what_changed(vi_meta, lang)
        body = "".join(f"<p>{p}</p>" for p in paras)
        return f'<div class="{CLASS}"><p class="admonition-title">{t["label"]}</p>{body}</div>'

    def _what_changed(self, meta: dict, lang: str) -> list:
        """Ended units and replaced documents the page names, with what took their place."""
        t, out = L[lang], []
        proc = meta.get("procedure") if isinstance(meta.get("procedure"), dict) else {}
        seen = set()
        for uid in (meta.get("unit"), proc.get("agency")):
            unit = self.data.units.get(uid) if isinstance(uid, str) else None
            if uid in seen or not lifecycle.unit_ended(unit, self.day):
                continue
            seen.add(uid)
            end = _day(lifecycle.parse_day(unit["valid_to"]))
            via, succ = lifecycle.area_successors(self.data.units, uid, self.day)
            names = _join([self._unit(s, lang) for s in succ], lang)
            if succ and via == uid:
                out.append(t["unit_ended"].format(unit=self._unit(uid, lang), date=end, succ=names))
            elif succ:
                out.append(t["unit_part_of"].format(unit=self._unit(uid, lang), date=end, parent=self._unit(via, lang), succ=names))
            else:
                out.append(t["unit_gone"].format(unit=self._unit(uid, lang), date=end))
        docs = self.data.documents
        for doc_id in list(meta.get("sources") or []) + list(proc.get("legal_basis") or []):
            new = lifecycle.replacement(docs, doc_id, self.day) if isinstance(doc_id, str) else None
            if new is None or doc_id in seen or new not in docs:
                continue
            seen.add(doc_id)
            on = _day(lifecycle.parse_day(docs[doc_id]["replaced_by"]["from"]))
            out.append(t["doc_replaced"].format(old=html.escape(cite(docs[doc_id], lang)),
                                                new=html.escape(cite(docs[new], lang)), date=on))
        return out


_built: list = []  # [(data, pages, Banner)]: the objects themselves, not their ids (reused after GC)


def for_build(data, pages) -> Banner:
    """One Banner per build (the data and pages the setup hook loaded), dated today.
    Raises ValueError on a malformed CCHC_TODAY."""
    if not (_built and _built[0][0] is data and _built[0][1] is pages):
        _built[:] = [(data, pages, Banner(data, pages, lifecycle.today()))]
    return _built[0][2]
