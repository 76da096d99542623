"""Turn a JSON Schema error into one Vietnamese sentence an editor can act on."""
from difflib import get_close_matches

TYPE_NAMES = {
    "string": "một đoạn chữ",
    "array": "một danh sách (mỗi mục một dòng bắt đầu bằng '- ')",
    "object": "một nhóm trường (tên: giá trị)",
    "integer": "một số nguyên",
    "number": "một số",
    "boolean": "true hoặc false",
    "null": "để trống",
}


def field_name(path) -> str:
    """('plan_items', 2) -> 'plan_items[2]'; ('signer', 'role') -> 'signer.role'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(toàn bộ)"


def _found(value) -> str:
    if value is None:
        return "để trống"
    if isinstance(value, bool):
        return f"{str(value).lower()} (kiểu true/false)"
    if isinstance(value, (list, dict)):
        return "một danh sách" if isinstance(value, list) else "một nhóm trường"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _types(expected) -> str:
    expected = expected if isinstance(expected, list) else [expected]
    return " hoặc ".join(TYPE_NAMES.get(t, t) for t in expected)


# What a missing field is, in the editors' words (schema descriptions are for developers).
FIELD_HINTS = {
    "title": "tiêu đề trang", "description": "mô tả ngắn 1-2 câu, 30-300 ký tự", "kind": "loại trang, ví dụ article",
    "theme": "mã chủ đề", "audience": "viết cho ai, ví dụ [nguoi-dan]", "unit": "mã đơn vị phụ trách",
    "plan_items": "mã các mục kế hoạch, ví dụ [TN22-ND-05]", "updated": "ngày cập nhật, ví dụ 2026-11-23",
}


def explain_all(err, schema_name: str) -> list:
    """[(path, message)] for one jsonschema error; `path` is where the problem sits (an unknown
    field's own key, so its line can be found)."""
    path = tuple(err.absolute_path)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = sorted(err.schema.get("properties", {}))
        out = []
        for key in sorted(set(err.instance) - set(allowed), key=str):
            hint = get_close_matches(str(key), allowed, n=1)
            tip = f" Có phải ý bạn là '{hint[0]}'?" if hint else ""
            if err.instance[key] is None and not hint:  # `{label: Đất đai, nhà ở}`: YAML split the value at its comma
                tip = (f" Nếu '{key}' là phần sau dấu phẩy của giá trị đứng trước, hãy đặt cả giá trị trong ngoặc kép,"
                       f" ví dụ label: \"Đất đai, {key}\".")
            out.append((path + (key,), f"Trường '{key}' không được phép.{tip} Các trường hợp lệ: {', '.join(allowed)}"))
        if out:
            return out
    return [(path, explain(err, schema_name))]


def explain(err, schema_name: str) -> str:
    """Vietnamese message for a jsonschema ValidationError (field, found, allowed, fix)."""
    name = field_name(err.absolute_path)
    v, inst = err.validator, err.instance
    if v == "required":
        missing = err.message.split("'")[1]
        hint = FIELD_HINTS.get(missing) if not err.absolute_path else None
        where = f" trong '{name}'" if err.absolute_path else ""
        return f"Thiếu trường bắt buộc '{missing}'{where}. Thêm dòng '{missing}: ...'" + (f" ({hint})" if hint else "")
    if v == "type":
        return f"'{name}' phải là {_types(err.validator_value)}, nhưng đang là {_found(inst)}. Sửa lại giá trị cho đúng kiểu"
    if v == "format" and err.validator_value == "date":
        return f"'{name}': {_found(inst)} không phải ngày hợp lệ. Viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2022-01-30"
    if v == "enum":
        allowed = ", ".join(str(x) for x in err.validator_value)
        return f"'{name}': {_found(inst)} không nằm trong các giá trị cho phép: {allowed}"
    if v == "pattern":
        desc = err.schema.get("description", "")
        return f"'{name}': {_found(inst)} không đúng định dạng ({err.validator_value})." + (f" {desc}" if desc else "")
    if v == "minLength":
        return f"'{name}' quá ngắn ({len(inst)} ký tự); cần ít nhất {err.validator_value} ký tự"
    if v == "maxLength":
        return f"'{name}' quá dài ({len(inst)} ký tự); tối đa {err.validator_value} ký tự. Hãy viết gọn lại"
    if v == "minItems":
        return f"'{name}' cần ít nhất {err.validator_value} mục"
    if v == "uniqueItems":
        return f"'{name}' có mục bị lặp lại. Xóa mục trùng"
    if v in ("minimum", "maximum"):
        return f"'{name}': {_found(inst)} nằm ngoài khoảng cho phép ({v} {err.validator_value})"
    if v == "additionalProperties":
        return f"'{name}': có trường không được phép (theo {schema_name})"
    return f"'{name}': {err.message} (theo {schema_name})"
