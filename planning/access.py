"""Who may do what: abilities by role, and whose quota each person may see.

Keyed on the verified Slack user id (from Slack's signed request, or `--as` on the command
line), never on message text or on what a model passes. Each ability declares its audience
(tools.registry); the check runs here, so that no ability ships without saying who may use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from sqlalchemy import Connection, Engine, bindparam, text

from planning.errors import PermissionDenied, PonteError
from planning.memo import DataMemo
from planning.models import Role


class Audience(Enum):
    """Who may use an ability: each ability declares one (tools.registry)."""

    EVERYONE = frozenset(Role)
    # Promising delivery dates to customers, and quotas: the sales side's and planners' job.
    SALES_AND_OPS = frozenset({Role.rep, Role.manager, Role.ops, Role.admin})
    # Quota changes: the people who sell, their managers, and admins.
    SALES = frozenset({Role.rep, Role.manager, Role.admin})
    # Deciding quota changes and splitting quotas: managers and admins.
    APPROVERS = frozenset({Role.manager, Role.admin})
    # Plant load is planning data: reps see its effect through available-to-promise.
    PLANNERS = frozenset({Role.manager, Role.ops, Role.admin})
    # A scenario's plant load: the planners', and marketing's, who plan the promotions that
    # change demand ("se facciamo una promo a gennaio +30%, reggiamo?").
    SCENARIOS = frozenset({Role.manager, Role.ops, Role.admin, Role.marketing})


@dataclass(frozen=True)
class Caller:
    """The verified person asking, as people.csv describes them."""

    slack_user_id: str
    name: str
    role: Role
    language: str
    territory: str | None
    manager: str | None
    team: frozenset[str]  # slack user ids of the people who report to them


_MEMO = DataMemo(size=4096)


def identify(engine: Engine, slack_user_id: str) -> Caller:
    """The person behind a verified Slack user id; PonteError(code="unknown_user") if none.
    Remembered until the data changes (the people list changes only by an audited import):
    every answer starts here."""
    return _MEMO.get(engine, ("identify", slack_user_id), lambda: _identify(engine, slack_user_id))


def _identify(engine: Engine, slack_user_id: str) -> Caller:
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT slack_user_id, name, role, language, territory, manager_slack_user_id "
                "FROM person WHERE slack_user_id = :id"
            ),
            {"id": slack_user_id},
        ).first()
        if row is None:
            admins = [
                name
                for (name,) in conn.execute(
                    text("SELECT name FROM person WHERE role = 'admin' ORDER BY name")
                )
            ]
            raise PonteError(
                f"{slack_user_id} is not in Ponte's people list; ask "
                f"{' or '.join(admins) or 'your Ponte admin'} to add you",
                code="unknown_user",
                user=slack_user_id,
                admins=admins,
            )
        team = _reports(conn, slack_user_id)
    return Caller(
        slack_user_id=row.slack_user_id,
        name=row.name,
        role=Role(row.role),
        language=row.language or "en",
        territory=row.territory,
        manager=row.manager_slack_user_id,
        team=team,
    )


def team_of(engine: Engine, person: str) -> frozenset[str]:
    """The people reporting to `person` (none for a rep, or someone unknown)."""
    with engine.connect() as conn:
        return _reports(conn, person)


def _reports(conn: Connection, person: str) -> frozenset[str]:
    return frozenset(
        str(r)
        for (r,) in conn.execute(
            text("SELECT slack_user_id FROM person WHERE manager_slack_user_id = :id"),
            {"id": person},
        )
    )


def authorize(caller: Caller, ability: str, audience: Audience) -> None:
    """Raise PermissionDenied unless `caller`'s role is in the `audience` of `ability`."""
    if caller.role not in audience.value:
        raise PermissionDenied(
            f"{caller.name} ({caller.role}) may not use {ability}",
            code="not_allowed",
            ability=ability,
            role=str(caller.role),
        )


@dataclass(frozen=True)
class QuotaScope:
    """Whose quotas a caller may see: None means everyone's."""

    reps: frozenset[str] | None
    territories: frozenset[str] | None

    def allows(self, *, rep: str | None = None, territory: str | None = None) -> bool:
        if rep is not None and self.reps is not None and rep not in self.reps:
            return False
        return not (
            territory is not None
            and self.territories is not None
            and territory not in self.territories
        )


def quota_scope(engine: Engine, caller: Caller, *, where_sold: bool = True) -> QuotaScope:
    """Reps see their own quota and their territory's; managers their team's; ops and admins
    everyone's (to check quotas against capacity); anyone else their own alone. A
    territory is a rep's (a team's) when it is their home in the people file or when they
    sell there (the sales file's rep and territory): a rep who alone sells in the USA, and
    their manager, see the USA's quota although the people file gives them the UK.
    Without `where_sold`, the people file's homes alone: what the sales side's selection
    counts (planning.sales.sales_scope), so nobody sees another team's customers in a
    territory one of theirs once sold in."""
    if caller.role in (Role.ops, Role.admin):
        return QuotaScope(reps=None, territories=None)
    reps = {caller.slack_user_id} | set(caller.team)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT slack_user_id, territory FROM person")).all()
        mine = {territory for person, territory in rows if person in reps and territory}
        if where_sold:
            sold = conn.execute(
                text(
                    "SELECT DISTINCT territory FROM sales_customer_day WHERE rep IN :reps"
                ).bindparams(bindparam("reps", expanding=True)),
                {"reps": sorted(reps)},
            ).scalars()
            mine |= {territory for territory in sold if territory}
    return QuotaScope(reps=frozenset(reps), territories=frozenset(mine))


def check_quota_access(
    scope: QuotaScope,
    caller: Caller,
    *,
    rep: str | None,
    territory: str | None,
    label: str | None = None,
) -> None:
    """Raise PermissionDenied when `caller` asks for a quota outside their scope (`label`
    names the person or territory for the message)."""
    if not scope.allows(rep=rep, territory=territory):
        whose = label or rep or territory or ""
        raise PermissionDenied(
            f"{caller.name} may not see the quota of {whose}",
            code="quota_not_yours",
            whose=whose,
        )
