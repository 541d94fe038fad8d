"""Unexpected errors in the editor: a dialog the user can act on, and a log file.

An exception nobody caught (in a slot, an event handler, a worker thread) is written to
`journey-studio.log` in the user's data folder and shown in a dialog with a short message
and "Copy Details"; the editor keeps running. A fatal signal (a crash inside Qt, an abort)
cannot be caught: `faulthandler` writes the Python stack of every thread into the same
log first.
"""

from __future__ import annotations

import faulthandler
import platform
import sys
import threading
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

LOG_NAME = "journey-studio.log"
LOG_LIMIT = 1 << 20  # a log past 1 MiB is moved to .old at the next start


def tr(text: str) -> str:
    """Translate in the crash dialog's context."""
    return QCoreApplication.translate("Crash", text)


def _versions() -> str:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    from app import __version__

    return (f"Journey Studio {__version__}, Python {platform.python_version()}, "
            f"PySide6 {pyside}, Qt {qVersion()}, {platform.platform()}")


def summary(error: BaseException) -> str:
    """The error in one short line: its kind and its message."""
    text = " ".join(str(error).split())
    text = text if len(text) <= 200 else text[:199] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class CrashDialog(QDialog):
    """What the user sees: the short message, where the log is, and Copy Details."""

    def __init__(self, message: str, details: str, log_path: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(tr("Something Went Wrong"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.details = details
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        text = tr("Journey Studio hit an unexpected error. Every change you made before it "
                  "is saved; the last action may not have finished.")
        self.message = QLabel(f"<b>{_escape(text)}</b><br><br>{_escape(message)}")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where = (tr("The details were written to %1. Please send them with a note of what you "
                    "were doing.").replace("%1", str(log_path)) if log_path else
                 tr("The details could not be written to a log file; copy them instead."))
        self.where = QLabel(_escape(where))
        self.where.setWordWrap(True)
        self.copy_button = QPushButton(tr("Copy Details"))
        self.copy_button.clicked.connect(self.copy_details)
        close = QPushButton(tr("Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(close)
        body = QVBoxLayout()
        body.addWidget(self.message)
        body.addWidget(self.where)
        row = QHBoxLayout()
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(body, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)

    def copy_details(self) -> None:
        """Put the versions and the traceback on the clipboard."""
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(tr("Copied"))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CrashReporter(QObject):
    """Installed once per process by `install`; reports errors from any thread."""

    _report = Signal(str, str)  # message, details: crosses to the GUI thread

    def __init__(self, log_path: Path | None) -> None:
        super().__init__()
        self.log_path = log_path
        # What install() replaced, for uninstall().
        self.previous = (sys.excepthook, threading.excepthook, faulthandler.is_enabled())
        self.dialog: CrashDialog | None = None
        self._log: IO[str] | None = None
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def open_log(self) -> None:
        """Open the log for appending (a big one is moved aside) and let faulthandler use it."""
        if self.log_path is None:
            return
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            if self.log_path.exists() and self.log_path.stat().st_size > LOG_LIMIT:
                self.log_path.replace(self.log_path.with_suffix(".log.old"))
            self._log = open(self.log_path, "a", encoding="utf-8")  # noqa: SIM115 - kept open
        except OSError:
            self.log_path = None
            return
        self._write(f"started: {_versions()}\n")
        faulthandler.enable(file=self._log, all_threads=True)

    def _write(self, text: str) -> None:
        if self._log is None:
            return
        try:
            self._log.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {text}")
            self._log.flush()
        except (OSError, ValueError):
            pass  # a full disk or a closed log: the dialog still shows

    def report(self, kind: type[BaseException], error: BaseException,
               trace: TracebackType | None) -> None:
        """Log the error and show the dialog (from the GUI thread, whichever thread this is)."""
        lines = "".join(traceback.format_exception(kind, error, trace))
        details = f"{_versions()}\n{lines}"
        self._write(f"unexpected error:\n{details}")
        self._report.emit(summary(error), details)

    def _show(self, message: str, details: str) -> None:
        if QApplication.instance() is None:
            return
        if self.dialog is not None:  # one dialog at a time; the log has every error
            return
        parent = QApplication.activeWindow()
        self.dialog = CrashDialog(message, details, self.log_path, parent)
        self.dialog.finished.connect(self._closed)
        self.dialog.show()

    def _closed(self, _result: int) -> None:
        self.dialog = None

    def uninstall(self) -> None:
        """Put the previous hooks back and close the log (tests)."""
        global _installed
        sys.excepthook, threading.excepthook, fault_was_on = self.previous
        if self._log is not None:
            faulthandler.disable()
            self._log.close()
            self._log = None
            if fault_was_on:
                faulthandler.enable(file=sys.__stderr__ or sys.stderr)
        _installed = None


_installed: CrashReporter | None = None


def install(log_folder: Path | None) -> CrashReporter:
    """Route uncaught exceptions to the log and the dialog; faulthandler to the log."""
    global _installed
    if _installed is not None:
        return _installed
    reporter = CrashReporter(log_folder / LOG_NAME if log_folder is not None else None)
    reporter.open_log()

    def hook(kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        sys.__excepthook__(kind, error, trace)  # the terminal sees it too
        reporter.report(kind, error, trace)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    _installed = reporter
    return reporter
