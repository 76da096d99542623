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


def _read(root: Path, rel: str, schema: str, problems: list):
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
    if errors:
        return None, parsed.lines
    return parsed.value, parsed.lines


def _unknown(kind: str, value: str, known) -> str:
    from difflib import get_close_matches

    hint = get_close_matches(value, list(known), n=1)
    tip = f" Có phải ý bạn là '{hint[0]}'?" if hint else ""
    return f"{kind} '{value}' không có trong dữ liệu.{tip}"


def load(root: Path = paths.ROOT) -> tuple[SiteData, list]:
    """Read and cross-check every data file under `root`. Returns (data, problems)."""
    root = Path(root)
    problems: list = []
    data = SiteData(root=root)
    loaded = {}
    for rel, schema in SINGLE_FILES.items():
        value, lines = _read(root, rel, schema, problems)
        loaded[schema] = value
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
    data.plans.sort(key=lambda p: (p["year"], p["id"]))
    return data, problems


def _check_plan(plan: dict, rel: str, lines: dict, data: SiteData, problems: list) -> None:
    def at(*path):
        return yamlio.line_of(lines, path)

    pid = plan["id"]
    if pid in data.plan_files:
        problems.append(Problem(rel, at("id"), f"Mã kế hoạch '{pid}' đã dùng trong {data.plan_files[pid]}. Mỗi kế hoạch một mã riêng"))
        data.plans_incomplete = True
        return
    if any(p["slug"] == plan["slug"] for p in data.plans):
        problems.append(Problem(rel, at("slug"), f"slug '{plan['slug']}' đã dùng cho kế hoạch khác"))
    data.plan_files[pid] = rel
    refs = [(("issuer",), plan["issuer"], data.units, "Đơn vị")]
    refs += [(("implements", i), d, data.documents, "Văn bản") for i, d in enumerate(plan["implements"])]
    for group, kind in (("content_items", "content"), ("form_items", "form"), ("solutions", "solution")):
        for i, item in enumerate(plan.get(group, [])):
            if not item["id"].startswith(pid + "-"):
                problems.append(Problem(rel, at(group, i, "id"), f"Mã mục '{item['id']}' phải bắt đầu bằng mã kế hoạch '{pid}-'"))
            if item["id"] in data.items:
                problems.append(Problem(rel, at(group, i, "id"), f"Mã mục '{item['id']}' bị trùng"))
            if kind != "solution":
                data.items[item["id"]] = (plan, item, kind)
            refs += [((group, i, "themes", j), t, data.themes, "Chủ đề") for j, t in enumerate(item.get("themes", []))]
            refs += [((group, i, "kinds", j), k, data.kinds, "Loại trang") for j, k in enumerate(item.get("kinds", []))]
            refs += [((group, i, "documents", j), d, data.documents, "Văn bản") for j, d in enumerate(item.get("documents", []))]
    for i, duty in enumerate(plan["duties"]):
        refs += [(("duties", i, "units", j), u, data.units, "Đơn vị") for j, u in enumerate(duty["units"])]
        for k, task in enumerate(duty["tasks"]):
            if "report_to" in task:
                refs.append((("duties", i, "tasks", k, "report_to"), task["report_to"], data.units, "Đơn vị"))
            refs += [(("duties", i, "tasks", k, "with", j), u, data.units, "Đơn vị") for j, u in enumerate(task.get("with", []))]
            refs += [(("duties", i, "tasks", k, "documents", j), d, data.documents, "Văn bản") for j, d in enumerate(task.get("documents", []))]
    for key in ("to", "via"):
        if key in plan["reporting"]:
            refs.append((("reporting", key), plan["reporting"][key], data.units, "Đơn vị"))
    for path, value, known, label in refs:
        if known and value not in known:
            problems.append(Problem(rel, at(*path), _unknown(label, value, known)))
    data.plans.append(plan)
