#!/usr/bin/env python3
"""Scale benchmark: a province-sized synthetic site, built with the project's real configuration.

Copies mkdocs.yml, hooks/, overrides/, data/, templates/ and docs/ (the real pages stay) to a temporary
folder, adds N procedure cards from scripts/bench_corpus.py with articles and news at 15 % of N (at
2,000: 2,000 cards, 200 articles, 100 news; a third of each also in English) and one catalogue
page per field, then, in one run, measures:

  build        `mkdocs build --strict -f <tmp>/mkdocs.yml` (wall and CPU seconds, peak memory)
  markdown     Python-Markdown alone over every page the build renders (both languages: English
               pages and the copies of untranslated section index pages), same extensions and
               settings, one instance reset between pages; and the build/markdown ratio
  pages        site size; median and largest page, raw and gzip
  search       search data on disk, and what a first one-word query fetches
  checks       `python3 scripts/check.py --root <tmp>` (every check), and in-process the
               front-matter + coverage part (data load, discovery, check_pages, check_coverage)
  serve        (--serve) `mkdocs serve` on the corpus: seconds from saving a page to the new HTML
  floor        (--floor) the same Vietnamese pages built by MkDocs with a one-line template and
               by stock Material, no plugin or hook: what the stack costs before anything of ours;
               stock Material is built before and after this site, and this site / stock Material
               is the issue-14 figure (--rounds N: N alternating rounds, the median round)

    python3 scripts/bench.py                         # 2,000 cards + 300 articles and news
    python3 scripts/bench.py --sizes 200,1000,2000   # growth table
    python3 scripts/bench.py --pages 2000 --serve    # also the edit loop
    python3 scripts/bench.py --pages 2000 --floor    # also what MkDocs and Material cost alone
    python3 scripts/bench.py --pages 2000 --floor --rounds 5   # the ratio to stock Material, 5 rounds
    python3 scripts/bench.py --keep /tmp/corpus      # keep the tree (and its site/) for a look
    python3 scripts/bench.py --table run.json        # the tables again, from a --json file

CPU seconds are the honest figure on a shared machine: wall seconds grow with other load, CPU
seconds less so (on a virtual machine they still drift between runs: hence --rounds). The ratio
is given for both. Nothing here needs the network.

Every measured build writes into a folder of its own, and nothing is deleted until the run is
over: on ext4 without a journal a build that creates its files just after thousands were
deleted is charged system seconds for that deletion (fresh_output). ext4 avoids reusing an
inode for 60 seconds after its deletion, 360 while its table block is unwritten
(fs/ext4/ialloc.c), so start a run six minutes after any large deletion on the same disk
(another run's clean-up, a test suite's). The kept sites need room until the run ends: at 2,000
cards with --rounds 5, five of ours (97 MB each) and eight builds of stock Material or bare
MkDocs (30-50 MB each), about 0.8 GB in the temporary folder.
"""
import argparse
import gzip
import itertools
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]  # the site's library, and bench_corpus beside this file

import bench_corpus  # noqa: E402
from cchc import paths  # noqa: E402

COPIED = ("mkdocs.yml", "hooks", "overrides", "data", "templates", "docs")
QUERY = "dang"  # one folded word ('đăng', as in 'đăng ký'): what a first search fetches
RESULTS_SHOWN = 10  # overrides/assets/javascripts/search.js PAGE_SIZE: fragments loaded per query


# ------------------------------------------------------------------ the corpus

def make_tree(dest: Path, pages: int, seed: int = 1, source: Path = ROOT) -> bench_corpus.Corpus:
    """A copy of the site sources of `source` (this repository) in `dest`, plus the synthetic corpus."""
    from cchc import check_urls, data as data_mod, procedure, site

    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", ".pytest_cache")
    for name in COPIED:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore, dirs_exist_ok=True)
        else:
            shutil.copy2(src, dest / name)
    data, problems = data_mod.load(dest)
    lists, list_problems = procedure.load_lists(dest)
    if problems or list_problems or lists is None:
        sys.exit("the repository's data/ has problems; run python3 scripts/check.py first")
    corpus = bench_corpus.generate(data, lists, pages, seed=seed)
    lists_file = dest / procedure.LISTS_FILE
    lists_file.write_text(bench_corpus.procedures_yml_with(lists_file.read_text("utf-8"), corpus.fields), "utf-8")
    for rel, text in corpus.files.items():
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    if (dest / check_urls.MANIFEST).is_file():  # the tree promises its own new addresses
        data, _ = data_mod.load(dest)
        text, _added = check_urls.updated_manifest(dest, data, site.discover(dest))
        (dest / check_urls.MANIFEST).write_text(text, "utf-8")
    return corpus


SOURCE = ROOT  # the checkout whose cchc the hooks and the checker use (--source)


def child_env(extra: dict | None = None) -> dict:
    """The hooks import `cchc` from the source checkout (the copied tree has none)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SOURCE), env.get("PYTHONPATH")]))
    env.update(extra or {})
    return env


_outputs = itertools.count(1)


def fresh_output(tree: Path, name: str) -> Path:
    """A folder no build has used, for one measured build to write its site into.

    No output folder is deleted until the whole run is over (the tree goes at the end). On
    ext4 without a journal (this machine's disk), creating a file or folder right after
    thousands were deleted costs the kernel a scan past each recently deleted inode
    (`perf record -e cpu-clock -a -g`: ext4_create and ext4_mkdir in recently_deleted()), so a
    build that followed the deletion of the site before it paid system seconds for that
    deletion, more with each round, ours more than stock Material's (twice the files). The same
    2,000-card build: 5.3-10.3 system seconds into a folder just emptied, 2.2-2.5 into new ones
    (maintainers/scale.md, "eighth session")."""
    return tree / f"{name}-{next(_outputs)}"


def run_measured(cmd, cwd, env, log: Path, dest: Path | None = None) -> dict:
    """Run `cmd`; wall seconds, CPU seconds (user+sys, its children included) and peak RSS
    (ru_maxrss of the child, via wait4: this process, not the benchmark's own). `dest`, the
    build's output folder, must not exist yet (fresh_output): MkDocs' own clean-up of an old
    site is system time, and so, on ext4, is the deletion of one just before."""
    if dest is not None and dest.exists():
        raise ValueError(f"{dest} exists: give each measured build a fresh_output() folder")
    with open(log, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    # System time (the kernel writing 190 MB of pages) varies by several seconds between runs of
    # the same build; user time does not. Both are kept, the ratio uses their sum.
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "user_s": usage.ru_utime,
            "sys_s": usage.ru_stime, "maxrss_mb": usage.ru_maxrss / 1024, "returncode": proc.returncode}


def build(tree: Path, site: Path) -> dict:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tree / "mkdocs.yml"), "-d", str(site)]
    result = run_measured(cmd, tree, child_env(), tree / "build.log", dest=site)
    if result["returncode"] != 0:
        tail = (tree / "build.log").read_text("utf-8", errors="replace")[-4000:]
        sys.exit(f"mkdocs build --strict failed in {tree}:\n{tail}")
    # hooks/search_index.py logs the search index's own CPU time (a child process)
    found = re.search(r"Pagefind ([\d.]+) CPU s", (tree / "build.log").read_text("utf-8", errors="replace"))
    result["pagefind_cpu_s"] = float(found[1]) if found else None
    return result


# ------------------------------------------------------------------ Markdown alone

def rendered_pages(tree: Path) -> list:
    """(language built, PageRec) for every page the build renders: every Vietnamese page, and
    on the English site each English page or, where there is none, the Vietnamese copy of a
    section's index page (other untranslated pages are linked, not copied: cchc/english.py)."""
    from cchc import english, site

    pages = site.discover(tree)
    own = {(p.lang, p.src): p for p in pages}
    linked = english.linked_only(pages)
    out = [(p.lang, p) for p in pages if p.lang == paths.DEFAULT_LANGUAGE]
    for lang in paths.LANGUAGES[1:]:
        for p in pages:
            if p.lang == paths.DEFAULT_LANGUAGE and p.src not in linked:
                out.append((lang, own.get((lang, p.src), p)))
    return out


def _markdown(tree: Path):
    """Python-Markdown with the config's markdown_extensions + mdx_configs and the setup hook's
    slugify: one instance, reset between pages."""
    import markdown
    from mkdocs.config import load_config

    from cchc.slug import slugify

    config = load_config(str(tree / "mkdocs.yml"))
    configs = {k: dict(v) for k, v in config.mdx_configs.items()}
    configs.setdefault("toc", {})["slugify"] = slugify  # what hooks/setup.py sets
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=configs)


def _convert(md, bodies) -> tuple[float, float]:
    """CPU and wall seconds to convert every body."""
    cpu, wall = time.process_time(), time.perf_counter()
    for body in bodies:
        md.reset()
        md.convert(body)
    return time.process_time() - cpu, time.perf_counter() - wall


def markdown_only(tree: Path) -> dict:
    """Python-Markdown alone (_markdown) over every rendered page: its body as written, and its
    body with markers expanded as the build expands them (the catalogue pages are mostly
    generated lists: that conversion is work the page needs, not overhead)."""
    from cchc import data as data_mod, markers, site

    md = _markdown(tree)
    pages = rendered_pages(tree)
    data, _ = data_mod.load(tree)
    everything = site.discover(tree)
    expanded = [markers.expand(p.body, markers.Context(data, everything, lang, p.src)) for lang, p in pages]
    out = {"pages": len(pages)}
    for key, bodies in (("", [p.body for _l, p in pages]), ("expanded_", expanded)):
        out[key + "cpu_s"], out[key + "wall_s"] = _convert(md, bodies)
    return out


# ------------------------------------------------------------------ what the stack costs alone

FLOOR_TEMPLATE = "<!doctype html><title>{{ page.title }}</title>{{ page.content }}\n"
FLOOR_VALIDATION = {k: "ignore" for k in ("omitted_files", "absolute_links", "unrecognized_links", "anchors",
                                          "not_found")}


def floor(tree: Path) -> dict:
    """The build's cost before anything of this project, on the same Vietnamese pages (one
    language, no plugin, hook or override, the same Markdown extensions), against
    Python-Markdown alone over those pages:
      bare      MkDocs with a one-line template (title and content)
      material  stock Material for MkDocs, a one-page sidebar (its cheapest page), system fonts
    """
    import yaml
    from mkdocs.config import load_config

    from cchc import site

    config = load_config(str(tree / "mkdocs.yml"))
    extensions = [{name: dict(config.mdx_configs[name])} if name in config.mdx_configs else name
                  for name in config.markdown_extensions]
    (tree / "floor-theme").mkdir(exist_ok=True)
    (tree / "floor-theme" / "main.html").write_text(FLOOR_TEMPLATE, "utf-8")
    docs = f"docs/{paths.DEFAULT_LANGUAGE}"
    setups = {
        "bare": {"theme": {"name": None, "custom_dir": "floor-theme"}},
        "material": {"theme": {"name": "material", "language": paths.DEFAULT_LANGUAGE, "font": False,
                               "features": ["navigation.prune", "navigation.indexes"]},
                     "nav": ["index.md"], "not_in_nav": "/**"},
    }
    bodies = [p.body for p in site.discover(tree) if p.lang == paths.DEFAULT_LANGUAGE]
    cpu, _wall = _convert(_markdown(tree), bodies)
    out = {"pages": len(bodies), "markdown_cpu_s": cpu}
    for name, setup in setups.items():
        cfg = tree / f"floor-{name}.yml"
        cfg.write_text(yaml.safe_dump({"site_name": "floor", "docs_dir": docs, "use_directory_urls": True,
                                       "validation": FLOOR_VALIDATION, "markdown_extensions": extensions, **setup},
                                      allow_unicode=True), "utf-8")
        dest = fresh_output(tree, f"site-floor-{name}")
        cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(cfg), "-d", str(dest)]
        result = run_measured(cmd, tree, child_env(), tree / f"floor-{name}.log", dest=dest)
        if result["returncode"] != 0:
            sys.exit(f"floor build '{name}' failed:\n" + (tree / f"floor-{name}.log").read_text("utf-8")[-3000:])
        out[name + "_cpu_s"] = result["cpu_s"]
        out[name + "_user_s"] = result["user_s"]
        out[name + "_site"] = str(dest)
        out[name + "_ratio"] = result["cpu_s"] / cpu
    return out


def rounds_ratio(ours: list, stock: list) -> tuple[list, float]:
    """Our builds [(cpu, user)...] and the stock Material builds around them (one more than
    ours: before, between, after): each round's ratio over the mean of the stock builds either
    side, and the median of those ratios."""
    assert len(stock) == len(ours) + 1
    rounds = [{"ours_cpu_s": o[0], "ours_user_s": o[1], "stock_cpu_s": (a[0] + b[0]) / 2,
               "stock_user_s": (a[1] + b[1]) / 2, "ratio": o[0] / ((a[0] + b[0]) / 2),
               "user_ratio": o[1] / ((a[1] + b[1]) / 2)}
              for o, a, b in zip(ours, stock, stock[1:])]
    return rounds, statistics.median(r["ratio"] for r in rounds)


def stock_material(tree: Path) -> dict:
    """Stock Material alone once more (floor() wrote its config): CPU and user seconds."""
    dest = fresh_output(tree, "site-floor-material")
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(tree / "floor-material.yml"), "-d", str(dest)]
    result = run_measured(cmd, tree, child_env(), tree / "floor-material.log", dest=dest)
    if result["returncode"] != 0:
        sys.exit("stock Material build failed:\n" + (tree / "floor-material.log").read_text("utf-8")[-3000:])
    return result


def floor_table(r: dict) -> str:
    f = r["floor"]
    rows = [[f"the same {f['pages']} Vietnamese pages, one language, nothing of ours", "CPU s", "x Markdown"],
            ["---", "---", "---"],
            ["Python-Markdown alone", f"{f['markdown_cpu_s']:.2f}", "1.0x"],
            ["MkDocs, one-line template, no plugin", f"{f['bare_cpu_s']:.1f}", f"{f['bare_ratio']:.1f}x"],
            ["stock Material, one-page sidebar, no plugin", f"{f['material_cpu_s']:.1f}", f"{f['material_ratio']:.1f}x"]]
    if "material_before_cpu_s" in f:
        rows.append(["stock Material again, built just before this site's build", f"{f['material_before_cpu_s']:.1f}",
                     f"{f['material_before_cpu_s'] / f['markdown_cpu_s']:.1f}x"])
    if "build_over_material" in r:
        rows.append(["this site's whole build, both languages, search, QR codes (same run)",
                     f"{r['build']['cpu_s']:.1f}", f"{r['build']['cpu_s'] / f['markdown_cpu_s']:.1f}x"])
        for i, rnd in enumerate(r.get("rounds", [])):
            rows.append([f"round {i + 1}: this site's build / stock Material either side, CPU (user only)",
                         f"{rnd['ours_cpu_s']:.1f} / {rnd['stock_cpu_s']:.1f}",
                         f"{rnd['ratio']:.2f}x ({rnd['user_ratio']:.2f}x)"])
        label = "median of the rounds" if len(r.get("rounds", [])) > 1 else "mean of its runs"
        rows.append([f"**this site's build / stock Material ({label}), CPU**", "", f"**{r['build_over_material']:.2f}x**"])
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


# ------------------------------------------------------------------ the built site

def page_sizes(site: Path) -> dict:
    files = [p for p in site.rglob("*.html") if not p.relative_to(site).parts[0] in ("pagefind", "assets")]
    raw, gz = [], []
    for p in files:
        data = p.read_bytes()
        raw.append(len(data))
        gz.append(len(gzip.compress(data, compresslevel=6)))  # what a server sends
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    # The procedure catalogues (Vietnamese): by field, by level, fully online, largest field page.
    cat = {name: site / "thu-tuc" / name / "index.html" for name in ("theo-cap", "truc-tuyen")}
    cat["index"] = site / "thu-tuc" / "index.html"
    fields = sorted((site / "thu-tuc" / "linh-vuc").glob("*/index.html"), key=lambda p: p.stat().st_size)
    if fields:
        cat["largest field page"] = fields[-1]
    catalogue = {k: (p.stat().st_size / 1024, len(gzip.compress(p.read_bytes(), 6)) / 1024)
                 for k, p in cat.items() if p.is_file()}
    return {"html_pages": len(files), "site_mb": total / 2**20, "catalogue_kb": catalogue,
            "median_kb": statistics.median(raw) / 1024, "largest_kb": max(raw) / 1024,
            "median_gz_kb": statistics.median(gz) / 1024, "largest_gz_kb": max(gz) / 1024}


def _cbor(b: bytes, i: int = 0):
    """Just enough CBOR to read Pagefind's metadata and index chunks."""
    ib = b[i]
    major, info = ib >> 5, ib & 31
    i += 1
    if info < 24:
        val = info
    else:
        size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
        val = int.from_bytes(b[i:i + size], "big")
        i += size
    if major == 0:
        return val, i
    if major == 1:
        return -1 - val, i
    if major in (2, 3):
        chunk = b[i:i + val]
        return (chunk.decode() if major == 3 else chunk), i + val
    if major == 4:
        out = []
        for _ in range(val):
            item, i = _cbor(b, i)
            out.append(item)
        return out, i
    if major == 5:
        out = {}
        for _ in range(val):
            key, i = _cbor(b, i)
            out[key], i = _cbor(b, i)
        return out, i
    if major == 7:
        return {20: False, 21: True, 22: None}.get(info, val), i
    raise ValueError(f"CBOR major type {major}")


def _pagefind_file(path: Path):
    raw = gzip.decompress(path.read_bytes())
    assert raw.startswith(b"pagefind_dcd"), path
    return _cbor(raw, len(b"pagefind_dcd"))[0]


def search_sizes(site: Path, query: str = QUERY, lang: str = paths.DEFAULT_LANGUAGE) -> dict:
    """Search data on disk, and the files a first one-word query in `lang` fetches."""
    pf = site / "pagefind"
    if not pf.is_dir():
        stock = site / "search" / "search_index.json"
        size = stock.stat().st_size if stock.is_file() else 0
        gz = len(gzip.compress(stock.read_bytes(), 6)) if size else 0
        return {"engine": "material", "on_disk_kb": size / 1024, "first_query_kb": size / 1024,
                "first_query_gz_kb": gz / 1024, "first_query_files": 1 if size else 0}
    on_disk = sum(p.stat().st_size for p in pf.rglob("*") if p.is_file())
    entry = json.loads((pf / "pagefind-entry.json").read_text("utf-8"))
    info = entry["languages"][lang]
    meta_path = pf / f"pagefind.{info['hash']}.pf_meta"
    meta = _pagefind_file(meta_path)
    page_hashes = [p[0] for p in meta[1]]
    fetched = [pf / "pagefind.js", pf / "pagefind-entry.json", meta_path,
               pf / f"wasm.{info['wasm'] or 'unknown'}.pagefind"]
    hits = []
    for start, end, chunk_hash in meta[2]:  # index chunks: (first word, last word, hash)
        if start <= query + "\uffff" and end >= query:  # the chunk may hold the word or words it begins
            chunk = pf / "index" / f"{chunk_hash}.pf_index"
            fetched.append(chunk)
            for word, pages_of_word, *_rest in _pagefind_file(chunk)[0]:
                if word.startswith(query):
                    n = 0
                    for delta, *_ in pages_of_word:
                        n += delta
                        hits.append(n)
    shown = list(dict.fromkeys(hits))[:RESULTS_SHOWN]
    fetched += [pf / "fragment" / f"{page_hashes[n]}.pf_fragment" for n in shown if n < len(page_hashes)]
    raw = sum(p.stat().st_size for p in fetched)
    # .pagefind/.pf_* files are gzip already; JS and JSON are sent gzipped by a server.
    gz = sum(p.stat().st_size if p.suffix.startswith((".pf", ".pagefind")) else len(gzip.compress(p.read_bytes(), 6))
             for p in fetched)
    return {"engine": "pagefind", "on_disk_kb": on_disk / 1024, "first_query_kb": raw / 1024,
            "first_query_gz_kb": gz / 1024, "first_query_files": len(fetched), "query_hits": len(set(hits))}


# ------------------------------------------------------------------ checks

def checks(tree: Path) -> dict:
    cmd = [sys.executable, str(SOURCE / "scripts" / "check.py"), "--root", str(tree)]
    result = run_measured(cmd, SOURCE, child_env(), tree / "check.log")
    log = (tree / "check.log").read_text("utf-8", errors="replace")
    if result["returncode"] != 0:  # the figures still count; the report says the corpus failed
        print(f"scripts/check.py --root {tree} found problems:\n{log[-4000:]}", file=sys.stderr)
    result["problems"] = log.count("\n") - 1 if result["returncode"] else 0
    return result


def front_matter_checks(tree: Path) -> dict:
    """The fast part of the checker, in-process: data load + discovery + front matter + coverage."""
    from cchc import data as data_mod, site
    from cchc.check_coverage import check_coverage
    from cchc.check_pages import check_pages

    cpu, wall = time.process_time(), time.perf_counter()
    data, problems = data_mod.load(tree)
    pages = site.discover(tree)
    problems += check_pages(data, pages) + check_coverage(data, pages)
    return {"cpu_s": time.process_time() - cpu, "wall_s": time.perf_counter() - wall, "problems": len(problems)}


# ------------------------------------------------------------------ the edit loop

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def serve_loop(tree: Path, page_src: str, extra_args=(), env_extra=None, timeout: float = 900) -> dict:
    """Start `mkdocs serve` on the tree, wait for the first build, append a line to a page,
    and time until the served HTML shows it. Returns seconds to first serve and to the update."""
    port = free_port()
    # Livereload stays on: without it `mkdocs serve` does not watch the files at all.
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(tree / "mkdocs.yml"), "-a", f"127.0.0.1:{port}",
           *extra_args]
    log = open(tree / "serve.log", "wb")
    proc = subprocess.Popen(cmd, cwd=tree, env=child_env(env_extra), stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}/" + page_src.removesuffix(".md").removesuffix("index") + "/"
    url = url.replace("//", "/").replace("http:/", "http://")
    try:
        started = time.perf_counter()
        while _get(url) is None:
            if proc.poll() is not None or time.perf_counter() - started > timeout:
                raise RuntimeError("mkdocs serve did not start: " + (tree / "serve.log").read_text("utf-8")[-2000:])
            time.sleep(0.5)
        first = time.perf_counter() - started
        time.sleep(2)  # let the watcher settle
        marker = f"benchmark-edit-{int(time.time())}"
        path = tree / "docs" / paths.DEFAULT_LANGUAGE / page_src
        path.write_text(path.read_text("utf-8") + f"\n\nĐã sửa: {marker}\n", "utf-8")
        edited = time.perf_counter()
        while marker not in (_get(url) or ""):
            if proc.poll() is not None or time.perf_counter() - edited > timeout:
                raise RuntimeError("the edit never showed: " + (tree / "serve.log").read_text("utf-8")[-2000:])
            time.sleep(0.2)
        return {"first_serve_s": first, "edit_shown_s": time.perf_counter() - edited}
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # the server we started (its own session), and only it
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()


# How the edit loop can run. `--dirty` re-renders only changed pages, and prints a warning
# that strict mode (mkdocs.yml `strict: true`) turns into a failure, hence `--no-strict`.
SERVE_MODES = {
    "full": ((), None),
    "dirty": (("--dirty", "--no-strict"), None),
    "vi-only": ((), {"BUILD_EN": "false"}),
    "vi-only-dirty": (("--dirty", "--no-strict"), {"BUILD_EN": "false"}),
}


# ------------------------------------------------------------------ one run

def run(pages: int, keep: Path | None, serve: bool = False, serve_modes=("full",), with_floor: bool = False,
        rounds: int = 1) -> dict:
    tmp = old = None
    if keep:
        tree = keep
        if tree.exists():  # set aside, deleted once everything is measured (fresh_output)
            old = tree.with_name(f"{tree.name}.old-{os.getpid()}")
            tree.rename(old)
    else:
        tmp = tempfile.mkdtemp(prefix="cchc-bench-")
        tree = Path(tmp)
    try:
        corpus = make_tree(tree, pages, source=SOURCE)
        print(f"[{pages}] corpus written to {tree}: {corpus.counts}", file=sys.stderr, flush=True)
        site = tree / "site"
        out = {"pages": pages, "corpus": corpus.counts, "loadavg_start": os.getloadavg()}
        # --floor: stock Material is built just before and just after our build, and the ratio
        # uses their mean: on a shared machine the load drifts during a run, and a floor
        # measured only at the end (often quieter) would make the ratio depend on when it ran.
        before = floor(tree) if with_floor else None
        out["build"] = build(tree, site)
        print(f"[{pages}] built in {out['build']['wall_s']:.1f} s", file=sys.stderr, flush=True)
        out["markdown"] = markdown_only(tree)
        out["ratio_cpu"] = out["build"]["cpu_s"] / out["markdown"]["expanded_cpu_s"]
        out["ratio_wall"] = out["build"]["wall_s"] / out["markdown"]["expanded_wall_s"]
        out["ratio_cpu_as_written"] = out["build"]["cpu_s"] / out["markdown"]["cpu_s"]
        out["site"] = page_sizes(site)
        out["search"] = search_sizes(site)
        out["check"] = checks(tree)
        out["front_matter"] = front_matter_checks(tree)
        if with_floor:
            out["floor"] = floor(tree)
            out["floor"]["material_before_cpu_s"] = before["material_cpu_s"]
            # --rounds N: our build and stock Material again, alternating, N-1 more times. Each
            # round's ratio divides our build by the mean of the stock builds either side of it;
            # the figure is their median (on a shared virtual machine one build's CPU time can
            # differ from the next one's by a third, stock Material's as much as ours).
            stock = [(before["material_cpu_s"], before["material_user_s"]),
                     (out["floor"]["material_cpu_s"], out["floor"]["material_user_s"])]
            ours = [(out["build"]["cpu_s"], out["build"]["user_s"])]
            for _ in range(rounds - 1):
                again = build(tree, fresh_output(tree, "site-again"))
                ours.append((again["cpu_s"], again["user_s"]))
                result = stock_material(tree)
                stock.append((result["cpu_s"], result["user_s"]))
            out["rounds"], out["build_over_material"] = rounds_ratio(ours, stock)
        out["loadavg_end"] = os.getloadavg()
        if serve:
            card = corpus.cards[len(corpus.cards) // 2].src if corpus.cards else "index.md"
            out["serve"] = {}
            for mode in serve_modes:
                args, env = SERVE_MODES[mode]
                out["serve"][mode] = serve_loop(tree, card, args, env)
                print(f"[{pages}] serve {mode}: {out['serve'][mode]}", file=sys.stderr, flush=True)
        return out
    finally:
        for leftover in (tmp, old):
            if leftover:
                shutil.rmtree(leftover, ignore_errors=True)


ROWS = [  # label, getter, format
    ("Vietnamese pages added (cards/articles/news)",
     lambda r: f"{r['corpus']['procedure']}/{r['corpus']['article']}/{r['corpus']['news']}", None),
    ("pages the build renders", lambda r: r["markdown"]["pages"], "{}"),
    ("HTML files written", lambda r: r["site"]["html_pages"], "{}"),
    ("build, wall s", lambda r: r["build"]["wall_s"], "{:.1f}"),
    ("build, CPU s", lambda r: r["build"]["cpu_s"], "{:.1f}"),
    ("build, CPU s: of which Pagefind (search index)",
     lambda r: "-" if r["build"].get("pagefind_cpu_s") is None else f"{r['build']['pagefind_cpu_s']:.1f}", None),
    ("build, CPU s: user / system",
     lambda r: f"{r['build'].get('user_s', float('nan')):.1f} / {r['build'].get('sys_s', float('nan')):.1f}", None),
    ("Markdown only, CPU s: as written / markers expanded",
     lambda r: f"{r['markdown']['cpu_s']:.2f} / {r['markdown'].get('expanded_cpu_s', r['markdown']['cpu_s']):.2f}", None),
    ("build / Markdown, CPU (markers expanded)", lambda r: r["ratio_cpu"], "{:.1f}x"),
    ("build / Markdown, CPU (as written)", lambda r: r.get("ratio_cpu_as_written", r["ratio_cpu"]), "{:.1f}x"),
    ("build / Markdown, wall (markers expanded)", lambda r: r["ratio_wall"], "{:.1f}x"),
    ("peak memory of the build, MB", lambda r: r["build"]["maxrss_mb"], "{:.0f}"),
    ("site size, MB", lambda r: r["site"]["site_mb"], "{:.1f}"),
    ("median page, KB raw / gzip", lambda r: f"{r['site']['median_kb']:.1f} / {r['site']['median_gz_kb']:.1f}", None),
    ("largest page, KB raw / gzip", lambda r: f"{r['site']['largest_kb']:.1f} / {r['site']['largest_gz_kb']:.1f}", None),
    ("catalogue pages, KB raw / gzip: by field, by level, online, largest field page",
     lambda r: ", ".join("{:.0f}/{:.0f}".format(*r["site"]["catalogue_kb"][k]) for k in CATALOGUE_ORDER
                         if k in r["site"].get("catalogue_kb", {})), None),
    ("search data on disk, KB", lambda r: r["search"]["on_disk_kb"], "{:.0f}"),
    (f"first query '{QUERY}': files, KB raw / sent",
     lambda r: f"{r['search']['first_query_files']}, {r['search']['first_query_kb']:.0f} / {r['search']['first_query_gz_kb']:.0f}", None),
    ("check.py (all checks), wall s", lambda r: r["check"]["wall_s"], "{:.1f}"),
    ("check.py (all checks), CPU s", lambda r: r["check"]["cpu_s"], "{:.1f}"),
    ("front matter + coverage, CPU s", lambda r: r["front_matter"]["cpu_s"], "{:.2f}"),
]
CATALOGUE_ORDER = ("index", "theo-cap", "truc-tuyen", "largest field page")
GROWTH = [  # figures whose growth is compared with the page count's
    ("build CPU s", lambda r: r["build"]["cpu_s"]), ("Markdown CPU s", lambda r: r["markdown"]["cpu_s"]),
    ("peak memory", lambda r: r["build"]["maxrss_mb"]), ("site size", lambda r: r["site"]["site_mb"]),
    ("median page", lambda r: r["site"]["median_kb"]), ("check.py CPU s", lambda r: r["check"]["cpu_s"]),
    ("front matter + coverage CPU s", lambda r: r["front_matter"]["cpu_s"]),
    ("search data on disk", lambda r: r["search"]["on_disk_kb"]),
]


def table(results: list) -> str:
    head = ["figure"] + [f"{r['pages']} pages" for r in results]
    rows = [head, ["---"] * len(head)]
    for label, get, fmt in ROWS:
        rows.append([label] + [fmt.format(get(r)) if fmt else str(get(r)) for r in results])
    for r in results:
        for mode, s in (r.get("serve") or {}).items():
            rows.append([f"serve ({mode}): first page / edit shown, s"] +
                        [f"{x['serve'][mode]['first_serve_s']:.1f} / {x['serve'][mode]['edit_shown_s']:.1f}"
                         if mode in (x.get("serve") or {}) else "" for x in results])
        break
    return "\n".join("| " + " | ".join(map(str, row)) + " |" for row in rows)


def growth(results: list) -> str:
    a, b = results[-2], results[-1]
    n = b["markdown"]["pages"] / a["markdown"]["pages"]
    rows = [[f"figure ({a['pages']} -> {b['pages']} pages)", "ratio"], ["---", "---"],
            ["pages the build renders", f"{n:.2f}"]]
    for label, get in GROWTH:
        rows.append([label, f"{get(b) / get(a):.2f}" if get(a) else "-"])
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def targets(r: dict) -> str:
    checks_ = [
        ("build <= 3x Markdown-only (CPU, markers expanded)", r["ratio_cpu"] <= 3),
        ("median page <= 40 KB raw", r["site"]["median_kb"] <= 40),
        ("every check <= 10 s (wall)", r["check"]["wall_s"] <= 10),
        ("the corpus passes scripts/check.py", r["check"]["returncode"] == 0),
        ("front matter + coverage <= 1 s (CPU)", r["front_matter"]["cpu_s"] <= 1),
        ("peak memory <= 1 GB", r["build"]["maxrss_mb"] <= 1024),
    ]
    if "build_over_material" in r:  # --floor: the issue 14 target, measured in the same run
        checks_.insert(1, ("whole build <= 2.5x stock Material on the same Vietnamese pages (CPU)",
                           r["build_over_material"] <= 2.5))
    return "\n".join(f"- {'met   ' if ok else 'MISSED'} {label}" for label, ok in checks_)


def print_report(results: list) -> None:
    """The figures table, the growth table (several sizes) and the targets at the largest size."""
    print(table(results))
    if len(results) > 1:
        print()
        print(growth(results))
    print()
    print(f"Targets at {results[-1]['pages']} pages:")
    print(targets(results[-1]))
    if "floor" in results[-1]:
        print()
        print(floor_table(results[-1]))
    if "loadavg_start" in results[-1]:  # a shared machine: how busy it was while measuring
        print()
        print("load average (1, 5, 15 min) at start / end: " + " / ".join(
            ", ".join(f"{x:.2f}" for x in results[-1][k]) for k in ("loadavg_start", "loadavg_end")))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Scale benchmark over a synthetic province-sized corpus.")
    parser.add_argument("--pages", type=int, default=2000,
                        help="procedure cards to add, with 15 %% as many articles and news (default 2000)")
    parser.add_argument("--sizes", help="several sizes, e.g. 200,1000,2000: prints a growth table")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (one size only)")
    parser.add_argument("--serve", action="store_true", help="also time the mkdocs serve edit loop")
    parser.add_argument("--serve-modes", default="full,vi-only,vi-only-dirty",
                        help=f"comma-separated, of: {', '.join(SERVE_MODES)}")
    parser.add_argument("--floor", action="store_true",
                        help="also build the same Vietnamese pages with MkDocs alone and stock Material alone")
    parser.add_argument("--rounds", type=int, default=1,
                        help="with --floor: build this site and stock Material again, alternating, this many rounds"
                             " in all, and give the median ratio (default 1)")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument("--table", type=Path, help="only print the tables of a --json file written before")
    parser.add_argument("--source", type=Path, default=ROOT,
                        help="benchmark another checkout of this repository (e.g. a copy from before a change)")
    args = parser.parse_args(argv)
    if args.table:
        print_report(json.loads(args.table.read_text("utf-8")))
        return 0
    global SOURCE
    SOURCE = args.source.resolve()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [args.pages]
    if args.keep and len(sizes) > 1:
        parser.error("--keep takes one size")
    modes = tuple(args.serve_modes.split(","))
    unknown = [m for m in modes if m not in SERVE_MODES]
    if unknown:
        parser.error(f"unknown --serve-modes {unknown}; known: {', '.join(SERVE_MODES)}")
    # The edit loop is timed at the largest size only.
    if args.rounds < 1 or (args.rounds > 1 and not args.floor):
        parser.error("--rounds takes a number from 1, with --floor")
    results = [run(n, args.keep, args.serve and n == sizes[-1], modes, args.floor and n == sizes[-1], args.rounds)
               for n in sizes]
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
