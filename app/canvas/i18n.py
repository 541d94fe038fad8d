"""Translation of the canvas's user-visible strings (context "canvas")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


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
