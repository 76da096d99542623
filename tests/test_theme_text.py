"""Material's interface texts through our cached lookup (overrides/partials/language.html,
cchc/theme_text.py, registered by hooks/fragments.py) are Material's own, for every key of
every language Material ships, and an environment without our hooks still gets them."""
import importlib.util
import re
import sys
from pathlib import Path

import jinja2
import material
import pytest

from conftest import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
LANGUAGES = sorted(p.stem for p in (MATERIAL / "partials" / "languages").glob("*.html"))
KEY = re.compile(r'^\s*"([a-z][a-z0-9.]*)":', re.M)
KEYS = sorted(set(KEY.findall((MATERIAL / "partials" / "languages" / "en.html").read_text("utf-8")))) + ["no.such.key"]


def environment(with_overrides: bool) -> jinja2.Environment:
    # MkDocs' own settings for a theme's environment (mkdocs/theme.py): no autoescape.
    dirs = [str(ROOT / "overrides"), str(MATERIAL)] if with_overrides else [str(MATERIAL)]
    return jinja2.Environment(loader=jinja2.FileSystemLoader(dirs), auto_reload=False)


def fragments_hook():
    sys.path.insert(0, str(ROOT / "hooks"))
    spec = importlib.util.spec_from_file_location("cchc_hook_fragments", ROOT / "hooks" / "fragments.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def texts(env: jinja2.Environment, lang: str) -> list:
    template = env.from_string('{% import "partials/language.html" as lang with context %}'
                               '{% for key in keys %}{{ lang.t(key) }}\n{% endfor %}')
    return template.render(config={"theme": {"language": lang}}, keys=KEYS).split("\n")


def test_the_keys_were_found():
    assert len(LANGUAGES) > 40 and {"vi", "en"} <= set(LANGUAGES)
    assert len(KEYS) > 50 and "search.placeholder" in KEYS


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_text_is_materials_own(lang):
    stock = texts(environment(False), lang)
    ours_env = fragments_hook().on_env(environment(True), None, None)
    assert "cchc_text" in ours_env.globals
    assert texts(ours_env, lang) == stock
    # ...twice: the second answer comes from the cache
    assert texts(ours_env, lang) == stock


def test_an_environment_without_our_hooks_gets_materials_lookup():
    # Material's search plugin makes its own environment and asks partials/language.html.
    bare = environment(True)
    assert "cchc_text" not in bare.globals
    assert texts(bare, "vi") == texts(environment(False), "vi")
    assert texts(bare, "vi")[KEYS.index("search.placeholder")] == "Tìm kiếm"
