"""`journey-studio FILE --present [--stage N] --screenshot OUT.png` in a child process."""

from __future__ import annotations

import shutil

from PySide6.QtGui import QImage

from tests.cli.helpers import digest
from tests.cli.test_subprocess import ROOT, assert_clean_failure, run

SAMPLE = ROOT / "resources" / "samples" / "online-shop.cjm"


def shoot(tmp_path, *args):
    return run(*args, cwd=tmp_path, env_extra={"HOME": str(tmp_path),
                                               "XDG_CONFIG_HOME": str(tmp_path)})


def test_present_screenshots_differ_by_stage_and_leave_the_project_alone(tmp_path):
    project = tmp_path / "sample.cjm"
    shutil.copyfile(SAMPLE, project)
    before = digest(project)
    images = []
    for stage in ("1", "2"):
        result = shoot(tmp_path, project, "--present", "--stage", stage, "--size", "1280x800",
                       "--screenshot", f"stage{stage}.png")
        assert result.returncode == 0, result.stderr
        image = QImage(str(tmp_path / f"stage{stage}.png"))
        assert (image.width(), image.height()) == (1280, 800)
        images.append(image)
    assert images[0] != images[1]
    # Present mode, not the editor: no menu bar or toolbar across the top of the picture.
    plain = shoot(tmp_path, project, "--size", "1280x800", "--screenshot", "editor.png")
    assert plain.returncode == 0, plain.stderr
    assert QImage(str(tmp_path / "editor.png")) != images[0]
    assert digest(project) == before


def test_a_stage_the_map_lacks_is_one_line_and_exit_2(tmp_path):
    result = shoot(tmp_path, SAMPLE, "--read-only", "--present", "--stage", "9",
                   "--screenshot", "shot.png")
    assert_clean_failure(result, "--stage 9: the map")
    assert "choose 1–5" in result.stderr.decode("utf-8")
    assert not (tmp_path / "shot.png").exists()


def test_bad_stage_flags_are_one_line_and_exit_2(tmp_path):
    assert_clean_failure(shoot(tmp_path, SAMPLE, "--present", "--stage", "zero",
                               "--screenshot", "s.png"), "give a stage number")
    assert_clean_failure(shoot(tmp_path, SAMPLE, "--stage", "2", "--screenshot", "s.png"),
                         "--stage goes with --present")


def _with_view(tmp_path):
    """A copy of the sample whose first map has a view showing only the touchpoints."""
    from app.domain.model import Filter, LaneKind, SavedView
    from app.storage import ProjectStore

    project = tmp_path / "views.cjm"
    shutil.copyfile(SAMPLE, project)
    store, loaded = ProjectStore.open(project)
    journey = loaded.maps[0]
    view = SavedView(map_id=journey.id, name="Chỉ điểm chạm", hide=True,
                     filter=Filter(lane_kinds=frozenset({LaneKind.TOUCHPOINTS})))
    journey.views.append(view)
    store.write(loaded, [view])
    store.close()
    return project


def test_present_with_a_saved_view_pictures_what_the_view_shows(tmp_path):
    project = _with_view(tmp_path)
    before = digest(project)
    shots = {}
    for name, extra in (("plain", ()), ("view", ("--view", "chỉ điểm chạm"))):
        result = shoot(tmp_path, project, "--present", "--size", "1280x800", *extra,
                       "--screenshot", f"{name}.png")
        assert result.returncode == 0, result.stderr
        shots[name] = QImage(str(tmp_path / f"{name}.png"))
    assert shots["plain"] != shots["view"]
    assert digest(project) == before


def test_a_view_the_map_lacks_is_one_line_naming_the_views_and_exit_2(tmp_path):
    project = _with_view(tmp_path)
    result = shoot(tmp_path, project, "--present", "--view", "Nope", "--screenshot", "v.png")
    assert_clean_failure(result, "--view 'Nope': the map")
    assert "'Chỉ điểm chạm'" in result.stderr.decode("utf-8")
    assert not (tmp_path / "v.png").exists()
