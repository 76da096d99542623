#!/usr/bin/env python3
"""Write a plan's report for a period, in Vietnamese, as Markdown and CSV: what the site
published per plan item and per unit, and the items with nothing published.

Usage: python3 scripts/report.py --plan PLAN_ID --from YYYY-MM-DD --to YYYY-MM-DD [--out DIR] [--root DIR]
Example (first half of 2022): python3 scripts/report.py --plan TN22 --from 2022-01-01 --to 2022-06-30
Exit 0 when written, 2 on a bad argument (one Vietnamese line, no traceback).
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc import runtime  # noqa: E402  (standard library only)

runtime.ensure_packages()  # run again with .venv/, or say how to install

from cchc import data as data_mod, paths, report, site  # noqa: E402

USAGE = ("python3 scripts/report.py --plan MÃ_KẾ_HOẠCH --from NĂM-THÁNG-NGÀY --to NĂM-THÁNG-NGÀY"
         " [--out THƯ_MỤC]")


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        # argparse would print two English lines; editors get one Vietnamese line.
        message = (message.replace("unrecognized arguments:", "không có tham số")
                   .replace("expected one argument", "cần một giá trị ngay sau").replace("argument ", ""))
        print(f"Tham số không đúng ({message}). Cách dùng: {USAGE}", file=sys.stderr)
        sys.exit(2)


def main(argv=None) -> int:
    parser = _Parser(description="Lập báo cáo kết quả tuyên truyền trên trang web của một kế hoạch trong một kỳ.",
                     usage=USAGE)
    parser.add_argument("--plan", help="mã kế hoạch, ví dụ TN22 (xem data/plans/)")
    parser.add_argument("--from", dest="start", help="ngày đầu kỳ, ví dụ 2022-01-01")
    parser.add_argument("--to", dest="end", help="ngày cuối kỳ, ví dụ 2022-06-30")
    parser.add_argument("--out", type=Path, default=Path("."), help="thư mục ghi báo cáo (mặc định: thư mục hiện tại)")
    parser.add_argument("--root", type=Path, default=paths.ROOT, help="thư mục gốc của kho mã (mặc định: kho mã này)")
    args = parser.parse_args(argv)
    missing = [name for name, value in (("--plan", args.plan), ("--from", args.start), ("--to", args.end)) if not value]
    if missing:
        print(f"Thiếu {', '.join(missing)}. Cách dùng: {USAGE}", file=sys.stderr)
        return 2

    data, problems = data_mod.load(args.root)
    try:
        start, end = report.period(args.start, args.end)
        result = report.build(data, site.discover(args.root), args.plan, start, end)
    except report.ReportError as exc:
        print(exc, file=sys.stderr)
        return 2
    if problems:
        print(f"Cảnh báo: data/ có {len(problems)} lỗi (xem bằng 'python3 scripts/check.py'); báo cáo lập từ phần"
              " dữ liệu đọc được.", file=sys.stderr)
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        stem = args.out / report.file_stem(result)
        md, csv_path = stem.with_suffix(".md"), stem.with_suffix(".csv")
        md.write_text(report.markdown(result, data), encoding="utf-8")
        csv_path.write_text(report.csv_text(result, data), encoding="utf-8-sig")  # BOM: Excel reads UTF-8
    except OSError as exc:
        print(f"Không ghi được báo cáo vào '{args.out}': {exc.strerror}. Chọn thư mục khác bằng --out", file=sys.stderr)
        return 2
    print(md)
    print(csv_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
