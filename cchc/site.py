"""Find every page under docs/<lang>/ and read its front matter (no Markdown rendering).

The walk never follows a symbolic link and never opens anything but a regular file: a link
(to /etc/passwd, or dangling), a folder named `x.md`, an unreadable file are left out and
named, one line each, by `file_problems` (issue 12)."""
import os
import re
import stat
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
    front_matter: str = ""  # the front matter's YAML text, as parsed into `meta`

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


def walk(base: Path):
    """(path, os.lstat result) of every entry under `base`, sorted, links not followed."""
    found = []
    for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
        dirnames.sort()
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            try:
                found.append((path, os.lstat(path)))
            except OSError:
                continue  # gone since it was listed
    found.sort(key=lambda entry: entry[0])  # the path as text: as_posix() on POSIX, computed once
    return [(Path(path), st) for path, st in found]


def linked_paths(base):
    """A test for paths under `base`: True when the path is a symbolic link or lies inside one
    (a path not under `base` is taken as linked). Each folder is looked at once, however many
    files it holds: a build asks this of every file, once per language."""
    base = os.path.normpath(os.fspath(base))
    folders = {base: False}

    def folder_linked(folder: str) -> bool:
        known = folders.get(folder)
        if known is None:
            known = folders[folder] = folder_linked(os.path.dirname(folder)) or os.path.islink(folder)
        return known

    def linked(path) -> bool:
        path = os.path.normpath(os.fspath(path))
        if not path.startswith(base + os.sep):
            return True  # not under base at all
        return folder_linked(os.path.dirname(path)) or os.path.islink(path)

    return linked


def _regular_markdown(base: Path) -> list:
    if base.is_symlink() or not base.is_dir():
        return []
    return [path for path, st in walk(base) if path.suffix == ".md" and stat.S_ISREG(st.st_mode)]


def file_problems(root: Path = paths.ROOT) -> list:
    """What the walk leaves out under docs/, one Problem each: symbolic links, folders named
    like pages, pages that cannot be read, anything that is not a regular file or folder."""
    from cchc.problems import Problem  # here: problems imports nothing of ours, keep it that way

    docs = Path(root) / "docs"
    out = []
    if not docs.is_dir():
        return out
    for path, st in walk(docs):
        rel = path.relative_to(root).as_posix()
        if stat.S_ISLNK(st.st_mode):
            target = os.readlink(path)
            state = "" if path.exists() else " (trỏ tới thứ không tồn tại)"
            out.append(Problem(rel, 1, f"Liên kết tượng trưng (symlink) tới '{target}'{state}: không được phép trong"
                               " docs/, bản dựng bỏ qua nó. Thay bằng tệp thật, chép vào đúng chỗ"))
        elif stat.S_ISDIR(st.st_mode):
            if path.suffix == ".md":
                out.append(Problem(rel, 1, f"Thư mục '{path.name}' có tên như một trang (.md). Đổi tên thư mục,"
                                   " bỏ đuôi '.md'"))
        elif not stat.S_ISREG(st.st_mode):
            out.append(Problem(rel, 1, "Không phải tệp thường (thiết bị, FIFO hay socket): không được phép trong docs/."
                               " Xóa nó"))
        elif path.suffix == ".md" and not os.access(path, os.R_OK):
            out.append(Problem(rel, 1, "Không đọc được trang (không có quyền đọc). Cấp quyền đọc cho tệp"
                               " (chmod a+r) hoặc tạo lại tệp"))
    return out


def discover(root: Path = paths.ROOT) -> list[PageRec]:
    """All Markdown pages of every language, sorted by path (regular, readable files only)."""
    pages = []
    docs = Path(root) / "docs"
    for lang in paths.LANGUAGES:
        base = docs / lang
        prefix = len(str(base)) + 1
        for path in _regular_markdown(base):
            src = str(path)[prefix:].replace(os.sep, "/")  # path.relative_to(base), at 3,000 pages
            try:
                with open(path, "rb") as f:  # plain open: Path.read_bytes costs more at 2,700 pages
                    parsed = frontmatter.read(f.read())
            except OSError:
                continue  # named by file_problems
            pages.append(PageRec(
                rel=f"docs/{lang}/{src}", lang=lang, src=src, url=url_for(lang, src),
                meta=parsed.meta, body=parsed.body, body_line=parsed.body_line,
                lines=parsed.lines, problems=parsed.problems, front_matter=parsed.front_matter,
            ))
    return pages


def stray_markdown(root: Path = paths.ROOT) -> list[str]:
    """Markdown files under docs/ but outside every language folder (they would be lost)."""
    docs = Path(root) / "docs"
    if not docs.is_dir():
        return []
    return sorted(
        p.relative_to(root).as_posix() for p, st in walk(docs)
        if p.suffix == ".md" and stat.S_ISREG(st.st_mode) and p.relative_to(docs).parts[0] not in paths.LANGUAGES
    )


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def iso_day(value) -> str | None:
    """`value` if it is a real date written 'YYYY-MM-DD', else None (the front matter check
    reports a bad one)."""
    if not isinstance(value, str) or not ISO_DATE.match(value):
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return None
    return value


def page_day(meta) -> str | None:
    """A page's own date, 'YYYY-MM-DD': `date` for news (else `updated`), `updated` for the
    rest; None when absent or not a real date (the front matter check reports that)."""
    if not isinstance(meta, dict):
        return None
    return iso_day((meta.get("date") if meta.get("kind") == "news" else None) or meta.get("updated"))
