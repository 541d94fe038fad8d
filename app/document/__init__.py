"""The open project: domain objects, their file and the undo stack (the only door for change)."""

from app.document.document import Document, ReadOnlyError

__all__ = ["Document", "ReadOnlyError"]
