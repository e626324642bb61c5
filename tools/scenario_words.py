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
            "production", "produzione",
            "linea", "linee", "turno", "turni", "shift", "shifts", "lavora al", "lavorasse al",
            "runs at", "works at", "gira al")  # fmt: skip
DEMAND = ("demand", "domanda", "sales", "sell", "vendite", "vendiamo", "forecast",
          "previsione", "previsioni", "richiesta", "richieste", "ordini", "orders", "promo",
          "promozione", "promotion", "campagna", "campaign", "volume", "volumes",
          "volumi")  # fmt: skip
# Where one clause of a question ends and the next begins ("... drops 10% and ... +20%").
CLAUSE = re.compile(r"\b(?:and|e|ed|but|ma|while|mentre|plus|oltre a)\b|[,;:]")
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
    figures = _figures(folded)
    if figures:
        return figures[0][1]
    for word in re.findall(r"\w+", folded):
        if word in TIMES:
            return TIMES[word]
    return None


def changes(text: str, *, plant: bool) -> tuple[float | None, float | None]:
    """(demand's change, the plant's capacity change) in percent, as the question says them:
    one figure is the capacity's when capacity or a stop is said of a `plant` named and
    demand is not, else demand's; two figures with both named go each to the nearer
    ("what if PLT-LUM capacity drops 10% and moka demand goes up 20%")."""
    folded = fold(text)
    figures = _figures(folded)
    demand_at, capacity_at = _said(folded, DEMAND), _said(folded, CAPACITY) + _said(folded, STOP)
    if plant and len(figures) > 1 and demand_at and capacity_at:
        found: dict[str, float] = {}
        cuts = [0, *(m.start() for m in CLAUSE.finditer(folded)), len(folded)]
        for at, value in figures:
            start = max(c for c in cuts if c <= at)
            end = min(c for c in cuts if c > at)
            demand = [i for i in demand_at if start <= i < end]
            capacity = [i for i in capacity_at if start <= i < end]
            if bool(demand) != bool(capacity):  # its own clause names one: that one
                found.setdefault("demand" if demand else "capacity", value)
                continue
            to_demand = min(abs(at - i) for i in demand_at)
            to_capacity = min(abs(at - i) for i in capacity_at)
            found.setdefault("demand" if to_demand < to_capacity else "capacity", value)
        if len(found) == 2:
            return found["demand"], found["capacity"]
    figure = change(text)
    if not (plant and of_capacity(text)):
        return figure, None
    if figure is None and stops(text):
        return None, -100.0  # "se maniago si ferma 2 settimane"
    if figure is not None and stops(text):
        return None, -abs(figure)  # "si ferma al 50%"
    return None, figure


def _figures(folded: str) -> list[tuple[int, float]]:
    """Each percentage said as a change, where it stands and signed: "+30%", "cala del 10%"
    (-10), "lavora al 50%" (-50), leaving a price's or a promotion's discount aside."""
    found = []
    levels = [(m.start(), m.end()) for m in AT_LEVEL.finditer(folded)]
    for match in PERCENT.finditer(folded):
        if any(start <= match.start() < end for start, end in levels):
            level = float(match.group(2).replace(",", "."))
            found.append((match.start(), level - 100))  # "lavora al 50%": -50%
            continue
        before = folded[max(0, match.start() - 25) : match.start()]
        after = folded[match.end() : match.end() + 15]
        if NOT_A_CHANGE.search(before.split(",")[-1]) or NOT_A_CHANGE.search(after):
            continue  # "-20% di prezzo", "sconto del 20%"
        if match.group(1) == "-" and DISCOUNTED.search(before):
            continue  # "promo -15% on stockpots": the promotion's discount
        value = float(match.group(2).replace(",", "."))
        if match.group(1):
            found.append((match.start(), -value if match.group(1) == "-" else value))
            continue
        # Unsigned: the nearest word that says up or down, before the figure or just after.
        near = folded[max(0, match.start() - 40) : match.end() + 25]
        ups, downs = _said(near, UP), _said(near, DOWN)
        centre = match.start() - max(0, match.start() - 40)
        up = min((abs(i - centre) for i in ups), default=None)
        down = min((abs(i - centre) for i in downs), default=None)
        falls = down is not None and (up is None or down < up)
        found.append((match.start(), -value if falls else value))
    return found


def stops(text: str) -> bool:
    """True when the question says a plant stops (its capacity falls to nothing)."""
    return bool(_said(fold(text), STOP))


def of_capacity(text: str) -> bool:
    """True when the change said is the plant's capacity, not demand: capacity is named (or
    a stop said) and demand is not."""
    folded = fold(text)
    return bool(_said(folded, CAPACITY) or _said(folded, STOP)) and not _said(folded, DEMAND)


# A family's own line or department at a plant: a change said of it is that family's alone.
LINE = ("line", "lines", "linea", "linee", "reparto", "reparti", "department", "departments",
        "cell", "cella")  # fmt: skip


def of_a_line(text: str) -> bool:
    """True when a line or department is said ("la linea pentole si ferma")."""
    return bool(_said(fold(text), LINE))


def of_demand(text: str) -> bool:
    """True when demand (sales, orders, a promotion) is said to change."""
    return bool(_said(fold(text), DEMAND))


def weeks_said(text: str) -> int | None:
    """How many weeks a change lasts, when a number of weeks is said ("for 2 weeks")."""
    match = WEEKS.search(fold(text))
    if match is None:
        return None
    return int(match.group(1)) if match.group(1) else _SPELLED[match.group(2)]


# Said of what would have been: a scenario on a period gone by ("what if demand had been 20%
# higher in september?"), which is refused as over rather than read as next September. "was"
# and "were" are also said of what may come ("what if capacity was cut in january?"): those
# take whichever reading of the period is nearer to today.
HAD_BEEN = re.compile(
    r"\b(?:had been|would have been|had gone|fosse stat[oa]|fossero stat[ie]|"
    r"(?:avesse|avessimo|avessero) (?:avuto|venduto|fatto))\b"
)
WAS = re.compile(r"\b(?:was|were|fosse|fossero|era|erano)\b")
# The words of what would be or have been: never a product's name ("fosse" is no "rossa").
MOODS = ("was", "were", "had been", "would have been", "fosse", "fossero", "fosse stata",
         "fosse stato", "era", "erano", "sarebbe", "sarebbero", "would be")  # fmt: skip


def looks_back(text: str) -> bool | None:
    """True when the question speaks of what would have been, None when it may ("was"),
    False when it looks ahead."""
    folded = fold(text)
    if HAD_BEEN.search(folded):
        return True
    return None if WAS.search(folded) else False
