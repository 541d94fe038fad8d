"""Tests of issue 5: personas, maps, compare, snapshots and insights."""
