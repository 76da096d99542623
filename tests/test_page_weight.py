"""A first visit stays light and stays on this site (issue 3, maintainers/performance.md).

The built site is opened in headless Chromium with a cold cache (a new browser context per
page) on the six pages scripts/bench_lighthouse.py measures: home, a theme hub and the longest
article, in Vietnamese and in English. Every response body is counted as a compressing web
server sends it (gzip level 6 for text, images and fonts as they are: cchc/page_weight.py),
and their sum must fit the budget. Any request to another host is refused and reported.
Lighthouse's scores stay a script: they depend on the machine, bytes do not.
"""
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from cchc import page_weight

PHONE = {
    "viewport": {"width": 412, "height": 823},  # Lighthouse's mobile emulation
    "device_scale_factor": 1.75,
    "is_mobile": True,
    "has_touch": True,
}
TIMEOUT_MS = 15_000
PAGES = page_weight.chosen_pages()


@dataclass
class Visit:
    counted: dict = field(default_factory=dict)  # URL -> (content type, bytes on the wire)
    foreign: list = field(default_factory=list)
    failed: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(size for _, size in self.counted.values())

    def table(self) -> str:
        rows = sorted(self.counted.items(), key=lambda item: -item[1][1])
        return "\n".join(f"  {size:7} B  {kind.split(';')[0]:24} {url}" for url, (kind, size) in rows)


def visit(browser, base: str, path: str) -> Visit:
    """Load `path` like a first-time reader on a phone and count what crosses the network."""
    local = urlsplit(base).netloc
    seen = Visit()
    context = browser.new_context(**PHONE)  # a new context: empty cache, no service worker
    try:
        def guard(route):
            url = route.request.url
            if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != local:
                seen.foreign.append(url)
                route.abort()
            else:
                route.continue_()

        def count(response):
            url = response.url
            if urlsplit(url).scheme not in ("http", "https") or 300 <= response.status < 400:
                return  # data: URLs cost nothing; a redirect's target is counted on its own
            try:
                body = response.body()
            except Exception as exc:  # noqa: BLE001 - the message says which response
                seen.failed.append(f"{url}: {exc}")
                return
            kind = response.headers.get("content-type", "")
            seen.counted[url] = (kind, page_weight.wire_bytes(body, kind))

        context.route("**/*", guard)
        page = context.new_page()
        page.on("response", count)
        page.on("requestfailed", lambda request: seen.failed.append(
            f"{request.url}: {request.failure}") if urlsplit(request.url).netloc == local else None)
        response = page.goto(base + path, wait_until="networkidle", timeout=TIMEOUT_MS)
        assert response is not None and response.ok, f"{path} did not load: {response and response.status}"
    finally:
        context.close()
    return seen


@pytest.mark.parametrize("label,path", PAGES, ids=[label.replace(" ", "-") for label, _ in PAGES])
def test_first_visit_fits_budget_and_stays_on_site(browser, site_url, label, path):
    seen = visit(browser, site_url, path)
    assert not seen.foreign, f"{path} asks another host for: {seen.foreign}"
    assert not seen.failed, f"{path}: requests that failed: {seen.failed}"
    # A count that saw nothing has failed: the page itself, its styles and scripts must be in it.
    kinds = [kind for kind, _ in seen.counted.values()]
    assert site_url + path in seen.counted, f"{path}: the page itself was not counted:\n{seen.table()}"
    for wanted in ("text/css", "javascript"):
        assert any(wanted in kind for kind in kinds), f"{path}: no {wanted} counted:\n{seen.table()}"
    assert seen.total <= page_weight.BUDGET_BYTES, (
        f"{label} ({path}) weighs {seen.total} B compressed on a first visit, over the budget of "
        f"{page_weight.BUDGET_BYTES} B:\n{seen.table()}")


def test_wire_bytes_compresses_text_only():
    text = b"<p>" + "Thủ tục hành chính. ".encode() * 200 + b"</p>"
    assert page_weight.wire_bytes(text, "text/html; charset=utf-8") < len(text) // 10
    assert page_weight.wire_bytes(text, "image/png") == len(text)
