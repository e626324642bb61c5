"""What-if scenarios through the real Slack app: a manager's promotion answered in the
thread with the plant's load before and after, marketing's too, a rep refused privately, and
a period gone by refused in the asker's language with nothing simulated."""

from __future__ import annotations

from sqlalchemy import text

from tests.bot.slack.conftest import Rig
from tests.slack_mock import refused_twice


def _forecast_rows(rig: Rig) -> int:
    with rig.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM forecast_value")).scalar_one())


def test_a_managers_promotion_is_answered_with_the_plants_load_before_and_after(
    rig: Rig,
) -> None:
    rows = _forecast_rows(rig)
    ts = rig.mention("se facciamo una promo padelle a gennaio +30% reggiamo?", user="U01BIANCHI")
    [answer] = rig.mock.wait_for("chat.postMessage")
    assert answer.params["thread_ts"] == ts
    said = answer.params["text"]
    assert said.startswith("Sì: con domanda di PADELLE +30% dal 1 gen 2027 al 31 gen 2027")
    assert "PLT-LUM" in said
    blocks = str(answer.params["blocks"])
    # Peak load as planned, and with the promotion: +30% on every January day (95% was a
    # week half in December, read whole).
    assert "76% → 99%" in blocks
    assert "Non ho cambiato nulla" in blocks
    assert _forecast_rows(rig) == rows  # a scenario stores nothing


def test_marketing_sees_a_campaigns_load_and_a_rep_is_refused_privately(rig: Rig) -> None:
    rig.mention("campagna padelle a marzo +50%: ce la facciamo con la produzione?",
                user="U01BARBIERI")  # fmt: skip
    [answer] = rig.mock.wait_for("chat.postMessage")
    assert "domanda di PADELLE +50% dal 1 mar 2027 al 31 mar 2027" in answer.params["text"]
    rig.slash("e se la domanda di padelle cresce del 15% a gennaio?", user="U01ROSSI")
    [reply] = rig.mock.wait_for("response_url")
    assert reply.params["response_type"] == "ephemeral"
    # Told what a rep asks instead: a promise, or the manager (trial 32: "ask an admin to
    # change your role").
    assert reply.params["text"].startswith("Gli scenari (e se...) pianificano il carico")
    assert "posso promettere 500 [prodotto] entro il 15 dicembre?" in reply.params["text"]


def test_a_plant_stop_said_in_english_names_the_weeks_it_is_down(rig: Rig) -> None:
    rig.mention("what if the plant in maniago shuts down for 2 weeks", user="U01COLOMBO")
    [answer] = rig.mock.wait_for("chat.postMessage")
    said = answer.params["text"]
    assert "PLT-MAN stopped from 30 Nov 2026 to 13 Dec 2026" in said
    assert said.startswith(("Yes", "No"))
    assert "2,880 → 0" in str(answer.params["blocks"])  # COLTELLI's two weeks of capacity


def test_a_scenario_arrives_once_through_a_rate_limit_and_an_outage(rig: Rig) -> None:
    """Slack refusing the reply twice (429, then 500) delays the answer; it is neither lost
    nor posted twice."""
    rig.mock.fail("chat.postMessage", *refused_twice())
    ts = rig.mention("what if PLT-LUM capacity drops 10% in january?", user="U01GALLI")
    [answer] = rig.mock.wait_for("chat.postMessage")
    assert rig.mock.attempts["chat.postMessage"] == 3
    assert answer.params["thread_ts"] == ts
    assert "PLT-LUM capacity -10% from 1 Jan 2027 to 31 Jan 2027" in answer.params["text"]
