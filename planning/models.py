"""The planning domain model (SQLModel tables).

Master data is keyed by the codes planners use (SKU, location code, territory code, Slack
user id), so imported files, answers and the database speak the same language. Facts
(stock, sales, capacity, receipts, quotas) carry a surrogate id plus a unique natural key,
which is what imports upsert on.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    Index,
    LargeBinary,
    Text,
    Unicode,
    UniqueConstraint,
    false,
    text,
)
from sqlmodel import Field, SQLModel

PLANT = "plant"
WAREHOUSE = "warehouse"


class LocationKind(StrEnum):
    plant = PLANT
    warehouse = WAREHOUSE


class Role(StrEnum):
    rep = "rep"
    manager = "manager"
    ops = "ops"
    marketing = "marketing"
    admin = "admin"


class Language(StrEnum):
    en = "en"
    it = "it"


class Product(SQLModel, table=True):
    __tablename__ = "product"

    sku: str = Field(primary_key=True, max_length=64)
    name: str = Field(max_length=200)
    family: str = Field(index=True, max_length=64)
    unit: str = Field(default="pcs", max_length=16)
    unit_price: float | None = None
    lead_time_days: int = 14
    safety_stock: float = 0.0
    min_order_qty: float | None = None  # the smallest quantity sold in one order
    name_en: str | None = Field(default=None, max_length=200)  # the English name, if any
    # Other names people use for it, separated by ";" ("frying pan 28; skillet 28").
    aliases: str | None = Field(default=None, max_length=1000)


class Location(SQLModel, table=True):
    __tablename__ = "location"

    code: str = Field(primary_key=True, max_length=64)
    name: str = Field(max_length=200)
    kind: str = Field(max_length=16)  # LocationKind
    region: str | None = Field(default=None, max_length=100)


class Territory(SQLModel, table=True):
    __tablename__ = "territory"

    code: str = Field(primary_key=True, max_length=64)
    name: str = Field(max_length=200)
    region: str | None = Field(default=None, max_length=100)


class Person(SQLModel, table=True):
    __tablename__ = "person"

    slack_user_id: str = Field(primary_key=True, max_length=32)
    name: str = Field(max_length=200)
    role: str = Field(max_length=16)  # Role
    email: str | None = Field(default=None, max_length=200)
    manager_slack_user_id: str | None = Field(
        default=None, foreign_key="person.slack_user_id", max_length=32
    )
    territory: str | None = Field(default=None, foreign_key="territory.code", max_length=64)
    language: str = Field(default="en", max_length=2)  # Language


class StockLevel(SQLModel, table=True):
    """One stock snapshot line: what was on hand at a location on `as_of`."""

    __tablename__ = "stock_level"
    __table_args__ = (UniqueConstraint("sku", "location", "as_of", name="uq_stock_level_key"),)

    id: int | None = Field(default=None, primary_key=True)
    sku: str = Field(foreign_key="product.sku", max_length=64)
    location: str = Field(foreign_key="location.code", max_length=64)
    as_of: dt.date = Field(index=True)
    on_hand: float
    allocated: float = 0.0


class SalesActual(SQLModel, table=True):
    """Shipped sales, one row per (date, sku, location, territory, customer, rep).

    Sales have no natural id, so every descriptive column is part of the key, and a blank
    one is stored as '' (not NULL) so that re-importing the same row finds it again. This is
    the one high-volume table: it has no surrogate id and no foreign keys, because each
    foreign-key trigger costs a million lookups per million imported rows (the importer, its
    only writer, checks every reference first). Besides the key (by date) it has the
    indexes questions need at 5,000 products: a product's, a rep's and a territory's sales
    over a period, and the lines sold on promotion, read without scanning everyone's.
    """

    __tablename__ = "sales_actual"
    __table_args__ = (
        Index("ix_sales_actual_sku_date", "sku", "date"),
        Index("ix_sales_actual_rep_date", "rep", "date"),
        Index("ix_sales_actual_territory_date", "territory", "date"),
        # Only the lines sold on promotion (a few percent): a promotion's review finds them.
        Index(
            "ix_sales_actual_promo_sku_date",
            "sku",
            "date",
            sqlite_where=text("promo"),
            postgresql_where=text("promo"),
        ),
    )

    date: dt.date = Field(primary_key=True)
    sku: str = Field(primary_key=True, max_length=64)
    location: str = Field(default="", primary_key=True, max_length=64)
    territory: str = Field(default="", primary_key=True, max_length=64)
    customer: str = Field(default="", primary_key=True, max_length=200)
    rep: str = Field(default="", primary_key=True, max_length=32)
    quantity: float
    revenue: float | None = None
    promo: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class SalesCustomer(SQLModel, table=True):
    """The customers named in sales, with each territory they buy in and how many sales
    lines: what the router learns customers' names from, refreshed by every sales import
    (reading 2.4M sales rows per question to learn 500 names is what it replaces)."""

    __tablename__ = "sales_customer"

    customer: str = Field(primary_key=True, max_length=200)
    territory: str = Field(primary_key=True, max_length=64)
    lines: int


class SalesCustomerDay(SQLModel, table=True):
    """Sales summed per day, territory, rep and customer, without products and locations:
    what a question that names no product reads ("sales by customer this year against last",
    a team's quota), a hundredth of the sales rows at 5,000 products. Refreshed by every
    sales import for the days it covers (planning.importer.refresh_sales_summaries);
    revenue is NULL where no line of the group had a price, as its sum over the lines is."""

    __tablename__ = "sales_customer_day"
    # Where each rep sells (a quota scope's territories), without reading every row.
    __table_args__ = (Index("ix_sales_customer_day_rep_territory", "rep", "territory"),)

    date: dt.date = Field(primary_key=True)
    territory: str = Field(primary_key=True, max_length=64)
    rep: str = Field(primary_key=True, max_length=32)
    customer: str = Field(primary_key=True, max_length=200)
    quantity: float
    revenue: float | None = None
    lines: int


class SalesDate(SQLModel, table=True):
    """The days sales are dated on, with how many lines each: whether the file is weekly
    buckets (every day a Monday) and where it ends, without reading every sales row;
    refreshed by every sales import."""

    __tablename__ = "sales_date"

    date: dt.date = Field(primary_key=True)
    lines: int


class Capacity(SQLModel, table=True):
    """A plant's weekly capacity for a product family from start_date (to end_date)."""

    __tablename__ = "capacity"
    __table_args__ = (UniqueConstraint("plant", "family", "start_date", name="uq_capacity_key"),)

    id: int | None = Field(default=None, primary_key=True)
    plant: str = Field(foreign_key="location.code", max_length=64)
    family: str = Field(max_length=64)
    start_date: dt.date
    end_date: dt.date | None = None
    units_per_week: float


class PlannedReceipt(SQLModel, table=True):
    """Planned production or purchase arriving at a location on a date."""

    __tablename__ = "planned_receipt"
    __table_args__ = (UniqueConstraint("sku", "location", "date", name="uq_planned_receipt_key"),)

    id: int | None = Field(default=None, primary_key=True)
    sku: str = Field(foreign_key="product.sku", max_length=64)
    location: str = Field(foreign_key="location.code", max_length=64)
    date: dt.date
    quantity: float


class OpenOrder(SQLModel, table=True):
    """A customer order line not yet shipped (already promised)."""

    __tablename__ = "open_order"

    order_id: str = Field(primary_key=True, max_length=64)
    customer: str = Field(max_length=200)
    sku: str = Field(foreign_key="product.sku", max_length=64, index=True)
    quantity: float
    due_date: dt.date
    location: str | None = Field(default=None, foreign_key="location.code", max_length=64)
    territory: str | None = Field(default=None, foreign_key="territory.code", max_length=64)
    rep: str | None = Field(default=None, foreign_key="person.slack_user_id", max_length=32)


class Quota(SQLModel, table=True):
    """A sales target for a rep or a territory over a period; every change is a new version."""

    __tablename__ = "quota"
    __table_args__ = (
        Index(
            "ux_quota_version",
            "period",
            text("coalesce(rep, '')"),
            text("coalesce(territory, '')"),
            text("coalesce(family, '')"),
            "version",
            unique=True,
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    period: str = Field(max_length=7, index=True)  # YYYY-MM, YYYY-Qn or YYYY
    rep: str | None = Field(default=None, foreign_key="person.slack_user_id", max_length=32)
    territory: str | None = Field(default=None, foreign_key="territory.code", max_length=64)
    family: str | None = Field(default=None, max_length=64)
    version: int = 1
    target_units: float | None = None
    target_revenue: float | None = None
    source: str = Field(default="import", max_length=32)
    created_at: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class CommissionTier(SQLModel, table=True):
    """One tier of a sales commission plan (commission_plans.csv): from this attainment of
    the quota on, this rate of the revenue sold, and a bonus paid once on reaching it. A plan
    is a person's own (`person`) or a role's (`role`); '' where not given."""

    __tablename__ = "commission_tier"
    __table_args__ = (UniqueConstraint("person", "role", "from_attainment_pct"),)

    id: int | None = Field(default=None, primary_key=True)
    person: str = Field(default="", max_length=32)
    role: str = Field(default="", max_length=16)
    from_attainment_pct: float
    rate_pct: float
    bonus: float = 0.0


class AuditEntry(SQLModel, table=True):
    """Who changed what, when: every write Ponte makes leaves one of these."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False, index=True))
    actor: str = Field(max_length=64)
    action: str = Field(max_length=64, index=True)
    details: str = Field(sa_column=Column(Text, nullable=False))
    # What the entry is about, for `ponte audit --entity`: "quota:2027-Q1:U01ROSSI:PENTOLE",
    # "quota_request:12"; None for imports, which touch whole files.
    entity: str | None = Field(default=None, max_length=200, index=True)


class ForecastRun(SQLModel, table=True):
    """One run of `ponte forecast`: when, on what data, with which settings."""

    __tablename__ = "forecast_run"

    id: int | None = Field(default=None, primary_key=True)
    created_at: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    data_as_of: dt.date  # the last complete period of history the run saw
    grain: str = Field(max_length=8)
    horizon: int
    season_length: int
    engine: str = Field(max_length=16)
    series_count: int
    duration_seconds: float
    parameters: str = Field(sa_column=Column(Text, nullable=False))
    # Patterns, models and fallbacks counted over the run's series (JSON), stored with the
    # run so that no answer counts them again; NULL for runs made before it was stored.
    summary: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class ForecastSeries(SQLModel, table=True):
    """Per series of a run: which demand pattern, which model, how it validated."""

    __tablename__ = "forecast_series"

    run_id: int = Field(foreign_key="forecast_run.id", primary_key=True)
    unique_id: str = Field(primary_key=True, max_length=200)
    sku: str = Field(max_length=64, index=True)
    location: str = Field(default="", max_length=64)
    territory: str = Field(default="", max_length=64)
    pattern: str = Field(max_length=16)
    model: str = Field(max_length=120)
    validation_mase: float | None = None
    fallback: bool = False
    history_periods: int
    # On the held-out periods: the chosen model's absolute errors summed, and the sales they
    # were errors on (their ratio is the validation WAPE); None when nothing was held out.
    held_out_abs_error: float | None = None
    held_out_sales: float | None = None


class ForecastValue(SQLModel, table=True):
    """A run's forecast for one series and period, with its 80% and 95% intervals."""

    __tablename__ = "forecast_value"

    run_id: int = Field(foreign_key="forecast_run.id", primary_key=True)
    unique_id: str = Field(primary_key=True, max_length=200)
    ds: dt.date = Field(primary_key=True)
    forecast: float
    lo_80: float
    hi_80: float
    lo_95: float
    hi_95: float


class ForecastFamilyWeek(SQLModel, table=True):
    """A run's forecast demand per product family and week, summed from its SKUs when the
    run is stored: capacity and ATP answers read 26 rows instead of every SKU's forecast.
    `spread2` is the square of the family total's 95% half-width: the SKUs' half-widths
    combined for errors correlated as the run measured for the family (ForecastFamily;
    planning.forecast.ranges), in quadrature where it could not."""

    __tablename__ = "forecast_family_week"

    run_id: int = Field(foreign_key="forecast_run.id", primary_key=True)
    family: str = Field(primary_key=True, max_length=64)
    ds: dt.date = Field(primary_key=True)
    demand: float
    spread2: float


class ForecastFamily(SQLModel, table=True):
    """How much a run's errors moved together across a family's series on the held-out
    weeks (0 independent, 1 as one; planning.forecast.ranges.error_correlation); family ''
    is every series of the run together. A family without a row counts as independent."""

    __tablename__ = "forecast_family"

    run_id: int = Field(foreign_key="forecast_run.id", primary_key=True)
    family: str = Field(primary_key=True, max_length=64)
    error_correlation: float


class ForecastAdjustment(SQLModel, table=True):
    """A week of a series' history a run did not learn from as it was (a promotion or a
    one-off spike, planning.forecast.promotions): what sold, and the usual level the models
    saw instead. The forecast's explanation says which weeks were not repeated."""

    __tablename__ = "forecast_adjustment"

    run_id: int = Field(foreign_key="forecast_run.id", primary_key=True)
    unique_id: str = Field(primary_key=True, max_length=200)
    ds: dt.date = Field(primary_key=True)
    actual: float
    used: float
    reason: str = Field(max_length=16)


class ProcessedEvent(SQLModel, table=True):
    """An event Ponte has taken on (a Slack event id), so that a retry is not answered twice."""

    __tablename__ = "processed_event"

    event_id: str = Field(primary_key=True, max_length=128)
    source: str = Field(max_length=16)  # slack
    received_at: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class PendingWork(SQLModel, table=True):
    """A question (or button, command, Home tab) someone asked Ponte, from the moment Slack
    was acknowledged until the answer is posted: whichever process holds its lease works on
    it; when the lease runs out (the process stopped), another one takes it over."""

    __tablename__ = "pending_work"
    __table_args__ = (Index("ix_pending_work_state_lease", "state", "lease_until"),)

    key: str = Field(primary_key=True, max_length=200)  # event id, or trigger id
    kind: str = Field(max_length=32)  # what to do with the payload: mention, dm, command...
    payload: str = Field(sa_column=Column(Text, nullable=False))  # Slack's body, as JSON
    state: str = Field(max_length=16)  # pending, working, done
    owner: str | None = Field(default=None, max_length=128)  # the process holding the lease
    lease_until: dt.datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    attempts: int = 0
    apologized: bool = False  # the asker was told the database is down: say it once
    received_at: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    done_at: dt.datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )


class ConversationState(SQLModel, table=True):
    """What a chat remembers between messages (what Ponte asked back, a write awaiting a
    yes, the last call answered), shared by every process, forgotten after `expires_at`."""

    __tablename__ = "conversation_state"

    key: str = Field(primary_key=True, max_length=300)
    state: str = Field(sa_column=Column(Text, nullable=False))  # JSON
    expires_at: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class Alert(SQLModel, table=True):
    """One episode of a problem an alert rule found (planning.alerts): what, how much money
    is at stake, and where it stands. At most one per fingerprint is not resolved."""

    __tablename__ = "alert"
    __table_args__ = (
        Index(
            "ux_alert_open",
            "fingerprint",
            unique=True,
            sqlite_where=text("status != 'resolved'"),
            postgresql_where=text("status != 'resolved'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    fingerprint: str = Field(max_length=300, index=True)  # rule:entity:period
    rule: str = Field(max_length=32)
    kind: str = Field(max_length=32)
    entity: str = Field(max_length=200)
    period: str = Field(max_length=16)
    family: str | None = Field(default=None, max_length=64)
    sku: str | None = Field(default=None, max_length=64)
    location: str | None = Field(default=None, max_length=64)
    plant: str | None = Field(default=None, max_length=64)
    severity: str = Field(max_length=8)
    money: float
    numbers: str = Field(sa_column=Column(Text, nullable=False))  # JSON
    status: str = Field(max_length=16, index=True)  # open | acknowledged | snoozed | resolved
    first_seen: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    last_seen: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    resolved_at: dt.datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    snoozed_until: dt.date | None = None
    assigned_to: str | None = Field(default=None, max_length=32)
    acknowledged_by: str | None = Field(default=None, max_length=32)
    acknowledged_at: dt.datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    notify: bool = True  # waiting to be (re-)notified
    notified_kind: str | None = Field(default=None, max_length=32)
    notified_severity: str | None = Field(default=None, max_length=8)
    channel: str | None = Field(default=None, max_length=64)
    message_ts: str | None = Field(default=None, max_length=32)
    version: int = 1  # every change adds one: a conditional update's guard


class AlertEvent(SQLModel, table=True):
    """What happened to an alert, who did it and when: appended, never changed."""

    __tablename__ = "alert_event"

    id: int | None = Field(default=None, primary_key=True)
    alert_id: int = Field(foreign_key="alert.id", index=True)
    at: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    actor: str = Field(max_length=64)
    action: str = Field(max_length=32)
    details: str = Field(sa_column=Column(Text, nullable=False))  # JSON


class QuotaRequest(SQLModel, table=True):
    """A request to change one quota, made against the version it changes, and its decision.

    `version` guards every change (a conditional update): a double click or two approvers at
    once decide it exactly once. The request's trail is in audit_log (entity
    "quota_request:<id>"), which nothing updates or deletes."""

    __tablename__ = "quota_request"

    id: int | None = Field(default=None, primary_key=True)
    period: str = Field(max_length=7)
    rep: str | None = Field(default=None, max_length=32)
    territory: str | None = Field(default=None, max_length=64)
    family: str | None = Field(default=None, max_length=64)
    base_version: int  # the quota version the request changes
    units_before: float | None = None
    revenue_before: float | None = None
    target_units: float | None = None
    target_revenue: float | None = None
    reason: str = Field(sa_column=Column(Text, nullable=False))  # verbatim, escaped when shown
    requested_by: str = Field(max_length=32)
    approver: str = Field(max_length=32)  # who is asked (any admin may decide too)
    status: str = Field(max_length=16, index=True)  # pending|approved|rejected|changes|expired
    created_at: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    decided_by: str | None = Field(default=None, max_length=32)
    decided_at: dt.datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    decision_note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    reminded_at: dt.datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    # Slack delivery: the approver's message (updated with the outcome), and whether the
    # approver and the requester have been told what they are waiting for.
    channel: str | None = Field(default=None, max_length=64)
    message_ts: str | None = Field(default=None, max_length=32)
    approver_told: bool = False
    requester_told: bool = True  # nothing to tell until a decision
    version: int = 1
    # "change" (one quota) or "allocation": a family's quotas split across territories,
    # `lines` (JSON: territory, units, the version each follows) decided as one change set.
    kind: str = Field(default="change", max_length=16)
    lines: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class ScheduledJob(SQLModel, table=True):
    """APScheduler's job store (bot.jobs), in Ponte's database so that every process sees
    one schedule: created by a migration like every other table, in the shape APScheduler's
    SQLAlchemyJobStore expects."""

    __tablename__ = "apscheduler_jobs"

    id: str = Field(sa_column=Column(Unicode(191), primary_key=True))
    next_run_time: float | None = Field(default=None, sa_column=Column(Float(25), index=True))
    job_state: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Feedback(SQLModel, table=True):
    """What a customer told someone, verbatim, with what Ponte read in it (planning.feedback).

    `text` is stored as written and escaped whenever it is shown. One Slack message is one
    record (unique channel + message ts): saving it twice, from a shortcut and a reaction,
    finds the first. Edits and deletions are conditional on `version` and audited (entity
    "feedback:<id>"); a deleted item keeps its row, hidden from every read."""

    __tablename__ = "feedback"
    __table_args__ = (
        UniqueConstraint("channel", "message_ts", name="uq_feedback_message"),
        # Items about a whole family (most name products): few, found by this alone.
        Index(
            "ix_feedback_family",
            "family",
            sqlite_where=text("family IS NOT NULL"),
            postgresql_where=text("family IS NOT NULL"),
        ),
        # Every search reads the items of a period through this index alone (a search over
        # 100,000 items would otherwise read each wide row): live items only.
        Index(
            "ix_feedback_live",
            "created_at", "sentiment", "theme_mask", "customer", "author", "family",
            "customer_text", "competitors", "id",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )  # fmt: skip

    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    language: str = Field(max_length=2)
    sentiment: str = Field(max_length=8)  # negative | neutral | positive
    score: float = 0.0
    theme_mask: int = 0  # the themes read in it, one bit each (planning.feedback.enrich.THEMES)
    customer: str | None = Field(default=None, max_length=200)  # as named in the sales data
    customer_text: str | None = Field(default=None, max_length=200)  # named, but unmatched
    family: str | None = Field(default=None, max_length=64)  # about a whole family
    competitors: str | None = Field(default=None, max_length=500)  # "; "-separated
    author: str = Field(max_length=32)  # Slack user id of who saved it
    source: str = Field(max_length=16)  # chat | modal | shortcut | reaction | import
    channel: str | None = Field(default=None, max_length=64)
    message_ts: str | None = Field(default=None, max_length=32)
    permalink: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    # What full-text search reads: the text folded (no accents, lower case).
    search_text: str = Field(sa_column=Column(Text, nullable=False))
    edited_at: dt.datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    deleted_at: dt.datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    version: int = 1


class FeedbackProduct(SQLModel, table=True):
    """A product a feedback item is about (several per item), with the item's date: the most
    named products of a period are counted here without reading the items."""

    __tablename__ = "feedback_product"
    __table_args__ = (Index("ix_feedback_product_created", "created_at", "feedback_id", "sku"),)

    feedback_id: int = Field(foreign_key="feedback.id", primary_key=True)
    sku: str = Field(primary_key=True, max_length=64, index=True)
    created_at: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class ForecastNote(SQLModel, table=True):
    """What a rep expects beside the statistical forecast ("+500 from ACME in January"):
    stored and shown in the demand review, never applied to the forecast."""

    __tablename__ = "forecast_note"

    id: int | None = Field(default=None, primary_key=True)
    sku: str | None = Field(default=None, max_length=64, index=True)
    family: str | None = Field(default=None, max_length=64, index=True)
    customer: str | None = Field(default=None, max_length=200)
    period: str = Field(max_length=7)  # YYYY-MM
    quantity: float  # units more (or, negative, fewer) than the forecast
    note: str = Field(sa_column=Column(Text, nullable=False))
    author: str = Field(max_length=32)
    created_at: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    deleted_at: dt.datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
