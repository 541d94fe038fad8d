"""Tests of app.storage against real SQLite files."""
