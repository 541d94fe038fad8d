"""Alembic migrations of the .cjm schema (a package so the files ship in the wheel)."""
