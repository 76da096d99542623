#!/usr/bin/env python3
"""Add every address the site now publishes (and the Vietnamese pages' heading anchors) to
data/published-urls.txt. Lines are only ever added: a page that moved keeps its line, and
`python3 scripts/check.py` asks for a redirect in data/redirects.yml until it has one.

Usage: python3 scripts/update_manifest.py [--root DIR]
Exit 0 when written, 1 when data/ has errors (anchors of generated pages need the data).
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc import runtime  # noqa: E402  (standard library only)

runtime.ensure_packages()  # run again with .venv/, or say how to install

from cchc import check_urls, data as data_mod, paths, site  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Cập nhật danh sách địa chỉ đã công bố (data/published-urls.txt).")
    parser.add_argument("--root", type=Path, default=paths.ROOT, help="thư mục gốc (mặc định: kho mã này)")
    args = parser.parse_args(argv)
    data, problems = data_mod.load(args.root)
    if problems:
        for problem in problems[:20]:
            print(problem)
        print("Dữ liệu trong data/ có lỗi nên chưa cập nhật danh sách địa chỉ. Sửa các lỗi trên"
              " (xem đủ bằng 'python3 scripts/check.py') rồi chạy lại.", file=sys.stderr)
        return 1
    pages = site.discover(args.root)
    text, added = check_urls.updated_manifest(args.root, data, pages)
    target = Path(args.root) / check_urls.MANIFEST
    target.write_text(text, encoding="utf-8")
    for line in added:
        print(f"+ {line}")
    print(f"Đã ghi {check_urls.MANIFEST}: thêm {len(added)} dòng.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
