#!/usr/bin/env python3
"""Compare Material's stock search with ours (Pagefind over folded text) on the same pages.

For each corpus (the real site; the real site plus N synthetic pages from scripts/bench.py,
a third of them also in English) and each design, it builds the site in a temp copy of the
repository, serves it on 127.0.0.1, and in headless Chromium (a phone-sized, cold-cache
context) records what the network carries:

  page view    load a page, wait until the network is quiet
  open search  tap the header's search button
  first query  type the query, wait for results and a quiet network

Bytes are counted raw (as the files are) and as a server gzipping text would send them
(files Pagefind already compresses are counted once). It also reports whether accented and
unaccented queries find the same first page, the build time and the search data on disk.

    python3 scripts/bench_search.py                    # real site + 2,000 synthetic pages
    python3 scripts/bench_search.py --pages 0          # real site only
    python3 scripts/bench_search.py --json out.json    # also write the figures as JSON

"stock" is the same tree without overrides/partials/search.html and without the
search_index and stock_search hooks: Material 9.8.1's own search. Nothing here needs the network.
"""
import argparse
import functools
import gzip
import http.server
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


# Our search: the index hook, and the hook that stops Material indexing pages nobody fetches.
STOCK_REMOVES = ("  - hooks/search_index.py\n", "  - hooks/stock_search.py\n")
PARTIAL = Path("overrides/partials/search.html")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update"]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}
QUERIES = {  # accented query -> its unaccented twin
    "vi": [("dịch vụ công", "dich vu cong"), ("thủ tục một cửa", "thu tuc mot cua"),
           ("đăng ký", "dang ky"), ("chỉ số hài lòng", "chi so hai long")],
    "en": [("online public service", "online public service")],
}
COMPRESSIBLE = re.compile(r"text/|javascript|json|xml|svg")
SEARCH_URL = re.compile(r"/search/|/pagefind/|workers/search|/lunr/|/assets/javascripts/search\.js")


# ---------------------------------------------------------------- building

def copy_repo(dest: Path):
    ignore = shutil.ignore_patterns(".git", "site", "__pycache__", "node_modules", ".pytest_cache")
    shutil.copytree(ROOT, dest, ignore=ignore)


def make_synthetic(dest: Path, pages: int):
    """This site plus `pages` synthetic Vietnamese pages (a third also in English): the
    province-sized corpus of scripts/bench.py (scripts/bench_corpus.py), so both benchmarks
    measure the same pages."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench  # scripts/bench.py

    bench.make_tree(dest, pages)


def use_design(dest: Path, design: str):
    """'stock': Material's own search, as if our search had never been added."""
    if design != "stock":
        return
    (dest / PARTIAL).unlink(missing_ok=True)
    cfg = dest / "mkdocs.yml"
    text = cfg.read_text("utf-8")
    for line in STOCK_REMOVES:
        text = text.replace(line, "")
    cfg.write_text(text, "utf-8")


def build(dest: Path) -> dict:
    site = dest / "site"
    # A synthetic tree has no cchc/ of its own: the hooks import this checkout's.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    load = os.getloadavg()[0]
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(dest / "mkdocs.yml"),
                             "-d", str(site)], cwd=dest, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds (build + Pagefind's CLI): wall seconds grow with other helpers' load.
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    if result.returncode != 0:
        sys.exit(f"build failed in {dest}:\n{result.stderr[-3000:]}")
    indexed = re.search(r"search: indexed (\d+) pages \(([^)]*)\) in ([\d.]+) s", result.stderr)
    pages = len(list(site.rglob("index.html")))
    on_disk = {name: _du(site / name) for name in ("search", "pagefind") if (site / name).exists()}
    return {"site": site, "build_s": round(seconds, 1), "build_cpu_s": round(cpu, 1),
            "loadavg_1min": round(load, 2), "html_pages": pages,
            "index_s": float(indexed.group(3)) if indexed else None, "search_data_on_disk": on_disk}


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# ---------------------------------------------------------------- measuring

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Serve:
    def __init__(self, site: Path):
        self.server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self):
        self.server.shutdown()


class Recorder:
    """Every response the context receives: URL, raw bytes, bytes if gzipped when text."""

    def __init__(self, context):
        self.rows = []
        self.last = time.monotonic()
        self.in_flight = 0  # a 10 MB index is one long response: quiet means none pending
        context.on("request", self._on_request)
        context.on("requestfinished", self._on_done)
        context.on("requestfailed", self._on_done)
        context.on("response", self._on_response)

    def _on_request(self, request):
        self.in_flight += 1
        self.last = time.monotonic()

    def _on_done(self, request):
        self.in_flight -= 1
        self.last = time.monotonic()

    def _on_response(self, response):
        self.last = time.monotonic()
        try:
            body = response.body()
        except Exception:
            return
        kind = response.headers.get("content-type", "")
        packed = len(gzip.compress(body, 6)) if COMPRESSIBLE.search(kind) else len(body)
        self.rows.append((response.url, len(body), packed))

    def mark(self) -> int:
        return len(self.rows)

    def since(self, start: int, base: str) -> dict:
        rows = self.rows[start:]
        search_rows = [r for r in rows if SEARCH_URL.search(r[0])]
        return {
            "requests": len(rows), "raw": sum(r[1] for r in rows), "gzip": sum(r[2] for r in rows),
            "search_requests": len(search_rows), "search_raw": sum(r[1] for r in search_rows),
            "search_gzip": sum(r[2] for r in search_rows),
            "largest": sorted(((r[1], r[0].replace(base, "")) for r in rows), reverse=True)[:3],
        }


def quiet(page, recorder, ms=600, limit=60):
    """Wait until no request is pending and none has started or ended for `ms` milliseconds."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        page.wait_for_timeout(100)
        if recorder.in_flight <= 0 and time.monotonic() - recorder.last > ms / 1000:
            return


RESULT_META = """() => {
  const m = document.querySelector('.md-search-result__meta');
  const t = m ? m.innerText.trim() : '';
  if (/Không tìm thấy|No matching/.test(t)) return true;
  return /\\d/.test(t) && !!document.querySelector('.md-search-result__item a[href]');
}"""


def run_query(page, query: str) -> dict:
    """Type a query like a reader (keyup included: Material listens for it) and read the
    result count and the first result's path. The box is cleared first, so the count read
    is the new query's and not the previous one's."""
    box = page.locator(".md-search__input")
    box.fill("")
    box.press("End")
    page.wait_for_function("() => !/\\d/.test(document.querySelector('.md-search-result__meta').innerText)",
                           timeout=10_000)
    box.fill(query)
    box.press("End")
    try:
        # Material's worker builds its whole index first ("Initializing search"): at +2,000
        # pages on a loaded 2-core machine that takes tens of seconds.
        page.wait_for_function(RESULT_META, timeout=120_000)
    except Exception:
        return {"count": None, "first": None}
    meta = page.locator(".md-search-result__meta").inner_text().strip()
    # Material shortens counts from 1,000 on: "2.3k tài liệu liên quan". Kept as shown.
    found = re.search(r"\d+(?:[.,]\d+)?k?", meta)
    first = page.evaluate("""() => {
      const a = document.querySelector('.md-search-result__item a[href]');
      return a ? new URL(a.href).pathname : null;
    }""")
    count = found.group() if found else "0"
    return {"count": int(count) if count.isdigit() else count, "first": first}


def measure(browser, site: Path, path: str, lang: str) -> dict:
    server = Serve(site)
    out = {}
    try:
        context = browser.new_context(**PHONE)
        recorder = Recorder(context)
        page = context.new_page()
        page.goto(server.base + path, wait_until="load")
        quiet(page, recorder)
        out["page_view"] = recorder.since(0, server.base)
        mark = recorder.mark()
        page.locator("header .md-header__button[for='__search']").click()
        page.locator(".md-search__input").wait_for(state="visible")
        quiet(page, recorder)
        out["open_search"] = recorder.since(mark, server.base)
        mark = recorder.mark()
        accented, plain = QUERIES[lang][0]
        out["first_query_result"] = run_query(page, plain)
        quiet(page, recorder)
        out["first_query"] = recorder.since(mark, server.base)
        pairs = []
        for accented, plain in QUERIES[lang]:
            a, p = run_query(page, accented), run_query(page, plain)
            pairs.append({"accented": accented, "plain": plain, "accented_hits": a["count"],
                          "plain_hits": p["count"], "same_first": a["first"] == p["first"],
                          "first": a["first"]})
        out["pairs"] = pairs
        context.close()
    finally:
        server.close()
    return out


# ---------------------------------------------------------------- report

def kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.2f} MB"


def report(rows: list) -> str:
    lines = ["| corpus | design | pages | build wall / CPU (load) | index | on disk | page view: search data raw / gzip "
             "| open search raw / gzip | first query raw / gzip | hits unaccented/accented | same first result |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        m = r["measure"]
        pv, op, fq = m["page_view"], m["open_search"], m["first_query"]
        hits = ", ".join(f"{p['plain_hits']}/{p['accented_hits']}" for p in m["pairs"])
        same = sum(1 for p in m["pairs"] if p["same_first"] and p["plain_hits"])
        disk = ", ".join(f"{k}/ {kb(v)}" for k, v in r["search_data_on_disk"].items()) or "-"
        lines.append(
            f"| {r['corpus']} | {r['design']} | {r['html_pages']} | "
            f"{r['build_s']} s / {r['build_cpu_s']} s ({r['loadavg_1min']}) | "
            f"{str(r['index_s']) + ' s' if r['index_s'] is not None else 'in build'} | {disk} | "
            f"{kb(pv['search_raw'])} / {kb(pv['search_gzip'])} | {kb(op['raw'])} / {kb(op['gzip'])} | "
            f"{kb(fq['raw'])} / {kb(fq['gzip'])} | {hits} | {same}/{len(m['pairs'])} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=2000, help="synthetic corpus size (0: skip it)")
    ap.add_argument("--json", type=Path, help="also write all figures to this file")
    ap.add_argument("--keep", action="store_true", help="keep the temp builds (path printed)")
    ap.add_argument("--designs", default="stock,ours", help="which designs to build (default: both)")
    ap.add_argument("--real", action=argparse.BooleanOptionalAction, default=True,
                    help="also measure the real site alone (default: yes)")
    args = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("Debian's chromium is needed (apt-get install chromium)")
    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    corpora = ([("real", 0)] if args.real else []) + ([("synthetic", args.pages)] if args.pages else [])
    designs = [d for d in args.designs.split(",") if d in ("stock", "ours")]
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for corpus, pages in corpora:
                for design in designs:
                    dest = work / f"{corpus}-{design}"
                    if pages:
                        make_synthetic(dest, pages)
                    else:
                        copy_repo(dest)
                    use_design(dest, design)
                    print(f"building {corpus}/{design} ...", file=sys.stderr, flush=True)
                    built = build(dest)
                    for lang in ("vi", "en"):
                        path = "/" if lang == "vi" else "/en/"
                        print(f"measuring {corpus}/{design} {path} ...", file=sys.stderr, flush=True)
                        m = measure(browser, built["site"], path, lang)
                        rows.append({"corpus": corpus if lang == "vi" else f"{corpus} (en)",
                                     "design": design, **{k: v for k, v in built.items() if k != "site"},
                                     "measure": m})
            browser.close()
    finally:
        if args.keep:
            print(f"builds kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(report(rows))
    print(f"\n/proc/loadavg at the end: {Path('/proc/loadavg').read_text().strip()}")
    for r in rows:
        pv, fq = r["measure"]["page_view"], r["measure"]["first_query"]
        print(f"\n{r['corpus']} / {r['design']}: largest on page view: {pv['largest']}; "
              f"on first query: {fq['largest']}")
        for pair in r["measure"]["pairs"]:
            print(f"  '{pair['accented']}': {pair['accented_hits']} hits, '{pair['plain']}': "
                  f"{pair['plain_hits']} hits, same first result: {pair['same_first']} ({pair['first']})")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1, default=str), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
