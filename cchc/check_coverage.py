"""Every plan item has a page (a warning: pages come over months); every theme has its hub."""
from cchc import paths
from cchc.coverage import covering_pages, is_duty
from cchc.problems import Problem, warning


def check_coverage(data, pages) -> list:
    out = []
    coverage = covering_pages(data, pages)
    for item_id, covering in coverage.items():
        plan, item, kind = data.items[item_id]
        if covering or not is_duty(item, kind):
            continue
        rel = data.plan_files[plan["id"]]
        line = data.lines.get((rel, (*data.item_paths[item_id], "id")), 1)
        if kind == "form":
            need = f"một trang loại {', '.join(item['kinds'])}"
        else:
            need = "một trang"
        out.append(warning(rel, line, f"Mục {item_id} ({item['summary']}) chưa có trang nào thực hiện."
                           f" Thêm '{item_id}' vào plan_items của {need} trong docs/vi/"))
    hubs = {p.src for p in pages if p.lang == paths.DEFAULT_LANGUAGE and p.meta and p.meta.get("kind") == "hub"}
    for i, theme in enumerate(data.themes.values()):
        if f"{theme['path']}/index.md" not in hubs:
            line = data.lines.get(("data/taxonomy.yml", ("themes", i, "id")), 1)
            out.append(Problem("data/taxonomy.yml", line, f"Chủ đề '{theme['id']}' chưa có trang chủ đề"
                               f" docs/vi/{theme['path']}/index.md (kind: hub)"))
    return out
