"""Each page in its own language (cchc/page_lang.py): the heading links' title per language,
and `lang` on the Vietnamese titles and names the English pages show."""
import _path  # noqa: F401  (puts the repository on sys.path)
from mkdocs.plugins import event_priority

from cchc import page_lang

# Per language being built (mkdocs-static-i18n builds English inside the Vietnamese build):
# site path of each page shown untranslated -> the language its text is in.
_untranslated = {}


def _lang(config) -> str:
    return config.theme["language"]


@event_priority(-400)  # after mkdocs-static-i18n (-100), which gives each file its locale, and
# hooks/i18n_fallback.py (-300), which leaves out the untranslated pages linked, not copied
def on_files(files, config):
    lang = _lang(config)
    # Only pages built here: an untranslated page linked, not copied (hooks/i18n_fallback.py,
    # excluded) is in no sidebar or footer of this language.
    _untranslated[lang] = {
        f.url: f.locale for f in files.documentation_pages()
        if getattr(f, "locale", lang) != lang and not f.inclusion.is_excluded()}
    return files


def on_page_markdown(markdown, page, config, files):
    # The toc extension is configured once in mkdocs.yml; MkDocs makes a new Markdown
    # instance for every page from config.mdx_configs, so the page's language is set here.
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = page_lang.permalink_title(_lang(config))
    return markdown


@event_priority(-100)  # on the finished page
def on_post_page(output, page, config):
    lang = _lang(config)
    output = page_lang.mark_language_names(output)
    output = page_lang.mark_untranslated_links(output, page.url, _untranslated.get(lang, {}))
    output = page_lang.mark_toc_languages(output)
    text_lang = getattr(page.file, "locale", lang)
    if text_lang != lang:
        output = page_lang.mark_untranslated_page(output, text_lang)
    return output
