"""Which pages carry out which plan item. One definition, used by the checker, the plan
pages and the reports, so they can never disagree."""
from cchc import paths


def covering_pages(data, pages) -> dict:
    """item id -> Vietnamese pages that cover it, in path order.

    A content item is covered by any page that lists it in `plan_items`; a form item only
    by a page of one of the item's `kinds` (a radio script covers the radio form). A page
    that lists an item with sub-items is listed for that item only, not for its sub-items.
    """
    out = {item_id: [] for item_id in data.items}
    for page in pages:
        if page.lang != paths.DEFAULT_LANGUAGE or not page.meta:
            continue
        ids = page.meta.get("plan_items")
        if not isinstance(ids, list):
            continue
        for item_id in ids:
            if not isinstance(item_id, str) or item_id not in data.items:
                continue
            _plan, item, kind = data.items[item_id]
            if kind == "form" and page.meta.get("kind") not in item["kinds"]:
                continue
            out[item_id].append(page)
    return out


def is_duty(item: dict, kind: str) -> bool:
    """Whether the site is expected to carry this item: not an item split into sub-items (its
    sub-items are), not a form the site does not carry (`kinds: []`, e.g. television)."""
    if item.get("sub_items"):
        return False
    return kind != "form" or bool(item.get("kinds"))


def duty_ids(data, plan: dict) -> list:
    """Ids of the plan's items the site must carry, in the plan's order."""
    return [i for i, (p, item, kind) in data.items.items() if p is plan and is_duty(item, kind)]
