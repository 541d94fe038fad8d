"""What the insights say of dot voting: the newest round with dots, its most voted
opportunities and pains (and other cards), most dots first, ties in reading order."""

from app.domain.insights import compute_insights
from app.domain.model import Card, LaneKind, Vote, VotingRound
from app.domain.templates import new_project
from app.domain.voting import latest_result


def _journey():
    project = new_project("awareness-5", "vi", "Bỏ phiếu")
    journey = project.maps[0]
    lane = {kind: next(ln for ln in journey.lanes if ln.kind == kind)
            for kind in (LaneKind.OPPORTUNITIES, LaneKind.PAINS, LaneKind.TOUCHPOINTS)}
    cards = {}
    for title, kind, stage in (("Giao nhanh", LaneKind.OPPORTUNITIES, 2),
                               ("Miễn phí ship", LaneKind.OPPORTUNITIES, 1),
                               ("Trả góp 0%", LaneKind.OPPORTUNITIES, 0),
                               ("Phí cao", LaneKind.PAINS, 2),
                               ("Zalo OA", LaneKind.TOUCHPOINTS, 0)):
        card = Card(journey.id, journey.stages[stage].id, lane[kind].id, title)
        journey.cards.append(card)
        cards[title] = card
    return project, journey, cards


def _vote(journey, round_, card, n):
    journey.votes += [Vote(round_.id, card.id) for _ in range(n)]


def test_no_dots_means_no_result():
    project, journey, _ = _journey()
    journey.rounds.append(VotingRound(journey.id, "Vòng 1"))
    assert latest_result(journey) is None
    assert compute_insights(journey, project).votes is None


def test_the_newest_round_with_dots_ranks_opportunities_pains_and_the_rest():
    project, journey, cards = _journey()
    first = VotingRound(journey.id, "Đau nhất", created="2026-12-01T09:00:00+00:00")
    second = VotingRound(journey.id, "Sửa trước", created="2026-12-01T10:00:00+00:00",
                         closed=True)
    empty = VotingRound(journey.id, "Chưa bắt đầu", created="2026-12-01T11:00:00+00:00")
    journey.rounds += [second, first, empty]  # list order is not time order
    _vote(journey, first, cards["Phí cao"], 9)
    _vote(journey, second, cards["Miễn phí ship"], 2)
    _vote(journey, second, cards["Giao nhanh"], 2)  # a tie: reading order (stage 1 first)
    _vote(journey, second, cards["Trả góp 0%"], 4)
    _vote(journey, second, cards["Phí cao"], 1)
    _vote(journey, second, cards["Zalo OA"], 3)
    result = compute_insights(journey, project).votes
    assert (result.round_id, result.title, result.closed, result.dots) == (
        second.id, "Sửa trước", True, 12)
    assert [(v.title, v.dots) for v in result.opportunities] == [
        ("Trả góp 0%", 4), ("Miễn phí ship", 2), ("Giao nhanh", 2)]
    assert [(v.title, v.dots, v.stage_title, v.kind) for v in result.pains] == [
        ("Phí cao", 1, journey.stages[2].title, LaneKind.PAINS)]
    assert [(v.title, v.dots) for v in result.others] == [("Zalo OA", 3)]
    assert result.opportunities[0].card_id == cards["Trả góp 0%"].id


def test_a_list_keeps_the_top_n():
    _, journey, cards = _journey()
    round_ = VotingRound(journey.id, "Vòng")
    journey.rounds.append(round_)
    for n, title in enumerate(("Giao nhanh", "Miễn phí ship", "Trả góp 0%"), 1):
        _vote(journey, round_, cards[title], n)
    result = latest_result(journey, n=2)
    assert [v.title for v in result.opportunities] == ["Trả góp 0%", "Miễn phí ship"]
    assert result.dots == 6
