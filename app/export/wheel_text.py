"""The words the experience wheel draws, shared by the PDF page and the Qt painter.

Marked with `msg` so the catalogue check finds them; each caller translates them with
its own `Texts` (the export's language, which may differ from the window's).
"""

from __future__ import annotations

from app.domain.model import Phase
from app.domain.wheel import Face
from app.export.i18n import Texts, msg

PHASE_LABELS = {Phase.BEFORE: msg("Before"), Phase.DURING: msg("During"),
                Phase.AFTER: msg("After")}
FACE_LABELS = {Face.HAPPY: msg("Happy"), Face.NEUTRAL: msg("Neutral"), Face.SAD: msg("Sad"),
               Face.ANGRY: msg("Angry")}
# Light fill and text colour of each phase band: blue, amber, green (distinct in greyscale
# by their labels, which every band carries).
PHASE_COLORS = {Phase.BEFORE: ("#DCE8F5", "#1F4E79"), Phase.DURING: ("#FBE8CC", "#7A4A00"),
                Phase.AFTER: ("#DDF0E2", "#1B5E33")}
PAIN_COLOR = "#C0392B"


def phase_label(tx: Texts, phase: Phase) -> str:
    """The phase's name in the export's language."""
    return tx(PHASE_LABELS[phase])


def face_label(tx: Texts, face: Face | None) -> str:
    """The face's name, or "No markers" for a stage without an emotion."""
    return tx(FACE_LABELS[face]) if face is not None else tx("No markers")


def title(tx: Texts) -> str:
    """The wheel's heading."""
    return tx("Experience wheel")
