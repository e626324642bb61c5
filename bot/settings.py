"""Settings, read once from the environment at start-up and passed down."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

if TYPE_CHECKING:
    from planning.alerts.delivery import Delivery
    from planning.alerts.rules import AlertSettings

DEFAULT_DATABASE_URL = "sqlite:///ponte.db"
DEFAULT_ALERTS_FILE = "ponte-alerts.toml"


class Settings(BaseSettings):
    """Everything Ponte reads from the environment (or a .env file in the working directory)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # SQLite file `ponte.db` in the working directory unless DATABASE_URL says otherwise.
    database_url: str = DEFAULT_DATABASE_URL
    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    # The Web API base URL (GovSlack, a proxy, or a local mock in tests and benchmarks).
    slack_api_url: str = "https://slack.com/api/"
    # HTTP mode listens here, at /slack/events (and /health for load balancers).
    port: int = 3000
    # After this many seconds without an answer, Slack shows "working on it" first.
    ponte_working_after: float = 2.0
    # On SIGTERM: seconds to finish the answers in progress before handing the rest back
    # (keep Kubernetes' terminationGracePeriodSeconds a few seconds longer).
    ponte_drain_seconds: float = 20.0
    # Processes answering Slack beside the one acknowledging it (bot.slack.answerers); 0
    # answers in the acknowledging process itself (lighter, but acks wait behind answers).
    ponte_answerers: int = Field(1, ge=0, le=32)
    # Where the shell saves charts; None = ponte-charts in the system's temporary directory.
    ponte_chart_dir: Path | None = None
    # The date Ponte reasons from (PONTE_TODAY); None means the real today.
    ponte_today: dt.date | None = None
    # The Slack user id the shell and `ponte ask` act as when --as is not given.
    ponte_as: str | None = None
    # Optional LLM agent, as provider:model (e.g. openai:gpt-4o-mini); None = router only.
    ponte_llm: str | None = None
    ponte_llm_timeout: float = 20.0
    ponte_company: str = "the company"
    # The alerts file (TOML): thresholds, per-family overrides; None = ponte-alerts.toml in
    # the working directory when there is one, else the defaults (README, Alerts).
    ponte_alerts: Path | None = None
    # Quota change requests: the approver is reminded after this many days without a
    # decision, and the request expires after this many (the requester is told).
    ponte_quota_remind_days: int = Field(2, ge=1, le=90)
    ponte_quota_expire_days: int = Field(7, ge=1, le=365)
    # Customer feedback: the company's competitors ("Ballarini; Lagostina"), named in
    # feedback as competitor mentions; the emoji whose reaction saves a message as feedback
    # (None: reactions save nothing); the channels of the weekly digests (None: not sent).
    ponte_competitors: str = ""
    ponte_feedback_emoji: str | None = None
    ponte_digest_ops_channel: str | None = None
    ponte_digest_marketing_channel: str | None = None

    def competitors(self) -> tuple[str, ...]:
        return tuple(c.strip() for c in self.ponte_competitors.split(";") if c.strip())

    def alerts_file(self) -> tuple[Path, dict[str, Any]]:
        """The alerts file's path and tables ({} without a file)."""
        from planning.errors import PonteError

        path = self.ponte_alerts or Path(DEFAULT_ALERTS_FILE)
        if self.ponte_alerts is None and not path.exists():
            return path, {}
        try:
            with path.open("rb") as handle:
                return path, tomllib.load(handle)
        except OSError as exc:
            raise PonteError(f"cannot read the alerts file {path}: {exc.strerror}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise PonteError(f"the alerts file {path} is not valid TOML: {exc}") from exc

    def alert_settings(self) -> AlertSettings:
        """The alert thresholds from the alerts file's [thresholds]; a PonteError naming
        the file and the problem when it cannot be read."""
        from planning.alerts.rules import AlertSettings
        from planning.errors import PonteError

        path, data = self.alerts_file()
        try:
            return AlertSettings.from_mapping(data.get("thresholds", {}))
        except PonteError as exc:
            raise PonteError(f"the alerts file {path}: {exc}") from exc

    def alert_delivery(self) -> Delivery:
        """Where alerts are posted: the alerts file's [delivery]."""
        from planning.alerts.delivery import Delivery
        from planning.errors import PonteError

        path, data = self.alerts_file()
        try:
            return Delivery.from_mapping(data.get("delivery", {}))
        except PonteError as exc:
            raise PonteError(f"the alerts file {path}: {exc}") from exc

    @property
    def slack_mode(self) -> Literal["socket", "http"] | None:
        """Socket Mode with an app token, HTTP mode with a signing secret, else None."""
        if self.slack_bot_token is None:
            return None
        if self.slack_app_token is not None:
            return "socket"
        return "http" if self.slack_signing_secret is not None else None


class Clock:
    """The one place that reads the clock; `today` may be pinned for replays and demos."""

    def __init__(self, pinned_today: dt.date | None = None) -> None:
        self.pinned_today = pinned_today

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        return self.pinned_today or dt.datetime.now().date()

    def as_of_today(self) -> dt.datetime:
        """When a result computed for `today` is dated: now, or with `today` pinned, that day
        at the current time (a forecast made "as if" 27 November says so, not the day it
        ran). Leases, audit entries and expiries keep the real `now`."""
        now = self.now()
        if self.pinned_today is None:
            return now
        return dt.datetime.combine(self.pinned_today, now.timetz())
