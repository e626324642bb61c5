"""Sales history and comparisons through the real Slack app: answered in the thread, and
still answered when Slack refuses the reply for a moment."""

from __future__ import annotations

from tests.bot.slack.conftest import Rig
from tests.slack_mock import refused_twice


def test_a_quiet_account_question_survives_a_rate_limit_and_an_outage(rig: Rig) -> None:
    rig.mock.fail("chat.postMessage", *refused_twice())
    ts = rig.mention("when did Emporio Sardo last order?", user="U01HARRIS")
    [answer] = rig.mock.wait_for("chat.postMessage")
    assert rig.mock.attempts["chat.postMessage"] == 3
    assert answer.params["thread_ts"] == ts
    assert answer.params["text"].startswith("Last purchase: 16 Nov 2026 (11 days ago)")


def test_a_rep_asking_about_another_territorys_customer_is_refused_privately(rig: Rig) -> None:
    rig.slash("quanto ha comprato Casalinghi Vesuvio quest'anno?", user="U01ROSSI")
    [reply] = rig.mock.wait_for("response_url")
    assert reply.params["response_type"] == "ephemeral"
    assert "non di Casalinghi Vesuvio" in reply.params["text"]


def test_a_comparison_arrives_once_through_a_rate_limit_and_an_outage(rig: Rig) -> None:
    rig.mock.fail("chat.postMessage", *refused_twice())
    ts = rig.mention("attainment Rossi vs Walker", user="U01DEANGELIS")
    [answer] = rig.mock.wait_for("chat.postMessage")
    assert rig.mock.attempts["chat.postMessage"] == 3
    assert answer.params["thread_ts"] == ts
    assert answer.params["text"].startswith("Giulia Rossi vs James Walker")
    both = str(answer.params["blocks"])  # each side's own answer, in the table
    assert "of 11,990 units (" in both and "of 10,220 units (" in both
