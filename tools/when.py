"""Dates, periods and horizons as people write them, in English and Italian.

Everything is relative to `today`, which the caller passes (pinned by --today or PONTE_TODAY
for replays). A day without a year means its next occurrence from today.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

# The months' whole names, in English and Italian.
MONTH_NAMES = (
    ("january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"),
    ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
     "settembre", "ottobre", "novembre", "dicembre"),
)  # fmt: skip
MONTHS = {
    **{m: i for names in MONTH_NAMES for i, m in enumerate(names, 1)},
    **{m: i for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)},
    **{m: i for i, m in enumerate(
        ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"], 1)},
    "sept": 9,
}  # fmt: skip
NUMBER_WORDS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12,
    "un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
    "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "dodici": 12,
}  # fmt: skip
ORDINAL_QUARTERS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4,
    "primo": 1, "secondo": 2, "terzo": 3, "quarto": 4, "ultimo": 4,
}  # fmt: skip
NUMBER = r"(\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))
# A month's name, not the start of a code ("MAG-VR", a warehouse in Verona, is not May):
# after a hyphen only another month may follow ("gen-mar").
MONTH = r"(" + _MONTHS + r")\.?(?!-(?!(?:" + _MONTHS + r")\b)[a-z])"
# A year said after a month or quarter: this century's or the last ("q1, 9000 pezzi" is Q1
# and a quantity, not the year 9000).
YEAR = r"(?:\s*,?\s*((?:19|20)\d{2})(?!\d))?"


@dataclass(frozen=True)
class Found:
    """Something recognised in the text, and where, so later parsers skip it."""

    value: object
    start: int
    end: int


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _next_occurrence(today: dt.date, month: int, day: int, year: str | None) -> dt.date | None:
    if year:
        return _day(int(year), month, day)
    for candidate in range(today.year, today.year + 5):  # 29 February comes every 4 years
        found = _day(candidate, month, day)
        if found is not None and found >= today:
            return found
    return None


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _day_of_month(today: dt.date, day: int) -> dt.date | None:
    """The next day numbered `day` from today ("the 30th" on 31 January: 30 March)."""
    month = dt.date(today.year, today.month, 1)
    for _ in range(3):
        found = _day(month.year, month.month, day)
        if found is not None and found >= today:
            return found
        month = add_months(month, 1)
    return None


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def easter(year: int) -> dt.date:
    """Easter Sunday of `year` (Gregorian calendar; the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


# Days people promise by, in both languages: (month, day), or days after Easter.
HOLIDAYS: dict[str, tuple[int, int] | int] = {
    "natale": (12, 25), "christmas": (12, 25), "xmas": (12, 25),
    "vigilia di natale": (12, 24), "christmas eve": (12, 24),
    "santo stefano": (12, 26), "boxing day": (12, 26),
    "capodanno": (1, 1), "new year": (1, 1), "new years day": (1, 1),
    "new year s day": (1, 1), "san silvestro": (12, 31), "new year s eve": (12, 31),
    "epifania": (1, 6), "befana": (1, 6), "epiphany": (1, 6),
    "san valentino": (2, 14), "valentine s day": (2, 14), "valentines day": (2, 14),
    "festa della liberazione": (4, 25), "liberazione": (4, 25),
    "primo maggio": (5, 1), "festa del lavoro": (5, 1), "labour day": (5, 1),
    "may day": (5, 1), "festa della repubblica": (6, 2),
    "ferragosto": (8, 15), "halloween": (10, 31), "ognissanti": (11, 1),
    "all saints": (11, 1), "immacolata": (12, 8),
    "pasqua": 0, "easter": 0, "easter sunday": 0, "pasquetta": 1, "easter monday": 1,
}  # fmt: skip


def _holiday(name: str, today: dt.date) -> dt.date:
    """The next `name` holiday from today (today included)."""
    when = HOLIDAYS[name]
    for year in range(today.year, today.year + 2):
        if isinstance(when, int):
            day = easter(year) + dt.timedelta(days=when)
        else:
            day = dt.date(year, *when)
        if day >= today:
            return day
    raise AssertionError(name)


WEEKDAYS = {
    **{d: i for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])},
    **{d: i for i, d in enumerate(
        ["lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica"])},
}  # fmt: skip
WEEKDAY = r"(" + "|".join(WEEKDAYS) + r")"
QUARTER_WORD = (
    r"(?:q([1-4])|(first|second|third|fourth|primo|secondo|terzo|quarto)\s+"
    r"(?:quarter|trimestre))"
)
# A day number is never glued to a code ("PAD-28 December" is not the 28th).
DAY = r"(?<![\w-])(\d{1,2}|primo|first)(?:st|nd|rd|th)?"

# Deadlines ("by 15 March", "entro il 15/03", "in two weeks"), most specific first.
DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), "iso"),
    (re.compile(r"(?<![\w-])(\d{1,2})-(\d{1,2})-(\d{4})\b"), "dmy"),
    (re.compile(r"(?<![\w-])(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b"), "dmy"),
    (re.compile(r"(?<![\w.-])(\d{1,2})\.(\d{2})(?:\.(\d{2,4}))?\b(?!\.\d)"), "dmy"),
    (re.compile(r"\b(?:end of|late|fine(?: di| del)?)\s+" + MONTH + YEAR + r"\b"),
     "end_of_month"),
    (re.compile(r"\b(?:meta|mid|middle of)[\s-]+(?:di\s+)?" + MONTH + YEAR + r"\b"),
     "mid_month"),
    (re.compile(r"\b(?:beginning of|early|inizio(?: di)?)\s+" + MONTH + YEAR + r"\b"),
     "start_of_month"),
    (re.compile(r"\b(?:first week of|prima settimana di)\s+" + MONTH + YEAR + r"\b"),
     "first_week"),
    (re.compile(r"\b(?:end of(?: the)?|fine(?: del)?)\s+" + QUARTER_WORD + YEAR + r"\b"),
     "end_of_quarter"),
    (re.compile(DAY + r"\s+(?:of\s+|di\s+)?" + MONTH + YEAR + r"\b"), "d_month"),
    (re.compile(r"(?<![a-z0-9]-)\b" + MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?" + YEAR + r"\b"),
     "month_d"),
    (re.compile(r"\b(?:in|fra|tra|within|entro)\s+" + NUMBER + r"\s+(days?|giorni|giorno|"
                r"weeks?|settimane|settimana|months?|mesi|mese)\b"), "relative"),
    (re.compile(r"\b(today|oggi)\b"), "today"),
    (re.compile(r"\b(tomorrow|domani)\b"), "tomorrow"),
    (re.compile(r"\b(dopodomani|day after tomorrow)\b"), "after_tomorrow"),
    (re.compile(r"\b" + WEEKDAY + r"\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b"
                r"(?!\s+(?:" + "|".join(MONTHS) + r")\b)"), "weekday_day"),
    (re.compile(r"\b(?:next|prossimo|prossima)\s+" + WEEKDAY + r"\b"), "next_weekday"),
    (re.compile(r"\b" + WEEKDAY + r"\s+(?:prossimo|prossima|next)\b"), "next_weekday"),
    (re.compile(r"\b" + WEEKDAY + r"\b"), "weekday"),
    (re.compile(r"\b(end of next month|fine (?:del )?(?:mese prossimo|prossimo mese))\b"),
     "next_month_end"),
    (re.compile(r"\b(end of (?:the )?next quarter|fine (?:del )?(?:prossimo trimestre|"
                r"trimestre prossimo))\b"), "next_quarter_end"),
    (re.compile(r"\b(" + "|".join(sorted(HOLIDAYS, key=len, reverse=True)) + r")\b"),
     "holiday"),
    (re.compile(r"\b(end of next year|fine (?:dell )?(?:anno prossimo|prossimo anno))\b"),
     "next_year_end"),
    (re.compile(r"\b(end of (?:the )?month|fine (?:del )?mese)\b"), "month_end"),
    (re.compile(r"\b(end of (?:the )?year|fine (?:dell )?anno)\b"), "year_end"),
    (re.compile(r"\b(end of (?:the |this )?quarter|fine (?:del )?trimestre)\b"), "quarter_end"),
    (re.compile(r"\b(this week|questa settimana|entro la settimana|end of the week|"
                r"fine settimana)\b"), "this_week"),
    (re.compile(r"\b(next week|(?:la )?prossima settimana|settimana prossima)\b"), "next_week"),
    (re.compile(r"\b(next month|(?:il )?prossimo mese|mese prossimo)\b"), "next_month"),
    (re.compile(r"\b(?:by|for|entro|per|a|in|di|the)\s+" + MONTH + YEAR + r"\b"), "month_only"),
    # "by the 15th", "entro il 15" (at the end): a day of this month (or the next).
    (re.compile(r"\b(?:by|on)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b"), "day_only"),
    (re.compile(r"\b(?:by|on)\s+the\s+(\d{1,2})$"), "day_only"),
    (re.compile(r"\b(?:entro|per)\s+il\s+(\d{1,2})$"), "day_only"),
]  # fmt: skip


def find_date(text: str, today: dt.date) -> Found | None:
    """The first deadline in folded `text`; Found(value=None) marks a date that does not exist."""
    found = [
        (kind, Found(_date_value(kind, m, today), m.start(), m.end()))
        for pattern, kind in DATE_PATTERNS
        if (m := pattern.search(text)) is not None
    ]
    # "entro venerdì 4 dicembre": the date, not the weekday.
    specific = [f for kind, f in found if kind not in ("weekday", "next_weekday")]
    return _first((f, True) for f in (specific or [f for _, f in found]))


def _first(candidates: Iterable[tuple[Found, bool]]) -> Found | None:
    """The earliest match; where two overlap, the more specific pattern (listed first) wins."""
    best: Found | None = None
    for found, usable in candidates:
        if not usable:
            continue
        if best is None or found.end <= best.start:
            best = found
    return best


def _date_value(kind: str, m: re.Match[str], today: dt.date) -> dt.date | None:
    try:
        return _date_of(kind, m, today)
    except (ValueError, OverflowError):  # year 0, or past year 9999: not a date
        return None


def _date_of(kind: str, m: re.Match[str], today: dt.date) -> dt.date | None:
    g = m.groups()
    if kind == "iso":
        return _day(int(g[0]), int(g[1]), int(g[2]))
    if kind == "dmy":
        year = g[2]
        if year is not None and len(year) == 2:
            year = "20" + year
        day, month = int(g[0]), int(g[1])
        if month > 12 >= day and "/" in m.group(0):  # "12/18": the American month/day
            day, month = month, day
        return _next_occurrence(today, month, day, year)
    if kind == "d_month":
        day = 1 if g[0] in ("primo", "first") else int(g[0])
        return _next_occurrence(today, MONTHS[g[1]], day, g[2])
    if kind in ("end_of_month", "mid_month", "start_of_month", "first_week"):
        month = MONTHS[g[0]]
        if g[1]:
            year = int(g[1])
        else:  # the month under way still counts ("fine novembre" on 27 November)
            year = (
                today.year
                if month_end(dt.date(today.year, month, 1)) >= today
                else (today.year + 1)
            )
        first = dt.date(year, month, 1)
        days = {"end_of_month": month_end(first).day, "mid_month": 15, "start_of_month": 1,
                "first_week": 7}  # fmt: skip
        return first.replace(day=days[kind])
    if kind == "end_of_quarter":
        quarter = int(g[0]) if g[0] else ORDINAL_QUARTERS[g[1]]
        year = int(g[2]) if g[2] else today.year
        end = month_end(dt.date(year, 3 * quarter, 1))
        return end if g[2] or end >= today else month_end(dt.date(year + 1, 3 * quarter, 1))
    if kind == "holiday":
        return _holiday(g[0], today)
    if kind == "next_quarter_end":
        last = add_months(dt.date(today.year, 3 * ((today.month - 1) // 3 + 1), 1), 3)
        return month_end(last)
    if kind in ("weekday", "next_weekday"):
        # "by Friday" said on a Friday is next Friday: today is not a deadline to ask about.
        ahead = (WEEKDAYS[g[0]] - today.weekday()) % 7 or 7
        if kind == "next_weekday":
            # "next Friday": the Friday of next week.
            return (
                today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7 + WEEKDAYS[g[0]])
            )
        return today + dt.timedelta(days=ahead)
    if kind == "weekday_day":
        return _day_of_month(today, int(g[1]))
    if kind == "day_only":
        return _day_of_month(today, int(g[0]))
    if kind == "this_week":
        return today + dt.timedelta(days=max(0, 4 - today.weekday()))
    if kind == "next_month_end":
        return month_end(add_months(today, 1))
    if kind == "next_year_end":
        return dt.date(today.year + 1, 12, 31)
    if kind == "month_d":
        return _next_occurrence(today, MONTHS[g[0]], int(g[1]), g[2])
    if kind == "relative":
        count, unit = _number(g[0]), g[1]
        if unit.startswith(("day", "giorn")):
            return today + dt.timedelta(days=count)
        if unit.startswith(("week", "settiman")):
            return today + dt.timedelta(weeks=count)
        start = add_months(today, count)
        return _day(start.year, start.month, min(today.day, month_end(start).day))
    if kind == "today":
        return today
    if kind == "tomorrow":
        return today + dt.timedelta(days=1)
    if kind == "after_tomorrow":
        return today + dt.timedelta(days=2)
    if kind == "month_end":
        return month_end(today)
    if kind == "year_end":
        return dt.date(today.year, 12, 31)
    if kind == "quarter_end":
        return month_end(dt.date(today.year, 3 * ((today.month - 1) // 3 + 1), 1))
    if kind == "next_week":
        # "by next week": the Friday of next week, the last shipping day.
        return today + dt.timedelta(days=7 - today.weekday() + 4)
    if kind == "next_month":
        return month_end(add_months(today, 1))
    if kind == "month_only":
        month = MONTHS[g[0]]
        year = int(g[1]) if g[1] else today.year + (1 if month < today.month else 0)
        return month_end(dt.date(year, month, 1))
    raise AssertionError(kind)


# Periods for quotas ("this quarter", "Q3", "il prossimo trimestre", "marzo").
PERIOD_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # "this month or next", "questo trimestre e il prossimo": both, as one span.
    (re.compile(r"\b(?:this|current|questo|sto)\s+(month|mese|quarter|trimestre)\s+"
                r"(?:or|and|e|o|&)\s+(?:the\s+|il\s+)?(?:next|prossimo)"
                r"(?:\s+(?:one|month|mese|quarter|trimestre))?\b"), "this_and_next"),
    # "2027-Q1", "q1 2027"; "q4 9999" is a year out of the calendar (said so), but
    # "q1 9000 pezzi" is a quarter and a quantity.
    (re.compile(r"\b((?:19|20)\d{2}|\d{4}(?=-))[- ]?q([1-4])\b"), "year_q"),
    (re.compile(r"\bq([1-4])(?:[- ]?(\d{4})(?![\d.,])(?!\s*(?:pz|pcs|pezzi|units?|unita|"
                r"pieces|€|eur|euro)\b))?\b"), "q_year"),
    (re.compile(r"\b(first|second|third|fourth|primo|secondo|terzo|quarto)\s+"
                r"(?:quarter|trimestre)(?:\s+(?:of\s+|del\s+)?(\d{4}))?\b"), "ordinal_q"),
    (re.compile(r"\b(this quarter|current quarter|questo trimestre|trimestre corrente|"
                r"trimestre in corso|quarter to date|qtd|sto trimestre|this qtr)\b"), "this_q"),
    (re.compile(r"\b(next quarter|next qtr|(?:il )?(?:prossimo|prox) trimestre|"
                r"trimestre prossimo)\b"), "next_q"),
    (re.compile(r"\b(last quarter|previous quarter|(?:lo )?scorso trimestre|trimestre scorso|"
                r"trimestre precedente|ultimo trimestre|trimestre passato|last qtr)\b"), "last_q"),
    (re.compile(r"\b(this month|current month|questo mese|mese corrente|"
                r"mese in corso|sto mese)\b"), "this_m"),
    (re.compile(r"\b(next month|(?:il )?prossimo mese|mese prossimo)\b"), "next_m"),
    (re.compile(r"\b(last month|(?:lo )?scorso mese|mese scorso)\b"), "last_m"),
    # "last week", "la settimana scorsa": Monday to Sunday of the week before this one.
    (re.compile(r"\b(last week|previous week|past week|(?:la )?settimana (?:scorsa|passata|"
                r"precedente)|(?:la )?scorsa settimana)\b"), "last_w"),
    # "next week", "questa settimana": Monday to Sunday of that week ("ordini in scadenza
    # la prossima settimana").
    (re.compile(r"\b(next week|(?:la )?prossima settimana|settimana prossima)\b"), "next_w"),
    (re.compile(r"\b(this week|current week|(?:questa|sta) settimana|settimana in corso)\b"),
     "this_w"),
    # "gennaio vs adesso", "january compared to now": now is this week, beside another period
    (re.compile(r"(?:(?<=\bvs )|(?<=versus )|(?<=rispetto a )|(?<=rispetto ad )|"
                r"(?<=compared to )|(?<=compared with )|(?<=against ))"
                r"(now|adesso|oggi|today)\b"), "this_w"),
    # "dal 30 novembre al 6 dicembre", "from 30 nov to 6 dec", "between nov 30 and dec 6":
    # the days between, both included.
    (re.compile(r"\b(?:da|dal|from|between|tra|fra)\s+(\d{1,2})\s+" + MONTH + YEAR +
                r"\s+(?:a|al|to|until|till|and|e|-)\s+(\d{1,2})\s+" + MONTH + YEAR + r"\b"),
     "day_range"),
    (re.compile(r"\b(?:from|between)\s+" + MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?" + YEAR +
                r"\s+(?:to|until|till|and|-)\s+" + MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?" +
                YEAR + r"\b"), "day_range_us"),
    (re.compile(r"\b(this year|quest anno|anno corrente|year to date|ytd|this yr|"
                r"st anno|sto anno|anno in corso|annual|annuale|annuali|annuo|annua|yearly|"
                r"full year|full-year)\b"), "this_y"),
    (re.compile(r"\b(next year|(?:il )?prossimo anno|anno prossimo)\b"), "next_y"),
    (re.compile(r"\b(last year|(?:l )?anno scorso|(?:lo )?scorso anno|last yr)\b"), "last_y"),
    # "the christmas week", "la settimana di Ferragosto": the week (Monday to Sunday) that
    # holds the holiday's next day.
    (re.compile(r"\b(?:(?:the\s+)?week\s+of\s+|settimana\s+(?:di|del|dell|della)\s+)("
                + "|".join(sorted(HOLIDAYS, key=len, reverse=True)) + r")\b"), "holiday_week"),
    (re.compile(r"\b(" + "|".join(sorted(HOLIDAYS, key=len, reverse=True)) + r")\s+week\b"),
     "holiday_week"),
    # "natale 2025", "vendite di Ferragosto": the holiday's month.
    (re.compile(r"\b(" + "|".join(sorted(HOLIDAYS, key=len, reverse=True)) + r")"
                r"(?:\s+(?:del\s+|of\s+)?(\d{4}))?\b"), "holiday_month"),
    (re.compile(r"\b(\d{4})-(0[1-9]|1[0-2])\b(?!-\d)"), "year_month"),
    # "in primavera", "next summer", "winter 2026", "l'inverno scorso": the season's months
    # (meteorological: spring March-May, ..., winter December-February). "fall" only after
    # "this/next/last" (else it is demand that falls: "the fall in sales").
    (re.compile(r"\b(?:(this|next|last|questa|quest|prossima|prossimo|scorsa|scorso|the)\s+)?"
                r"(spring|summer|autumn|(?<=this )fall|(?<=next )fall|"
                r"(?<=last )fall|winter|primavera|estate|autunno|inverno)"
                r"(?:\s+(prossim[oa]|scors[oa]|(?:del\s+)?(?:20\d{2})))?\b"), "season"),
    # "da gennaio a marzo", "from Jan to Mar 2027": the months between, both included.
    (re.compile(r"\b(?:da|dal|from|between)\s+" + MONTH + YEAR + r"\s+(?:a|al|to|until|till|"
                r"and|e|-)\s+" + MONTH + YEAR + r"\b"), "month_range"),
    # "gen-mar", "jan–mar 2027", "ottobre/dicembre": two months joined by a dash or a slash.
    (re.compile(r"\b" + MONTH + YEAR + r"\s*[-–/]\s*" + MONTH + YEAR + r"\b"), "month_range"),
    # "dicembre gennaio", "dec jan": two months said one after the other, the span of both.
    (re.compile(r"\b" + MONTH + YEAR + r"\s+" + MONTH + YEAR + r"\b"), "month_range"),
    # "since june", "da settembre": from the month's first day to today; "dal 1 ottobre",
    # "since 15 September": from that day.
    (re.compile(r"\b(?:since|dal|da)\s+(?:(\d{1,2})(?:st|nd|rd|th)?\s+|inizio\s+|"
                r"the\s+start\s+of\s+)?" + MONTH + YEAR +
                r"\b(?!\s+(?:a|al|to|until|till|and|e|-)\s)"), "since_month"),
    # "ultimi 3 mesi", "the last 6 months", "past 4 wks": the days up to today.
    (re.compile(r"\b(?:last|past|previous|ultim[ie]|scors[ie]|precedenti)\s+" + NUMBER +
                r"\s+(months?|mesi|mths?|weeks?|wks?|settimane|sett)\b"), "rolling"),
    # "nell'ultimo mese", "the past year", "l'ultima settimana": one of them, up to today
    # ("last month", "last week" are the calendar's, above).
    (re.compile(r"\b(?:past|ultim[oa])\s+(month|mese|year|anno|settimana)\b"), "rolling_one"),
    # "recently", "ultimamente": the last three months up to today.
    (re.compile(r"\b(recently|lately|of late|ultimamente|di recente|recentemente|"
                r"negli ultimi tempi|nell ultimo periodo)\b"), "recent"),
    (re.compile(r"(?<![a-z0-9]-)\b" + MONTH + YEAR + r"\b"), "month"),
    (re.compile(r"\b(?:in|for|nel|del|per il)\s+(20\d{2})\b"), "year"),
    # "top 5 prodotti 2026": a year standing alone (never "2000 pz", a quantity).
    (re.compile(r"(?<![\w/.,-])(20[1-4]\d)(?![\w/.,-])(?!\s*(?:pz|pcs|pezzi|units|unita|"
                r"pieces|x)\b)"), "bare_year"),
    (re.compile(r"\b(?:dell |dell\s|l )?(anno|year)\b(?!\s+(?:fa|ago))"), "this_y"),
]  # fmt: skip


SEASONS = {"spring": 3, "primavera": 3, "summer": 6, "estate": 6, "autumn": 9, "fall": 9,
           "autunno": 9, "winter": 12, "inverno": 12}  # the first month of each  # fmt: skip


def _season(g: tuple[str | None, ...], today: dt.date) -> str:
    """The three months of a season said: the one under way or the next; "next", "last" or
    a year say which (winter 2026 runs December 2026 to February 2027)."""
    before, name, after = g[0] or "", g[1] or "", (g[2] or "").replace("del", "").strip()
    first_month = SEASONS[name]

    def end(start: dt.date) -> dt.date:
        return month_end(add_months(start, 2))

    if after.isdigit():
        start = dt.date(int(after), first_month, 1)
    else:
        starts = [dt.date(y, first_month, 1) for y in range(today.year - 2, today.year + 2)]
        start = next(s for s in starts if end(s) >= today)  # under way, or the next one
        if before in ("next", "prossima", "prossimo") or after.startswith("prossim"):
            start = start if start > today else add_months(start, 12)
        elif before in ("last", "scorsa", "scorso") or after.startswith("scors"):
            start = max(s for s in starts if end(s) < today)
    return f"{start}..{end(start)}"


def _quarter(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def find_period(text: str, today: dt.date) -> Found | None:
    """The first quota period in folded `text`, as YYYY-Qn, YYYY-MM or YYYY."""
    candidates = []
    kinds = []
    for pattern, kind in PERIOD_PATTERNS:
        match = pattern.search(text)
        if match is not None:
            try:
                value = _period_value(kind, match, today)
            except (ValueError, OverflowError):  # past the calendar: not a period
                value = None
            candidates.append((Found(value, match.start(), match.end()), value is not None))
            kinds.append(kind)
    # "spring campaign on wheels in april": a month inside the season named is the period.
    months = [f for (f, ok), k in zip(candidates, kinds, strict=True) if ok and k == "month"]
    for (season, ok), kind in zip(candidates, kinds, strict=True):
        if ok and kind == "season" and months and _inside(months[0].value, season.value):
            return months[0]
    return _first(candidates)


def _inside(month: object, span: object) -> bool:
    """Whether the month of the year of `month` (YYYY-MM) is one of the span's (FIRST..LAST,
    a season's three months): which year each is in, the router decides alike."""
    if not isinstance(month, str) or not isinstance(span, str) or ".." not in span:
        return False
    first, last = (dt.date.fromisoformat(d) for d in span.split(".."))
    months = set()
    while first <= last:
        months.add(first.month)
        first = add_months(first, 1)
    return int(month[5:7]) in months


def _range_months(
    m1: str, y1: str | None, m2: str, y2: str | None, year: int
) -> tuple[tuple[int, int], tuple[int, int]]:
    """(year, month) of a range's two ends, as said ("da novembre a febbraio"): a year said
    at either end is the first's too; an end month before the first is in the next year."""
    first_month, last_month = MONTHS[m1], MONTHS[m2]
    first_year = int(y1 or y2 or year)
    last_year = int(y2) if y2 else first_year + (1 if last_month < first_month else 0)
    return (first_year, first_month), (last_year, last_month)


def _period_value(kind: str, m: re.Match[str], today: dt.date) -> str | None:
    g = m.groups()
    year, quarter = _quarter(today)
    if kind == "year_q":
        return f"{g[0]}-Q{g[1]}"
    if kind == "q_year":
        return f"{g[1] or year}-Q{g[0]}"
    if kind == "ordinal_q":
        return f"{g[1] or year}-Q{ORDINAL_QUARTERS[g[0]]}"
    if kind in ("this_q", "next_q", "last_q"):
        shift = {"this_q": 0, "next_q": 1, "last_q": -1}[kind]
        index = year * 4 + quarter - 1 + shift
        return f"{index // 4}-Q{index % 4 + 1}"
    if kind == "this_and_next":
        if g[0] in ("month", "mese"):
            first = today.replace(day=1)
            return f"{first}..{month_end(add_months(first, 1))}"
        start = dt.date(year, 3 * (quarter - 1) + 1, 1)
        return f"{start}..{month_end(add_months(start, 5))}"
    if kind == "last_w":
        monday = today - dt.timedelta(days=today.weekday() + 7)
        return f"{monday}..{monday + dt.timedelta(days=6)}"
    if kind in ("this_w", "next_w"):
        monday = today - dt.timedelta(days=today.weekday() - (7 if kind == "next_w" else 0))
        return f"{monday}..{monday + dt.timedelta(days=6)}"
    if kind in ("day_range", "day_range_us"):
        if kind == "day_range":
            d1, m1, y1, d2, m2, y2 = g
        else:
            m1, d1, y1, m2, d2, y2 = g
        (first_year, first_month), (last_year, last_month) = _range_months(m1, y1, m2, y2, year)
        first = dt.date(first_year, first_month, int(d1))
        last = dt.date(last_year, last_month, int(d2))
        return f"{first}..{last}" if first <= last else None
    if kind in ("this_m", "next_m", "last_m"):
        day = add_months(today, {"this_m": 0, "next_m": 1, "last_m": -1}[kind])
        return f"{day:%Y-%m}"
    if kind in ("this_y", "next_y", "last_y"):
        return str(today.year + {"this_y": 0, "next_y": 1, "last_y": -1}[kind])
    if kind == "year_month":
        return f"{g[0]}-{g[1]}"
    if kind == "since_month":
        month = MONTHS[g[1]]
        start_year = int(g[2]) if g[2] else year if month <= today.month else year - 1
        return f"{dt.date(start_year, month, int(g[0] or 1))}..{today}"
    if kind == "season":
        return _season(g, today)
    if kind == "month_range":
        (first_year, first_month), (last_year, last_month) = _range_months(
            g[0], g[1], g[2], g[3], year
        )
        last = month_end(dt.date(last_year, last_month, 1))
        return f"{dt.date(first_year, first_month, 1)}..{last}"
    if kind == "recent":
        back = add_months(today, -3)
        first = back.replace(day=min(today.day, month_end(back).day)) + dt.timedelta(days=1)
        return f"{first}..{today}"
    if kind in ("rolling", "rolling_one"):
        count, unit = (1, g[0]) if kind == "rolling_one" else (_number(g[0]), g[1])
        if unit in ("year", "anno"):
            count, unit = 12, "months"
        if unit.startswith(("w", "sett")):
            first = today - dt.timedelta(weeks=count) + dt.timedelta(days=1)
        else:
            back = add_months(today, -count)
            first = back.replace(day=min(today.day, month_end(back).day)) + dt.timedelta(days=1)
        return f"{first}..{today}"
    if kind == "month":
        if g[0] in ("mar", "may", "set", "ago", "dic", "gen") and not g[1]:
            # also ordinary words ("set", "may"): a month only with a year, or after "in"
            # ("why did knife sales drop in may?"; never "we may")
            before = m.string[: m.start()].split()
            if g[0] != "may" or not before or before[-1] not in ("in", "during", "for"):
                return None
        return f"{g[1] or year}-{MONTHS[g[0]]:02d}"
    if kind == "year":
        return g[0]
    if kind == "holiday_week":
        day = _holiday(g[0], today)
        monday = day - dt.timedelta(days=day.weekday())
        return f"{monday}..{monday + dt.timedelta(days=6)}"
    if kind == "holiday_month":
        when = HOLIDAYS[g[0]]
        year_of = int(g[1]) if g[1] else year
        if isinstance(when, int):
            month = (easter(year_of) + dt.timedelta(days=when)).month
        else:
            month = when[0]
        return f"{year_of}-{month:02d}"
    if kind == "bare_year":  # a number that could be a quantity: a year only near today
        return g[0] if abs(int(g[0]) - today.year) <= 5 else None
    raise AssertionError(kind)


# Periods that look like one but are not: Q5, month 13.
BAD_PERIOD = re.compile(r"\b(q[05-9]|\d{4}-q[05-9]|\d{4}-(?:1[3-9]|[2-9]\d|00))\b")

HORIZON = re.compile(
    r"\b(?:(?:next|coming|for the next|the next|over the next|over the coming|prossim[ei]|"
    r"nelle prossime|per le prossime|"
    r"nei prossimi|per i prossimi|a|per|for|su|in)\s+)?" + NUMBER +
    r"\s+(weeks?|wks?|settimane|sett|months?|mesi|mths?)\b(?:\s+ahead)?"
)  # fmt: skip
# "the last 3 months", "3 settimane fa" look back: not a horizon.
LOOKING_BACK = re.compile(r"(?:last|past|previous|ultim[ei]|scors[ei]|precedenti)\s+$")
AGO = re.compile(r"^\s+(?:ago|fa)\b")


def find_horizon_weeks(text: str) -> Found | None:
    """ "next 8 weeks" -> 8; "prossimi 3 mesi" -> 13."""
    match = next(
        (
            m
            for m in HORIZON.finditer(text)
            if not LOOKING_BACK.search(text[: m.start()]) and not AGO.match(text[m.end() :])
        ),
        None,
    )
    if match is None:
        return None
    count = _number(match.group(1))
    weeks = count if match.group(2).startswith(("w", "sett")) else round(count * 52 / 12)
    return Found(weeks, match.start(), match.end())
