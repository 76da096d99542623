"""Lighthouse on the built site, served compressed as a real web server would serve it.

    python3 scripts/bench_lighthouse.py            # build, serve, measure six pages
    python3 scripts/bench_lighthouse.py --site DIR # measure an existing build instead
    python3 scripts/bench_lighthouse.py --json out.json
    python3 scripts/bench_lighthouse.py --pages /ke-hoach/thuan-nam-2022/ /tai-lieu/tap-huan/de-cuong-tap-huan-cchc-2022/

Builds the site (`mkdocs build --strict`) into a temporary folder, serves it on 127.0.0.1
with gzip (level 6, what a stock nginx/Apache set-up with compression on sends), and runs
Lighthouse from node_modules (`npm ci` installs it; package-lock.json pins the version) on
the home page, one theme hub and the longest Vietnamese article, each in Vietnamese and in
English. Lighthouse's defaults are kept: mobile form factor, simulated slow 4G, 4x CPU
slowdown. Prints one row per page: the four category scores, the bytes transferred
(Lighthouse's 'total-byte-weight' and the sum over 'network-requests') and whether any
request left the host; below the table, every audit that cost points.

Targets (exit status 1 when one is missed): performance >= 98, accessibility, best
practices and SEO 100, at most 100 KB transferred on a first visit, no request to another
host. Not a pytest test: a run takes about a minute and its figures depend on the machine.
"""
import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc import page_weight  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo", "agentic-browsing"]
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100,
           "agentic-browsing": 100}
BUDGET_BYTES = page_weight.BUDGET_BYTES
GZIP_LEVEL = page_weight.GZIP_LEVEL
# What a web server compresses; images and fonts are already compressed.
COMPRESSIBLE = page_weight.COMPRESSIBLE_SUFFIXES


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped on the fly for clients that accept it (like nginx `gzip on`)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if accepts and path.suffix in COMPRESSIBLE and path.is_file() and self._is_canonical(path):
            body = gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Body(body)
        return super().send_head()

    def _is_canonical(self, path: Path) -> bool:
        """A directory URL without its trailing slash gets the stock handler's redirect."""
        url_path = self.path.split("?")[0].split("#")[0]
        return not (Path(self.translate_path(url_path)).is_dir() and not url_path.endswith("/"))


class _Body:
    """File-like wrapper so SimpleHTTPRequestHandler.copyfile can send an in-memory body."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(CompressingHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def build(dest: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if result.returncode:
        sys.exit(f"mkdocs build --strict failed:\n{result.stderr[-4000:]}")


def chosen_pages() -> list[tuple[str, str]]:
    return page_weight.chosen_pages()


def run_lighthouse(url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    cmd = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless --no-sandbox --disable-gpu",
    ]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode or not out.exists():
        sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(out.read_text("utf-8"))


def summarize(report: dict, host: str) -> dict:
    cats = report["categories"]
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    foreign = sorted({r["url"] for r in requests
                      if urlsplit(r["url"]).scheme in ("http", "https")
                      and urlsplit(r["url"]).netloc != host})
    lost = []
    for cat_id in CATEGORIES:
        for ref in cats[cat_id]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
                lost.append(f"{cat_id}: {ref['id']} ({audit['score']:.2f})"
                            + (f" {audit['displayValue']}" if audit.get("displayValue") else ""))
    return {
        "scores": {c: round(cats[c]["score"] * 100) for c in CATEGORIES},
        "total_byte_weight": int(audits["total-byte-weight"]["numericValue"]),
        "transferred": sum(int(r.get("transferSize") or 0) for r in requests),
        "requests": len(requests),
        "foreign": foreign,
        "lost": lost,
        "metrics": {k: audits[k].get("displayValue") for k in
                    ("first-contentful-paint", "largest-contentful-paint",
                     "total-blocking-time", "cumulative-layout-shift", "speed-index")},
    }


def misses(row: dict) -> list[str]:
    out = [f"{c} {row['scores'][c]} < {t}" for c, t in TARGETS.items() if row["scores"][c] < t]
    if row["total_byte_weight"] > BUDGET_BYTES:
        out.append(f"{row['total_byte_weight']} B > {BUDGET_BYTES} B")
    if row["foreign"]:
        out.append("requests to another host")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an existing build to measure (default: build now)")
    parser.add_argument("--json", type=Path, help="write the summary rows to this file")
    parser.add_argument("--keep-reports", type=Path, help="keep Lighthouse's JSON reports here")
    parser.add_argument("--pages", nargs="+", metavar="PATH",
                        help="measure these URL paths instead of the six chosen pages "
                             "(e.g. the long plan page and training outline)")
    parser.add_argument("--runs", type=int, default=3,
                        help="Lighthouse runs per page; the run with the median performance score "
                             "is reported, as Lighthouse's docs advise (default 3)")
    args = parser.parse_args()

    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `npm ci --no-audit --no-fund` at the repository root")
    work = Path(tempfile.mkdtemp(prefix="cchc-bench-"))
    try:
        site_dir = args.site
        if site_dir is None:
            site_dir = work / "site"
            build(site_dir)
        server, base = serve(site_dir)
        host = urlsplit(base).netloc
        reports = args.keep_reports or work
        reports.mkdir(parents=True, exist_ok=True)
        rows = []
        pages = [(path.strip("/").rsplit("/", 1)[-1] or "home", path) for path in args.pages] \
            if args.pages else chosen_pages()
        for label, page_url in pages:
            name = label.replace(" ", "-")
            runs = [run_lighthouse(base + page_url, reports / f"{name}-{i + 1}.json")
                    for i in range(args.runs)]
            runs.sort(key=lambda r: r["categories"]["performance"]["score"])
            report = runs[len(runs) // 2]
            row = {"page": label, "url": page_url, **summarize(report, host)}
            row["performance_runs"] = [round(r["categories"]["performance"]["score"] * 100) for r in runs]
            row["benchmark_index"] = report["environment"].get("benchmarkIndex")
            rows.append(row)
            print(f"measured {label:10} {page_url}", file=sys.stderr)
        server.shutdown()
    finally:
        if not args.keep_reports:
            shutil.rmtree(work, ignore_errors=True)

    version = json.loads((ROOT / "node_modules/lighthouse/package.json").read_text())["version"]
    print(f"Lighthouse {version}, mobile, gzip level {GZIP_LEVEL}; targets: performance >= "
          f"{TARGETS['performance']}, others 100, <= {BUDGET_BYTES // 1024} KB, no other host\n")
    head = f"| {'page':10} | perf | a11y | best | seo | agent | KB (total-byte-weight) | KB (requests) | req | other host | url"
    print(head)
    print("|" + "|".join("-" * len(c) for c in head.split("|")[1:]))
    failed = False
    for row in rows:
        s = row["scores"]
        print(f"| {row['page']:10} | {s['performance']:4} | {s['accessibility']:4} | "
              f"{s['best-practices']:4} | {s['seo']:3} | {s['agentic-browsing']:5} | {row['total_byte_weight'] / 1024:22.1f} | "
              f"{row['transferred'] / 1024:13.1f} | {row['requests']:3} | "
              f"{'yes' if row['foreign'] else 'no':10} | {row['url']}")
    print()
    for row in rows:
        problems = misses(row)
        failed = failed or bool(problems)
        metrics = ", ".join(f"{k.replace('-', ' ')} {v}" for k, v in row["metrics"].items())
        print(f"{row['page']}: performance in {len(row['performance_runs'])} runs "
              f"{row['performance_runs']} (machine benchmark index {row['benchmark_index']}); {metrics}")
        for item in row["lost"] + [f"other host: {u}" for u in row["foreign"]]:
            print(f"    {item}")
        for problem in problems:
            print(f"    MISSED: {problem}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False), "utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
