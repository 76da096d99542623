"""Pages still holding a template's sample text, and English twins not yet translated.

The sample text is read from templates/*.md themselves (no second list): every line of a
template's body that a writer must replace (not a heading, not a box opener such as
'??? question', not a lone marker) and the template's own title and description. A page that
still carries one of those lines word for word is unfinished and fails the check, naming the
line and the template it came from.
"""
import re
from pathlib import Path

from cchc import frontmatter, paths
from cchc.problems import Problem
from cchc.yamlio import line_of

MIN_WORDS = 3  # shorter lines ('1. ...', 'Câu hỏi?') are too generic to be told apart from real text
_WORD = re.compile(r"\w*[^\W\d_]\w*")
_MARKER_ONLY = re.compile(r"^<!--.*-->$")


def _is_sample(line: str) -> bool:
    if not line or line.startswith(("#", "!!!", "???", "---")) or _MARKER_ONLY.match(line):
        return False
    return len(_WORD.findall(line)) >= MIN_WORDS


def sample_texts(template_dir: Path = paths.ROOT / "templates") -> dict:
    """{line of sample text: 'templates/<kind>.md'}, from every template."""
    out = {}
    for path in sorted(Path(template_dir).glob("*.md")):
        page = frontmatter.read(path.read_bytes())
        rel = f"templates/{path.name}"
        for key in ("title", "description"):
            value = (page.meta or {}).get(key)
            if isinstance(value, str) and value.strip():
                out.setdefault(value.strip(), rel)
        for raw in page.body.split("\n"):
            line = raw.strip()
            if _is_sample(line):
                out.setdefault(line, rel)
    return out


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def check_placeholders(pages, samples: dict) -> list:
    out = []
    for page in pages:
        meta = page.meta or {}
        for key in ("title", "description"):
            value = meta.get(key)
            if isinstance(value, str) and value.strip() in samples:
                out.append(Problem(page.rel, line_of(page.lines, (key,)), (
                    f"'{key}' vẫn là chữ mẫu của {samples[value.strip()]} ('{_short(value.strip())}')."
                    f" Viết {'tiêu đề' if key == 'title' else 'mô tả'} của chính trang này")))
        for i, raw in enumerate(page.body.split("\n")):
            line = raw.strip()
            if line in samples and _is_sample(line):
                out.append(Problem(page.rel, page.body_line + i, (
                    f"Dòng này vẫn là chữ mẫu của {samples[line]} ('{_short(line)}'). Thay bằng nội dung thật"
                    " của trang, hoặc xóa dòng nếu không cần")))
    return out


def _normal(text: str) -> str:
    return " ".join(text.split())


def check_untranslated(pages) -> list:
    """An English page whose body is still its Vietnamese twin's, word for word (as
    `scripts/new_page.py --lang en --from` leaves it for the translator)."""
    vi = {p.src: p for p in pages if p.lang == paths.DEFAULT_LANGUAGE}
    out = []
    for page in pages:
        twin = vi.get(page.src)
        if page.lang == paths.DEFAULT_LANGUAGE or twin is None or not _normal(page.body):
            continue
        if _normal(page.body) == _normal(twin.body):
            out.append(Problem(page.rel, page.body_line, (
                f"Nội dung trang tiếng Anh vẫn y nguyên bản tiếng Việt {twin.rel}: dịch sang tiếng Anh trước khi gửi"
                " (chưa dịch được thì xóa tệp này: trang tiếng Anh sẽ hiện bản tiếng Việt kèm lời báo chưa dịch)")))
    return out
