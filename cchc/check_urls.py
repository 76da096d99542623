"""Links that never break: every address the site once published keeps leading to a page.

data/published-urls.txt lists the addresses that must keep working: every published address
of both languages and, for the Vietnamese pages (the ones officials link to from the district
portal, decisions and chat groups), every heading anchor written in the page itself, one per
line: '/thu-tuc-hanh-chinh/mot-cua/' and '/thu-tuc-hanh-chinh/mot-cua/#noi-nop-ho-so'.

Nobody edits it by hand: after each publication the publish workflow runs
`python3 scripts/update_manifest.py` (adds what is new, never removes a line: a promise, once
made, stays) and commits the file. Anchors that markers generate (catalogue groups by lĩnh vực
or level, which move when the data changes) are never recorded.

The check fails, naming the manifest line, when an address no longer leads to a page
(directly or through data/redirects.yml) or an anchor is gone from its page. A new page is
never an error: it is recorded once it is published.
"""
from pathlib import Path

from cchc import english, markers, paths, redirects as redirects_mod
from cchc.check_links import anchors as body_anchors
from cchc.problems import Problem
from cchc.site import url_for

MANIFEST = "data/published-urls.txt"
# mkdocs.yml sets the i18n plugin's fallback_to_default: true, so an untranslated section
# index page is also published under /en/ (with a "not yet translated" notice); every other
# untranslated page is linked, not copied (cchc/english.py).
FALLBACK_TO_DEFAULT = True

HEADER = """\
# Mọi địa chỉ trang web đã công bố (tiếng Việt trước, tiếng Anh sau) và địa chỉ các đề mục của
# trang tiếng Việt. Cán bộ đã dẫn các địa chỉ này trên cổng thông tin, trong văn bản, nhóm Zalo:
# mỗi địa chỉ phải dùng được nhiều năm. Không cần sửa tay: sau mỗi lần xuất bản, quy trình xuất bản
# (.github/workflows/publish.yml) chạy 'python3 scripts/update_manifest.py', lệnh này chỉ thêm dòng.
# Khi trang chuyển đi hoặc bị xóa, không xóa dòng của nó: thêm chuyển hướng vào data/redirects.yml
# ('python3 scripts/check.py' báo lỗi cho tới khi có).
"""


class Published:
    """The addresses the current tree publishes, with the page behind each, and the anchors
    each page will have (computed on demand: it needs marker expansion)."""

    def __init__(self, data, pages):
        self.data, self.pages = data, pages
        self.by_url = {}  # url -> (PageRec whose text is shown, language of the address)
        real = {(p.lang, p.src) for p in pages}
        for p in pages:
            self.by_url[p.url] = (p, p.lang)
        if FALLBACK_TO_DEFAULT:
            linked = english.linked_only(pages)
            for p in pages:
                if p.lang != paths.DEFAULT_LANGUAGE or p.src in linked:
                    continue
                for lang in paths.LANGUAGES[1:]:
                    if (lang, p.src) not in real:
                        self.by_url[url_for(lang, p.src)] = (p, lang)
        self.urls = set(self.by_url)
        self._anchors = {}

    def anchors(self, url: str) -> set:
        if url not in self.by_url:
            return set()
        if url not in self._anchors:
            page, lang = self.by_url[url]
            body = page.body
            if self.data is not None:
                try:
                    body = markers.expand(page.body, markers.Context(self.data, self.pages, lang, page.src))
                except Exception:  # noqa: BLE001 - a broken marker is reported by check_links
                    body = page.body
            self._anchors[url] = body_anchors(body)
        return self._anchors[url]


def parse_manifest(text: str) -> tuple[list, list]:
    """([(line, url, anchor)], [(line, message)]) from the manifest's text."""
    entries, bad = [], []
    for n, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        url, _, anchor = line.partition("#")
        if not url.startswith("/") or " " in line or "#" in anchor:
            bad.append((n, f"Dòng '{line}' không phải một địa chỉ. Mỗi dòng là một đường dẫn bắt đầu bằng '/',"
                           " có thể kèm '#mục', ví dụ /thu-tuc-hanh-chinh/mot-cua/#noi-nop-ho-so"))
            continue
        entries.append((n, url, anchor))
    return entries, bad


def listed_urls(root: Path) -> set:
    """The addresses (no anchors) data/published-urls.txt lists; none when it is missing or unreadable."""
    path = Path(root) / MANIFEST
    try:
        entries, _bad = parse_manifest(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError):
        return set()
    return {url for _n, url, anchor in entries if not anchor}


def current_lines(published: Published) -> set:
    """What the tree publishes now: every address, and the anchors of the headings written in
    the Vietnamese pages themselves (not those markers generate: catalogue groups follow the
    data and would turn a renamed lĩnh vực into a broken promise)."""
    out = set(published.urls)
    for url, (page, lang) in published.by_url.items():
        if lang == paths.DEFAULT_LANGUAGE and page.lang == lang:
            out.update(f"{url}#{a}" for a in body_anchors(page.body))
    return out


def _sort_key(line: str):
    url, _, anchor = line.partition("#")
    lang = redirects_mod.lang_of(url)
    return (paths.LANGUAGES.index(lang) if lang in paths.LANGUAGES else len(paths.LANGUAGES), url, anchor != "", anchor)


def render_manifest(lines) -> str:
    return HEADER + "\n".join(sorted(set(lines), key=_sort_key)) + "\n"


def updated_manifest(root: Path, data, pages) -> tuple[str, list]:
    """(new manifest text, lines added). Existing lines are kept, even for pages that are gone."""
    path = Path(root) / MANIFEST
    existing = set()
    if path.is_file():
        entries, _bad = parse_manifest(path.read_text("utf-8"))
        existing = {url + (f"#{anchor}" if anchor else "") for _n, url, anchor in entries}
    current = current_lines(Published(data, pages))
    added = sorted(current - existing, key=_sort_key)
    return render_manifest(existing | current), added


def _redirect_hint(url: str, published: set) -> str:
    """The page a lost address most likely moved to, else its nearest parent page (a removed
    page is best sent to its section), else the language's home page."""
    hint = redirects_mod.closest(url, published)
    parent = url
    while not hint and parent != "/":
        parent = parent.rstrip("/").rsplit("/", 1)[0] + "/"
        hint = parent if parent in published else None
    return hint or "/"


def check_urls(data, pages, root) -> list:
    """Problems with published addresses and redirects. A tree without the manifest has made
    no promises yet (the checker's own fixture trees): only its redirects are checked."""
    root = Path(root)
    published = Published(data, pages)
    written, problems = redirects_mod.load(root)
    expanded = redirects_mod.with_twins(written, published.urls, published.anchors)
    problems += redirects_mod.validate(expanded, published.urls, published.anchors)
    path = root / MANIFEST
    if not path.is_file():
        return problems
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return problems + [Problem(MANIFEST, 1, "Tệp không phải mã UTF-8. Chạy lại 'python3 scripts/update_manifest.py'")]
    entries, bad = parse_manifest(text)
    problems += [Problem(MANIFEST, n, msg) for n, msg in bad]
    if not entries:
        problems.append(Problem(MANIFEST, 1, "Tệp không có địa chỉ nào. Chạy 'python3 scripts/update_manifest.py' để ghi các địa chỉ đã xuất bản"))
        return problems

    listed = {url for _n, url, anchor in entries if not anchor}
    expanded += english.published_redirects(pages, listed)
    for n, url, anchor in entries:
        final = redirects_mod.resolve(url, expanded, published.urls)
        if final is None:
            if anchor and url in listed:
                continue  # the address's own line says it
            lang = redirects_mod.lang_of(url)
            vi_url = url[len(lang) + 1:] if lang != paths.DEFAULT_LANGUAGE else None
            if vi_url and vi_url in listed and redirects_mod.resolve(vi_url, expanded, published.urls) is None:
                fix = f"Mục chuyển hướng thêm cho '{vi_url}' áp dụng luôn cho địa chỉ tiếng Anh này"
            else:
                fix = (f"Thêm vào data/redirects.yml một mục '- from: {url}' với 'to: {_redirect_hint(url, published.urls)}'"
                       " (địa chỉ trang mới)")
            problems.append(Problem(MANIFEST, n, (
                f"Địa chỉ '{url}' đã công bố nhưng không còn trang nào: trang đã bị xóa hoặc đổi tên mà chưa có"
                f" chuyển hướng, nên liên kết cũ trên cổng thông tin, văn bản, nhóm Zalo sẽ báo lỗi 404. {fix}")))
            continue
        if not anchor:
            continue
        final_path, _, final_anchor = final.partition("#")
        if final_anchor:
            continue  # the redirect sends the reader to its own, checked, anchor
        if anchor not in published.anchors(final_path):
            page, _lang = published.by_url[final_path]
            moved = f" (địa chỉ '{url}' nay chuyển đến '{final_path}')" if final_path != url else ""
            problems.append(Problem(MANIFEST, n, (
                f"Mục '#{anchor}' không còn trên trang {final_path} ({page.rel}){moved}: liên kết '{url}#{anchor}'"
                f" sẽ chỉ mở đầu trang. Nếu đã đổi tên đề mục, giữ địa chỉ cũ bằng cách thêm"
                f" {{#{anchor}}} vào cuối dòng đề mục, ví dụ '## Tên mới {{#{anchor}}}'")))

    return problems
