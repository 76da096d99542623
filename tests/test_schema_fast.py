"""The checker asks fastjsonschema first whether a page's front matter is valid and jsonschema
(for the messages) only when it is not (cchc/data.py, is_valid_fast). A page fastjsonschema
passes and jsonschema would fail would pass unreported: that must never happen. (The other
way round only costs time: fastjsonschema reads `$` as the very end, so it refuses a value
ending in a newline that jsonschema lets through, and jsonschema is then asked.) Compared on
every page of the site and on values made wrong in every field the page schema names, each
way a careless editor can get it wrong; and the schema uses only keywords fastjsonschema
reads as jsonschema does (it compiles draft-07 and ignores newer keywords)."""
import copy
import datetime

import pytest

from cchc import data, paths, site

WRONG_VALUES = [None, True, 0, 1.5, -1, "", " ", "x", "x" * 300, "2022-02-30", "2022-2-3", "ABC",
                "Có Dấu", [], ["a", "a"], [1], [None], {}, {"x": 1}, datetime.date(2022, 1, 1),
                "2022-01-01\n", "thu-tuc/a.md\n", "nguoi-dan\n", "x\n"]
# Keywords with the same meaning in draft-07 (what fastjsonschema compiles) and 2020-12.
SHARED_KEYWORDS = {"$schema", "$id", "title", "description", "type", "properties", "required",
                   "additionalProperties", "items", "enum", "const", "pattern", "format", "minLength",
                   "maxLength", "minItems", "maxItems", "uniqueItems", "minimum", "maximum",
                   "anyOf", "oneOf", "allOf", "not", "default", "examples"}


def _paths(schema, at=()):
    """Every property path the schema names (through objects and arrays' items)."""
    for name, sub in (schema.get("properties") or {}).items():
        yield at + (name,)
        yield from _paths(sub, at + (name,))
    if isinstance(schema.get("items"), dict):
        yield from _paths(schema["items"], at + (0,))


def _set(value, path, new):
    """`value` with the item at `path` set to `new` (a missing list made to hold it)."""
    out = copy.deepcopy(value)
    node = out
    for key in path[:-1]:
        if isinstance(key, int):
            if not isinstance(node, list) or not node:
                return None
        elif not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    if isinstance(path[-1], int):
        if not isinstance(node, list) or not node:
            return None
    elif not isinstance(node, dict):
        return None
    node[path[-1]] = new
    return out


def _agree(value):
    """(fastjsonschema's pass is jsonschema's too, (fast verdict, jsonschema's))."""
    fast = data.is_valid_fast("page", value)
    slow = not list(data.validator("page").iter_errors(value))
    return (slow or not fast), (fast, slow)


def _keywords(schema):
    if isinstance(schema, dict):
        for key, sub in schema.items():
            yield key
            if key == "properties":
                for prop in sub.values():
                    yield from _keywords(prop)
            elif key == "items" and isinstance(sub, list):
                yield "items as a list"  # a tuple in draft-07, not in 2020-12
            elif key in ("items", "additionalProperties", "not"):
                yield from _keywords(sub)
            elif key in ("anyOf", "oneOf", "allOf"):
                for s in sub:
                    yield from _keywords(s)


def test_the_page_schema_uses_only_keywords_both_validators_read_alike():
    used = set(_keywords(data.load_schema("page")))
    assert used - SHARED_KEYWORDS == set()


def test_fastjsonschema_is_installed():
    """Without it the checker still works, only slower: the figure in maintainers/scale.md
    assumes it, and the comparison below would compare nothing."""
    assert data.fastjsonschema is not None


def test_both_validators_agree_on_every_page_of_the_site():
    pages = [p for p in site.discover(paths.ROOT) if p.meta is not None]
    assert len(pages) > 50
    for page in pages:
        ok, verdicts = _agree(page.meta)
        assert ok, (page.rel, verdicts)


@pytest.mark.parametrize("kind", ["procedure", "article"])
def test_both_validators_agree_on_every_field_made_wrong(kind):
    base = next(p.meta for p in site.discover(paths.ROOT) if p.meta and p.meta.get("kind") == kind)
    schema = data.load_schema("page")
    tried = failed = 0
    for path in sorted(set(_paths(schema)), key=str):
        for wrong in WRONG_VALUES:
            value = _set(base, path, wrong)
            if value is None:
                continue
            tried += 1
            ok, verdicts = _agree(value)
            assert ok, (path, wrong, verdicts)
            failed += not verdicts[1]
        # and the field left out
        if len(path) == 1 and path[0] in base:
            value = {k: v for k, v in base.items() if k != path[0]}
            assert _agree(value)[0], path
    # a misspelt field, at the top and inside an object
    for path in [("titel",)] + [p + ("ghi-sai",) for p in _paths(schema) if isinstance(_get(base, p), dict)]:
        value = _set(base, path, "x")
        assert value is not None and _agree(value) == (True, (False, False)), path
    assert tried > 200 and failed > 100, (tried, failed)  # the comparison saw many wrong values


def _get(value, path):
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value
