"""Quota change requests through the assistant, by the router and by the LLM path: checked
and shown before the yes (nothing stored), stored after it, decided by the approver the
same way; refusals come before any question of confirmation."""

from __future__ import annotations

import pytest
from langchain_core.messages import AIMessage
from sqlalchemy import Engine, text

from bot.render.cards import card
from bot.render.text import plain
from planning.quotas import quota_status
from tests.conftest import DEMO_TODAY, Ask
from tests.tools.test_agent import ToolCallingFake, llm_ask
from tools.assistant import Assistant, Conversation


def stored(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT id, status, rep, target_units, reason, requested_by, approver "
            "FROM quota_request ORDER BY id"
        ))]  # fmt: skip


def test_asked_shown_confirmed_approved_applied(writable_demo: Engine) -> None:
    ask = Ask(Assistant(writable_demo))
    rossi, bianchi = Conversation(), Conversation()
    shown = ask("raise my Q1 quota to 12,500 because ACME doubled its order", conversation=rossi)
    assert (shown.kind, shown.tool) == ("confirm", "request_quota_change")
    said = plain(card(shown))
    # Before and after, who decides, and what the plants make of it, before the yes.
    # quotas.csv: 11,860 units and €373,300; the revenue target moves in step with units.
    after = round(373_300 * 12_500 / 11_860)
    assert f"from 11,860 units (€373,300) to 12,500 units (€{after:,}) (+640, +5%)" in said
    assert "Decides: Paolo Bianchi" in said and "Reason: ACME doubled its order" in said
    assert "plants can make" in said and "Reply yes to go ahead" in said
    assert stored(writable_demo) == []
    sent = ask("yes", conversation=rossi)
    assert sent.kind == "answer" and sent.result.submitted
    [(request, status, rep, units, _, by, approver)] = stored(writable_demo)
    assert (status, rep, units, by, approver) == ("pending", "U01ROSSI", 12500, "U01ROSSI",
                                                  "U01BIANCHI")  # fmt: skip
    assert f"Request #{request} sent to Paolo Bianchi" in plain(card(sent))
    waiting = ask("cosa devo approvare?", user="U01BIANCHI", conversation=bianchi)
    assert [r.id for r in waiting.result.requests] == [request]
    decided = ask(f"approva la richiesta {request}", user="U01BIANCHI", conversation=bianchi)
    assert decided.kind == "confirm" and f"Approvare la richiesta n. {request}" in plain(
        card(decided)
    )
    [(_, status, *_)] = stored(writable_demo)
    assert status == "pending"
    done = ask("sì", user="U01BIANCHI", conversation=bianchi)
    assert done.kind == "answer" and done.result.request.status == "approved"
    assert "ora è 12.500 pezzi" in plain(card(done))
    [quota] = quota_status(writable_demo, today=DEMO_TODAY, rep="U01ROSSI", period="2027-Q1")
    assert (quota.target_units, quota.version) == (12500, 2)


def test_a_target_said_in_thousands_is_read_in_the_measure_it_is_near(ask: Ask) -> None:
    """Trial 34: "a 200k" on a quota of 7,480 units and €240,800 was read as 200,000 units
    ("above the current 7,480: which is it?"), and "a 380k" on the pasta maker drafted a
    +101% in units. A bare figure near the revenue target (half to twice it) and far from
    the units is euros, the units following in step; a reason after a comma may hold its
    own numbers ("ha chiuso 2 punti vendita")."""
    shown = ask("vorrei abbassare la mia quota q4 a 200k, Grandi Magazzini Partenope ha "
                "chiuso 2 punti vendita", user="U01ESPOSITO")  # fmt: skip
    assert (shown.kind, shown.tool) == ("confirm", "request_quota_change")
    change = shown.result.request
    assert (change.units_before, change.revenue_before) == (7480, 240_800)  # quotas.csv
    assert change.target_revenue == 200_000
    assert change.target_units == pytest.approx(7480 * 200_000 / 240_800, abs=1)
    assert change.reason == "Grandi Magazzini Partenope ha chiuso 2 punti vendita"
    said = " ".join(plain(card(shown)).split())
    assert "da 7.480 pezzi (240.800 €) a 6.213 pezzi (200.000 €)" in said
    # Said in units, or a figure near the units, stays units.
    units = ask("abbassa la mia quota q4 a 7000 pezzi, ho perso un cliente", user="U01ESPOSITO")
    assert units.result.request.target_units == 7000
    near_units = ask("lower my q4 quota to 7k, lost a customer", user="U01ESPOSITO")
    assert near_units.result.request.target_units == 7000


def test_a_refusal_comes_before_any_question_of_confirmation(writable_demo: Engine) -> None:
    ask = Ask(Assistant(writable_demo))
    chat = Conversation()
    outcome = ask("raise brambilla's q1 quota to 10000 because he asked me", conversation=chat)
    assert (outcome.kind, outcome.code) == ("refused", "quota_request_not_yours")
    assert chat.awaiting is None and stored(writable_demo) == []
    assert "not Luca Brambilla's" in plain(card(outcome)) or "Luca Brambilla" in plain(
        card(outcome)
    )
    bad = ask("alza la mia quota del q1 a -500 perché sì", conversation=chat)
    assert bad.kind in ("error", "clarify") and chat.awaiting is None
    assert ask("yes", conversation=chat).kind != "answer"
    assert stored(writable_demo) == []


def test_the_reason_is_asked_for_and_kept_verbatim(writable_demo: Engine) -> None:
    ask = Ask(Assistant(writable_demo))
    chat = Conversation()
    first = ask("pls change my q1 quota to 9000", user="U01WALKER", conversation=chat)
    assert (first.kind, first.missing) == ("clarify", "reason")
    assert plain(card(first)).startswith("Why should it change?")
    reason = "lost Harrods <!channel> *and* `Selfridges`"
    shown = ask(reason, user="U01WALKER", conversation=chat)
    assert shown.kind == "confirm" and shown.args["reason"] == reason
    ask("yes", user="U01WALKER", conversation=chat)
    [(_, _, rep, units, kept, _, approver)] = stored(writable_demo)
    assert (rep, units, kept, approver) == ("U01WALKER", 9000, reason, "U01HARRIS")


def test_a_split_not_read_whole_is_asked_back_never_replaced_by_sales(
    writable_demo: Engine,
) -> None:
    ask = Ask(Assistant(writable_demo))
    chat = Conversation()
    said = "dividi 9000 padelle del Q1 tra i miei territori 60/40"  # which is which?
    first = ask(said, user="U01BIANCHI", conversation=chat)
    assert (first.kind, first.missing) == ("clarify", "shares")
    assert "quale quota va a quale territorio" in plain(card(first))
    assert chat.awaiting is None and stored(writable_demo) == []
    shown = ask("60% nord-ovest, 40% nord est", user="U01BIANCHI", conversation=chat)
    assert (shown.kind, shown.tool) == ("confirm", "allocate_quota")
    lines = {line.territory: line.units for line in shown.result.lines}
    assert lines == {"NO": 5400, "NE": 3600} and shown.result.basis == "asked"
    sent = ask("sì", user="U01BIANCHI", conversation=chat)
    assert sent.kind == "answer" and sent.result.submitted
    with writable_demo.connect() as conn:
        kind, lines_json = conn.execute(text("SELECT kind, lines FROM quota_request")).one()
    assert kind == "allocation" and '"NO"' in lines_json and "5400" in lines_json


def test_a_name_that_fits_two_territories_changes_nothing(writable_demo: Engine) -> None:
    ask = Ask(Assistant(writable_demo))
    chat = Conversation()
    said = "split 9000 padelle for Q1 across my territories 40% north 60% north-east"
    outcome = ask(said, user="U01BIANCHI", conversation=chat)
    assert (outcome.kind, outcome.code) == ("error", "ambiguous_territory")
    assert "could be more than one territory (Nord-Est, Nord-Ovest)" in plain(card(outcome))
    assert chat.awaiting is None and stored(writable_demo) == []


def test_a_product_in_a_change_request_is_refused_with_its_family(writable_demo: Engine) -> None:
    ask = Ask(Assistant(writable_demo))
    chat = Conversation()
    said = "alza la quota di giulia rossi per PAD-28 nel Q1 a 12.000 perché apre un negozio"
    outcome = ask(said, user="U01BIANCHI", conversation=chat)
    assert (outcome.kind, outcome.code) == ("error", "quota_not_per_product")
    assert "PAD-28 è nella famiglia PADELLE" in plain(card(outcome))
    assert chat.awaiting is None and stored(writable_demo) == []
    # The words of a reason name no product: "un cliente grosso" is not a moka.
    fine = ask("metti la quota q1 di brambilla a 9000: ha perso un cliente grosso",
               user="U01BIANCHI", conversation=chat)  # fmt: skip
    assert (fine.kind, fine.tool) == ("confirm", "request_quota_change")


def test_a_family_or_product_without_a_quota_shows_the_total_and_says_so(ask: Ask) -> None:
    walker = ask("forecast end of quarter for james walker on pentole", user="U01HARRIS")
    assert walker.tool == "quota_status"
    said = plain(card(walker))
    assert said.startswith("Quota · Q4 2026\nNo PENTOLE quota of its own for Q4 2026: the "
                           "total quota. James Walker:")  # fmt: skip
    assert "If demand comes as forecast:" in said
    pan = ask("la mia quota sulla padella 28", user="U01ROSSI")
    said = plain(card(pan))
    assert "non per prodotto: PAD-28 è nella famiglia PADELLE" in said
    assert [s.owner for s in pan.result.statuses] == ["U01ROSSI"]
    # A territory whose family quota exists shows that one, without a word about totals.
    moka = ask("quota moka del nord ovest", user="U01BIANCHI")
    assert [(s.owner, s.family) for s in moka.result.statuses] == [("NO", "MOKA")]
    assert "a sé" not in plain(card(moka))


def test_the_company_and_a_team_are_added_up(ask: Ask) -> None:
    company = ask("quota totale azienda q4 vs venduto finora?", user="U01DEANGELIS")
    reps = [s for s in company.result.statuses if s.owner_kind == "rep"]
    together = company.result.together
    # The reps' quotas only: territory quotas overlap them and are not added again.
    assert together.count == len(reps) == 7
    assert together.target == sum(s.target_units for s in reps)
    assert together.sold == pytest.approx(sum(s.sold_units for s in reps))
    share = round(100 * together.sold / together.target)
    assert f"Le 7 quote dei venditori insieme: {share}% di" in plain(card(company))
    team = ask("how is my team doing on quota?", user="U01HARRIS").result
    assert team.together.count == 4 and {s.owner for s in team.statuses} == {
        "U01MARCHI", "U01ESPOSITO", "U01LOBIANCO", "U01WALKER"
    }  # fmt: skip


def test_what_all_quotas_ask_of_a_family(ask: Ask, demo_engine: Engine) -> None:
    from planning.quota_impact import family_quotas

    moka = ask("quanta moka dobbiamo fare nel q1 in totale secondo le quote?", user="U01COLOMBO")
    expected = family_quotas(demo_engine, today=DEMO_TODAY, period="2027-Q1")["MOKA"]
    assert moka.result.family_total == pytest.approx(expected)
    # More than the one territory quota for MOKA: the reps' total quotas sell moka too.
    [territory_quota] = moka.result.statuses
    assert expected > territory_quota.target_units
    assert f"Tutte le quote insieme chiedono {round(expected):,} MOKA".replace(",", ".") in plain(
        card(moka)
    )


def test_a_manager_sees_the_family_quotas_of_their_territories(ask: Ask) -> None:
    moka = ask("quote moka q1 per territorio", user="U01BIANCHI").result
    # Nord-Ovest's MOKA quota (Bianchi's team is based there), not "no MOKA quota".
    assert [(s.owner, s.family) for s in moka.statuses] == [("NO", "MOKA")]
    assert not moka.no_family_quota
    pans = ask("quota padelle q1", user="U01HARRIS").result  # none in Harris's territories
    assert pans.no_family_quota and {s.owner_kind for s in pans.statuses} == {"rep"}


def test_what_all_quotas_ask_of_every_family(ask: Ask, demo_engine: Engine) -> None:
    from planning.quota_impact import family_quotas

    every = ask("quota totale q1 per famiglia?", user="U01COLOMBO")
    expected = family_quotas(demo_engine, today=DEMO_TODAY, period="2027-Q1")
    assert dict(every.result.family_totals) == pytest.approx(expected)
    assert "Tutte le quote insieme chiedono, per famiglia, in Q1 2027: MOKA" in plain(card(every))


def test_a_cut_eases_a_family_beyond_the_plants_and_says_so(ask: Ask) -> None:
    cut = ask("lower my q1 quota by 10% because a client closed", user="U01ROSSI")
    short = cut.result.impact.cannot_make
    assert short and all(f.change < 0 for f in short)  # the demo's PENTOLE: over capacity
    said = plain(card(cut))
    assert "The cut eases PENTOLE, which the plants still cannot make in full" in said
    assert "cannot make PENTOLE at the new quota" not in said


def proposing(args: dict[str, object]) -> ToolCallingFake:
    call = {"name": "request_quota_change", "args": args, "id": "c1"}
    return ToolCallingFake(messages=iter([AIMessage("", tool_calls=[call]), AIMessage("ok")]))


def test_the_llm_path_shows_the_same_check_before_the_yes(writable_demo: Engine) -> None:
    args = {"period": "2027-Q1", "target_units": 12500, "reason": "ACME doubled"}
    chat = Conversation()
    shown = llm_ask(writable_demo, proposing(args))("ACME doubled: Q1 to 12.5k", conversation=chat)
    assert (shown.kind, shown.via) == ("confirm", "llm")
    assert shown.result.request.approver_name == "Paolo Bianchi" and not shown.result.submitted
    assert stored(writable_demo) == []
    done = llm_ask(writable_demo, proposing(args))("yes", conversation=chat)
    assert done.kind == "answer" and done.result.submitted
    assert len(stored(writable_demo)) == 1


def test_the_llm_cannot_ask_for_someone_elses_quota(writable_demo: Engine) -> None:
    args = {"person": "U01BRAMBILLA", "target_units": 1, "reason": "ignore the rules"}
    outcome = llm_ask(writable_demo, proposing(args))("lower brambilla's quota")
    assert (outcome.kind, outcome.code) == ("refused", "quota_request_not_yours")
    assert stored(writable_demo) == []


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("U01ROSSI", True),  # her own
        ("U01BIANCHI", True),  # her manager
        ("U01HARRIS", False),  # a manager, not hers
        ("U01DEANGELIS", True),  # an admin
        ("U01COLOMBO", True),  # operations read every quota, to weigh them against capacity
        ("U01RICCI", False),  # marketing
    ],
)
def test_who_may_view_giulias_quota(ask: Ask, who: str, allowed: bool) -> None:
    outcome = ask("quota di Giulia Rossi nel Q1", user=who)
    if allowed:
        assert outcome.kind == "answer" and outcome.tool == "quota_status"
        assert [s.owner for s in outcome.result.statuses] == ["U01ROSSI"]
    else:
        assert outcome.kind == "refused"


def deciding(args: dict[str, object]) -> ToolCallingFake:
    call = {"name": "decide_quota_request", "args": args, "id": "c1"}
    return ToolCallingFake(messages=iter([AIMessage("", tool_calls=[call]), AIMessage("ok")]))


def test_the_llm_path_decides_only_after_the_yes_and_only_for_the_approver(
    writable_demo: Engine,
) -> None:
    ask = Ask(Assistant(writable_demo))
    rossi = Conversation()
    ask("raise my Q1 quota to 12,500 because ACME doubled its order", conversation=rossi)
    ask("yes", conversation=rossi)
    [(request, *_)] = stored(writable_demo)
    approve = {"request": request, "decision": "approve"}
    refused = llm_ask(writable_demo, deciding(approve))("approve it", user="U01HARRIS")
    assert (refused.kind, refused.code) == ("refused", "quota_not_approver")
    chat = Conversation()
    shown = llm_ask(writable_demo, deciding(approve))("approve it", user="U01BIANCHI",
                                                     conversation=chat)  # fmt: skip
    assert shown.kind == "confirm" and stored(writable_demo)[0][1] == "pending"
    done = llm_ask(writable_demo, deciding(approve))("yes", user="U01BIANCHI", conversation=chat)
    assert done.kind == "answer" and stored(writable_demo)[0][1] == "approved"
