#!/usr/bin/env python3
"""Give every page that lacks it a `published` date (first publication, set once), taken from
what the page itself says: a news item's `date`, else its `updated`. Never guesses: a page
with neither is listed, not changed. Existing `published` values are never touched.

Usage: python3 scripts/fill_published.py [--root DIR] [--dry-run]
Run once after merging pages written before `published` existed; the scaffolder
(scripts/new_page.py) fills it for new pages.
"""
import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc import runtime  # noqa: E402  (standard library only)

runtime.ensure_packages()  # run again with .venv/, or say how to install

from cchc import paths, site  # noqa: E402

FIELD = re.compile(r"^(date|updated):[ \t]*['\"]?(\d{4}-\d{2}-\d{2})['\"]?[ \t]*$", re.M)


def with_published(text: str, meta: dict) -> str | None:
    """The page's text with a `published:` line added before the line it was taken from, or
    None when the page already has one or says no date."""
    if "published" in meta:
        return None
    key = "date" if meta.get("kind") == "news" and "date" in meta else "updated"
    day = site.page_day({"kind": "news", "date": meta.get(key)})  # a real YYYY-MM-DD, or None
    if day is None:
        return None
    head_end = text.find("\n---", 3)
    for match in FIELD.finditer(text, 0, head_end):
        if match.group(1) == key and match.group(2) == day:
            return text[: match.start()] + f"published: {day}\n" + text[match.start():]
    return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Điền trường published (ngày đăng lần đầu) cho các trang chưa có.")
    parser.add_argument("--root", type=Path, default=paths.ROOT)
    parser.add_argument("--dry-run", action="store_true", help="chỉ liệt kê, không sửa tệp")
    args = parser.parse_args(argv)
    changed, undated = 0, []
    for page in site.discover(args.root):
        if not page.meta or "published" in page.meta:
            continue
        path = args.root / page.rel
        new = with_published(path.read_text("utf-8"), page.meta)
        if new is None:
            if page.meta.get("plan_items"):
                undated.append(page.rel)
            continue
        changed += 1
        if not args.dry_run:
            path.write_text(new, encoding="utf-8")
    for rel in undated:
        print(f"{rel}:1: trang thực hiện mục kế hoạch nhưng không ghi ngày nào; ghi 'published: NĂM-THÁNG-NGÀY'"
              " là ngày trang được đăng lần đầu")
    print(f"Đã điền published cho {changed} trang.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
