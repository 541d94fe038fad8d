"""The main window's remembered layout and its "no maps yet" page.

Geometry, dock state and the docks folded to rails are kept in QSettings between starts
(not for a window made with remember=False, such as a screenshot's).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.settings import KEY_GEOMETRY, KEY_RAILS, KEY_STATE, settings

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def tr(text: str) -> str:
    """Translate in the main window's context (these strings were its own)."""
    return QCoreApplication.translate("MainWindow", text)


def restore_layout(window: MainWindow) -> None:
    """Put the window, its docks and rails back as the last start left them."""
    store = settings()
    geometry = store.value(KEY_GEOMETRY)
    if isinstance(geometry, QByteArray | bytes) and geometry:
        window.restoreGeometry(QByteArray(geometry))
    state = store.value(KEY_STATE)
    if isinstance(state, QByteArray | bytes) and state:
        window.restoreState(QByteArray(state))
    rails = store.value(KEY_RAILS)
    if isinstance(rails, str):  # one name comes back as a string from QSettings
        rails = [rails]
    if isinstance(rails, list):
        window.workspace.fold([str(name) for name in rails])


def save_layout(window: MainWindow) -> None:
    """Remember the window's geometry, docks and rails for the next start."""
    store = settings()
    store.setValue(KEY_GEOMETRY, window.saveGeometry())
    store.setValue(KEY_STATE, window.workspace.state_to_save())
    store.setValue(KEY_RAILS, window.workspace.folded())
    store.sync()


def make_no_map_page(window: MainWindow) -> QWidget:
    """The page shown for a project without maps: a line and a way to make one."""
    page = QWidget()
    label = QLabel(tr("This project has no maps yet."))
    label.setStyleSheet("font-size: 15px; color: #5F6670;")
    button = QPushButton(tr("New Map from Template…"))
    button.clicked.connect(lambda: window.maps_panel.new_map())
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
    layout.addStretch(1)
    return page
