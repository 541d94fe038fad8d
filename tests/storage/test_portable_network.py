"""Projects on network shares are refused for editing, told in one line; copies are fine."""

from __future__ import annotations

import hashlib
import os

import pytest

from app.cli import main
from app.domain.templates import new_project
from app.storage import ProjectStore, StorageError, network
from app.storage.errors import NetworkDriveError

LOCAL = "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"


def _mountinfo(tmp_path, share, fstype="nfs4") -> str:
    # The share is a mount point below a local one; its name has a space (\040).
    point = str(share).replace(" ", "\\040")
    return (LOCAL + f"80 22 0:50 / {tmp_path} rw - tmpfs tmpfs rw\n"
            f"95 80 0:61 /export {point} rw,relatime - {fstype} srv:/export rw,vers=4.2\n")


@pytest.fixture
def share(tmp_path, monkeypatch):
    """A folder that /proc/self/mountinfo (a fake one) says is an NFS share."""
    folder = tmp_path / "team share"
    folder.mkdir()
    fake = tmp_path / "mountinfo"
    fake.write_text(_mountinfo(tmp_path, folder), encoding="utf-8")
    monkeypatch.setattr(network, "MOUNTINFO", fake)
    return folder


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("fstype", ["nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p"])
def test_network_file_systems_are_told_from_local_ones(tmp_path, fstype):
    share = tmp_path / "team share"
    text = _mountinfo(tmp_path, share, fstype)
    assert network._linux_type(str(share), text) == fstype
    assert network._linux_type(str(share / "deeper"), text) == fstype
    assert network._linux_type(str(tmp_path), text) == "tmpfs"
    assert network._linux_type(f"{share}2", text) == "tmpfs"  # a sibling with a longer name
    assert network._linux_type("/home/u", text) == "ext4"


def test_the_deepest_mount_holding_the_folder_counts_whatever_the_order(tmp_path):
    share = tmp_path / "team share"
    lines = _mountinfo(tmp_path, share).splitlines()
    text = "\n".join(reversed(lines))  # the share listed before its parents
    assert network._linux_type(str(share / "x"), text) == "nfs4"
    assert network._linux_type(str(tmp_path / "x"), text) == "tmpfs"


def test_a_local_folder_is_local(tmp_path, monkeypatch):
    fake = tmp_path / "mountinfo"
    fake.write_text(LOCAL, encoding="utf-8")
    monkeypatch.setattr(network, "MOUNTINFO", fake)
    assert network.network_type(tmp_path / "x.cjm") is None
    monkeypatch.setattr(network, "MOUNTINFO", tmp_path / "missing")
    assert network.network_type(tmp_path / "x.cjm") is None  # unknown: treated as local


def test_a_project_on_a_share_is_not_opened_for_editing_nor_touched(share, tmp_path,
                                                                    monkeypatch):
    path = share / "plan.cjm"
    monkeypatch.setattr(network, "MOUNTINFO", tmp_path / "missing")
    ProjectStore.create(path, new_project(title="on the share")).close()
    monkeypatch.setattr(network, "MOUNTINFO", tmp_path / "mountinfo")
    before = _digest(path)
    with pytest.raises(NetworkDriveError) as caught:
        ProjectStore.open(path)
    assert str(caught.value) == (
        '"plan.cjm" is on a network drive (nfs4), where editing in place can damage it; '
        "open it read-only, or edit a copy on this computer and save a copy back")
    assert isinstance(caught.value, StorageError)
    assert sorted(os.listdir(share)) == ["plan.cjm"]  # no -wal, -shm or lock left
    assert _digest(path) == before
    # Read it, copy it here, edit the copy, and save a copy back over the original.
    reader, project = ProjectStore.open(path, read_only=True)
    with reader:
        reader.save_copy(tmp_path / "local.cjm")
    with ProjectStore.open(tmp_path / "local.cjm")[0] as local:
        project.title = "edited here"
        local.write(project, [project])
        local.save_copy(path)
    assert ProjectStore.open(path, read_only=True)[1].title == "edited here"


def test_a_new_project_on_a_share_is_refused(share):
    with pytest.raises(NetworkDriveError):
        ProjectStore.create(share / "new.cjm", new_project())
    assert os.listdir(share) == []


def test_the_command_line_says_it_in_one_line(share, capsys):
    code = main(["new", str(share / "new.cjm")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [
        'error: the folder "team share" is on a network drive (nfs4), where editing in place '
        "can damage it; open it read-only, or edit a copy on this computer and save a copy back"]
