"""Every subcommand in-process: results, exit codes, one-line errors, untouched inputs."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from app.domain.templates import TEMPLATES
from tests.cli.helpers import assert_one_error_line, digest, folder_state

VI_VALUE_JOURNEY = ["Nhận thức", "Gắn kết", "Đăng ký", "Chuyển đổi", "Hứng thú", "Nâng cấp",
                    "Ủng hộ", "Quảng bá"]
REQUIRED_INFO_KEYS = {"title", "personas", "maps", "snapshots"}
REQUIRED_MAP_KEYS = {"name", "state", "persona", "stages", "lanes", "cards", "markers"}


# -- templates ------------------------------------------------------------------------------

def test_templates_lists_every_key_with_both_names_and_stage_count(cli):
    code, out, err = cli("templates")
    assert code == 0 and err == ""
    lines = out.splitlines()
    for key, template in TEMPLATES.items():
        row = next(line for line in lines if line.startswith(key + " "))
        assert template.name[0] in row and template.name[1] in row
        assert row.split()[-1] == str(len(template.stages))


def test_templates_json_is_machine_readable(cli):
    code, out, _ = cli("templates", "--json")
    rows = json.loads(out)
    assert code == 0
    assert [r["key"] for r in rows] == list(TEMPLATES)
    value = next(r for r in rows if r["key"] == "value-journey-8")
    assert value["stages"] == 8 and value["stages_vi"] == VI_VALUE_JOURNEY


# -- new and info ---------------------------------------------------------------------------

def test_new_vietnamese_value_journey_then_info_lists_the_eight_stages(cli, tmp_path):
    project = tmp_path / "x.cjm"
    code, out, err = cli("new", project, "--template", "value-journey-8", "--lang", "vi",
                         "--title", "Dự án thử")
    assert code == 0, err
    assert "x.cjm" in out
    code, out, err = cli("info", project, "--json")
    assert code == 0, err
    info = json.loads(out)
    assert REQUIRED_INFO_KEYS <= set(info)
    assert info["title"] == "Dự án thử"
    assert info["personas"] == [] and info["snapshots"] == 0
    (journey,) = info["maps"]
    assert REQUIRED_MAP_KEYS <= set(journey)
    assert journey["stages"] == VI_VALUE_JOURNEY
    assert journey["state"] == "current" and journey["persona"] is None
    assert [lane["kind"] for lane in journey["lanes"]] == [
        "touchpoints", "actions", "thoughts", "emotions", "pains", "opportunities"]
    assert journey["lanes"][0]["title"] == "Điểm chạm"
    assert journey["cards"] == 0 and journey["markers"] == 0


def test_new_defaults_to_an_english_five_stage_map(cli, tmp_path):
    project = tmp_path / "plan.cjm"
    assert cli("new", project)[0] == 0
    info = json.loads(cli("info", project, "--json")[1])
    assert info["title"] == "New project" and info["language"] == "en"
    assert info["maps"][0]["stages"][0] == "Awareness"
    assert len(info["maps"][0]["stages"]) == 5


def test_new_refuses_an_existing_file_unless_forced(cli, tmp_path):
    project = tmp_path / "x.cjm"
    assert cli("new", project, "--title", "First")[0] == 0
    before = digest(project)
    code, _, err = cli("new", project, "--title", "Second")
    assert_one_error_line(code, err, "x.cjm", "already exists", "--force")
    assert digest(project) == before
    assert cli("new", project, "--title", "Second", "--force")[0] == 0
    assert json.loads(cli("info", project, "--json")[1])["title"] == "Second"


@pytest.mark.parametrize(("args", "fragments"), [
    (["--template", "nope"], ["unknown template 'nope'", "value-journey-8"]),
    (["--lang", "fr"], ["unknown language 'fr'", "en, vi"]),
])
def test_new_refuses_bad_template_and_language_and_writes_nothing(cli, tmp_path, args,
                                                                  fragments):
    code, _, err = cli("new", tmp_path / "x.cjm", *args)
    assert_one_error_line(code, err, *fragments)
    assert list(tmp_path.iterdir()) == []


def test_new_refuses_a_name_without_the_project_suffix_and_a_missing_folder(cli, tmp_path):
    code, _, err = cli("new", tmp_path / "x.txt")
    assert_one_error_line(code, err, "ends in .cjm")
    code, _, err = cli("new", tmp_path / "missing" / "x.cjm")
    assert_one_error_line(code, err, "does not exist")
    assert list(tmp_path.iterdir()) == []


def test_info_on_the_sample_reports_everything(cli, sample_cjm):
    before = digest(sample_cjm)
    code, out, err = cli("info", sample_cjm, "--json")
    assert code == 0, err
    info = json.loads(out)
    assert info["title"] == "Cửa hàng trực tuyến Sen Việt"
    assert info["personas"][0]["name"] == "Nguyễn Thu Hà"
    assert info["snapshots"] == 1 and info["language"] == "vi"
    assert info["schema_version"] >= 1
    current, future = info["maps"]
    assert (current["state"], future["state"]) == ("current", "future")
    assert future["derived_from"] == current["name"]
    assert current["persona"] == "Nguyễn Thu Hà"
    assert current["stages"] == ["Nhận thức", "Cân nhắc", "Mua hàng", "Duy trì", "Trung thành"]
    assert {lane["kind"] for lane in current["lanes"]} == {
        "touchpoints", "actions", "thoughts", "emotions", "pains", "opportunities",
        "backstage", "metrics", "text"}
    assert current["cards"] >= 40 and current["markers"] >= 5
    assert digest(sample_cjm) == before


def test_info_plain_is_a_readable_summary(cli, sample_cjm):
    code, out, _ = cli("info", sample_cjm)
    assert code == 0
    assert out.startswith("Cửa hàng trực tuyến Sen Việt\n")
    assert "Nhận thức → Cân nhắc → Mua hàng → Duy trì → Trung thành" in out
    assert "Đánh giá Q3 2026" in out
    assert "[future]" in out


def test_info_reads_an_interchange_file_too(cli, sample_cjm, tmp_path):
    out_json = tmp_path / "s.json"
    assert cli("export", sample_cjm, "-o", out_json)[0] == 0
    info = json.loads(cli("info", out_json, "--json")[1])
    assert info["title"] == "Cửa hàng trực tuyến Sen Việt"
    assert info["schema_version"] is None


@pytest.mark.parametrize(("content", "fragment"), [
    (b"", "the file is empty"),
    (b"hello, this is text\n", "not a database file"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "not a database file"),
])
def test_info_refuses_what_is_not_a_project_and_leaves_it_untouched(cli, tmp_path, content,
                                                                    fragment):
    path = tmp_path / "thing.cjm"
    path.write_bytes(content)
    before = folder_state(tmp_path)
    code, out, err = cli("info", path)
    assert_one_error_line(code, err, "thing.cjm", fragment)
    assert out == ""
    assert folder_state(tmp_path) == before


def test_info_refuses_a_missing_file_and_a_folder(cli, tmp_path):
    code, _, err = cli("info", tmp_path / "nope.cjm")
    assert_one_error_line(code, err, "nope.cjm", "no such file")
    code, _, err = cli("info", tmp_path)
    assert_one_error_line(code, err, "folder")


# -- export and import ----------------------------------------------------------------------

def test_export_import_export_gives_identical_json(cli, sample_cjm, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    copy = tmp_path / "copy.cjm"
    assert cli("export", sample_cjm, "-o", first)[0] == 0
    before = digest(first)
    code, out, err = cli("import", first, "-o", copy)
    assert code == 0, err
    assert "copy.cjm" in out
    assert digest(first) == before
    assert cli("export", copy, "-o", second)[0] == 0
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text(encoding="utf-8")
    assert "Cửa hàng trực tuyến Sen Việt" in text  # not \u-escaped


def test_export_json_of_one_map_keeps_only_it_and_its_snapshots(cli, sample_cjm, tmp_path):
    out = tmp_path / "one.json"
    code, _, err = cli("export", sample_cjm, "-o", out, "--map", "mua đồ gia dụng online — "
                       "tương lai")
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [m["state"] for m in data["maps"]] == ["future"]
    assert data["snapshots"] == []  # the snapshot belongs to the current map
    assert cli("import", out, "-o", tmp_path / "one.cjm")[0] == 0


def test_export_unknown_map_lists_the_maps_and_leaves_no_file(cli, sample_cjm, tmp_path):
    before = folder_state(tmp_path)
    code, _, err = cli("export", sample_cjm, "-o", tmp_path / "x.json", "--map", "Nope")
    assert_one_error_line(code, err, "no map named 'Nope'", "Mua đồ gia dụng online — hiện tại")
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize(("name", "fragments"), [
    ("x.docx", ["cannot tell the export format from .docx", ".json, .pdf, .png, .svg, .xlsx"]),
    ("x.xls", ["cannot tell the export format from .xls"]),
    ("x", ["without an extension"]),
])
def test_export_refuses_unknown_extensions(cli, sample_cjm, tmp_path, name, fragments):
    before = folder_state(tmp_path)
    code, _, err = cli("export", sample_cjm, "-o", tmp_path / name)
    assert_one_error_line(code, err, *fragments)
    assert folder_state(tmp_path) == before


def test_export_refuses_an_existing_output_unless_forced(cli, sample_cjm, tmp_path):
    out = tmp_path / "x.json"
    out.write_text("keep me", encoding="utf-8")
    code, _, err = cli("export", sample_cjm, "-o", out)
    assert_one_error_line(code, err, "x.json", "already exists")
    assert out.read_text(encoding="utf-8") == "keep me"
    assert cli("export", sample_cjm, "-o", out, "--force")[0] == 0
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "journey-studio"


def test_export_refuses_to_write_over_its_input(cli, sample_cjm, tmp_path):
    out_json = tmp_path / "s.json"
    assert cli("export", sample_cjm, "-o", out_json)[0] == 0
    before = digest(out_json)
    code, _, err = cli("export", out_json, "-o", out_json, "--force")
    assert_one_error_line(code, err, "is the input file")
    assert digest(out_json) == before


def test_export_without_output_is_a_one_line_usage_error(cli, sample_cjm):
    code, out, err = cli("export", sample_cjm)
    assert_one_error_line(code, err, "-o/--output", "journey-studio export --help")
    assert out == ""


def test_export_from_a_missing_or_foreign_file_fails_cleanly(cli, tmp_path):
    code, _, err = cli("export", tmp_path / "none.cjm", "-o", tmp_path / "x.json")
    assert_one_error_line(code, err, "none.cjm", "no such file")
    foreign = tmp_path / "foreign.cjm"
    foreign.write_text("not a project", encoding="utf-8")
    code, _, err = cli("export", foreign, "-o", tmp_path / "x.json")
    assert_one_error_line(code, err, "foreign.cjm", "not a Journey Studio project")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["foreign.cjm"]


def test_a_write_that_fails_at_the_last_step_leaves_nothing(cli, sample_cjm, tmp_path,
                                                            monkeypatch):
    import app.export.atomic as atomic

    def refuse(*_args):
        raise OSError(28, "No space left on device", "x.json")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    before = folder_state(tmp_path)
    code, _, err = cli("export", sample_cjm, "-o", tmp_path / "x.json")
    assert_one_error_line(code, err, "No space left on device")
    assert folder_state(tmp_path) == before  # neither the output nor a temporary file


def _pdf_available() -> bool:
    try:
        import app.export.pdf  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _pdf_available(), reason="PDF export has not landed")
def test_export_pdf_writes_a_pdf_and_leaves_the_input_alone(cli, sample_cjm, tmp_path):
    from pypdf import PdfReader

    before = digest(sample_cjm)
    out = tmp_path / "sample.pdf"
    code, _, err = cli("export", sample_cjm, "-o", out, "--page", "A3", "--all-maps",
                       "--reproducible")
    assert code == 0, err
    assert all(line.startswith("warning: ") for line in err.splitlines())
    assert out.read_bytes().startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Mua hàng" in text
    assert digest(sample_cjm) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.cjm", "sample.pdf"]


@pytest.mark.skipif(not _pdf_available(), reason="PDF export has not landed")
def test_export_pdf_bad_option_fails_before_writing(cli, sample_cjm, tmp_path):
    before = folder_state(tmp_path)
    code, _, err = cli("export", sample_cjm, "-o", tmp_path / "x.pdf", "--page", "B7")
    assert_one_error_line(code, err, "unknown page size 'B7'")
    code, _, err = cli("export", sample_cjm, "-o", tmp_path / "x.pdf", "--map", "Nope")
    assert_one_error_line(code, err, "Nope")
    assert folder_state(tmp_path) == before


def _images_available() -> bool:
    try:
        from app.canvas import image_export  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_image_writes_one_map_or_says_it_is_unavailable(cli, sample_cjm, tmp_path,
                                                               suffix):
    out = tmp_path / f"map{suffix}"
    code, _, err = cli("export", sample_cjm, "-o", out, "--map",
                       "Mua đồ gia dụng online — tương lai")
    if not _images_available():
        assert_one_error_line(code, err, f"{suffix[1:].upper()} export is not available")
        assert not out.exists()
        return
    assert code == 0, err
    head = out.read_bytes()[:200]
    assert head.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in head or b"<?xml" in head


def test_import_writes_a_project_equal_to_the_interchange_file(cli, sample_cjm, tmp_path):
    from app.cli import load_project
    from app.export.json_io import read_json

    out_json = tmp_path / "s.json"
    assert cli("export", sample_cjm, "-o", out_json)[0] == 0
    assert cli("import", out_json, "-o", tmp_path / "n.cjm")[0] == 0
    project, _ = load_project(tmp_path / "n.cjm")
    assert project == read_json(out_json)


@pytest.mark.parametrize(("text", "fragments"), [
    ('{"format": "journey-studio", "version": 1,', ["bad.json", "not valid JSON (line 1"]),
    ('{"format": "journey-studio", "version": 99, "project": {"title": "x"}}',
     ["bad.json", "format version 99", "up to version 2"]),
    ('{"format": "something-else", "version": 1}', ["not a Journey Studio document"]),
    ('[1, 2, 3]', ["not a Journey Studio document"]),
    ('{"format": "journey-studio", "version": 1, "project": {"title": "x"}, "maps": [{"name":'
     ' "m", "id": "m1", "stages": [], "lanes": [], "cards": [{"map_id": "m1", "stage_id": '
     '"s9", "lane_id": "l9"}]}]}', ["card's stage is not in the card's map"]),
])
def test_import_refuses_bad_json_with_one_line_and_writes_nothing(cli, tmp_path, text,
                                                                  fragments):
    source = tmp_path / "bad.json"
    source.write_text(text, encoding="utf-8")
    before = folder_state(tmp_path)
    code, out, err = cli("import", source, "-o", tmp_path / "x.cjm")
    assert_one_error_line(code, err, *fragments)
    assert out == ""
    assert folder_state(tmp_path) == before


def test_import_refuses_existing_output_non_project_suffix_and_csv(cli, sample_cjm, tmp_path):
    source = tmp_path / "s.json"
    assert cli("export", sample_cjm, "-o", source)[0] == 0
    before = folder_state(tmp_path)
    code, _, err = cli("import", source, "-o", sample_cjm)
    assert_one_error_line(code, err, "sample.cjm", "already exists")
    code, _, err = cli("import", source, "-o", tmp_path / "x.sqlite")
    assert_one_error_line(code, err, "ending in .cjm")
    table = tmp_path / "t.csv"
    table.write_text("a,b\n", encoding="utf-8")
    code, _, err = cli("import", table, "-o", tmp_path / "t.cjm")
    assert_one_error_line(code, err, "t.csv: holds neither a Cards table")
    table.unlink()
    assert folder_state(tmp_path) == before
    assert cli("import", source, "-o", sample_cjm, "--force")[0] == 0


# -- opening the editor and argument handling ---------------------------------------------

def test_open_checks_its_arguments_before_starting_qt(cli, sample_cjm, tmp_path):
    code, _, err = cli(tmp_path / "nope.cjm")
    assert_one_error_line(code, err, "nope.cjm", "no such file")
    code, _, err = cli(sample_cjm, "--size", "big")
    assert_one_error_line(code, err, "--size 'big'", "1600x1000")
    code, _, err = cli(sample_cjm, "--screenshot", tmp_path / "shot.jpg")
    assert_one_error_line(code, err, "shot.jpg", ".png")
    code, _, err = cli(sample_cjm, "--screenshot", tmp_path / "missing" / "shot.png")
    assert_one_error_line(code, err, "does not exist")


def test_a_file_named_like_a_command_opens_after_double_dash(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("--", "new")
    assert_one_error_line(code, err, "new: no such file")


def test_unknown_options_are_one_line_errors(cli, sample_cjm):
    code, _, err = cli("info", sample_cjm, "--bogus")
    assert_one_error_line(code, err, "unrecognized arguments: --bogus")
    code, _, err = cli("--bogus")
    assert_one_error_line(code, err, "--bogus")


def test_help_prints_usage_and_succeeds(cli):
    code, out, _ = cli("--help")
    assert code == 0
    assert "usage: journey-studio" in out and "templates" in out
    code, out, _ = cli("export", "--help")
    assert code == 0 and "-o OUT" in out


def test_every_command_leaves_its_inputs_byte_identical(cli, sample_cjm, tmp_path):
    out_json = tmp_path / "s.json"
    assert cli("export", sample_cjm, "-o", out_json)[0] == 0
    inputs = {p: digest(p) for p in (sample_cjm, out_json)}
    commands = [
        ("info", sample_cjm), ("info", sample_cjm, "--json"), ("info", out_json),
        ("export", sample_cjm, "-o", tmp_path / "a.json"),
        ("export", out_json, "-o", tmp_path / "b.json"),
        ("export", sample_cjm, "-o", tmp_path / "c.json", "--map", "Nope"),
        ("import", out_json, "-o", tmp_path / "d.cjm"),
        ("import", out_json, "-o", tmp_path / "d.cjm"),
        ("export", sample_cjm, "-o", tmp_path / "e.csv"),
    ]
    for args in commands:
        cli(*args)
        for path, before in inputs.items():
            assert digest(path) == before, args
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == []
    assert not (Path(str(sample_cjm) + "-wal")).exists()


def test_the_bundled_sample_is_never_touched_by_info(cli):
    from app.samples import SAMPLE_CJM, samples_dir

    original = samples_dir() / SAMPLE_CJM
    before = (digest(original), os.stat(original).st_mtime_ns)
    assert cli("info", original)[0] == 0
    assert (digest(original), os.stat(original).st_mtime_ns) == before
    assert not Path(f"{original}-wal").exists() and not Path(f"{original}-shm").exists()


def test_a_project_locked_by_a_writer_is_still_readable_but_not_replaced(cli, sample_cjm,
                                                                          tmp_path):
    from app.storage import ProjectStore

    store, _ = ProjectStore.open(sample_cjm)  # this process holds it for writing
    try:
        assert cli("info", sample_cjm, "--json")[0] == 0
        source = tmp_path / "s.json"
        shutil.copyfile(sample_cjm, tmp_path / "copy.cjm")
        assert cli("export", tmp_path / "copy.cjm", "-o", source)[0] == 0
        code, _, err = cli("import", source, "-o", sample_cjm, "--force")
        assert_one_error_line(code, err, "sample.cjm")
    finally:
        store.close()
