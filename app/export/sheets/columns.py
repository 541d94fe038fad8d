"""The spreadsheet tables' columns and sheet names, shared by export and import.

Each column has a stable key (the field it carries) and a header per language. Export
writes the project's language; import matches a header in either language, ignoring
case, spacing and diacritics, so a user's own sheet headed "Tiêu đề" or "tieu de" or
"Title" reads the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.search import fold as fold  # re-exported: the sheets read it here

LANGUAGES = ("en", "vi")


@dataclass(frozen=True)
class Column:
    key: str
    en: str
    vi: str
    # Other headers a user's own sheet may carry for this column (any language).
    aliases: tuple[str, ...] = ()

    def header(self, language: str) -> str:
        return self.vi if language == "vi" else self.en


def _c(key: str, en: str, vi: str, *aliases: str) -> Column:
    return Column(key, en, vi, aliases)


CARD_COLUMNS: tuple[Column, ...] = (
    _c("id", "ID", "Mã"),
    _c("map", "Map", "Bản đồ"),
    _c("stage", "Stage", "Giai đoạn", "phase", "step"),
    _c("lane", "Lane", "Làn", "row", "dòng"),
    _c("kind", "Lane kind", "Loại làn", "type", "loại"),
    _c("order", "Order", "Thứ tự"),
    _c("title", "Title", "Tiêu đề", "name", "tên", "card"),
    _c("body", "Body", "Nội dung", "description", "mô tả", "text", "note", "ghi chú"),
    _c("channel", "Channel", "Kênh"),
    # "Nhãn", not "Thẻ": the Cards sheet is "Thẻ" in Vietnamese (still read as an alias).
    _c("tags", "Tags", "Nhãn", "tag", "thẻ"),
    _c("severity", "Severity", "Mức độ", "mức nghiêm trọng"),
    _c("owner", "Owner", "Người phụ trách", "phụ trách", "assignee"),
    _c("priority", "Priority", "Ưu tiên", "độ ưu tiên"),
    _c("status", "Status", "Trạng thái"),
    _c("value", "Value", "Giá trị"),
    _c("unit", "Unit", "Đơn vị"),
    _c("target", "Target", "Mục tiêu"),
    _c("evidence", "Evidence", "Bằng chứng"),
    _c("favourite", "Favourite", "Yêu thích", "favorite", "star"),
    _c("span", "Span", "Số giai đoạn trải", "stages spanned"),
    # Dots of every voting round: shown, not read back (the votes ride in the hidden sheet).
    _c("votes", "Votes", "Phiếu bầu", "dots", "số phiếu"),
)

CONNECTOR_COLUMNS: tuple[Column, ...] = (
    _c("id", "ID", "Mã"),
    _c("map", "Map", "Bản đồ"),
    _c("from", "From", "Từ"),
    _c("from_id", "From ID", "Mã nguồn"),
    _c("to", "To", "Đến"),
    _c("to_id", "To ID", "Mã đích"),
    _c("kind", "Kind", "Loại"),
    _c("label", "Label", "Nhãn"),
    _c("assumed", "Assumed", "Giả định"),
)

MARKER_COLUMNS: tuple[Column, ...] = (
    _c("id", "ID", "Mã"),
    _c("map", "Map", "Bản đồ"),
    _c("stage", "Stage", "Giai đoạn"),
    _c("lane", "Lane", "Làn"),
    _c("score", "Score", "Điểm", "emotion", "cảm xúc"),
    _c("position", "Position", "Vị trí"),
    _c("label", "Label", "Nhãn"),
)

PERSONA_COLUMNS: tuple[Column, ...] = (
    _c("id", "ID", "Mã"),
    _c("name", "Name", "Tên"),
    _c("description", "Description", "Mô tả"),
    _c("age", "Age", "Tuổi"),
    _c("occupation", "Occupation", "Nghề nghiệp"),
    _c("quote", "Quote", "Câu nói"),
    _c("goals", "Goals", "Mục tiêu"),
    _c("motivations", "Motivations", "Động lực"),
    _c("behaviours", "Behaviours", "Hành vi", "behaviors"),
    _c("interests", "Interests", "Sở thích"),
    _c("pains", "Pains", "Nỗi đau"),
    _c("channels", "Channels", "Kênh"),
)

# The Metrics sheet: one row per card of a metrics lane. A merge reads back Metric (the
# title), Value, Unit and Target by the card's ID (merge_sides.py); the last two columns
# are worked out, not read.
METRIC_COLUMNS: tuple[Column, ...] = (
    _c("id", "ID", "Mã"),
    _c("map", "Map", "Bản đồ"),
    _c("stage", "Stage", "Giai đoạn"),
    _c("lane", "Lane", "Làn"),
    _c("title", "Metric", "Chỉ số"),
    _c("value", "Value", "Giá trị"),
    _c("unit", "Unit", "Đơn vị"),
    _c("target", "Target", "Mục tiêu"),
    _c("direction", "Better when", "Tốt hơn khi"),
    _c("versus_target", "Against target", "So với mục tiêu"),
)

# The Opportunities sheet: the action list; a merge reads its card fields back by ID.
OPPORTUNITY_COLUMNS: tuple[Column, ...] = (
    _c("id", "ID", "Mã"),
    _c("map", "Map", "Bản đồ"),
    _c("stage", "Stage", "Giai đoạn"),
    _c("lane", "Lane", "Làn"),
    _c("title", "Opportunity", "Cơ hội"),
    _c("body", "Body", "Nội dung"),
    _c("owner", "Owner", "Người phụ trách"),
    _c("priority", "Priority", "Ưu tiên"),
    _c("status", "Status", "Trạng thái"),
    _c("severity", "Severity", "Mức độ"),
    _c("tags", "Tags", "Nhãn"),
)

# Sheet names (Excel allows at most 31 characters and none of []:*?/\).
SHEETS: dict[str, Column] = {
    "cards": _c("cards", "Cards", "Thẻ"),
    "markers": _c("markers", "Markers", "Điểm cảm xúc"),
    "personas": _c("personas", "Personas", "Chân dung"),
    "metrics": _c("metrics", "Metrics", "Chỉ số"),
    "opportunities": _c("opportunities", "Opportunities", "Cơ hội"),
    "connectors": _c("connectors", "Connectors", "Kết nối"),
}

# The hidden sheet that marks a workbook as ours: A1 the mark, A2 the format version,
# then key/value rows from row 3 (column A key, B value; a "map" row carries the map id
# in B, its grid sheet's name in C and the map's name in D).
META_SHEET = "_journey_studio"
META_MARK = "journey-studio-sheets"
META_VERSION = 1
META_KEYS = ("project_id", "project_title", "language", "exported_at", "map")

# The grid sheet's extra row under an emotions lane: the mean score of each stage.
GRID_SCORE_ROW = _c("score", "Emotion score", "Điểm cảm xúc")




def match_columns(headers: list[str], columns: tuple[Column, ...]) -> dict[int, str]:
    """Which column key each header position carries; unknown headers are left out.

    A key is given to its first matching header only, so two "Title" columns do not
    both feed one field.
    """
    lookup: dict[str, str] = {}
    for column in columns:
        for name in (column.key, column.en, column.vi, *column.aliases):
            lookup.setdefault(fold(name), column.key)
    found: dict[int, str] = {}
    taken: set[str] = set()
    for position, header in enumerate(headers):
        key = lookup.get(fold(header))
        if key is not None and key not in taken:
            found[position] = key
            taken.add(key)
    return found
