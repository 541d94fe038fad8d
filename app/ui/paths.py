"""Names of the bundled resources the window uses (found through app.resources)."""

from __future__ import annotations

from app.resources import resource, resources_dir

__all__ = ["PROJECT_SUFFIX", "SAMPLE_NAME", "TRANSLATION_BASENAME", "resource",
           "resources_dir"]

SAMPLE_NAME = "online-shop.cjm"
TRANSLATION_BASENAME = "journey_studio"
PROJECT_SUFFIX = ".cjm"
