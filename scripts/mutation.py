#!/usr/bin/env python3
"""Mutation testing of app/domain, app/document and app/storage with mutmut.

Run from the repository root, one module at a time (a mutant runs only the tests that
reached its function; the configuration is [tool.mutmut] in pyproject.toml):

    scripts/mutation.py app.domain.insights app.document.operations
    scripts/mutation.py --all          # every module of the three packages (hours)
    scripts/mutation.py --report       # the scores of what has been run, per module
    scripts/mutation.py --survivors app.storage.wal   # what survived there, as diffs
    scripts/mutation.py --again app.storage.wal       # after new tests: only the rest

mutmut works in a copy of the tree (mutants/, git-ignored). Mutants run under
`nice -n 19` (`--nice`). Not part of CI: too slow; CI runs the tests that kill the mutants.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("app/domain", "app/document", "app/storage")
SKIPPED = ("app/storage/migrations",)  # see do_not_mutate in pyproject.toml
KILLED = {1, 3, 36, 37, -24, 24, 152, 255, -11, -9}  # failed, timed out or crashed

# Mutants that survive because they cannot change what the code does, each with why.
# mutmut numbers a function's mutants in order, so an edit of that function can renumber
# them: check `--survivors` after changing one of these functions.
EQUIVALENT: dict[str, str] = {
    "app.domain.search.x_fold__mutmut_19": "casefold() lowers the D that đ became",
    "app.domain.search.x_fold__mutmut_23": "casefold() lowers Đ → D either way",
    "app.domain.search.xǁFinderǁ__init____mutmut_2": "find() sets _fresh before any use",
    "app.domain.search.xǁFinderǁfind__mutmut_19": "a lane's rank -2 still sorts before every "
    "stage index (≥ 0)",
    "app.domain.search.xǁFinderǁfind__mutmut_20": "lanes never tie on their index, so the "
    "third part of their rank is never compared",
    "app.domain.search.xǁFinderǁfind__mutmut_35": "a stage title's lane rank -2 still sorts "
    "before every lane index (≥ 0)",
    "app.domain.search.xǁFinderǁfind__mutmut_36": "a stage's title is the only entry with "
    "its (index, -1): the third part is never compared",
    "app.document.subscription.xǁSubscriptionǁ__init____mutmut_1": "Document.subscribe "
    "always passes coalesce, so the default is never used",
    "app.document.subscription.xǁSubscriptionǁ__init____mutmut_3": "doc is read only by "
    "cancel(), whose deleteLater() drops the connection too",
    "app.document.subscription.xǁSubscriptionǁ__init____mutmut_8": "the timer's timeout is "
    "a bound method of the subscription: Qt disconnects it when the subscription dies",
    "app.document.subscription.xǁSubscriptionǁ__init____mutmut_10": "flush() stops the "
    "timer first, so a repeating timer fires once",
    "app.document.subscription.xǁSubscriptionǁcancel__mutmut_1": "a timer left running "
    "flushes nothing (pending is emptied) and dies with the subscription",
    "app.document.subscription.xǁSubscriptionǁcancel__mutmut_2": "pending None and [] are "
    "both false wherever pending is read",
    "app.document.subscription.xǁSubscriptionǁcancel__mutmut_3": "disconnected right after: "
    "the callback is never read again",
    # The WAL's header read again to see whether it moved: reading more of it than the
    # 24 bytes compared changes nothing but the time.
    "app.storage.snapshot.x_read_snapshot__mutmut_10": "reads the whole WAL, compares the "
    "same 24 bytes",
    "app.storage.snapshot.x_read_snapshot__mutmut_12": "reads the whole WAL, compares the "
    "same 24 bytes",
    "app.storage.snapshot.x_read_snapshot__mutmut_13": "33 bytes read, the same 24 compared",
    "app.storage.snapshot.x_read_snapshot__mutmut_39": "int.from_bytes is big-endian by "
    "default since Python 3.11 (the oldest we run)",
    "app.storage.snapshot.x__read_optional__mutmut_7": "the one caller with a limit compares "
    "only bytes within it",
    "app.storage.snapshot.x__read_optional__mutmut_8": "the one caller with a limit compares "
    "only bytes within it",
    "app.storage.snapshot.x__read_optional__mutmut_9": "read() and read(None) read it all; "
    "the one caller with a limit compares only bytes within it",
    "app.storage.snapshot.x__read_optional__mutmut_10": "read(None) reads it all; the one "
    "caller with a limit compares only bytes within it",
    "app.document.drafts.xǁDraftStoreǁfile_for__mutmut_9": "UTF-8 and utf-8 name one codec",
    "app.document.drafts.xǁDraftStoreǁsave__mutmut_29": "UTF-8 and utf-8 name one codec",
    "app.document.drafts.x__parse__mutmut_8": "UTF-8 and utf-8 name one codec",
    "app.document.drafts.xǁDraftStoreǁsave__mutmut_21": "ensure_ascii None is false as False",
    "app.document.drafts.xǁDraftStoreǁsave__mutmut_22":
        "how the JSON is laid out: every reader parses it",
    "app.document.drafts.xǁDraftStoreǁsave__mutmut_25":
        "how the JSON is laid out: every reader parses it",
    "app.document.drafts.xǁDraftStoreǁsave__mutmut_27":
        "how the JSON is laid out: every reader parses it",
    "app.document.drafts.xǁDraftStoreǁsave__mutmut_57":
        "O_BINARY exists only on Windows: 0 here either way",
    "app.document.drafts.xǁDraftStoreǁsave__mutmut_63":
        "O_BINARY exists only on Windows: 0 here either way",
    "app.document.drafts.xǁDraftStoreǁsave__mutmut_64":
        "O_BINARY exists only on Windows: 0 here either way",
    "app.document.drafts.xǁDraftStoreǁsave__mutmut_65":
        "1 is O_WRONLY, already in the flags (O_BINARY exists only on Windows)",
    "app.domain.voting.x_top_voted__mutmut_26":
        "a card's stage and lane are on its map (validated on open "
        "and import): the default is never used",
    "app.domain.voting.x_top_voted__mutmut_28":
        "a card's stage and lane are on its map (validated on open "
        "and import): the default is never used",
    "app.domain.voting.x_top_voted__mutmut_29":
        "a card's stage and lane are on its map (validated on open "
        "and import): the default is never used",
    "app.domain.voting.x_top_voted__mutmut_30":
        "a card's stage and lane are on its map (validated on open "
        "and import): the default is never used",
    "app.domain.voting.x_top_voted__mutmut_32":
        "a card's stage and lane are on its map (validated on open "
        "and import): the default is never used",
    "app.domain.voting.x_top_voted__mutmut_34":
        "a card's stage and lane are on its map (validated on open "
        "and import): the default is never used",
    "app.domain.voting.x_top_voted__mutmut_35":
        "a card's stage and lane are on its map (validated on open "
        "and import): the default is never used",
    "app.domain.voting.x_top_voted__mutmut_36":
        "a card's stage and lane are on its map (validated on open "
        "and import): the default is never used",
    "app.domain.voting.x_latest_result__mutmut_20":
        "a card's stage and lane are on its map (validated on open "
        "and import): the default is never used",
    "app.domain.voting.x_latest_result__mutmut_22":
        "a card's stage and lane are on its map (validated on open "
        "and import): the default is never used",
    "app.domain.voting.x_latest_result__mutmut_23":
        "a card's stage and lane are on its map (validated on open "
        "and import): the default is never used",
    "app.domain.voting.x_latest_round__mutmut_8":
        "the tuples differ in their index, so the round itself is never compared",
    "app.domain.voting.x_latest_round__mutmut_10":
        "the tuples differ in their index, so the round itself is never compared",
    "app.document.draft_recorder.xǁDraftRecorderǁ__init____mutmut_10": "_failing is only "
    "tested for truth: None and False alike",
    "app.document.draft_recorder.xǁDraftRecorderǁflush__mutmut_15": "_failing is only "
    "tested for truth: None and False alike",
    "app.document.draft_recorder.xǁDraftRecorderǁ__init____mutmut_13": "the timer is held "
    "by the recorder's attribute and stopped by it; its Qt parent changes nothing seen",
    "app.document.draft_recorder.xǁDraftRecorderǁ__init____mutmut_15": "flush() stops the "
    "timer first, so a repeating timer fires once",
    "app.document.draft_recorder.xǁDraftRecorderǁof__mutmut_3": "a document has one "
    "recorder child: found by its class alone",
    "app.document.draft_recorder.xǁDraftRecorderǁof__mutmut_5": "a document has one "
    "recorder child: found by its class alone",
    "app.domain.icons.xǁPathǁcommands__mutmut_29":
        "Z's arity is never read: Z appends and continues before the range loop",
    "app.domain.icons.x__fmt__mutmut_6":
        "rstrip takes a char set; a formatted number never contains 'X'",
    "app.domain.icons.x__fmt__mutmut_7":
        "rstrip takes a char set; a formatted number never contains 'X'",
    "app.domain.icons.x_write_icons__mutmut_21":
        "'UTF-8' and 'utf-8' name the same codec",
    "app.domain.icons.x_stale_icons__mutmut_10":
        "'UTF-8' and 'utf-8' name the same codec",
    "app.domain.compare.xǁMapComparisonǁsummary__mutmut_1":
        "_phrase treats every lang but 'vi' as English",
    "app.domain.compare.xǁMapComparisonǁsummary__mutmut_2":
        "_phrase treats every lang but 'vi' as English",
    "app.domain.compare.x_summary_text__mutmut_1":
        "_phrase treats every lang but 'vi' as English",
    "app.domain.compare.x_summary_text__mutmut_2":
        "_phrase treats every lang but 'vi' as English",
    "app.domain.compare.x__key__mutmut_2":
        "keys are only compared for equality; any space-holding separator splits words alike",
    "app.domain.compare.xǁ_Pairingǁafter_of__mutmut_2":
        "pairs keys are str ids, so pairs.get(None) is None anyway",
    "app.domain.compare.x_compare_maps__mutmut_78":
        "a before key with a None end never equals an after key (after ends are str)",
    "app.domain.compare.x_compare_maps__mutmut_79":
        "(s, None)/(None, t) keys never equal after keys, whose ends are both str",
    "app.domain.compare.x_compare_maps__mutmut_88":
        "(None, kind) never equals an after key: after-side ends() is never None",
    "app.domain.compare.x__emotion_deltas__mutmut_43":
        "b_avg is keyed by marker stage ids (str), so b_avg.get(None) is None",
    "app.domain.compare.x_summary_text__mutmut_54":
        "n=None picks forms[1], same as n=2; emotion forms are identical anyway",
    "app.domain.compare.x_summary_text__mutmut_60":
        "n=3 picks forms[1], same as n=2",
    "app.domain.compare.x_summary_text__mutmut_64":
        "n=None picks forms[1], same as n=2; 'none' forms 0 and 1 are identical",
    "app.domain.compare.x_summary_text__mutmut_70":
        "n=3 picks forms[1], same as n=2",
    "app.domain.images.x__jpeg__mutmut_4":
        "with at+4 == len every path returns None anyway (no room for a frame)",
    "app.domain.images.x__jpeg__mutmut_5":
        "with at+4 == len every path returns None anyway (no room for a frame)",
    "app.domain.images.x__webp__mutmut_48":
        "a 5th byte only adds bits 32+, which both 14-bit masks drop",
    "app.domain.images.x__webp__mutmut_81":
        "signed or unsigned, & 0x3FFF keeps the same low 14 bits",
    "app.domain.curve.x__tangents__mutmut_5":
        "zip strict=None is falsy like strict=False",
    "app.domain.curve.x__tangents__mutmut_8":
        "zip's default strict is False",
    "app.domain.curve.x_monotone_curve__mutmut_14":
        "at h == 0 both tangents are 0, so the thirds give the same straight segment",
    "app.domain.copying.x_clone_map__mutmut_11":
        "clone.stages is reassigned right after replace()",
    "app.domain.copying.x_clone_map__mutmut_12":
        "clone.lanes is reassigned right after replace()",
    "app.domain.copying.x_clone_map__mutmut_13":
        "clone.cards is reassigned right after replace()",
    "app.domain.copying.x_clone_map__mutmut_14":
        "clone.markers is reassigned right after replace()",
    "app.domain.copying.x_clone_map__mutmut_15":
        "clone.connectors is reassigned right after replace()",
    "app.domain.copying.x_clone_map__mutmut_16":
        "clone.views is reassigned right after replace()",
    "app.domain.copying.x_clone_map__mutmut_22":
        "stages is briefly shared, then reassigned; no __post_init__",
    "app.domain.copying.x_clone_map__mutmut_23":
        "lanes is briefly shared, then reassigned; no __post_init__",
    "app.domain.copying.x_clone_map__mutmut_24":
        "cards is briefly shared, then reassigned; no __post_init__",
    "app.domain.copying.x_clone_map__mutmut_25":
        "markers is briefly shared, then reassigned; no __post_init__",
    "app.domain.copying.x_clone_map__mutmut_26":
        "connectors is briefly shared, then reassigned; no __post_init__",
    "app.domain.copying.x_clone_map__mutmut_27":
        "views is briefly shared, then reassigned; no __post_init__",
    "app.domain.insights.x_moments_of_truth__mutmut_7":
        "strict=None is falsy like False; zip of a list and its tail",
    "app.domain.insights.x_moments_of_truth__mutmut_10":
        "strict defaults to False",
    "app.domain.insights.x_metrics_funnel__mutmut_36":
        "all chosen units are equal here (set of units has size 1)",
    "app.domain.insights.x_metrics_funnel__mutmut_49":
        "strict=None is falsy like False",
    "app.domain.insights.x_metrics_funnel__mutmut_52":
        "strict defaults to False",
    "app.domain.insights.x_metrics_funnel__mutmut_78":
        "stage ranks are >= 0: after_rank -2 and -1 select the same branches",
    "app.domain.insights.x_metrics_funnel__mutmut_81":
        "values is built from chosen: same length, strict never fires",
    "app.domain.insights.x_metrics_funnel__mutmut_84":
        "values is built from chosen: same length, strict never fires",
    "app.domain.insights.x_metrics_funnel__mutmut_85":
        "values is built from chosen: same length, strict never fires",
    "app.domain.insights.x__branch_step__mutmut_22":
        "alt cards come from _cards_of: their stage is always in titles",
    "app.domain.insights.x__branch_step__mutmut_24":
        "alt cards come from _cards_of: their stage is always in titles",
    "app.domain.insights.x__branch_step__mutmut_25":
        "alt cards come from _cards_of: their stage is always in titles",
    "app.domain.insights.x_metrics_against_target__mutmut_15":
        "_cards_of keeps only cards whose stage exists: default never used",
    "app.domain.insights.x_metrics_against_target__mutmut_17":
        "_cards_of keeps only cards whose stage exists: default never used",
    "app.domain.insights.x_metrics_against_target__mutmut_25":
        "value == target is excluded just before, so < and <= agree",
    "app.domain.insights.x_metrics_against_target__mutmut_44":
        "card stage is always in titles (from _cards_of): default unused",
    "app.domain.insights.x_metrics_against_target__mutmut_46":
        "card stage is always in titles (from _cards_of): default unused",
    "app.domain.insights.x_metrics_against_target__mutmut_47":
        "card stage is always in titles (from _cards_of): default unused",
    "app.domain.labels.xǁLabelSpaceǁ_keys__mutmut_11":
        "files a box in extra buckets only; overlap tests are exact: speed only",
    "app.domain.labels.xǁLabelSpaceǁ_keys__mutmut_13":
        "one extra bucket column; overlap tests are exact: speed only",
    "app.domain.labels.xǁLabelSpaceǁ_keys__mutmut_23":
        "files a box in extra buckets only; overlap tests are exact: speed only",
    "app.domain.labels.xǁLabelSpaceǁ_keys__mutmut_25":
        "one extra bucket row; overlap tests are exact: speed only",
    "app.domain.labels.xǁLabelSpaceǁcrossed__mutmut_8":
        "hypot >= 0: int(d / 4) == int(d // 4)",
    "app.domain.labels.x_spots__mutmut_58":
        "range(-20, -9, 2) == range(-20, -8, 2)",
    "app.domain.labels.x_spots__mutmut_67":
        "range(10, 22, 2) == range(10, 21, 2)",
    "app.domain.labels.x_nearest_on__mutmut_10":
        "dx == dy == 0, so q is the start point whatever t is",
    # app.domain.live_layout and app.domain.layout (2026-12-04, checked by hand against
    # tests/domain/test_live_layout_exact.py and test_layout_exact.py).
    "app.domain.live_layout.xǁLiveLayoutǁ__init____mutmut_13":
        "_bottoms is reset by rebuild before any read; an update before a rebuild raises "
        "first anyway (no stage index/rects)",
    "app.domain.live_layout.xǁLiveLayoutǁ__init____mutmut_15":
        "_span_lanes is reset by rebuild; before one, stacking a lane raises either way (only"
        " the exception type differs)",
    "app.domain.live_layout.xǁLiveLayoutǁ__init____mutmut_18":
        "_stage_index is reset by rebuild; before one, a cell update raises either way "
        "(TypeError instead of KeyError)",
    "app.domain.live_layout.xǁLiveLayoutǁ__init____mutmut_19":
        "_named is assigned in update_cards before _stack_lane's only read of it",
    "app.domain.live_layout.xǁLiveLayoutǁ__init____mutmut_20":
        "_shuffled is assigned at the start of update_cards before its only read in "
        "_stack_lane",
    "app.domain.live_layout.xǁLiveLayoutǁrebuild__mutmut_4":
        "delta.size is always set True by _place_lanes: a rebuilt map is >= 204 px tall, "
        "never the new layout's 0.0",
    "app.domain.live_layout.xǁLiveLayoutǁrebuild__mutmut_8":
        "delta.size is always set True by _place_lanes: a rebuilt map is >= 204 px tall, "
        "never the new layout's 0.0",
    "app.domain.live_layout.xǁLiveLayoutǁrebuild__mutmut_12":
        "delta.size is always set True by _place_lanes: a rebuilt map is >= 204 px tall, "
        "never the new layout's 0.0",
    "app.domain.live_layout.xǁLiveLayoutǁrebuild__mutmut_5":
        "delta.full makes _place_lanes call _place_all_markers, which sets delta.markers True",
    "app.domain.live_layout.xǁLiveLayoutǁrebuild__mutmut_9":
        "delta.full makes _place_lanes call _place_all_markers, which sets delta.markers True",
    "app.domain.live_layout.xǁLiveLayoutǁrebuild__mutmut_13":
        "delta.full makes _place_lanes call _place_all_markers, which sets delta.markers True",
    "app.domain.live_layout.xǁLiveLayoutǁrebuild__mutmut_40":
        "layout.height is overwritten by _place_lanes (height >= 204 differs from None) "
        "before any read",
    "app.domain.live_layout.xǁLiveLayoutǁrebuild__mutmut_45":
        "layout.height is overwritten by _place_lanes (height >= 204 differs from 1.0) before"
        " any read",
    "app.domain.live_layout.xǁLiveLayoutǁupdate_cards__mutmut_10":
        "a removed id's stale _objects entry is only read when _where holds the id, and re-"
        "adding it rewrites the entry first",
    "app.domain.live_layout.xǁLiveLayoutǁupdate_cards__mutmut_13":
        "a removed id's stale order is never read: its _where entry is gone, so old != new "
        "short-circuits and rewrites it",
    "app.domain.live_layout.xǁLiveLayoutǁupdate_cards__mutmut_54":
        "always taking the restore branch only replaces a cell's card with the same object "
        "(no-op)",
    "app.domain.live_layout.xǁLiveLayoutǁupdate_cards__mutmut_61":
        "storing None only makes the restore branch run, replacing the cell's card with "
        "itself (no-op)",
    "app.domain.live_layout.xǁLiveLayoutǁupdate_markers__mutmut_2":
        "_place_all_markers sets delta.markers True before it is returned",
    "app.domain.live_layout.xǁLiveLayoutǁupdate_markers__mutmut_4":
        "_place_all_markers sets delta.markers True before it is returned",
    "app.domain.live_layout.xǁLiveLayoutǁupdate_markers__mutmut_6":
        "_place_all_markers sets delta.markers True before it is returned",
    "app.domain.live_layout.xǁLiveLayoutǁ_take_out__mutmut_3":
        "_where and _cells stay in step, so the key passed is always in _cells (the default "
        "is never used)",
    "app.domain.live_layout.xǁLiveLayoutǁ_take_out__mutmut_5":
        "_where and _cells stay in step, so the key passed is always in _cells (the default "
        "is never used)",
    "app.domain.live_layout.xǁLiveLayoutǁ_take_out__mutmut_12":
        "an emptied cell is always in _cells when popped (the key came from _where), so the "
        "default is never used",
    "app.domain.live_layout.xǁLiveLayoutǁ_sort_cell__mutmut_11":
        "zip strict=None is falsy like the strict=False it replaces",
    "app.domain.live_layout.xǁLiveLayoutǁ_sort_cell__mutmut_14": "zip's strict defaults to False",
    "app.domain.live_layout.xǁLiveLayoutǁ_stack_lane__mutmut_65":
        "offsets is built as [pad] * len(stages): the zip is always even, strict or not",
    "app.domain.live_layout.xǁLiveLayoutǁ_stack_lane__mutmut_68":
        "offsets is built as [pad] * len(stages): the zip is always even, strict or not",
    "app.domain.live_layout.xǁLiveLayoutǁ_stack_lane__mutmut_69":
        "offsets is built as [pad] * len(stages): the zip is always even, strict or not",
    "app.domain.live_layout.xǁLiveLayoutǁ_stack_lane__mutmut_167":
        "bottoms are >= pad, so used + pad >= 2*8 - 6 = 10 > 1.0: the floor never applies",
    "app.domain.layout.xǁTextWrapperǁ_split_word__mutmut_20":
        "wrap passes only \\S+ words, so the last piece is never empty",
    "app.domain.layout.xǁTextWrapperǁ_word_width__mutmut_2":
        "a 256-character word's head is the word: same measurement, same verdict",
    "app.domain.layout.xǁTextWrapperǁ_word_width__mutmut_11":
        "the sentinel is only compared with width: > width either way",
    "app.domain.layout.xǁTextWrapperǁwrap__mutmut_35":
        "current_w is read only while current is non-empty, and set with it",
    "app.domain.layout.xǁTextWrapperǁwrap__mutmut_48":
        "current_w is read only while current is non-empty, and set with it",
    "app.domain.layout.xǁTextWrapperǁwrap__mutmut_61":
        "full is True: the loop ends and blanks is never read again",
    "app.domain.layout.xǁTextWrapperǁwrap__mutmut_105":
        "a cut word (not whole) fills every line left, so full is already True; when full and"
        " whole the next token breaks and nothing more is added",
    "app.domain.layout.xǁTextWrapperǁelide__mutmut_30":
        "tripling still brackets the longest fitting prefix; bisection finds the same one",
    "app.domain.layout.x_card_shape__mutmut_121":
        "every term is whole or a line height rounded to hundredths: the sum has two decimals",
    "app.domain.layout.xǁTextWrapperǁelide__mutmut_14":
        "a first probe of 17 still brackets the longest fitting prefix; bisection finds the "
        "same one",
    # app.domain.routing (2026-12-04, each checked by hand against
    # tests/domain/test_routing_exact.py).
    "app.domain.routing.x_arrow_head__mutmut_15":
        "the fallback 2 px back instead of 1 gives the same normalised direction",
    "app.domain.routing.x_arrow_head__mutmut_30":
        "norm is never 0: prev always differs from the tip (the fallback too), so 'or 2.0' is"
        " never reached",
    "app.domain.routing.x__offset__mutmut_39":
        "routes reaching _offset alternate H and V, so points[i+2] has the y of points[i+1] "
        "after a vertical run",
    "app.domain.routing.x__offset__mutmut_55":
        "routes reaching _offset alternate H and V, so points[i+2] has the x of points[i+1] "
        "after a horizontal run",
    "app.domain.routing.xǁ_Wallsǁ__init____mutmut_9":
        "few=None buckets every set of boxes; the bucketed count equals the full scan's",
    "app.domain.routing.xǁ_Wallsǁ__init____mutmut_10":
        "exactly 48 boxes bucketed instead of scanned: the same counts",
    "app.domain.routing.xǁ_Wallsǁ__init____mutmut_19":
        "a box also filed in one bucket column more: extra lookups, the hit test is exact",
    "app.domain.routing.xǁ_Wallsǁ__init____mutmut_27":
        "a box also filed in one bucket row more: extra lookups, the hit test is exact",
    "app.domain.routing.xǁ_Wallsǁ_at__mutmut_2":
        "v*SIZE is still monotone and used alike for boxes and segments: same counts, only "
        "more buckets (slow on big boxes)",
    "app.domain.routing.xǁ_Wallsǁcrossed__mutmut_45":
        "always scanning every box gives the bucketed count",
    "app.domain.routing.xǁ_Wallsǁcrossed__mutmut_59":
        "one bucket more along the segment: its boxes fail the exact hit test or are already "
        "seen",
    "app.domain.routing.x_route__mutmut_36":
        "the default best is always replaced: the outer channels always give a candidate",
    "app.domain.routing.x_route__mutmut_39":
        "the default best is always replaced: the outer channels always give a candidate",
    "app.domain.routing.x_route__mutmut_40":
        "the default best is always replaced: the outer channels always give a candidate",
    "app.domain.routing.x_route__mutmut_42":
        "the default best is always replaced: the outer channels always give a candidate",
    "app.domain.routing.x_route__mutmut_45":
        "the default best is always replaced: the outer channels always give a candidate",
    "app.domain.routing.x_route__mutmut_46":
        "the default best is always replaced: the outer channels always give a candidate",
    "app.domain.routing.x_route__mutmut_70":
        "at best_cost == 300 + gap a long route costs at least as much and is kept only if "
        "strictly cheaper",
    "app.domain.routing.x_route__mutmut_120":
        "a candidate with base == best_cost costs at least that and is kept only if strictly "
        "cheaper",
    "app.domain.routing.x_route__mutmut_125":
        "a higher crossing limit only counts on; the candidate already costs >= best and is "
        "dropped either way",
    "app.domain.routing.x_route__mutmut_126":
        "a higher crossing limit only counts on; the candidate already costs >= best and is "
        "dropped either way",
    "app.domain.routing.x_route__mutmut_129":
        "a higher crossing limit only counts on; the candidate already costs >= best and is "
        "dropped either way",
    "app.domain.routing.x_route__mutmut_131":
        "a higher crossing limit only counts on; the candidate already costs >= best and is "
        "dropped either way",
    "app.domain.routing.x_route__mutmut_137":
        "a higher crossing limit only counts on; the candidate already costs >= best and is "
        "dropped either way",
    "app.domain.routing.x_route__mutmut_148":
        "at cost == best_cost going on only adds crossings; kept only if strictly cheaper",
    "app.domain.routing.x_route_connector__mutmut_101":
        "collapsed and emotion lanes get no card boxes (live_layout skips them), so their "
        "cells are empty either way",
    "app.domain.routing.x_route_connector__mutmut_133":
        "in an unbroken cell none of the skipped ids occur, so _stacks gives the same single "
        "run",
    "app.domain.routing.x_route__mutmut_48":
        "the gap bound minus the vertical gap is never above the sum: the long routes are "
        "skipped less often (the bound is lower): they are only made when they may win, so "
        "the same route wins",
    "app.domain.routing.x_route__mutmut_52":
        "without the 0 floor the gap is negative or the same: the long routes are skipped "
        "less often (the bound is lower): they are only made when they may win, so the same "
        "route wins",
    "app.domain.routing.x_route__mutmut_53":
        "one horizontal term of two: the gap is never larger: the long routes are skipped "
        "less often (the bound is lower): they are only made when they may win, so the same "
        "route wins",
    "app.domain.routing.x_route__mutmut_54":
        "one horizontal term of two: the gap is never larger: the long routes are skipped "
        "less often (the bound is lower): they are only made when they may win, so the same "
        "route wins",
    "app.domain.routing.x_route__mutmut_61":
        "3 bends minus the gap instead of plus: the long routes are skipped less often (the "
        "bound is lower): they are only made when they may win, so the same route wins",
    "app.domain.routing.x_route__mutmut_62":
        "one vertical term of two: the gap is never larger: the long routes are skipped less "
        "often (the bound is lower): they are only made when they may win, so the same route "
        "wins",
    "app.domain.routing.x_route__mutmut_63":
        "one vertical term of two: the gap is never larger: the long routes are skipped less "
        "often (the bound is lower): they are only made when they may win, so the same route "
        "wins",
    "app.domain.routing.x_route__mutmut_71":
        "3 bends minus the gap instead of plus: the long routes are skipped less often (the "
        "bound is lower): they are only made when they may win, so the same route wins",
    "app.domain.routing.x_route__mutmut_72":
        "3 / BEND_COST is almost nothing: the long routes are skipped less often (the bound "
        "is lower): they are only made when they may win, so the same route wins",
    "app.domain.routing.x_route__mutmut_116":
        "every candidate costs four bends more, so their ranking, their crossings' room and "
        "the best stay; the best is only compared later with a bound it now passes less often",
    "app.domain.cells.xǁ_MapCellsǁput__mutmut_4":
        "taking out a card not held, or one held in the same cell and put back at once, "
        "leaves the cells as they were",
    "app.domain.cells.xǁCardsByCellǁfollow__mutmut_9":
        "only a map (or a stage, lane… whose id names no map) can reach it: a map's cells "
        "dropped are built anew when asked",
    "app.domain.cells.xǁCardsByCellǁcards__mutmut_35":
        "zip's strict None is falsy like False: the pairs are the same",
    "app.domain.cells.xǁCardsByCellǁcards__mutmut_38":
        "strict=False is zip's default",
    "app.domain.serialize.x_parse_json_int__mutmut_3":
        "JSON has no leading zeros, so every 20-digit whole number is past 2^63 and refused "
        "by the range check with the same message",
    "app.domain.tree.x_container_of__mutmut_4":
        "typing.cast returns its value whatever type it names: no effect at run time",
    "app.domain.tree.x_container_of__mutmut_8":
        "typing.cast returns its value whatever type it names: no effect at run time",
    "app.domain.tree.x_container_of__mutmut_9":
        "typing.cast returns its value whatever type it names: no effect at run time",
    "app.domain.tree.x_container_of__mutmut_10":
        "typing.cast returns its value whatever type it names: no effect at run time",
    "app.domain.tree.x_container_of__mutmut_30":
        "typing.cast returns its value whatever type it names: no effect at run time",
    "app.domain.tree.x_container_of__mutmut_34":
        "typing.cast returns its value whatever type it names: no effect at run time",
    "app.domain.tree.x_container_of__mutmut_35":
        "typing.cast returns its value whatever type it names: no effect at run time",
    "app.domain.tree.x_container_of__mutmut_36":
        "typing.cast returns its value whatever type it names: no effect at run time",
    "app.document.document.xǁDocumentǁ_flush__mutmut_3":
        "touch() always fills _touched and _changes together: either both are empty or "
        "neither",
    "app.document.document.xǁDocumentǁ_run_step__mutmut_3":
        "the default None is falsy like False",
    "app.document.document.xǁDocumentǁredo__mutmut_6":
        "skip_next_redo is only tested for truth: None acts like False",
    "app.document.document.xǁDocumentǁ__init____mutmut_24":
        "attempt() resets _failed_step before the only place it is read",
    "app.document.document.xǁDocumentǁ__init____mutmut_25":
        "attempt() resets _failed_step before the only place it is read",
    "app.document.document.xǁDocumentǁopen__mutmut_9":
        "a store opened read-only says so (store.read_only), which the Document reads as well",
    "app.document.document.xǁDocumentǁopen__mutmut_12":
        "a store opened read-only says so (store.read_only), which the Document reads as well",
    "app.document.subscription.xǁSubscriptionǁ__init____mutmut_7":
        "_cancelled is only tested for truth: None acts like False",
    "app.document.subscription.xǁSubscriptionǁ__init____mutmut_12":
        "flush() stops the timer first, so a repeating timer fires once",
    "app.document.subscription.xǁSubscriptionǁcancel__mutmut_4":
        "a second cancel before the deletion only repeats steps that change nothing more",
    "app.document.subscription.xǁSubscriptionǁcancel__mutmut_5":
        "a second cancel before the deletion only repeats steps that change nothing more",
    "app.document.subscription.xǁSubscriptionǁcancel__mutmut_7":
        "after cancel _pending is only tested for truth and _receive is disconnected",
    "app.document.subscription.xǁSubscriptionǁcancel__mutmut_8":
        "after cancel _receive is disconnected and nothing is pending: the callback is never "
        "read",
}


def modules() -> list[str]:
    """Every module mutmut mutates, as dotted names."""
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if path.name != "__init__.py" and not relative.startswith(SKIPPED):
                found.append(relative[:-3].replace("/", "."))
    return found


def run(module: str, children: int, niceness: int, again: bool = False) -> int:
    """Run mutmut on the mutants of one module (with `again`: only those not killed)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    mutmut = Path(sys.executable).with_name("mutmut")
    names = survivors(module, not_run=True) if again else [f"{module}.*"]
    if not names:
        return 0
    command = ["nice", "-n", str(niceness), str(mutmut), "run", "--max-children",
               str(children), *names]
    print("$", " ".join(command), flush=True)
    return subprocess.call(command, cwd=ROOT, env=env)


def scores() -> dict[str, Counter[str]]:
    """Per module: how many mutants were killed, survived, had no test or were not run."""
    result: dict[str, Counter[str]] = {}
    for module in modules():
        meta = ROOT / "mutants" / (module.replace(".", "/") + ".py.meta")
        if not meta.exists():
            continue
        codes = json.loads(meta.read_text())["exit_code_by_key"]
        count: Counter[str] = Counter()
        for name, code in codes.items():
            if code is None:
                count["not run"] += 1
            elif code in KILLED:
                count["killed"] += 1
            elif code in (5, 33):
                count["no tests"] += 1
            elif code == 34:
                count["skipped"] += 1
            else:
                count["survived"] += 1
                count["equivalent"] += name in EQUIVALENT
        result[module] = count
    return result


def survivors(module: str, not_run: bool = False) -> list[str]:
    """The mutants of `module` that survived or had no test (and, asked, not run), by name."""
    meta = ROOT / "mutants" / (module.replace(".", "/") + ".py.meta")
    if not meta.exists():
        return []
    codes = json.loads(meta.read_text())["exit_code_by_key"]
    return [name for name, code in codes.items()
            if (code is None and not_run) or (
                code is not None and code not in KILLED and code != 34)]


def show(names: list[str]) -> None:
    """Print each mutant's diff (and, for a known equivalent one, why it survives)."""
    mutmut = Path(sys.executable).with_name("mutmut")
    for name in names:
        if name in EQUIVALENT:
            print(f"# {name}: equivalent — {EQUIVALENT[name]}", flush=True)
            continue
        subprocess.call([str(mutmut), "show", name], cwd=ROOT)


def report() -> None:
    """Print a Markdown table of the scores (killed / mutants that were run)."""
    print("| module | mutants | killed | survived | of them equivalent | no tests | not run "
          "| score | score, equivalents aside |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    total: Counter[str] = Counter()
    for module, count in scores().items():
        if sum(count.values()) == count["not run"]:
            continue
        total += count
        _row(module, count)
    _row("**all run**", total)


def _row(name: str, count: Counter[str]) -> None:
    tested = count["killed"] + count["survived"] + count["no tests"]
    score = f"{100 * count['killed'] / tested:.1f} %" if tested else "–"
    real = tested - count["equivalent"]
    aside = f"{100 * count['killed'] / real:.1f} %" if real else "–"
    print(f"| {name} | {tested} | {count['killed']} | {count['survived']} | "
          f"{count['equivalent']} | {count['no tests']} | {count['not run']} | {score} | "
          f"{aside} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="dotted module names, e.g. app.domain.model")
    parser.add_argument("--all", action="store_true", help="every module of the packages")
    parser.add_argument("--report", action="store_true", help="only print the scores")
    parser.add_argument("--children", type=int, default=2, help="parallel mutants")
    parser.add_argument("--nice", type=int, default=19, help="niceness of the run")
    parser.add_argument("--survivors", action="store_true",
                        help="only show the diffs of the mutants that survived")
    parser.add_argument("--again", action="store_true",
                        help="run only the mutants that survived or were not run yet "
                             "(after new tests: killed ones stay killed)")
    args = parser.parse_args()
    if args.survivors:
        show([name for module in args.modules for name in survivors(module)])
        return 0
    chosen = modules() if args.all else args.modules
    unknown = sorted(set(chosen) - set(modules()))
    if unknown:
        print(f"error: not a module mutmut mutates: {', '.join(unknown)}", file=sys.stderr)
        return 2
    if not args.report:
        for module in chosen:
            if run(module, args.children, args.nice, args.again) != 0:
                print(f"error: mutmut failed on {module}", file=sys.stderr)
                return 1
    report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
