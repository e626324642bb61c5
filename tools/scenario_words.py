"""Reading a scenario from the words people type: what changes, by how much, for how long.

"se facciamo una promo gnocchi a gennaio +30% reggiamo?" (demand +30%), "what if PLT-LUM
capacity drops 10%" (capacity -10%), "se la produzione a Maniago si ferma 2 settimane?" (a
plant stopped for two weeks), "raddoppia la previsione della moka" (+100%), "what if demand
halves" (-50%). A percentage said of a price ("-20% di prezzo") is no change of demand: the
demand change is the other figure ("e la domanda sale del 40%").
"""

from __future__ import annotations

import re

from tools.text import fold

# A percentage, with its sign when one is typed ("+30%", "del 15 %", "-10,5%").
PERCENT = re.compile(r"(?<![\w.,])([+-]?)\s?(\d+(?:[.,]\d+)?)\s?%")
# Words before a percentage that make it a price's, a discount's or a share's (not a change).
NOT_A_CHANGE = re.compile(
    r"\b(?:prezzo|prezzi|price|prices|sconto|sconti|discount|discounts|off|margine|margin"
    r"|listino|scontato|scontati)\b"
)
# A promotion's own figure, said right after it ("promo -15%"): its discount.
DISCOUNTED = re.compile(r"\b(?:promo|promozione|promotion|campagna|campaign|offerta)\W*$")
# A plant working at a share of its capacity ("lavora al 50%", "runs at 70%").
AT_LEVEL = re.compile(
    r"\b(?:lavora|lavorasse|lavorano|gira|girasse|produce|producesse|runs|running|works|"
    r"working|operates|operating)\s+(?:al|a|at|only at|solo al)\s+(\d+(?:[.,]\d+)?)\s?%"
)
UP = ("goes up", "go up", "went up", "increase", "increases", "increased", "rises", "rise",
      "grow", "grows", "growth", "higher", "more", "up", "extra", "cresce", "crescesse",
      "crescono", "crescessero", "aumenta", "aumentasse", "aumentano", "aumento", "sale",
      "salisse", "salgono", "in piu", "piu alta", "piu alto", "boost", "spike",
      "jumps", "jump")  # fmt: skip
DOWN = ("drops", "drop", "dropped", "falls", "fall", "goes down", "go down", "lower", "less",
        "down", "fewer", "shrinks", "loses", "lose", "loss", "cut", "cuts", "cala", "calasse",
        "calano", "scende", "scendesse", "scendono", "diminuisce", "diminuisse", "perde",
        "perdesse", "perdiamo", "in meno", "meno", "calo", "riduce", "ridotta", "ridotto",
        "taglio")  # fmt: skip
# Multiplying words: what they change by, in percent.
TIMES = {
    **dict.fromkeys(("double", "doubles", "doubled", "doppio", "raddoppia", "raddoppiasse",
                     "raddoppiano", "raddoppiare", "raddoppiamo", "raddoppiata"), 100.0),
    **dict.fromkeys(("triple", "triples", "tripled", "triplo", "triplica", "triplicasse",
                     "triplicano", "triplicare"), 200.0),
    **dict.fromkeys(("halve", "halves", "halved", "dimezza", "dimezzasse", "dimezzano",
                     "dimezzare", "dimezzata"), -50.0),
}  # fmt: skip
# A plant that stops: its capacity falls by 100%.
STOP = ("si ferma", "si fermasse", "si fermano", "ferma", "fermo", "fermiamo", "fermassimo",
        "fermata", "stop", "stops", "stopped", "shuts down", "shut down", "shutdown",
        "closes", "close", "closed", "chiude", "chiudesse", "chiudiamo", "chiudessimo",
        "chiuso", "chiusura", "down for", "offline", "strike", "sciopero",
        "manutenzione", "maintenance")  # fmt: skip
CAPACITY = ("capacity", "capacita", "capacities", "output", "throughput", "line", "lines",
            "linea", "linee", "turno", "turni", "shift", "shifts", "lavora al", "lavorasse al",
            "runs at", "works at", "gira al")  # fmt: skip
DEMAND = ("demand", "domanda", "sales", "sell", "vendite", "vendiamo", "forecast",
          "previsione", "previsioni", "richiesta", "richieste", "ordini", "orders", "promo",
          "promozione", "promotion", "campagna", "campaign", "volume", "volumes",
          "volumi")  # fmt: skip
# "for 2 weeks", "per 3 settimane", "una settimana", "a week".
WEEKS = re.compile(
    r"\b(?:(\d{1,2})|(a|an|one|una|un|two|due|three|tre|four|quattro))\s+"
    r"(?:weeks?|settiman[ae]|sett)\b"
)
_SPELLED = {"a": 1, "an": 1, "one": 1, "una": 1, "un": 1, "two": 2, "due": 2, "three": 3,
            "tre": 3, "four": 4, "quattro": 4}  # fmt: skip


def _said(folded: str, phrases: tuple[str, ...]) -> list[int]:
    """Where each of `phrases` starts in `folded`, as whole words."""
    return [
        m.start() for p in phrases for m in re.finditer(rf"(?<!\w){re.escape(p)}(?!\w)", folded)
    ]


def change(text: str) -> float | None:
    """The percent change a scenario asks (+30.0, -10.0), or None when none is said."""
    folded = fold(text)
    if (level := AT_LEVEL.search(folded)) is not None:
        return float(level.group(1).replace(",", ".")) - 100  # "lavora al 50%": -50%
    for match in PERCENT.finditer(folded):
        before = folded[max(0, match.start() - 25) : match.start()]
        after = folded[match.end() : match.end() + 15]
        if NOT_A_CHANGE.search(before.split(",")[-1]) or NOT_A_CHANGE.search(after):
            continue  # "-20% di prezzo", "sconto del 20%"
        if match.group(1) == "-" and DISCOUNTED.search(before):
            continue  # "promo -15% on stockpots": the promotion's discount
        value = float(match.group(2).replace(",", "."))
        if match.group(1):
            return -value if match.group(1) == "-" else value
        # Unsigned: the nearest word that says up or down, before the figure or just after.
        near = folded[max(0, match.start() - 40) : match.end() + 25]
        ups, downs = _said(near, UP), _said(near, DOWN)
        centre = match.start() - max(0, match.start() - 40)
        up = min((abs(i - centre) for i in ups), default=None)
        down = min((abs(i - centre) for i in downs), default=None)
        if down is not None and (up is None or down < up):
            return -value
        return value
    for word in re.findall(r"\w+", folded):
        if word in TIMES:
            return TIMES[word]
    return None


def stops(text: str) -> bool:
    """True when the question says a plant stops (its capacity falls to nothing)."""
    return bool(_said(fold(text), STOP))


def of_capacity(text: str) -> bool:
    """True when the change said is the plant's capacity, not demand: capacity is named (or
    a stop said) and demand is not."""
    folded = fold(text)
    return bool(_said(folded, CAPACITY) or _said(folded, STOP)) and not _said(folded, DEMAND)


def weeks_said(text: str) -> int | None:
    """How many weeks a change lasts, when a number of weeks is said ("for 2 weeks")."""
    match = WEEKS.search(fold(text))
    if match is None:
        return None
    return int(match.group(1)) if match.group(1) else _SPELLED[match.group(2)]
