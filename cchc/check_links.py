"""Internal links and heading anchors, checked from the Markdown source with file and line.

MkDocs' own `validation:` (with --strict) checks the same at build time; this check runs in
a second without a build and tells editors the line and the fix in Vietnamese. External
links are only listed here; scripts/check.py --external fetches them.
"""
import html
import posixpath
import re

from cchc import markers, news, paths
from cchc.problems import Problem
from cchc.slug import slugify

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`+[^`]*`+")
# [text](target "title"): the target may hold balanced parentheses, as CommonMark allows.
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+[\"'(][^)]*)?\s*\)")
REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
NOT_PARAGRAPH = re.compile(r"^\s*$|^ {0,3}(#|>|[-*+] |\d+[.)] |\||!!!|\?\?\?|<)")
ATTR_ID = re.compile(r"\{[:\s]*[^}]*#([A-Za-z0-9_:.-]+)[^}]*\}\s*$")
HTML_ID = re.compile(r"\bid=[\"']([^\"']+)[\"']")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def plain_url(target: str) -> str:
    """The address a browser follows: entities decoded ('&#106;avascript:' is 'javascript:'),
    and the tabs, newlines and control characters it ignores removed."""
    return re.sub(r"[\x00-\x20]", "", html.unescape(target))


def _strip_inline(text: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", text)


def lines_outside_code(body: str):
    """Yield (1-based line, text) for lines not inside fenced code, inline code removed."""
    fence = None
    for n, line in enumerate(body.split("\n"), 1):
        m = FENCE.match(line)
        if m:
            fence = None if fence == m.group(1) else (fence or m.group(1))
            continue
        if fence is None:
            yield n, INLINE_CODE.sub("", line)


def _from_broken_plan(data, body: str) -> bool:
    """Whether the page's generated part depends on a plan file that failed its checks (reported
    there once). Only when a plan file's id could not even be read is every marker in doubt."""
    if not data.plans_incomplete:
        return False
    if not data.broken_plans:
        return bool(markers.MARKER.search(body))
    return any(m.group(1) == "plan" and m.group(2).strip() in data.broken_plans for m in markers.MARKER.finditer(body))


def anchors(body: str) -> set:
    """Anchor ids the rendered page will have: heading slugs (deduplicated as toc does),
    explicit {#id} attributes and HTML id attributes."""
    found, seen = set(), {}
    previous = ""
    for _n, line in lines_outside_code(body):
        found.update(HTML_ID.findall(line))
        m = HEADING.match(line)
        if m:
            text = m.group(2)
        elif SETEXT.match(line) and previous and not NOT_PARAGRAPH.match(previous):
            text = previous.strip()  # 'Text' underlined with === or --- is a heading too
        else:
            previous = line
            continue
        previous = ""
        explicit = ATTR_ID.search(text)
        if explicit:
            found.add(explicit.group(1))
            continue
        base = slugify(_strip_inline(text))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}_{count}")
    return found


def links(body: str):
    """Yield (1-based line, target) for every Markdown link and image in `body`."""
    for n, line in lines_outside_code(body):
        for m in LINK.finditer(line):
            yield n, m.group(1)
        m = REF_DEF.match(line)
        if m:
            yield n, m.group(1)


def check_links(data, pages, root) -> tuple[list, list]:
    """Returns (problems, external links as (page, line, url))."""
    problems, external = [], []
    # Every page that exists, even one whose front matter is broken (that is reported once,
    # by the front matter check; a link to it is not "missing").
    by_lang = {lang: {p.src: p for p in pages if p.lang == lang} for lang in paths.LANGUAGES}
    expanded = {}
    try:
        waiting = news.unpublished(pages)  # news not built before its day
    except ValueError:  # a malformed CCHC_TODAY: said once, by the lifecycle check
        waiting = set()

    def anchors_of(page):
        key = (page.lang, page.src)
        if key not in expanded:
            ctx = markers.Context(data, pages, page.lang, page.src)
            try:
                body = markers.expand(page.body, ctx)
            except markers.MarkerError:
                body = page.body  # reported once, below, for the page itself
            expanded[key] = anchors(body)
        return expanded[key]

    for page in pages:
        if page.meta is None:
            continue

        def add(line, message):
            problems.append(Problem(page.rel, page.body_line + line - 1, message))

        try:
            markers.expand(page.body, markers.Context(data, pages, page.lang, page.src))
        except markers.MarkerError as exc:
            if not _from_broken_plan(data, page.body):  # else the broken plan file is the one problem to fix
                add(exc.line, str(exc))
        for line, target in links(page.body):
            if not target:
                add(line, "Liên kết rỗng '()'. Điền đường dẫn tới tệp .md, ví dụ (../thu-tuc-hanh-chinh/mot-cua.md)")
                continue
            if SCHEME.match(target) or SCHEME.match(plain_url(target)):
                scheme = plain_url(target).split(":", 1)[0].lower()
                if scheme in ("http", "https"):
                    external.append((page, page.body_line + line - 1, target))
                elif scheme not in ("mailto", "tel"):
                    add(line, f"Liên kết '{target}' dùng giao thức '{scheme}:' không được phép. Chỉ dùng https://, mailto: hoặc tel:")
                continue
            path, _, anchor = target.partition("#")
            if path.startswith("/"):
                add(line, f"Liên kết tuyệt đối '{target}' sẽ hỏng khi trang web đặt ở thư mục khác."
                    " Dùng đường dẫn tương đối tới tệp .md, ví dụ '../ke-hoach/index.md'")
                continue
            if not path:
                target_page = page
            else:
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.src), path))
                if resolved.startswith("../") or resolved == "..":
                    add(line, f"Liên kết '{target}' trỏ ra ngoài thư mục docs/{page.lang}/")
                    continue
                if not resolved.endswith(".md"):
                    if not ((root / "docs" / page.lang / resolved).is_file() or (root / "docs" / resolved).is_file()):
                        add(line, f"Liên kết '{target}': không có tệp docs/{page.lang}/{resolved}."
                            " Liên kết tới trang thì ghi tên tệp .md (ví dụ 'mot-cua.md'), không ghi địa chỉ web")
                    continue
                target_page = by_lang[page.lang].get(resolved) or by_lang[paths.DEFAULT_LANGUAGE].get(resolved)
                if target_page is None:
                    add(line, f"Liên kết '{target}': không có trang docs/{page.lang}/{resolved}. Kiểm tra tên tệp và số '../'")
                    continue
                if (target_page.lang, target_page.src) in waiting and (page.lang, page.src) not in waiting:
                    problems.append(Problem(page.rel, page.body_line + line - 1, (
                        f"Liên kết '{target}' tới tin đề ngày sau hôm nay: trang tin đó chưa được dựng, người đọc"
                        " bấm vào sẽ gặp trang không tìm thấy. Tạm bỏ liên kết này cho tới ngày đăng tin, hoặc sửa"
                        " 'date' của tin nếu đề nhầm ngày"),
                        "warning"))
            if anchor and target_page.meta is None:
                continue  # its front matter is broken: the anchors cannot be known yet
            if anchor and target_page is not page and _from_broken_plan(data, target_page.body):
                continue  # generated headings depend on a plan file that failed to load
            if anchor and anchor not in anchors_of(target_page):
                known = sorted(anchors_of(target_page))
                shown = ", ".join(known[:15]) + (", ..." if len(known) > 15 else "")
                add(line, f"Liên kết '{target}': trang {target_page.rel} không có mục '#{anchor}'."
                    f" Các mục có: {shown or '(không có)'}")
    return problems, external
