"""Reading a quota change request or a decision from the words people type.

"raise my Q1 quota to 12,000 because ACME doubled", "alza la quota di Zanetti del 10%
perché apre due negozi", "cut James' Q1 quota by 500: lost Harrods", "approve request 3",
"rifiuta la richiesta 4: troppo alta". The target is the number after "to / a / at" (or the
only number left); "by / di / del" with a number is a change (up or down by the verb), "%" a
percentage; euros, "revenue" or "fatturato" make it a revenue target. The reason is the text
after "because / perché / since / as / due to / :", kept verbatim (it is stored as typed
and escaped wherever it is shown).
"""

from __future__ import annotations

import re
from typing import Any

from tools.amounts import QUANTITY, parse_number
from tools.text import fold

# Why, after a word that says so; failing that, after a colon, a dash or a sentence's end.
BECAUSE = re.compile(
    r"\b(?:because of|because|since|as|due to|reason(?: is)?|perch[eéè]|poich[eéè]|dato che"
    r"|visto che|motivo(?: e)?|motivazione)\b\s*:?\s*(.+)$",
    re.IGNORECASE | re.DOTALL,
)
COMMA = re.compile(r",\s+")
PAUSE = re.compile(r"(?::|\s-\s|[?.!](?=\s))\s*(.+)$", re.DOTALL)
# Periods hold digits that are no target: "2027-Q1", "Q1", "2027", "12/2026".
PERIOD_DIGITS = re.compile(
    r"\b(?:(?:19|20)\d{2}[- ]?)?q[1-4]\b|\b(?:19|20)\d\d\b|\b\d{1,2}/(?:19|20)\d{2}\b"
)
TO = re.compile(r"\b(?:to|at|a|al|=|su|fino a)\s*$")
BY = re.compile(r"\b(?:by|di|del|dello|della|of)\s*$")
UP = ("raise", "increase", "up", "higher", "alza", "alzare", "alzami", "alzala", "aumenta",
      "aumentare", "aumentami", "aumentala", "piu alta", "bump up", "grow")  # fmt: skip
TIMES = re.compile(r"\b(\d+(?:[.,]\d+)?)\s*(?:x|volte|times)\b")
DOWN = ("lower", "reduce", "cut", "decrease", "down", "abbassa", "abbassare", "abbassami",
        "abbassala", "ridurre", "riduci", "riducimi", "riducila", "taglia", "tagliala",
        "diminuisci", "diminuiscila", "meno")  # fmt: skip
# The single words that say a change: never part of a product's name in a request.
CHANGE_WORDS = frozenset(
    w for phrase in (*UP, *DOWN) for w in phrase.split() if w not in ("piu", "up", "down")
) | {"alta", "alto", "bassa", "basso", "higher", "lower", "volte", "times", "bigger", "smaller",
     "set", "put", "make", "change", "metti", "porta", "fissa", "cambia", "modifica",
     "raddoppia", "double", "triple", "triplica", "dimezza", "halve", "more", "extra"}  # fmt: skip
# "500 more", "500 pezzi in più", "200 fewer": a change, said after the number.
UNIT = r"(?:(?:units?|pz|pcs|pezzi|pieces|€|eur|euro|k)\s+)?"
FEWER_WORDS = "fewer|less|in meno|di meno"  # after a number (tools.feedback_words too)
MORE = re.compile(UNIT + r"(?:more|in piu|extra|additional|di piu|" + FEWER_WORDS + r")\b")
FEWER = re.compile(UNIT + r"(?:" + FEWER_WORDS + r")\b")
# Giving a person more (or fewer) to sell: "give walker 500 more units", "dai 200 pezzi in più
# a zanetti".
GIVE = ("give", "add", "assign", "dai", "dagli", "dalle", "aggiungi", "assegna", "togli",
        "take away")  # fmt: skip
# ... or to oneself, a rep's own quota: "mettimi 300 pz in meno sul q1", "give me 500 more".
GIVE_ME = ("mettimi", "dammi", "toglimi", "aggiungimi", "assegnami", "give me", "put me down for",
           "add me", "take me down")  # fmt: skip
# A fraction of the quota, and the percentage it is.
FRACTIONS: tuple[tuple[tuple[str, ...], float], ...] = (
    (("di un terzo", "un terzo in piu", "un terzo in meno", "by a third", "by one third",
      "a third more", "a third less"), 100 / 3),
    (("di un quarto", "un quarto in piu", "un quarto in meno", "by a quarter", "by one quarter",
      "a quarter more", "a quarter less"), 25.0),
    (("di un quinto", "un quinto in piu", "un quinto in meno", "by a fifth", "by one fifth",
      "a fifth more", "a fifth less"), 20.0),
    (("di un decimo", "by a tenth", "a tenth more", "a tenth less"), 10.0),
    (("della meta", "di meta", "by half", "by a half", "half as much again"), 50.0),
)  # fmt: skip
# A multiple said in a word, and the change it makes.
MULTIPLES: tuple[tuple[tuple[str, ...], float], ...] = (
    (("raddoppia", "raddoppiare", "raddoppiami", "double", "doubled", "twice"), 100.0),
    (("triplica", "triplicare", "triple", "tripled"), 200.0),
    (("dimezza", "dimezzare", "dimezzami", "halve", "halved", "in half", "a meta"), -50.0),
)
MONEY = re.compile(r"€|\beur\b|\beuro\b|\brevenue\b|\bfatturato\b|\bsales value\b")
REQUEST_NUMBER = re.compile(r"(?:#|\b(?:request|richiesta|req|numero|nr\.?|n\.)\s*#?)\s*(\d+)\b")
# A refusal, however it is said ("rifiuto la 2", "non approvo la 2", "don't approve #2"): read
# before approval, which is what a decision is when nothing else is said.
REJECT = ("reject", "rejected", "decline", "declined", "deny", "denied", "refuse", "rifiuta",
          "rifiutare", "rifiuto", "rifiutala", "respingi", "respingo", "respingila", "boccia",
          "boccio", "bocciala", "no alla", "non approvo", "non approvare", "non la approvo",
          "non lo approvo", "non va approvata", "dont approve", "don t approve",
          "don't approve", "don’t approve", "do not approve", "not approve", "not approved",
          "nego", "nope", "turn down", "turning down", "turned down", "bocciata", "bocciato",
          "respinta", "rifiutata", "no to", "no per")  # fmt: skip
CHANGES = ("ask for changes", "request changes", "changes", "chiedi modifiche", "modifiche",
           "da rivedere", "rivedere")  # fmt: skip


def split_reason(text: str, *, pause: bool = True, comma: bool = True) -> tuple[str, str]:
    """(what is asked, why) from the message as typed; why is '' when not said. Without
    `pause`, only a word that says why starts the reason (not a colon: "split the Q1 quota:
    60% NO, 40% NE" gives a split, not a reason); without `comma`, not a comma either ("ok
    per la 1, via libera" is all asked)."""
    for marker in (BECAUSE, PAUSE) if pause else (BECAUSE,):
        match = marker.search(text)
        # "set it as 9000" says no reason: a reason is words.
        if match is not None and re.search(r"[^\W\d_]", match.group(1)):
            return text[: match.start()], match.group(1).strip()
    if pause and comma:  # "halve Lo Bianco's quota, Sicily stores closing": no figure in it
        for match in COMMA.finditer(text):
            why = text[match.end() :]
            # A number in it is the reason's own ("Partenope ha chiuso 2 punti vendita") when
            # the figure asked came before and the reason begins with a word.
            figure_before = QUANTITY.search(fold(text[: match.start()])) is not None
            words_first = re.match(r"\s*[^\W\d_]{2}", why) is not None
            if re.search(r"[^\W\d_]{3}", why) and (
                not re.search(r"\d", why) or (figure_before and words_first)
            ):
                return text[: match.start()], why.strip()
    return text, ""


def _a_figure(folded: str, m: re.Match[str]) -> bool:
    """ "a 2000", "2000 pezzi": a number that looks like a year but is the figure asked."""
    if not m.group(0).isdigit():
        return False
    before, after = folded[: m.start()].rstrip(" +-"), folded[m.end() :].lstrip()
    return bool(TO.search(before) or BY.search(before)) or after.startswith(
        ("pz", "pcs", "pezzi", "units", "unita", "pieces", "€", "eur", "k ")
    )


def quota_change(text: str, *, pause: bool = True) -> dict[str, Any]:
    """The target of a quota change request from `text`: target_units or target_revenue,
    or change_units / change_revenue / change_pct (signed), and reason; nothing for what is
    not said (`pause`: as in split_reason)."""
    asked, reason = split_reason(text, pause=pause)
    folded = fold(asked)
    plain = PERIOD_DIGITS.sub(
        lambda m: m.group(0) if _a_figure(folded, m) else " " * len(m.group(0)), folded
    )
    out: dict[str, Any] = {}
    if reason:
        out["reason"] = reason
    down = any(re.search(rf"\b{w}\b", folded) for w in DOWN)
    up = any(re.search(rf"\b{w}\b", folded) for w in UP)
    if up != down:  # the verb's direction: the request must agree with it (planning checks)
        out["direction"] = "up" if up else "down"
    money = bool(MONEY.search(folded))
    # "richiesta 2", "#2": a request's number, never a target.
    plain = REQUEST_NUMBER.sub(lambda m: " " * len(m.group(0)), plain)
    # "1000 volte più alta", "3x", "twice": a multiple of the current target.
    times = TIMES.search(plain)
    if times is not None:
        factor = float(times.group(1).replace(",", "."))
        out["change_pct"] = (factor - 1) * 100 if not down else (1 / factor - 1) * 100
        return out
    # "raddoppia", "halve it": a multiple said in a word; "di un terzo", "by a quarter": a
    # fraction, up or down as the verb says.
    for words, pct in MULTIPLES:
        if any(re.search(rf"\b{w}\b", folded) for w in words):
            out["change_pct"] = pct
            out["direction"] = "up" if pct > 0 else "down"
            return out
    for words, pct in FRACTIONS:
        if any(re.search(rf"\b{w}\b", folded) for w in words):
            out["change_pct"] = -pct if down or FEWER.search(folded) else pct
            return out
    # "+500", "-10%", "a -500": a sign the number pattern leaves out.
    signs = {m.end(): m.group(1) for m in re.finditer(r"(?<!\w)([+-])\s?(?=\d)", plain)}
    plain = re.sub(r"(?<!\w)[+-](\s?)(?=\d)", lambda m: " " + m.group(1), plain)
    numbers = []
    bare_thousands: set[float] = set()  # "15k", "15 mila" with no unit: pieces or euros?
    for m in QUANTITY.finditer(plain):
        value = parse_number(m.group(1), m.group(2))
        sign = signs.get(m.start())
        before = plain[: m.start()]
        after = plain[m.end() : m.end() + 24].strip()
        numbers.append((-value if sign == "-" else value, before, after, sign))
        if m.group(2) and not m.group(3) and not MORE.match(after):
            bare_thousands.add(numbers[-1][0])
    if not numbers:
        return out

    # "to 12,000" is the target; "by 500", "del 10%" a change; else the last number.
    def is_change(n: tuple[float, str, str, str | None]) -> bool:
        return bool(BY.search(n[1]) or n[2].startswith("%") or n[3] or MORE.match(n[2]))

    chosen = next((n for n in numbers if TO.search(n[1])), None)
    relative = chosen is None and any(is_change(n) for n in numbers)
    if chosen is None:
        chosen = next((n for n in numbers if is_change(n)), numbers[-1])
    value, before, after, sign = chosen
    # A signed change says its own direction; "lower ... by 5%" the verb does, "500 in meno"
    # its own words.
    fewer = bool(FEWER.match(after))
    turn = -1 if (down or fewer) and not sign else 1
    if fewer:
        out["direction"] = "down"
    if after.startswith("%") or plain[len(before) :].lstrip(" 0123456789.,").startswith(
        ("percent", "per cento", "%")
    ):
        out["change_pct"] = turn * value
    elif relative:  # "by 500", or "revenue ... by 500": euros
        out["change_revenue" if money else "change_units"] = turn * value
    elif money:
        out["target_revenue"] = value
    else:
        out["target_units"] = value
    if not money and value in bare_thousands and ("change_units" in out or "target_units" in out):
        out["measure_unsaid"] = True  # "di 15k": planning asks when it could be either
    return out


def decision(text: str) -> dict[str, Any]:
    """The request number, the decision and its note from "approve request 3",
    "reject 4: too high", "chiedi modifiche alla richiesta 5 perché..."."""
    asked, note = split_reason(text)
    folded = fold(asked)
    out: dict[str, Any] = {}
    found = REQUEST_NUMBER.search(folded) or re.search(r"\b(\d+)\b", folded)
    if found is not None:
        out["request"] = int(found.group(1))
        # "reject request #2, plants can't make it": what follows the number says why.
        rest = folded[found.end() :].lstrip(" ,;:-")
        if re.fullmatch(r"(?:di|of|from|da|for|per)\s+\S+(?:\s+\S+)?", rest):
            rest = ""  # "la richiesta 1 di Giulia": whose it is, not why
        if not note and rest:
            note = asked[len(asked) - len(rest) :].strip() if len(rest) <= len(asked) else rest
    if any(re.search(rf"\b{w}\b", folded) for w in CHANGES):
        out["decision"] = "changes"
    elif any(re.search(rf"\b{w}\b", folded) for w in REJECT):
        out["decision"] = "reject"
    else:
        out["decision"] = "approve"
    if note:
        out["note"] = note
    return out


def names_a_request(text: str) -> bool:
    """A request named by its number ("request 3", "#3", "la 3")."""
    folded = fold(split_reason(text)[0])
    return bool(REQUEST_NUMBER.search(folded) or re.search(r"\b\d{1,6}\b", folded))


# Deciding a request by its number: "approve request 3", "rifiuta la 4", "ok alla richiesta 5".
DECIDE = ("approve", "approved", "approva", "approvare", "approvo", "approvala", "accept",
          "accetta", "accetto", "sign off", "via libera", "ok alla", *REJECT,
          "ask for changes", "request changes", "chiedi modifiche")  # fmt: skip
# Asking how a request went: "what happened to request #2?", "che fine ha fatto la mia
# richiesta?".
HAPPENED = ("what happened", "whats happened", "what s happened", "che fine ha fatto",
            "com e andata", "come e andata", "com e finita", "come e finita", "any news",
            "news on", "novita", "how did", "where is", "dov e", "a che punto e",
            "status of", "was my", "is my", "e stata approvata", "e stata rifiutata",
            "l hanno approvata", "got approved", "been approved")  # fmt: skip
# What a request is called: "my split", "la mia richiesta", "request #2".
REQUEST_NOUNS = ("request", "requests", "richiesta", "richieste", "req", "split",
                 "ripartizione", "allocation")  # fmt: skip
# Listing requests: "pending approvals", "my quota requests", "richieste in attesa".
LIST = ("approvals", "requests", "request", "richieste", "richiesta", "pending", "waiting",
        "in attesa", "da approvare", "approvazioni", "to approve")  # fmt: skip
# A change said without a verb of change: "my q1 quota should be 10k", "portami la quota".
CHANGE = ("should be", "shuold be", "must be", "needs to be", "dovrebbe essere",
          "deve essere", "portami", "mettimi", "fissami", "increase", "lower", "higher",
          "cambiala", "modificala", "alzala", "abbassala", "riducila", "aumentala", "piu alta",
          "piu bassa", "volte", "voglio la", "vorrei la", "voglio che la", "i want my",
          "i d like my", "i want the", "want it at", "la voglio a", "la vorrei a")  # fmt: skip
# Asked without the word quota: "richieste in attesa", "what do I have to approve?".
WAITING = ("richieste in attesa", "pending requests", "requests waiting", "da approvare",
           "to approve", "pending approvals", "approvals pending", "approvazioni in attesa",
           "change requests", "richieste di modifica", "le mie richieste", "mie richieste",
           "my requests", "the requests i made", "richieste che ho fatto", "waiting for me",
           "anything waiting", "for me to approve", "in attesa per me", "per me da approvare",
           "waiting on me", "need my approval", "serve la mia approvazione")  # fmt: skip
STATUSES = {
    "approved": ("approved", "approvate", "approvata", "accepted"),
    "rejected": ("rejected", "rifiutate", "rifiutata", "respinte", "declined"),
    "expired": ("expired", "scadute", "scaduta"),
}


EVEN = ("evenly", "equally", "in equal parts", "equal parts", "in parti uguali",
        "parti uguali", "equamente", "in ugual misura", "uguale per tutti", "meta e meta",
        "half and half", "fifty fifty", "50 50", "stessa quota", "the same each")  # fmt: skip
# Shares from one reading of sales: "by last year's sales", "come l'anno scorso".
BY_LAST_YEAR = ("last year s sales", "last years sales", "last year sales", "like last year",
                "as last year", "same as last year", "vendite dell anno scorso",
                "vendite anno scorso", "come l anno scorso", "come lo scorso anno")  # fmt: skip
BY_RECENT = ("recent sales", "last 13 weeks", "last quarter s sales", "vendite recenti",
             "ultime 13 settimane", "ultimo trimestre")  # fmt: skip
# "metà e metà tra NO e NE", "evenly between CE and SU": equal shares among those named.
AMONG = re.compile(r"\b(?:tra|fra|between|among)\s+(.+)$", re.IGNORECASE)


def even_among(text: str) -> dict[str, float]:
    """Equal shares among the territories named after "tra / between"; {} for fewer than
    two names."""
    found = AMONG.search(split_reason(text, pause=False)[0])
    if found is None:
        return {}
    said = NAME_END.split(found.group(1), maxsplit=1)[0]
    names = [LEAD_IN.sub("", n) for n in _listed(said) if not re.search(r"\d", n)]
    if len(names) < 2 or not _distinct(names):
        return {}
    return {n: 100 / len(names) for n in names}


# A share of a split: "50%", "30 %".
PERCENT = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*%")
# Shares written as one run of numbers: "50/30/20", "40%/60%" (each at most 100: not a date).
SLASHED = re.compile(r"(?<![\w/])\d+(?:[.,]\d+)?\s*%?(?:\s*/\s*\d+(?:[.,]\d+)?\s*%?)+(?![\w/])")
# Names written as one run: "nord/centro/sud".
NAME = r"[^\W\d_]+(?:[ -][^\W\d_]+)*"
SLASHED_NAMES = re.compile(rf"{NAME}(?:\s*/\s*{NAME})+")
# What leads into names run together: "split it between north/south".
LEAD_IN = re.compile(
    r"^.*\b(?:tra|fra|between|across|among|into|in|per|for|to|a|my|miei|mie|territori"
    r"|territories|territorio|territory)\s+",
    re.IGNORECASE,
)
# Where a name of the split stops: a separator, or the reason.
NAME_END = re.compile(
    r"[,;.:!?()]|\s-\s|\b(?:because|since|due to|perch[eé]|poich[eé]|dato che|visto che)\b",
    re.IGNORECASE,
)
FILLER = re.compile(
    r"^(?:(?:e|and|il|la|lo|i|gli|le|the|a|al|alla|allo|ai|agli|alle|to|for|per|in)\s+)+"
    r"|\s+(?:e|and|a|to)$",
    re.IGNORECASE,
)
# "the rest to the centre", "il resto al sud": what the other shares leave.
REST = re.compile(
    r"\b(?:(?:and|e|with)\s+)?(?:(?:the|il|la)\s+)?(?:rest|remainder|remaining|resto|rimanente"
    r"|restante|restanti)\b",
    re.IGNORECASE,
)
JOINED = re.compile(r"\s*(?:,|;|\be\b|\band\b|/)\s*", re.IGNORECASE)


def _name(segment: str) -> str:
    """A territory's name from the words around its share: up to a separator or a reason,
    without articles, without anything before the last word holding a digit."""
    segment = NAME_END.split(segment, maxsplit=1)[0]
    words = segment.split()
    last_digit = max((i for i, w in enumerate(words) if re.search(r"\d", w)), default=-1)
    return FILLER.sub("", " ".join(words[last_digit + 1 :])).strip(" -")


def _listed(said: str) -> list[str]:
    """Names listed as "NO e NE", "between CE and SU", "nord, centro e sud": without
    articles, the first without what leads into the list."""
    names = [n for n in (FILLER.sub("", p).strip() for p in JOINED.split(said)) if n]
    if names:
        names[0] = LEAD_IN.sub("", names[0])
    return names


def _distinct(names: list[str]) -> bool:
    return len({n.lower() for n in names}) == len(names)


def says_split(text: str) -> bool:
    """Whether `text` gives shares of a split at all ("50%", "50/30/20"), read or not."""
    return bool(PERCENT.search(text) or _slashed(text))


def _slashed(text: str) -> list[tuple[re.Match[str], list[float]]]:
    out = []
    for m in SLASHED.finditer(text):
        values = [float(x.replace(",", ".")) for x in re.findall(r"\d+(?:[.,]\d+)?", m.group(0))]
        if all(x <= 100 for x in values):
            out.append((m, values))
    return out


def shares(text: str) -> dict[str, float]:
    """The split a person gives, territory as typed -> percent: "50% nord ovest, 30% nord
    est, 20% resto", "NO 40%, NE 60%", "40% north 60% south", "50/30/20 nord centro sud",
    "nord/centro/sud 50/30/20"; {} when there is none or it cannot be read whole (every
    share with its own name)."""
    slashed = _slashed(text)
    if slashed:
        m, values = slashed[0]
        names = _listed(_name(text[m.end() :]))  # "60/40 between CE and SU"
        if len(names) == 1 and len(names[0].split()) == len(values):
            names = names[0].split()  # "50/30/20 nord centro sud": a word each
        if len(names) != len(values):  # "tra NO e NE 60/40": the names before, after "tra"
            among = AMONG.search(text[: m.start()])
            if among is not None:
                names = _listed(among.group(1))
        if len(names) != len(values):
            lead = SLASHED_NAMES.search(text[: m.start()].rstrip(" :"))
            names = [n.strip() for n in lead.group(0).split("/")] if lead else []
            if names:  # "tra nord-ovest/centro": the words before the names are not one
                names[0] = LEAD_IN.sub("", names[0])
        if len(names) != len(values) or not _distinct(names):
            return {}
        return dict(zip(names, values, strict=True))
    rest = REST.search(text)
    if rest is not None and not re.search(
        r"%\s*(?:(?:a|al|alla|ai|agli|alle|to|for|per|in)\s+)?$", text[: rest.start()]
    ):
        # "50% al nord ovest e il resto al nord est" (but "20% resto" names a share)
        given = shares(text[: rest.start()] + " 0% " + _name(text[rest.end() :]))
        if len(given) < 2:
            return {}
        name = list(given)[-1]
        given[name] = 100 - sum(given.values())
        return given if given[name] > 0 else {}
    found = list(PERCENT.finditer(text))
    if len(found) < 2:
        return {}
    # The names follow their shares ("40% north, 60% south") or come before ("north 40%").
    after = [
        _name(text[m.end() : found[i + 1].start() if i + 1 < len(found) else len(text)])
        for i, m in enumerate(found)
    ]
    before = [
        _name(re.split(r"[,;:]", text[found[i - 1].end() if i else 0 : m.start()])[-1])
        for i, m in enumerate(found)
    ]
    if before:  # "tra nord-ovest 40% e nord-est 60%": what leads into the list is no name
        before[0] = LEAD_IN.sub("", before[0])
    names = after if all(after) else before if all(before) else []
    if not names or not _distinct(names):
        return {}
    return {n: float(m.group(1).replace(",", ".")) for n, m in zip(names, found, strict=True)}


def without_shares(text: str) -> str:
    """`text` with the shares' figures blanked, so the total is read from what is left."""
    for m, _ in _slashed(text):
        text = text[: m.start()] + " " * len(m.group(0)) + text[m.end() :]
    return PERCENT.sub(lambda m: " " * len(m.group(0)), text)


# "if I hit 120% of my quota", "se arrivo al 110%": an attainment to reach.
REACH = re.compile(
    r"\b(?:hit|hits|reach|reaches|get to|make|at|arrivo al|arriva al|raggiungo il|raggiunge il|"
    r"chiudo al|chiude al|faccio il|fa il|al)\s+(\d+(?:[.,]\d+)?)\s*%"
)
# Money said as such: "€20,000", "20k euro", "50k di fatturato", "a 20k deal".
MONEY_AFTER = re.compile(r"\s*(?:€|eur\b|euro\b|di fatturato|of revenue|in revenue|revenue|deal)")


def commission_deal(text: str) -> dict[str, Any]:
    """What a commission what-if names beside a product and quantity: the attainment to
    reach (reach_pct) or a deal in money (revenue); nothing when neither is said."""
    folded = fold(split_reason(text, pause=False)[0])
    reach = REACH.search(folded)
    if reach is not None:
        return {"reach_pct": float(reach.group(1).replace(",", "."))}
    plain = PERIOD_DIGITS.sub(lambda m: " " * len(m.group(0)), folded)
    for m in QUANTITY.finditer(plain):
        before = plain[: m.start()].rstrip()
        if before.endswith("€") or MONEY_AFTER.match(plain[m.end() :]):
            return {"revenue": parse_number(m.group(1), m.group(2))}
    return {}


# "metti tutta la quota padelle q1 al nord ovest", "move all the PENTOLE quota to Centro":
# the family's quotas held now, all to one territory.
WHOLE = re.compile(
    r"\b(?:tutta|tutto|tutte|all|whole|intera|everything)\b.*?\b(?:al|alla|allo|ai|agli|alle|"
    r"to|into|nel|nella|nello)\s+(?:the\s+)?([^\W\d_][^\d,;:.!?]*?)\s*(?=$|[,;:.!?]|\bperch|"
    r"\bbecause\b|\bsince\b)",
    re.IGNORECASE,
)


def whole_to(text: str) -> str:
    """The territory all of a family's quota goes to ("tutta la quota ... al nord ovest"),
    as typed; '' when that is not what is said."""
    found = WHOLE.search(split_reason(text, pause=False)[0])
    return FILLER.sub("", found.group(1)).strip() if found else ""
