"""Quantities as people type them: "500", "500 pezzi", "1.5k", "1,500" and "1.500"."""

from __future__ import annotations

import re

from tools.when import Found

UNITS = (
    r"units?|unita|pcs|pieces?|pezzi|pezzo|pz|items?|articoli|qty|nr|n|x|"
    r"cartons?|cartoni|boxes|scatole"
)
# A number with an optional k/m suffix and an optional unit word after it. Decimal points and
# thousands separators are told apart by the digits that follow them (1.500 vs 1.5).
QUANTITY = re.compile(
    r"(?<![\w/.-])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*"
    r"(k|m|mila|mille|milioni|milione|millions|million|mln|bn|billion|billions|miliardo|"
    r"miliardi|mld)?(?![\w/-])"
    r"(?:\s*(" + UNITS + r")\b)?"
)


def parse_number(digits: str, suffix: str | None) -> float:
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        value = float(re.sub(r"[.,]", "", digits))  # 1,500 and 1.500: thousands
    else:
        value = float(digits.replace(",", "."))  # 1.5 and 1,5: decimals
    millions = ("m", "milioni", "milione", "millions", "million", "mln")
    billions = ("bn", "billion", "billions", "miliardo", "miliardi", "mld")
    if suffix in billions:
        return value * 1e9
    return value * (1e6 if suffix in millions else 1e3 if suffix in ("k", "mila", "mille") else 1)


SMALL = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
    "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
}  # fmt: skip
# "mille", "duemila", "cinquecento", "five hundred", "a thousand": words people type.
WORDS = re.compile(
    r"\b(?:(mille|cento)|(due|tre|quattro|cinque|sei|sette|otto|nove|dieci)(cento|mila)"
    r"|(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+(hundred|thousand|mila))\b"
    r"(?:\s*(" + UNITS + r")\b)?"
)


def _word_value(m: re.Match[str]) -> float:
    alone, it_count, it_scale, en_count, en_scale = m.groups()[:5]
    if alone:
        return 1000.0 if alone == "mille" else 100.0
    if it_count:
        return SMALL[it_count] * (100.0 if it_scale == "cento" else 1000.0)
    count = int(en_count) if en_count.isdigit() else SMALL[en_count]
    return count * (100.0 if en_scale == "hundred" else 1000.0)


def find_quantities(text: str) -> list[tuple[Found, bool]]:
    """Every number in folded `text`, with whether a unit (or k) marks it as a quantity."""
    found = []
    for m in QUANTITY.finditer(text):
        value = parse_number(m.group(1), m.group(2))
        found.append((Found(value, m.start(), m.end()), bool(m.group(2) or m.group(3))))
    for m in WORDS.finditer(text):
        found.append((Found(_word_value(m), m.start(), m.end()), True))
    return sorted(found, key=lambda f: f[0].start)
