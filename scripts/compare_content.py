#!/usr/bin/env python3
"""Compare the page content (<article>) of two builds of the site, as a browser would read it:
tags, attributes and text, ignoring how the HTML is spelled (`<br />` or `<br>`, quotes,
entities). Made to show what the build's sanitiser (hooks/sanitize.py) changed on the real pages:

    git stash && mkdocs build --strict -d /tmp/before && git stash pop   # or any older build
    mkdocs build --strict -d /tmp/after
    python3 scripts/compare_content.py /tmp/before /tmp/after

Prints one block per page that differs, then a count; exit 1 when any page differs.
"""
import difflib
import sys
from html.parser import HTMLParser
from pathlib import Path


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Article(HTMLParser):
    """The <article> of a page as lines: '<tag a="1" b="2">', '</tag>', 'text'."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.depth, self.lines = 0, []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        elif self.depth:
            shown = " ".join(f'{k}="{v or ""}"' for k, v in sorted(attrs))
            self.lines.append(f"<{tag}{' ' if shown else ''}{shown}>")

    def handle_startendtag(self, tag, attrs):  # `<br />` and `<br>` are the same element
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag == "article":
            self.depth -= 1
        elif self.depth:
            self.lines.append(f"</{tag}>")

    def handle_data(self, data):
        if self.depth and data.strip():
            self.lines.append(" ".join(data.split()))


def main(argv=None) -> int:
    before, after = (Path(a) for a in (argv or sys.argv[1:]))
    pages = sorted(p.relative_to(before) for p in before.rglob("*.html"))
    differ = 0
    for rel in pages:
        other = after / rel
        old = Article((before / rel).read_text("utf-8")).lines
        new = Article(other.read_text("utf-8")).lines if other.exists() else ["(missing)"]
        if old != new:
            differ += 1
            print(f"--- {rel}")
            print("\n".join(list(difflib.unified_diff(old, new, lineterm="", n=1))[2:40]))
    print(f"{len(pages)} pages compared, {differ} differ", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
