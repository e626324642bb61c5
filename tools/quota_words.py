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
    r"\b(?:because|since|as|due to|reason(?: is)?|perch[eé]|poich[eé]|dato che|visto che"
    r"|motivo(?: e)?|motivazione)\b\s*:?\s*(.+)$",
    re.IGNORECASE | re.DOTALL,
)
PAUSE = re.compile(r"(?::|\s-\s|[?.!](?=\s))\s*(.+)$", re.DOTALL)
# Periods hold digits that are no target: "2027-Q1", "Q1", "2027", "12/2026".
PERIOD_DIGITS = re.compile(r"\b(?:\d{4}[- ]?)?q[1-4]\b|\b(?:19|20)\d\d\b|\b\d{1,2}/\d{4}\b")
TO = re.compile(r"\b(?:to|at|a|al|=|su|fino a)\s*$")
BY = re.compile(r"\b(?:by|di|del|dello|della|of)\s*$")
UP = ("raise", "increase", "up", "higher", "alza", "alzare", "alzami", "alzala", "aumenta",
      "aumentare", "aumentami", "piu alta", "bump up", "grow", "alzare")  # fmt: skip
TIMES = re.compile(r"\b(\d+(?:[.,]\d+)?)\s*(?:x|volte|times)\b")
DOWN = ("lower", "reduce", "cut", "decrease", "down", "abbassa", "abbassare", "abbassami",
        "ridurre", "riduci", "riducimi", "taglia", "diminuisci", "meno")  # fmt: skip
MONEY = re.compile(r"€|\beur\b|\beuro\b|\brevenue\b|\bfatturato\b|\bsales value\b")
REQUEST_NUMBER = re.compile(r"(?:#|\b(?:request|richiesta|req|numero|nr\.?|n\.)\s*#?)\s*(\d+)\b")
REJECT = ("reject", "rejected", "decline", "deny", "refuse", "rifiuta", "rifiutare", "respingi",
          "boccia", "no alla")  # fmt: skip
CHANGES = ("ask for changes", "request changes", "changes", "chiedi modifiche", "modifiche",
           "da rivedere", "rivedere")  # fmt: skip


def split_reason(text: str) -> tuple[str, str]:
    """(what is asked, why) from the message as typed; why is '' when not said."""
    for marker in (BECAUSE, PAUSE):
        match = marker.search(text)
        # "set it as 9000" says no reason: a reason is words.
        if match is not None and re.search(r"[^\W\d_]", match.group(1)):
            return text[: match.start()], match.group(1).strip()
    return text, ""


def quota_change(text: str) -> dict[str, Any]:
    """The target of a quota change request from `text`: target_units or target_revenue,
    or change_units / change_pct (signed), and reason; nothing for what is not said."""
    asked, reason = split_reason(text)
    folded = fold(asked)
    plain = PERIOD_DIGITS.sub(lambda m: " " * len(m.group(0)), folded)
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
    # "+500", "-10%", "a -500": a sign the number pattern leaves out.
    signs = {m.end(): m.group(1) for m in re.finditer(r"(?<!\w)([+-])\s?(?=\d)", plain)}
    plain = re.sub(r"(?<!\w)[+-](\s?)(?=\d)", lambda m: " " + m.group(1), plain)
    numbers = []
    for m in QUANTITY.finditer(plain):
        value = parse_number(m.group(1), m.group(2))
        sign = signs.get(m.start())
        before = plain[: m.start()]
        after = plain[m.end() : m.end() + 2].strip()
        numbers.append((-value if sign == "-" else value, before, after, sign))
    if not numbers:
        return out

    # "to 12,000" is the target; "by 500", "del 10%" a change; else the last number.
    def is_change(n: tuple[float, str, str, str | None]) -> bool:
        return bool(BY.search(n[1]) or n[2].startswith("%") or n[3])

    chosen = next((n for n in numbers if TO.search(n[1])), None)
    relative = chosen is None and any(is_change(n) for n in numbers)
    if chosen is None:
        chosen = next((n for n in numbers if is_change(n)), numbers[-1])
    value, before, after, sign = chosen
    # A signed change says its own direction; "lower ... by 5%" the verb does.
    turn = -1 if down and not sign else 1
    if after.startswith("%") or plain[len(before) :].lstrip(" 0123456789.,").startswith(
        ("percent", "per cento", "%")
    ):
        out["change_pct"] = turn * value
    elif relative:
        out["change_units"] = turn * value
    elif money:
        out["target_revenue"] = value
    else:
        out["target_units"] = value
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
DECIDE = ("approve", "approved", "approva", "approvare", "approvo", "accept", "accetta",
          "sign off", "via libera", "ok alla", "reject", "decline", "deny", "rifiuta",
          "rifiutare", "respingi", "boccia", "ask for changes", "request changes",
          "chiedi modifiche")  # fmt: skip
# Listing requests: "pending approvals", "my quota requests", "richieste in attesa".
LIST = ("approvals", "requests", "request", "richieste", "richiesta", "pending", "waiting",
        "in attesa", "da approvare", "approvazioni", "to approve")  # fmt: skip
# A change said without a verb of change: "my q1 quota should be 10k", "portami la quota".
CHANGE = ("should be", "shuold be", "must be", "needs to be", "dovrebbe essere",
          "deve essere", "portami", "mettimi", "fissami", "increase", "lower", "higher",
          "cambiala", "modificala", "alzala", "abbassala", "riducila", "aumentala", "piu alta",
          "piu bassa", "volte")  # fmt: skip
# Asked without the word quota: "richieste in attesa", "what do I have to approve?".
WAITING = ("richieste in attesa", "pending requests", "requests waiting", "da approvare",
           "to approve", "pending approvals", "approvals pending", "approvazioni in attesa",
           "change requests", "richieste di modifica")  # fmt: skip
STATUSES = {
    "approved": ("approved", "approvate", "approvata", "accepted"),
    "rejected": ("rejected", "rifiutate", "rifiutata", "respinte", "declined"),
    "expired": ("expired", "scadute", "scaduta"),
}


EVEN = ("evenly", "equally", "in equal parts", "equal parts", "in parti uguali",
        "parti uguali", "equamente", "in ugual misura", "uguale per tutti")  # fmt: skip
# "50% nord ovest", "nord ovest 50%", "NE: 30%": a share of a split, with its territory.
SHARE = re.compile(
    r"(?:(\d+(?:[.,]\d+)?)\s*%\s*(?:(?:a|al|alla|allo|to|for|per|in)\s+)?([^\d,;%]+?)"
    r"|([^\d,;%:]+?)\s*:?\s*(\d+(?:[.,]\d+)?)\s*%)\s*(?=,|;|$|\be\b|\band\b)",
    re.IGNORECASE,
)
FILLER = re.compile(r"^(?:e|and|il|la|lo|i|gli|le|the)\s+|\s+(?:e|and)$", re.IGNORECASE)


def shares(text: str) -> dict[str, float]:
    """The split a person gives ("50% nord ovest, 30% nord est, 20% resto"): territory
    as typed -> percent; {} when there is none."""
    found: dict[str, float] = {}
    for m in SHARE.finditer(text):
        pct, name = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        name = FILLER.sub("", name.strip(" .:")).strip()
        if name:
            found[name] = float(pct.replace(",", "."))
    return found if len(found) > 1 else {}
