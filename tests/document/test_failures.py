"""The one line a user reads when an operation fails, and whether it counts as a refusal."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from app.document.failures import OPERATION_ERRORS, Failure, failure_of, reason_of
from app.domain.validation import DomainError
from app.storage.errors import StorageError


def test_a_full_disk_names_the_step_and_says_nothing_changed():
    error = OSError(errno.ENOSPC, "No space left on device", "/tmp/x.cjm")
    failure = failure_of(error, "Undo")
    assert failure == Failure("Undo", "No space left on device", False)
    assert failure.message == "Undo failed: No space left on device; nothing was changed."


def test_without_a_step_the_message_speaks_of_the_change():
    failure = failure_of(StorageError("disk I/O error\n  at page 3"))
    assert failure.reason == "disk I/O error at page 3"  # one line
    assert failure.message == "The change failed: disk I/O error at page 3; nothing was changed."


def test_a_refusal_of_the_model_is_its_own_sentence():
    failure = failure_of(DomainError("title must not be empty"), "Rename")
    assert failure.refused
    assert failure.message == "Title must not be empty"


def test_a_reason_comes_from_the_text_of_errors_without_strerror():
    assert reason_of(OSError("the folder is read-only")) == "the folder is read-only"
    assert reason_of(sqlite3.OperationalError()) == "OperationalError"
    assert reason_of(StorageError("")) == "StorageError"


@pytest.mark.parametrize("error", [DomainError("x"), StorageError("x"), OSError("x"),
                                   sqlite3.DatabaseError("x")], ids=lambda e: type(e).__name__)
def test_the_errors_an_operation_survives(error):
    assert isinstance(error, OPERATION_ERRORS)


def test_a_bug_is_not_an_operation_error():
    assert not isinstance(TypeError("x"), OPERATION_ERRORS)
    assert not isinstance(KeyError("x"), OPERATION_ERRORS)


def test_the_message_is_in_the_users_language(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from app.ui.i18n import translation_file

    translator = QTranslator()
    assert translator.load(translation_file("vi"))
    QCoreApplication.installTranslator(translator)
    try:
        failure = failure_of(OSError(errno.ENOSPC, "No space left on device"), "Hoàn tác")
        assert failure.message == (
            "Hoàn tác không thành công: No space left on device; không có gì bị thay đổi.")
        assert failure_of(StorageError("hỏng")).message == (
            "Thay đổi không thành công: hỏng; không có gì bị thay đổi.")
    finally:
        QCoreApplication.removeTranslator(translator)
