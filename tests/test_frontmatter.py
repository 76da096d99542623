"""cchc.frontmatter.read finds the front matter and the body exactly where splitting the page
into lines would: the closing line is searched line by line (a long body is not split), so
the edges are pinned here against that plain reading."""
import pytest

from cchc import frontmatter


def by_lines(text: str):
    """The plain reading: (front matter, body, body's first line), or None if not closed."""
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    return None if end is None else ("\n".join(lines[1:end]), "\n".join(lines[end + 1:]), end + 2)


CASES = [
    "---\ntitle: a\n---\nbody\n",
    "---\ntitle: a\n---",            # closed on the last line, no newline after it
    "---\ntitle: a\n---\n",          # ... and with one
    "---\n---\nbody",                # empty front matter
    "---\ntitle: a\n...\nbody",      # YAML's document end
    "---  \r\ntitle: a\r\n---  \r\nbody\r\n",  # Windows line ends, trailing spaces
    "---\ntitle: a\n----\nb: 1\n---\nbody",    # four dashes are not the end
    "---\ntitle: a\n\n\n---\n\n\nbody\n\n",
    "---\ntitle: a\nbody without an end\n",
    "---\ntitle: a",
    "---",
]


@pytest.mark.parametrize("text", CASES)
def test_front_matter_and_body_are_where_the_lines_put_them(text):
    page = frontmatter.read(text.encode("utf-8"))
    expected = by_lines(text)
    if expected is None:
        assert page.meta is None and page.body == text and page.body_line == 1
        assert "không có dòng '---' đóng lại" in page.problems[0][1]
        return
    front, body, body_line = expected
    assert (page.body, page.body_line) == (body, body_line)
    if not page.problems:
        assert page.front_matter == front
