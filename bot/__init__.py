"""Ponte's front doors: the CLI, the local shell and (later) the Slack app. Thin adapters only."""
