"""The local shell: a chat with Ponte in the terminal, as a given Slack user.

The same engine as Slack (tools.assistant); the conversation remembers the question Ponte
asked back, so "2" or "PAD-28" on the next line answers it. Lines starting with "/" are
shell commands: /as USER to switch person, /whoami, /today, /quit. A forecast, projection or
capacity answer also saves its chart as a PNG and prints the path.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from bot.render.cards import card
from bot.render.console import show
from planning.access import identify
from planning.errors import PonteError
from tools.assistant import Assistant, Conversation, Outcome

HELP = (
    "Ask in English or Italian. /as USER_ID switches person, /whoami shows who you are, "
    "/quit (or Ctrl-D) leaves."
)


class Shell:
    def __init__(
        self,
        assistant: Assistant,
        console: Console,
        *,
        user: str,
        today: Callable[[], dt.date],
        now: Callable[[], dt.datetime],
        chart_dir: Path | None = None,
    ) -> None:
        self.assistant = assistant
        self.chart_dir = chart_dir or Path(tempfile.gettempdir()) / "ponte-charts"
        self.console = console
        self.user = user
        self.today = today
        self.now = now
        self.conversation = Conversation()

    def whoami(self) -> str:
        try:
            caller = identify(self.assistant.engine, self.user)
        except PonteError:
            return f"You are {self.user}, who is not in the people list."
        return (
            f"You are {caller.name} ({caller.slack_user_id}, {caller.role}, "
            f"language {caller.language}); reasoning as of {self.today()}."
        )

    def handle(self, line: str) -> bool:
        """Answer one line; False when the user wants to leave."""
        command, _, rest = line.strip().partition(" ")
        if command in ("/quit", "/exit", "/q"):
            return False
        if command == "/as":
            if not rest.strip():
                self.console.print("Usage: /as SLACK_USER_ID (e.g. /as U01MARCHI)")
                return True
            self.user = rest.strip()
            self.conversation = Conversation()
            self.console.print(self.whoami(), highlight=False)
            return True
        if command == "/whoami":
            self.console.print(self.whoami(), highlight=False)
            return True
        if command in ("/help", "/?"):
            self.console.print(HELP)
            return True
        outcome = self.assistant.ask(
            line,
            user=self.user,
            today=self.today(),
            now=self.now(),
            conversation=self.conversation,
        )
        show(self.console, card(outcome))
        self.save_chart(outcome)
        return True

    def save_chart(self, outcome: Outcome) -> Path | None:
        """Save the answer's chart (forecast, projection, capacity) and say where it is."""
        from bot.charts.pick import chart_for

        chart = chart_for(outcome, self.assistant.engine)
        if chart is None:
            return None
        self.chart_dir.mkdir(parents=True, exist_ok=True)
        path = self.chart_dir / chart.filename
        path.write_bytes(chart.png)
        label = "Grafico" if outcome.language == "it" else "Chart"
        self.console.print(f"{label}: {path}", highlight=False, soft_wrap=True)
        return path

    def run(self, read: Callable[[str], str] = input) -> None:
        with contextlib.suppress(ImportError):  # Windows has no readline
            import readline  # noqa: F401  (line editing and history for input())
        self.console.print(self.whoami(), highlight=False)
        self.console.print(HELP)
        while True:
            try:
                line = read("ponte> ")
            except (EOFError, KeyboardInterrupt):
                self.console.print()
                return
            if line.strip() and not self.handle(line):
                return
