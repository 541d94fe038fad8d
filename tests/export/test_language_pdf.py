"""The whole bundled sample exported to PDF in Vietnamese and in English, read back.

Every page kind is in the document (cover, persona, tiled maps, legend, insights, compare,
card notes, bookmarks, metadata). A Vietnamese export holds none of the English labels
and an English one none of the Vietnamese; numbers and dates follow the language.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.serialize import project_to_dict
from app.export.i18n import MINUS, fields_of, load_catalogue, texts_for
from app.samples import build_sample
from tests.export.conftest import add_card, export, pdf_text

# Labels only the export adds, each seen in its own language's export and never in the
# other's (the sample's own text holds none of them: checked below). The sample's metrics
# form no funnel, so the insights page shows them against target (▼ worse).
EN_LABELS = ("Page 1 of", "STAGE 01", "TOUCHPOINTS ·", "Current state",
             "CUSTOMER JOURNEY MAP", "The journey at a glance", "EMOTION",
             "Goals", "Preferred channels", "Legend", "Emotion scale", "Neutral line",
             "Average emotion per stage", "Moments of truth", "Top opportunities",
             "Metrics against target", "Current vs future", "BEFORE", "AFTER", "cards added",
             "changed:", "Card notes", "target ", "worse", "in all", "29 years old",
             "PERSONA", "Tile A1", "Insights")
VI_LABELS = ("Trang 1/", "GIAI ĐOẠN 01", "ĐIỂM CHẠM ·", "Trạng thái hiện tại",
             "BẢN ĐỒ HÀNH TRÌNH KHÁCH HÀNG", "Toàn cảnh hành trình", "Trạng thái tương lai",
             "Kênh ưa dùng", "Chú giải", "Thang cảm xúc", "Đường trung lập",
             "Cảm xúc trung bình theo giai đoạn", "Khoảnh khắc quyết định", "Cơ hội hàng đầu",
             "Chỉ số so với mục tiêu", "Hiện tại so với tương lai", "TRƯỚC", "thẻ được thêm",
             "đã đổi:",
             "Ghi chú thẻ", "mục tiêu ", "kém hơn", "tổng cộng", "29 tuổi", "CHÂN DUNG",
             "Mảnh A1", "Phân tích")
LONG_BODY = "Khách hàng gọi tổng đài nhiều lần mà không ai nghe máy. " * 12


def _sample():
    project = build_sample()
    add_card(project, "Gọi tổng đài không được", LONG_BODY, stage=3, lane=1)  # → card notes
    return project


def _content(project) -> str:
    return json.dumps(project_to_dict(project), ensure_ascii=False)


def _export(tmp_path: Path, language: str | None):
    project = _sample()
    current, future = (m.name for m in project.maps)
    texts = texts_for(language or project.language)
    texts.missing.clear()
    out, _ = export(project, tmp_path, f"{language}.pdf", all_maps=True, fit="width:2",
                    compare=(f"map:{current}", f"map:{future}"), language=language)
    return out, pdf_text(out), texts.missing


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("language")
    return {"vi": _export(folder, None), "en": _export(folder, "en")}


def test_the_label_lists_are_not_the_sample_s_own_text():
    content = _content(_sample())
    assert [label for label in (*EN_LABELS, *VI_LABELS) if label in content] == []


def test_a_vietnamese_project_exports_with_no_english_label(documents):
    path, text, missing = documents["vi"]
    assert missing == set()  # every message the document asked for has its translation
    assert [label for label in VI_LABELS if label not in text] == []
    assert [label for label in EN_LABELS if label in text] == []
    total = len(PdfReader(path).pages)
    assert f"Trang 2/{total}" in text and f"Trang {total}/{total}" in text


def test_the_same_sample_in_english_has_no_vietnamese_label(documents):
    path, text, missing = documents["en"]
    assert missing == set()
    assert [label for label in EN_LABELS if label not in text] == []
    assert [label for label in VI_LABELS if label in text] == []
    assert "Page 2 of" in text


def _fragments(template: str) -> list[str]:
    """The literal parts of a message, long enough to be told apart from other text."""
    parts = re.split(r"\{[^}]*\}", template)
    return [p.strip() for p in parts if len(re.sub(r"\W", "", p)) >= 5]


def test_no_catalogue_message_leaks_into_the_other_language(documents):
    catalogue = load_catalogue("vi")
    content = _content(_sample())
    _, vi_text, _ = documents["vi"]
    _, en_text, _ = documents["en"]
    english = {f for source in catalogue for f in _fragments(source) if f not in content}
    vietnamese = {f for target in catalogue.values() for f in _fragments(target)
                  if f not in content and f not in english}
    assert len(english) > 60 and len(vietnamese) > 60
    assert sorted(f for f in english if f in vi_text) == []
    assert sorted(f for f in vietnamese if f in en_text) == []
    assert all(fields_of(s) == fields_of(t) for s, t in catalogue.items())


def test_bookmarks_and_metadata_speak_the_language(documents):
    expected = {
        "vi": ({"Trang bìa", "Chân dung", "Bản đồ", "Mảnh A1", "Phân tích", "So sánh",
                "Chú giải", "Ghi chú thẻ"}, "Bản đồ hành trình khách hàng: ", "vi-VN"),
        "en": ({"Cover", "Persona", "Map", "Tile A1", "Insights", "Compare", "Legend",
                "Card notes"}, "Customer journey map: ", "en-GB"),
    }
    for language, (titles, subject, lang) in expected.items():
        reader = PdfReader(documents[language][0])

        def walk(items):
            for item in items:
                yield from walk(item) if isinstance(item, list) else [item.title]

        found = set(walk(reader.outline))
        assert titles <= found, (language, titles - found)
        other = expected["en" if language == "vi" else "vi"][0]
        assert not (other - titles) & found, language
        meta = reader.metadata
        assert meta["/Subject"].startswith(subject)
        assert meta["/Keywords"].startswith(subject.rstrip(": ").lower())
        assert reader.trailer["/Root"]["/Lang"] == lang


def test_numbers_and_dates_follow_the_language_with_a_true_minus(documents):
    _, vi, _ = documents["vi"]
    _, en, _ = documents["en"]
    assert "05/10/2026" in vi and "5 October 2026" in en  # the cover's date
    # Averages, deltas and scores: a true minus and the language's decimal mark.
    assert re.search(f"{MINUS}0,7", vi) and re.search(f"{MINUS}0\\.7", en)
    assert re.search(r"\+\d,\d", vi) and re.search(r"\+\d\.\d", en)
    for text in (vi, en):
        assert not re.search(r"(?<![\w/])-\d", text)  # no hyphen standing for a minus
    assert not re.search(r"[+−]\d\.\d", vi) and not re.search(r"[+−]\d,\d", en)
    assert "Thêm 4 thẻ" in vi and "4 cards added" in en  # the compare summary


def test_a_snapshot_compare_names_its_date_in_the_language(tmp_path):
    project = build_sample()
    current = project.maps[0].name
    for language, said in (("vi", "ảnh lưu “Đánh giá Q3 2026” · chụp ngày 30/09/2026"),
                           ("en", "snapshot “Đánh giá Q3 2026” · taken 30 September 2026")):
        out, _ = export(project, tmp_path, f"snap-{language}.pdf", cover=False, persona=False,
                        legend=False, insights=False, language=language,
                        compare=("snapshot:Đánh giá Q3 2026", f"map:{current}"))
        assert said in pdf_text(out)
