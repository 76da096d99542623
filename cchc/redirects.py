"""Redirects: old addresses that keep working after a page moves (data/redirects.yml).

Pure functions shared by the editors' checker (cchc.check_urls), the build hook
(hooks/redirects.py) and the tests. The build writes, for every redirect, a static
HTML page at the old address (works on any static host, without JavaScript) and one nginx
rule, so an agency that runs nginx can answer with a real 301 instead.

An entry for a Vietnamese address also covers its English twin: the i18n plugin publishes
every Vietnamese page under /en/ too (translated or not), so a page that moves moves in both
languages, and an editor writes one entry, not two. Untranslated procedure cards have no
/en/ page (cchc/english.py): the English twin of a moved card leads to the Vietnamese card.
"""
import html
import json
import posixpath
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from urllib.parse import urlsplit

from cchc import paths, yamlio
from cchc.data import validator
from cchc.problems import Problem
from cchc.schema import explain

REL = "data/redirects.yml"
NGINX_FILE = "nginx-redirects.conf"
MARK = "<!-- cchc:redirect -->"  # tells the hook a file at an old address is its own


@dataclass(frozen=True)
class Redirect:
    source: str  # old address: '/thu-tuc/mot-cua/' or '/en/thu-tuc/mot-cua/' or '/cu.html'
    target: str  # '/thu-tuc-hanh-chinh/mot-cua/', optionally with '#anchor'
    line: int  # line of the entry in data/redirects.yml
    twin_of: str | None = None  # for an English twin: the Vietnamese address it was derived from

    @property
    def target_path(self) -> str:
        return self.target.partition("#")[0]

    @property
    def target_anchor(self) -> str:
        return self.target.partition("#")[2]


def lang_of(url: str) -> str:
    """'/en/a/' -> 'en'; '/a/' -> 'vi' (the default language lives at the root)."""
    first = url.strip("/").split("/", 1)[0]
    return first if first in paths.LANGUAGES[1:] else paths.DEFAULT_LANGUAGE


def load(root: Path = paths.ROOT) -> tuple[list, list]:
    """(redirects as written, problems). A tree without data/redirects.yml has none."""
    path = Path(root) / REL
    if not path.is_file():
        return [], []
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return [], [Problem(REL, 1, f"Tệp không phải mã UTF-8 ({exc.reason}). Hãy lưu lại với bảng mã UTF-8")]
    parsed = yamlio.parse(text)
    if parsed.error:
        return [], [Problem(REL, parsed.error_line, parsed.error)]
    problems, bad = [], set()
    for err in validator("redirects").iter_errors(parsed.value):
        where = tuple(err.absolute_path)
        line = yamlio.line_of(parsed.lines, where)
        if len(where) >= 2 and where[0] == "redirects" and isinstance(where[1], int):
            bad.add(where[1])  # one broken entry: report it, keep checking the others
        else:
            bad.add(None)
        field = where[2] if len(where) >= 3 else None
        if err.validator == "pattern" and field in ("from", "to"):
            problems.append(Problem(REL, line, (
                f"{field}: '{err.instance}' không phải địa chỉ hợp lệ. Viết đường dẫn tính từ gốc trang web, chữ thường"
                " không dấu, bắt đầu và kết thúc bằng '/', ví dụ /thu-tuc-hanh-chinh/mot-cua/"
                + (" (có thể kèm mục, ví dụ /thu-tuc-hanh-chinh/mot-cua/#noi-nop-ho-so)" if field == "to" else
                   " (địa chỉ của trang web cũ có thể kết thúc bằng .html)"))))
        else:
            problems.append(Problem(REL, line, explain(err, "schemas/redirects.schema.json")))
    if None in bad:
        return [], problems
    out = []
    for i, entry in enumerate(parsed.value["redirects"]):
        if i not in bad:
            out.append(Redirect(entry["from"], entry["to"], yamlio.line_of(parsed.lines, ("redirects", i, "from"))))
    return out, problems


def with_twins(redirects: list, published: set, anchors_of=None) -> list:
    """The redirects plus, for each Vietnamese page address, the same move under every other
    language's prefix, unless written out explicitly or that address is still a page.
    A twin keeps the target's anchor only where the translated page has it."""
    explicit = {r.source for r in redirects}
    out = list(redirects)
    for r in redirects:
        if lang_of(r.source) != paths.DEFAULT_LANGUAGE or lang_of(r.target) != paths.DEFAULT_LANGUAGE:
            continue
        if r.source.endswith(".html"):
            continue  # a file of an earlier site: it had no English twin
        for lang in paths.LANGUAGES[1:]:
            source, target_path = f"/{lang}{r.source}", f"/{lang}{r.target_path}"
            if source in explicit or source in published:
                continue
            if target_path not in published and r.target_path in published:
                target_path = r.target_path  # no English page there (a card linked, not copied: cchc/english.py)
            anchor = r.target_anchor
            if anchor and anchors_of is not None and anchor not in anchors_of(target_path):
                anchor = ""
            out.append(Redirect(source, target_path + (f"#{anchor}" if anchor else ""), r.line, twin_of=r.source))
    return out


def table(redirects: list) -> dict:
    """old address -> redirect (the first entry wins; duplicates are reported by validate)."""
    out = {}
    for r in redirects:
        out.setdefault(r.source, r)
    return out


def resolve(url: str, redirects: list, published: set) -> str | None:
    """Where the address `url` (no anchor) finally leads: itself when it is a page, else the
    last redirect's target (with its anchor, if any); None when it leads to no page.
    Follows at most as many steps as there are redirects, so a loop ends."""
    by_source = table(redirects)
    current = url
    for _ in range(len(by_source) + 1):
        path = current.partition("#")[0]
        if path in published:
            return current
        if path not in by_source:
            return None
        current = by_source[path].target
    return None


def closest(path: str, published: set) -> str | None:
    """The published address most likely meant: same last part and language (a page moved to
    another folder), else the closest spelling."""
    last = path.rstrip("/").rsplit("/", 1)[-1]
    same_name = sorted(u for u in published if u != path and u.rstrip("/").rsplit("/", 1)[-1] == last
                       and lang_of(u) == lang_of(path))
    hint = same_name or get_close_matches(path, sorted(u for u in published if lang_of(u) == lang_of(path)), n=1)
    return hint[0] if hint else None


def _suggest(path: str, published: set) -> str:
    hint = closest(path, published)
    return f" Có phải là '{hint}'?" if hint else ""


def validate(redirects: list, published: set, anchors_of) -> list:
    """Problems in the (expanded) redirects: an old address that is still a page, a target
    that is no page or lacks its anchor, a redirect to another redirect, a loop, duplicates."""
    problems = []
    seen = {}
    by_source = table(redirects)
    for r in redirects:
        def add(message):
            problems.append(Problem(REL, r.line, message))

        if r.twin_of is None:
            if r.source in seen:
                add(f"Địa chỉ cũ '{r.source}' đã có chuyển hướng ở dòng {seen[r.source]}. Mỗi địa chỉ cũ chỉ ghi một lần")
                continue
            seen[r.source] = r.line
        where = f" (bản tiếng Anh của '{r.twin_of}')" if r.twin_of else ""
        if r.source in published:
            if r.twin_of is None:
                add(f"'{r.source}' vẫn là địa chỉ của một trang đang có; chuyển hướng sẽ che mất trang đó."
                    " Chỉ thêm chuyển hướng khi trang đã chuyển đi hoặc bị xóa")
            continue
        path, anchor = r.target_path, r.target_anchor
        if path == r.source:
            add(f"'{r.source}' chuyển hướng về chính nó. Sửa 'to' thành địa chỉ của trang mới")
            continue
        if path in by_source:
            if r.twin_of:
                continue  # the Vietnamese entry's own line already says it
            chain, current = [r.source], path
            while current in by_source and current not in chain:
                chain.append(current)
                current = by_source[current].target_path
            if current in chain:
                add("Chuyển hướng tạo thành vòng lặp: " + " -> ".join(chain + [current])
                    + ". Sửa 'to' thành địa chỉ của một trang đang có")
            else:
                final = resolve(path, redirects, published) or current
                add(f"'{r.target}' cũng là một địa chỉ cũ đã chuyển hướng ({' -> '.join(chain[1:] + [final])})."
                    f" Chuyển thẳng một bước: sửa 'to' thành '{final}'")
            continue
        if path not in published:
            if r.twin_of and by_source[r.twin_of].target_path not in published:
                continue  # the Vietnamese entry's own line already says it
            add(f"Địa chỉ đích '{path}'{where} không phải trang nào đang có.{_suggest(path, published)}"
                " Địa chỉ trang là đường dẫn tệp trong docs/vi/ bỏ '.md', có '/' ở đầu và cuối, ví dụ /thu-tuc-hanh-chinh/mot-cua/")
            continue
        if anchor and anchor not in anchors_of(path):
            known = sorted(anchors_of(path))
            shown = ", ".join(known[:15]) + (", ..." if len(known) > 15 else "")
            add(f"Trang '{path}'{where} không có mục '#{anchor}'. Các mục có: {shown or '(không có)'}")
    return problems


# ----------------------------------------------------------------- what the build writes

def output_file(source: str) -> str:
    """Where the redirect page for `source` goes inside the site: '/a/b/' -> 'a/b/index.html',
    '/cu.html' -> 'cu.html'."""
    path = source.lstrip("/")
    return path if path.endswith(".html") else f"{path}index.html"


def relative_target(r: Redirect) -> str:
    """The target relative to the old address, so the page works under any host and path."""
    here = posixpath.dirname("/" + output_file(r.source))
    rel = posixpath.relpath(r.target_path.rstrip("/") or "/", here)
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{r.target_anchor}" if r.target_anchor else "")


def absolute(site_url: str, path: str) -> str:
    """site_url 'https://host/cchc/' + '/a/' -> 'https://host/cchc/a/'."""
    return site_url.rstrip("/") + path


TEXT = {
    "vi": ("Trang đã chuyển sang địa chỉ mới", "Trang này đã chuyển sang địa chỉ mới:",
           "Nếu trình duyệt không tự mở trang mới, hãy bấm vào liên kết trên. Nếu bạn đã lưu"
           " hoặc chia sẻ địa chỉ cũ, hãy thay bằng địa chỉ mới."),
    "en": ("This page has moved", "This page has moved to a new address:",
           "If your browser does not open it by itself, follow the link above. If you saved"
           " or shared the old address, please use the new one."),
}
# An English address whose page has no English version (cchc/english.py): it leads to the
# Vietnamese page, and says so rather than that the page "moved".
TEXT_ONLY_VI = ("This page is in Vietnamese only", "There is no English version of this page. It is in Vietnamese at:",
                "If your browser does not open it by itself, follow the link above. If you saved or shared"
                " this address, please use the Vietnamese one.")


def page_html(r: Redirect, site_url: str) -> str:
    """A static redirect page: meta refresh and a visible link (no JavaScript needed), the
    canonical address of the new page, and one line of script that keeps a '#heading' of
    the old link (meta refresh drops it)."""
    lang = lang_of(r.source)
    only_vi = lang != paths.DEFAULT_LANGUAGE and lang_of(r.target) == paths.DEFAULT_LANGUAGE
    title, lead, note = TEXT_ONLY_VI if only_vi else TEXT.get(lang, TEXT["en"])
    hreflang = f' hreflang="{paths.DEFAULT_LANGUAGE}"' if only_vi else ""
    rel = relative_target(r)
    canonical = absolute(site_url, r.target_path)
    shown = absolute(site_url, r.target)
    return f"""<!doctype html>
{MARK}
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(title)}</title>
<link rel="canonical" href="{html.escape(canonical)}">
<script>var t={json.dumps(rel)};location.replace(t+(t.indexOf("#")<0?location.hash:""))</script>
<meta http-equiv="refresh" content="0; url={html.escape(rel)}">
</head>
<body>
<h1>{html.escape(title)}</h1>
<p>{html.escape(lead)} <a href="{html.escape(rel)}"{hreflang}>{html.escape(shown)}</a></p>
<p>{html.escape(note)}</p>
</body>
</html>
"""


def nginx_rules(redirects: list, site_url: str) -> str:
    """`location = /old/ { return 301 /new/; }`, one line per redirect, for `include` inside
    the site's server block. Paths carry site_url's path when the site lives below the root."""
    prefix = urlsplit(site_url).path.rstrip("/")
    lines = [
        "# Generated by hooks/redirects.py from data/redirects.yml at build time; do not edit.",
        "# Use inside the site's server { } block:  include /path/to/site/nginx-redirects.conf;",
    ]
    for r in sorted(redirects, key=lambda r: r.source):
        target = prefix + r.target
        if "#" in target:
            target = f'"{target}"'  # '#' would start an nginx comment
        lines.append(f"location = {prefix}{r.source} {{ return 301 {target}; }}")
    return "\n".join(lines) + "\n"
