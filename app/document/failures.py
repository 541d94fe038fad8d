"""What a failed operation is, in one line: a refusal of the model or a write that failed.

The document rolls the model back to what the file holds before anyone hears of a
failure; this module only names the failures a user operation may meet and words them.
The GUI shows them through app.ui.failures; the CLI prints `error: …` in app.cli.main.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.domain.validation import DomainError
from app.storage.errors import StorageError, one_line

# What a user operation may meet and survive: the model refused the change, or the file
# could not take it. Anything else is a bug and is left to surface as one.
OPERATION_ERRORS: tuple[type[Exception], ...] = (DomainError, StorageError, OSError,
                                                 sqlite3.Error)


def tr(text: str) -> str:
    """Translate a failure message."""
    return QCoreApplication.translate("failures", text)


def reason_of(error: BaseException) -> str:
    """The error's own words, as one line."""
    if isinstance(error, OSError) and error.strerror:
        return one_line(error.strerror)
    return one_line(error) or type(error).__name__


@dataclass(frozen=True)
class Failure:
    """A user operation that did not happen; the model still equals the file."""

    step: str  # what was tried: "Undo", "Delete 2 items"… (may be empty)
    reason: str  # one line
    refused: bool  # True: the model refused it before anything was written

    @property
    def message(self) -> str:
        """One line of truth for the user."""
        if self.refused:
            return self.reason[:1].upper() + self.reason[1:]
        template = (tr("%1 failed: %2; nothing was changed.") if self.step
                    else tr("The change failed: %2; nothing was changed."))
        return template.replace("%1", self.step).replace("%2", self.reason)


def failure_of(error: BaseException, step: str = "") -> Failure:
    """Describe an error met by a user operation."""
    from app.storage.server.errors import ConflictError

    # Someone else's newer change is said as it is, like a refusal: nothing failed here.
    refused = isinstance(error, (DomainError, ConflictError))
    return Failure(step, reason_of(error), refused)
