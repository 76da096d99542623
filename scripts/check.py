#!/usr/bin/env python3
"""Check every page and data file; one line per problem, `PATH:LINE: message`.

Usage: python3 scripts/check.py [--root DIR] [--external] [--strict] [--format text|github]
Errors block; warnings (`PATH:LINE: Cảnh báo: ...`) are unfinished work, such as a plan item no
page carries yet. `--format github` prints each problem as a GitHub Actions annotation instead
(`::error file=PATH,line=LINE::message`, `::warning ...` for a warning), shown on the pull
request's changed lines. Exit 0 when there is no error (warnings allowed), 1 when there are
errors (or, with --strict, warnings), 2 on wrong usage.
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc import runtime  # noqa: E402  (standard library only)

runtime.ensure_packages()  # run again with .venv/, or say how to install

from cchc import check, paths  # noqa: E402


def github_annotation(problem) -> str:
    """`::error file=PATH,line=LINE::message` (`::warning` for a warning), escaped as GitHub's
    workflow commands require."""
    def data(text):
        return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text):
        return data(text).replace(":", "%3A").replace(",", "%2C")

    level = "warning" if getattr(problem, "is_warning", False) else "error"
    return f"::{level} file={prop(problem.path)},line={int(problem.line)}::{data(problem.message)}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Kiểm tra trang và dữ liệu của trang web tuyên truyền CCHC.")
    parser.add_argument("--root", type=Path, default=paths.ROOT, help="thư mục gốc cần kiểm tra (mặc định: kho mã này)")
    parser.add_argument("--external", action="store_true", help="kiểm tra cả liên kết ra trang web khác (cần mạng)")
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="text: PATH:LINE: thông báo (mặc định); github: chú thích cho GitHub Actions")
    parser.add_argument("--strict", action="store_true",
                        help="coi cảnh báo (việc chưa xong, ví dụ mục kế hoạch chưa có trang) cũng là lỗi: thoát với mã 1")
    args = parser.parse_args(argv)
    problems, counts = check.run(args.root, external=args.external)
    for problem in problems:
        print(github_annotation(problem) if args.format == "github" else problem)
    errors = [p for p in problems if not p.is_warning]
    warnings = len(problems) - len(errors)
    verdict = f"{len(errors)} lỗi" if errors else "không có lỗi"
    if warnings:
        verdict += f", {warnings} cảnh báo" + (" (--strict: cảnh báo cũng là lỗi)" if args.strict else "")
    print(f"Đã kiểm tra {counts['pages']} trang, {counts['plans']} kế hoạch: {verdict}.", file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


if __name__ == "__main__":
    sys.exit(main())
