"""Questions and messages to the user, in one place so tests can answer them."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before something destructive; `action` names the confirming button."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel,
                      parent)
    accept = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is accept


def ask_yes_no(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    """A two-way question with named answers; True for `yes`."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(accept)
    box.exec()
    return box.clickedButton() is accept


def choose(parent: QWidget | None, title: str, text: str, answers: list[str]) -> int | None:
    """A question with several named answers (the first is the default); its index, or
    None when the dialog was closed or the last answer (the cancel one) was chosen."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    buttons = [box.addButton(answer, QMessageBox.ButtonRole.AcceptRole)
               for answer in answers[:-1]]
    buttons.append(box.addButton(answers[-1], QMessageBox.ButtonRole.RejectRole))
    box.setDefaultButton(buttons[0])
    box.exec()
    clicked = box.clickedButton()
    index = next((i for i, b in enumerate(buttons) if b is clicked), None)
    return None if index is None or index == len(buttons) - 1 else index


def error(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    """Tell the user something failed, in words, with optional details."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    if detail:
        box.setInformativeText(detail)
    box.exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning in one line with an OK button (app.ui.failures uses it)."""
    QMessageBox.warning(parent, title, text)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """A plain notice with an OK button."""
    QMessageBox.information(parent, title, text)
