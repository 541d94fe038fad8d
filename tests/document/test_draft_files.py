"""Draft files as they lie on disk: private, UTF-8 JSON, one fixed name per project file,
no temp file left behind, and the limits of what is read back."""

from __future__ import annotations

import hashlib
import logging
import os
import stat

import pytest

from app.document import drafts
from app.document.drafts import Draft, DraftStore, entity_name, now_stamp


def _draft(path: str, text: str = "Thanh toán qua ví") -> Draft:
    return Draft(project_id="p", path=path, entity_id="c", entity_type="card", field="title",
                 original="Quảng cáo", text=text)


def test_the_stamp_is_utc_to_the_second():
    stamp = now_stamp()
    assert stamp.endswith("+00:00")
    assert "." not in stamp  # no fraction of a second


def test_the_file_is_named_by_the_hash_of_the_real_path(tmp_path):
    store = DraftStore(tmp_path / "drafts")
    path = str(tmp_path / "a.cjm")
    digest = hashlib.sha256(os.path.realpath(path).encode()).hexdigest()
    assert store.file_for(path) == tmp_path / "drafts" / f"{digest[:32]}.json"


def test_a_path_that_is_not_valid_utf8_keeps_its_draft(tmp_path):
    store = DraftStore(tmp_path / "drafts")
    path = os.fsdecode(bytes(tmp_path / "x") + b"\xff.cjm")  # a lone surrogate inside
    store.save(_draft(path))
    assert store.load("p", path).text == "Thanh toán qua ví"


def test_the_folder_is_made_private_with_its_parents(tmp_path):
    store = DraftStore(tmp_path / "user" / "data" / "drafts")
    store.save(_draft(str(tmp_path / "a.cjm")))
    store.save(_draft(str(tmp_path / "a.cjm"), "lần hai"))  # the folder exists now
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.file_for(str(tmp_path / "a.cjm")).stat().st_mode) == 0o600
    assert store.load("p", str(tmp_path / "a.cjm")).text == "lần hai"


def test_the_text_is_stored_as_readable_utf8(tmp_path):
    store = DraftStore(tmp_path / "drafts")
    path = str(tmp_path / "a.cjm")
    store.save(_draft(path))
    assert "Thanh toán qua ví" in store.file_for(path).read_text(encoding="utf-8")


def test_a_temp_file_left_by_a_killed_write_is_replaced_not_kept(tmp_path):
    store = DraftStore(tmp_path / "drafts")
    path = str(tmp_path / "a.cjm")
    store.folder.mkdir(parents=True)
    stale = store.file_for(path).with_suffix(".json.tmp")
    stale.write_bytes(b"x" * 100_000)  # longer than the draft: it must be cut, not kept
    store.save(_draft(path))
    assert sorted(p.name for p in store.folder.iterdir()) == [store.file_for(path).name]
    assert store.load("p", path).text == "Thanh toán qua ví"


def test_a_write_that_fails_leaves_no_temp_file(tmp_path, monkeypatch):
    store = DraftStore(tmp_path / "drafts")
    path = str(tmp_path / "a.cjm")

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(drafts.os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        store.save(_draft(path))
    assert list(store.folder.iterdir()) == []


def test_a_write_whose_cleanup_fails_too_reports_the_write(tmp_path, monkeypatch):
    store = DraftStore(tmp_path / "drafts")

    def full(fd):
        raise OSError(28, "No space left on device")

    def stuck(name):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(drafts.os, "fsync", full)
    monkeypatch.setattr(drafts.os, "unlink", stuck)
    with pytest.raises(OSError, match="No space"):  # not the failed removal
        store.save(_draft(str(tmp_path / "a.cjm")))


def test_an_oversized_or_unreadable_draft_is_ignored_with_a_warning(tmp_path, caplog):
    store = DraftStore(tmp_path / "drafts")
    path = str(tmp_path / "a.cjm")
    store.save(_draft(path))
    target = store.file_for(path)
    data = target.read_bytes()
    target.write_bytes(data + b" " * (drafts.MAX_FILE_BYTES - len(data)))  # at the limit
    assert store.load("p", path) is not None
    target.write_bytes(data + b" " * (drafts.MAX_FILE_BYTES - len(data) + 1))
    with caplog.at_level(logging.WARNING, logger=drafts.__name__):
        assert store.load("p", path) is None
    assert caplog.messages == [f"ignoring oversized draft file {target}"]
    caplog.clear()
    target.write_bytes(b"{not json")
    with caplog.at_level(logging.WARNING, logger=drafts.__name__):
        assert store.load("p", path) is None
    assert caplog.messages == [f"ignoring unreadable draft file {target}"]


def test_a_draft_file_that_cannot_be_read_is_ignored_with_its_reason(tmp_path, caplog):
    store = DraftStore(tmp_path / "drafts")
    path = str(tmp_path / "a.cjm")
    store.folder.mkdir()
    store.file_for(path).mkdir()  # a folder where the file should be: reading fails
    with caplog.at_level(logging.WARNING, logger=drafts.__name__):
        assert store.load("p", path) is None
    (message,) = caplog.messages
    assert message.startswith(f"cannot read draft file {store.file_for(path)}: ")
    assert "directory" in message.lower()


@pytest.mark.parametrize("changes", [{"format": "other"}, {"version": 99}],
                         ids=["format", "version"])
def test_a_draft_of_another_format_or_version_is_ignored(tmp_path, changes):
    import json

    store = DraftStore(tmp_path / "drafts")
    path = str(tmp_path / "a.cjm")
    store.save(_draft(path))
    record = json.loads(store.file_for(path).read_text(encoding="utf-8"))
    record.update(changes)
    store.file_for(path).write_text(json.dumps(record), encoding="utf-8")
    assert store.load("p", path) is None


def test_a_marker_is_named_by_its_label():
    class Marker:
        label = "  Lo   lắng "

    assert entity_name(Marker()) == "Lo lắng"
    assert entity_name(None, "—") == "—"
    assert entity_name(None) == ""  # no name: the caller says what it shows instead
