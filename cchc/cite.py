"""How a document and a date are written in a page: 'Nghị định số 107/2020/NĐ-CP ngày
14/09/2020 của Chính phủ'. Used by the plan markers (cchc/markers.py) and the procedure card
(cchc/procedure.py); it sits below both so neither has to import the other for it."""

CITE = {
    "vi": {"doc_types": {"luat": "Luật", "nghi-dinh": "Nghị định", "nghi-quyet": "Nghị quyết",
                         "quyet-dinh": "Quyết định", "chi-thi": "Chỉ thị", "ke-hoach": "Kế hoạch",
                         "chuong-trinh": "Chương trình", "thong-tu": "Thông tư"},
           "no": "số", "dated": "ngày", "of": "của"},
    "en": {"doc_types": {"luat": "Law", "nghi-dinh": "Decree", "nghi-quyet": "Resolution",
                         "quyet-dinh": "Decision", "chi-thi": "Directive", "ke-hoach": "Plan",
                         "chuong-trinh": "Programme", "thong-tu": "Circular"},
           "no": "No.", "dated": "of", "of": "by"},
}


def date_text(iso: str | None) -> str:
    """'2022-01-30' -> '30/01/2022'."""
    if not iso:
        return ""
    y, m, d = str(iso).split("-")
    return f"{d}/{m}/{y}"


def cite(doc: dict, lang: str, mark=None) -> str:
    """'Nghị định số 107/2020/NĐ-CP ngày 14/09/2020 của Chính phủ'. `mark(text)`, when given,
    wraps the issuer and subject (data/documents.yml gives them in Vietnamese only), e.g. with
    lang="vi" on an English page (cchc/markers.py)."""
    t = CITE[lang]
    issuer, subject = doc["issuer"], doc.get("subject")
    if mark:
        issuer = mark(issuer)
        subject = mark(subject) if subject else subject
    out = t["doc_types"][doc["type"]]
    if doc["number"]:
        out += f" {t['no']} {doc['number']}"
    if doc["issued_on"]:
        out += f" {t['dated']} {date_text(doc['issued_on'])}"
    out += f" {t['of']} {issuer}"
    if subject and not doc["number"]:
        out = f"{subject} ({issuer})"
    return out
