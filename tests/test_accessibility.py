"""WCAG 2.2 AA checks on the built site, in headless Chromium.

1. axe-core (pinned in package.json; `npm ci` puts it in node_modules/) on EVERY HTML page of
   the built site, both languages, found by walking the build output, at phone width and at
   desktop width; and again with the search dialog open and showing results, and with the
   phone menu drawer open.
2. The keyboard: a visible skip link first, a visible focus ring, search and the phone menu
   usable without a mouse.

axe tags: WCAG 2.0, 2.1 and 2.2, levels A and AA, plus every rule Lighthouse's agentic-browsing
audit "agent-accessibility-tree" counts (read from the pinned Lighthouse, so an upgrade brings
its new rules; `aria-allowed-role` among them is a best practice, outside the WCAG tags). A
failure lists page, rule and the CSS selectors of the offending elements, plus a count per rule.
"""
import functools
import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import wait_for_search

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AGENT_AUDIT = ROOT / "node_modules" / "lighthouse" / "core" / "audits" / "agentic" / "agent-accessibility-tree.js"
TIMEOUT_MS = 15_000

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

# A word found on nearly every page of both languages: the dialog must show results to be
# checked with them (the test fails if it shows none).
SEARCH_QUERY = {"vi": "thu tuc", "en": "procedure"}


# ---------------------------------------------------------------- axe and the pages


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.is_file():
        message = f"{AXE_JS.relative_to(ROOT)} is missing: run `npm ci` (scripts/setup-test-env.sh does)"
        if os.environ.get("CI"):
            pytest.fail(message + ": in CI a missing axe-core is a failure")
        pytest.skip(message)
    return AXE_JS.read_text("utf-8")


def pinned_axe_version() -> str:
    lock = json.loads((ROOT / "package-lock.json").read_text("utf-8"))
    return lock["packages"]["node_modules/axe-core"]["version"]


def site_pages(built_site: Path) -> list:
    """URL paths of every HTML page in the build output (Pagefind's files are not pages)."""
    paths = []
    for f in sorted(built_site.rglob("*.html")):
        rel = f.relative_to(built_site).as_posix()
        if rel.startswith(("pagefind/", "en/pagefind/", "admin/")):  # admin/: the web editor's app (Decap CMS)
            continue
        if "<!-- cchc:redirect -->" in f.read_text("utf-8", errors="replace")[:200]:
            continue  # a redirect page (cchc/redirects.py): it sends the reader to a page checked here
        if rel == "index.html" or rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        paths.append("/" + rel)
    return paths


def language_of(path: str) -> str:
    return "en" if path.startswith("/en/") else "vi"


@functools.lru_cache(maxsize=1)
def agent_rules() -> list:
    """The axe rules of Lighthouse's agentic-browsing audit (its TARGET_RULES set)."""
    if not AGENT_AUDIT.is_file():
        message = f"{AGENT_AUDIT.relative_to(ROOT)} is missing: run `npm ci` (scripts/setup-test-env.sh does)"
        if os.environ.get("CI"):
            pytest.fail(message + ": in CI a missing Lighthouse is a failure")
        pytest.skip(message)
    found = re.search(r"TARGET_RULES = new Set\(\[(.*?)\]\)", AGENT_AUDIT.read_text("utf-8"), re.S)
    assert found, f"{AGENT_AUDIT.name}: TARGET_RULES not found (Lighthouse changed): update agent_rules()"
    rules = re.findall(r"'([a-z-]+)'", found.group(1))
    assert "aria-allowed-role" in rules, rules
    return rules


AXE_RUN = """async ([tags, extra]) => {
  const rules = Object.fromEntries(extra.map(id => [id, {enabled: true}]));
  const r = await axe.run(document, {runOnly: {type: "tag", values: tags}, rules, resultTypes: ["violations"]});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.map(t => [].concat(t).join(" >>> ")).join(" | "))}));
}"""


def run_axe(page) -> list:
    return page.evaluate(AXE_RUN, [WCAG_TAGS, agent_rules()])


def report(found: dict) -> str:
    """found: {label: [violation, ...]} -> readable text, with a count per rule first."""
    per_rule = Counter()
    lines = []
    for label, violations in found.items():
        for v in violations:
            per_rule[v["id"]] += len(v["targets"])
            lines.append(f"{label}: {v['id']} ({v['impact']}) {v['help']}")
            lines.extend(f"    {t}" for t in v["targets"][:10])
            if len(v["targets"]) > 10:
                lines.append(f"    … and {len(v['targets']) - 10} more")
    head = ", ".join(f"{rule}: {n}" for rule, n in per_rule.most_common())
    return f"elements failing, per rule: {head}\n" + "\n".join(lines)


@pytest.fixture(scope="session")
def axe_context(browser, axe_source):
    """One browser context per viewport, axe loaded into every document (and frame)."""
    contexts = {}

    def get(name: str):
        if name not in contexts:
            context = browser.new_context(**VIEWPORTS[name])
            context.set_default_timeout(TIMEOUT_MS)
            context.add_init_script(script=axe_source)
            contexts[name] = context
        return contexts[name]

    yield get
    for context in contexts.values():
        context.close()


def open_page(page, site_url: str, path: str):
    response = page.goto(site_url + path, wait_until="load")
    assert response is not None and response.status == 200, f"{path}: not served"


def test_axe_is_the_pinned_version(axe_context, site_url):
    page = axe_context("desktop").new_page()
    open_page(page, site_url, "/")
    assert page.evaluate("axe.version") == pinned_axe_version()
    page.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_page_has_no_axe_violations(axe_context, built_site, site_url, viewport):
    pages = site_pages(built_site)
    assert pages, f"no HTML page found in {built_site}"
    assert any(p.startswith("/en/") for p in pages) and any(not p.startswith("/en/") for p in pages), (
        "the build lacks one of the two languages")
    page = axe_context(viewport).new_page()
    found = {}
    for path in pages:
        open_page(page, site_url, path)
        violations = run_axe(page)
        if violations:
            found[path] = violations
    page.close()
    assert not found, f"axe ({viewport}, {len(pages)} pages): " + report(found)


def open_search_with_results(page, lang: str):
    query = SEARCH_QUERY[lang]
    button = page.locator("header .md-header__button[for='__search']")
    (button if button.is_visible() else page.locator(".md-search__input")).click()
    page.wait_for_function("document.getElementById('__search').checked")
    page.keyboard.type(query)
    wait_for_search(page, query)
    count = page.locator(".md-search-result__item").count()
    assert count, f"search for '{query}' showed no result, so the dialog was not checked with results"
    # Material's dialog animates in; check what the reader sees once it has settled.
    page.wait_for_timeout(400)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("path", ["/", "/en/", "/thu-tuc-hanh-chinh/mot-cua/"])
def test_open_search_with_results_has_no_axe_violations(axe_context, site_url, viewport, path):
    page = axe_context(viewport).new_page()
    open_page(page, site_url, path)
    open_search_with_results(page, language_of(path))
    violations = run_axe(page)
    page.close()
    assert not violations, f"axe, search open ({viewport}): " + report({path: violations})


@pytest.mark.parametrize("path", ["/", "/en/", "/thu-tuc-hanh-chinh/mot-cua/"])
def test_open_phone_menu_has_no_axe_violations(axe_context, site_url, path):
    page = axe_context("phone").new_page()
    open_page(page, site_url, path)
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_function("document.getElementById('__drawer').checked")
    page.wait_for_timeout(400)
    violations = run_axe(page)
    page.close()
    assert not violations, "axe, menu open (phone): " + report({path: violations})


# ---------------------------------------------------------------- the keyboard

KEYBOARD_PAGES = ["/", "/en/", "/thu-tuc-hanh-chinh/mot-cua/", "/en/thu-tuc-hanh-chinh/noi-nop-ho-so/"]

# What the reader sees of an element: shown, in the viewport, not covered by what is on top.
VISIBLE = """el => {
  if (!el || el === document.body) return false;
  const s = getComputedStyle(el), r = el.getBoundingClientRect();
  if (s.visibility !== "visible" || s.opacity === "0" || r.width < 1 || r.height < 1) return false;
  if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) return false;
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  return !!top && (el.contains(top) || top.contains(el) || (el.labels && [...el.labels].some(l => l.contains(top))));
}"""

DESCRIBE = """el => el ? (el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
  (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "") +
  (el.getAttribute("href") ? `[href="${el.getAttribute("href")}"]` : "") +
  ` "${(el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 40)}"`) : "nothing"
"""


@pytest.fixture(params=list(VIEWPORTS))
def keyboard_page(request, browser, site_url):
    context = browser.new_context(**VIEWPORTS[request.param])
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.viewport_name = request.param
    page.open = lambda path: open_page(page, site_url, path)
    yield page
    context.close()


def active(page, script: str):
    return page.evaluate(f"({script})(document.activeElement)")


def shown(page, ms: int = 1000) -> bool:
    """Whether the focused element can be seen, allowing `ms` for Material's transitions (the
    skip link fades in, the drawer slides)."""
    try:
        page.wait_for_function(f"() => ({VISIBLE})(document.activeElement)", timeout=ms, polling=50)
        return True
    except Exception:
        return False


def tab_until(page, script: str, limit: int = 40) -> bool:
    """Press Tab until `script(activeElement)` is true; False if it never is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if active(page, script):
            return True
    return False


@pytest.mark.parametrize("path", KEYBOARD_PAGES + ["/404.html"])
def test_first_tab_is_a_visible_skip_link_to_the_content(keyboard_page, path):
    page = keyboard_page
    page.open(path)
    page.keyboard.press("Tab")
    assert active(page, "el => el.matches('a.cchc-skip')"), (
        f"{path}: the first Tab reached {active(page, DESCRIBE)}, not the skip link")
    assert shown(page), f"{path}: the skip link has focus but cannot be seen"
    page.keyboard.press("Enter")
    # The jump to #__main lands a moment after the key press: wait for it, fail if it never does.
    page.wait_for_function("location.hash === '#__main'", timeout=5000)
    page.keyboard.press("Tab")
    where = active(page, """el => {
      const start = document.getElementById("__main");
      return {after: !!(start.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
              chrome: !!el.closest("header, .md-sidebar, .md-tabs")};
    }""")
    assert where["after"] and not where["chrome"], (
        f"{path}: after the skip link, Tab went to {active(page, DESCRIBE)}, not into the content")
    assert shown(page), f"{path}: after the skip link, focus is on {active(page, DESCRIBE)}, which cannot be seen"


FOCUS_STYLE = """el => { const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(" / "); }"""


@pytest.mark.parametrize("path", KEYBOARD_PAGES)
def test_focus_is_visible_on_every_link_and_button(keyboard_page, path):
    """Tab through the whole page: each stop must be in sight, not under the fixed header
    (WCAG 2.4.11), and look different focused from unfocused (2.4.7)."""
    page = keyboard_page
    page.open(path)
    page.evaluate(f"""() => {{
      const style = {FOCUS_STYLE};
      document.querySelectorAll("a[href], button, [role=button], input, summary, [tabindex]").forEach(
        (el, i) => {{ el.dataset.a11yIndex = i; el.dataset.a11yUnfocused = style(el); }});
    }}""")
    seen, plain, hidden, kinds = set(), [], [], Counter()
    for _ in range(400):
        page.keyboard.press("Tab")
        stop = page.evaluate(f"""() => {{
          const el = document.activeElement;
          if (!el || el === document.body || !el.dataset.a11yIndex) return null;
          return {{index: el.dataset.a11yIndex, before: el.dataset.a11yUnfocused, after: ({FOCUS_STYLE})(el),
                  kind: el.matches("a[href]") ? "link" : el.matches("button, [role=button], summary") ? "button" : "other",
                  name: ({DESCRIBE})(el)}};
        }}""")
        if stop is None or stop["index"] in seen:
            break  # focus left the page (to the browser) or came round again
        seen.add(stop["index"])
        kinds[stop["kind"]] += 1
        if not shown(page):
            hidden.append(stop["name"])
        if stop["before"] == stop["after"] or stop["after"].startswith("none / 0px") and stop["after"].endswith("none"):
            plain.append(f"{stop['name']}: {stop['after']}")
    assert kinds["link"] and kinds["button"], f"{path}: Tab reached too little to check: {dict(kinds)}"
    assert not plain, f"{path}: focus cannot be seen on:\n" + "\n".join(plain)
    assert not hidden, f"{path}: these have the focus but are hidden or covered (WCAG 2.4.11):\n" + "\n".join(hidden)


# The header's search button: a <span role=button> inside Material's label (a label may have no
# ARIA role: partials/a11y-script.html).
SEARCH_OPENER = ("el => el.matches('.md-search__input, .md-header__button[for=\"__search\"] > [role=button]')")


@pytest.mark.parametrize("path", ["/", "/en/thu-tuc-hanh-chinh/noi-nop-ho-so/"])
def test_search_works_from_the_keyboard(keyboard_page, path):
    page = keyboard_page
    page.open(path)
    assert tab_until(page, SEARCH_OPENER), f"{path}: Tab never reaches the search box or button"
    assert shown(page), f"{path}: Tab reached {active(page, DESCRIBE)}, which cannot be seen"
    opener = active(page, DESCRIBE)
    if not active(page, "el => el.matches('.md-search__input')"):
        page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__search').checked")
    assert active(page, "el => el.matches('.md-search__input')"), (
        f"{path}: search opened, but the cursor is on {active(page, DESCRIBE)}, not in the box")
    query = SEARCH_QUERY[language_of(path)]
    page.keyboard.type(query)
    wait_for_search(page, query)
    assert tab_until(page, "el => el.matches('a.md-search-result__link')", limit=5), (
        f"{path}: Tab from the search box does not reach the results")
    assert shown(page), f"{path}: the focused result cannot be seen"
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert not page.evaluate("document.getElementById('__search').checked"), f"{path}: Escape did not close search"
    assert active(page, SEARCH_OPENER) and shown(page), (
        f"{path}: after Escape focus is on {active(page, DESCRIBE)}, not back on {opener}")


def test_phone_menu_opens_and_closes_from_the_keyboard(browser, site_url):
    context = browser.new_context(**PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    for path in KEYBOARD_PAGES:
        open_page(page, site_url, path)
        menu = "el => el.matches('label.md-header__button[for=\"__drawer\"] > [role=button]')"
        assert tab_until(page, menu, limit=5), f"{path}: Tab never reaches the menu button"
        assert shown(page), f"{path}: the menu button has focus but cannot be seen"
        assert active(page, "el => el.getAttribute('role') === 'button' && el.getAttribute('aria-expanded') === 'false'")
        for key in ("Enter", " "):
            page.keyboard.press(key)
            page.wait_for_function("document.getElementById('__drawer').checked")
            assert active(page, "el => !!el.closest('.md-sidebar--primary')") and shown(page), (
                f"{path}: the menu opened, but focus is on {active(page, DESCRIBE)}")
            # The open menu covers the page: Tab and Shift+Tab go round its items (however few
            # the section has) and never reach a link hidden behind it.
            for step in ("Tab",) * 12 + ("Shift+Tab",) * 12:
                page.keyboard.press(step)
                assert active(page, "el => !!el.closest('.md-sidebar--primary')") and shown(page), (
                    f"{path}: {step} in the open menu went to {active(page, DESCRIBE)}")
            page.keyboard.press("Escape")
            page.wait_for_function("!document.getElementById('__drawer').checked")
            assert active(page, menu) and active(page, "el => el.getAttribute('aria-expanded') === 'false'"), (
                f"{path}: after Escape focus is on {active(page, DESCRIBE)}, not the menu button")
        page.wait_for_timeout(300)  # the drawer slides out
        page.keyboard.press("Tab")
        assert not active(page, "el => !!el.closest('.md-sidebar--primary')"), (
            f"{path}: after closing the menu, Tab went into the hidden drawer")
    context.close()
