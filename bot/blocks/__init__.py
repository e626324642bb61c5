"""Block Kit builders: pure functions from result cards to Slack blocks (plain data)."""
