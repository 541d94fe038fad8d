"""Map templates and the built-in channel catalogue, in English and Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.model import (
    Channel,
    JourneyMap,
    Lane,
    LaneKind,
    MapState,
    Phase,
    Project,
    Stage,
    channel_id_for,
)

LANGUAGES = ("en", "vi")

# Okabe–Ito: colour-blind-safe, used as stage header bands.
STAGE_PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
                 "#999999")

# (key, English, Vietnamese, colour)
BUILTIN_CHANNELS = (
    ("website", "Website", "Trang web", "#2F6FB3"),
    ("mobile-app", "Mobile app", "Ứng dụng di động", "#5B5FC7"),
    ("store", "Physical store", "Cửa hàng", "#8E6C3A"),
    ("social", "Social media", "Mạng xã hội", "#C2185B"),
    ("email", "Email", "Email", "#00838F"),
    ("phone", "Phone / hotline", "Điện thoại / hotline", "#2E7D32"),
    ("ads", "Online ads", "Quảng cáo trực tuyến", "#EF6C00"),
    ("search", "Search", "Tìm kiếm", "#1565C0"),
    ("referral", "Referral / word of mouth", "Giới thiệu / truyền miệng", "#6D4C41"),
    ("chat", "Live chat", "Chat trực tuyến", "#00897B"),
    ("office", "Office visit", "Đến văn phòng", "#546E7A"),
    ("event", "Event", "Sự kiện", "#AD1457"),
    ("other", "Other", "Khác", "#757575"),
)

LANE_TITLES = {
    LaneKind.TOUCHPOINTS: ("Touchpoints", "Điểm chạm"),
    LaneKind.ACTIONS: ("Actions", "Hành động"),
    LaneKind.THOUGHTS: ("Thoughts", "Suy nghĩ"),
    LaneKind.EMOTIONS: ("Emotions", "Cảm xúc"),
    LaneKind.PAINS: ("Pains", "Điểm đau"),
    LaneKind.OPPORTUNITIES: ("Opportunities", "Cơ hội"),
    LaneKind.BACKSTAGE: ("Backstage", "Hậu trường"),
    LaneKind.METRICS: ("Metrics", "Chỉ số"),
    LaneKind.TEXT: ("Notes", "Ghi chú"),
}

_DEFAULT_LANES = (
    LaneKind.TOUCHPOINTS,
    LaneKind.ACTIONS,
    LaneKind.THOUGHTS,
    LaneKind.EMOTIONS,
    LaneKind.PAINS,
    LaneKind.OPPORTUNITIES,
)
_BLUEPRINT_LANES = _DEFAULT_LANES + (LaneKind.BACKSTAGE, LaneKind.METRICS)


_B, _D, _A = Phase.BEFORE, Phase.DURING, Phase.AFTER


@dataclass(frozen=True)
class Template:
    """A named starting point: stage titles (English, Vietnamese), lane kinds, and each
    stage's phase on the experience wheel (before / during / after)."""

    key: str
    name: tuple[str, str]
    stages: tuple[tuple[str, str], ...]
    lanes: tuple[LaneKind, ...]
    phases: tuple[Phase, ...] = ()


TEMPLATES: dict[str, Template] = {
    t.key: t
    for t in (
        Template(
            "awareness-5",
            ("Customer journey (5 stages)", "Hành trình khách hàng (5 giai đoạn)"),
            (
                ("Awareness", "Nhận thức"),
                ("Consideration", "Cân nhắc"),
                ("Purchase", "Mua hàng"),
                ("Retention", "Duy trì"),
                ("Loyalty/Advocacy", "Trung thành"),
            ),
            _DEFAULT_LANES,
            (_B, _B, _D, _A, _A),
        ),
        Template(
            "inbound-4",
            ("Inbound journey (4 stages)", "Hành trình inbound (4 giai đoạn)"),
            (
                ("Attract", "Thu hút"),
                ("Convert", "Chuyển đổi"),
                ("Close", "Chốt đơn"),
                ("Delight", "Hài lòng"),
            ),
            _DEFAULT_LANES,
            (_B, _B, _D, _A),
        ),
        Template(
            "value-journey-8",
            ("Customer value journey (8 stages)", "Hành trình giá trị khách hàng (8 giai đoạn)"),
            (
                ("Aware", "Nhận thức"),
                ("Engage", "Gắn kết"),
                ("Subscribe", "Đăng ký"),
                ("Convert", "Chuyển đổi"),
                ("Excite", "Hứng thú"),
                ("Ascend", "Nâng cấp"),
                ("Advocate", "Ủng hộ"),
                ("Promote", "Quảng bá"),
            ),
            _DEFAULT_LANES,
            # Excite is the first use after buying (onboarding): already after.
            (_B, _B, _B, _D, _A, _A, _A, _A),
        ),
        Template(
            "service-blueprint",
            ("Service blueprint", "Bản thiết kế dịch vụ"),
            (
                ("Pre-service", "Trước dịch vụ"),
                ("Service", "Trong dịch vụ"),
                ("Post-service", "Sau dịch vụ"),
            ),
            _BLUEPRINT_LANES,
            (_B, _D, _A),
        ),
        Template("blank", ("Blank map", "Bản đồ trống"), (), ()),
    )
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "vi" else pair[0]


def check_language(lang: str) -> None:
    """Raise ValueError naming the supported languages when `lang` is not one."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of: {', '.join(LANGUAGES)}")


def lane_title(kind: LaneKind, lang: str) -> str:
    """The default title of a lane of this kind in this language."""
    return _pick(LANE_TITLES[kind], lang)


def builtin_channels(lang: str = "en") -> list[Channel]:
    """A fresh copy of the built-in channel catalogue, with stable ids."""
    return [
        Channel(key=key, name=vi if lang == "vi" else en, icon=key, color=color,
                id=channel_id_for(key))
        for key, en, vi, color in BUILTIN_CHANNELS
    ]


def build_map(key: str, lang: str = "en", name: str | None = None) -> JourneyMap:
    """A new map laid out from the template `key` in language `lang`."""
    check_language(lang)
    template = TEMPLATES.get(key)
    if template is None:
        raise ValueError(f"unknown template {key!r}; choose one of: {', '.join(TEMPLATES)}")
    journey = JourneyMap(name=name or _pick(template.name, lang), state=MapState.CURRENT)
    for i, pair in enumerate(template.stages):
        journey.stages.append(
            Stage(map_id=journey.id, title=_pick(pair, lang),
                  color=STAGE_PALETTE[i % len(STAGE_PALETTE)],
                  phase=template.phases[i] if i < len(template.phases) else None)
        )
    for kind in template.lanes:
        journey.lanes.append(Lane(map_id=journey.id, title=lane_title(kind, lang), kind=kind))
    return journey


def new_project(template: str = "awareness-5", lang: str = "en",
                title: str | None = None) -> Project:
    """A new project holding one map from `template`, with the built-in channels."""
    check_language(lang)
    journey = build_map(template, lang)
    default_title = "Dự án mới" if lang == "vi" else "New project"
    project = Project(title=title or default_title, language=lang)
    project.channels = builtin_channels(lang)
    project.maps.append(journey)
    return project
