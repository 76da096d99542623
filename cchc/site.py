"""Find every page under docs/<lang>/ and read its front matter (no Markdown rendering)."""
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cchc import frontmatter, paths


@dataclass
class PageRec:
    rel: str  # path from the tree root: 'docs/vi/thu-tuc-hanh-chinh/mot-cua.md'
    lang: str
    src: str  # path inside the language folder: 'thu-tuc-hanh-chinh/mot-cua.md'
    url: str  # published URL path: '/thu-tuc-hanh-chinh/mot-cua/'
    meta: dict | None
    body: str
    body_line: int
    lines: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)  # (line, message) from parsing

    @property
    def title(self) -> str:
        return str((self.meta or {}).get("title") or self.src)


def url_for(lang: str, src: str) -> str:
    """'vi', 'a/index.md' -> '/a/'; 'en', 'a/b.md' -> '/en/a/b/'."""
    stem = src[:-3]
    if stem == "index":
        stem = ""
    elif stem.endswith("/index"):
        stem = stem[: -len("/index")]
    prefix = "" if lang == paths.DEFAULT_LANGUAGE else f"/{lang}"
    return f"{prefix}/{stem}/" if stem else f"{prefix}/"


def discover(root: Path = paths.ROOT) -> list[PageRec]:
    """All Markdown pages of every language, sorted by path."""
    pages = []
    docs = Path(root) / "docs"
    for lang in paths.LANGUAGES:
        base = docs / lang
        for path in sorted(base.rglob("*.md")):
            src = path.relative_to(base).as_posix()
            with open(path, "rb") as f:  # plain open: Path.read_bytes costs more at 2,700 pages
                parsed = frontmatter.read(f.read())
            pages.append(PageRec(
                rel=f"docs/{lang}/{src}", lang=lang, src=src, url=url_for(lang, src),
                meta=parsed.meta, body=parsed.body, body_line=parsed.body_line,
                lines=parsed.lines, problems=parsed.problems,
            ))
    return pages


def stray_markdown(root: Path = paths.ROOT) -> list[str]:
    """Markdown files under docs/ but outside every language folder (they would be lost)."""
    docs = Path(root) / "docs"
    return sorted(
        p.relative_to(root).as_posix() for p in docs.rglob("*.md")
        if p.relative_to(docs).parts[0] not in paths.LANGUAGES
    )


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def page_day(meta) -> str | None:
    """A page's own date, 'YYYY-MM-DD': `date` for news (else `updated`), `updated` for the
    rest; None when absent or not a real date (the front matter check reports that)."""
    if not isinstance(meta, dict):
        return None
    value = (meta.get("date") if meta.get("kind") == "news" else None) or meta.get("updated")
    if not isinstance(value, str) or not ISO_DATE.match(value):
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return None
    return value
