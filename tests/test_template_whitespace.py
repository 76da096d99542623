"""Template indentation is left out of the built pages (cchc/template_whitespace.py), and
nothing a reader sees changes: every Jinja tag stays as written, every line break stays, and no
template writes the two elements where white space shows (<pre>, <textarea>)."""
import re
from pathlib import Path

import material
import pytest

from cchc import paths, template_whitespace

MATERIAL = Path(material.__file__).parent / "templates"
TEMPLATES = sorted(p for root in (MATERIAL, paths.ROOT / "overrides") for p in root.rglob("*.html"))
PRE = re.compile(r"<(pre|textarea)\b.*?</\1>", re.S | re.I)


def test_there_are_templates_to_check():
    assert len([p for p in TEMPLATES if MATERIAL in p.parents]) > 30
    assert any(p.name == "procedure.html" for p in TEMPLATES)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_squash_keeps_every_tag_and_every_line_break(path):
    source = path.read_text("utf-8")
    squashed = template_whitespace.squash(source)
    tags = template_whitespace._TAG.findall
    assert tags(squashed) == tags(source)
    for before, after in zip(template_whitespace._TAG.split(source)[::2], template_whitespace._TAG.split(squashed)[::2]):
        assert after.count("\n") == before.count("\n")
        assert " ".join(after.split()) == " ".join(before.split())
        assert (after[:1].isspace(), after[-1:].isspace()) == (before[:1].isspace(), before[-1:].isspace())


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_no_template_writes_an_element_where_white_space_shows(path):
    source = path.read_text("utf-8")
    assert not re.search(r"<(pre|textarea)\b", source, re.I)
    # Nor a script's template string (`...`), whose white space is its value: a multi-line one
    # would lose its indentation. Backquotes in template comments are only words.
    without_comments = re.sub(r"\{#.*?#\}", "", source, flags=re.S)
    for script in re.findall(r"<script\b.*?</script>", without_comments, re.S | re.I):
        assert "`" not in script, path


def test_squash_leaves_values_and_tags_alone():
    source = '<ul>\n    {% for x in items %}\n      <li>{{ x }}</li>\n    {% endfor %}\n</ul>\n  {#  a\n    b #}'
    assert template_whitespace.squash(source) == '<ul>\n{% for x in items %}\n<li>{{ x }}</li>\n{% endfor %}\n</ul>\n{#  a\n    b #}'
    assert template_whitespace.squash("a  b") == "a  b"  # no line break: nothing to do
    assert template_whitespace.applies_to("partials/nav.html") and not template_whitespace.applies_to("sitemap.xml")


def test_built_pages_carry_no_template_indentation(built_site):
    """Without the squash the home page has hundreds of lines indented by the templates."""
    for page in (built_site / "index.html", built_site / "en" / "index.html"):
        text = PRE.sub("", page.read_text("utf-8"))
        indented = re.findall(r"\n[ \t]{4,}\S", text)
        assert len(indented) <= 3, (page, indented[:5])
