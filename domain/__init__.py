"""Pure business rules of the sales console: no Qt, no SQLAlchemy, no files."""
