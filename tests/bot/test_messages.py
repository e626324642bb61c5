"""Every error a person can cause reads as a sentence in both languages.

Each `PonteError(..., code=...)` and `PermissionDenied(...)` raised in planning/ and tools/
is found in the source, and its message in bot/render/i18n.py is formatted with exactly the
parameters the raise passes: a message that names a parameter the error does not carry (which
would fall back to the English text of the exception) fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import bot.render.cards  # noqa: F401  (its modules register their texts)
from bot.render import i18n
from bot.render.cards.messages import error_text

ROOT = Path(__file__).resolve().parents[2]
ERRORS = ("PonteError", "PermissionDenied")
# Codes only an operator sees (a bad setting, a tool name a model invented): the exception's
# own text is shown.
OPERATOR_ONLY = {"bad_llm_setting", "no_such_tool", "bad_arguments"}


def raised() -> dict[str, set[str]]:
    """code -> the keyword parameters some raise site passes with it."""
    found: dict[str, set[str]] = {}
    for path in [*ROOT.joinpath("planning").rglob("*.py"), *ROOT.joinpath("tools").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ERRORS):
                continue
            keywords = {k.arg: k.value for k in node.keywords if k.arg}
            code = keywords.pop("code", None)
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                found.setdefault(code.value, set()).update(keywords)  # type: ignore[arg-type]
    return found


RAISED = raised()


def test_the_scan_finds_the_errors_people_meet() -> None:
    assert {"unknown_product", "not_allowed", "date_in_past", "quota_not_yours"} <= set(RAISED)


@pytest.mark.parametrize("code", sorted(set(RAISED) - OPERATOR_ONLY))
@pytest.mark.parametrize("lang", ["en", "it"])
def test_every_error_has_a_message_that_formats_with_its_parameters(code: str, lang: str) -> None:
    assert code in i18n.MESSAGES, f"no message for {code}"
    params = {name: f"<{name}>" for name in RAISED[code] | {"message"}}
    text = error_text(lang, code, params)  # as the person reads it (some are composed there)
    assert text.strip() and "{" not in text and "}" not in text
    assert "<message>" not in text, "fell back to the exception's English text"


def test_every_text_says_the_same_things_in_both_languages() -> None:
    import string

    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    for key, (english, italian) in i18n.MESSAGES.items():
        assert english.strip() and italian.strip(), key
        assert fields(english) == fields(italian), key


@pytest.mark.parametrize(
    ("week", "said"),
    [("8 giu 2026", "settimana dell'8 giu 2026"), ("11 mag 2026", "settimana dell'11 mag 2026"),
     ("18 giu 2026", "settimana del 18 giu 2026"), ("1 giu 2026", "settimana del 1 giu 2026")],
)  # fmt: skip
def test_italian_drops_the_prepositions_vowel_before_otto_and_undici(week: str, said: str) -> None:
    """A trial reader saw "settimana del 8 giu": Italian says "dell'8"; "del 18", and "del 1"
    (read "primo"), stay as they are."""

    note = i18n.t("it", "forecast.explain_card.one_off.spike", week=week, actual="500", used="300")
    assert note.startswith(said)


@pytest.mark.parametrize(
    ("date", "said"),
    [("8 mag 2027", "finisce verso l'8 mag 2027"),
     ("11 mag 2027", "finisce verso l'11 mag 2027"),
     ("18 mag 2027", "finisce verso il 18 mag 2027"),
     ("1 mag 2027", "finisce verso il 1 mag 2027")],
)  # fmt: skip
def test_italian_drops_the_articles_vowel_before_otto_and_undici(date: str, said: str) -> None:
    """Trial 14 read "finisce verso il 8 mag": Italian says "l'8"."""
    line = i18n.t("it", "stock.stock_card.text", location="WH-MIL", stockout_date=date, cover="12")
    assert said in line


@pytest.mark.parametrize(
    ("lang", "said"),
    [("it", "5.770.000 è 1.000 volte l'obiettivo attuale (5.770)"),
     ("en", "5,770,000 is 1,000 times the current target (5,770)")],
)  # fmt: skip
def test_figures_in_a_refusal_read_as_numbers(lang: str, said: str) -> None:
    params = {"new": 5770000, "current": 5770, "factor": 1000}
    assert error_text(lang, "quota_target_absurd", params).startswith(said)
