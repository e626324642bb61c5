"""Ponte's planning core: domain model, import, forecasting, projection, capacity, quotas.

Pure Python + pandas + SQLModel. It never imports Slack, LangChain or APScheduler, and never
reads the clock or the environment: time and settings are passed in.
"""
