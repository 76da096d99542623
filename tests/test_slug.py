"""Heading slugs and file names: ASCII, lowercase, readable, with đ/Đ kept as d."""
import markdown
import pytest

from cchc.slug import fold, is_kebab, slugify


@pytest.mark.parametrize("heading, slug", [
    ("Đăng ký khai sinh", "dang-ky-khai-sinh"),
    ("Đăng ký kinh doanh hộ gia đình", "dang-ky-kinh-doanh-ho-gia-dinh"),
    ("ĐỊA ĐIỂM NỘP HỒ SƠ", "dia-diem-nop-ho-so"),
    ("Dịch vụ công trực tuyến mức độ 3, 4", "dich-vu-cong-truc-tuyen-muc-do-3-4"),
    ("Thủ tục hành chính: ở đâu, khi nào?", "thu-tuc-hanh-chinh-o-dau-khi-nao"),
    ("Ưu tiên người cao tuổi", "uu-tien-nguoi-cao-tuoi"),
    ("Chỉ số PAR INDEX và SIPAS", "chi-so-par-index-va-sipas"),
    ("Nghị định 42/2022/NĐ-CP", "nghi-dinh-42-2022-nd-cp"),
    ("  --Khoảng trắng--  ", "khoang-trang"),
])
def test_slugify_vietnamese(heading, slug):
    assert slugify(heading, "-") == slug


def test_nfc_and_nfd_give_the_same_slug():
    import unicodedata
    text = "Đăng ký thường trú"
    assert slugify(unicodedata.normalize("NFD", text)) == slugify(unicodedata.normalize("NFC", text)) == "dang-ky-thuong-tru"


def test_fold_keeps_case_and_maps_stroke():
    assert fold("Đường Điện Biên") == "Duong Dien Bien"


def test_markdown_toc_uses_our_slugify():
    """The same function plugged into Python-Markdown's toc gives the anchor in the HTML."""
    html = markdown.markdown("## Đăng ký khai sinh", extensions=["toc"], extension_configs={"toc": {"slugify": slugify}})
    assert 'id="dang-ky-khai-sinh"' in html


@pytest.mark.parametrize("name, ok", [
    ("mot-cua", True), ("2026-11-tin-moi", True), ("Mot-cua", False), ("mot_cua", False),
    ("một-cửa", False), ("mot--cua", False), ("-mot", False), ("", False),
])
def test_is_kebab(name, ok):
    assert is_kebab(name) is ok
