"""News section: the paginated index (tin-tuc/, tin-tuc/trang-2/, ...; /en/ likewise), RSS 2.0
and JSON Feed 1.1 per language, tin-tuc/moi-nhat.html for the district portal's <iframe>, and
the feeds' <link rel="alternate"> in every page's head. The logic is in cchc/news.py.

Material's blog plugin does not work with mkdocs-static-i18n, hence this hook. Every event
fires once per language: the i18n plugin runs a second build() for 'en' in its on_post_build.
"""
import _path  # noqa: F401  (puts the repository on sys.path)
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from cchc import build_state, data as data_mod, news, paths, site

_build: dict = {}  # what on_files computed for the language being built


def _state(config):
    """(data, pages) of the tree being built: what the setup hook loaded, or, for a tree it
    did not load (the test fixture), this tree's own."""
    root = Path(config.docs_dir).resolve().parent
    if build_state.data is not None and Path(build_state.data.root).resolve() == root:
        return build_state.data, build_state.pages
    loaded, problems = data_mod.load(root)
    if problems:
        lines = "\n".join(str(p) for p in problems[:20])
        raise PluginError(f"Dữ liệu trong data/ có lỗi; chạy 'python3 scripts/check.py' để xem đủ:\n{lines}")
    return loaded, site.discover(root)


def _src_uri(lang: str, src: str) -> str:
    """Where a generated file sits in MkDocs' file list: the i18n plugin publishes the default
    language at the root and the others under /<lang>/."""
    return src if lang == paths.DEFAULT_LANGUAGE else f"{lang}/{src}"


def _generated(config, lang: str, src: str, content: str) -> File:
    file = File.generated(config, _src_uri(lang, src), content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    # What mkdocs-static-i18n sets on the files it rebuilt; its page context, the language
    # switcher and our other hooks read these.
    file.locale = file.locale_alternate_of = lang
    file.localization = None if lang == paths.DEFAULT_LANGUAGE else lang
    file.norm_src_uri = src
    file.alternates = {lang: file}
    return file


@event_priority(-200)  # after the i18n plugin (-100), which rebuilds the list and would drop these
def on_files(files, config):
    lang = config.theme["language"]
    data, pages = _state(config)
    items, problems = news.collect(pages, lang, news.today())  # news dated later wait for a later build
    if problems:
        raise PluginError("Tin tức có lỗi:\n" + "\n".join(f"{rel}: {msg}" for rel, msg in problems))
    # ...and so do their own pages: a scheduled item's address shows nothing before its day.
    # Later on_files hooks (catalogue.py) walk documentation_pages(), which leaves excluded
    # files out, so none of them lets it back in.
    waiting = news.unpublished(pages, news.today())
    for file in files.documentation_pages():
        if (getattr(file, "locale", lang), getattr(file, "norm_src_uri", file.src_uri)) in waiting:
            file.inclusion = InclusionLevel.EXCLUDED
    cats = data.news_categories
    index = news.section_index(pages, lang)
    chunks = news.paginate(items, news.PER_PAGE)
    _build.clear()
    _build.update(lang=lang, data=data, items=items, cats=cats, index=index, chunks=chunks)
    if index is None:  # no section index to continue: feeds only
        return files
    total = len(chunks)
    description = str(index.meta.get("description") or "")
    for n in range(2, total + 1):
        body = news.index_body(chunks[n - 1], n, total, lang, data.units, cats)
        src = news.index_src(n)
        file = _generated(config, lang, src, news.generated_page(n, total, index.title, description, body, lang))
        for other in paths.LANGUAGES:  # the language switcher leads to the same index page
            if other != lang:
                file.alternates[other] = File.generated(config, _src_uri(other, src), content="")
        files.append(file)
    return files


def on_env(env, config, files):
    index = _build.get("index")
    title = index.title if index else config.site_name
    env.globals["news_feeds"] = news.head_links(config.theme["language"], title)
    return env


@event_priority(10)  # before the markers hook expands the section index's list marker
def on_page_markdown(markdown, page, config, files):
    src = getattr(page.file, "norm_src_uri", page.file.src_uri)
    if src == news.GUIDE_SRC and config.site_url:
        return news.with_site_url(markdown, config.site_url)
    if src != news.INDEX_SRC or not _build:
        return markdown
    chunks = _build["chunks"]
    body = news.index_body(chunks[0], 1, len(chunks), _build["lang"], _build["data"].units, _build["cats"])
    if news.MARKER in markdown:
        return markdown.replace(news.MARKER, body, 1)
    return f"{markdown.rstrip()}\n\n{body}"


def on_post_build(config):
    if not _build:
        return
    lang = _build["lang"]
    site_url = config.site_url
    if not site_url:
        raise PluginError("Cần đặt site_url trong mkdocs.yml (hoặc biến môi trường SITE_URL): nguồn tin RSS/JSON"
                          " phải ghi địa chỉ tuyệt đối của từng tin")
    index, units, cats = _build["index"], _build["data"].units, _build["cats"]
    channel = {
        "title": index.title if index else config.site_name,
        "description": str(index.meta.get("description") or "") if index else (config.site_description or ""),
    }
    feed = news.feed_items(_build["items"], lang)
    out = Path(config.site_dir) / news.section_url(lang).lstrip("/")
    out.mkdir(parents=True, exist_ok=True)
    (out / news.RSS_FILE).write_bytes(news.rss(channel, feed, site_url, lang, units, cats))
    (out / news.JSON_FILE).write_text(news.json_feed(channel, feed, site_url, lang, units, cats), "utf-8")
    (out / news.LATEST_FILE).write_text(news.latest_html(channel, feed[: news.LATEST_SIZE], site_url, lang), "utf-8")
