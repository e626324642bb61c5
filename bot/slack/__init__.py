"""Ponte as a Slack app: the bolt App, its listeners, and the two ways to serve it."""
