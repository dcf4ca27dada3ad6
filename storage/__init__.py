"""Persistence: the schema, its migrations, queries per register, and Excel exchange."""
