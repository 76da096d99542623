"""What a page's published content may hold, decided on the HTML.

Markdown turns whatever an editor writes (raw HTML, attr_list `{ ... }`, links, reference
definitions) into HTML; a browser then parses that HTML, not the Markdown. So the guarantee is
made on the HTML: `clean()` passes it through nh3 (the Python binding of the Rust sanitiser
ammonia, which parses as browsers do, html5ever) with the allowlist of data/markup.yml. The
build cleans every page's content with it (hooks/sanitize.py); the checker uses `removed()` to
tell the editor what the build would take out (cchc/check_markup.py).

Pure functions over the rules dict (data/markup.yml as loaded by cchc.data).
"""
import functools
import html
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

# Attributes whose value is an address (checked against url_schemes).
URL_ATTRS = {"href", "src", "action", "formaction", "cite", "poster", "background", "longdesc", "data",
             "codebase", "xlink:href", "srcset", "ping", "manifest", "icon", "dynsrc", "lowsrc"}
# Never published, whatever data/markup.yml says: they run code, load content or change where
# the page's links and forms go. Removed with their content where the content is code.
FORBIDDEN_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "style",
                  "link", "meta", "base", "svg", "math", "template", "noscript", "textarea", "select",
                  "button", "portal", "param", "source", "video", "audio", "track", "xmp", "plaintext",
                  "noembed", "noframes"}
CONTENT_REMOVED = {"script", "style", "template", "noscript", "xmp", "plaintext", "noembed", "noframes",
                   "iframe", "textarea", "title"}
# Only one character class of ammonia needs our help: an image from another host is a request
# to a third party on every view, so `src` must be a relative address.
REMOTE = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|\\\\)")


def _key(rules: dict) -> str:
    return json.dumps({k: rules.get(k) for k in (
        "allowed_tags", "allowed_attributes", "generated_tags", "generated_attributes", "attribute_values",
        "style_properties", "url_schemes")}, sort_keys=True)


def _attribute_filter(tag: str, attr: str, value: str):
    """nh3 hands over the value decoded; what it returns is escaped again when written."""
    if attr == "src" and REMOTE.match(value.replace("\t", "").replace("\n", "").replace("\r", "")):
        return None  # an image from another host: a third-party request on every view
    if attr == "title" and "<" in value:
        # Material's tooltips (content.tooltips, off today but one line away) put a title into
        # the page with innerHTML: a title is text, so its '<' must reach that innerHTML as '&lt;'.
        return value.replace("<", "&lt;")
    return value


@functools.lru_cache(maxsize=8)
def _cleaner(key: str) -> nh3.Cleaner:
    rules = json.loads(key)
    tags = set(rules["allowed_tags"]) | set(rules.get("generated_tags") or [])
    tags -= FORBIDDEN_TAGS
    attributes = {"*": set(rules["allowed_attributes"])}
    for tag, names in (rules.get("generated_attributes") or {}).items():
        attributes.setdefault(tag, set()).update(names)
    values = {tag: {attr: set(v) for attr, v in by_attr.items()}
              for tag, by_attr in (rules.get("attribute_values") or {}).items()}
    for tag, by_attr in values.items():  # restricted by value: in no other list for this tag
        if set(by_attr) & attributes["*"]:
            raise ValueError(f"data/markup.yml: {sorted(set(by_attr) & attributes['*'])} is both allowed on every"
                             f" tag and restricted to some values on <{tag}>")
        attributes.get(tag, set()).difference_update(by_attr)
    for names in attributes.values():
        names -= {n for n in names if n.startswith("on")} | {"srcdoc", "srcset", "formaction"}
    if "src" in attributes["*"]:  # only an image loads its src (an <input> or <video> would too)
        attributes["*"].discard("src")
        attributes.setdefault("img", set()).add("src")
    return nh3.Cleaner(
        tags=tags, attributes=attributes, tag_attribute_values=values,
        generic_attribute_prefixes={"aria-"}, url_schemes=set(rules.get("url_schemes") or ["https"]),
        filter_style_properties=set(rules.get("style_properties") or []),
        clean_content_tags=CONTENT_REMOVED - tags, strip_comments=True, link_rel=None,
        attribute_filter=_attribute_filter,
    )


def clean(content: str, rules: dict) -> str:
    """The content with everything data/markup.yml does not allow taken out."""
    return _cleaner(_key(rules)).clean(content)


# ---- what was taken out, for the checker ------------------------------------------------

NAME = re.compile(r"<\s*/?\s*([a-zA-Z][^\s/>]*)")
WORD = re.compile(r"[^\s\"'<>/=`]+")
# Every tag, attribute and scheme the checker's comparison keeps as it was: the HTML, SVG and
# MathML elements, the attributes of HTML and SVG (any on*, data-*, aria-* by prefix), and the
# schemes that matter. Anything outside is removed on both sides of the comparison (so it is
# not named), and by the build as well.
KNOWN_TAGS = set("""a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink
blockquote body br button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div
dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html
i iframe image img input ins isindex kbd keygen label legend li link listing main map mark marquee menu menuitem meta
meter multicol nav nextid nobr noembed noframes noscript object ol optgroup option output p param picture plaintext
portal pre progress q rb rp rt rtc ruby s samp script search section select slot small source spacer span strike
strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video
wbr xmp svg animate animatemotion animatetransform circle clippath defs desc ellipse feimage filter foreignobject g
handler line lineargradient marker mask metadata mpath path pattern polygon polyline radialgradient rect set stop
switch symbol text textpath tspan use view math maction annotation annotation-xml menclose merror mfenced mfrac mglyph
mi mlabeledtr mmultiscripts mn mo mover mpadded mphantom mroot mrow ms mspace msqrt mstyle msub msubsup msup mtable
mtd mtext mtr munder munderover semantics""".split())
KNOWN_ATTRS = set("""abbr accept accept-charset accesskey action align alink allow allowfullscreen alt archive
async attributename autocapitalize autocomplete autofocus autoplay background begin bgcolor border by cellpadding
cellspacing char charoff charset checked cite class classid clear code codebase codetype color cols colspan compact
content contenteditable controls coords crossorigin d data datasrc datetime declare decoding default defer dir
dirname disabled download draggable dur dynsrc enctype end enterkeyhint face fill for form formaction formenctype
formmethod formnovalidate formtarget frame frameborder from headers height hidden high href hreflang http-equiv icon
id inert inputmode integrity is ismap itemid itemprop itemref itemscope itemtype kind label lang language list
loading longdesc loop low lowsrc manifest marginheight marginwidth markdown max maxlength media method min minlength
multiple muted name nohref noresize noshade novalidate nowrap open optimum pattern ping placeholder popover
popovertarget popovertargetaction poster preload profile readonly referrerpolicy rel required rev reversed role
rows rowspan rules sandbox scheme scope scrolling selected shadowrootmode shape size sizes slot span spellcheck src
srcdoc srclang srcset standby start step stroke style summary tabindex target text title to translate type usemap
valign value values valuetype version viewbox vspace width wrap xlink:href xmlns xmlns:xlink""".split())
KNOWN_SCHEMES = set("""javascript vbscript livescript mocha data file blob filesystem about view-source ms-its mhtml
jar ftp ws wss feed intent chrome resource res http https mailto tel sms geo irc news nntp ssh sftp smb webcal urn
cid mid""".split())


@functools.lru_cache(maxsize=1)
def _keep_known() -> nh3.Cleaner:
    return nh3.Cleaner(tags=KNOWN_TAGS, attributes={"*": KNOWN_ATTRS}, generic_attribute_prefixes={"on", "data-", "aria-"},
                       url_schemes=KNOWN_SCHEMES, clean_content_tags=set(), strip_comments=True, link_rel=None)


def _keep_everything(content: str) -> nh3.Cleaner:
    """A cleaner that keeps every tag, attribute and scheme the content holds: the same
    parse (html5ever, comments dropped), nothing judged. Compared with clean(), the difference
    is exactly what the allowlist removed. Built for a page only when it holds a tag name
    outside KNOWN_TAGS (a custom element); otherwise the one cached cleaner is used."""
    tags = {m.group(1).lower() for m in NAME.finditer(content)}
    if tags <= KNOWN_TAGS:
        return _keep_known()
    words = {w.lower() for w in WORD.findall(content)}
    # A scheme can hide behind entities and the tabs/newlines a browser ignores.
    plain = re.sub(r"[\t\n\r]", "", html.unescape(content))
    schemes = {m.lower() for m in re.findall(r"([a-zA-Z][a-zA-Z0-9+.-]*)\s*:", plain)}
    return nh3.Cleaner(tags=tags | KNOWN_TAGS, attributes={"*": words | KNOWN_ATTRS},
                       generic_attribute_prefixes={"on", "data-", "aria-"},
                       url_schemes=schemes | KNOWN_SCHEMES, clean_content_tags=set(), strip_comments=True, link_rel=None)


@dataclass(frozen=True)
class Removal:
    kind: str  # 'tag' | 'attr' | 'url' | 'value'
    tag: str
    attr: str = ""
    value: str = ""

    @property
    def signature(self) -> tuple:
        return (self.kind, self.tag, self.attr)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Tags(HTMLParser):
    """Start tags in order, each with its attributes and its ancestors' names."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.found, self.open = [], []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs, tuple(self.open)))
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]


def removed(content: str, rules: dict) -> list[Removal]:
    """What clean() takes out of `content`, in document order. Both sides are nh3's own
    serialisation (quoted, escaped, comments gone), which Python's HTMLParser reads exactly."""
    kept = clean(content, rules)
    everything = _keep_everything(content).clean(content)
    if kept == everything:
        return []
    key = json.loads(_key(rules))
    allowed = (set(key["allowed_tags"]) | set(key.get("generated_tags") or [])) - FORBIDDEN_TAGS
    out, after = [], _Tags(kept).found
    j = 0
    for tag, attrs, ancestors in _Tags(everything).found:
        if tag not in allowed:
            if all(a in allowed for a in ancestors):  # inside a removed tag: named with it
                out.append(Removal("tag", tag))
            continue
        k = next((i for i in range(j, len(after)) if after[i][0] == tag), None)
        if k is None:
            if all(a in allowed for a in ancestors):
                out.append(Removal("tag", tag))
            continue
        j = k + 1
        left = dict(after[k][1])
        for name, value in attrs:
            value = value or ""
            if name in left:
                if _same(name, left[name] or "") != _same(name, value):  # kept with less in it (style)
                    out.append(Removal("value", tag, name, value))
                continue
            if name.startswith("on") or name not in _allowed_attrs(key, tag):
                out.append(Removal("attr", tag, name, value))
            elif name in URL_ATTRS:
                out.append(Removal("url", tag, name, value))
            else:
                out.append(Removal("value", tag, name, value))
    return out


def _same(name: str, value: str) -> str:
    """A value as compared: a style as its declarations, however spaced."""
    return re.sub(r"[\s;]+", "", value).lower() if name == "style" else value


def _allowed_attrs(rules: dict, tag: str) -> set:
    names = set(rules["allowed_attributes"]) | set((rules.get("generated_attributes") or {}).get(tag, []))
    if tag != "img":
        names.discard("src")
    names |= set((rules.get("attribute_values") or {}).get(tag, {}))
    return names
