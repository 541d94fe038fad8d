"""document layer."""
