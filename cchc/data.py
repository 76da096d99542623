"""Load the data files (plans, units, documents, taxonomy, glossary) into one object.

Loading never raises: every problem comes back as a Problem with file and line, so the
checker can list them all. The hooks use the same loader and fail the build on problems.
"""
import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema

try:  # optional speed-up (requirements.txt pins it); without it every page goes to jsonschema
    import fastjsonschema
except ImportError:  # pragma: no cover
    fastjsonschema = None

from cchc import paths, yamlio
from cchc.problems import Problem
from cchc.schema import explain_all

# data file (relative to the tree root) -> schema name; plans are globbed.
SINGLE_FILES = {
    "data/units.yml": "units",
    "data/documents.yml": "documents",
    "data/taxonomy.yml": "taxonomy",
    "data/glossary.yml": "glossary",
    "data/markup.yml": "markup",
}
PLANS_GLOB = "data/plans/*.yml"


@dataclass
class SiteData:
    root: Path
    plans: list = field(default_factory=list)  # plan dicts, sorted by id
    units: dict = field(default_factory=dict)  # id -> unit
    documents: dict = field(default_factory=dict)  # id -> document
    themes: dict = field(default_factory=dict)
    kinds: dict = field(default_factory=dict)
    audiences: dict = field(default_factory=dict)
    news_categories: dict = field(default_factory=dict)  # id -> {label, label_en, ...}
    glossary: list = field(default_factory=list)
    items: dict = field(default_factory=dict)  # item id -> (plan, item, 'content'|'form')
    lines: dict = field(default_factory=dict)  # (relpath, json path) -> line
    plan_files: dict = field(default_factory=dict)  # plan id -> relpath
    markup: dict = field(default_factory=dict)  # data/markup.yml: what raw HTML and files editors may add
    plans_incomplete: bool = False  # a plan file failed to load: ids it defines are unknown, not wrong
    broken_plans: set = field(default_factory=set)  # ids of plans whose file failed its checks
    broken_ids: set = field(default_factory=set)  # ids of data entries left out for a schema error
    unreadable: set = field(default_factory=set)  # data files that could not be used at all
    item_paths: dict = field(default_factory=dict)  # item id -> its path in the plan file
    parents: dict = field(default_factory=dict)  # sub-item id -> its item's id


def load_schema(name: str) -> dict:
    return json.loads((paths.SCHEMAS / f"{name}.schema.json").read_text("utf-8"))


def validator(name: str):
    """The schema's jsonschema validator: full error details. Built once per schema version
    (the checker asks once per page: rebuilding it took 0.36 s at 2,700 pages)."""
    path = paths.SCHEMAS / f"{name}.schema.json"
    return _validator(name, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=32)
def _validator(name: str, _mtime_ns: int):
    return jsonschema.Draft202012Validator(load_schema(name), format_checker=jsonschema.FormatChecker())


def is_valid_fast(name: str, value) -> bool | None:
    """True when `value` surely passes the schema, False when it fails, None when unknown.
    fastjsonschema compiles the schema to Python, about 15x faster than jsonschema; the
    checker asks it first and asks jsonschema (for the messages) only about what fails.
    Formats are judged by jsonschema's own checker, so both agree on dates like 2022-02-30."""
    if fastjsonschema is None:
        return None
    path = paths.SCHEMAS / f"{name}.schema.json"
    try:
        _compiled(name, path.stat().st_mtime_ns)(value)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


@functools.lru_cache(maxsize=32)
def _compiled(name: str, _mtime_ns: int):
    checker = jsonschema.FormatChecker()
    formats = {f: functools.partial(checker.conforms, format=f) for f in checker.checkers}
    return fastjsonschema.compile(load_schema(name), formats=formats)


def _read(root: Path, rel: str, schema: str, problems: list, salvage: set | None = None):
    """(value, lines). With `salvage` (a set), entries of the file's lists that fail the schema are
    dropped and their ids added to it; else any schema error makes the value None."""
    path = root / rel
    try:
        raw = path.read_bytes()
    except OSError:
        problems.append(Problem(rel, 1, f"Không đọc được tệp dữ liệu {rel}. Tệp này bắt buộc phải có"))
        return None, {}
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(Problem(rel, line, "Tệp không phải mã UTF-8. Hãy lưu lại với bảng mã UTF-8"))
        return None, {}
    parsed = yamlio.parse(text)
    if parsed.error:
        problems.append(Problem(rel, parsed.error_line, parsed.error))
        return None, {}
    errors = list(validator(schema).iter_errors(parsed.value))
    for err in errors:
        for path, message in explain_all(err, f"schemas/{schema}.schema.json"):
            problems.append(Problem(rel, yamlio.line_of(parsed.lines, path), message))
    if not errors:
        return parsed.value, parsed.lines
    if salvage is None:
        return None, parsed.lines
    # One bad entry of a list (a unit, a document, a theme...) is reported at its line and left
    # out; the rest of the file still counts, so the page checks keep running on everything else.
    bad = {}
    for err in errors:
        path = tuple(err.absolute_path)
        if len(path) < 2 or not isinstance(path[1], int) or not isinstance(parsed.value, dict):
            return None, parsed.lines  # the file's shape itself is wrong: nothing can be trusted
        bad.setdefault(path[0], set()).add(path[1])
    value = dict(parsed.value)
    for key, indexes in bad.items():
        entries = value[key]
        for i in indexes:
            if isinstance(entries[i], dict) and isinstance(entries[i].get("id"), str):
                salvage.add(entries[i]["id"])
        value[key] = [e for i, e in enumerate(entries) if i not in indexes]
    return value, parsed.lines


# Where each kind of id is declared, for messages that say where to add a new one.
ID_FILES = {"Đơn vị": "data/units.yml (units)", "Văn bản": "data/documents.yml (documents)",
            "Chủ đề": "data/taxonomy.yml (themes)", "Loại trang": "data/taxonomy.yml (kinds)",
            "Kế hoạch": "data/plans/"}


def closest(value: str, known, n: int = 5) -> list:
    """Up to n known ids most like `value`, closest first (then the first ones, so the list is
    never empty while there are ids at all)."""
    from difflib import get_close_matches

    known = [str(k) for k in known]
    out = get_close_matches(str(value), known, n=n, cutoff=0.4)
    return out + [k for k in known if k not in out][: max(0, min(n, 3) - len(out))]


def _unknown(kind: str, value: str, known) -> str:
    """'Đơn vị 'x' không có trong data/units.yml (units). Có phải ý bạn là ...? Các mã gần nhất: ...
    Nếu đây là mã mới, thêm nó vào data/units.yml trước'."""
    from difflib import get_close_matches

    where = ID_FILES.get(kind, "data/")
    hint = get_close_matches(str(value), [str(k) for k in known], n=1)
    tip = f" Có phải ý bạn là '{hint[0]}'?" if hint else ""
    near = closest(value, known)
    listed = f" Các mã gần nhất: {', '.join(near)}." if near else ""
    return f"{kind} '{value}' không có trong {where}.{tip}{listed} Nếu đây là mã mới, thêm nó vào {where.split(' ')[0]} trước"


def plan_period(plan: dict) -> tuple:
    """(first day, last day) a plan covers, as dates: its `period`, or 1/1-31/12 of its `year`;
    (None, None) when it gives neither (the loader reports that)."""
    from datetime import date

    if isinstance(plan.get("period"), dict):
        return date.fromisoformat(plan["period"]["from"]), date.fromisoformat(plan["period"]["to"])
    if isinstance(plan.get("year"), int):
        return date(plan["year"], 1, 1), date(plan["year"], 12, 31)
    return None, None


def plan_items(plan: dict):
    """Every item of a plan, in the plan's order: (item id, item, 'content'|'form', path in the
    file, parent item or None). A sub-item inherits the themes and kinds it does not give."""
    for group, kind in (("content_items", "content"), ("form_items", "form")):
        for i, item in enumerate(plan.get(group) or []):
            yield item["id"], item, kind, (group, i), None
            for j, sub in enumerate(item.get("sub_items") or []):
                merged = {**{k: item[k] for k in ("themes", "kinds") if k in item}, **sub}
                yield sub["id"], merged, kind, (group, i, "sub_items", j), item


def load(root: Path = paths.ROOT) -> tuple[SiteData, list]:
    """Read and cross-check every data file under `root`. Returns (data, problems)."""
    root = Path(root)
    problems: list = []
    data = SiteData(root=root)
    loaded = {}
    for rel, schema in SINGLE_FILES.items():
        value, lines = _read(root, rel, schema, problems, salvage=data.broken_ids)
        loaded[schema] = value
        if value is None:
            data.unreadable.add(rel)
        for p, line in lines.items():
            data.lines[(rel, p)] = line
    if loaded["units"]:
        data.units = {u["id"]: u for u in loaded["units"]["units"]}
    if loaded["documents"]:
        data.documents = {d["id"]: d for d in loaded["documents"]["documents"]}
    if loaded["taxonomy"]:
        tax = loaded["taxonomy"]
        data.themes = {t["id"]: t for t in tax["themes"]}
        data.kinds = {k["id"]: k for k in tax["kinds"]}
        data.audiences = {a["id"]: a for a in tax["audiences"]}
        data.news_categories = {c["id"]: c for c in tax.get("news_categories") or []}
    if loaded["glossary"]:
        data.glossary = loaded["glossary"]["terms"]
    if loaded["markup"]:
        data.markup = loaded["markup"]
    for rel, key, items in (("data/units.yml", "units", (loaded["units"] or {}).get("units", [])),
                            ("data/documents.yml", "documents", (loaded["documents"] or {}).get("documents", [])),
                            ("data/taxonomy.yml", "themes", (loaded["taxonomy"] or {}).get("themes", [])),
                            ("data/taxonomy.yml", "kinds", (loaded["taxonomy"] or {}).get("kinds", [])),
                            ("data/taxonomy.yml", "audiences", (loaded["taxonomy"] or {}).get("audiences", [])),
                            ("data/taxonomy.yml", "news_categories", (loaded["taxonomy"] or {}).get("news_categories") or [])):
        seen = set()
        for i, entry in enumerate(items):
            if entry["id"] in seen:
                line = data.lines.get((rel, (key, i, "id")), 1)
                problems.append(Problem(rel, line, f"Mã '{entry['id']}' bị trùng trong '{key}'. Mỗi mã chỉ khai báo một lần"))
            seen.add(entry["id"])

    plan_files = sorted((root / "data" / "plans").glob("*.yml"))
    if not plan_files:
        problems.append(Problem("data/plans", 1, "Không có kế hoạch nào (data/plans/*.yml). Cần ít nhất một tệp kế hoạch"))
    for path in plan_files:
        rel = path.relative_to(root).as_posix()
        plan, lines = _read(root, rel, "plan", problems)
        for p, line in lines.items():
            data.lines[(rel, p)] = line
        if plan:
            _check_plan(plan, rel, lines, data, problems)
        else:
            data.plans_incomplete = True
            raw_id = _raw_plan_id(root / rel)
            if raw_id:
                data.broken_plans.add(raw_id)
    known = {p["id"] for p in data.plans} | data.broken_plans
    for plan in data.plans:
        if plan.get("replaces") and plan["replaces"] not in known:
            rel = data.plan_files[plan["id"]]
            problems.append(Problem(rel, data.lines.get((rel, ("replaces",)), 1),
                                    f"replaces: không có kế hoạch mã '{plan['replaces']}' trong data/plans/. Các kế hoạch có:"
                                    f" {', '.join(sorted(known))}. Kế hoạch cũ chưa nhập thì bỏ dòng này và ghi vào 'note'"))
    data.plans.sort(key=lambda p: (plan_period(p)[0], p["id"]))
    return data, problems


def _raw_plan_id(path: Path) -> str | None:
    """The `id:` a plan file gives, even when the file fails its schema (so pages citing its
    items are told to fix the plan, not their ids)."""
    try:
        parsed = yamlio.parse(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    value = parsed.value if not parsed.error else None
    pid = value.get("id") if isinstance(value, dict) else None
    return pid if isinstance(pid, str) else None


def _check_plan(plan: dict, rel: str, lines: dict, data: SiteData, problems: list) -> None:
    def at(*path):
        return yamlio.line_of(lines, path)

    def fail(line, message):
        problems.append(Problem(rel, line, message))
        data.broken_plans.add(pid)
        data.plans_incomplete = True

    pid = plan["id"]
    if pid in data.plan_files:
        problems.append(Problem(rel, at("id"), f"Mã kế hoạch '{pid}' đã dùng trong {data.plan_files[pid]}. Mỗi kế hoạch một mã riêng"))
        data.plans_incomplete = True
        return
    if ("year" in plan) == ("period" in plan):
        fail(at("id"), "Kế hoạch phải ghi đúng một trong hai trường: 'year' (kế hoạch một năm, ví dụ year: 2025)"
             " hoặc 'period' (nhiều năm: period: {from: 2025-01-01, to: 2026-12-31})")
        return
    if "period" in plan and plan["period"]["from"] > plan["period"]["to"]:
        fail(at("period", "from"), f"period: ngày bắt đầu {plan['period']['from']} sau ngày kết thúc {plan['period']['to']}")
        return
    if not plan.get("source_file") and not plan.get("source_url"):
        fail(at("id"), "Kế hoạch phải ghi nơi đọc được văn bản: 'source_url' (địa chỉ https://... của văn bản"
             " hoặc bản tin đăng kế hoạch) hoặc 'source_file' (tên tệp lưu văn bản)")
        return
    if any(p["slug"] == plan["slug"] for p in data.plans):
        problems.append(Problem(rel, at("slug"), f"slug '{plan['slug']}' đã dùng cho kế hoạch khác"))
    data.plan_files[pid] = rel
    refs = [(("issuer",), plan["issuer"], data.units, "Đơn vị")]
    refs += [(("implements", i), d, data.documents, "Văn bản") for i, d in enumerate(plan.get("implements") or [])]
    if plan.get("replaces") == pid:
        problems.append(Problem(rel, at("replaces"), f"replaces: kế hoạch '{pid}' không thể thay thế chính nó"))
    for item_id, item, kind, path, parent in plan_items(plan):
        if not item_id.startswith(pid + "-"):
            problems.append(Problem(rel, at(*path, "id"), f"Mã mục '{item_id}' phải bắt đầu bằng mã kế hoạch '{pid}-'"))
        elif parent is not None and not item_id.startswith(parent["id"] + "-"):
            problems.append(Problem(rel, at(*path, "id"), f"Mã mục con '{item_id}' phải bắt đầu bằng mã của mục"
                                    f" '{parent['id']}-', ví dụ {parent['id']}-{item_id[-2:]}"))
        if item_id in data.items:
            problems.append(Problem(rel, at(*path, "id"), f"Mã mục '{item_id}' bị trùng"))
        data.items[item_id] = (plan, item, kind)
        data.item_paths[item_id] = path
        if parent is not None:
            data.parents[item_id] = parent["id"]
        raw = plan[path[0]][path[1]] if parent is None else parent["sub_items"][path[3]]
        for key, known, label in (("themes", data.themes, "Chủ đề"), ("kinds", data.kinds, "Loại trang"),
                                  ("documents", data.documents, "Văn bản")):
            refs += [((*path, key, j), v, known, label) for j, v in enumerate(raw.get(key) or [])]
    for i, item in enumerate(plan.get("solutions") or []):
        if not item["id"].startswith(pid + "-"):
            problems.append(Problem(rel, at("solutions", i, "id"), f"Mã mục '{item['id']}' phải bắt đầu bằng mã kế hoạch '{pid}-'"))
    for i, duty in enumerate(plan.get("duties") or []):
        refs += [(("duties", i, "units", j), u, data.units, "Đơn vị") for j, u in enumerate(duty["units"])]
        for k, task in enumerate(duty["tasks"]):
            for key in ("report_to", "via"):
                if key in task:
                    refs.append((("duties", i, "tasks", k, key), task[key], data.units, "Đơn vị"))
            refs += [(("duties", i, "tasks", k, "with", j), u, data.units, "Đơn vị") for j, u in enumerate(task.get("with", []))]
            refs += [(("duties", i, "tasks", k, "documents", j), d, data.documents, "Văn bản") for j, d in enumerate(task.get("documents", []))]
    for key in ("to", "via"):
        if (plan.get("reporting") or {}).get(key):
            refs.append((("reporting", key), plan["reporting"][key], data.units, "Đơn vị"))
    for path, value, known, label in refs:
        # Checked only against a data file that loaded (a broken one is reported on its own),
        # and never against an entry that was left out for its own schema error.
        if known and value not in known and value not in data.broken_ids:
            problems.append(Problem(rel, at(*path), _unknown(label, value, known)))
    data.plans.append(plan)
