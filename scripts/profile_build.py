"""CPU seconds of one `mkdocs build`, split by MkDocs stage and by plugin or hook event handler.

For maintainers chasing build time (maintainers/scale.md): a profiler samples, this counts. Each
handler's time is its own (the i18n plugin's English build, run inside its on_post_build, is
split into its parts, not charged to on_post_build). Pagefind runs as a child process and is
not in these figures (hooks/search_index.py logs its CPU time).

    python3 scripts/profile_build.py /tmp/scale2000          # a tree kept by bench.py --keep
    python3 scripts/profile_build.py . --top 20              # this repository

Run from the repository root; the tree's hooks import `cchc` from this checkout.
"""
import argparse
import collections
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def instrument(acc: collections.Counter, calls: collections.Counter) -> None:
    """Wrap MkDocs' event dispatch and build stages so each adds its own CPU time to `acc`."""
    from mkdocs import plugins
    from mkdocs.commands import build as build_mod
    from mkdocs.structure import pages

    stack = []  # CPU seconds spent in nested measured calls, per open call

    def measured(label, call, *args, **kwargs):
        """call(*args, **kwargs), its own CPU time (nested measured calls left out) to `label`."""
        stack.append(0.0)
        started = time.process_time()
        try:
            return call(*args, **kwargs)
        finally:
            spent = time.process_time() - started
            nested = stack.pop()
            if stack:
                stack[-1] += spent
            acc[label] += spent - nested
            calls[label] += 1

    def run_event(self, name, item=None, **kwargs):
        pass_item = item is not None
        for method in self.events[name]:
            self._current_plugin = self._event_origins.get(method, "<unknown>")
            label = f"{name}: {self._current_plugin}.{getattr(method, '__name__', '?')}"
            result = measured(label, method, item, **kwargs) if pass_item else measured(label, method, **kwargs)
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    plugins.PluginCollection.run_event = run_event

    def timed(owner, attr, label):
        inner = getattr(owner, attr)
        setattr(owner, attr, lambda *args, **kwargs: measured(label, inner, *args, **kwargs))

    timed(pages.Page, "read_source", "MkDocs: read page source and front matter")
    timed(pages.Page, "render", "MkDocs: Markdown to HTML")
    timed(build_mod, "_build_page", "MkDocs: page template (Jinja) and its context")
    timed(build_mod.utils, "write_file", "MkDocs: write files")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree", type=Path, help="folder holding mkdocs.yml")
    parser.add_argument("--top", type=int, default=30, help="rows to print (default 30)")
    parser.add_argument("-d", "--site-dir", type=Path,
                        help="where to write the site (default: a temporary folder, removed after)")
    args = parser.parse_args(argv)
    config = args.tree.resolve() / "mkdocs.yml"
    if not config.is_file():
        print(f"Không thấy {config}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    acc, calls = collections.Counter(), collections.Counter()
    instrument(acc, calls)
    from mkdocs.commands import build as build_mod
    from mkdocs.config import load_config

    collector = watch_collector()
    with tempfile.TemporaryDirectory(prefix="cchc-profile-") as tmp:
        cfg = load_config(str(config), site_dir=str(args.site_dir or Path(tmp, "site")))
        started = time.process_time()
        build_mod.build(cfg)
        total = time.process_time() - started
    print(f"build, this process: {total:.2f} CPU s (Pagefind, a child process, not included)")
    print("| CPU s | share | calls | part |\n| ---: | ---: | ---: | --- |")
    for label, spent in acc.most_common(args.top):
        print(f"| {spent:.2f} | {100 * spent / total:.1f} % | {calls[label]} | {label} |")
    print(f"| {total - sum(acc.values()):.2f} | {100 * (total - sum(acc.values())) / total:.1f} % |  | everything else (files, navigation, MkDocs' own steps) |")
    print(f"\nPython's collector, inside the parts above: {collector['s']:.2f} CPU s in {collector['n']} collections"
          f" ({collector['full']} of every generation)")
    return 0


def watch_collector() -> dict:
    """CPU seconds spent in Python's cyclic garbage collector (hooks/setup.py tunes it), counted
    by gc.callbacks; it runs inside whatever part allocated, so it is not a row of its own."""
    import gc

    seen = {"s": 0.0, "n": 0, "full": 0, "at": 0.0}

    def callback(phase, info):
        if phase == "start":
            seen["at"] = time.process_time()
        else:
            seen["s"] += time.process_time() - seen["at"]
            seen["n"] += 1
            seen["full"] += info["generation"] == 2

    gc.callbacks.append(callback)
    return seen


if __name__ == "__main__":
    sys.exit(main())
