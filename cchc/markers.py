"""Markers that pages carry and that expand into generated Markdown at build time.

A page writes `<!-- md:plan TN22 -->` and gets the plan's goals, items, coverage and duties
from data/plans/, so the page can never drift from the data. An unknown marker is an error
(the build fails, the checker names the line). Expansion is pure: the MkDocs hook and the
checker call the same function, so the checker knows the anchors generated pages have.
"""
import functools
import html
import posixpath
import re

from markdown.extensions.abbr import AbbrBlockprocessor  # Markdown's own rules, not copies
from markdown.serializers import RE_AMP

from cchc import lifecycle, procedure
from cchc.cite import CITE, cite as cite_doc, date_text  # noqa: F401  (date_text: also used through this module)
from cchc.coverage import covering_pages
from cchc.slug import fold

MARKER = re.compile(r"<!--\s*md:([a-z][a-z-]*)\b\s*(.*?)\s*-->")

L = {
    "vi": {
        "issuer": "Cơ quan ban hành", "year": "Năm", "signer": "Người ký", "number": "Số",
        "issued_on": "Ngày ban hành", "period": "Thời gian", "period_text": "từ {start} đến {end}",
        "not_said": "Kế hoạch không ghi", "implements": "Căn cứ", "goals": "Mục tiêu",
        "replaces": "Thay thế kế hoạch", "note": "Ghi chú", "label": "mục {label}",
        "outside": "Trang web không thực hiện hình thức này (ví dụ truyền hình, video trên mạng xã hội); mục này không cần trang.",
        "source_url": "Văn bản kế hoạch đọc tại",
        "requirements": "Yêu cầu", "audience": "Đối tượng", "content": "Nội dung tuyên truyền",
        "forms": "Hình thức tuyên truyền", "solutions": "Giải pháp thực hiện", "duties": "Phân công thực hiện",
        "reporting": "Chế độ báo cáo", "covered_by": "Trang thực hiện", "not_covered": "Chưa có trang nào thực hiện mục này.",
        "form_kinds": "Tài liệu phù hợp", "deadline": "Hạn", "report_to": "Gửi", "with": "Phối hợp",
        "recurrence": {"6-thang": "6 tháng một lần", "hang-nam": "hằng năm", "dinh-ky": "định kỳ"},
        "cadence": "Kỳ báo cáo", "via": "qua", "source": "Nguồn", "source_text": "Văn bản kế hoạch, bản trích lưu trong hồ sơ tư liệu của trang web",
        "plan_text": "Theo kế hoạch", "cited": "Văn bản được dẫn", "summary": "Tình hình thực hiện",
        "covered_count": "{n}/{total} mục đã có trang thực hiện", "plan": "Kế hoạch", "term": "Viết tắt",
        "meaning": "Nghĩa", "word": "Thuật ngữ", "none_yet": "Chưa có trang nào.",
        "dated_plan": ("Đây là kế hoạch {year}. Tên gọi, địa giới và cách tổ chức các cơ quan có thể đã"
                       " thay đổi từ đó; trước khi đi làm thủ tục, hãy hỏi cơ quan nơi bạn sống."),
    },
    "en": {
        "issuer": "Issued by", "year": "Year", "signer": "Signed by", "number": "Number",
        "issued_on": "Date of issue", "period": "Period", "period_text": "from {start} to {end}",
        "not_said": "The plan does not say", "implements": "Implements", "goals": "Goals",
        "replaces": "Replaces the plan", "note": "Note", "label": "item {label}",
        "outside": "The site does not carry this form (e.g. television, social-media video); no page is expected for it.",
        "source_url": "Plan text read at",
        "requirements": "Requirements", "audience": "Audience", "content": "What to communicate (content items)",
        "forms": "How to communicate (form items)", "solutions": "Solutions", "duties": "Who does what",
        "reporting": "Reporting", "covered_by": "Pages that carry it out", "not_covered": "No page covers this item yet.",
        "form_kinds": "Suitable materials", "deadline": "Deadline", "report_to": "To", "with": "Together with",
        "recurrence": {"6-thang": "every 6 months", "hang-nam": "yearly", "dinh-ky": "periodically"},
        "cadence": "Reporting cycle", "via": "via", "source": "Source", "source_text": "Plan text, an extract kept in this website's records",
        "plan_text": "In the plan's words (Vietnamese)", "cited": "Documents cited", "summary": "Progress",
        "covered_count": "{n} of {total} items have a page", "plan": "Plan", "term": "Abbreviation",
        "meaning": "Meaning", "word": "Term", "none_yet": "No page yet.",
        "dated_plan": ("This is the plan for {year}. The names, boundaries and organisation of the agencies may"
                       " have changed since; before going to file a procedure, ask the agency where you live."),
    },
}


def text(value) -> str:
    """Front matter or data text made safe to insert into Markdown: no raw HTML, no link syntax."""
    out = html.escape(str(value), quote=False)
    return out.replace("[", "\\[").replace("]", "\\]")


def quoted(value, lang: str) -> str:
    """Vietnamese words (a plan's own, a glossary term): on a page in another language
    they are marked as Vietnamese, so a screen reader switches voice."""
    out = text(value)
    return out if lang == "vi" else f'<span lang="vi">{out}</span>'


class MarkerError(ValueError):
    """An unknown or malformed marker; `line` is 1-based within the body."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def unit_name(data, unit_id: str, lang: str, short: bool = False) -> str:
    """A unit's name in `lang`; the bare id when data/units.yml does not know it (the checker
    reports that separately, expansion must not crash on it)."""
    unit = data.units.get(unit_id)
    if unit is None:
        return unit_id
    if lang != "vi":
        return unit["name_en"]
    return unit["short"] if short else unit["name"]


def cite_id(data, doc_id: str, lang: str) -> str:
    doc = data.documents.get(doc_id)
    return cite(doc, lang, markdown=True) if doc else doc_id


def kind_label(data, kind_id: str, lang: str) -> str:
    kind = data.kinds.get(kind_id)
    return kind["label" if lang == "vi" else "label_en"] if kind else kind_id


def cite(doc: dict, lang: str, markdown: bool = False) -> str:
    """cchc/cite.py's citation; with `markdown`, for a page in another language, the issuer and
    subject (Vietnamese only in data/documents.yml) are marked as Vietnamese."""
    return cite_doc(doc, lang, (lambda value: quoted(value, lang)) if markdown else None)


class Context:
    """What expansion needs: the data, every page's front matter, and the current page."""

    def __init__(self, data, pages, lang: str, src: str, blocks: "Blocks | None" = None):
        self.data, self.pages, self.lang, self.src = data, pages, lang, src
        self.blocks = blocks  # the build's: long generated lists as HTML (see Blocks)
        self._coverage = None

    @property
    def coverage(self):
        if self._coverage is None:
            self._coverage = covering_pages(self.data, self.pages)
        return self._coverage

    def link(self, page) -> str:
        """Markdown link from the current page to `page` (same language, or the Vietnamese page:
        then the title keeps its language, marked for screen readers, and a note in ours)."""
        here = posixpath.dirname(self.src) or "."
        title, lang = self.title_of(page)
        out = f"[{text(title)}]({posixpath.relpath(page.src, here)})"
        if lang != self.lang:
            # attr_list. The target is the Vietnamese page (an untranslated page is linked, not
            # copied: cchc/english.py), or the copy of a section's index page, in Vietnamese too.
            out += f'{{ lang="{lang}" hreflang="{lang}" }}'
            note = CATALOGUE[self.lang].get("in_vi") if lang == "vi" else None
            out += f" ({note})" if note else ""
        return out

    def title_of(self, page) -> tuple:
        """(title, its language): in the current language if the page is translated, else
        the Vietnamese one."""
        if self.lang != page.lang:
            twin = _translations(self.pages).get((self.lang, page.src))
            if twin:
                return str(twin.meta.get("title", twin.src)), self.lang
            return page.title, page.lang
        return page.title, page.lang


def period_text(plan: dict, lang: str, long: bool = False) -> str:
    """'2022' for a one-year plan; '2025-2026' (long: 'từ 01/01/2025 đến 31/12/2026') for a period."""
    if "period" in plan:
        start, end = plan["period"]["from"], plan["period"]["to"]
        if long:
            return L[lang]["period_text"].format(start=date_text(start), end=date_text(end))
        return start[:4] if start[:4] == end[:4] else f"{start[:4]}-{end[:4]}"
    return str(plan["year"])


def _said(values, render, t) -> list:
    """Markdown lines for one section: `render(value)` for each, or the plan's silence."""
    if not values:
        return [f"*{t['not_said']}.*"]
    return [render(v) for v in values]


def _unique_anchor(anchor: str, used: set) -> str:
    """`anchor`, or anchor-2, -3... if the page already has it (two duty groups may name the
    same unit; the first keeps the address officials may have linked to)."""
    out, n = anchor, 1
    while out in used:
        n += 1
        out = f"{anchor}-{n}"
    used.add(out)
    return out


def _item_lines(ctx: Context, item: dict, kind: str, level: str) -> list:
    t = L[ctx.lang]
    data, lang = ctx.data, ctx.lang
    label = f", {t['label'].format(label=text(item['label']))}" if item.get("label") else ""
    out = ["", f"{level} {item['id']}: {text(item['summary'])} {{#{item['id'].lower()}{'' if lang == 'vi' else ' lang=vi'}}}", ""]
    out += [f"*{t['plan_text']}{label}:* {quoted(item['text'], lang)}", ""]
    if item.get("documents"):
        out += [f"*{t['cited']}:* " + "; ".join(cite_id(data, d, lang) for d in item["documents"]), ""]
    if kind == "form" and not item.get("kinds") and not item.get("sub_items"):
        return out + [f"*{t['outside']}*"]
    if item.get("kinds"):
        kinds = ", ".join(kind_label(data, k, lang) for k in item["kinds"])
        out += [f"*{t['form_kinds']}:* {kinds}", ""]
    pages = ctx.coverage.get(item["id"], [])
    if pages:
        out.append(f"**{t['covered_by']}:**")
        out.append("")
        # Procedure cards (up to thousands) are counted and sent to their catalogue.
        cards = [p for p in pages if p.meta.get("kind") == CARD_KIND]
        out += [f"- {ctx.link(p)}" for p in pages if p.meta.get("kind") != CARD_KIND]
        if cards:
            out.append(f"- {_catalogue_link(ctx, len(cards))}")
    elif not item.get("sub_items"):
        out.append(f"**{t['not_covered']}**")
    for sub in item.get("sub_items") or []:
        merged = {**{k: item[k] for k in ("kinds",) if k in item}, **sub}
        out += _item_lines(ctx, merged, kind, level + "#")
    return out


def _plan(ctx: Context, arg: str) -> str:
    from cchc.coverage import duty_ids

    data, lang, t = ctx.data, ctx.lang, L[ctx.lang]
    plan = next((p for p in data.plans if p["id"] == arg), None)
    if plan is None:
        known = ", ".join(p["id"] for p in data.plans)
        raise ValueError(f"kế hoạch '{arg}' không có trong data/plans/; các mã hợp lệ: {known}")
    not_said = t["not_said"]
    issuer = unit_name(data, plan["issuer"], lang)
    if plan.get("province"):
        issuer += f" ({plan['province']})"
    signer = plan.get("signer")
    when = period_text(plan, lang)
    out = [
        f'!!! warning "{t["plan"]} {when}"',
        "",
        "    " + t["dated_plan"].format(year=(f"năm {when}" if "year" in plan else f"giai đoạn {when}")
                                       if lang == "vi" else when),
        "",
        f"- **{t['issuer']}:** {issuer}",
        f"- **{t['year'] if 'year' in plan else t['period']}:** {period_text(plan, lang, long=True)}",
        f"- **{t['signer']}:** " + (quoted(signer["role"], lang) + (f", {quoted(signer['name'], lang)}" if signer.get("name") else "")
                                    if signer else not_said),
        f"- **{t['number']}:** {text(plan['number']) if plan.get('number') else not_said}",
        f"- **{t['issued_on']}:** {date_text(plan['issued_on']) if plan.get('issued_on') else not_said}",
        f"- **{t['implements']}:** " + ("; ".join(cite_id(data, d, lang) for d in plan["implements"])
                                         if plan.get("implements") else not_said),
    ]
    replaced = next((p for p in data.plans if p["id"] == plan.get("replaces")), None)
    if replaced:
        out.append(f"- **{t['replaces']}:** {text(replaced['title'] if lang == 'vi' else replaced['title_en'])}")
    if plan.get("note"):
        out.append(f"- **{t['note']}:** {quoted(plan['note'], lang)}")
    duties = duty_ids(data, plan)
    covered = sum(1 for i in duties if ctx.coverage[i])
    if duties:  # a plan that names no item the site carries has no progress figure at all
        out += ["", f"**{t['summary']}:** " + t["covered_count"].format(n=covered, total=len(duties)), ""]
    for key, heading, anchor in (("goals", t["goals"], "muc-tieu"), ("requirements", t["requirements"], "yeu-cau"),
                                 ("audience", t["audience"], "doi-tuong")):
        out += ["", f"## {heading} {{#{anchor}}}", ""] + _said(plan.get(key), lambda v: f"- {quoted(v, lang)}", t)
    for key, heading, anchor, kind in (("content_items", t["content"], "noi-dung", "content"),
                                       ("form_items", t["forms"], "hinh-thuc", "form")):
        out += ["", f"## {heading} {{#{anchor}}}"]
        if plan.get(key) is None:
            out += ["", f"*{not_said}.*"]
        for item in plan.get(key) or []:
            out += _item_lines(ctx, item, kind, "###")
    out += ["", f"## {t['solutions']} {{#giai-phap}}", ""]
    solutions = plan.get("solutions")
    out += _said(solutions, None, t) if not solutions else [f"{n}. {quoted(s['text'], lang)}" for n, s in enumerate(solutions, 1)]
    out += ["", f"## {t['duties']} {{#phan-cong}}"]
    if plan.get("duties") is None:
        out += ["", f"*{not_said}.*"]
    used = {"muc-tieu", "yeu-cau", "doi-tuong", "noi-dung", "hinh-thuc", "giai-phap", "phan-cong", "bao-cao", "nguon"}
    used |= {i.lower() for i in data.items}
    for duty in plan.get("duties") or []:
        names = ", ".join(unit_name(data, u, lang) for u in duty["units"])
        out += ["", f"### {names} {{#{_unique_anchor('-'.join(duty['units']), used)}}}", ""]
        for task in duty["tasks"]:
            extra = []
            if task.get("deadline"):
                extra.append(f"{t['deadline']}: " + (quoted(task["deadline_text"], lang) if task.get("deadline_text")
                                                      else date_text(task["deadline"])))
            if task.get("recurrence"):
                extra.append(", ".join(t["recurrence"][r] for r in task["recurrence"]))
            if task.get("report_to"):
                via = f" ({t['via']} {unit_name(data, task['via'], lang)})" if task.get("via") else ""
                extra.append(f"{t['report_to']}: {unit_name(data, task['report_to'], lang)}{via}")
            if task.get("with"):
                extra.append(f"{t['with']}: " + ", ".join(unit_name(data, u, lang) for u in task["with"]))
            out.append(f"- {quoted(task['text'], lang)}" + (f" (*{'; '.join(extra)}*)" if extra else ""))
    rep = plan.get("reporting")
    out += ["", f"## {t['reporting']} {{#bao-cao}}", ""]
    if rep is None:
        out.append(f"*{not_said}.*")
    else:
        cadence = ", ".join(t["recurrence"][c] for c in rep["cadence"]) if rep.get("cadence") else not_said
        out.append(f"- {t['cadence']}: {cadence}")
        via = f" ({t['via']} {unit_name(data, rep['via'], lang)})" if rep.get("via") else ""
        out.append(f"- {t['report_to']}: {unit_name(data, rep['to'], lang)}{via}")
        if rep.get("note"):
            out.append(f"- {quoted(rep['note'], lang)}")
    out += ["", f"## {t['source']} {{#nguon}}", ""]
    if plan.get("source_url"):
        out.append(f"{t['source_url']}: <{plan['source_url']}>")
        out.append("")
    if plan.get("source_file"):
        # The file name is for editors (data/plans/*.yml); readers are told what it is, not its name.
        out.append(f"{t['source_text']}.")
    return "\n".join(out)


def _plans(ctx: Context, arg: str) -> str:
    t = L[ctx.lang]
    rows = [f"| {t['plan']} | {t['issuer']} | {t['year']} |", "|---|---|---|"]
    for plan in ctx.data.plans:
        page = next((p for p in ctx.pages if p.lang == "vi" and p.meta and p.meta.get("plan") == plan["id"]), None)
        title = plan["title"] if ctx.lang == "vi" else plan["title_en"]
        cell = f"[{text(title)}]({posixpath.relpath(page.src, posixpath.dirname(ctx.src) or '.')})" if page else text(title)
        unit = unit_name(ctx.data, plan["issuer"], ctx.lang, short=True)
        rows.append(f"| {cell} | {unit} | {period_text(plan, ctx.lang)} |")
    return "\n".join(rows)


def _themes(ctx: Context, arg: str) -> str:
    """One entry per theme: link to its hub, with the hub's description."""
    here = posixpath.dirname(ctx.src) or "."
    lines = []
    for theme in ctx.data.themes.values():
        src = f"{theme['path']}/index.md"
        hub = next((p for p in ctx.pages if p.lang == ctx.lang and p.src == src and p.meta), None) \
            or next((p for p in ctx.pages if p.lang == "vi" and p.src == src and p.meta), None)
        title = theme["title" if ctx.lang == "vi" else "title_en"]
        if hub is None:
            lines.append(f"- {title}")
            continue
        desc = hub.meta.get("description", "") if hub.lang == ctx.lang else ""
        lines.append(f"- [{text(title)}]({posixpath.relpath(src, here)})" + (f": {text(desc)}" if desc else ""))
    return "\n".join(lines)


def _glossary(ctx: Context, arg: str) -> str:
    """Two tables: the abbreviations (also tooltips on every page), then the full terms
    (`abbr: false` in data/glossary.yml) a citizen meets in today's procedures."""
    t = L[ctx.lang]
    out = []
    for abbr, head in ((True, t["term"]), (False, t["word"])):
        terms = sorted((x for x in ctx.data.glossary if x.get("abbr", True) is abbr), key=lambda x: x["term"])
        if terms:
            out += ["" if out else None, f"| {head} | {t['meaning']} |", "|---|---|"]
            # A full term is Vietnamese on every page: marked so on the others (quoted()). An
            # abbreviation is not: it carries its tooltip in the page's language.
            out += [f"| {text(x['term']) if abbr else quoted(x['term'], ctx.lang)} | {text(x[ctx.lang])} |" for x in terms]
    return "\n".join(line for line in out if line is not None)


def _current(page) -> bool:
    """False for a page archived by today (history mode): lists a citizen acts on leave it out."""
    try:
        return not lifecycle.is_archived(page.meta, lifecycle.today())
    except ValueError:  # a malformed CCHC_TODAY: reported once by the checker, fails the build
        return True


_made: dict = {}  # (what, id(pages)) -> (pages, value): made once per build, not once per page


def _once(what: str, pages, make):
    """make(pages), computed once for a given list of pages (the build's list lives as long as
    the build; a new list, a new build or a test, makes it again)."""
    hit = _made.get((what, id(pages)))
    if hit is None or hit[0] is not pages:
        for key in [k for k in _made if k[0] == what]:
            del _made[key]
        hit = _made[(what, id(pages))] = (pages, make(pages))
    return hit[1]


def _current_cards(pages) -> list:
    """The Vietnamese procedure cards not archived today. Every catalogue page asks (about 45 at
    2,000 cards, each over 3,400 pages), so the list is made once for a given list of pages."""
    return _once("cards", pages, lambda ps: [p for p in ps if p.lang == "vi" and p.meta
                                             and p.meta.get("kind") == procedure.KIND and _current(p)])


@functools.lru_cache(maxsize=8192)  # a card is listed on two or three catalogue pages per language
def _sort_key(title: str) -> str:
    """A catalogue's order: by title without marks, so 'Đăng ký' sorts with 'Dang'."""
    return fold(title).lower()


def _cards_by_field(pages) -> dict:
    """The current cards (_current_cards) by their field code, in the same order: each field's
    catalogue page asks for its own (about 40 of them at 2,000 cards, each over every card)."""
    def group(ps):
        out: dict = {}
        for p in _current_cards(ps):
            out.setdefault((p.meta.get(procedure.FIELD) or {}).get("field"), []).append(p)
        return out
    return _once("cards_by_field", pages, group)


def _page_keys(pages) -> frozenset:
    """(language, source) of every page read, with or without front matter."""
    return _once("page_keys", pages, lambda ps: frozenset((p.lang, p.src) for p in ps))


def _translations(pages) -> dict:
    """(language, source) -> the page read: a catalogue's links ask it for every card listed
    (2,000 cards, each looked up among 3,400 pages, made a thousandth of a build)."""
    return _once("translations", pages, lambda ps: {(p.lang, p.src): p for p in ps if p.meta})


def _pages_where(ctx: Context, keep) -> str:
    found = [p for p in ctx.pages if p.lang == "vi" and p.meta and p.src != ctx.src and keep(p) and _current(p)]
    if not found:
        return L[ctx.lang]["none_yet"]
    found.sort(key=lambda p: p.title)
    lines = []
    for p in found:
        desc = (p.meta.get("description") or "") if ctx.lang == "vi" else ""
        lines.append(f"- {ctx.link(p)}" + (f": {text(desc)}" if desc else ""))
    return "\n".join(lines)


def _theme_pages(ctx: Context, arg: str) -> str:
    if arg not in ctx.data.themes:
        raise ValueError(f"chủ đề '{arg}' không có trong data/taxonomy.yml; các mã hợp lệ: {', '.join(ctx.data.themes)}")
    cards = sum(1 for p in ctx.pages if p.lang == "vi" and p.meta and p.meta.get("theme") == arg
                and p.meta.get("kind") == CARD_KIND and _current(p))
    listed = _pages_where(ctx, lambda p: p.meta.get("theme") == arg and p.meta.get("kind") not in ("hub", CARD_KIND))
    if not cards:
        return listed
    line = f"- {_catalogue_link(ctx, cards)}"  # procedure cards: one line to their catalogue
    return line if listed == L[ctx.lang]["none_yet"] else f"{listed}\n{line}"


def _kind_pages(ctx: Context, arg: str) -> str:
    kinds = [k for k in arg.split(",") if k]
    bad = [k for k in kinds if k not in ctx.data.kinds]
    if bad or not kinds:
        raise ValueError(f"loại trang '{','.join(bad) or arg}' không có trong data/taxonomy.yml; các mã hợp lệ: {', '.join(ctx.data.kinds)}")
    return _pages_where(ctx, lambda p: p.meta.get("kind") in kinds)


def _documents(ctx: Context, arg: str) -> str:
    lines = []
    for doc in ctx.data.documents.values():
        line = f"- {cite(doc, ctx.lang, markdown=True)}"
        if doc.get("subject") and doc["number"]:
            line += f": {quoted(doc['subject'], ctx.lang)}"
        lines.append(line)
    return "\n".join(lines)


def _fill(ctx: Context, arg: str) -> str:
    """A fact no source gives yet (a phone number, an address). No placeholder reaches a
    citizen (issue 11): the public page shows nothing here, and scripts/health.py lists every
    md:fill for the owning unit to complete. Write the sentence around it so it reads without it."""
    if not arg:
        raise ValueError("md:fill cần ghi rõ thông tin còn thiếu, ví dụ <!-- md:fill số điện thoại đường dây nóng -->")
    return ""


# Procedure catalogues (`<!-- md:procedures by=field -->`, docs/<lang>/thu-tuc/): every card
# once, grouped under headings with stable ids, as plain lists a phone can read without script.
# docs/assets/javascripts/catalogue-filter.js adds a filter box above a list when it can run.
#
# A province has about 2,000 cards: one list of them all is a 450 KB page (scripts/bench.py).
# So a field (lĩnh vực) that has its own page, docs/<lang>/thu-tuc/linh-vuc/<field id>.md with
# `<!-- md:procedures field=<id> -->`, is listed there (by level), and the catalogues by field
# and by level only link to it, with counts. A field without a page is listed inline: no card
# is ever left out. The fully-online catalogue lists its cards itself (a third of them).
CATALOGUE = {
    "vi": {"none": "Chưa có thẻ thủ tục nào được đăng. Các thẻ sẽ hiện ở đây khi được đăng.",
           "none_online": "Chưa có thẻ thủ tục nào làm được trực tuyến toàn trình.",
           "none_field": "Lĩnh vực này chưa có thẻ thủ tục nào được đăng.",
           "total": "{n} thủ tục", "no_field": "Chưa ghi lĩnh vực", "no_level": "Chưa ghi cấp thực hiện",
           "filter": "Lọc theo tên thủ tục", "shown": "{n} thủ tục khớp", "in_vi": "tiếng Việt",
           "see_field": "Xem {n} thủ tục lĩnh vực {name}", "online": "trực tuyến toàn trình",
           "online_n": "{n} làm trực tuyến toàn trình"},
    "en": {"none": "No procedure card has been published yet. Cards will be listed here once published.",
           "none_online": "No published procedure card can be done fully online yet.",
           "none_field": "No procedure card has been published in this field yet.",
           "total": "{n} procedures", "no_field": "Field not given", "no_level": "Level not given",
           "filter": "Filter by procedure name", "shown": "{n} procedures match", "in_vi": "in Vietnamese",
           "see_field": "See the {n} procedures in {name}", "online": "fully online",
           "online_n": "{n} fully online"},
}
ONLINE_WAY = "truc-tuyen-toan-trinh"  # data/procedures.yml: the way that needs no visit at all
CARD_KIND = "procedure"
CATALOGUE_SRC = "thu-tuc/index.md"
FIELD_PAGE = "thu-tuc/linh-vuc/{}.md"  # one field's catalogue (by level)
CARDS = {"vi": "{n} thẻ thủ tục, xếp theo lĩnh vực, cấp thực hiện và cách làm trực tuyến trong",
         "en": "{n} procedure cards, listed by field, level and online availability in the"}


def _catalogue_link(ctx: Context, n: int) -> str:
    """'1.400 thẻ thủ tục ... trong [Danh mục thủ tục hành chính](../thu-tuc/index.md)'."""
    count = f"{n:,}".replace(",", "." if ctx.lang == "vi" else ",")
    page = next((p for p in ctx.pages if p.src == CATALOGUE_SRC and p.lang == ctx.lang and p.meta), None) \
        or next((p for p in ctx.pages if p.src == CATALOGUE_SRC and p.meta), None)
    words = CARDS[ctx.lang].format(n=count)
    if page is None:
        return words.rsplit(" ", 1)[0]
    return f"{words} [{text(page.title)}]({posixpath.relpath(CATALOGUE_SRC, posixpath.dirname(ctx.src) or '.')})"


class Blocks:
    """Long generated lists handed to the build as finished HTML instead of Markdown.

    A procedure catalogue lists hundreds of cards; Python-Markdown takes about 0.1 ms a line to
    make each `- [title](card.md) – note` into a list item, about 0.8 CPU s of a 2,000-card
    build (maintainers/scale.md). With a Blocks in its Context, expansion writes such a list as
    the HTML Markdown would have made (links as MkDocs writes them, abbreviations as the `abbr`
    extension marks them) and leaves a one-word paragraph in its place; the build puts the HTML
    back after Markdown (`fill`), before the sanitiser sees the page. The checker expands
    without one and reads the Markdown. A list whose text holds anything Markdown would read as
    markup stays Markdown. tests/test_fragments.py builds the site both ways
    (CCHC_SHARED_FRAGMENTS=0 also turns this off) and compares every page byte for byte."""

    def __init__(self, token: str, link, definitions: tuple):
        """`link(path)`: the href MkDocs writes for a Markdown link to `path` (relative to the
        page's folder), or None when MkDocs would not find the page (the list then stays
        Markdown, so MkDocs reports it). `definitions`: the `*[term]: title` lines the build
        appends to pages, read as the `abbr` extension reads them (only those a page holds are
        appended, but a term a page does not hold cannot match in it either)."""
        self.token, self.link, self.html = token, link, []
        self.line = 0  # the marker's line in the body, set by expand(): for the error below
        self.abbreviations, self.abbr_re = _abbreviation_rules(definitions)

    def add(self, html_text: str) -> str:
        """The paragraph that stands for `html_text` in the Markdown."""
        self.html.append((html_text, self.line))
        return f"{self.token}n{len(self.html) - 1}"

    def fill(self, content: str) -> str:
        """`content` (the page's HTML) with every paragraph add() left replaced by its HTML.
        A paragraph missing means Markdown read it otherwise than expand() expected: ValueError
        (with the marker's line), never a page without its list."""
        for i, (block, line) in enumerate(self.html):
            para = f"<p>{self.token}n{i}</p>"
            if content.count(para) != 1:
                raise ValueError(f"dòng {line} (tính từ sau phần khai báo): danh sách thủ tục do dấu"
                                 " <!-- md:procedures --> sinh ra không còn nguyên sau khi chuyển Markdown."
                                 " Hãy để dấu này đứng riêng một dòng, sát lề trái, có một dòng trống trước và"
                                 " sau; nếu vẫn báo lỗi, gửi thông báo này cho nhóm kỹ thuật")
            content = content.replace(para, block)
        return content

    def href(self, path: str) -> str | None:
        """The link MkDocs writes from this page to `path`, escaped for an attribute."""
        url = self.link(path)
        return None if url is None else _attribute(url)

    def text(self, value: str) -> str:
        """Text as Markdown and the `abbr` extension would write it."""
        if self.abbr_re is None:
            return html.escape(value, quote=False)
        out, at = [], 0
        for m in self.abbr_re.finditer(value):
            title = self.abbreviations[m.group(0)]
            out += [html.escape(value[at:m.start()], quote=False), f'<abbr title="{_attribute(title)}">',
                    html.escape(m.group(0), quote=False), "</abbr>"]
            at = m.end()
        out.append(html.escape(value[at:], quote=False))
        return "".join(out)


@functools.lru_cache(maxsize=16)  # the same lines for every page of a language
def _abbreviations(definitions: tuple) -> dict:
    """{term: title} of `*[term]: title` lines, by the `abbr` extension's own pattern and rules
    (both stripped, neither empty; a title of '' or "" removes the term)."""
    out: dict = {}
    for line in definitions:
        # What Python-Markdown does to its whole source first (a definition is a whole line).
        m = AbbrBlockprocessor.RE.search(line.replace("\x02", "").replace("\x03", "").expandtabs(4))
        if m is None:
            continue
        term, title = m.group("abbr").strip(), m.group("title").strip()
        if term and title:
            if title in ("''", '""'):
                out.pop(term, None)
            else:
                out[term] = title
    return out


@functools.lru_cache(maxsize=16)  # worked out once per language, not once per page
def _abbreviation_rules(definitions: tuple) -> tuple:
    """({term: title}, the pattern of the terms Blocks.text marks)."""
    abbreviations = _abbreviations(definitions)
    # A term text() changes ('TN&MT' -> 'TN&amp;MT') is an entity or an escape in the
    # Markdown, which the `abbr` extension cannot match: it stays unmarked there, so here too.
    return abbreviations, _abbreviation_pattern(tuple(t for t in abbreviations if text(t) == t))


@functools.lru_cache(maxsize=16)
def _abbreviation_pattern(terms: tuple):
    """The `abbr` extension's own pattern: longest term first, whole words."""
    ordered = sorted(terms, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, ordered))})\b") if ordered else None


# What Markdown would read as markup in a list item's text (code, escapes, emphasis, attr_list);
# '&', '<', '>', '[' and ']' are escaped by text() either way.
_MARKUP_CHARS = re.compile(r"[`\\*_{}\n\r\t\x02\x03]| {2}")


def _attribute(value: str) -> str:
    """An attribute value as Python-Markdown's serialiser escapes it: an `&` that starts an
    entity is kept, the apostrophe is not escaped."""
    return (RE_AMP.sub("&amp;", value).replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\n", "&#10;"))


def _number(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "." if lang == "vi" else ",")


def _procedures(ctx: Context, arg: str) -> str:
    opts = dict(part.split("=", 1) for part in arg.split() if "=" in part)
    by, only_field = opts.get("by"), opts.get("field")
    if (by not in ("field", "level", "online") and not only_field) or (by and only_field) \
            or len(opts) != 1 or len(arg.split()) != 1:
        raise ValueError(f"cần ghi cách nhóm: by=field (lĩnh vực), by=level (cấp thực hiện), by=online"
                         f" (làm trực tuyến toàn trình) hoặc field=<mã lĩnh vực> (trang của một lĩnh vực),"
                         f" ví dụ <!-- md:procedures by=field -->; đang ghi '{arg}'")
    t, lang = CATALOGUE[ctx.lang], ctx.lang
    lists, _problems = procedure.load_lists(ctx.data.root)
    levels = lists.levels if lists else {}
    fields = lists.fields if lists else {}
    if only_field and lists is not None and only_field not in fields:  # a broken file is reported once, at its line
        raise ValueError(f"field={only_field}: không có lĩnh vực này trong {procedure.LISTS_FILE}"
                         f" (các mã: {', '.join(fields) or 'chưa có'})")
    label = "label" if lang == "vi" else "label_en"
    blocks = ctx.blocks
    all_cards = _current_cards(ctx.pages)
    cards = all_cards

    def facts_of(page):
        return page.meta.get(procedure.FIELD) or {}

    def online(page):
        return ONLINE_WAY in (facts_of(page).get("ways") or [])

    def field_of(page):
        key = facts_of(page).get("field")
        return key if key in fields else None

    if by == "online":
        cards = [p for p in cards if online(p)]
    elif only_field:
        cards = _cards_by_field(ctx.pages).get(only_field, []) if only_field in fields else []
    if not cards:
        if only_field:
            return t["none_field"]
        return t["none_online" if by == "online" and all_cards else "none"]
    translations = _translations(ctx.pages) if lang != "vi" else {}
    here = posixpath.dirname(ctx.src) or "."
    # Fields listed on their own page (not on the field page itself, nor on the online list).
    paged = set() if (only_field or by == "online") else \
        {f for f in fields if ("vi", FIELD_PAGE.format(f)) in _page_keys(ctx.pages)}
    group_key = "level" if by == "level" or only_field else "field"
    known = levels if group_key == "level" else fields
    groups: dict = {}
    for page in cards:
        key = facts_of(page).get(group_key)
        groups.setdefault(key if key in known else None, []).append(page)
    order = [k for k in known if k in groups] + ([None] if None in groups else [])
    listed = any(field_of(p) not in paged for p in cards)  # some cards listed here: the filter box
    count = _number(len(cards), lang)
    out = ([f'<div class="catalogue" data-catalogue data-filter-label="{html.escape(t["filter"])}"'
            f' data-filter-shown="{html.escape(t["shown"])}" markdown>'] if listed else
           ['<div class="catalogue" markdown>']) + ["", f"**{t['total'].format(n=count)}**", ""]

    def card_line(page):
        """(sort key, Markdown line, the same as an HTML list item or None: see Blocks)."""
        twin = translations.get((lang, page.src))
        title = str(twin.meta.get("title") or page.title) if twin else page.title
        path = posixpath.relpath(page.src, here)
        link = f"[{text(title)}]({path})"
        marked = lang != "vi" and not twin
        if marked:
            # The Vietnamese card itself (cchc/english.py): attr_list marks its language, so
            # screen readers switch voice and the reader knows before following it.
            link += f'{{ lang="vi" hreflang="vi" }} ({t["in_vi"]})'
        if only_field:
            note = t["online"] if online(page) else None
        else:
            other = facts_of(page).get("field" if group_key == "level" else "level")
            note = (fields if group_key == "level" else levels).get(other, {}).get(label)
        line = f"- {link}" + (f" – {text(note)}" if note else "")
        item = None
        href = blocks.href(path) if blocks is not None and not _MARKUP_CHARS.search(f"{title}{note or ''}") else None
        if href is not None:
            attrs = ' hreflang="vi" lang="vi"' if marked else ""  # attr_list's order
            item = (f'<li><a href="{href}"{attrs}>{blocks.text(title)}</a>'
                    + (f" ({blocks.text(t['in_vi'])})" if marked else "")
                    + (f" – {blocks.text(note)}" if note else "") + "</li>")
        return _sort_key(title), line, item

    def field_target(field_id, anchor=None):
        return posixpath.relpath(FIELD_PAGE.format(field_id), here) + (f"#{anchor}" if anchor else "")

    for key in order:
        name = known[key][label] if key else t["no_level" if group_key == "level" else "no_field"]
        members = groups[key]
        lines = []
        if group_key == "field" and key in paged:  # by=field: one line to the field's page
            per_level = [(levels[lv][label], sum(1 for p in members if facts_of(p).get("level") == lv))
                         for lv in levels]
            n_online = sum(1 for p in members if online(p))
            words = t["see_field"].format(n=_number(len(members), lang), name=text(name.lower() if lang == "vi" else name))
            lines = [f"[{words}]({field_target(key)}): "
                     + ", ".join(f"{text(lv.lower())} {_number(n, lang)}" for lv, n in per_level if n)
                     + (f"; {t['online_n'].format(n=_number(n_online, lang))}" if n_online else "") + ".", ""]
        else:
            if group_key == "level" and not only_field:  # by=level: fields with a page, as links
                by_field: dict = {}
                for p in members:
                    if field_of(p) in paged:
                        by_field[field_of(p)] = by_field.get(field_of(p), 0) + 1
                for f in (f for f in fields if f in by_field):
                    lines.append(f"- [{text(fields[f][label])}]({field_target(f, key)}) ({_number(by_field[f], lang)})")
            items = sorted((card_line(p) for p in members if field_of(p) not in paged), key=lambda x: x[:2])
            if blocks is not None and not lines and items and all(item for _k, _l, item in items):
                lines += [blocks.add("<ul>\n" + "\n".join(item for _k, _l, item in items) + "\n</ul>")]
            else:
                lines += [line for _k, line, _item in items]
            lines.append("")
        anchor = key or "khac"
        out += [f"## {text(name)} ({_number(len(members), lang)}) {{#{anchor}}}", ""] + lines
    out.append("</div>")
    return "\n".join(out)


# `<!-- md:search -->`: a search box inside the page (the home page). A plain GET form to the
# same address with ?q=, which the site's search script already opens with its results: it
# works before any script has loaded, and the results are the header search's own.
SEARCH_BOX = {
    "vi": ("Tìm thủ tục, câu hỏi, bài viết", "Ví dụ: đăng ký khai sinh", "Tìm"),
    "en": ("Search procedures, questions and articles", "For example: birth registration", "Search"),
}


# The in-page search form is the site's own markup: forms never pass the sanitiser (whatever an
# editor writes), so the marker leaves this slot and hooks/markers.py puts the form in after it.
SEARCH_SLOT = '<div class="cchc-page-search-slot"></div>'


def _search(ctx: Context, arg: str) -> str:
    return SEARCH_SLOT


def search_form(lang: str) -> str:
    """The home page's search box: a GET form to the same page, whose `?q=` the site's search
    script opens (it works before any script has loaded)."""
    label, example, button = SEARCH_BOX[lang if lang in SEARCH_BOX else "vi"]
    return (f'<form class="cchc-page-search" role="search" method="get">'
            f'<label for="cchc-page-search-q">{html.escape(label)}</label>'
            f'<span class="cchc-page-search__row">'
            f'<input id="cchc-page-search-q" type="search" name="q" required autocomplete="off"'
            f' enterkeyhint="search" placeholder="{html.escape(example)}">'
            f'<button type="submit">{html.escape(button)}</button></span></form>')


HANDLERS = {
    "plan": _plan, "plans": _plans, "themes": _themes, "glossary": _glossary, "theme-pages": _theme_pages,
    "kind-pages": _kind_pages, "documents": _documents, "fill": _fill,
    "procedures": _procedures, "search": _search,
}


def expand(body: str, ctx: Context) -> str:
    """Replace every marker in `body`. Raises MarkerError with the body line on a bad one."""
    given = ctx.blocks
    blocks = given if given is not None and not _NOT_FOR_BLOCKS.search(MARKER.sub("", body)) else None

    def replace(match):
        name, arg = match.group(1), match.group(2).strip()
        line = body.count("\n", 0, match.start()) + 1
        handler = HANDLERS.get(name)
        if handler is None:
            raise MarkerError(line, f"dấu đánh dấu 'md:{name}' không tồn tại; các dấu hợp lệ: {', '.join('md:' + h for h in HANDLERS)}")
        ctx.blocks = blocks if _alone(body, match.start(), match.end()) else None
        if ctx.blocks is not None:
            ctx.blocks.line = line
        try:
            return handler(ctx, arg)
        except ValueError as exc:
            raise MarkerError(line, f"md:{name}: {exc}") from None

    try:
        return MARKER.sub(replace, body)
    finally:
        ctx.blocks = given


# Where a marker's output may be read by Markdown otherwise than as a block of its own, its
# long lists stay Markdown (Blocks): a body with fenced code, a raw HTML block (a line opening
# with a tag, markers left out) or its own abbreviations (`*[X]: ...`, which would mark the
# lists' words too), and a marker not alone on its line between blank lines.
_NOT_FOR_BLOCKS = re.compile(r"^ {0,3}(?:```|~~~|<)|\*\[", re.MULTILINE)


def _alone(body: str, start: int, end: int) -> bool:
    before, after = body[max(0, start - 2):start], body[end:end + 2]
    return (start == 0 or before == "\n\n" or (start == 1 and before == "\n")) and after in ("", "\n", "\n\n")
