"""The web editor's configuration (Decap CMS, served at /admin/), made from our own data so the
two cannot drift: one collection per editorial kind of data/taxonomy.yml, each field and widget
from schemas/page.schema.json, every choice list (themes, audiences, units, plan items,
documents, news categories, the procedure card's lists) read from data/.

A field added to the page schema (by anyone, later) appears in the editor by itself: its widget
follows its JSON type and format, its choices follow its name (CHOICES). Pure functions; the
hook (hooks/admin.py) writes the result to site/admin/config.yml.
"""
import json
from urllib.parse import urlsplit

from cchc import lifecycle, paths, procedure
from cchc.check_pages import EDITORIAL_FIELDS

# Fields an editor never sets: `kind` is fixed by the collection (a hidden field), `plan`
# belongs to the plan pages (not editorial), `hide` and `search` are Material's layout options.
NOT_EDITED = {"kind", "plan", "hide", "search"}
# Fields that exist for one kind only (cchc/check_pages.py and cchc/procedure.py require them there).
KIND_ONLY = {"date": "news", "category": "news", procedure.FIELD: procedure.KIND}
REQUIRED_FOR = {"news": {"date", "category"}, procedure.KIND: {procedure.FIELD}}
# Fields whose value is an id from data/: name -> source in choice_lists(). `field` and `agency`
# are the procedure card's.
CHOICES = {"theme": "themes", "audience": "audiences", "unit": "units", "agency": "units",
           "plan_items": "items", "sources": "documents", "legal_basis": "documents",
           "category": "news_categories", "level": "levels", "ways": "ways", "field": "fields"}
# Vietnamese labels of the fields; a field missing here is labelled with its name and its
# schema description as the hint, so a new field is usable at once.
LABELS = {
    "title": "Tiêu đề", "description": "Mô tả ngắn (1-2 câu)", "theme": "Chủ đề", "audience": "Viết cho ai",
    "unit": "Đơn vị phụ trách", "plan_items": "Mục kế hoạch trang này thực hiện", "sources": "Văn bản làm nguồn",
    "updated": "Ngày cập nhật", "review_by": "Hạn rà soát lại", "date": "Ngày đăng tin",
    "category": "Chuyên mục tin", "published": "Ngày đăng", "archived": "Lưu trữ",
    procedure.FIELD: "Thẻ thủ tục (chép từ Cổng Dịch vụ công quốc gia)",
    "code": "Mã thủ tục", "level": "Cấp thực hiện", "field": "Lĩnh vực", "agency": "Cơ quan thực hiện",
    "ways": "Cách thức thực hiện", "documents": "Thành phần hồ sơ (mỗi giấy tờ một dòng)",
    "time_limit": "Thời hạn giải quyết", "fee": "Phí, lệ phí", "result": "Kết quả",
    "conditions": "Yêu cầu, điều kiện (mỗi điều một dòng)", "legal_basis": "Căn cứ pháp lý",
    "portal_url": "Địa chỉ thủ tục trên Cổng", "checked": "Ngày đối chiếu với Cổng",
    "body": "Nội dung trang",
}
# Hints in Vietnamese for the schema's fields whose description is written for maintainers; a
# field missing here shows its schema description.
HINTS = {
    "title": "Tên trang, hiện to ở đầu trang và khi chia sẻ liên kết. Chữ thường, không định dạng (4-120 ký tự).",
    "description": "Một, hai câu nói người đọc được gì ở trang này (30-300 ký tự).",
    "theme": "Trang thuộc chủ đề nào.",
    "audience": "Trang viết cho ai; chọn một hoặc nhiều.",
    "unit": "Đơn vị chịu trách nhiệm về thông tin trên trang.",
    "plan_items": "Trang này thực hiện mục nào của kế hoạch tuyên truyền; chọn một hoặc nhiều.",
    "sources": "Các văn bản làm nguồn cho thông tin trên trang. Văn bản chưa có trong danh sách: nhờ người quản trị thêm vào data/documents.yml.",
    "updated": "Ngày thông tin trên trang được kiểm tra hoặc sửa lần cuối.",
    "review_by": "Ngày đơn vị phải xem lại trang (không bắt buộc).",
    "date": "Ngày đăng tin. Tên tệp lấy năm và tháng của ngày này.",
    "category": "Tin thuộc chuyên mục nào.",
}
# What one entry of a list field is called ("Add giấy tờ").
LIST_ITEMS = {"documents": "giấy tờ", "conditions": "điều kiện"}
DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False,
        "picker_utc": True}
# File names: ASCII kebab-case, as the checker requires (Vietnamese marks and 'đ' removed).
SLUG = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
# News files carry the month they were published, like docs/vi/tin-tuc/2026-11-....md.
NEWS_STEM = "{{year}}-{{month}}-{{slug}}"


class AdminError(ValueError):
    """The data cannot give a working editor configuration; the message says what to fix."""


def choice_lists(data, lists) -> dict:
    """source name -> [(value, label)] for every select list."""
    def labelled(entries, key="label"):
        return [(i, f"{e.get(key) or i} ({i})") for i, e in entries.items()]

    items = [(i, f"{i}: {item['summary'][:90]}", item_kind, item.get("kinds"))
             for i, (_plan, item, item_kind) in data.items.items()]
    documents = []
    for i, d in lifecycle.current_documents(data.documents, lifecycle.today()).items():
        label = " ".join(str(x) for x in (d.get("number"), d.get("subject")) if x) or i
        documents.append((i, f"{label[:100]} ({i})"))
    return {
        "themes": labelled(data.themes, "title"), "audiences": labelled(data.audiences),
        "units": labelled(lifecycle.current_units(data.units, lifecycle.today()), "name"), "news_categories": labelled(data.news_categories),
        "documents": documents, "items": items,
        "levels": labelled(lists.levels if lists else {}), "ways": labelled(lists.ways if lists else {}),
        "fields": labelled(lists.fields if lists else {}),
    }


def _options(source: str, choices: dict, kind: str) -> list:
    if source == "items":  # form items only for the kinds that can carry them out
        return [{"label": label, "value": i} for i, label, item_kind, kinds in choices["items"]
                if item_kind == "content" or kind in (kinds or [])]
    return [{"label": label, "value": value} for value, label in choices[source]]


def field_for(name: str, prop: dict, *, required: bool, kind: str, choices: dict) -> dict:
    """One Decap field from one schema property."""
    field = {"name": name, "label": LABELS.get(name, name), "required": required}
    if name in HINTS or prop.get("description"):
        field["hint"] = HINTS.get(name) or prop["description"]
    types = prop.get("type")
    types = [types] if isinstance(types, str) else list(types or [])
    main = next((t for t in types if t != "null"), None)
    if name in CHOICES:
        field.update(widget="select", options=_options(CHOICES[name], choices, kind))
        if main == "array":
            field["multiple"] = True
            if required and prop.get("minItems"):
                field["min"] = prop["minItems"]
    elif main == "string" and prop.get("format") == "date":
        field.update(DATE)
    elif main == "string" and "enum" in prop:
        field.update(widget="select", options=list(prop["enum"]))
    elif main == "string":
        long = prop.get("maxLength", 0) > 150 or name == "description"
        field["widget"] = "text" if long else "string"
        if prop.get("pattern"):
            field["pattern"] = [prop["pattern"], f"Chưa đúng dạng: {prop.get('description', '')}"]
    elif main == "boolean":
        field["widget"] = "boolean"
    elif main in ("integer", "number"):
        field.update(widget="number", value_type="int" if main == "integer" else "float")
    elif main == "array":
        field.update(widget="list", label_singular=LIST_ITEMS.get(name, LABELS.get(name, name)),
                     field={"name": "item", "label": LIST_ITEMS.get(name, LABELS.get(name, name)), "widget": "string"})
    elif main == "object":
        inner = prop.get("properties", {})
        field.update(widget="object", collapsed=False, fields=[
            field_for(k, v, required=k in prop.get("required", []), kind=kind, choices=choices)
            for k, v in inner.items()])
    else:
        field["widget"] = "string"
    if name == "title":
        field["i18n"] = True
    return field


def _translatable(field: dict) -> dict:
    """Text an English twin translates; ids and dates are the same in both languages."""
    field["i18n"] = True if field.get("widget") in ("string", "text", "markdown", "list") else "duplicate"
    if field.get("widget") == "object":
        field["i18n"] = True
        for sub in field["fields"]:
            _translatable(sub)
    return field


def collection(kind: dict, data, schema: dict, choices: dict, template_body: str, folder: str) -> dict:
    """One collection: the pages of one kind, under docs/<lang>/<folder>/."""
    kid = kind["id"]
    required = set(schema.get("required", [])) | set(REQUIRED_FOR.get(kid, ()))
    if kind.get("editorial"):
        required |= set(EDITORIAL_FIELDS)
    fields = [{"name": "kind", "label": "Loại trang", "widget": "hidden", "default": kid, "i18n": "duplicate"}]
    for name, prop in schema["properties"].items():
        if name in NOT_EDITED or KIND_ONLY.get(name, kid) != kid:
            continue
        fields.append(_translatable(field_for(name, prop, required=name in required, kind=kid, choices=choices)))
    fields.append({"name": "body", "label": LABELS["body"], "widget": "markdown", "modes": ["raw"],
                   "default": template_body.strip() + "\n", "i18n": True,
                   "hint": "Viết bằng Markdown; các đề mục có sẵn là dàn ý của mẫu: thay mọi câu hướng dẫn"
                           " bằng nội dung thật (trang còn câu mẫu thì không qua kiểm tra)."})
    stem = NEWS_STEM if kid == "news" else "{{slug}}"
    return {
        "name": kid, "label": kind["label"], "label_singular": kind["label"].lower(),
        "folder": "docs", "path": f"{folder}/{stem}", "create": True, "delete": False,
        "extension": "md", "format": "frontmatter",
        # Vietnamese only: Decap writes a file for every locale of a collection on each save, so an
        # English pane left empty would write an English page with no title (which fails the
        # check). English twins: `scripts/new_page.py --lang en --from PATH` (CONTRIBUTING).
        "i18n": {"locales": [paths.DEFAULT_LANGUAGE]},
        "filter": {"field": "kind", "value": kid},
        "summary": "{{title}}", "fields": fields,
    }


def folder_of(kind: dict, data) -> str:
    """The kind's folder under docs/<lang>/; '{theme}' becomes the chosen theme's folder, which
    the editor can only name through the theme's id (so ids and folders must agree)."""
    folder = kind.get("folder") or "{theme}"
    if "{theme}" in folder:
        differ = [t for t, v in data.themes.items() if v.get("path", t) != t]
        if differ:
            raise AdminError(f"data/taxonomy.yml: chủ đề {', '.join(differ)} có 'path' khác 'id'; trình soạn thảo web"
                             " đặt trang vào thư mục mang mã chủ đề, nên 'path' phải trùng 'id'")
        folder = folder.replace("{theme}", "{{theme}}")
    return folder


def backend(repo_url: str, settings: dict) -> dict:
    """Decap's `backend` from the repository address: GitHub (through the OAuth gateway at
    `oauth_url`) or GitLab (PKCE with the GitLab application id, no server)."""
    parts = urlsplit(repo_url or "")
    repo = parts.path.strip("/").removesuffix(".git")
    host = parts.hostname or ""
    out = {"repo": repo, "branch": settings.get("branch") or "main",
           "squash_merges": True, "cms_label_prefix": "cms/"}
    if host == "github.com" or host.startswith("github."):
        out["name"] = "github"
        if host != "github.com":  # GitHub Enterprise
            out["api_root"] = f"{parts.scheme}://{host}/api/v3"
        if settings.get("oauth_url"):
            out["base_url"] = settings["oauth_url"].rstrip("/")
            out["auth_endpoint"] = settings.get("oauth_endpoint") or "auth"
    else:
        out.update(name="gitlab", auth_type="pkce")
        if host and host != "gitlab.com":
            out["api_root"] = f"{parts.scheme}://{host}/api/v4"
            out["base_url"] = f"{parts.scheme}://{host}"
        if settings.get("gitlab_app_id"):
            out["app_id"] = str(settings["gitlab_app_id"])
    return out


LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def local_backend(value, site_url: str):
    """Decap's `local_backend` (decap-server on this machine) for a local preview or the test,
    never for a published site: refused when site_url is not on this machine."""
    if value in (None, "", False, "false", "0"):
        return None
    if (urlsplit(site_url or "").hostname or "") not in LOCAL_HOSTS:
        raise AdminError(f"DECAP_LOCAL_BACKEND chỉ dùng khi xem thử trên máy (site_url là {site_url}):"
                         " bản xuất bản không được nối trình soạn thảo vào máy chủ cục bộ. Bỏ biến này đi")
    if value in (True, "true", "1"):
        return True
    return {"url": str(value), "allowed_hosts": sorted(LOCAL_HOSTS - {"::1"})}


def config(data, lists, schema: dict, templates: dict, *, repo_url: str, site_url: str,
           settings: dict | None = None, local=None) -> dict:
    """The whole of site/admin/config.yml. `templates`: kind id -> body of templates/<kind>.md."""
    settings = settings or {}
    choices = choice_lists(data, lists)
    kinds = [k for k in data.kinds.values() if k.get("editorial") and k["id"] != "hub"]
    site_path = urlsplit(site_url or "/").path or "/"
    cfg = {
        "backend": backend(repo_url, settings),
        "publish_mode": "editorial_workflow",
        "locale": "vi",
        "site_url": site_url, "display_url": site_url,
        "logo_url": None,
        "media_folder": "docs/assets/images", "public_folder": site_path.rstrip("/") + "/assets/images",
        "slug": SLUG,
        "omit_empty_optional_fields": True,
        "i18n": {"structure": "multiple_folders", "locales": list(paths.LANGUAGES),
                 "default_locale": paths.DEFAULT_LANGUAGE},
        "collections": [collection(k, data, schema, choices, templates.get(k["id"], ""), folder_of(k, data))
                        for k in kinds],
    }
    del cfg["logo_url"]
    lb = local_backend(local, site_url)
    if lb is not None:
        cfg["local_backend"] = lb
    return cfg


def _page(title: str, base: str, body: str) -> str:
    """An /admin/ page: not indexed, the site's icon, Vietnamese."""
    return f"""<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>{title}</title>
  <link rel="icon" href="{base}/assets/images/favicon.png">
</head>
<body>
{body}</body>
</html>
"""


def index_html(bundle: str, preview_css: list, site_path: str, collections: list) -> str:
    """/admin/index.html: the vendored bundle (config.yml is read from the same folder), the
    site's stylesheets in the preview, and a preview laid out like a page of the site (Material's
    `md-typeset` article: title, description, body) instead of Decap's list of raw fields."""
    base = site_path.rstrip("/")
    styles = "\n".join(f"    CMS.registerPreviewStyle({_js(base + '/' + css)});" for css in preview_css)
    return _page("Soạn trang: Tuyên truyền cải cách hành chính", base, f"""  <script src="{bundle}"></script>
  <script>
{styles}
    var SitePage = createClass({{
      render: function () {{
        var data = this.props.entry.get("data");
        return h("article", {{className: "md-content__inner md-typeset"}},
          h("h1", null, data.get("title")), h("p", null, data.get("description")), this.props.widgetFor("body"));
      }}
    }});
    {_js(collections)}.forEach(function (name) {{ CMS.registerPreviewTemplate(name, SitePage); }});
  </script>
""")


def unconfigured_html(site_path: str) -> str:
    """/admin/index.html of a build that names no repository (REPO_URL unset, no local
    decap-server): the editor would sign in to nothing, so the page says what to set instead."""
    base = site_path.rstrip("/")
    return _page("Soạn trang: chưa nối với kho nội dung", base, f"""  <main>
    <h1>Trình soạn thảo chưa nối với kho nội dung</h1>
    <p>Bản dựng này không có địa chỉ kho (biến môi trường <code>REPO_URL</code> khi chạy
    <code>mkdocs build</code> hoặc <code>mkdocs serve</code>), nên không có nơi để lưu bài.
    Bản xuất bản của quy trình <code>publish.yml</code> tự đặt biến này.</p>
    <p>Xem thử trên máy: chạy <code>npx decap-server</code>, rồi dựng trang với
    <code>DECAP_LOCAL_BACKEND=true</code> (CONTRIBUTING.md, mục “Web editor”).</p>
    <p><a href="{base}/">Về trang chủ</a></p>
  </main>
""")


def _js(text: str) -> str:
    return json.dumps(text)
