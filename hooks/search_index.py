"""Site search index: Pagefind, written to site/pagefind/ once every language is built.

Each page gives one record (cchc.search) as it is rendered; the English site leaves out
pages that only fall back to Vietnamese. When the last language is done, Pagefind writes
one index per language (it picks the one matching the reader's <html lang>). Material's
own search_index.json is deleted: its bundle never asks for it here (see
overrides/partials/search.html), and every phone used to download it on every page view.

The i18n plugin builds English inside its own on_post_build (priority -100), so this
hook's on_post_build runs after it (-110) and does the work only on the outermost call.
"""
import _path  # noqa: F401  (puts the repository on sys.path)
import html
import logging
import os
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from cchc import build_state, history, search

log = logging.getLogger("mkdocs.hooks.search_index")

OUTPUT_DIR = "pagefind"
# Pagefind's ready-made UIs, highlighter and web worker: our search.js uses none of them.
UNUSED = ("pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight.",
          "pagefind-worker.")

_records: list[search.Record] = []


def _inner_build(config) -> bool:
    """True inside the i18n plugin's build of a second language."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def on_pre_build(config):
    if not _inner_build(config):
        _records.clear()


def on_page_context(context, page, config, nav):
    meta = page.meta or {}
    if meta.get("fallback") or (meta.get("search") or {}).get("exclude"):
        return context  # an untranslated page is not an English result
    # escape_meta.py escaped the front matter for the templates; the index wants plain text.
    title = html.unescape(str(page.title or meta.get("title") or page.url))
    description = html.unescape(str(meta.get("description") or ""))
    url = "/" + page.url.lstrip("/")
    lang = config.theme["language"]
    records = history.for_build(build_state.data, build_state.pages)
    if records.is_record(lang, getattr(page.file, "norm_src_uri", page.file.src_uri)):
        title = f"{records.label(lang)}: {title}"  # a record of the past says so in the results
    _records.append(search.record(url, lang, title, description, page.content or ""))
    return context


@event_priority(-110)
def on_post_build(config):
    if _inner_build(config):
        return
    site_dir = Path(config.site_dir)
    stock = site_dir / "search" / "search_index.json"
    stock.unlink(missing_ok=True)
    if stock.parent.is_dir() and not any(stock.parent.iterdir()):
        stock.parent.rmdir()

    out = site_dir / OUTPUT_DIR
    started = time.perf_counter()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    write_index(_records, out)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    pagefind_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    counts = {}
    for r in _records:
        counts[r.lang] = counts.get(r.lang, 0) + 1
    # scripts/bench.py reads the Pagefind CPU seconds from this line.
    log.info("search: indexed %d pages (%s) in %.2f s (Pagefind %.2f CPU s)",
             len(_records), ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
             time.perf_counter() - started, pagefind_cpu)


def scratch_dir(size: int) -> str | None:
    """Where the documents for Pagefind are written: memory (/dev/shm) where the system has it
    with room to spare. They live for seconds; on disk, creating and deleting 3,000 folders and
    files cost about 1 CPU s of a 2,000-card build (maintainers/scale.md). None: the system's
    temp folder (a container's /dev/shm is often 64 MB)."""
    shm = "/dev/shm"
    try:
        roomy = shutil.disk_usage(shm).free > 2 * size + (64 << 20)
    except OSError:
        return None
    return shm if roomy and os.access(shm, os.W_OK | os.X_OK) else None


MISSING = ("Không tạo được chỉ mục tìm kiếm (Pagefind). Kiểm tra đã cài đủ gói: "
           "python3 -m pip install -r requirements.txt")


def pagefind_command() -> str:
    """The Pagefind program, found the way the pagefind package finds it (PAGEFIND_BINARY_PATH,
    then the pinned pagefind[bin] package, then PATH), and run directly rather than through
    `python3 -m pagefind`, which starts a second Python only to hand over to it."""
    try:
        from pagefind.service import get_executable

        program = get_executable()
    except ImportError as exc:
        raise PluginError(f"{MISSING}\n{exc}") from None
    if program is None:
        raise PluginError(MISSING)
    return str(program)


def write_index(records: list, out: Path):
    """Run the Pagefind CLI over one folded document per record, written to a temp tree at
    the record's URL (so Pagefind's URL is the page's). The CLI takes seconds for 2,000
    pages; Pagefind's Python API takes 100 ms a page (its service polls ten times a second).

    Pagefind writes its index into the same scratch space, and only the files our search.js
    uses are then copied into the site, one at a time: Pagefind creates its 3,000 fragment
    files from many threads in one folder, and on a disk file system (ext4) those threads
    spin on the folder's lock; in memory they do not. At 2,000 cards: Pagefind 3.9-5.0 CPU s
    writing to the site on ext4, 3.3 s writing to /dev/shm, plus 0.24 s for the copy
    (maintainers/scale.md, "fifth session")."""
    if out.exists():
        shutil.rmtree(out)
    documents = [(rec.url.strip("/"), search.pagefind_document(rec).encode("utf-8")) for rec in records]
    with tempfile.TemporaryDirectory(prefix="cchc-search-", dir=scratch_dir(sum(len(d) for _u, d in documents))) as tmp:
        site = Path(tmp, "site")
        for url, document in documents:
            path = Path(site, url, "index.html")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(document)
        index = Path(tmp, "index")
        cmd = [pagefind_command(), "--site", str(site), "--output-path", str(index), "--quiet"]
        try:
            result = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        except OSError as exc:
            result = subprocess.CompletedProcess(cmd, 1, "", str(exc))
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
            raise PluginError(MISSING + "\n" + "\n".join(detail))
        # copyfile: content only; the scratch files' modes and times mean nothing in the site.
        try:
            shutil.copytree(index, out, copy_function=shutil.copyfile,
                            ignore=lambda _dir, names: [n for n in names if n.startswith(UNUSED)])
        except (OSError, shutil.Error) as exc:
            raise PluginError(f"Không chép được chỉ mục tìm kiếm vào {out}: {exc}. Kiểm tra thư mục"
                              " đích còn chỗ trống và ghi được.") from None
