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


def _many(journey, kind, count, prefix):
    lane = next(ln for ln in journey.lanes if ln.kind == kind)
    made = [Card(journey.id, journey.stages[i % len(journey.stages)].id, lane.id,
                 f"{prefix} {i}", order=i) for i in range(count)]
    journey.cards += made
    return made


def test_only_the_newest_round_counts_and_each_list_is_cut_to_its_length():
    project, journey, _ = _journey()
    old = VotingRound(journey.id, "Cũ", created="2026-12-01T09:00:00+00:00")
    new = VotingRound(journey.id, "Mới", created="2026-12-01T10:00:00+00:00")
    journey.rounds += [old, new]
    ideas = _many(journey, LaneKind.OPPORTUNITIES, 7, "Ý tưởng")
    pains = _many(journey, LaneKind.PAINS, 7, "Đau")
    actions = _many(journey, LaneKind.ACTIONS, 5, "Việc")
    for i, card in enumerate([*ideas, *pains, *actions]):
        _vote(journey, new, card, 1 + i % 3)
        _vote(journey, old, card, 10)  # an older question: never added in
    result = latest_result(journey)
    assert result.round_id == new.id
    assert (len(result.opportunities), len(result.pains), len(result.others)) == (5, 5, 3)
    assert all(v.dots <= 3 for v in (*result.opportunities, *result.pains, *result.others))
    assert [v.dots for v in result.others] == [3, 3, 2]
    assert len(latest_result(journey, n=2).opportunities) == 2


def test_top_voted_gives_five_by_default_most_first():
    from app.domain.voting import top_voted

    project, journey, _ = _journey()
    round_ = VotingRound(journey.id, "Vòng")
    journey.rounds.append(round_)
    ideas = _many(journey, LaneKind.OPPORTUNITIES, 6, "Ý tưởng")
    for i, card in enumerate(ideas):
        _vote(journey, round_, card, i + 1)
    assert [dots for _id, dots in top_voted(journey)] == [6, 5, 4, 3, 2]


def test_of_two_rounds_started_at_once_the_later_one_in_the_list_is_the_newest():
    from app.domain.voting import latest_round

    project, journey, cards = _journey()
    same = "2026-12-01T09:00:00+00:00"
    a, b = (VotingRound(journey.id, t, created=same) for t in ("A", "B"))
    journey.rounds += [a, b]
    _vote(journey, a, cards["Phí cao"], 1)
    _vote(journey, b, cards["Phí cao"], 1)
    assert latest_round(journey) is b


def test_equal_dots_in_one_stage_are_in_lane_order_before_card_order():
    from app.domain.voting import top_voted

    project, journey, _ = _journey()
    round_ = VotingRound(journey.id, "Vòng")
    journey.rounds.append(round_)
    stage = journey.stages[3].id
    lane_of = {ln.kind: ln.id for ln in journey.lanes}
    pain = Card(journey.id, stage, lane_of[LaneKind.PAINS], "Đau", order=0)
    touch = Card(journey.id, stage, lane_of[LaneKind.TOUCHPOINTS], "Chạm", order=1)
    journey.cards += [pain, touch]
    _vote(journey, round_, pain, 2)
    _vote(journey, round_, touch, 2)
    assert top_voted(journey) == [(touch.id, 2), (pain.id, 2)]  # the upper lane first
