"""No page a citizen acts on repeats advice that was true only before 2025 (the old ID card,
the district as a place to file, "mức độ 3, 4" left unexplained) or the colloquial wording the
site dropped. The phrases are data (data/outdated.yml); archived pages are records and exempt."""
import pytest

from cchc import outdated, paths, site

RULES = outdated.load_rules(paths.ROOT / "data" / "outdated.yml")


def hits(text):
    return {h.rule for h in outdated.find(text, RULES)}


@pytest.mark.parametrize("text, rule", [
    ("Mang theo chứng minh nhân dân và sổ hộ khẩu.", "cmnd"),
    ("Bring your CMND.", "cmnd"),
    ("Bà con nộp hồ sơ tại Bộ phận Một cửa của huyện.", "district-as-place"),
    ("Nếu chưa rõ, hãy đến hỏi UBND huyện.", "district-as-place"),
    ("Nộp tại Bộ phận tiếp nhận và trả kết quả cấp huyện, xã.", "district-as-place"),
    ("You can file at the district People's Committee.", "district-as-place"),
    ("Đẩy mạnh dịch vụ công trực tuyến mức độ 3, 4.", "levels-unexplained"),
    ("Nói gọn: người đứng đầu chịu trách nhiệm.", "filler"),
    ("Kế hoạch đặt việc hướng dẫn người dân.", "filler"),
])
def test_each_rule_catches_the_old_wording(text, rule):
    assert rule in hits(text)


@pytest.mark.parametrize("text", [
    "Chứng minh nhân dân không còn dùng được từ ngày 1/1/2025.",
    "Chứng minh nhân dân còn hạn chỉ được dùng đến hết ngày 31/12/2024.",
    "Kế hoạch năm 2022 yêu cầu gửi UBND huyện (qua Phòng Nội vụ) trước ngày 30/01/2022.",
    "Từ ngày 1/7/2025 không còn cấp huyện; nộp tại Trung tâm Phục vụ hành chính công của xã.",
    "Kế hoạch nói mức độ 3, 4; nay gọi là toàn trình và một phần.",
    "Hỏi số điện thoại: <!-- md:fill số điện thoại của UBND huyện -->",
])
def test_current_wording_and_descriptions_of_the_2022_plans_pass(text):
    assert hits(text) == set()


def test_a_hit_names_its_line():
    [hit] = outdated.find("Dòng một.\n\nDòng ba: mang chứng minh nhân dân.", RULES)
    assert (hit.rule, hit.line) == ("cmnd", 3)


def test_no_current_page_gives_pre_2025_advice():
    pages = [p for p in site.discover() if p.meta is not None]
    assert len(pages) > 50, "the walk found no pages: it would pass on anything"
    current = [p for p in pages if not p.meta.get("archived")]
    assert len(current) < len(pages), "no archived page seen: the exemption is not exercised"
    problems = [f"{p.rel}:{p.body_line + h.line - 1}: [{h.rule}] «{h.text}» {h.why}"
                for p in current for h in outdated.find(p.body, RULES)]
    assert not problems, "\n".join(problems)
