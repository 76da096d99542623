"""The checker's message for a value that is not among the known ones, with the closest known
values as suggestions. Used by the page checks (cchc/check_pages.py) and the procedure card's
checks (cchc/procedure.py)."""
from difflib import get_close_matches


def unknown(field, value, known, where, add_hint: bool = False) -> str:
    """`add_hint`: also say which data file to add a new id to (where its first word names it)."""
    hint = get_close_matches(str(value), [str(k) for k in known], n=1)
    tip = f" Có phải ý bạn là '{hint[0]}'?" if hint else ""
    if len(known) > 12:  # a long list: the closest ones first, not the first ones in the file
        near = get_close_matches(str(value), [str(k) for k in known], n=12, cutoff=0.3)
        near += [str(k) for k in known if str(k) not in near][: 12 - len(near)]
        shown = f"Các mã gần nhất: {', '.join(near)} (và {len(known) - len(near)} mã khác trong tệp)"
    else:
        shown = "Các mã hợp lệ: " + ", ".join(str(k) for k in known)
    new = f". Nếu đây là mã mới, thêm nó vào {where.split(' ')[0]} trước" if add_hint else ""
    return f"{field}: '{value}' không có trong {where}.{tip} {shown}{new}"
