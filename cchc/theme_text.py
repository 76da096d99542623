"""Material's interface texts ("Tìm kiếm", "Về đầu trang"...), looked up once per language
and key.

Material's partials/language.html gives every template a macro `t(key)` that calls the
language file's own macro (partials/languages/<lang>.html), which builds the whole table of
about 70 texts to return one of them, and is imported anew for every page (base.html imports
it `with context`). A page asks for a dozen texts: at 2,000 cards the import and the tables
were about a tenth of a procedure card's template time (58 of 529 py-spy samples;
maintainers/scale.md, "fifth session"). overrides/partials/
language.html asks `text()` instead, which keeps each answer: the same lookup (the language's
text, else the English one, else the key itself), made by calling Material's own macros, so a
new Material release's texts come through unchanged. tests/test_theme_text.py compares both for
every key of every language Material ships.
"""


def text(env, cache: dict, lang: str, key: str):
    """The interface text for `key` in `lang`, as Material's language.html macro `t` renders it."""
    found = cache.get((lang, key))
    if found is None:
        own = env.get_template(f"partials/languages/{lang}.html").module
        fallback = env.get_template("partials/languages/en.html").module
        # Kept as Material's macros return it (Markup): an environment that escapes would
        # otherwise escape the text a second time.
        found = cache[(lang, key)] = own.t(key) or fallback.t(key) or key
    return found
