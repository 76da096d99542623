#!/usr/bin/env python3
"""What sanitising costs at province size: the synthetic corpus of scripts/bench.py (2,000
procedure cards + 300 articles and news, a third also in English), each page's Markdown
rendered as the build renders it, then timed through the build's sanitiser (cchc/sanitize.py)
and through the checker's comparison (what it would remove).

    python3 scripts/bench_sanitize.py [--pages 2000] [--runs 3]

Prints the figures README.md quotes (CPU seconds of this process, best of --runs).
"""
import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc import bench_corpus, check_markup, data as data_mod, frontmatter, paths, procedure, sanitize  # noqa: E402


def best(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        started = time.process_time()
        fn()
        times.append(time.process_time() - started)
    return min(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="procedure cards in the corpus (default 2000)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    data, problems = data_mod.load(paths.ROOT)
    lists, _ = procedure.load_lists(paths.ROOT)
    corpus = bench_corpus.generate(data, lists, pages=args.pages)
    bodies = [frontmatter.read(text.encode("utf-8")).body for rel, text in corpus.files.items() if rel.endswith(".md")]
    md = check_markup.renderer(str(paths.ROOT / "mkdocs.yml"))
    rendered = []
    markdown_s = best(1, lambda: rendered.extend(check_markup.render(md, b) for b in bodies))
    rules = data.markup
    clean_s = best(args.runs, lambda: [sanitize.clean(h, rules) for h in rendered])
    removed_s = best(args.runs, lambda: [sanitize.removed(h, rules) for h in rendered])
    size = sum(len(h.encode("utf-8")) for h in rendered)
    print(f"pages rendered: {len(rendered)} ({size / 1e6:.1f} MB of HTML)")
    print(f"Markdown rendering: {markdown_s:.2f} CPU s")
    print(f"sanitising (build, hooks/sanitize.py): {clean_s:.2f} CPU s = {1000 * clean_s / len(rendered):.2f} ms a page,"
          f" {100 * clean_s / markdown_s:.0f} % of Markdown")
    print(f"checker's comparison (sanitize.removed): {removed_s:.2f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
