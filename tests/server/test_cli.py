"""The command line on a server: projects, publish, info and export of URL?project=NAME."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.samples import SAMPLE_CJM, build_sample, samples_dir
from app.storage import ProjectStore
from tests.cli.helpers import assert_one_error_line
from tests.server.conftest import with_project, with_user


@pytest.fixture
def sample_cjm(tmp_path: Path) -> Path:
    target = tmp_path / "online-shop.cjm"
    shutil.copyfile(samples_dir() / SAMPLE_CJM, target)
    return target


def test_publish_then_projects_lists_it_and_export_gives_the_file_back(
        cli, pg_url, sample_cjm, tmp_path):
    code, out, err = cli("publish", sample_cjm, pg_url)
    assert code == 0, err
    assert out.startswith("Published online-shop.cjm to postgresql://")
    assert "project=online-shop" in out and "103 card(s)" in out
    code, out, err = cli("projects", pg_url)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "TITLE", "MAPS", "CARDS", "MODIFIED", "BY"]
    assert lines[1].startswith("online-shop  Cửa hàng trực tuyến Sen Việt")
    assert lines[1].split()[-4:-2] == ["2", "103"] and lines[1].endswith("  journey")
    url = with_project(pg_url, "online-shop")
    copy = tmp_path / "copy.cjm"
    code, out, err = cli("export", url, "-o", copy)
    assert code == 0, err
    store, project = ProjectStore.open(copy, read_only=True)
    store.close()
    assert project == build_sample()
    for name in ("x.pdf", "x.json", "x.xlsx"):
        code, _, err = cli("export", url, "-o", tmp_path / name)
        assert code == 0, err
    assert len(PdfReader(tmp_path / "x.pdf").pages) >= 2
    assert json.loads((tmp_path / "x.json").read_text("utf-8"))["project"]["title"] == (
        build_sample().title)
    code, out, err = cli("info", url, "--json")
    assert code == 0, err
    info = json.loads(out)
    assert info["title"] == build_sample().title and len(info["maps"]) == 2


def test_publish_refuses_a_taken_name_unless_replace(cli, pg_url, sample_cjm):
    assert cli("publish", sample_cjm, pg_url, "--project", "shop")[0] == 0
    code, _, err = cli("publish", sample_cjm, pg_url, "--project", "shop")
    assert_one_error_line(code, err, "already holds a project named 'shop'", "--replace")
    code, out, err = cli("publish", sample_cjm, pg_url, "--project", "shop", "--replace")
    assert code == 0, err
    code, out, _ = cli("projects", pg_url, "--json")
    assert [p["name"] for p in json.loads(out)] == ["shop"]


def test_an_empty_server_lists_no_projects(cli, pg_url):
    code, out, err = cli("projects", pg_url)
    assert code == 0, err
    assert out.startswith("No projects on postgresql://")


@pytest.mark.parametrize("url, fragments", [
    ("postgresql://bob:hunter2@[::1/x?project=a", ["not a valid server URL"]),
    ("postgresql://bob:hunter2@/db?host=/nonexistent-socket-dir&project=a",
     ["cannot reach the server postgresql://bob@/db?host=/nonexistent-socket-dir",
      "is the server running"]),
    ("postgresql://bob:hunter2@/db?host=/tmp&port=zz&project=a", ["not a valid server URL"]),
])
def test_bad_or_unreachable_servers_are_one_line_without_the_password(cli, url, fragments):
    for command in (["info", url], ["export", url, "-o", "/tmp/never-written.pdf"],
                    ["projects", url]):
        code, out, err = cli(*command)
        assert_one_error_line(code, err, *fragments)
        assert "hunter2" not in err + out


def test_a_wrong_password_and_an_unknown_project_are_one_line(cli, pg_url, sample_cjm,
                                                              make_role):
    assert cli("publish", sample_cjm, pg_url)[0] == 0
    role, _ = make_role("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    wrong = with_project(with_user(pg_url, role, "Sup3r-wrong"), "online-shop")
    code, out, err = cli("info", wrong)
    assert_one_error_line(code, err, "refused the login", "password authentication failed")
    assert "Sup3r-wrong" not in err + out
    code, _, err = cli("info", with_project(pg_url, "nope"))
    assert_one_error_line(code, err, "no project named 'nope'", "'online-shop'")
    code, _, err = cli("info", pg_url)
    assert_one_error_line(code, err, "name the project")


def test_a_read_only_role_can_export_but_not_publish(cli, pg_url, sample_cjm, make_role,
                                                     tmp_path):
    assert cli("publish", sample_cjm, pg_url)[0] == 0
    role, password = make_role("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    reader = with_user(pg_url, role, password)
    code, _, err = cli("export", with_project(reader, "online-shop"), "-o", tmp_path / "r.cjm")
    assert code == 0, err
    code, out, err = cli("publish", sample_cjm, reader, "--project", "mine")
    assert_one_error_line(code, err, "the server refused publishing the project",
                          "permission denied")
    assert password not in err + out


def test_the_installed_command_exits_2_with_one_line(pg_url, tmp_path):
    url = with_project(with_user(pg_url, "journey", "not-needed-secret"), "missing")
    run = subprocess.run([sys.executable, "-m", "app", "info", url], capture_output=True,
                         text=True, cwd=tmp_path)
    assert_one_error_line(run.returncode, run.stderr, "holds no Journey Studio projects")
    assert "not-needed-secret" not in run.stderr
