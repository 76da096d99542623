"""Main-thread CPU of loading one page in headless Chromium, from a trace's thread times
(tdur: CPU time, which a loaded machine does not inflate the way it inflates wall time).

    python3 scripts/trace_page.py SITE_DIR /ke-hoach/thuan-nam-2022/ [--runs 5]

Served from SITE_DIR (a `mkdocs build -d SITE_DIR`), phone viewport, Debian's Chromium,
no throttling. For comparing two builds of the same page on this shared machine, where
Lighthouse's performance score follows the load (maintainers/performance.md).

Prints the median over runs of: all top-level tasks, script (EvaluateScript / FunctionCall /
event dispatch), style (UpdateLayoutTree), layout (Layout), paint, parse HTML, parse CSS.
"""
import argparse
import functools
import http.server
import json
import statistics
import tempfile
import threading
from pathlib import Path
from playwright.sync_api import sync_playwright

PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
KINDS = {"script": ("EvaluateScript", "FunctionCall", "EventDispatch", "v8.compile", "TimerFire", "FireAnimationFrame"),
         "style": ("UpdateLayoutTree",), "layout": ("Layout",), "paint": ("Paint", "PrePaint", "Layerize"),
         "parse_html": ("ParseHTML",), "parse_css": ("ParseAuthorStyleSheet",)}

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass

def measure(browser, url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    out = Path(tempfile.mktemp(suffix=".json"))
    browser.start_tracing(page=page, path=str(out), categories=["devtools.timeline", "disabled-by-default-devtools.timeline"])
    page.goto(url, wait_until="load")
    page.wait_for_timeout(1500)
    browser.stop_tracing()
    context.close()
    events = json.loads(out.read_text())["traceEvents"]
    out.unlink()
    # the renderer main thread: where ParseHTML of our page ran
    main = next((e["pid"], e["tid"]) for e in events if e.get("name") == "ParseHTML")
    mine = [e for e in events if (e.get("pid"), e.get("tid")) == main and e.get("ph") == "X" and "tdur" in e]
    tasks = sum(e["tdur"] for e in mine if e["name"] in ("RunTask", "ThreadControllerImpl::RunTask")) / 1000
    res = {"tasks": tasks}
    for kind, names in KINDS.items():
        chosen = sorted((e for e in mine if e["name"] in names), key=lambda e: (e["ts"], -e["dur"]))
        total, end = 0, -1
        for e in chosen:  # outermost only: nested events are inside their parent's time
            if e["ts"] >= end:
                total += e["tdur"]; end = e["ts"] + e["dur"]
        res[kind] = total / 1000
    return res

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site"); ap.add_argument("paths", nargs="+"); ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    handler = functools.partial(Quiet, directory=a.site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for path in a.paths:
            runs = [measure(browser, base + path) for _ in range(a.runs)]
            med = {k: round(statistics.median(r[k] for r in runs), 1) for k in runs[0]}
            print(path, " ".join(f"{k}={v}ms" for k, v in med.items()))
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
