"""Make a new page from a template: front matter that passes every check, an ASCII file
name from the Vietnamese title, in the folder its kind belongs to (data/taxonomy.yml); news
files start with their month (docs/vi/tin-tuc/2026-11-...). Or the English twin of a
Vietnamese page: same path under docs/en/, same ids and dates, English title and description,
the Vietnamese body left for the translator (the checker fails until it is translated)."""
import json
from pathlib import Path

import yaml

from cchc import frontmatter, paths, procedure, site
from cchc.check_pages import check_page
from cchc.slug import slugify

FIELD_ORDER = ("title", "description", "kind", "category", "theme", "audience", "unit", "plan_items",
               "sources", "date", "published", "updated", "review_by")


def file_stem(title: str, limit: int = 60) -> str:
    """'Đăng ký khai sinh cho con' -> 'dang-ky-khai-sinh-cho-con', cut at a word boundary."""
    stem = slugify(title)
    if len(stem) > limit:
        stem = stem[:limit].rsplit("-", 1)[0]
    return stem or "trang-moi"


def dump_front_matter(meta: dict) -> str:
    """YAML front matter in a fixed field order, then any other field (e.g. a card's
    `procedure:` block) as YAML; strings as JSON (valid YAML, any character)."""
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
    rest = {k: v for k, v in meta.items() if k not in FIELD_ORDER}
    if rest:
        lines.append(yaml.safe_dump(rest, allow_unicode=True, sort_keys=False, width=1000).rstrip("\n"))
    lines.append("---")
    return "\n".join(lines) + "\n"


def schema_fields() -> set:
    """The front matter fields schemas/page.schema.json allows (fields added there later, such
    as `published`, are filled in as soon as they exist)."""
    return set(json.loads((paths.SCHEMAS / "page.schema.json").read_text("utf-8"))["properties"])


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
    if "published" in schema_fields():
        meta["published"] = today
    folder = folder_for(data, kind, theme)
    stem = file_stem(title)
    if kind == "news":  # like the existing news: docs/vi/tin-tuc/2026-11-<title>.md
        stem = f"{today[:7]}-{stem}"
    src = f"{folder}/{stem}.md"
    n = 2
    while (root / "docs" / paths.DEFAULT_LANGUAGE / src).exists():
        src = f"{folder}/{stem}-{n}.md"
        n += 1
    front = dump_front_matter(meta)
    if kind == procedure.KIND and template.is_file():  # the card's facts, every one null, comments kept
        front = front.removesuffix("---\n") + procedure.template_block(template.read_text("utf-8"), today) + "---\n"
    text = front + body
    return _checked(data, paths.DEFAULT_LANGUAGE, src, text)


def _checked(data, lang: str, src: str, text: str):
    parsed = frontmatter.read(text.encode("utf-8"))
    rec = site.PageRec(rel=f"docs/{lang}/{src}", lang=lang, src=src, url=site.url_for(lang, src), meta=parsed.meta,
                       body=parsed.body, body_line=parsed.body_line, lines=parsed.lines, problems=parsed.problems)
    return rec.rel, text, check_page(rec, data, {src})


class TwinError(ValueError):
    """The Vietnamese page cannot have an English twin made; the message says why, in Vietnamese."""


def make_twin(data, root: Path, source: str, *, lang: str, title: str, description: str, today: str):
    """Return (relative path, text, problems) of the `lang` twin of the Vietnamese page `source`
    (a path such as docs/vi/thu-tuc/dang-ky-khai-sinh.md). Nothing is written."""
    root = Path(root)
    prefix = f"docs/{paths.DEFAULT_LANGUAGE}/"
    rel = Path(source).resolve().relative_to(root.resolve()).as_posix() if Path(source).is_absolute() else Path(source).as_posix()
    if not rel.startswith(prefix) or not rel.endswith(".md"):
        raise TwinError(f"'{source}' không phải một trang tiếng Việt: cần đường dẫn dạng {prefix}.../ten-trang.md")
    if lang not in paths.LANGUAGES or lang == paths.DEFAULT_LANGUAGE:
        raise TwinError(f"--lang phải là một trong: {', '.join(paths.LANGUAGES[1:])}")
    path = root / rel
    if not path.is_file():
        raise TwinError(f"Không có tệp {rel}")
    src = rel[len(prefix):]
    if (root / "docs" / lang / src).exists():
        raise TwinError(f"Đã có docs/{lang}/{src}: sửa tệp đó thay vì tạo lại")
    page = frontmatter.read(path.read_bytes())
    if page.meta is None:
        raise TwinError(f"{rel} chưa có phần khai báo hợp lệ; chạy python3 scripts/check.py để xem lỗi")
    meta = dict(page.meta)
    meta.update(title=title, description=description)
    if "updated" in meta or "updated" in schema_fields():
        meta["updated"] = today
    meta = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in meta.items()}
    return _checked(data, lang, src, dump_front_matter(meta) + page.body)
