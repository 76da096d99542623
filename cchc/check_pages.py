"""Front matter of every page: schema, known ids, what each kind requires, file names."""
from cchc import paths, slug
from cchc.data import is_valid_fast, validator
from cchc import procedure
from cchc.problems import Problem
from cchc.schema import explain_all
from cchc.suggest import unknown
from cchc.yamlio import line_of


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
    if isinstance(kind, str) and kind not in data.kinds:
        add(at("kind"), unknown("kind", kind, data.kinds, "data/taxonomy.yml (kinds)"))
    kind_info = data.kinds.get(kind) if isinstance(kind, str) else None
    if kind_info and kind_info["editorial"]:
        for field in ("theme", "audience", "unit", "plan_items", "updated"):
            if field not in meta:
                add(1, f"Trang loại '{kind}' phải có trường '{field}'. Thêm dòng '{field}: ...' vào phần khai báo"
                    " (xem mẫu trong templates/)")
    if kind == "news" and "date" not in meta:
        add(at("kind"), "Tin tức phải có trường 'date' (ngày đăng, dạng 2026-11-23)")
    cats = data.news_categories
    if kind == "news" and "category" not in meta:
        add(at("kind"), "Tin tức phải có trường 'category' (chuyên mục tin). Thêm dòng 'category: ...' với một mã"
            f" trong data/taxonomy.yml (news_categories): {', '.join(cats) or '(danh sách đang trống)'}")
    if isinstance(meta.get("category"), str) and meta["category"] not in cats:
        add(at("category"), unknown("category", meta["category"], cats, "data/taxonomy.yml (news_categories)"))
    if kind == "plan" and "plan" not in meta:
        add(at("kind"), "Trang kế hoạch phải có trường 'plan' (mã kế hoạch, ví dụ TN22)")
    out += procedure.check_page(page, data)  # kind 'procedure': the card's facts (cchc/procedure.py)

    checks = [("theme", data.themes, "data/taxonomy.yml (themes)"), ("unit", data.units, "data/units.yml")]
    for field, known, where in checks:
        value = meta.get(field)
        if isinstance(value, str) and value not in known:
            add(at(field), unknown(field, value, known, where))
    plan_ids = {p["id"] for p in data.plans}

    def from_broken_plan(item_id: str) -> bool:
        # A plan file that failed to load is reported once, at its own line; the ids it
        # defines are then unknown here, not wrong, so they are not reported again.
        return data.plans_incomplete and item_id.split("-")[0] not in plan_ids

    if isinstance(meta.get("plan"), str) and meta["plan"] not in plan_ids and not from_broken_plan(meta["plan"]):
        add(at("plan"), unknown("plan", meta["plan"], plan_ids, "data/plans/"))
    for field, known, where in (("audience", data.audiences, "data/taxonomy.yml (audiences)"),
                                ("sources", data.documents, "data/documents.yml"),
                                ("plan_items", data.items, "data/plans/")):
        values = meta.get(field)
        if not isinstance(values, list):
            continue
        for i, value in enumerate(values):
            if not isinstance(value, str):
                continue
            if value not in known:
                if field == "plan_items" and from_broken_plan(value):
                    continue
                add(at(field, i), unknown(f"{field}[{i}]", value, known, where))
            elif field == "plan_items":
                _plan, item, item_kind = data.items[value]
                if item_kind == "form" and isinstance(kind, str) and kind not in item["kinds"]:
                    add(at(field, i), f"plan_items[{i}]: '{value}' là một hình thức tuyên truyền; chỉ trang loại"
                        f" {', '.join(item['kinds'])} mới thực hiện được mục này, còn trang này là loại '{kind}'."
                        " Đổi 'kind' hoặc bỏ mã này")
    return out


def check_pages(data, pages) -> list:
    vi_srcs = {p.src for p in pages if p.lang == paths.DEFAULT_LANGUAGE}
    out = []
    for page in pages:
        out += check_page(page, data, vi_srcs)
    return out
