"""The library's layout explains itself: the modules of cchc/ import each other without a circle
(a lower module never reaches back up), and nothing in cchc/ (the site's library) is there for
the benchmark alone."""
import ast
import re

import pytest

from cchc import paths

CCHC = paths.ROOT / "cchc"


def imports_of(source: str) -> set:
    """The cchc modules a module imports, at any depth of its code (a late import counts)."""
    out = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "cchc":
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("cchc."):
            out.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            out |= {a.name.split(".")[1] for a in node.names if a.name.startswith("cchc.")}
    return out


def cycles(graph: dict) -> list:
    """Every module that can reach itself, with the path."""
    found = []
    for start in sorted(graph):
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for dep in sorted(graph.get(node, ())):
                if dep == start:
                    found.append(path + [dep])
                    stack = []
                    break
                if dep not in path:
                    stack.append((dep, path + [dep]))
    return found


def test_cycle_finder_sees_a_late_import_circle():
    graph = {"a": imports_of("from cchc import b"),
             "b": imports_of("def f():\n    from cchc.a import g\n")}
    assert cycles(graph) == [["a", "b", "a"], ["b", "a", "b"]]


def test_cchc_modules_import_without_a_circle():
    graph = {f.stem: imports_of(f.read_text("utf-8")) for f in CCHC.glob("*.py")}
    assert graph["procedure"] and "check_pages" not in graph["procedure"]
    assert cycles(graph) == []


def test_benchmark_corpus_is_outside_the_site_library():
    assert not (CCHC / "bench_corpus.py").exists()
    assert (paths.ROOT / "scripts" / "bench_corpus.py").exists()
    names = {f.stem for f in CCHC.glob("*.py")}.union(*(imports_of(f.read_text("utf-8")) for f in CCHC.glob("*.py")))
    assert not [name for name in names if name.startswith("bench")]


# What MiniJinja, the template engine of Material's successor, rejects in our templates
# (maintainers/successor.md): Python string methods, `replace` with a count, and includes of
# Material's own templates under a prefix only our Jinja loader knew.
STRING_METHOD = re.compile(r"\.(split|rsplit|endswith|startswith|strip|lstrip|rstrip|lower|upper|replace|format|join|"
                           r"partition|find|count)\s*\(")
REPLACE_WITH_COUNT = re.compile(r"\|\s*replace\(\s*(\"[^\"]*\"|'[^']*')\s*,\s*(\"[^\"]*\"|'[^']*'|[\w.]+)\s*,")
MATERIAL_PREFIX = re.compile(r"""(include|extends|import|from)\s+["']material/""")
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def minijinja_problems(template: str) -> list:
    """The constructs above, found inside template tags (comments and HTML are not code)."""
    out = []
    for tag in TAG.findall(template):
        for name, rule in (("string method", STRING_METHOD), ("replace with a count", REPLACE_WITH_COUNT),
                           ("include of material/", MATERIAL_PREFIX)):
            if rule.search(tag):
                out.append(f"{name}: {tag.strip()[:80]}")
    return out


@pytest.mark.parametrize("bad", [
    '{% for line in super().split("\\n") %}',
    '{{ x if (config.site_url or "").endswith("/") }}',
    '{{ super() | replace("<script src=", "<script defer src=", 1) }}',
    '{% include "material/partials/nav.html" %}',
])
def test_minijinja_check_sees_each_rejected_construct(bad):
    assert minijinja_problems(bad)


def test_templates_use_nothing_minijinja_rejects():
    templates = sorted((paths.ROOT / "overrides").rglob("*.html"))
    assert len(templates) >= 8  # overrides/*.html and overrides/partials/*.html
    found = {t.relative_to(paths.ROOT).as_posix(): minijinja_problems(t.read_text("utf-8")) for t in templates}
    assert {name: p for name, p in found.items() if p} == {}
