"""Catalogues stay out of the sidebar: procedure cards (a province publishes about 2,000) and
news items (hundreds a year). A sidebar that lists them is rendered into every page: hundreds of
KB each and minutes of build at that size. They are still built, and found through their own
index pages (docs/<lang>/thu-tuc/ with `<!-- md:procedures by=... -->` from cchc/markers.py; the
paginated news index of hooks/news.py), search and links. So are the per-field
catalogue pages (docs/<lang>/thu-tuc/linh-vuc/, up to a few dozen): the catalogue by field
links to each of them.

The catalogue pages get the small filter script (docs/assets/javascripts/catalogue-filter.js);
no other page loads it.
"""
import _path  # noqa: F401  (puts the repository on sys.path)
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import get_relative_url

from cchc import build_state, markers

SCRIPT = "assets/javascripts/catalogue-filter.js"


@event_priority(-200)  # after mkdocs-static-i18n (-100), which rebuilds the file list
def on_files(files, config):
    # Kinds with `in_nav: false` in data/taxonomy.yml (procedure cards, news).
    kinds = build_state.data.kinds if build_state.data else {}
    hidden = {k for k, entry in kinds.items() if entry.get("in_nav") is False}
    listed = {p.src for p in build_state.pages or [] if p.meta and p.meta.get("kind") in hidden}
    field_pages = markers.FIELD_PAGE.split("{", 1)[0]  # 'thu-tuc/linh-vuc/'
    for file in files.documentation_pages():
        src = getattr(file, "norm_src_uri", file.src_uri)
        if src in listed or src.startswith(field_pages):
            file.inclusion = InclusionLevel.NOT_IN_NAV
    return files


def on_post_page(output, page, config):
    if "data-catalogue" not in output:
        return output
    src = get_relative_url(SCRIPT, page.url)
    return output.replace("</body>", f'<script src="{src}" defer></script></body>', 1)
