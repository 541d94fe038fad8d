"""The composition root of the desktop editor: QApplication, fonts, translation, window."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.settings import APPLICATION, ORGANIZATION


def tr(text: str) -> str:
    """Translate in the application's context."""
    return QCoreApplication.translate("Main", text)


def load_fonts() -> None:
    """Register the bundled DejaVu fonts (every Vietnamese letter) once per process."""
    from app.canvas.text import load_fonts as load_bundled_fonts

    load_bundled_fonts()


def application() -> QApplication:
    """The QApplication, created with Journey Studio's name (QSettings' location)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    return app


BENCH_FIRST_PAINT = "JOURNEY_STUDIO_BENCH_FIRST_PAINT"


class _FirstPaint(QObject):
    """Calls `then` once, from the event loop, right after `window`'s first painted frame."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # The whole frame is painted and flushed in this same call: a zero timer set
            # now runs after it.
            QTimer.singleShot(0, self._then)
        return False


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Run `then` once the window has painted its first frame (never before)."""
    _FirstPaint(window, then)


def freeze_long_lived() -> None:
    """Take what lives as long as the open project out of the cyclic collector's rounds.

    The project's objects, the scene's items and their Qt wrappers, SQLAlchemy's tables:
    hundreds of thousands of objects that a full collection would walk (76 ms at 5,000
    cards, landing in whichever keystroke or drop set it off; 0.6 ms once frozen). Run
    once the window shows a project: what was frozen before is thawed and collected first,
    so a closed project's cycles are still freed.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _warm_up_storage() -> None:
    from app.storage import ProjectStore

    report = os.environ.get(BENCH_FIRST_PAINT)
    if report:
        _bench_record(report, "painted")
    ProjectStore.warm_up()
    freeze_long_lived()
    if report:
        _bench_record(report, "warmed")
        QApplication.quit()


def _bench_record(path: str, event: str) -> None:
    """For bench/cold_start.py and tests/ui/test_start.py: one JSON line about this moment.

    Set JOURNEY_STUDIO_BENCH_FIRST_PAINT=FILE and the editor appends to FILE when its first
    frame is painted and when the storage has warmed up, then quits. `monotonic` is the
    system-wide CLOCK_MONOTONIC, comparable with the launching process's clock.
    """
    import json
    import time

    line = {"event": event, "monotonic": time.monotonic(), "cpu": time.process_time(),
            "sqlalchemy": "sqlalchemy" in sys.modules, "frozen": gc.get_freeze_count(),
            "app_modules": sorted(name for name in sys.modules if name.startswith("app.")),
            "map_shown": any(type(w).__name__ == "MapView" for w in QApplication.allWidgets()
                             if w.isVisible())}
    with open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps(line) + "\n")


def _screenshot(window, path: str, size: tuple[int, int]) -> int:
    window.resize(*size)
    window.show()
    for _ in range(3):  # layout, the deferred scroll home and the first paint
        QApplication.processEvents()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from app.export.atomic import write_bytes_atomically

    # Encoded in memory, then written by the checked atomic writer: Qt's own file writing
    # would not report a full disk.
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not window.grab().save(buffer, "PNG"):
        print(f"error: could not make the screenshot {path}", file=sys.stderr)
        return 2
    try:
        write_bytes_atomically(path, bytes(data.data()))
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


def run_gui(path: str | None, *, read_only: bool = False, screenshot: str | None = None,
            map_name: str | None = None, size: tuple[int, int] = (1600, 1000),
            sample: bool = False, present_stage: int | None = None,
            view_name: str | None = None) -> int:
    """Run the editor on `path` (or the sample); with `screenshot`, save a PNG and return.

    Without a path the window shows its start page, unless `sample` asks for the user's
    copy of the bundled sample (what `scripts/dev.sh run` opens). `present_stage` (1 =
    the first stage) starts presentation mode on that stage; `view_name` applies that
    saved view of the shown map (its filter, hidden lanes and zoom, on the room's picture
    too).
    """
    app = application()
    load_fonts()
    from app.ui.i18n import current_language, install_translation
    from app.ui.main_window import MainWindow
    from app.ui.opening import OpenFailed, ensure_sample_copy, open_quietly
    from app.ui.present import presenter_of

    install_translation()
    if sample and path is None:
        path = str(ensure_sample_copy(current_language()))
    if screenshot is None:
        from app.ui.crash import install as report_crashes
        from app.ui.opening import user_data_dir

        report_crashes(user_data_dir())
        window = MainWindow()
        if not _has_saved_geometry():  # else MainWindow restored the last one
            from PySide6.QtCore import QSize

            from app.ui.window_fit import fit_to_screen

            fit_to_screen(window, preferred=QSize(*size))
        window.show()
        # Without a file the start page shows: recent projects, a new one, the sample.
        opened = path is not None and window.open_path(path, read_only=read_only,
                                                       map_name=map_name)
        if opened and map_name and not window.show_map_named(map_name):
            window.show_message(tr("There is no map named “%1”.").replace("%1", map_name))
        if opened and present_stage is not None:
            problem = _stage_problem(window, present_stage)
            if problem:
                print(f"error: {problem}", file=sys.stderr)
                window.close()
                return 2
            presenter_of(window).start(present_stage - 1)
        if opened and view_name:
            problem = _apply_view(window, view_name)
            if problem:
                window.show_message(problem)
        # Load the write machinery (SQLAlchemy, ~0.2 s) before the first edit saves, but
        # only once the first frame is on screen. A timer set now is no proof of that: a
        # window manager may expose the window many event-loop turns later.
        after_first_paint(window, _warm_up_storage)
        # Another project opened later: freeze once its scene is built.
        window.document_changed.connect(lambda: QTimer.singleShot(0, freeze_long_lived))
        code = app.exec()
        leave_now(code)
        return code

    window = MainWindow(remember=False)
    try:
        source = path or str(ensure_sample_copy(current_language()))
        try:
            doc = open_quietly(source, read_only=read_only)
        except OpenFailed as error:
            if read_only or not _locked(error):
                raise
            doc = open_quietly(source, read_only=True)
    except (OpenFailed, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        window.deleteLater()
        return 2
    window.set_document(doc)
    if map_name and not window.show_map_named(map_name):
        names = ", ".join(m.name for m in doc.project.maps)
        print(f"error: no map named {map_name!r}; the maps are: {names}", file=sys.stderr)
        window.close()
        window.deleteLater()
        return 2
    problem = _view_problem(window, view_name) if view_name else ""
    if present_stage is not None and not problem:
        problem = _stage_problem(window, present_stage)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        window.close()
        window.deleteLater()
        return 2
    if present_stage is not None:
        window.resize(*size)
        window.show()
        # The window's own size, not the offscreen screen's: the picture is --size.
        presenter_of(window).start(present_stage - 1, full_screen=False)
    if view_name:
        _apply_view(window, view_name)
    code = _screenshot(window, screenshot, size)
    presenter_of(window).stop()
    window.close()
    window.deleteLater()
    return code


def _view_problem(window, name: str) -> str:
    """Why the shown map has no saved view `name` (case and spaces aside), or ""."""
    from app.export.view_apply import find_view

    journey = window.journey
    if journey is None:
        return "the project has no map to show a view of"
    if find_view([journey], name) is not None:
        return ""
    known = ", ".join(repr(v.name) for v in journey.views)
    return (f"--view {name!r}: the map {journey.name!r} has no such saved view"
            + (f"; its views are {known}" if known else "; it has none"))


def _apply_view(window, name: str) -> str:
    """Apply the shown map's saved view `name` (on the room's picture too); why not, or ""."""
    from app.export.view_apply import find_view
    from app.ui.saved_views import saved_views_of

    found = find_view([window.journey], name) if window.journey is not None else None
    if found is None:
        return _view_problem(window, name)
    saved_views_of(window).apply(found[1].id)
    return ""


def _stage_problem(window, stage: int) -> str:
    """Why stage `stage` (1-based) of the shown map cannot be presented, or ""."""
    journey = window.journey
    if journey is None:
        return "the project has no map to present"
    count = len(journey.stages)
    if not 1 <= stage <= count:
        return (f"--stage {stage}: the map {journey.name!r} has {count} stage(s); "
                f"choose 1–{count}" if count else f"the map {journey.name!r} has no stages")
    return ""


def leave_now(code: int) -> None:
    """End the process as soon as the editor's event loop has ended.

    By then the window has closed its project (the store checkpointed and closed the
    file, drafts are written) and saved its layout, and the window is gone from the
    screen; what remains is the interpreter's own teardown — collecting and freeing every
    module's objects, PySide6's and SQLAlchemy's included — about 1 s on this machine
    under X11 (0.5 s offscreen) in which the process lingers and its terminal stays busy.
    It changes nothing on disk, so it is skipped: settings and output are flushed, then
    os._exit.
    """
    from PySide6.QtCore import QSettings

    QSettings().sync()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    os._exit(code)


def _locked(error: Exception) -> bool:
    from app.storage.errors import ProjectLockedError

    return isinstance(error.__cause__, ProjectLockedError)


def _has_saved_geometry() -> bool:
    from app.ui.settings import KEY_GEOMETRY, settings

    return bool(settings().value(KEY_GEOMETRY))

