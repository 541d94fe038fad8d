"""The bundled sample project: a Vietnamese online home-goods shop's customer journey.

`build_sample()` makes the same project every time (ids derived with uuid5 from fixed
names, fixed timestamps), so the committed files in resources/samples/ can be checked
against it. `python -m app.samples` rewrites those files. Qt-free: the avatar is a
committed PNG (drawn by scripts/make_sample_avatar.py).
"""

from __future__ import annotations

import uuid
from pathlib import Path

from app.domain.copying import clone_map, derived_id, frozen_copy
from app.domain.model import (
    Card,
    Channel,
    EmotionMarker,
    Evidence,
    JourneyMap,
    Lane,
    LaneKind,
    MapState,
    Persona,
    Project,
    Snapshot,
    Stage,
)
from app.domain.templates import STAGE_PALETTE, builtin_channels, lane_title
from app.domain.validation import validate_project
from app.resources import resource

SAMPLE_JSON = "online-shop.json"
SAMPLE_CJM = "online-shop.cjm"
AVATAR = "avatar.png"

_NAMESPACE = uuid.UUID("5e7d1c0a-6a43-4c1b-8f0e-2b9a7d4c3e21")

OBS, ASM, PRO = Evidence.OBSERVED, Evidence.ASSUMED, Evidence.PROPOSED
TP, ACT, THO, EMO, PAIN, OPP, BACK, MET, TXT = (
    LaneKind.TOUCHPOINTS, LaneKind.ACTIONS, LaneKind.THOUGHTS, LaneKind.EMOTIONS,
    LaneKind.PAINS, LaneKind.OPPORTUNITIES, LaneKind.BACKSTAGE, LaneKind.METRICS, LaneKind.TEXT,
)
LANES = (TP, ACT, THO, EMO, PAIN, OPP, BACK, MET, TXT)

STAGES = (
    ("Nhận thức", "Chị Hà lần đầu biết đến Sen Việt qua mạng xã hội."),
    ("Cân nhắc", "So sánh giá, chất liệu và độ uy tín giữa website, Shopee và các shop khác."),
    ("Mua hàng", "Đặt hàng trên website: giỏ hàng, phí giao hàng, thanh toán."),
    ("Duy trì", "Nhận hàng, dùng thử, đổi trả nếu có lỗi."),
    ("Trung thành", "Tích điểm, đánh giá và giới thiệu cho bạn bè."),
)

# Cards of the current map: (key, stage index, lane kind, title, fields).
CURRENT_CARDS: tuple[tuple[str, int, LaneKind, str, dict], ...] = (
    # Nhận thức
    ("fb-ad", 0, TP, "Quảng cáo video trên Facebook",
     dict(channel="ads", body="Video 15 giây giới thiệu bộ chăn ga cotton, nhắm đến phụ nữ "
          "25–35 tuổi ở TP.HCM.", evidence=OBS, favourite=True, tags=["Meta Ads"])),
    ("tiktok-koc", 0, TP, "Video review của KOC trên TikTok",
     dict(channel="social", body="Một KOC nội thất quay cảnh trải ga giường \"trước và sau\".",
          evidence=OBS)),
    ("scroll", 0, ACT, "Lướt Facebook giờ nghỉ trưa, bấm xem video",
     dict(evidence=OBS)),
    ("think-price", 0, THO, "“Bộ này đẹp quá… mà giá bao nhiêu nhỉ?”", dict(evidence=OBS)),
    ("ad-no-price", 0, PAIN, "Quảng cáo không ghi giá, phải nhắn tin hỏi",
     dict(severity=2, evidence=OBS, body="7/12 người được phỏng vấn bỏ qua quảng cáo vì "
          "không thấy giá.")),
    ("opp-price-ad", 0, OPP, "Hiện giá và ưu đãi ngay trong quảng cáo",
     dict(owner="Marketing — chị Lan", priority="Cao", status="Đang làm", evidence=PRO)),
    ("meta-team", 0, BACK, "Đội Marketing chạy chiến dịch Meta Ads",
     dict(body="Ngân sách 60 triệu đồng/tháng; nội dung do agency sản xuất.", evidence=OBS)),
    ("ctr", 0, MET, "Tỉ lệ nhấp quảng cáo (CTR)",
     dict(value=1.8, unit="%", target=2.5, evidence=OBS)),
    ("research-note", 0, TXT, "Nguồn: phỏng vấn 12 khách hàng và dữ liệu GA4, tháng 8/2026",
     dict(span=5, evidence=OBS)),
    # Cân nhắc
    ("product-page", 1, TP, "Trang sản phẩm trên website",
     dict(channel="website", evidence=OBS)),
    ("shopee", 1, TP, "Gian hàng Sen Việt trên Shopee",
     dict(channel="marketplace", body="Cùng mẫu, rẻ hơn 30.000đ nhờ mã giảm giá của sàn.",
          evidence=OBS)),
    ("zalo-chat", 1, TP, "Tư vấn qua Zalo OA",
     dict(channel="zalo", body="Trả lời trong khoảng 4 phút, gửi kèm ảnh chụp thật.",
          evidence=OBS, favourite=True)),
    ("compare", 1, ACT, "So sánh giá với 3 shop khác trên Shopee", dict(evidence=OBS)),
    ("ask-size", 1, ACT, "Nhắn Zalo hỏi kích thước và chất liệu", dict(evidence=OBS)),
    ("think-trust", 1, THO, "“Shopee rẻ hơn chút, nhưng shop này có vẻ uy tín hơn.”",
     dict(evidence=OBS)),
    ("no-real-photos", 1, PAIN, "Trang sản phẩm thiếu ảnh thật và bảng kích thước",
     dict(severity=2, evidence=OBS)),
    ("opp-ugc", 1, OPP, "Thêm ảnh khách chụp và video 360° cho từng mẫu",
     dict(owner="Nhóm Nội dung — anh Tuấn", priority="Trung bình", status="Mới",
          evidence=PRO)),
    ("cs-team", 1, BACK, "2 nhân viên CSKH trực Zalo 8:00–22:00",
     dict(body="Có kịch bản trả lời mẫu; chưa nối với dữ liệu tồn kho.", evidence=OBS)),
    ("bounce", 1, MET, "Tỉ lệ thoát trang sản phẩm",
     dict(value=62.0, unit="%", target=45.0, evidence=OBS)),
    # Mua hàng
    ("checkout", 2, TP, "Giỏ hàng và thanh toán trên website",
     dict(channel="website", evidence=OBS)),
    ("add-to-cart", 2, ACT, "Thêm vào giỏ, nhập địa chỉ, thấy phí giao hàng 45.000đ",
     dict(evidence=OBS)),
    ("choose-cod", 2, ACT, "Chọn thanh toán khi nhận hàng (COD)", dict(evidence=OBS)),
    ("think-ship", 2, THO, "“Phí ship gần bằng 1/5 giá trị đơn, hay là thôi?”",
     dict(evidence=OBS)),
    ("ship-shock", 2, PAIN, "Phí giao hàng chỉ hiện ở bước cuối cùng",
     dict(severity=3, evidence=OBS, tags=["phí ship", "bỏ giỏ hàng"],
          body="Khách bỏ giỏ ngay khi thấy phí 45.000đ cho đơn 249.000đ.")),
    ("forced-account", 2, PAIN, "Bắt buộc tạo tài khoản trước khi thanh toán",
     dict(severity=2, evidence=OBS)),
    ("opp-free-ship", 2, OPP, "Báo ngưỡng miễn phí giao hàng (từ 499.000đ) ngay từ đầu",
     dict(owner="Nhóm Sản phẩm — anh Minh", priority="Cao", status="Đang làm",
          evidence=PRO, body="Hiện trên trang sản phẩm và thanh tiến trình trong giỏ.")),
    ("opp-guest", 2, OPP, "Cho phép mua không cần tài khoản",
     dict(owner="Nhóm Sản phẩm — anh Minh", priority="Cao", status="Mới", evidence=PRO)),
    ("ship-rates", 2, BACK, "Phí giao hàng lấy theo bảng giá GHN, cập nhật thủ công",
     dict(evidence=OBS)),
    ("cod-recon", 2, BACK, "Kế toán đối soát tiền COD với đơn vị vận chuyển mỗi tuần",
     dict(evidence=OBS)),
    ("abandon", 2, MET, "Tỉ lệ bỏ giỏ hàng",
     dict(value=71.0, unit="%", target=55.0, evidence=OBS)),
    ("conversion", 2, MET, "Tỉ lệ chuyển đổi",
     dict(value=1.2, unit="%", target=2.0, evidence=OBS)),
    # Duy trì
    ("zalo-updates", 3, TP, "Tin nhắn Zalo cập nhật đơn hàng",
     dict(channel="zalo", evidence=OBS, favourite=True)),
    ("courier-call", 3, TP, "Shipper gọi điện trước khi giao", dict(channel="phone",
                                                                       evidence=OBS)),
    ("receive", 3, ACT, "Theo dõi đơn, nhận hàng, kiểm tra rồi trả tiền COD",
     dict(evidence=OBS)),
    ("ask-return", 3, ACT, "Yêu cầu đổi vỏ gối bị lỗi đường may", dict(evidence=OBS)),
    ("think-pack", 3, THO, "“Giao nhanh hơn mình nghĩ, đóng gói rất cẩn thận.”",
     dict(evidence=OBS)),
    ("return-trip", 3, PAIN, "Đổi trả phải tự mang hàng ra bưu cục",
     dict(severity=2, evidence=OBS)),
    ("opp-pickup", 3, OPP, "Lấy hàng đổi trả tận nhà trong 7 ngày",
     dict(owner="Vận hành — chị Ngọc", priority="Trung bình", status="Mới", evidence=PRO)),
    ("warehouse", 3, BACK, "Kho Thủ Đức đóng gói trong 24 giờ, kiểm hàng hai bước",
     dict(evidence=OBS)),
    ("csat", 3, MET, "CSAT sau giao hàng", dict(value=8.1, unit="/10", target=8.5,
                                                 evidence=OBS)),
    ("delivery-days", 3, MET, "Thời gian giao hàng trung bình",
     dict(value=2.4, unit="ngày", target=2.0, evidence=OBS)),
    # Trung thành
    ("points-email", 4, TP, "Email tích điểm thành viên", dict(channel="email",
                                                                evidence=OBS)),
    ("fb-group", 4, TP, "Nhóm Facebook \"Nhà Sen Việt\"", dict(channel="social",
                                                              evidence=ASM)),
    ("review", 4, ACT, "Viết đánh giá 5 sao kèm ảnh để nhận 20.000 điểm", dict(evidence=OBS)),
    ("refer", 4, ACT, "Giới thiệu cho đồng nghiệp cùng phòng", dict(evidence=ASM)),
    ("think-back", 4, THO, "“Được giảm giá lần sau thì mình sẽ quay lại.”",
     dict(evidence=OBS)),
    ("points-expire", 4, PAIN, "Điểm thưởng hết hạn sau 3 tháng mà không báo trước",
     dict(severity=1, evidence=OBS)),
    ("opp-remind", 4, OPP, "Nhắc hạn điểm qua Zalo trước 14 ngày",
     dict(owner="CRM — chị Lan", priority="Thấp", status="Mới", evidence=PRO)),
    ("crm", 4, BACK, "CRM ghi nhận điểm thưởng; chưa kết nối Zalo OA", dict(evidence=OBS)),
    ("nps", 4, MET, "NPS", dict(value=32.0, unit="điểm", target=45.0, evidence=OBS)),
    ("repeat", 4, MET, "Tỉ lệ mua lại trong 90 ngày",
     dict(value=18.0, unit="%", target=25.0, evidence=OBS)),
)

# (key, stage index, score, position, label): the curve dips hard at checkout.
CURRENT_MARKERS = (
    ("m-curious", 0, 1, 0.3, "Tò mò vì video đẹp"),
    ("m-no-price", 0, 0, 0.75, "Không thấy giá"),
    ("m-zalo", 1, 1, 0.3, "Tư vấn nhanh qua Zalo"),
    ("m-doubt", 1, 0, 0.8, "Phân vân vì Shopee rẻ hơn"),
    ("m-pick", 2, 1, 0.15, "Hào hứng chọn mẫu"),
    ("m-shock", 2, -2, 0.5, "Sốc phí giao hàng"),
    ("m-account", 2, -1, 0.9, "Phải tạo tài khoản"),
    ("m-arrived", 3, 1, 0.35, "Hàng đến sớm, đẹp như hình"),
    ("m-return", 3, -1, 0.8, "Đổi trả phiền phức"),
    ("m-points", 4, 2, 0.5, "Nhận điểm thưởng, giới thiệu bạn"),
)

# The future state: cards rewritten, removed and added; markers rescored.
FUTURE_EDITS = {
    "fb-ad": dict(body="Video 15 giây kèm giá, ưu đãi và ngưỡng miễn phí giao hàng.",
                  evidence=PRO),
    "bounce": dict(value=45.0, evidence=PRO),
    "abandon": dict(value=52.0, evidence=PRO),
    "conversion": dict(value=2.1, evidence=PRO),
    "csat": dict(value=8.8, evidence=PRO),
    "nps": dict(value=45.0, evidence=PRO),
    "opp-free-ship": dict(status="Đã xong"),
    "opp-guest": dict(status="Đã xong"),
    "opp-pickup": dict(status="Đang làm"),
    "think-ship": dict(title="“Thêm một món nữa là được miễn phí ship, tiện quá.”",
                       evidence=PRO),
    "return-trip": dict(title="Đổi trả vẫn cần chụp ảnh lỗi khi gửi yêu cầu", severity=1,
                        evidence=PRO),
}
FUTURE_REMOVED = ("ad-no-price", "ship-shock", "forced-account")
FUTURE_ADDED: tuple[tuple[str, int, LaneKind, str, dict], ...] = (
    ("f-ship-bar", 2, TP, "Thanh tiến trình \"Còn 60.000đ để được miễn phí giao hàng\"",
     dict(channel="website", evidence=PRO, favourite=True)),
    ("f-guest", 2, ACT, "Thanh toán nhanh bằng số điện thoại, không cần tài khoản",
     dict(evidence=PRO)),
    ("f-fee-page", 1, TP, "Phí giao hàng và ngưỡng miễn phí hiện trên trang sản phẩm",
     dict(channel="website", evidence=PRO)),
    ("f-pickup", 3, BACK, "Hợp đồng lấy hàng đổi trả tận nhà với GHN",
     dict(evidence=PRO)),
)
FUTURE_MARKERS = {
    "m-no-price": (1, "Thấy giá và ưu đãi ngay"),
    "m-doubt": (1, "Biết trước tổng tiền"),
    "m-shock": (1, "Đủ ngưỡng miễn phí giao hàng"),
    "m-account": (1, "Thanh toán nhanh, không cần tài khoản"),
    "m-return": (1, "Shipper lấy hàng đổi tận nhà"),
}

CUSTOM_CHANNELS = (
    ("marketplace", "Sàn TMĐT (Shopee)", "other", "#EE4D2D"),
    ("zalo", "Zalo OA", "chat", "#0068FF"),
)


def sample_id(key: str) -> str:
    """The fixed id of a sample entity named `key`."""
    return str(uuid.uuid5(_NAMESPACE, key))


def samples_dir() -> Path:
    """resources/samples, wherever app.resources finds the resources."""
    return resource("samples")


def _channels() -> list[Channel]:
    channels = builtin_channels("vi")
    channels += [Channel(key=key, name=name, icon=icon, color=color, id=sample_id(f"ch-{key}"))
                 for key, name, icon, color in CUSTOM_CHANNELS]
    return channels


def _persona(channels: dict[str, str]) -> Persona:
    avatar = samples_dir() / AVATAR
    return Persona(
        name="Nguyễn Thu Hà",
        id=sample_id("persona-ha"),
        description="Mới thuê căn hộ ở Quận 7, đang tự trang trí nhà với ngân sách vừa phải; "
                    "mua sắm chủ yếu trên điện thoại.",
        age=29,
        occupation="Kế toán tại một công ty logistics, TP. Hồ Chí Minh",
        quote="Mình sẵn sàng mua online, miễn là biết trước tổng tiền và đổi trả dễ dàng.",
        goals="Hoàn thiện phòng ngủ trước Tết với đồ đẹp, bền, dưới 5 triệu đồng.\n"
              "Mua được hàng đúng như hình, không mất thời gian đi chợ.",
        motivations="Muốn căn hộ ấm cúng để mời bạn bè đến chơi.\n"
                    "Thích ủng hộ thương hiệu Việt có chất lượng tốt.",
        behaviours="Lướt Facebook và TikTok giờ nghỉ trưa; luôn so giá trên Shopee trước khi "
                   "mua; hỏi shop qua Zalo; thích trả tiền khi nhận hàng (COD).",
        interests="Trang trí nhà cửa, cây cảnh, nấu ăn, video \"trước và sau\" trên TikTok.",
        pains="Phí giao hàng bất ngờ ở bước cuối; ảnh sản phẩm khác hàng thật; "
              "đổi trả mất công.",
        channel_ids=[channels["social"], channels["mobile-app"], channels["zalo"],
                     channels["marketplace"]],
        photo=avatar.read_bytes(),
        photo_mime="image/png",
    )


def _card(map_id: str, stages: list[Stage], lanes: dict[LaneKind, Lane], channels: dict,
          key: str, stage: int, kind: LaneKind, title: str, fields: dict) -> Card:
    fields = dict(fields)
    channel = fields.pop("channel", None)
    return Card(map_id=map_id, stage_id=stages[stage].id, lane_id=lanes[kind].id, title=title,
                id=sample_id(key), channel_id=channels[channel] if channel else None, **fields)


def _number_cells(journey: JourneyMap) -> None:
    # `order` ranks cards inside their cell, in the order they were written above.
    counters: dict[tuple[str, str], int] = {}
    for card in journey.cards:
        cell = (card.stage_id, card.lane_id)
        card.order = counters.get(cell, 0)
        counters[cell] = card.order + 1
    # Keep the lists in reading order (stage, lane, rank; markers along the journey), the
    # order a file is written in, so the sample reads back as the very same lists.
    stage_rank = {s.id: i for i, s in enumerate(journey.stages)}
    lane_rank = {lane.id: i for i, lane in enumerate(journey.lanes)}
    journey.cards.sort(key=lambda c: (stage_rank[c.stage_id], lane_rank[c.lane_id], c.order,
                                      c.id))
    journey.markers.sort(key=lambda m: (stage_rank[m.stage_id], m.position, m.id))


def _current_map(persona: Persona, channels: dict[str, str]) -> JourneyMap:
    journey = JourneyMap(
        name="Mua đồ gia dụng online — hiện tại",
        id=sample_id("map-current"),
        description="Hành trình mua bộ chăn ga đầu tiên trên website Sen Việt, "
                    "theo nghiên cứu tháng 8/2026.",
        state=MapState.CURRENT,
        persona_id=persona.id,
    )
    journey.stages = [
        Stage(map_id=journey.id, title=title, description=text, id=sample_id(f"stage-{i}"),
              color=STAGE_PALETTE[i], width=260.0 if i == 2 else 240.0)
        for i, (title, text) in enumerate(STAGES)
    ]
    journey.lanes = [
        Lane(map_id=journey.id, title=lane_title(kind, "vi"), kind=kind,
             id=sample_id(f"lane-{kind.value}"), height=72.0 if kind == TXT else 96.0)
        for kind in LANES
    ]
    lanes = {lane.kind: lane for lane in journey.lanes}
    journey.cards = [_card(journey.id, journey.stages, lanes, channels, *spec)
                     for spec in CURRENT_CARDS]
    journey.markers = [
        EmotionMarker(map_id=journey.id, stage_id=journey.stages[stage].id,
                      lane_id=lanes[EMO].id, score=score, position=position, label=label,
                      id=sample_id(key))
        for key, stage, score, position, label in CURRENT_MARKERS
    ]
    _number_cells(journey)
    return journey


def _future_map(current: JourneyMap, channels: dict[str, str]) -> JourneyMap:
    # The same semantics as operations.create_future_state: a clone with derived ids.
    future = clone_map(current, "Mua đồ gia dụng online — tương lai",
                       map_id=sample_id("map-future"))
    future.state = MapState.FUTURE
    future.derived_from_id = current.id
    future.description = ("Trải nghiệm mong muốn sau quý 4/2026: minh bạch phí giao hàng, "
                          "mua không cần tài khoản, đổi trả tận nhà.")
    derived = {key: derived_id(future.id, sample_id(key)) for key, *_ in CURRENT_CARDS}
    removed = {derived[key] for key in FUTURE_REMOVED}
    future.cards = [c for c in future.cards if c.id not in removed]
    cards = {c.id: c for c in future.cards}
    for key, edits in FUTURE_EDITS.items():
        for name, value in edits.items():
            setattr(cards[derived[key]], name, value)
    lanes = {lane.kind: lane for lane in future.lanes}
    future.cards += [_card(future.id, future.stages, lanes, channels, *spec)
                     for spec in FUTURE_ADDED]
    _number_cells(future)
    for key, (score, label) in FUTURE_MARKERS.items():
        marker = next(m for m in future.markers
                      if m.id == derived_id(future.id, sample_id(key)))
        marker.score, marker.label = score, label
    return future


def build_sample() -> Project:
    """The sample project, identical on every call."""
    project = Project(
        title="Cửa hàng trực tuyến Sen Việt",
        id=sample_id("project"),
        client="Công ty TNHH Sen Việt Home",
        author="Nhóm Trải nghiệm khách hàng",
        created="2026-08-12T02:30:00+00:00",
        modified="2026-10-05T08:15:00+00:00",
        language="vi",
    )
    project.channels = _channels()
    channels = {c.key: c.id for c in project.channels}
    persona = _persona(channels)
    project.personas = [persona]
    current = _current_map(persona, channels)
    # The Q3 review saw the map as it stood then: the Zalo consultation was not yet mapped
    # and two metrics were worse. The live map moved on after the snapshot.
    reviewed = frozen_copy(current)
    reviewed.cards = [c for c in reviewed.cards if c.id != sample_id("zalo-chat")]
    _number_cells(reviewed)
    for card in reviewed.cards:
        if card.id == sample_id("bounce"):
            card.value = 68.0
        elif card.id == sample_id("abandon"):
            card.value = 74.0
    snapshot = Snapshot(map_id=current.id, name="Đánh giá Q3 2026", content=reviewed,
                        id=sample_id("snapshot-q3"), taken_at="2026-09-30T09:00:00+00:00")
    future = _future_map(current, channels)
    project.maps = [current, future]
    project.snapshots = [snapshot]
    validate_project(project)
    return project


def write_samples(folder: Path | None = None) -> list[Path]:
    """Write the sample as JSON and as a .cjm project into `folder` (resources/samples)."""
    from app.export.json_io import write_json

    folder = folder or samples_dir()
    project = build_sample()
    json_path = folder / SAMPLE_JSON
    write_json(project, json_path)
    written = [json_path]
    from app.storage import ProjectStore

    cjm_path = folder / SAMPLE_CJM
    if cjm_path.exists():
        cjm_path.unlink()
    store = ProjectStore.create(cjm_path, project)
    store.close()
    written.append(cjm_path)
    return written


if __name__ == "__main__":
    for path in write_samples():
        print(path)
