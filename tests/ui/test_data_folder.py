"""The data folder: one "Journey Studio" folder, with an earlier version's nested one moved up."""

from __future__ import annotations

from app.ui import opening

REAL_USER_DATA_DIR = opening.user_data_dir  # the ui conftest replaces it in every test


def test_the_data_folder_is_named_once_and_adopts_the_earlier_one(tmp_path, monkeypatch):
    monkeypatch.setattr(opening.QStandardPaths, "writableLocation",
                        lambda _kind: str(tmp_path / "share"))
    earlier = tmp_path / "share" / "Journey Studio" / "Journey Studio"
    (earlier / "drafts").mkdir(parents=True)
    (earlier / "drafts" / "a.json").write_text("{}", encoding="utf-8")
    (earlier / "online-shop.cjm").write_bytes(b"sample")
    folder = REAL_USER_DATA_DIR()
    assert folder == tmp_path / "share" / "Journey Studio"
    assert (folder / "drafts" / "a.json").read_text(encoding="utf-8") == "{}"
    assert (folder / "online-shop.cjm").read_bytes() == b"sample"
    assert not earlier.exists()
    assert REAL_USER_DATA_DIR() == folder  # and again, with nothing left to move


def test_a_newer_file_is_not_replaced_by_an_earlier_one(tmp_path, monkeypatch):
    monkeypatch.setattr(opening.QStandardPaths, "writableLocation",
                        lambda _kind: str(tmp_path / "share"))
    folder = tmp_path / "share" / "Journey Studio"
    earlier = folder / "Journey Studio"
    earlier.mkdir(parents=True)
    (earlier / "online-shop.cjm").write_bytes(b"old")
    (folder / "online-shop.cjm").write_bytes(b"new")
    assert REAL_USER_DATA_DIR() == folder
    assert (folder / "online-shop.cjm").read_bytes() == b"new"
    assert (earlier / "online-shop.cjm").read_bytes() == b"old"  # kept, not lost
