# ruff: noqa: E501 (a table of questions and why each is not answered right yet)
"""Every kept question set, with the questions Ponte does not answer right yet and why.

`realistic` was written for the understanding issue in each role's voice; the others are
new-user trials' questions, written before any of them was asked by someone who had not read
the router, so they check the understanding on wording its authors did not choose. The
questions not answered right yet are strict expected failures (tests/tools/
test_kept_questions.py): one that starts passing must leave its NOT_YET, so the lists only
shrink. bench/router_bench.py prints each set's share right per role and language. A new
trial's set is one more entry here.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.tools.alert_questions import ALERTS
from tests.tools.feedback_questions import FEEDBACK
from tests.tools.feedback_trial_questions import (
    FEEDBACK_TRIAL,
    FEEDBACK_TRIAL9,
    FEEDBACK_TRIAL10,
    FEEDBACK_TRIAL11,
)
from tests.tools.fourth_questions import FOURTH
from tests.tools.fresh_questions import FRESH
from tests.tools.quota_request_questions import ALLOCATION, COMMISSION, QUOTA_REQUESTS
from tests.tools.quota_trial2_questions import QUOTA_TRIAL2
from tests.tools.quota_trial3_questions import QUOTA_TRIAL3
from tests.tools.quota_trial4_questions import QUOTA_TRIAL4
from tests.tools.quota_trial5_questions import QUOTA_TRIAL5
from tests.tools.quota_trial6_questions import QUOTA_TRIAL6
from tests.tools.quota_trial7_questions import QUOTA_TRIAL7
from tests.tools.quota_trial_questions import QUOTA_TRIAL
from tests.tools.role_questions import QUESTIONS, Q
from tests.tools.scenario_questions import SCENARIOS
from tests.tools.third_questions import THIRD
from tests.tools.trial13_questions import TRIAL13
from tests.tools.trial_questions import TRIAL


@dataclass(frozen=True)
class KeptSet:
    title: str
    questions: list[Q]
    not_yet: dict[str, str]  # question text -> why it is not answered right yet


KEPT: dict[str, KeptSet] = {
    "realistic": KeptSet(
        "Realistic questions",
        QUESTIONS,
        {
            "how's the new rep doing on quota?": "expected a question back for the person",
            "where do we stock the lid knob?": "expected an answer from product_info",
            "capacità lumezzane moka a Ferragosto": "expected an answer from capacity_check",
        },
    ),
    "trial": KeptSet(
        "First new-user trial's questions",
        TRIAL,
        {
            "compare my sales this month vs last month": "period: expected '2026-11'",
            "confronta rossi e brambilla questo trimestre": "expected an answer from sales_history",
            "which pans are below safety stock": "expected an answer from stock_status",
            "quante crepiere vendiamo a febbraio": "expected an answer from sales_history",
        },
    ),
    "fresh": KeptSet(
        "Second new-user trial's questions",
        FRESH,
        {
            "how many pasta pots could we promise grandi magazzini partenope by end of next week": "expected an answer from available_to_promise",
            "stock of all 3 cup items": "product: expected ['MOK-003', 'MOK-I03', 'RIC-G03', 'RIC-F03",
            "mix famiglie ultimi 12 mesi": "group_by: expected 'family'",
            "pls raise my q1 quota, 11860 is too high": "the current target named as too high is read as the new target: expected a question back for the target",
        },
    ),
    "third": KeptSet(
        "Third new-user trial's questions",
        THIRD,
        {
            "quanto costa il cepo coltelli?": "product: expected 'COL-CEP'",
            "prices of all frying pans": "expected an answer from product_info",
        },
    ),
    "fourth": KeptSet(
        "Fourth new-user trial's questions",
        FOURTH,
        {},
    ),
    "scenarios": KeptSet(
        "Scenarios, from each role's side",
        SCENARIOS,
        {},
    ),
    "alerts": KeptSet("Alerts, from each role's side", ALERTS, {}),
    "quota_requests": KeptSet(
        "Quota change requests and decisions, from each role's side", QUOTA_REQUESTS, {}
    ),
    "commission": KeptSet("Commission, as reps and managers ask about pay", COMMISSION, {}),
    "allocation": KeptSet("Quotas split across territories", ALLOCATION, {}),
    "quota_trial": KeptSet(
        "A new user's trial of quotas, approvals and commission", QUOTA_TRIAL, {}
    ),
    "quota_trial2": KeptSet(
        "A second new user's trial of quotas: what it got wrong", QUOTA_TRIAL2, {}
    ),
    "quota_trial3": KeptSet("A third new user's trial of quotas", QUOTA_TRIAL3, {}),
    "quota_trial4": KeptSet("A fourth new user's trial of quotas", QUOTA_TRIAL4, {}),
    "quota_trial5": KeptSet("A fifth new user's trial of quotas", QUOTA_TRIAL5, {}),
    "quota_trial6": KeptSet("A sixth new user's trial of quotas", QUOTA_TRIAL6, {}),
    "quota_trial7": KeptSet(
        "A seventh new user's trial of quotas: what it got wrong",
        QUOTA_TRIAL7,
        {},
    ),
    "feedback": KeptSet(
        "Customer feedback, from each role's side",
        FEEDBACK,
        {
            "Emporio Tiberino told me the chef's knife 20cm is great but the bread knife blade dulls fast": "products: only the first of two products named in free text is read",
            "ferramenta rossi says the new 28cm pan arrives scratched": "a customer not in the data, typed in lower case, is read as Ferramenta Sforza",
            "registra feedback trinacria: moka 3 tazze e moka 6 tazze, i clienti dicono che la guarnizione cede dopo pochi mesi": "products: 'moka 6 tazze ... guarnizione' is read as the 6 cup gasket",
            "<!channel> emporio salentino dice che le moka 3 tazze arrivano senza guarnizione!!": "products: 'moka 3 tazze ... guarnizione' is read as the 3 cup gasket",
        },
    ),
    "feedback_trial": KeptSet(
        "A new user's trial of customer feedback",
        FEEDBACK_TRIAL,
        {},
    ),
    "feedback_trial9": KeptSet(
        "A second new user's trial of customer feedback: what it got wrong",
        FEEDBACK_TRIAL9,
        {},
    ),
    "feedback_trial10": KeptSet(
        "A third new user's trial of customer feedback: what it got wrong",
        FEEDBACK_TRIAL10,
        {},
    ),
    "feedback_trial11": KeptSet(
        "A fourth new user's trial (every role): what it got wrong about feedback",
        FEEDBACK_TRIAL11,
        {},
    ),
    "trial13": KeptSet("Trial 13 (every role): what it got wrong", TRIAL13, {}),
}
