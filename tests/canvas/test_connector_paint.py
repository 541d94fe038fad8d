"""What a connector's line looks like, pixel by pixel: Qt paints its runs by itself now,
so the look is pinned here (pill over the line, one halo without doubled corners,
clicks within the grip)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from app.canvas.items.connector import HIT_WIDTH, ConnectorItem, connector_item
from app.domain import style
from app.domain.model import Connector, ConnectorKind
from app.domain.routing import Route

# An L: right along y 50.5, then down along x 150.5 (on pixel centres: the 1.5 px line
# covers a row and a column of pixels whole).
POINTS = ((20.0, 50.5), (150.5, 50.5), (150.5, 180.0))
PILL_AT = (60.0, 50.5)  # on the first run


def _scene(label: str = "", *, selected: bool = False, hovered: bool = False,
           assumed: bool = False) -> tuple[QGraphicsScene, ConnectorItem]:
    connector = Connector("m", "a", "b", ConnectorKind.FLOW, label=label, assumed=assumed)
    item = ConnectorItem(connector, Route(POINTS, PILL_AT),
                         place=lambda _id, route, w, h: (PILL_AT, None))
    scene = QGraphicsScene(QRectF(0, 0, 200, 200))
    scene.addItem(item)
    item.setSelected(selected)
    item.set_hovered(hovered)
    return scene, item


def _picture(scene: QGraphicsScene) -> QImage:
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, 200, 200), QRectF(0, 0, 200, 200))
    painter.end()
    return image


def _rgb(image: QImage, x: float, y: float) -> tuple[int, int, int]:
    c = image.pixelColor(int(x), int(y))
    return c.red(), c.green(), c.blue()


def _line_rgb() -> tuple[int, int, int]:
    c = QColor(style.connector_color(ConnectorKind.FLOW))
    return c.red(), c.green(), c.blue()


def test_the_line_is_drawn_in_its_kinds_colour_along_every_run(qapp) -> None:
    image = _picture(_scene()[0])
    assert _rgb(image, 100, 50) == _line_rgb()  # the first run
    assert _rgb(image, 150, 120) == _line_rgb()  # the second
    assert _rgb(image, 100, 56) == (255, 255, 255)  # nothing beside it


def test_a_label_pill_on_the_line_hides_the_line_under_it(qapp) -> None:
    scene, item = _scene("so sánh lại")
    pill = item.label_rect
    assert pill.contains(QPointF(*PILL_AT))
    image = _picture(scene)
    # Inside the pill's padding, on the line's height: the pill's fill, not the line.
    inside = pill.left() + 2.5
    assert _rgb(image, inside, 50) == (255, 255, 255)
    assert _rgb(image, pill.left() - 4, 50) == _line_rgb()  # the line up to the pill


@pytest.mark.parametrize("state", ["selected", "hovered"])
def test_the_halo_is_one_band_even_where_two_runs_meet(qapp, state) -> None:
    scene, _item = _scene(**{state: True})
    image = _picture(scene)
    along = _rgb(image, 100, 48)  # in the halo above the first run
    corner = _rgb(image, 151, 48)  # beyond the corner, in both runs' reach
    assert along != (255, 255, 255)  # there is a halo
    assert corner == along


def test_a_dashed_line_leaves_gaps_a_solid_one_does_not(qapp) -> None:
    def gaps(image: QImage) -> int:
        return sum(_rgb(image, x, 50) == (255, 255, 255) for x in range(30, 140))

    assert gaps(_picture(_scene()[0])) == 0
    assert gaps(_picture(_scene(assumed=True)[0])) > 10


def test_a_press_within_the_grip_finds_the_line_and_beyond_it_nothing(qapp) -> None:
    scene, item = _scene()
    near = scene.items(QPointF(100, 50 + HIT_WIDTH / 2 - 0.5))
    assert item in {connector_item(i) for i in near}
    assert not [i for i in scene.items(QPointF(100, 50 + HIT_WIDTH / 2 + 1.5))
                if connector_item(i) is item]
    tip = scene.items(QPointF(150, 176))  # on the arrowhead
    assert item in {connector_item(i) for i in tip}
