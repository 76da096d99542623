"""Make a new page from a template: front matter that passes every check, an ASCII file
name from the Vietnamese title, in the folder its kind belongs to (data/taxonomy.yml)."""
import json
from pathlib import Path

from cchc import frontmatter, paths, procedure, site
from cchc.check_pages import check_page
from cchc.slug import slugify

FIELD_ORDER = ("title", "description", "kind", "category", "theme", "audience", "unit", "plan_items",
               "sources", "date", "updated", "review_by")


def file_stem(title: str, limit: int = 60) -> str:
    """'Đăng ký khai sinh cho con' -> 'dang-ky-khai-sinh-cho-con', cut at a word boundary."""
    stem = slugify(title)
    if len(stem) > limit:
        stem = stem[:limit].rsplit("-", 1)[0]
    return stem or "trang-moi"


def dump_front_matter(meta: dict) -> str:
    """YAML front matter in a fixed field order; strings as JSON (valid YAML, any character)."""
    lines = ["---"]
    for key in FIELD_ORDER:
        if key not in meta:
            continue
        value = meta[key]
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(value)}]")
        elif key in ("title", "description"):
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        else:
            lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def folder_for(data, kind: str, theme: str) -> str:
    folder = data.kinds[kind].get("folder") or "{theme}"
    return folder.replace("{theme}", data.themes[theme]["path"] if theme in data.themes else theme)


def make_page(data, root: Path, *, kind, theme, title, description, audience, unit, plan_items,
              sources=(), category=None, today: str, template_dir: Path = paths.ROOT / "templates"):
    """Return (relative path, text, problems). Nothing is written; problems are Vietnamese lines."""
    template = template_dir / f"{kind}.md"
    body = ""
    if template.is_file():
        body = frontmatter.read(template.read_bytes()).body
    meta = {"title": title, "description": description, "kind": kind, "theme": theme,
            "audience": list(audience), "unit": unit, "plan_items": list(plan_items),
            "sources": list(sources), "updated": today}
    if kind == "news":
        meta["date"] = today
        meta["category"] = category
    folder = folder_for(data, kind, theme)
    stem = file_stem(title)
    src = f"{folder}/{stem}.md"
    n = 2
    while (root / "docs" / paths.DEFAULT_LANGUAGE / src).exists():
        src = f"{folder}/{stem}-{n}.md"
        n += 1
    front = dump_front_matter(meta)
    if kind == procedure.KIND and template.is_file():  # the card's facts, every one null, comments kept
        front = front.removesuffix("---\n") + procedure.template_block(template.read_text("utf-8"), today) + "---\n"
    text = front + body
    parsed = frontmatter.read(text.encode("utf-8"))
    rec = site.PageRec(rel=f"docs/{paths.DEFAULT_LANGUAGE}/{src}", lang=paths.DEFAULT_LANGUAGE, src=src,
                       url=site.url_for(paths.DEFAULT_LANGUAGE, src), meta=parsed.meta, body=parsed.body,
                       body_line=parsed.body_line, lines=parsed.lines, problems=parsed.problems)
    problems = check_page(rec, data, {src})
    return rec.rel, text, problems
