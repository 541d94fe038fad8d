"""A realistic Vietnamese sample project for the export tests (and for looking at)."""

from __future__ import annotations

import importlib.util
import io

import pytest

from app.domain.model import Card, EmotionMarker, Evidence, Lane, LaneKind, Persona, Project
from app.domain.templates import new_project

STAGE_CARDS = {
    # stage index -> lane kind -> [(title, body, extra)]
    0: {
        LaneKind.TOUCHPOINTS: [("Quảng cáo Facebook", "Thấy video ưu đãi trả góp 0% khi lướt "
                                "mạng xã hội buổi tối", {"channel": "social", "favourite": True}),
                               ("Tìm kiếm Google", "Gõ “điện thoại trả góp” và so sánh kết quả",
                                {"channel": "search"})],
        LaneKind.ACTIONS: [("Đọc đánh giá", "Xem 3–4 video review trên YouTube", {})],
        LaneKind.THOUGHTS: [("Liệu có rẻ hơn không?", "Mình có nên đợi đợt khuyến mãi sau?", {})],
        LaneKind.PAINS: [("Quá nhiều lựa chọn", "Khó so sánh các gói trả góp", {"severity": 2})],
        LaneKind.OPPORTUNITIES: [("Bảng so sánh gói", "Một trang so sánh rõ ràng lãi suất",
                                  {"priority": "High", "owner": "Marketing", "status": "Open"})],
    },
    1: {
        LaneKind.TOUCHPOINTS: [("Trang web sản phẩm", "Xem cấu hình, màu sắc và giá",
                                {"channel": "website"}),
                               ("Chat trực tuyến", "Hỏi về thủ tục trả góp", {"channel": "chat"})],
        LaneKind.ACTIONS: [("So sánh giá", "Mở 5 tab của các cửa hàng khác nhau", {})],
        LaneKind.THOUGHTS: [("Thủ tục có phức tạp?", "", {})],
        LaneKind.PAINS: [("Phí ẩn", "Phí hồ sơ chỉ hiện ở bước cuối", {"severity": 3})],
        LaneKind.OPPORTUNITIES: [("Hiện tổng chi phí sớm", "", {"priority": "High",
                                  "owner": "Sản phẩm", "status": "In progress"})],
    },
    2: {
        LaneKind.TOUCHPOINTS: [("Cửa hàng Quận 1", "Nhân viên tư vấn và ký hợp đồng",
                                {"channel": "store", "favourite": True}),
                               ("Hotline 1800", "Xác nhận hồ sơ", {"channel": "phone"})],
        LaneKind.ACTIONS: [("Nộp giấy tờ", "CCCD và hóa đơn điện nước", {}),
                           ("Thanh toán trả trước", "Quẹt thẻ 30%", {})],
        LaneKind.THOUGHTS: [("Mong là được duyệt nhanh", "", {})],
        LaneKind.PAINS: [("Chờ duyệt 45 phút", "Không có thông báo tiến độ", {"severity": 3}),
                         ("Thiếu giấy tờ", "Phải quay lại lần hai", {"severity": 2})],
        LaneKind.OPPORTUNITIES: [("Duyệt hồ sơ trực tuyến", "Cho phép gửi ảnh giấy tờ trước",
                                  {"priority": "Medium", "owner": "IT", "status": "Open"})],
    },
    3: {
        LaneKind.TOUCHPOINTS: [("Email hướng dẫn", "Hướng dẫn thanh toán hằng tháng",
                                {"channel": "email"}),
                               ("Ứng dụng di động", "Nhắc lịch thanh toán",
                                {"channel": "mobile-app"})],
        LaneKind.ACTIONS: [("Cài ứng dụng", "", {})],
        LaneKind.THOUGHTS: [("Tiện thật!", "Không cần ra cửa hàng nữa", {})],
        LaneKind.PAINS: [],
        LaneKind.OPPORTUNITIES: [("Ưu đãi phụ kiện", "", {"priority": "Low", "owner": "Bán hàng",
                                  "status": "Done"})],
    },
    4: {
        LaneKind.TOUCHPOINTS: [("Giới thiệu bạn bè", "Nhận voucher 200.000đ",
                                {"channel": "referral"}),
                               ("Sự kiện ra mắt", "Mời khách thân thiết", {"channel": "event"})],
        LaneKind.ACTIONS: [("Chia sẻ lên Zalo", "", {})],
        LaneKind.THOUGHTS: [("Lần sau vẫn mua ở đây", "", {})],
        LaneKind.PAINS: [("Voucher khó dùng", "", {"severity": 1})],
        LaneKind.OPPORTUNITIES: [("Chương trình hạng thành viên", "", {"priority": "Medium",
                                  "owner": "CRM", "status": "Idea"})],
    },
}
MARKERS = [(0, 0.3, 1, "Tò mò"), (0, 0.75, 0, "Phân vân"), (1, 0.5, -1, "Lo phí ẩn"),
           (2, 0.3, -2, "Chờ quá lâu"), (2, 0.8, 0, "Được duyệt"), (3, 0.5, 1, "Yên tâm"),
           (4, 0.5, 2, "Hài lòng")]
METRICS = [(0, "Lượt truy cập", 12000, ""), (1, "Thêm vào giỏ", 3100, ""),
           (2, "Đặt hàng", 1240, ""), (3, "Thanh toán đủ", 1100, ""),
           (4, "NPS", 46, "")]


def portrait_png() -> bytes:
    """A soft gradient "photo" (PNG) so the persona page shows a real image."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (240, 300), "#F2D7C0")
    d = ImageDraw.Draw(img)
    for y in range(300):
        d.line([(0, y), (240, y)], fill=(90 + y // 6, 140 + y // 8, 200 - y // 5))
    d.ellipse([70, 60, 170, 170], fill="#E8B98F")
    d.ellipse([40, 170, 200, 340], fill="#3B5B92")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def sample_project(photo: bool = True) -> Project:
    """A 5-stage Vietnamese map with a persona, emotions, metrics and opportunities."""
    project = new_project("awareness-5", "vi", "Hành trình mua điện thoại trả góp")
    project.client = "Công ty Cổ phần Di Động Xanh"
    project.author = "Nguyễn Thị Hồng Nhung"
    project.modified = "2026-11-20T09:30:00+00:00"
    journey = project.maps[0]
    journey.name = "Mua điện thoại trả góp – hiện tại"
    persona = Persona(
        name="Trần Minh Quân", age=29, occupation="Nhân viên văn phòng, TP. Hồ Chí Minh",
        description="Làm việc tại một công ty logistics, thu nhập ổn định, hay mua sắm online "
                    "vào buổi tối.",
        quote="Tôi muốn biết chính xác mình phải trả bao nhiêu mỗi tháng, không có bất ngờ.",
        goals="Mua điện thoại mới trước Tết\nTrả góp dưới 1,5 triệu mỗi tháng",
        motivations="Máy cũ chậm, pin yếu\nCần chụp ảnh đẹp cho công việc",
        behaviours="So sánh giá trên 3–4 trang\nĐọc bình luận trên Facebook và Zalo",
        interests="Công nghệ, bóng đá, du lịch bụi",
        pains="Thủ tục giấy tờ rườm rà\nPhí ẩn xuất hiện ở bước cuối\nChờ đợi không rõ tiến độ",
        channel_ids=[c.id for c in project.channels if c.key in ("social", "website", "store",
                                                                 "mobile-app")],
        photo=portrait_png() if photo else None, photo_mime="image/png" if photo else "")
    project.personas.append(persona)
    journey.persona_id = persona.id
    for i, stage in enumerate(journey.stages):
        stage.description = ["Biết đến sản phẩm", "So sánh lựa chọn", "Ký hợp đồng trả góp",
                             "Thanh toán hằng tháng", "Giới thiệu người quen"][i]
    journey.lanes.append(Lane(map_id=journey.id, title="Chỉ số", kind=LaneKind.METRICS))
    lanes = {lane.kind: lane for lane in journey.lanes}
    channels = {c.key: c.id for c in project.channels}
    for si, per_lane in STAGE_CARDS.items():
        stage = journey.stages[si]
        for kind, cards in per_lane.items():
            for order, (title, body, extra) in enumerate(cards):
                card = Card(map_id=journey.id, stage_id=stage.id, lane_id=lanes[kind].id,
                            title=title, body=body, order=order,
                            evidence=Evidence.OBSERVED)
                if "channel" in extra:
                    card.channel_id = channels[extra["channel"]]
                card.favourite = extra.get("favourite", False)
                card.severity = extra.get("severity")
                card.priority = extra.get("priority", "")
                card.owner = extra.get("owner", "")
                card.status = extra.get("status", "")
                journey.cards.append(card)
    for si, title, value, unit in METRICS:
        journey.cards.append(Card(map_id=journey.id, stage_id=journey.stages[si].id,
                                  lane_id=lanes[LaneKind.METRICS].id, title=title, value=value,
                                  unit=unit, target=value * 1.1 if si < 4 else 50))
    for si, pos, score, label in MARKERS:
        journey.markers.append(EmotionMarker(map_id=journey.id, stage_id=journey.stages[si].id,
                                             lane_id=lanes[LaneKind.EMOTIONS].id, score=score,
                                             position=pos, label=label))
    return project


# PNG and SVG are drawn by the canvas renderer: without PySide6 (the headless run) those
# cases are skipped, the JSON and PDF ones still run.
HAS_QT = importlib.util.find_spec("PySide6") is not None
_needs_qt = pytest.mark.skipif(not HAS_QT, reason="PNG and SVG are drawn with Qt (PySide6)")
EXPORT_FORMATS = ["json", "pdf", "xlsx", "csv",
                  *(pytest.param(f, marks=_needs_qt) for f in ("png", "svg"))]


def with_links(project: Project) -> Project:
    """The sample with the issue's connectors: a loop from "Mua hàng" back to "Cân nhắc"
    (labelled), a handoff from a touchpoint to a backstage card, a branch ("mua tại cửa
    hàng", assumed: dashed) and a flow; adds the backstage lane and its card."""
    from app.domain.model import Connector, ConnectorKind

    journey = project.maps[0]
    backstage = Lane(map_id=journey.id, title="Hậu trường", kind=LaneKind.BACKSTAGE)
    journey.lanes.insert(journey.lanes.index(next(
        ln for ln in journey.lanes if ln.kind == LaneKind.METRICS)), backstage)
    checker = Card(map_id=journey.id, stage_id=journey.stages[2].id, lane_id=backstage.id,
                   title="Bộ phận thẩm định", body="Kiểm tra hồ sơ trả góp")
    journey.cards.append(checker)
    by_title = {c.title: c for c in journey.cards}

    def link(source: str, target: str, kind: ConnectorKind, label: str = "",
             assumed: bool = False) -> None:
        journey.connectors.append(Connector(journey.id, by_title[source].id,
                                            by_title[target].id, kind, label, assumed))

    link("Cửa hàng Quận 1", "Trang web sản phẩm", ConnectorKind.LOOP_BACK, "so sánh lại giá")
    link("Hotline 1800", "Bộ phận thẩm định", ConnectorKind.HANDOFF, "chuyển hồ sơ")
    link("Chat trực tuyến", "Cửa hàng Quận 1", ConnectorKind.BRANCH, "mua tại cửa hàng",
         assumed=True)
    link("Quảng cáo Facebook", "Trang web sản phẩm", ConnectorKind.FLOW)
    return project
