"""ASCII, lowercase, readable slugs for headings and file names.

Python-Markdown's toc slugify drops 'đ' (it is not decomposed by NFKD), so
'Đăng ký khai sinh' became 'ang-ky-khai-sinh'. We map đ/Đ first, then strip marks.
"""
import re
import unicodedata

_STROKES = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    """Remove Vietnamese tone and vowel marks: 'Đăng ký' -> 'Dang ky'. Case is kept."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_STROKES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(value: str, separator: str = "-", unicode: bool = False) -> str:
    """Markdown toc-compatible slugify: 'Đăng ký khai sinh' -> 'dang-ky-khai-sinh'."""
    text = fold(value).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", separator, text)
    return text.strip(separator)


KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_kebab(name: str) -> bool:
    """True for an ASCII kebab-case name such as 'mot-cua-2022'."""
    return bool(KEBAB.match(name))
