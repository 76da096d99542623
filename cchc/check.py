"""Run every check on a tree and return the problems, sorted. Pure: prints nothing."""
from pathlib import Path

from cchc import data as data_mod, news, paths, site
from cchc.check_coverage import check_coverage
from cchc.check_external import check_external
from cchc.check_lifecycle import check_data as check_lifecycle_data, check_pages as check_lifecycle
from cchc.check_links import check_links
from cchc.check_markup import check_markup
from cchc.check_pages import check_pages
from cchc.check_urls import check_urls
from cchc.placeholders import check_placeholders, check_untranslated, sample_texts
from cchc.problems import Problem


def run(root: Path = paths.ROOT, external: bool = False, fetch=None) -> tuple[list, dict]:
    """Returns (problems, counts). `counts` says how much was checked, for the summary."""
    root = Path(root)
    data, problems = data_mod.load(root)
    problems += check_lifecycle_data(data)  # units that ended, documents replaced: ids, sources, dates
    pages = site.discover(root) if (root / "docs").is_dir() else []
    vi_pages = [p for p in pages if p.lang == paths.DEFAULT_LANGUAGE]
    if not vi_pages:
        problems.append(Problem(f"docs/{paths.DEFAULT_LANGUAGE}", 1, f"Không tìm thấy trang nào (docs/{paths.DEFAULT_LANGUAGE}/**/*.md)."
                                " Kiểm tra đã chạy lệnh ở thư mục gốc của kho mã chưa"))
    problems += site.file_problems(root)  # links, folders named x.md, unreadable pages (cchc/site.py)
    for rel in site.stray_markdown(root):
        problems.append(Problem(rel, 1, f"Trang nằm ngoài docs/vi/ và docs/en/ nên sẽ không được xuất bản. Chuyển tệp vào docs/vi/"))
    # Page checks always run: a broken data file is reported on its own lines, and only the
    # ids that file should declare go unjudged (never every check at once, silently).
    problems += check_pages(data, pages)
    problems += check_lifecycle(data, pages)  # no ended unit or replaced document on a current page
    link_problems, links_out = check_links(data, pages, root)
    problems += link_problems
    problems += check_markup(pages, root, data.markup)
    problems += check_urls(data, pages, root)  # published addresses keep working
    problems += check_placeholders(pages, sample_texts(root / "templates"))  # templates' sample text left in
    problems += check_untranslated(pages)
    if external:
        problems += check_external(links_out, **({"fetch": fetch} if fetch else {}))
    problems += news.scheduled(pages)  # warnings: news dated after today
    if data.plans and vi_pages:  # with no pages at all, that one line says it all
        problems += check_coverage(data, pages)
    counts = {"pages": len(pages), "plans": len(data.plans)}
    return sorted(set(problems)), counts
