"""Wording that marks advice true only before 2025 (data/outdated.yml), found in a page's text.

Pure functions: the rules come in as data, the page as text; tests/test_outdated.py holds every
page that is not archived to them."""
import re
from dataclasses import dataclass

import yaml

COMMENT = re.compile(r"<!--.*?-->", re.S)
# A sentence ends at . ! ? ; or a line break, but not inside a date or a number like 1/7/2025.
SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")


@dataclass(frozen=True)
class Rule:
    id: str
    find: re.Pattern
    scope: str
    unless: re.Pattern | None
    why: str


@dataclass(frozen=True)
class Hit:
    rule: str
    line: int
    text: str
    why: str


def load_rules(path) -> list[Rule]:
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return [Rule(r["id"], re.compile(r["find"], re.I), r["scope"],
                 re.compile(r["unless"], re.I) if r.get("unless") else None, " ".join(r["why"].split()))
            for r in data["rules"]]


def find(text: str, rules: list[Rule]) -> list[Hit]:
    """Every rule the text breaks, with the line of the offending sentence. HTML comments
    (editors' notes, md:fill markers) are not text a reader sees."""
    text = COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    hits = []
    for rule in rules:
        if rule.scope == "page":
            m = rule.find.search(text)
            if m and not (rule.unless and rule.unless.search(text)):
                hits.append(Hit(rule.id, text.count("\n", 0, m.start()) + 1, m.group(0), rule.why))
            continue
        pos = 0
        for sentence in SENTENCE.split(text):
            start = text.find(sentence, pos)
            pos = start + len(sentence) if start >= 0 else pos
            if rule.find.search(sentence) and not (rule.unless and rule.unless.search(sentence)):
                hits.append(Hit(rule.id, text.count("\n", 0, max(start, 0)) + 1, sentence.strip()[:160], rule.why))
    return hits
