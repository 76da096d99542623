"""Valid HTML on every page (cchc/html_valid.py): Material's invalid `autocomplete` on its
checkboxes and its table-of-contents label that names no control are mended on the finished
page, so no copy of Material's templates has to be kept in overrides/."""
import _path  # noqa: F401  (puts the repository on sys.path)
from mkdocs.plugins import event_priority

from cchc import html_valid


@event_priority(-100)  # on the finished page, after every hook that adds markup
def on_post_page(output, page, config):
    return html_valid.mend(output)


def on_post_template(output_content, template_name, config):
    # Pages made from a theme template alone (404.html) do not pass through on_post_page.
    return html_valid.mend(output_content) if template_name.endswith(".html") else output_content
