"""Template indentation left out of the built pages.

Material's templates are indented for their readers: a tag on its own line inside an `if` inside
a `for` is written with a dozen spaces before it, and Jinja copies those spaces into every page.
On a procedure card a quarter of the HTML was such indentation (38 KB -> 29 KB without it;
maintainers/scale.md, "eighth session").

`squash` removes, in a template's source text, the spaces and tabs that begin or end a line,
outside Jinja's own tags ({% %}, {{ }}, {# #}). It never removes a line break, so wherever the
page had white space between two words or tags it still has some, and a browser lays the page
out the same (white space is collapsed in HTML, except in <pre> and <textarea>, and in a
script's `template strings`, none of which a template of Material's or ours writes:
tests/test_template_whitespace.py). Values put into the
template (the page's content, titles) are not template source and are never touched.
"""
import re

# A Jinja statement, expression or comment (Jinja's default delimiters, which Material uses).
_TAG = re.compile(r"(\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\})", re.S)
_AROUND_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def squash(source: str) -> str:
    """`source` with the spaces and tabs around each line break of its text left out."""
    parts = _TAG.split(source)
    for i in range(0, len(parts), 2):  # even items: text between tags
        parts[i] = _AROUND_BREAK.sub("\n", parts[i])
    return "".join(parts)


def applies_to(template_name: str) -> bool:
    """HTML templates only: a sitemap or feed keeps its layout as written."""
    return template_name.endswith(".html")
