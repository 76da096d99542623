"""A synthetic, province-sized corpus for the scale benchmark (scripts/bench.py) and
tests/test_scale.py: procedure cards, articles and news in Vietnamese, a third of them also in
English, written the way editors write them (templates/), so they pass scripts/check.py.

Pure: `generate()` returns file texts and what the catalogue pages must list; the caller
writes them. Same arguments, same corpus (a seeded random.Random). Every page says in its
body that it is synthetic, so a copied file can never pass for a real one.
"""
import random
from dataclasses import dataclass, field

from cchc import paths
from cchc.slug import slugify

FIELD_PAGE_DIR = "thu-tuc/linh-vuc"  # cchc/markers.py FIELD_PAGE

SYNTHETIC_VI = ("*Trang thử nghiệm tự sinh để đo tốc độ dựng trang: dữ liệu giả, không phải thông tin thật,"
                " không dùng để đi làm thủ tục.*")
SYNTHETIC_EN = ("*A synthetic test page generated to measure build speed: made-up data, not real"
                " information; do not use it to file a procedure.*")

# Fields (lĩnh vực) a province's catalogue spans, named as the national database names them.
# data/procedures.yml lists only the fields real cards use; the corpus adds the others to
# its own copy of that file (EXTRA_FIELDS), never to the repository's.
EXTRA_FIELDS = [
    ("xay-dung", "Hoạt động xây dựng", "Construction"),
    ("giao-duc-dao-tao", "Giáo dục và Đào tạo", "Education and training"),
    ("lao-dong", "Lao động, tiền lương", "Labour and wages"),
    ("bao-tro-xa-hoi", "Bảo trợ xã hội", "Social protection"),
    ("nguoi-co-cong", "Người có công", "People with meritorious services"),
    ("nuoi-con-nuoi", "Nuôi con nuôi", "Adoption"),
    ("van-hoa", "Văn hóa cơ sở", "Grassroots culture"),
    ("y-te", "Y tế dự phòng", "Preventive health"),
    ("giao-thong", "Đường bộ", "Road transport"),
    ("nong-nghiep", "Trồng trọt và bảo vệ thực vật", "Crops and plant protection"),
    ("moi-truong", "Môi trường", "Environment"),
    ("thi-dua", "Thi đua, khen thưởng", "Emulation and commendation"),
    ("ton-giao", "Tín ngưỡng, tôn giáo", "Beliefs and religion"),
    ("thuong-mai", "Lưu thông hàng hóa trong nước", "Domestic trade"),
    ("hoa-giai", "Hòa giải ở cơ sở", "Grassroots mediation"),
    ("doanh-nghiep", "Thành lập và hoạt động doanh nghiệp", "Companies"),
]

# field id -> [(Vietnamese name, English name)]: procedures as the national database names them.
NAMES = {
    "ho-tich": [("Đăng ký khai sinh", "Birth registration"), ("Đăng ký kết hôn", "Marriage registration"),
                ("Đăng ký khai tử", "Death registration"), ("Đăng ký giám hộ", "Guardianship registration"),
                ("Đăng ký nhận cha, mẹ, con", "Parentage registration"), ("Đăng ký lại khai sinh", "Re-registration of a birth"),
                ("Cấp giấy xác nhận tình trạng hôn nhân", "Certificate of marital status"),
                ("Cấp bản sao trích lục hộ tịch", "Copy of a civil status extract"),
                ("Thay đổi, cải chính, bổ sung thông tin hộ tịch", "Changing or correcting civil status records")],
    "chung-thuc": [("Chứng thực bản sao từ bản chính", "Certifying copies from originals"),
                   ("Chứng thực chữ ký", "Certifying a signature"), ("Chứng thực hợp đồng, giao dịch", "Certifying a contract"),
                   ("Chứng thực chữ ký người dịch", "Certifying a translator's signature"),
                   ("Sửa lỗi sai sót trong hợp đồng đã được chứng thực", "Correcting a certified contract")],
    "dat-dai": [("Đăng ký biến động quyền sử dụng đất", "Registering a change in land use rights"),
                ("Cấp đổi giấy chứng nhận quyền sử dụng đất", "Replacing a land use certificate"),
                ("Tách thửa hoặc hợp thửa đất", "Splitting or merging land plots"),
                ("Chuyển mục đích sử dụng đất", "Changing the purpose of land use"),
                ("Hòa giải tranh chấp đất đai", "Mediating a land dispute"),
                ("Gia hạn sử dụng đất nông nghiệp", "Extending agricultural land use")],
    "ho-kinh-doanh": [("Đăng ký thành lập hộ kinh doanh", "Registering a household business"),
                      ("Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "Changing a household business registration"),
                      ("Tạm ngừng hoạt động hộ kinh doanh", "Pausing a household business"),
                      ("Chấm dứt hoạt động hộ kinh doanh", "Closing a household business")],
    "xay-dung": [("Cấp giấy phép xây dựng nhà ở riêng lẻ", "Building permit for a house"),
                 ("Cấp giấy phép sửa chữa, cải tạo công trình", "Permit to repair or renovate a building"),
                 ("Gia hạn giấy phép xây dựng", "Extending a building permit"),
                 ("Cấp giấy phép di dời công trình", "Permit to relocate a building")],
    "giao-duc-dao-tao": [("Cho phép trường mầm non hoạt động giáo dục", "Licensing a preschool"),
                         ("Thành lập nhóm trẻ độc lập", "Setting up an independent childcare group"),
                         ("Chuyển trường đối với học sinh trung học cơ sở", "Transferring a lower-secondary pupil"),
                         ("Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Copy of a diploma from the register")],
    "lao-dong": [("Đăng ký nội quy lao động", "Registering work rules"),
                 ("Giải quyết hưởng trợ cấp thất nghiệp", "Unemployment benefit"),
                 ("Cấp giấy phép lao động cho người nước ngoài", "Work permit for a foreigner")],
    "bao-tro-xa-hoi": [("Trợ cấp xã hội hằng tháng", "Monthly social allowance"),
                       ("Hỗ trợ chi phí mai táng", "Funeral cost support"),
                       ("Xác định, xác định lại mức độ khuyết tật", "Disability assessment"),
                       ("Hỗ trợ khẩn cấp khi bị thiệt hại do thiên tai", "Emergency support after a natural disaster")],
    "nguoi-co-cong": [("Giải quyết chế độ trợ cấp ưu đãi", "Preferential allowance"),
                      ("Cấp bảo hiểm y tế cho người có công", "Health insurance for people with meritorious services"),
                      ("Di chuyển hồ sơ người có công với cách mạng", "Transferring a record of meritorious services")],
    "nuoi-con-nuoi": [("Đăng ký việc nuôi con nuôi trong nước", "Registering a domestic adoption"),
                      ("Đăng ký lại việc nuôi con nuôi", "Re-registering an adoption")],
    "van-hoa": [("Đăng ký tổ chức lễ hội", "Registering a festival"),
                ("Công nhận danh hiệu gia đình văn hóa", "Recognising a cultured family"),
                ("Thông báo sản phẩm quảng cáo trên bảng quảng cáo", "Notifying a billboard advertisement")],
    "y-te": [("Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "Food safety certificate"),
             ("Cấp giấy chứng sinh", "Birth certificate from a health facility")],
    "giao-thong": [("Cấp giấy phép thi công công trình đường bộ", "Permit for road works"),
                   ("Chấp thuận đấu nối đường nhánh", "Approving a road connection"),
                   ("Đăng ký xe máy chuyên dùng", "Registering special-purpose machinery")],
    "nong-nghiep": [("Chuyển đổi cơ cấu cây trồng trên đất trồng lúa", "Changing crops on rice land"),
                    ("Hỗ trợ giống cây trồng sau thiên tai", "Seed support after a natural disaster")],
    "moi-truong": [("Đăng ký môi trường", "Environmental registration"),
                   ("Cấp giấy phép môi trường", "Environmental licence")],
    "thi-dua": [("Tặng giấy khen của Chủ tịch Ủy ban nhân dân", "Certificate of merit from the People's Committee chair"),
                ("Tặng danh hiệu lao động tiên tiến", "The advanced worker title")],
    "ton-giao": [("Đăng ký sinh hoạt tôn giáo tập trung", "Registering a religious gathering"),
                 ("Thông báo tổ chức lễ hội tín ngưỡng", "Notifying a belief festival")],
    "thuong-mai": [("Cấp giấy phép bán lẻ rượu", "Liquor retail licence"),
                   ("Cấp giấy phép bán lẻ sản phẩm thuốc lá", "Tobacco retail licence")],
    "hoa-giai": [("Công nhận hòa giải viên", "Recognising a mediator"),
                 ("Thôi làm hòa giải viên", "Stepping down as a mediator")],
    "doanh-nghiep": [("Đăng ký thành lập doanh nghiệp tư nhân", "Registering a private enterprise"),
                     ("Đăng ký hoạt động chi nhánh", "Registering a branch")],
}
# Variants the database lists as separate procedures.
QUALIFIERS = [("", ""), (" có yếu tố nước ngoài", " involving a foreigner"), (" lưu động", " (mobile service)"),
              (" cho người đã có hồ sơ, giấy tờ cá nhân", " for people with existing records"),
              (" trong trường hợp bị mất, hỏng", " when lost or damaged"), (" liên thông", " (joined-up)")]
LEVEL_UNITS = {"tinh": "ubnd-tinh-khanh-hoa", "huyen": "ubnd-tinh-khanh-hoa", "xa": "ubnd-cac-xa-khanh-hoa-thuan-nam-cu"}  # units in office
DOCUMENTS = [("Tờ khai theo mẫu (01 bản chính)", "The form (1 original)"),
             ("Giấy tờ tùy thân có ảnh (bản chính để đối chiếu)", "Photo ID (original, to be checked)"),
             ("Văn bản ủy quyền, nếu nhờ người khác nộp (01 bản)", "A power of attorney if someone files for you (1 copy)"),
             ("Giấy tờ chứng minh nơi cư trú (01 bản sao)", "Proof of residence (1 copy)"),
             ("Bản vẽ, sơ đồ vị trí (02 bản)", "Drawings and a site plan (2 copies)"),
             ("Giấy xác nhận của cơ quan có thẩm quyền (01 bản chính)", "A confirmation from the competent agency (1 original)")]
TIME_LIMITS = [("Trong ngày làm việc", "Same working day"), ("03 ngày làm việc", "3 working days"),
               ("05 ngày làm việc", "5 working days"), ("10 ngày làm việc", "10 working days"), ("15 ngày", "15 days")]
FEES = [("Miễn lệ phí", "No fee"), ("8.000 đồng/trường hợp", "VND 8,000 per case"),
        ("50.000 đồng/giấy", "VND 50,000 per certificate"), ("100.000 đồng/hồ sơ", "VND 100,000 per file")]
CONDITIONS = [("Người nộp phải đủ 18 tuổi", "The applicant must be 18 or over"),
              ("Hồ sơ phải nộp trong thời hạn luật định", "The file must be submitted within the legal time limit")]
LEGAL = ["nd-107-2020-cp", "nd-42-2022-cp", "nd-120-2020-cp", "nd-108-2020-cp"]
# Ways a card lists; weights make roughly a third of cards fully online, as in a province today.
WAY_SETS = [(["truc-tiep", "buu-chinh-cong-ich", "truc-tuyen-toan-trinh"], 4), (["truc-tiep", "truc-tuyen-mot-phan"], 4),
            (["truc-tiep"], 2), (["truc-tiep", "buu-chinh-cong-ich"], 2)]

PARAS_VI = [
    "Cải cách hành chính giúp người dân và doanh nghiệp làm thủ tục nhanh hơn, ít giấy tờ hơn và biết trước mình phải chờ bao lâu.",
    "Bộ phận tiếp nhận và trả kết quả (bộ phận một cửa) nhận hồ sơ, hẹn ngày trả kết quả và trả kết quả tại một nơi.",
    "Trước khi đi, bạn nên xem danh mục thủ tục được niêm yết tại trụ sở hoặc trên Cổng Dịch vụ công quốc gia.",
    "Nếu hồ sơ chưa đủ, cán bộ phải hướng dẫn một lần, bằng văn bản, để bạn bổ sung đủ trong một lần.",
    "Bạn có quyền phản ánh, kiến nghị khi cán bộ gây khó khăn, đòi thêm giấy tờ hoặc trả kết quả trễ hẹn.",
    "Nộp hồ sơ trực tuyến giúp bạn không phải đi lại nhiều lần; kết quả có thể nhận qua bưu điện.",
    "Chỉ số hài lòng của người dân được đo hằng năm để biết cơ quan nào phục vụ tốt và cơ quan nào cần sửa đổi.",
    "Cán bộ, công chức phải có thái độ lịch sự, tôn trọng người dân và giải thích rõ từng bước của thủ tục.",
    "Chính quyền số giúp các cơ quan chia sẻ dữ liệu với nhau, để người dân không phải nộp lại giấy tờ đã có.",
    "Mỗi thủ tục đều có thời hạn giải quyết; quá hạn, cơ quan phải xin lỗi bằng văn bản và hẹn lại ngày trả.",
    "Người cao tuổi, người khuyết tật được ưu tiên tiếp nhận hồ sơ trước và được hướng dẫn tận tình.",
    "Phí, lệ phí phải được niêm yết công khai; cán bộ không được thu thêm khoản nào ngoài mức đã niêm yết.",
]
PARAS_EN = [
    "Administrative reform lets citizens and businesses complete procedures faster, with fewer papers and a known waiting time.",
    "The one-stop shop receives files, sets the date the result is ready and hands over results in one place.",
    "Before you go, check the list of procedures posted at the office or on the National Public Service Portal.",
    "If a file is incomplete, the official must say so once, in writing, so you can complete it in one go.",
    "You may complain when an official makes things difficult, asks for extra papers or is late with the result.",
    "Filing online saves trips to the office; the result can be sent to you by post.",
    "Citizen satisfaction is measured every year to show which agencies serve well and which must improve.",
    "Officials must be polite, respect citizens and explain every step of the procedure.",
    "Digital government lets agencies share data, so citizens do not hand in papers the state already has.",
    "Every procedure has a time limit; when it is missed, the agency must apologise in writing and set a new date.",
    "Older people and people with disabilities are served first and given patient help.",
    "Fees must be posted publicly; officials may not charge anything beyond the posted amount.",
]
HEADINGS_VI = ["Điều bạn cần biết", "Vì sao việc này quan trọng", "Bạn cần làm gì", "Khi gặp khó khăn", "Ví dụ thực tế"]
HEADINGS_EN = ["What you need to know", "Why it matters", "What to do", "When things go wrong", "An example"]
TOPICS_VI = ["một cửa", "dịch vụ công trực tuyến", "bưu chính công ích", "chỉ số hài lòng", "chuyển đổi số",
             "thủ tục hành chính", "phản ánh, kiến nghị", "chữ ký số", "thanh toán trực tuyến", "cắt giảm giấy tờ"]
TOPICS_EN = ["the one-stop shop", "online public services", "the public postal service", "citizen satisfaction",
             "digital transformation", "administrative procedures", "feedback and complaints", "digital signatures",
             "online payment", "cutting paperwork"]
ANGLES_VI = ["Hỏi đáp về {t}", "Những điều cần biết về {t}", "Người dân được lợi gì từ {t}", "Năm câu hỏi thường gặp về {t}",
             "Hiểu đúng về {t}", "Cán bộ cần làm gì với {t}", "Doanh nghiệp và {t}", "Kinh nghiệm của các xã về {t}"]
ANGLES_EN = ["Questions and answers on {t}", "What to know about {t}", "How citizens gain from {t}", "Five common questions on {t}",
             "Getting {t} right", "What officials must do about {t}", "Businesses and {t}", "How communes handle {t}"]
NEWS_VI = ["Tập huấn về {t} cho cán bộ xã", "Hội nghị triển khai {t}", "Tuyên truyền về {t} tại các thôn",
           "Kiểm tra việc thực hiện {t}", "Sơ kết sáu tháng về {t}"]
NEWS_EN = ["Training on {t} for commune officials", "Meeting launches {t}", "Village outreach on {t}",
           "Inspection of {t}", "Six-month review of {t}"]


@dataclass
class Card:
    """What the catalogue pages must list for one procedure card."""
    src: str  # path inside the language folder: 'thu-tuc/dang-ky-khai-sinh-cap-xa.md'
    title: str
    field: str
    level: str
    online: bool  # lists way truc-tuyen-toan-trinh


@dataclass
class Corpus:
    files: dict = field(default_factory=dict)  # path from the tree root -> text
    cards: list = field(default_factory=list)  # Card, Vietnamese
    counts: dict = field(default_factory=dict)  # kind -> Vietnamese pages; 'en' -> English pages of
    # those kinds; 'field_pages' -> per-field catalogue pages added (each in vi and en)
    fields: list = field(default_factory=list)  # EXTRA_FIELDS entries the corpus uses, for data/procedures.yml


def split(cards: int) -> tuple[int, int, int]:
    """(procedure cards, articles, news) for a corpus of `cards` procedure cards: a province's
    site is mostly its procedure catalogue (about 2,000 cards), with articles and news at 15 %
    of that (300 at 2,000 cards: 200 articles, 100 news)."""
    return cards, round(cards * 0.10), round(cards * 0.05)


def _yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _front(meta: list) -> str:
    out = ["---"]
    for key, value in meta:
        if isinstance(value, dict):
            out.append(f"{key}:")
            for k, v in value.items():
                out.append(f"  {k}: {_yaml_value(v, '  ')}")
        else:
            out.append(f"{key}: {_yaml_value(value, '')}")
    out.append("---")
    return "\n".join(out) + "\n"


def _yaml_value(value, indent: str) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "\n" + "\n".join(f"{indent}  - {_yaml_str(str(v))}" for v in value)
    if isinstance(value, str) and value[:4].isdigit() and value[4:5] == "-":
        return value  # a date: written bare, as the templates do
    return _yaml_str(str(value))


def _unique(slug: str, taken: set) -> str:
    out, n = slug, 2
    while out in taken:
        out, n = f"{slug}-{n}", n + 1
    taken.add(out)
    return out


def _paras(rng, pool, n) -> list:
    return rng.sample(pool, n)


def _facts(rng, i: int) -> dict:
    """Which facts a card has, as indexes into the bilingual lists (both languages agree)."""
    return {
        "ways": rng.choices([w for w, _ in WAY_SETS], weights=[n for _, n in WAY_SETS])[0],
        "documents": rng.sample(range(len(DOCUMENTS)), rng.randint(2, 4)),
        "time_limit": rng.randrange(len(TIME_LIMITS)), "fee": rng.randrange(len(FEES)),
        "conditions": [] if rng.random() < 0.5 else [rng.randrange(len(CONDITIONS))],
        "legal_basis": rng.sample(LEGAL, 2), "code": f"1.{(i * 7919) % 1000000:06d}",
    }


def _card_meta(picks: dict, level: str, field_id: str, lang: str) -> dict:
    """The `procedure:` front matter (schemas/page.schema.json) in `lang`."""
    k = 0 if lang == paths.DEFAULT_LANGUAGE else 1
    online = any(w.startswith("truc-tuyen") for w in picks["ways"])
    return {
        "code": picks["code"], "level": level, "field": field_id, "agency": LEVEL_UNITS[level],
        "ways": picks["ways"], "documents": [DOCUMENTS[d][k] for d in picks["documents"]],
        "time_limit": TIME_LIMITS[picks["time_limit"]][k], "fee": FEES[picks["fee"]][k],
        "result": None,  # left out on purpose: the card must say "Chưa cập nhật"
        "conditions": [CONDITIONS[c][k] for c in picks["conditions"]], "legal_basis": picks["legal_basis"],
        "portal_url": ("https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="
                       + picks["code"]) if online else None,
        "checked": "2026-11-23",
    }


def generate(data, lists, pages: int = 2000, seed: int = 1, translate_every: int = 3) -> Corpus:
    """The corpus for `pages` procedure cards plus articles and news (split()), every `translate_every`-th page of each
    kind also in English. `data` is cchc.data.SiteData, `lists` cchc.procedure.Lists of the
    tree the corpus is added to (ids must exist there; EXTRA_FIELDS are added by the caller)."""
    rng = random.Random(seed)
    n_proc, n_art, n_news = split(pages)
    corpus = Corpus(counts={"procedure": n_proc, "article": n_art, "news": n_news, "en": 0})
    folder = data.kinds["procedure"]["folder"]
    field_ids = list(lists.fields) + [f for f, _l, _e in EXTRA_FIELDS if f not in lists.fields]
    used_extra = set()
    taken: set = set()
    themes = list(data.themes.values())
    content_items = [k for k, (_p, _i, kind) in data.items.items() if kind == "content"] or list(data.items)[:1]
    article_items = [k for k, (_p, item, kind) in data.items.items() if kind == "form" and "article" in item["kinds"]]
    news_items = [k for k, (_p, item, kind) in data.items.items() if kind == "form" and "news" in item["kinds"]]
    cats = list(data_categories(data))
    labels = {**{f: (e["label"], e["label_en"]) for f, e in lists.fields.items()},
              **{f: (vi, en) for f, vi, en in EXTRA_FIELDS}}
    level_ids = list(lists.levels)

    def write(lang, src, text):
        corpus.files[f"docs/{lang}/{src}"] = text
        if lang != paths.DEFAULT_LANGUAGE:
            corpus.counts["en"] += 1

    # Procedure cards: flat folder, as data/taxonomy.yml says (URLs survive a change of field).
    # Every (field, name, variant, level) once, shuffled; fields take turns so all are used.
    # Titles stay within the schema's 120 characters, numbered repeats included.
    combos = {f: [(n, q, lv) for n in NAMES.get(f, [("Thủ tục khác", "Another procedure")])
                  for q in QUALIFIERS for lv in level_ids
                  if max(len(n[0] + q[0]), len(n[1] + q[1])) <= 80] for f in field_ids}
    for f in combos:
        rng.shuffle(combos[f])
    for i in range(n_proc):
        field_id = field_ids[i % len(field_ids)]
        if field_id not in lists.fields:
            used_extra.add(field_id)
        turn = i // len(field_ids)
        (name_vi, name_en), (q_vi, q_en), level = combos[field_id][turn % len(combos[field_id])]
        again = turn // len(combos[field_id])  # past every combination: number the repeats
        level_vi, level_en = lists.levels[level]["label"], lists.levels[level]["label_en"]
        title_vi = f"{name_vi}{q_vi} ({level_vi.lower()}{f', trường hợp {again + 1}' if again else ''})"
        title_en = f"{name_en}{q_en} ({level_en.lower()} level{f', case {again + 1}' if again else ''})"
        slug = _unique(slugify(title_vi)[:90].strip("-"), taken)
        src = f"{folder}/{slug}.md"
        picks = _facts(rng, i)
        corpus.cards.append(Card(src, title_vi, field_id, level, "truc-tuyen-toan-trinh" in picks["ways"]))
        field_vi, field_en = labels[field_id]
        for lang in ("vi", "en") if i % translate_every == 0 else ("vi",):
            vi = lang == "vi"
            facts = _card_meta(picks, level, field_id, lang)
            title = title_vi if vi else title_en
            desc = (f"Làm thủ tục {title_vi[0].lower() + title_vi[1:]} thuộc lĩnh vực {field_vi.lower()}: giấy tờ cần mang,"
                    " nơi nộp, thời hạn, lệ phí và cách làm trực tuyến." if vi else
                    f"{title_en}, in the field of {field_en.lower()}: what to bring, where to go, how long it takes,"
                    " what it costs and whether it can be done online.")
            meta = [("title", title), ("description", desc), ("kind", "procedure"), ("theme", "thu-tuc-hanh-chinh"),
                    ("audience", ["nguoi-dan"] if i % 4 else ["nguoi-dan", "doanh-nghiep"]), ("unit", LEVEL_UNITS[level]),
                    ("plan_items", [content_items[i % len(content_items)]]), ("sources", []), ("updated", "2026-11-23"),
                    ("procedure", facts)]
            paras = PARAS_VI if vi else PARAS_EN
            body = [SYNTHETIC_VI if vi else SYNTHETIC_EN, "",
                    (f"Thủ tục {name_vi[0].lower() + name_vi[1:]}{q_vi}, {level_vi.lower()}. " if vi else
                     f"{name_en}{q_en}, at {level_en.lower()} level. ") + rng.choice(paras), "",
                    "## Các bước" if vi else "## Steps", ""]
            steps = (["Chuẩn bị đủ giấy tờ ghi ở thẻ.", "Nộp hồ sơ theo một trong các cách ghi ở thẻ.",
                      "Nhận giấy hẹn và theo dõi hồ sơ.", "Nhận kết quả theo hẹn."] if vi else
                     ["Gather the documents listed on the card.", "File them in one of the ways the card lists.",
                      "Keep the receipt and follow your file.", "Collect the result on the date given."])
            body += [f"{n}. {s}" for n, s in enumerate(steps, 1)]
            body += ["", "## Hỏi ở đâu khi vướng" if vi else "## Where to ask", "", rng.choice(paras), "",
                     "## Nguồn" if vi else "## Sources", "",
                     f"- Cơ sở dữ liệu quốc gia về thủ tục hành chính: thủ tục mã {facts['code']} (dữ liệu giả)." if vi else
                     f"- National database of administrative procedures: procedure {facts['code']} (made-up data).", ""]
            write(lang, src, _front(meta) + "\n" + "\n".join(body))

    # Articles: in their theme's folder, linking to the hub and to a procedure card.
    for i in range(n_art):
        theme = themes[i % len(themes)]
        t_index = rng.randrange(len(TOPICS_VI))
        a_index = rng.randrange(len(ANGLES_VI))
        title_vi = ANGLES_VI[a_index].format(t=TOPICS_VI[t_index])
        title_en = ANGLES_EN[a_index].format(t=TOPICS_EN[t_index])
        title_vi, title_en = f"{title_vi} (bài {i + 1})", f"{title_en} (article {i + 1})"
        slug = _unique(slugify(title_vi), taken)
        src = f"{theme['path']}/{slug}.md"
        card = corpus.cards[i % len(corpus.cards)] if corpus.cards else None
        items = [content_items[i % len(content_items)]] + ([article_items[i % len(article_items)]] if article_items and i % 2 else [])
        for lang in ("vi", "en") if i % translate_every == 0 else ("vi",):
            vi = lang == "vi"
            paras, heads = (PARAS_VI, HEADINGS_VI) if vi else (PARAS_EN, HEADINGS_EN)
            desc = (f"Giải thích dễ hiểu về {TOPICS_VI[t_index]}: quyền lợi của bạn, việc cần làm và nơi hỏi khi vướng." if vi else
                    f"A plain explanation of {TOPICS_EN[t_index]}: your rights, what to do and where to ask.")
            meta = [("title", title_vi if vi else title_en), ("description", desc), ("kind", "article"),
                    ("theme", theme["id"]), ("audience", ["nguoi-dan"]), ("unit", "ubnd-tinh-khanh-hoa"),
                    ("plan_items", items), ("sources", []), ("updated", "2026-11-23")]
            body = [SYNTHETIC_VI if vi else SYNTHETIC_EN, "", " ".join(_paras(rng, paras, 3)), ""]
            for h in rng.sample(heads, 4):
                body += [f"## {h}", "", " ".join(_paras(rng, paras, 3)), "", " ".join(_paras(rng, paras, 2)), ""]
            body += [f"- {p}" for p in _paras(rng, paras, 3)] + [""]
            hub = theme["title"] if vi else theme["title_en"]
            body.append(f"{'Xem thêm' if vi else 'See also'}: [{hub}](index.md)"
                        + (f"; [{card.title if vi else ('a procedure card')}](../{card.src})." if card else "."))
            body += ["", "## Nguồn" if vi else "## Sources", "",
                     "- Kế hoạch tuyên truyền cải cách hành chính năm 2022 (dữ liệu giả)." if vi else
                     "- The 2022 communication plan on administrative reform (made-up data).", ""]
            write(lang, src, _front(meta) + "\n" + "\n".join(body))

    # News: dated, one category each, spread over four years.
    for i in range(n_news):
        t_index = rng.randrange(len(TOPICS_VI))
        n_index = rng.randrange(len(NEWS_VI))
        year, month, day = 2022 + (i % 5), 1 + (i * 5) % 12, 1 + (i * 7) % 28
        date = f"{year}-{month:02d}-{day:02d}"
        title_vi = f"{NEWS_VI[n_index].format(t=TOPICS_VI[t_index])} (tin {i + 1})"
        title_en = f"{NEWS_EN[n_index].format(t=TOPICS_EN[t_index])} (item {i + 1})"
        slug = _unique(f"{year}-{month:02d}-" + slugify(title_vi), taken)
        src = f"tin-tuc/{slug}.md"
        items = [news_items[i % len(news_items)]] if news_items else [content_items[0]]
        for lang in ("vi", "en") if i % translate_every == 0 else ("vi",):
            vi = lang == "vi"
            paras = PARAS_VI if vi else PARAS_EN
            desc = (f"Tin ngày {day:02d}/{month:02d}/{year}: {TOPICS_VI[t_index]}, việc đã làm và điều người dân cần biết." if vi else
                    f"News of {date}: {TOPICS_EN[t_index]}, what was done and what citizens need to know.")
            meta = [("title", title_vi if vi else title_en), ("description", desc), ("kind", "news"),
                    ("category", cats[i % len(cats)]), ("theme", themes[i % len(themes)]["id"]),
                    ("audience", ["nguoi-dan", "can-bo"]), ("unit", "ubnd-cac-xa-khanh-hoa-thuan-nam-cu"),
                    ("plan_items", items), ("sources", []), ("updated", date), ("date", date)]
            body = [SYNTHETIC_VI if vi else SYNTHETIC_EN, "", " ".join(_paras(rng, paras, 2)), "",
                    "## Nội dung chính" if vi else "## The main points", "", " ".join(_paras(rng, paras, 3)), ""]
            write(lang, src, _front(meta) + "\n" + "\n".join(body))

    corpus.fields = [e for e in EXTRA_FIELDS if e[0] in used_extra]
    # One catalogue page per field that has cards (the repository has those of its own fields).
    for field_id in dict.fromkeys(c.field for c in corpus.cards):
        for lang in ("vi", "en"):
            rel = f"docs/{lang}/{FIELD_PAGE_DIR}/{field_id}.md"
            if field_id not in lists.fields:
                corpus.files[rel] = field_page(field_id, *labels[field_id], lang)
                corpus.counts["field_pages"] = corpus.counts.get("field_pages", 0) + (lang == "vi")
    return corpus


def field_page(field_id: str, label_vi: str, label_en: str, lang: str) -> str:
    """The text of docs/<lang>/thu-tuc/linh-vuc/<field_id>.md: one field's catalogue
    (cchc/markers.py FIELD_PAGE). The corpus writes one per field it uses; the repository's
    own pages were written by this function too (same words)."""
    if lang == paths.DEFAULT_LANGUAGE:
        meta = [("title", f"Thủ tục lĩnh vực {label_vi}"),
                ("description", f"Các thẻ thủ tục hành chính lĩnh vực {label_vi.lower()}, xếp theo cấp thực hiện"
                                " (tỉnh, xã); thủ tục làm trực tuyến toàn trình được ghi rõ."),
                ("kind", "section")]
        intro = ("Các thủ tục lĩnh vực này, xếp theo cấp thực hiện. Xem thêm danh mục [theo lĩnh vực](../index.md),"
                 " [theo cấp thực hiện](../theo-cap.md) và [làm trực tuyến toàn trình](../truc-tuyen.md).")
    else:
        meta = [("title", f"Procedures: {label_en}"),
                ("description", f"Administrative procedure cards in the field of {label_en.lower()}, by level"
                                " (province, commune); those that can be done fully online are marked."),
                ("kind", "section")]
        intro = ("The procedures of this field, by level. See also the catalogue [by field](../index.md),"
                 " [by level](../theo-cap.md) and [fully online](../truc-tuyen.md).")
    return _front(meta) + f"\n{intro}\n\n<!-- md:procedures field={field_id} -->\n"


def data_categories(data) -> list:
    """News category ids of the tree (data/taxonomy.yml news_categories)."""
    return list(data.news_categories)


def procedures_yml_with(text: str, fields: list) -> str:
    """data/procedures.yml's text with `fields` added to its `fields:` list (a synthetic tree's
    copy: comments are not kept)."""
    import yaml

    value = yaml.safe_load(text)
    known = {f["id"] for f in value["fields"]}
    value["fields"] += [{"id": f, "label": vi, "label_en": en} for f, vi, en in fields if f not in known]
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)
