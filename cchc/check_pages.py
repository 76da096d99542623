"""Front matter of every page: schema, known ids, what each kind requires, file names."""
from cchc import paths, slug
from cchc.data import is_valid_fast, validator
from cchc import procedure
from cchc.problems import Problem
from cchc.schema import explain_all
from cchc.suggest import unknown
from cchc.yamlio import line_of

# What every editorial kind (data/taxonomy.yml `editorial: true`) must name; the web editor
# (cchc/admin.py) marks the same fields required.
EDITORIAL_FIELDS = ("theme", "audience", "unit", "plan_items", "updated")

# Page fields checked against a data file: (field, SiteData attribute, where the ids live).
ID_FIELDS = {"kind": ("kinds", "data/taxonomy.yml (kinds)"), "theme": ("themes", "data/taxonomy.yml (themes)"),
             "unit": ("units", "data/units.yml"), "audience": ("audiences", "data/taxonomy.yml (audiences)"),
             "sources": ("documents", "data/documents.yml"), "category": ("news_categories", "data/taxonomy.yml (news_categories)")}


def _judged(data, field: str, value) -> bool:
    """Whether `value` of `field` can be called unknown: its data file loaded (a broken file is
    reported on its own and does not switch the other checks off) and the value is not an
    entry of that file left out for its own error (reported there)."""
    where = ID_FIELDS[field][1].split(" ")[0]
    return where not in data.unreadable and value not in data.broken_ids


def check_page(page, data, vi_srcs: set) -> list:
    out = []

    def add(line, message):
        out.append(Problem(page.rel, line, message))

    for part in page.src[:-3].split("/"):
        if not slug.is_kebab(part):
            add(1, f"Tên tệp/thư mục '{part}' trong '{page.src}' phải viết thường, không dấu, nối bằng '-'"
                f" (ví dụ '{slug.slugify(part) or 'ten-trang'}'), để đường dẫn ổn định và đọc được")
    if page.lang != paths.DEFAULT_LANGUAGE and page.src not in vi_srcs:
        add(1, f"Trang tiếng Anh '{page.src}' không có bản tiếng Việt docs/vi/{page.src}. Bản tiếng Anh phải"
            " cùng đường dẫn với trang tiếng Việt mà nó dịch")
    for line, message in page.problems:
        add(line, message)
    meta = page.meta
    if meta is None:
        return out

    def at(*path):
        return line_of(page.lines, path)

    if is_valid_fast("page", meta) is not True:  # most pages are valid: jsonschema only for the rest
        for err in validator("page").iter_errors(meta):
            for path, message in explain_all(err, "schemas/page.schema.json"):
                add(line_of(page.lines, path), message)

    kind = meta.get("kind")
    if isinstance(kind, str) and kind not in data.kinds and _judged(data, "kind", kind):
        add(at("kind"), unknown("kind", kind, data.kinds, "data/taxonomy.yml (kinds)", add_hint=True))
    kind_info = data.kinds.get(kind) if isinstance(kind, str) else None
    if kind_info and kind_info["editorial"]:
        for field in EDITORIAL_FIELDS:
            if field not in meta:
                add(1, f"Trang loại '{kind}' phải có trường '{field}'. Thêm dòng '{field}: ...' vào phần khai báo"
                    " (xem mẫu trong templates/)")
    if kind == "news" and "date" not in meta:
        add(at("kind"), "Tin tức phải có trường 'date' (ngày đăng, dạng 2026-11-23)")
    cats = data.news_categories
    if kind == "news" and "category" not in meta:
        add(at("kind"), "Tin tức phải có trường 'category' (chuyên mục tin). Thêm dòng 'category: ...' với một mã"
            f" trong data/taxonomy.yml (news_categories): {', '.join(cats) or '(danh sách đang trống)'}")
    if isinstance(meta.get("category"), str) and meta["category"] not in cats and _judged(data, "category", meta["category"]):
        add(at("category"), unknown("category", meta["category"], cats, "data/taxonomy.yml (news_categories)"))
    if kind == "plan" and "plan" not in meta:
        add(at("kind"), "Trang kế hoạch phải có trường 'plan' (mã kế hoạch, ví dụ TN22)")
    out += procedure.check_page(page, data)  # kind 'procedure': the card's facts (cchc/procedure.py)

    checks = [("theme", data.themes, "data/taxonomy.yml (themes)"), ("unit", data.units, "data/units.yml")]
    for field, known, where in checks:
        value = meta.get(field)
        if isinstance(value, str) and value not in known and _judged(data, field, value):
            add(at(field), unknown(field, value, known, where, add_hint=True))
    plan_ids = {p["id"] for p in data.plans}

    def from_broken_plan(item_id: str) -> bool:
        # A plan file that failed to load is reported once, at its own line; the ids it
        # defines are then unknown here, not wrong, so they are not reported again. Only a
        # file whose id could not even be read makes every unknown plan unknown.
        prefix = item_id.split("-")[0]
        if prefix in data.broken_plans:
            return True
        unread = data.plans_incomplete and not data.broken_plans
        return unread and prefix not in plan_ids

    if isinstance(meta.get("plan"), str) and meta["plan"] not in plan_ids and not from_broken_plan(meta["plan"]):
        add(at("plan"), unknown("plan", meta["plan"], plan_ids, "data/plans/"))
    for field, known, where in (("audience", data.audiences, "data/taxonomy.yml (audiences)"),
                                ("sources", data.documents, "data/documents.yml"),
                                ("plan_items", data.items, "data/plans/")):
        if field != "plan_items" and where.split(" ")[0] in data.unreadable:
            continue
        values = meta.get(field)
        if not isinstance(values, list):
            continue
        for i, value in enumerate(values):
            if not isinstance(value, str):
                continue
            if value not in known:
                if field == "plan_items":
                    if not from_broken_plan(value):
                        add(at(field, i), _unknown_item(f"{field}[{i}]", value, data))
                elif value not in data.broken_ids:
                    add(at(field, i), unknown(f"{field}[{i}]", value, known, where))
            elif field == "plan_items":
                _plan, item, item_kind = data.items[value]
                if item_kind == "form" and not item["kinds"]:
                    add(at(field, i), f"plan_items[{i}]: '{value}' là hình thức tuyên truyền mà trang web không"
                        f" thực hiện ({item['summary']}): không trang nào thực hiện được mục này. Bỏ mã này")
                elif item_kind == "form" and isinstance(kind, str) and kind not in item["kinds"]:
                    add(at(field, i), f"plan_items[{i}]: '{value}' là một hình thức tuyên truyền; chỉ trang loại"
                        f" {', '.join(item['kinds'])} mới thực hiện được mục này, còn trang này là loại '{kind}'."
                        " Đổi 'kind' hoặc bỏ mã này")
    return out


def _unknown_item(field: str, value: str, data) -> str:
    """An unknown plan item: suggestions only among the items of the plan its id names (never
    another issuer's item); an unknown plan is named as such."""
    prefix = value.split("-")[0]
    own = [i for i, (plan, _item, _kind) in data.items.items() if plan["id"] == prefix]
    if not own:
        plans = ", ".join(p["id"] for p in data.plans) or "(chưa có)"
        return (f"{field}: '{value}': không có kế hoạch mã '{prefix}' trong data/plans/. Mã mục bắt đầu bằng mã"
                f" kế hoạch, các kế hoạch có: {plans}")
    return unknown(field, value, own, f"kế hoạch {prefix} ({data.plan_files[prefix]})")


def check_pages(data, pages) -> list:
    vi_srcs = {p.src for p in pages if p.lang == paths.DEFAULT_LANGUAGE}
    out = []
    for page in pages:
        out += check_page(page, data, vi_srcs)
    return out
