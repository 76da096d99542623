"""The checker's message for a value that is not among the known ones, with the closest known
value as a suggestion. Used by the page checks (cchc/check_pages.py) and the procedure card's
checks (cchc/procedure.py)."""
from difflib import get_close_matches


def unknown(field, value, known, where) -> str:
    hint = get_close_matches(str(value), [str(k) for k in known], n=1)
    tip = f" Có phải ý bạn là '{hint[0]}'?" if hint else ""
    shown = ", ".join(list(known)[:12]) + (", ..." if len(known) > 12 else "")
    return f"{field}: '{value}' không có trong {where}.{tip} Các mã hợp lệ: {shown}"
