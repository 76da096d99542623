#!/usr/bin/env python3
"""List pages that need an editor's attention, grouped by owning unit (Vietnamese lines):

- pages whose `review_by` date has passed;
- English pages older than their Vietnamese source: the last commit touching docs/en/x.md is
  older than the last commit touching docs/vi/x.md (`git log -1 --format=%cs -- PATH`);
- gaps citizens never see: procedure-card rows with no sourced value, `md:fill` markers.

Usage: python3 scripts/health.py [--today YYYY-MM-DD] [--root DIR]
Always exits 0 when it could run: it informs; scripts/check.py is what blocks a pull request.
Needs the git history (in GitHub Actions: actions/checkout with fetch-depth: 0).
"""
import argparse
import datetime
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc import runtime  # noqa: E402  (standard library only)

runtime.ensure_packages()  # run again with .venv/, or say how to install

from cchc import data as data_mod, health, paths, site  # noqa: E402


def last_commit_date(root: Path, rel: str) -> str | None:
    """Committer date (YYYY-MM-DD) of the last commit touching `rel`; None if never committed
    or if `root` is not a git checkout."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", rel], cwd=root,
                             capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    return out.stdout.strip() or None


def day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải ngày dạng YYYY-MM-DD (ví dụ 2026-11-23)") from None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Liệt kê trang quá hạn rà soát và bản tiếng Anh cũ hơn bản tiếng Việt.")
    parser.add_argument("--today", type=day, default=datetime.date.today(), help="ngày coi là hôm nay, YYYY-MM-DD")
    parser.add_argument("--root", type=Path, default=paths.ROOT, help="thư mục gốc của kho mã (mặc định: kho này)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    pages = site.discover(root)
    translated = {p.src for p in pages if p.lang != paths.DEFAULT_LANGUAGE}
    # Only files that have a twin in the other language need a date: two git calls per pair.
    wanted = [p.rel for p in pages if p.src in translated]
    last_changed = {rel: last_commit_date(root, rel) for rel in wanted}
    data, _problems = data_mod.load(root)  # scripts/check.py reports data problems
    for line in health.report(health.findings(pages, args.today, last_changed, data), data.units, args.today):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
