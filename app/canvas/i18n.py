"""Translation of the canvas's user-visible strings.

Two kinds: the editor's own words (menus, hints, tooltips) speak the interface's
language through Qt (`tr`, context "canvas"); the labels the map draws itself ("Target
40", "12 cards", "Current state") speak the map's language through the export catalogue
(`drawn`), so a PNG or SVG of a Vietnamese map says "Mục tiêu 40" whatever the interface
speaks, and each label has one translation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.export.i18n import CatalogueError, Texts, texts_for


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate a canvas string through Qt (the .ts files carry the context "canvas")."""
    return QCoreApplication.translate("canvas", text, disambiguation, n)


def trn(text: str, n: int) -> str:
    """A plural string ("%n card(s)"); without a translation, English plural rules apply."""
    result = tr(text, None, n)
    if "(s)" in result:
        result = result.replace("(s)", "" if n == 1 else "s")
    return result


def emotion_name(score: int) -> str:
    """The name of an emotion score, translated."""
    names = {-2: tr("Very negative"), -1: tr("Negative"), 0: tr("Neutral"), 1: tr("Positive"),
             2: tr("Very positive")}
    return names[max(-2, min(2, score))]


def evidence_name(value: str) -> str:
    """The name of an evidence level, translated."""
    return {"observed": tr("Observed"), "assumed": tr("Assumed"),
            "proposed": tr("Proposed")}.get(value, value)


def texts_of(item) -> Texts:
    """The language `item` draws its labels in: its scene's (see MapScene.texts).

    English when the scene's catalogue cannot be read: a paint must never fail (an
    export checks the catalogue first and says what is wrong)."""
    try:
        texts = getattr(item.scene(), "texts", None)
    except CatalogueError:
        texts = None
    return texts if isinstance(texts, Texts) else texts_for("en")


def drawn(item, source: str, /, **fields: object) -> str:
    """A label the map draws (not an editor word), in the map's language."""
    return texts_of(item)(source, **fields)


def connector_kind_name(kind: str) -> str:
    """The name of a connector kind, translated."""
    return {"flow": tr("Flow"), "loop_back": tr("Loop back"), "branch": tr("Branch"),
            "handoff": tr("Handoff"), "dependency": tr("Dependency")}.get(str(kind), str(kind))
