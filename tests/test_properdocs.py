"""ProperDocs (a maintained fork of MkDocs 1.6; maintainers/successor.md) builds this site
unchanged, strictly: the fallback if MkDocs stops being maintained is proven on every change.
Its pages must be ours byte for byte, apart from the generator tag that names the tool."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

GENERATOR = re.compile(r'\s*<meta name="generator" content="[^"]*">')
# Pagefind writes its language list in no fixed order: compared as data, not bytes.
UNORDERED = {"pagefind/pagefind-entry.json"}


def files_of(site: Path) -> dict:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def differences(ours: Path, theirs: Path) -> list:
    """Files that differ between two built sites, other than the generator tag."""
    import json

    a, b = files_of(ours), files_of(theirs)
    out = [f"only in one build: {name}" for name in sorted(set(a) ^ set(b))]
    for name in sorted(set(a) & set(b)):
        x, y = a[name].read_bytes(), b[name].read_bytes()
        if x == y:
            continue
        if name in UNORDERED and json.loads(x) == json.loads(y):
            continue
        if name.endswith(".html") and GENERATOR.sub("", x.decode("utf-8")) == GENERATOR.sub("", y.decode("utf-8")):
            continue
        out.append(f"differs: {name}")
    return out


def test_differences_sees_a_changed_page(tmp_path):
    for site in ("a", "b"):
        (tmp_path / site).mkdir()
        (tmp_path / site / "index.html").write_text(f'<meta name="generator" content="{site}">\n<p>x</p>')
    assert differences(tmp_path / "a", tmp_path / "b") == []
    (tmp_path / "b" / "index.html").write_text('<meta name="generator" content="b">\n<p>y</p>')
    (tmp_path / "b" / "extra.html").write_text("")
    assert differences(tmp_path / "a", tmp_path / "b") == ["only in one build: extra.html", "differs: index.html"]


def test_properdocs_builds_the_same_site_strictly(built_site, tmp_path):
    # Beside this Python first: CI runs `.venv/bin/python -m pytest` without activating .venv.
    beside = Path(sys.executable).parent / "properdocs"
    exe = str(beside) if beside.is_file() else shutil.which("properdocs")
    assert exe, "properdocs is not installed (requirements-dev.txt pins it)"
    dest = tmp_path / "site"
    # No -q: MkDocs 1.6 (and its fork) only counts strict warnings when they are logged.
    result = subprocess.run([exe, "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(dest)],
                            cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    assert "ProperDocs" in (dest / "index.html").read_text("utf-8")  # really built by the fork
    assert differences(built_site, dest) == []
