"""The editors' scripts find their packages, or say in Vietnamese how to install them.

The README installs the pinned packages into `.venv/` (Debian's Python refuses them anywhere
else). An editor who then types `python3 scripts/check.py` without activating it would get a
Python traceback ("No module named 'markdown'"). Instead: when a package of requirements.txt is
missing and `.venv/` exists, the script runs itself again with `.venv`'s Python; when there is no
`.venv/`, it prints the two commands that make one. Standard library only: this runs before any
package is imported.
"""
import os
import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements.txt"
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def required() -> list[str]:
    """Distribution names pinned in requirements.txt ('pagefind[bin]==1.5.2' -> 'pagefind')."""
    try:
        lines = REQUIREMENTS.read_text("utf-8").splitlines()
    except OSError:
        return []
    return [m.group(1) for line in lines if (m := _NAME.match(line.split("#", 1)[0]))]


def missing(names) -> list[str]:
    out = []
    for name in names:
        try:
            metadata.version(name)
        except metadata.PackageNotFoundError:
            out.append(name)
    return out


def ensure_packages() -> None:
    """Return when every package of requirements.txt is installed; else run this script again
    with .venv's Python, or exit 2 with what to do."""
    absent = missing(required())
    if not absent:
        return
    in_venv = Path(sys.prefix).resolve() == VENV_PYTHON.parent.parent.resolve()
    if VENV_PYTHON.exists() and not in_venv:
        os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), *sys.argv])
    script = Path(sys.argv[0]).as_posix() if sys.argv and sys.argv[0] else "scripts/check.py"
    print(
        f"Thiếu gói Python: {', '.join(absent)}. Cài một lần, trong thư mục kho mã:\n"
        "  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n"
        f"rồi chạy lại: .venv/bin/python {script}"
        + ("\n(.venv/ đã có nhưng thiếu gói: chạy lại lệnh pip ở trên.)" if in_venv else ""),
        file=sys.stderr)
    sys.exit(2)
