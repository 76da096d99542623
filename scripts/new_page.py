#!/usr/bin/env python3
"""Make a new page whose front matter already passes every check.

  python3 scripts/new_page.py                      # asks each question
  python3 scripts/new_page.py --kind guide --theme dich-vu-cong-truc-tuyen \
      --title "Nộp hồ sơ qua bưu điện" --description "..." --audience nguoi-dan \
      --unit ubnd-cac-xa-khanh-hoa-thuan-nam-cu --plan-items TN22-ND-05

  python3 scripts/new_page.py --lang en --from docs/vi/thu-tuc/dang-ky-khai-sinh.md \
      --title "Registering a birth" --description "..."   # the English twin, to translate

Writes docs/vi/<folder of the kind>/<ascii-name-from-title>.md from templates/<kind>.md (news:
docs/vi/tin-tuc/<year>-<month>-<name>.md), or with --lang en --from, docs/en/<same path>.
Exit 0 and the path on success; exit 1 with Vietnamese lines if something is wrong.
"""
import argparse
import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc import runtime  # noqa: E402  (standard library only)

runtime.ensure_packages()  # run again with .venv/, or say how to install

from cchc import data as data_mod, lifecycle, paths, scaffold  # noqa: E402

QUESTIONS = [  # (option, question, source of choices or None, several answers?)
    ("kind", "Loại trang", "kinds", False),
    ("theme", "Chủ đề", "themes", False),
    ("title", "Tiêu đề (viết có dấu)", None, False),
    ("description", "Mô tả ngắn, 1-2 câu (30-300 ký tự)", None, False),
    ("audience", "Viết cho ai", "audiences", True),
    ("unit", "Đơn vị phụ trách", "units", False),
    ("plan_items", "Mục kế hoạch trang này thực hiện", "items", True),
    ("category", "Chuyên mục tin (chỉ hỏi với tin tức)", "categories", False),
]


def choices(data, source):
    if source == "kinds":
        return {k: v["label"] for k, v in data.kinds.items() if v["editorial"] and k != "hub"}
    if source == "themes":
        return {k: v["title"] for k, v in data.themes.items()}
    if source == "audiences":
        return {k: v["label"] for k, v in data.audiences.items()}
    if source == "units":
        return {k: v["name"] for k, v in lifecycle.current_units(data.units, lifecycle.today()).items()}
    if source == "categories":
        return {k: c["label"] for k, c in data.news_categories.items()}
    if source == "items":
        return {k: item["summary"][:70] for k, (_p, item, _k) in data.items.items()}
    return {}


def ask(question, options, several):
    """Ask on the terminal; accept numbers or ids."""
    if options:
        keys = list(options)
        for i, key in enumerate(keys, 1):
            print(f"  {i:>2}. {key}: {options[key]}")
    hint = " (nhiều giá trị: cách nhau bằng dấu phẩy)" if several else ""
    while True:
        answer = input(f"{question}{hint}: ").strip()
        if not answer:
            continue
        if not options:
            return answer
        values = [a.strip() for a in answer.split(",")] if several else [answer]
        picked = [keys[int(v) - 1] if v.isdigit() and 0 < int(v) <= len(keys) else v for v in values]
        if all(p in options for p in picked):
            return picked if several else picked[0]
        print("  Không có lựa chọn này, hãy nhập số thứ tự hoặc mã trong danh sách.")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Tạo trang mới đúng mẫu.")
    parser.add_argument("--kind")
    parser.add_argument("--theme")
    parser.add_argument("--title")
    parser.add_argument("--description")
    parser.add_argument("--audience", help="một hoặc nhiều mã, cách nhau bằng dấu phẩy")
    parser.add_argument("--unit")
    parser.add_argument("--plan-items", dest="plan_items", help="một hoặc nhiều mã, cách nhau bằng dấu phẩy")
    parser.add_argument("--category", help="chuyên mục, chỉ cho tin tức (kind news)")
    parser.add_argument("--sources", default="", help="mã văn bản trong data/documents.yml, cách nhau bằng dấu phẩy")
    parser.add_argument("--lang", default=paths.DEFAULT_LANGUAGE,
                        help="en: tạo bản tiếng Anh của trang tiếng Việt ghi ở --from")
    parser.add_argument("--from", dest="source", help="trang tiếng Việt cần bản tiếng Anh, ví dụ docs/vi/thu-tuc/x.md")
    parser.add_argument("--root", type=Path, default=paths.ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--today", default=datetime.date.today().isoformat(), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    data, problems = data_mod.load(args.root)
    if problems:
        print("Dữ liệu trong data/ đang có lỗi; chạy python3 scripts/check.py để xem.", file=sys.stderr)
        return 1
    if args.lang != paths.DEFAULT_LANGUAGE or args.source:
        return twin(args, data)
    values = {}
    for option, question, source, several in QUESTIONS:
        given = getattr(args, option)
        if option == "category" and values.get("kind") != "news":
            continue
        if given is not None:
            values[option] = [v.strip() for v in given.split(",") if v.strip()] if several else given.strip()
        elif sys.stdin.isatty():
            values[option] = ask(question, choices(data, source), several)
        else:
            print(f"Thiếu --{option.replace('_', '-')} ({question}).", file=sys.stderr)
            return 1
    # The kind picks the template and folder, so an unknown one stops here, with the choices.
    for option, source, known in (("kind", "kinds", data.kinds), ("theme", "themes", data.themes)):
        if values[option] not in known:
            print(f"- {option}: '{values[option]}' không có trong data/taxonomy.yml ({source})."
                  f" Các mã hợp lệ: {', '.join(known)}", file=sys.stderr)
            print("Chưa tạo trang. Sửa các giá trị trên rồi chạy lại.", file=sys.stderr)
            return 1
    rel, text, problems = scaffold.make_page(
        data, args.root, sources=[s for s in args.sources.split(",") if s.strip()], today=args.today, **values)
    if not write_page(args.root, rel, text, problems):
        return 1
    return 0


def write_page(root, rel, text, problems) -> bool:
    """Write the page and print its path; or, with problems, say them and write nothing."""
    if problems:
        for problem in problems:
            print(f"- {problem.message}", file=sys.stderr)
        print("Chưa tạo trang. Sửa các giá trị trên rồi chạy lại.", file=sys.stderr)
        return False
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")
    print(rel)
    return True


def twin(args, data) -> int:
    """--lang en --from PATH: the English twin of a Vietnamese page."""
    if not args.source:
        print("Thiếu --from (trang tiếng Việt cần dịch, ví dụ docs/vi/thu-tuc/dang-ky-khai-sinh.md).", file=sys.stderr)
        return 1
    texts = {}
    for option, question in (("title", "Tiêu đề tiếng Anh"), ("description", "Mô tả ngắn tiếng Anh, 1-2 câu")):
        given = getattr(args, option)
        if given is not None:
            texts[option] = given.strip()
        elif sys.stdin.isatty():
            texts[option] = ask(question, {}, False)
        else:
            print(f"Thiếu --{option} ({question}).", file=sys.stderr)
            return 1
    try:
        rel, text, problems = scaffold.make_twin(data, args.root, args.source, lang=args.lang, today=args.today, **texts)
    except scaffold.TwinError as exc:
        print(f"- {exc}", file=sys.stderr)
        print("Chưa tạo trang.", file=sys.stderr)
        return 1
    if not write_page(args.root, rel, text, problems):
        return 1
    print("Nội dung đang là bản tiếng Việt: dịch sang tiếng Anh rồi mới gửi (python3 scripts/check.py báo lỗi"
          " cho tới khi dịch xong).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
