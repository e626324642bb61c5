"""Demand forecasting: weekly (or monthly) demand per SKU x location, with statsforecast."""
