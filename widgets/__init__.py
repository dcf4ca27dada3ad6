"""Reusable views fed with plain data or Qt models: tables, filter bar, charts."""
