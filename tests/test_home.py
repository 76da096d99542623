"""The home page on a phone (390x844), as a citizen arriving from a portal sees it: a search box
in the page and the few things people come for (where to file, the procedure cards, filing
online, feedback) above the fold, before the themes; typing without diacritics in that box
finds the card."""
import pytest

from conftest import wait_for_search

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}
TIMEOUT_MS = 15_000
# Where the first list under the search box must lead (href patterns), in both languages.
TASKS = [r"thu-tuc-hanh-chinh/noi-nop-ho-so/$", r"thu-tuc/", r"nop-ho-so-truc-tuyen/$", r"#gop-y-phan-anh"]


@pytest.fixture
def phone(browser, site_url):
    context = browser.new_context(**PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, site_url, errors
    context.close()


def bottom(locator) -> float:
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not rendered"
    return box["y"] + box["height"]


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_search_box_and_task_links_are_above_the_fold(phone, path):
    page, base, errors = phone
    page.goto(base + path, wait_until="load")
    height = page.viewport_size["height"]
    form = page.locator("article form[role=search]")
    assert form.count() == 1, "the home page has no search box of its own"
    box = form.locator("input[name=q]")
    assert box.is_visible() and bottom(box) <= height, f"{path}: the search box is below the fold"
    assert page.locator(f"label[for='{box.get_attribute('id')}']").is_visible(), "the search box has no visible label"
    tasks = form.locator("xpath=following::ul[1]//a")
    hrefs = [tasks.nth(i).get_attribute("href") for i in range(tasks.count())]
    for pattern in TASKS:
        assert any(__import__("re").search(pattern, h) for h in hrefs), f"{path}: no link to {pattern} in {hrefs}"
    for i in range(tasks.count()):
        assert bottom(tasks.nth(i)) <= height, f"{path}: '{tasks.nth(i).inner_text()}' is below the fold"
    themes = page.locator("article a[href*='cai-cach-hanh-chinh/']").first
    assert bottom(themes) > bottom(tasks.last), "the themes come before the tasks"
    assert not errors, errors


def test_typing_without_diacritics_in_the_page_box_finds_the_card(phone):
    page, base, errors = phone
    page.goto(base + "/", wait_until="load")
    box = page.locator("article form[role=search] input[name=q]")
    box.fill("dang ky khai sinh")
    box.press("Enter")
    wait_for_search(page, "dang ky khai sinh", TIMEOUT_MS)
    urls = page.eval_on_selector_all(
        ".md-search-result__item a.md-search-result__link", "as => as.map(a => new URL(a.href).pathname)")
    assert "/thu-tuc/dang-ky-khai-sinh/" in urls[:3], urls
    assert not errors, errors
