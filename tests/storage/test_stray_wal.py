"""A -wal lying beside a project is replayed only when it is that project's own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.model import Card
from app.storage import NotAProjectError, ProjectStore
from app.storage.errors import StrayWalError
from app.storage.wal import parse_wal
from tests.storage.helpers import child_env, digest, integrity, rich_project

# Edits a project, then dies without closing it: its -wal and -shm stay, as after a crash.
CRASH = """
import os, sys
from app.domain.model import Card
from app.storage import ProjectStore
store, project = ProjectStore.open(sys.argv[1])
journey = project.maps[0]
for i in range(int(sys.argv[2])):
    card = Card(map_id=journey.id, stage_id=journey.stages[i % 3].id,
                lane_id=journey.lanes[0].id, title=f"crash {i}", body="b" * 300)
    journey.cards.append(card)
    project.title = f"edited {i}"
    store.write(project, [card, project])
os._exit(0)
"""


def _edit(store: ProjectStore, project, edits: int) -> None:
    journey = project.maps[0]
    for i in range(edits):
        card = Card(map_id=journey.id, stage_id=journey.stages[i % 3].id,
                    lane_id=journey.lanes[0].id, title=f"crash {i}", body="b" * 300)
        journey.cards.append(card)
        project.title = f"edited {i}"
        store.write(project, [card, project])


def crashed(path: Path, edits: int = 20, seed: int = 7, *, child: bool = False) -> Path:
    """A project left with the -wal of a process that died while editing it.

    With `child`, a second interpreter really dies (os._exit) with the project open. By
    default the same files are made in this process, faster: the project, its -wal and
    -shm are copied as they are on disk while the store is open (what a dying process
    leaves behind), the store is closed, and the copies are put back.
    """
    if not path.exists():
        ProjectStore.create(path, rich_project(seed=seed)).close()
    if child:
        subprocess.run([sys.executable, "-c", CRASH, str(path), str(edits)], env=child_env(),
                       check=True, timeout=120)
    else:
        store, project = ProjectStore.open(path)
        try:
            _edit(store, project, edits)
            left = {suffix: Path(f"{path}{suffix}").read_bytes() for suffix in ("", "-wal",
                                                                                 "-shm")}
        finally:
            store.close()
        for suffix, data in left.items():
            Path(f"{path}{suffix}").write_bytes(data)
    assert Path(f"{path}-wal").stat().st_size > 0
    return path


def other_program_wal(folder: Path) -> bytes:
    """The -wal of another program's database, as a crash left it."""
    db = folder / "contacts.db"
    script = ("import os, sqlite3, sys\n"
              "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
              "c.execute('PRAGMA journal_mode=WAL')\n"
              "c.execute('CREATE TABLE contacts (name TEXT, phone TEXT)')\n"
              "for i in range(200):\n"
              "    c.execute('INSERT INTO contacts VALUES (?, ?)', (f'n{i}', 'p'))\n"
              "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", script, str(db)], check=True, timeout=60)
    data = Path(f"{db}-wal").read_bytes()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink()
    return data


def _state(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def _assert_refused(path: Path, read_only: bool) -> None:
    folder = path.parent
    before = _state(folder)
    with pytest.raises(StrayWalError) as caught:
        ProjectStore.open(path, read_only=read_only)
    message = str(caught.value)
    assert message.startswith(f'"{path.name}-wal" beside "{path.name}" belongs to another '
                              "database")
    assert message.endswith("; move it away to open the project")
    assert isinstance(caught.value, NotAProjectError)
    assert _state(folder) == before  # neither file changed, no -shm created


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_the_wal_of_another_program_is_never_replayed(tmp_path, read_only):
    wal = other_program_wal(tmp_path)
    ours = tmp_path / "ours"
    ours.mkdir()
    path = ours / "x.cjm"
    ProjectStore.create(path, rich_project()).close()
    Path(f"{path}-wal").write_bytes(wal)
    _assert_refused(path, read_only)


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_the_wal_of_another_project_is_never_replayed(tmp_path, read_only):
    other = crashed(tmp_path / "other.cjm", seed=11)
    path = tmp_path / "ours" / "x.cjm"
    path.parent.mkdir()
    ProjectStore.create(path, rich_project(seed=5)).close()
    shutil.copyfile(f"{other}-wal", f"{path}-wal")
    _assert_refused(path, read_only)
    # Moved away, as the message says: the project opens as it was.
    os.unlink(f"{path}-wal")
    store, project = ProjectStore.open(path)
    store.close()
    assert not any(card.title.startswith("crash") for card in project.maps[0].cards)
    assert integrity(path) == "ok"


def test_a_wal_of_another_page_size_is_never_replayed(tmp_path):
    path = tmp_path / "x.cjm"
    ProjectStore.create(path, rich_project()).close()
    big = tmp_path / "big"
    big.mkdir()
    script = ("import os, sqlite3, sys\n"
              "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
              "c.execute('PRAGMA page_size=8192'); c.execute('PRAGMA journal_mode=WAL')\n"
              "c.execute('CREATE TABLE t (x)'); c.execute('INSERT INTO t VALUES (1)')\n"
              "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", script, str(big / "t.db")], check=True, timeout=60)
    wal = (big / "t.db-wal").read_bytes()
    assert parse_wal(wal).page_size == 8192
    Path(f"{path}-wal").write_bytes(wal)
    for read_only in (True, False):
        _assert_refused(path, read_only)


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_a_wal_from_this_projects_own_crash_is_recovered(tmp_path, read_only):
    path = crashed(tmp_path / "x.cjm", edits=20, child=True)
    store, project = ProjectStore.open(path, read_only=read_only)
    store.close()
    assert project.title == "edited 19"
    assert sum(card.title.startswith("crash") for card in project.maps[0].cards) == 20
    if not read_only:
        assert integrity(path) == "ok"
        assert not Path(f"{path}-wal").exists()  # folded back in on close


def test_a_wal_of_a_page_for_page_copy_of_the_project_never_damages_it(tmp_path):
    """The one WAL that cannot be told from the project's own: that of an exact copy.

    Its pages fit, so replaying it gives a sound project (the copy's edits on top of this
    one's): what is checked is that the result is whole, never that it is malformed.
    """
    path = tmp_path / "x.cjm"
    ProjectStore.create(path, rich_project()).close()
    twin = tmp_path / "twin" / "x.cjm"
    twin.parent.mkdir()
    store, _ = ProjectStore.open(path)
    store.save_copy(twin)
    store.close()
    crashed(twin, edits=20)
    shutil.copyfile(f"{twin}-wal", f"{path}-wal")
    reader, seen = ProjectStore.open(path, read_only=True)
    reader.close()
    store, loaded = ProjectStore.open(path)
    store.close()
    assert loaded == seen and loaded.title == "edited 19"
    assert integrity(path) == "ok"


def test_an_empty_or_uncommitted_wal_is_ignored(tmp_path):
    path = tmp_path / "x.cjm"
    ProjectStore.create(path, rich_project()).close()
    wal = Path(f"{path}-wal")
    wal.write_bytes(b"")
    ProjectStore.open(path, read_only=True)[0].close()
    wal.write_bytes(b"\x00" * 5000)
    ProjectStore.open(path, read_only=True)[0].close()
    store, _ = ProjectStore.open(path)
    store.close()
    assert integrity(path) == "ok"


@pytest.mark.parametrize("command", [("info", "x.cjm"), ("export", "x.cjm", "-o", "out.json")],
                         ids=["info", "export"])
def test_read_only_commands_create_no_side_files_beside_a_crashed_project(tmp_path, command):
    from app.cli import main

    crashed(tmp_path / "x.cjm")
    before = _state(tmp_path)
    assert {"x.cjm-wal", "x.cjm-shm"} <= set(before)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert main(list(command)) == 0
    finally:
        os.chdir(cwd)
    after = _state(tmp_path)
    after.pop("out.json", None)
    assert after == before


def test_read_only_open_of_a_crashed_project_creates_no_shm(tmp_path):
    path = crashed(tmp_path / "x.cjm")
    os.unlink(f"{path}-shm")  # as after a reboot that cleared it, or a copied folder
    before = _state(tmp_path)
    store, project = ProjectStore.open(path, read_only=True)
    store.close()
    assert project.title == "edited 19"
    assert _state(tmp_path) == before
