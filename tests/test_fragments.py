"""Shared fragments (cchc/fragments.py, hooks/fragments.py): the sidebar, search box,
settings, script and style links and footer of pages outside the sidebar are rendered once per
folder. The pages must come out exactly as if each had been rendered on its own."""
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from cchc import fragments, paths
from conftest import load_script

ROOT = paths.ROOT
CARDS = 30


# ------------------------------------------------------------------ the rule


@pytest.mark.parametrize("url, base", [
    ("", "/"),
    ("thu-tuc/dang-ky-khai-sinh/", "/thu-tuc/dang-ky-khai-sinh"),
    ("thu-tuc/dang-ky-khai-sinh.html", "/thu-tuc"),  # use_directory_urls: false
    ("404.html", "/"),
    ("en/thu-tuc/", "/en/thu-tuc"),
])
def test_url_base_follows_mkdocs_relative_url_rule(url, base):
    assert fragments.url_base(url) == base


def test_target_folders_lists_every_folder_on_the_way_and_skips_absolute_links():
    folders = fragments.target_folders(
        ["thu-tuc/linh-vuc/ho-tich/", "assets/site.css", "https://dichvucong.gov.vn/", "/tuyet-doi/", "#top", None])
    assert folders == {"/", "/thu-tuc", "/thu-tuc/linh-vuc", "/thu-tuc/linh-vuc/ho-tich", "/assets", "/assets/site.css"}


def test_pages_in_one_folder_outside_the_sidebar_share():
    folders = fragments.target_folders(["", "thu-tuc/", "cai-cach-hanh-chinh/", "assets/site.css"])
    a = fragments.shared_key("thu-tuc/dang-ky-khai-sinh/", False, folders)
    b = fragments.shared_key("thu-tuc/dang-ky-ket-hon/", False, folders)
    assert a == b == "/thu-tuc"
    assert fragments.shared_key("tin-tuc/2026-11-mot-tin/", False, folders) == "/tin-tuc"


def test_a_page_in_the_sidebar_is_rendered_on_its_own():
    folders = fragments.target_folders(["", "thu-tuc/"])
    assert fragments.shared_key("thu-tuc/dang-ky-khai-sinh/", True, folders) is None


@pytest.mark.parametrize("inside", ["thu-tuc/dang-ky-khai-sinh/mau-to-khai/", "thu-tuc/dang-ky-khai-sinh/anh.png"])
def test_a_page_with_a_link_target_inside_its_folder_is_rendered_on_its_own(inside):
    # From thu-tuc/dang-ky-khai-sinh/ the target is 'mau-to-khai/'; from a neighbour '../dang-ky-khai-sinh/...'
    folders = fragments.target_folders(["", inside])
    assert fragments.shared_key("thu-tuc/dang-ky-khai-sinh/", False, folders) is None
    assert fragments.shared_key("thu-tuc/dang-ky-ket-hon/", False, folders) == "/thu-tuc"


def test_the_home_page_is_rendered_on_its_own():
    assert fragments.shared_key("", False, fragments.target_folders(["thu-tuc/"])) is None


def test_a_sidebar_item_is_shared_unless_it_links_into_the_page_folder():
    """An item of the sidebar on a page in it: the same rule, over the item's own links."""
    page = lambda url: SimpleNamespace(url=url)  # noqa: E731
    section = SimpleNamespace(children=[page("chi-so/"), page("chi-so/papi/")])
    folders = fragments.target_folders(fragments.item_urls([section]))
    assert fragments.shared_key("cai-cach-hanh-chinh/bai-1/", False, folders) == "/cai-cach-hanh-chinh"
    assert fragments.shared_key("gioi-thieu/", False, folders) == "/"
    # From the section's own index page its children are 'papi/'; from elsewhere '../chi-so/papi/'
    assert fragments.shared_key("chi-so/", False, folders) is None


def test_nav_urls_walks_sections_at_any_depth():
    page = lambda url: SimpleNamespace(url=url)  # noqa: E731
    nav = SimpleNamespace(items=[page(""), SimpleNamespace(children=[page("a/"), SimpleNamespace(children=[page("a/b/")])])])
    assert sorted(fragments.nav_urls(nav, ["x.css"])) == ["", "a/", "a/b/", "x.css"]


# ------------------------------------------------------------------ the built site



@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """The real pages plus a small province corpus, built with sharing on and off (and with
    the catalogue lists as HTML or as Markdown: cchc.markers.Blocks), and cards whose titles
    hold what the HTML lists must write as Markdown would: abbreviations (whose English
    titles hold an apostrophe), '&' and '<', and Markdown emphasis (that list stays Markdown)."""
    bench = load_script("bench")
    tree = tmp_path_factory.mktemp("fragments")
    bench.make_tree(tree, CARDS)
    card = sorted((tree / "docs" / "vi" / "thu-tuc").glob("*.md"))[0]
    source = card.read_text("utf-8")
    title = re.search(r'^title: "(.*)"$', source, re.M).group(1)
    field = re.search(r'^  field: "(.*)"$', source, re.M).group(1)
    other = next(f for f in ("ho-tich", "dat-dai", "y-te", "giao-duc-dao-tao") if f != field)
    # A glossary term that text() escapes: Markdown cannot mark it (an entity in its source).
    glossary = tree / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text("utf-8").replace(
        "terms:\n", "terms:\n  - term: TN&MT\n    vi: Tài nguyên và Môi trường\n    en: Natural Resources and Environment\n", 1),
        "utf-8")
    for i, new in enumerate(["Thủ tục của UBND và HĐND cấp xã, có CCCD", "Cấp phép A & B <mẫu 2> của Sở TN&MT",
                             "Cấp *nhanh* giấy phép"]):
        variant = source.replace(f'title: "{title}"', f'title: "{new}"', 1)
        if "*" in new:  # in another field: the first field's list stays HTML
            variant = variant.replace(f'  field: "{field}"', f'  field: "{other}"', 1)
        assert variant != source
        card.with_name(f"the-bien-the-{i}.md").write_text(variant, "utf-8")
    # A card that is a folder's index page (its English copy is kept: the English list links
    # there, not to the Vietnamese card), and one with a tab in its title (Markdown turns it
    # into spaces: its list stays Markdown).
    (card.parent / "the-thu-muc").mkdir()
    (card.parent / "the-thu-muc" / "index.md").write_text(
        source.replace(f'title: "{title}"', 'title: "Thẻ trong thư mục riêng"', 1), "utf-8")
    card.with_name("the-co-tab.md").write_text(
        source.replace(f'title: "{title}"', 'title: "Cấp\\tphép"', 1)
        .replace(f'  field: "{field}"', f'  field: "{other}"', 1), "utf-8")
    # A field page with an abbreviation of its own: Markdown would mark the lists' words with
    # it, so its lists stay Markdown.
    third = next(f for f in ("ho-tich", "dat-dai", "ho-kinh-doanh", "chung-thuc") if f not in (field, other))
    field_page = tree / "docs" / "vi" / "thu-tuc" / "linh-vuc" / f"{third}.md"
    field_page.write_text(field_page.read_text("utf-8") + "\n*[UBND]: định nghĩa riêng của trang\n", "utf-8")
    # The lists really were made both ways (see test_catalogue_lists_were_made_as_html).
    out = {}
    for mode in ("1", "0"):
        dest = tree / f"site-{mode}"
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tree / "mkdocs.yml"), "-d", str(dest)],
            cwd=tree, env=bench.child_env({"CCHC_SHARED_FRAGMENTS": mode}), capture_output=True, text=True,
            timeout=600)
        assert result.returncode == 0, result.stderr[-4000:]
        out[mode] = (dest, result.stderr)
    return out


def _html_files(site):
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*.html") if "pagefind" not in p.parts}


def test_every_page_is_the_same_with_and_without_sharing(two_builds):
    shared, alone = two_builds["1"][0], two_builds["0"][0]
    files = _html_files(shared)
    assert len(files) > 2 * CARDS  # the corpus really was built
    assert files.keys() == _html_files(alone).keys()
    different = [rel for rel, path in files.items() if path.read_bytes() != (alone / rel).read_bytes()]
    assert not different, f"{len(different)} pages differ, e.g. {different[:5]}"


def test_sharing_really_happened_in_both_languages(two_builds):
    """Equal pages would also come from never sharing: the hook's log says how often it did."""
    log = two_builds["1"][1]
    for lang in paths.LANGUAGES:
        m = re.search(rf"fragments: {lang}: (\d+) fragments rendered once, reused (\d+) times", log)
        assert m, log[-2000:]
        rendered, reused = int(m[1]), int(m[2])
        # Cards sit in one folder: each fragment is rendered once there and reused for the rest.
        assert reused >= CARDS * 5, (lang, rendered, reused)
        # Pages in the sidebar (section pages, articles): its items off their way, once per folder.
        m = re.search(rf"fragments: {lang}: .*; (\d+) sidebar items rendered once, reused (\d+) times", log)
        assert m and int(m[2]) > int(m[1]) > 0, (lang, m and m.groups())
    # ...and the build it is compared with really rendered everything per page.
    for lang in paths.LANGUAGES:
        assert (f"fragments: {lang}: 0 fragments rendered once, reused 0 times; 0 sidebar items rendered once,"
                " reused 0 times") in two_builds["0"][1]


def test_a_card_sidebar_is_the_stock_one_with_nothing_active(two_builds):
    shared = two_builds["1"][0]
    card = next(p for p in (shared / "thu-tuc").glob("*/index.html") if "linh-vuc" not in p.parts)
    html = card.read_text("utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[:nav.index("</ul>\n</nav>")]
    assert "md-nav__item--active" not in nav and "md-nav__link--active" not in nav
    # relative to the card's own folder, as Material writes it
    assert 'href="../../cai-cach-hanh-chinh/"' in nav and 'href="../"' in nav


def test_every_rewrite_of_material_templates_applies():
    """hooks/fragments.py finds its places in the pinned Material's templates by their text; a
    release that words them otherwise would silently render them per page again. Each place is
    found, and each rewritten template still compiles."""
    import importlib.util

    import jinja2
    sys.path.insert(0, str(ROOT / "hooks"))
    spec = importlib.util.spec_from_file_location("cchc_hook_fragments_rewrites", ROOT / "hooks" / "fragments.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    import material
    templates = jinja2.FileSystemLoader(str(Path(material.__file__).parent / "templates"))
    env = jinja2.Environment(loader=hook._SharedLoader(templates), auto_reload=False)
    env.filters["url"] = str  # MkDocs' own filter; compiling only needs the name
    for template, (_old, new) in hook.NAV_ITEM_CALLS.items():
        source = env.loader.get_source(env, template)[0]
        assert new in source, template
        env.get_template(template)
    for template, parts in hook.SHARED_PARTS.items():
        source = env.loader.get_source(env, template)[0]
        for _first, _after, name in parts:
            assert source.count(f'{{% call cchc_shared("{name}") %}}') == 1, (template, name)
        env.get_template(template)


def test_catalogue_lists_were_made_as_html(two_builds):
    """The comparison above covers cchc.markers.Blocks only if the build used it: the card
    with abbreviations in its title is listed, its abbreviations marked, in a list that was
    made as HTML (no Markdown emphasis in it), and the one with emphasis in another list."""
    shared = two_builds["1"][0]
    pages = [p.read_text("utf-8") for p in (shared / "thu-tuc" / "linh-vuc").glob("*/index.html")]
    with_abbr = [p for p in pages if "the-bien-the-0/" in p]
    assert with_abbr and all("<em>" not in p for p in with_abbr)
    assert '<abbr title="Ủy ban nhân dân">UBND</abbr>' in with_abbr[0]
    english = [p.read_text("utf-8") for p in (shared / "en" / "thu-tuc" / "linh-vuc").glob("*/index.html")]
    assert any("""<abbr title="People's Committee">UBND</abbr>""" in p for p in english)
    assert any("<em>nhanh</em>" in p for p in pages)
    assert any(re.search(r">Cấp +phép</a>", p) for p in pages)  # the tab, as Markdown expands it
    # The folder card's English list entry leads to its kept English copy, as MkDocs links it.
    assert any('href="../../the-thu-muc/" hreflang="vi"' in p for p in english)
    for lang in paths.LANGUAGES:
        made = re.search(rf"markers: {lang}: (\d+) catalogue lists written as HTML", two_builds["1"][1])
        assert made and int(made[1]) > 0, lang
        assert f"markers: {lang}: 0 catalogue lists written as HTML" in two_builds["0"][1]


# ------------------------------------------------------------------ catalogue lists as HTML


def _markdown(text, definitions=()):
    import markdown
    return markdown.markdown(text + "\n\n" + "\n".join(definitions), extensions=["abbr", "attr_list"])


def test_blocks_write_text_and_abbreviations_as_markdown_would():
    """Against Python-Markdown itself, with its `abbr` extension reading the same lines."""
    from cchc import markers
    definitions = ("*[UBND]: People's Committee", '*[PAR INDEX]: A "b" <c> &amp; d', "*[TTHC]:  thủ tục  ",
                   "*[PAR]: chỉ số", "*[UBND]: Ủy ban nhân dân")
    blocks = markers.Blocks("tok", None, definitions)
    for value in ("UBND & PAR INDEX, UBNDX", "PAR và TTHC", "a < b &amp; c", "ô UBND-x"):
        assert f"<p>{blocks.text(value)}</p>" == _markdown(markers.text(value), definitions), value
    assert markers.Blocks("tok", None, ()).text("a < b") == "a &lt; b"
    # What Markdown does to its source before reading the definitions; a term it cannot match.
    odd = ("*[UBND]: Ủy ban\tnhân\x02 dân", "*[TN&MT]: Tài nguyên và Môi trường")
    for value in ("UBND của Sở TN&MT", "TN&MT"):
        assert f"<p>{markers.Blocks('tok', None, odd).text(value)}</p>" == _markdown(markers.text(value), odd), value


@pytest.mark.parametrize("entry, field", [
    ({"term": " UBND", "vi": "x", "en": "x"}, "term"), ({"term": "A]B", "vi": "x", "en": "x"}, "term"),
    ({"term": "UBND", "vi": "''", "en": "x"}, "vi"), ({"term": "UBND", "vi": "x", "en": "  "}, "en"),
    ({"term": "UBND", "vi": "dòng một\ndòng hai", "en": "x"}, "vi"),
    ({"term": "UBND\n", "vi": "x", "en": "x"}, "term"), ({"term": "UBND", "vi": "Ủy ban\tnhân dân", "en": "x"}, "vi"),
])
def test_the_glossary_refuses_what_the_abbr_extension_would_misread(entry, field):
    """Blocks reads each `*[term]: title` line alone; Markdown reads them together, where a
    blank title takes the next line's text. The glossary's schema keeps them one and the same."""
    from cchc import data
    from cchc.schema import explain_all
    errors = list(data.validator("glossary").iter_errors({"terms": [entry]}))
    messages = [m for err in errors for _path, m in explain_all(err, "schemas/glossary.schema.json")]
    assert len(messages) == 1 and f".{field}'" in messages[0] and "một dòng" in messages[0], messages


def test_the_hook_finds_a_link_as_mkdocs_does_or_leaves_it_to_markdown():
    """Names MkDocs would unquote ('%20'), split ('#', '?') or Markdown would cut (')') are
    left to them; the checker refuses such names, but the build does not run the checker."""
    import importlib.util
    sys.path.insert(0, str(ROOT / "hooks"))
    spec = importlib.util.spec_from_file_location("cchc_hook_markers_links", ROOT / "hooks" / "markers.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    asked = []
    target = SimpleNamespace(url="thu-tuc/a-b/")
    files = SimpleNamespace(get_file_from_path=lambda p: asked.append(p) or (target if p == "thu-tuc/a-b.md" else None))
    page = SimpleNamespace(file=SimpleNamespace(src_uri="thu-tuc/linh-vuc/ho-tich.md", url="thu-tuc/linh-vuc/ho-tich/"))
    link = hook._link(page, files)
    assert link("../a-b.md") == "../../a-b/"
    assert link("../khong-co.md") is None
    for odd in ("../a%20b.md", "../x#1.md", "../q?1.md", "../p)1.md", "../tab\tx.md", "../ă.md"):
        assert link(odd) is None, odd
    assert asked == ["thu-tuc/a-b.md", "thu-tuc/khong-co.md"]


def test_blocks_links_are_the_build_s_and_a_missing_page_leaves_markdown():
    from cchc import markers
    found = {"../dat-dai.md": "../dat-dai/", "x&y.md": "x&y/"}
    blocks = markers.Blocks("tok", found.get, ())
    assert blocks.href("../dat-dai.md") == "../dat-dai/"
    assert blocks.href("x&y.md") == "x&amp;y/"
    assert blocks.href("khong-co.md") is None


def test_a_list_lost_in_markdown_is_an_error_with_its_line_not_a_missing_list():
    from cchc import markers
    blocks = markers.Blocks("tok", None, ())
    blocks.line = 9
    para = blocks.add("<ul>\n<li>x</li>\n</ul>")
    assert blocks.fill(f"<h2>A</h2>\n<p>{para}</p>") == "<h2>A</h2>\n<ul>\n<li>x</li>\n</ul>"
    with pytest.raises(ValueError, match=r"^dòng 9 .*md:procedures"):
        blocks.fill(f"<li>{para}</li>")


@pytest.mark.parametrize("body, html_list", [
    ("Mở đầu.\n\n<!-- md:procedures by=field -->\n", True),
    ("<!-- md:procedures by=field -->", True),
    ("Mở đầu.\n<!-- md:procedures by=field -->\n", False),  # no blank line before
    ("Mở đầu.\n\n  <!-- md:procedures by=field -->\n", False),  # indented
    ("Mở đầu.\n\n<!-- md:procedures by=field --> và chữ\n", False),
    ("```\nx\n```\n\n<!-- md:procedures by=field -->\n", False),  # fenced code in the body
    ("<div>\n\n<!-- md:procedures by=field -->\n\n</div>\n", False),  # raw HTML block
    ("<!-- md:procedures by=field -->\n\n*[UBND]: riêng\n", False),  # the page's own abbreviation
    ("<!-- md: ghi chú\n\n<!-- md:procedures by=field -->\n\n-->\n", False),  # inside a comment
    ("Mở đầu.\n\n<!-- md:procedures by=field -->\n\n<!-- md:search --></div>\n", False),
])
def test_lists_are_html_only_where_markdown_reads_the_marker_as_its_own_block(body, html_list, monkeypatch):
    from cchc import markers
    seen = []
    monkeypatch.setitem(markers.HANDLERS, "procedures", lambda ctx, arg: seen.append(ctx.blocks) or "")
    blocks = markers.Blocks("tok", None, ())
    ctx = markers.Context(None, [], "vi", "thu-tuc/index.md", blocks)
    markers.expand(body, ctx)
    assert seen == [blocks if html_list else None] and ctx.blocks is blocks
