"""The built site in a real browser, as a reader on a phone sees it.

Every test opens a fresh Chromium context the size of a phone (390x844, touch) on the
site served from 127.0.0.1. The pages visited come from the data, not from a fixed list:
the home page, and for every theme in data/taxonomy.yml its hub plus one other page of
that theme (found in the front matter of docs/vi/), with their English versions.
"""
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
import yaml

from cchc import english, paths, site

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
PLAN_PAGE = "/ke-hoach/thuan-nam-2022/"
PLAN_ANCHOR = "tn22-nd-05"
NO_ENGLISH_NOTICE = "This page has no English version yet"
TIMEOUT_MS = 10_000

# ---------------------------------------------------------------- pages, from the data

PAGES = [p for p in site.discover() if p.meta is not None]
VI = {p.src: p for p in PAGES if p.lang == paths.DEFAULT_LANGUAGE}
EN = {p.src: p for p in PAGES if p.lang == "en"}
THEMES = yaml.safe_load((paths.DATA / "taxonomy.yml").read_text("utf-8"))["themes"]


def hub_src(theme: dict) -> str:
    return f"{theme['path']}/index.md"


def other_page_of(theme: dict):
    """One Vietnamese page of the theme that is not its hub, or None if there is none yet."""
    for page in VI.values():
        if page.meta.get("theme") == theme["id"] and page.meta.get("kind") != "hub":
            return page
    return None


def english_url(path: str) -> str:
    return "/en" + path


def _param(path: str, id_: str, src: str):
    """A page to visit; skipped (with the reason shown) while its source is not written."""
    if src not in VI:
        reason = f"docs/vi/{src} is not written yet, so {path} does not exist"
        return pytest.param(path, id=id_, marks=pytest.mark.skip(reason=reason))
    return pytest.param(path, id=id_)


def visited_pages(english: str = "all") -> list:
    """Home, then per theme: its hub and one other page.

    english="all" adds each page's English twin (when docs/en/ has it); "home" adds only
    the English home page (for the slower checks that also run the search)."""
    chosen = [("/", "home", "index.md")]
    for theme in THEMES:
        chosen.append((f"/{theme['path']}/", f"{theme['id']}-hub", hub_src(theme)))
        other = other_page_of(theme)
        if other is not None:
            chosen.append((other.url, f"{theme['id']}-{other.src[:-3].split('/')[-1]}", other.src))
    params = []
    for path, id_, src in chosen:
        params.append(_param(path, id_, src))
        if src in VI and src in EN and (english == "all" or src == "index.md"):
            params.append(pytest.param(english_url(path), id=f"en-{id_}"))
    return params


def language_switch_pages() -> list:
    """Vietnamese pages that have an English version: home, a theme hub, the plan page."""
    hub = next((t for t in THEMES if hub_src(t) in VI and hub_src(t) in EN), None)
    params = [pytest.param("/", id="home")]
    if hub is None:
        params.append(pytest.param("/<hub>/", id="theme-hub", marks=pytest.mark.skip(
            reason="no theme hub has an English version (docs/en/<path>/index.md) yet")))
    else:
        params.append(pytest.param(f"/{hub['path']}/", id=f"{hub['id']}-hub"))
    params.append(pytest.param(PLAN_PAGE, id="plan-thuan-nam-2022"))
    return params


# ---------------------------------------------------------------- browser helpers


@dataclass
class Phone:
    page: object
    base: str
    requests: list = field(default_factory=list)  # every URL the browser asked for
    errors: list = field(default_factory=list)  # console errors and uncaught exceptions

    def open(self, path: str):
        """Load path; fail if the server does not answer 200."""
        response = self.page.goto(self.base + path, wait_until="load")
        assert response is not None, f"{path}: the browser got no answer at all"
        assert response.status == 200, f"{path}: the reader gets HTTP {response.status} instead of the page"
        return response

    def path(self) -> str:
        return urlsplit(self.page.url).path

    def html_lang(self) -> str:
        return self.page.evaluate("document.documentElement.lang")


@pytest.fixture
def phone(browser, site_url):
    context = browser.new_context(**PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    visit = Phone(page, site_url)
    # On the context, so requests made by the search web worker are recorded too.
    context.on("request", lambda request: visit.requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and visit.errors.append(
        f"console error: {msg.text} (at {msg.location.get('url', '?')})"))
    page.on("pageerror", lambda exc: visit.errors.append(f"uncaught exception: {exc}"))
    yield visit
    context.close()


OVERFLOWING_ELEMENTS_JS = """(width) => {
  const limit = width + 1;
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
    }
    return false;
  };
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim())
      s += '.' + el.className.trim().split(/\\s+/).join('.');
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
    const r = el.getBoundingClientRect();
    return `${s} (right edge at ${Math.round(r.right)}px, width ${Math.round(r.width)}px)`
      + (text ? ` "${text}"` : '');
  };
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= limit || clipped(el)) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.opacity === '0') continue;
    const parent = el.parentElement;
    // Report where the overflow starts: the parent still fits, this element does not.
    if (parent && parent !== document.body && parent.getBoundingClientRect().right > limit
        && !clipped(parent)) continue;
    found.push(describe(el));
  }
  return found.slice(0, 10);
}"""


def assert_no_horizontal_scroll(phone: Phone, path: str):
    # A phone browser zooms out to fit a page wider than the screen, and then innerWidth
    # grows with it; so the limit is the phone's own width, not whatever innerWidth says.
    width = PHONE["viewport"]["width"]
    widths = phone.page.evaluate(
        "({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})")
    if widths["scroll"] <= widths["inner"] == width:
        return
    culprits = phone.page.evaluate(OVERFLOWING_ELEMENTS_JS, width) or ["(no single element found)"]
    pytest.fail(
        f"{path}: on a {width}px-wide phone the page is {widths['scroll']}px wide, so the reader "
        f"has to scroll sideways or sees it shrunk. Sticking out on the right:\n  "
        + "\n  ".join(culprits))


def expected_lang(path: str) -> str:
    return "en" if path == "/en/" or path.startswith("/en/") else paths.DEFAULT_LANGUAGE


def open_search_and_type(phone: Phone, query: str):
    """Tap the header's search button, type a query, and wait for the result count."""
    page = phone.page
    page.locator("header.md-header label.md-header__button[for='__search']").click()
    box = page.locator(".md-search__input")
    box.wait_for(state="visible")
    meta = page.locator(".md-search-result__meta")
    before = meta.inner_text()
    box.press_sequentially(query)  # Material reads the query on keyup, so type it like a person
    try:
        page.wait_for_function(
            "before => document.querySelector('.md-search-result__meta').innerText !== before",
            arg=before, timeout=TIMEOUT_MS)
    except Exception:
        pytest.fail(f"{phone.path()}: after typing '{query}' in the search box, it still says "
                    f"'{before}': the search never answers")
    page.keyboard.press("Escape")


def scroll_through(phone: Phone):
    phone.page.evaluate("""async () => {
      const step = window.innerHeight;
      for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
        window.scrollTo(0, y);
        await new Promise(r => requestAnimationFrame(r));
      }
      window.scrollTo(0, document.documentElement.scrollHeight);
    }""")
    phone.page.wait_for_timeout(200)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob") or parts.hostname == "127.0.0.1"


def switch_language(phone: Phone, lang: str):
    """Use the header's language menu like a reader: tap the button, then the language."""
    page = phone.page
    header = page.locator("header.md-header")
    links = header.locator(f"a.md-select__link[hreflang='{lang}']")
    assert links.count() == 1, (
        f"{phone.path()}: the header's language menu has {links.count()} links to language "
        f"'{lang}' (expected exactly one)")
    button = header.locator(".md-select button")
    if button.count() and not _menu_open(page):
        button.first.click()
    try:
        with page.expect_navigation(wait_until="load"):
            links.first.click()
    except Exception as exc:
        pytest.fail(f"{phone.path()}: tapping the language button and then '{lang}' in the "
                    f"header did not open another page ({type(exc).__name__}: {exc})")


def _menu_open(page) -> bool:
    return page.evaluate("""() => {
      const inner = document.querySelector('header .md-select__inner');
      return !!inner && getComputedStyle(inner).opacity === '1'
        && inner.getBoundingClientRect().height > 0;
    }""")


# ---------------------------------------------------------------- tests


@pytest.mark.parametrize("path", visited_pages())
def test_page_fits_phone_with_one_title_and_right_language(phone, path):
    phone.open(path)
    assert_no_horizontal_scroll(phone, path)
    titles = phone.page.locator("h1").all_inner_texts()
    assert len(titles) == 1, f"{path}: the page has {len(titles)} main titles (<h1>): {titles!r}; it must have one"
    assert titles[0].strip(), f"{path}: the page's main title (<h1>) is empty"
    lang = phone.html_lang()
    want = expected_lang(path)
    assert lang == want, (
        f"{path}: the page says its language is '{lang}' (<html lang>), but it is a "
        f"{'English' if want == 'en' else 'Vietnamese'} page ('{want}'); screen readers will mispronounce it")


@pytest.mark.parametrize("path", visited_pages(english="home"))
def test_page_stays_on_this_site_without_errors(phone, path):
    phone.open(path)
    open_search_and_type(phone, "reform" if expected_lang(path) == "en" else "cải cách")
    scroll_through(phone)
    outside = sorted({url for url in phone.requests if not is_local(url)})
    if outside:
        pytest.fail(f"{path}: opening the page, searching and scrolling made the reader's browser "
                    f"contact other sites:\n  " + "\n  ".join(outside))
    if phone.errors:
        pytest.fail(f"{path}: the browser console shows errors while the page is opened, searched "
                    f"and scrolled:\n  " + "\n  ".join(phone.errors))


@pytest.mark.parametrize("path", language_switch_pages())
def test_language_menu_leads_to_english_version_of_same_page(phone, path):
    phone.open(path)
    switch_language(phone, "en")
    want = english_url(path)
    assert phone.path() == want, (
        f"{path}: choosing 'English' in the header's language menu opened {phone.path()} "
        f"instead of the English version of this page, {want}")
    assert phone.html_lang() == "en", f"{want}: after switching to English, <html lang> is '{phone.html_lang()}'"


@pytest.mark.parametrize("path", language_switch_pages())
def test_language_menu_leads_back_to_vietnamese_version_of_same_page(phone, path):
    start = english_url(path)
    phone.open(start)
    switch_language(phone, paths.DEFAULT_LANGUAGE)
    assert phone.path() == path, (
        f"{start}: choosing 'Tiếng Việt' in the header's language menu opened {phone.path()} "
        f"instead of the Vietnamese version of this page, {path}")
    assert phone.html_lang() == paths.DEFAULT_LANGUAGE, (
        f"{path}: after switching to Vietnamese, <html lang> is '{phone.html_lang()}'")


def test_untranslated_page_is_linked_in_vietnamese_not_copied(phone):
    """cchc/english.py: a page with no English version has no /en/ copy. Its language menu leads
    to the English index page of its section, and that page links to the Vietnamese page,
    marked as Vietnamese, where it lists it."""
    def listed_by_its_landing(p):  # the English page its menu leads to is its theme's hub
        return english.landing(p.src, set(VI)) in {hub_src(t) for t in THEMES if t["id"] == p.meta.get("theme")}

    alone = sorted((p for p in VI.values() if p.src not in EN and posixpath.basename(p.src) != english.INDEX
                    and p.meta.get("kind") not in ("hub", "procedure")),
                   key=lambda p: (not listed_by_its_landing(p), p.src))
    if not alone:
        pytest.skip("every Vietnamese content page has an English version: nothing to link")
    page_rec = alone[0]
    phone.open(page_rec.url)
    switch_language(phone, "en")
    landing = site.url_for("en", english.landing(page_rec.src, set(VI)))
    assert phone.path() == landing, (
        f"{page_rec.url} (docs/vi/{page_rec.src}, no English version): choosing 'English' opened "
        f"{phone.path()} instead of the English index page of its section, {landing}")
    assert phone.html_lang() == "en", f"{landing}: <html lang> is '{phone.html_lang()}'"
    # The theme hub's page list (md:theme-pages) leads to the Vietnamese page itself, marked.
    links = phone.page.evaluate("""url => [...document.querySelectorAll('article a[href]')]
        .filter(a => new URL(a.href).pathname === url)
        .map(a => ({hreflang: a.hreflang, lang: a.lang}))""", page_rec.url)
    if listed_by_its_landing(page_rec):
        assert {"hreflang": "vi", "lang": "vi"} in links, (
            f"{landing}: the theme's page list has no link to the Vietnamese page {page_rec.url} "
            f"marked hreflang=\"vi\" lang=\"vi\" (links to it: {links})")
    phone.open(english_url(page_rec.url))
    assert NO_ENGLISH_NOTICE not in phone.page.content(), (
        f"{english_url(page_rec.url)}: an English copy of the untranslated page is still built")


def test_plan_headings_have_ascii_anchors_and_anchor_scrolls_into_view(phone):
    phone.open(f"{PLAN_PAGE}#{PLAN_ANCHOR}")
    heading = phone.page.locator(f"#{PLAN_ANCHOR}")
    assert heading.count() == 1, f"{PLAN_PAGE}: there is no heading with id '{PLAN_ANCHOR}'"
    in_view = """id => {
      const r = document.getElementById(id).getBoundingClientRect();
      const header = document.querySelector('header.md-header');
      const top = header ? header.getBoundingClientRect().bottom : 0;
      return r.top >= top - 1 && r.bottom <= window.innerHeight;
    }"""
    try:
        phone.page.wait_for_function(in_view, arg=PLAN_ANCHOR, timeout=5_000)
    except Exception:
        box = heading.bounding_box()
        pytest.fail(
            f"{PLAN_PAGE}#{PLAN_ANCHOR}: opening the link does not show the heading on a phone: it is "
            f"at y={box and round(box['y'])}px, not between the sticky header and the bottom of "
            f"the 844px-high window")

    ids = phone.page.eval_on_selector_all(
        "article h2, article h3", "els => els.map(e => [e.tagName, e.id, e.textContent.trim()])")
    assert ids, f"{PLAN_PAGE}: the plan page has no h2/h3 headings"
    bad = [f"<{tag.lower()} id='{id_}'> {text}" for tag, id_, text in ids
           if not re.fullmatch(r"[a-z0-9_-]+", id_)]
    assert not bad, (
        f"{PLAN_PAGE}: these headings' link anchors are missing or not plain ASCII, so links "
        f"to them break or look garbled when shared:\n  " + "\n  ".join(bad))
