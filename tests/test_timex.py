"""Temporal expressions: finding them, resolving them against the publication date, and not over-matching.

Every case states its anchor (the article's publication date). Weekdays of the
anchors used below, for reading the weekday cases:
2019-05-14 Tue, 2019-07-12 Fri, 2019-07-20 Sat, 2021-11-14 Sun, 2024-06-05 Wed,
2025-09-14 Sun, 2025-09-16 Tue, 2025-09-17 Wed.
"""

from __future__ import annotations

import re
import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.extract.timex import Timex, find_anaphoric, find_timexes, parse_iso, resolve_weekday

VALUE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def only(text: str, anchor: str | None, tense: str | None = None) -> Timex:
    """The single expression found in ``text`` (fails loudly if there is not exactly one)."""
    found = find_timexes(text, anchor, tense=tense)
    assert len(found) == 1, f"expected one timex in {text!r}, got {found}"
    return found[0]


def check_invariants(text: str, found: list[Timex]) -> None:
    """Spans are real, sorted and disjoint; values are real calendar dates."""
    prev_end = -1
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= prev_end, f"overlap or disorder in {found}"
        prev_end = t.end
        for v in (t.value, t.end_value):
            if v is not None:
                assert VALUE_RE.fullmatch(v), v
                parse_iso(v)  # raises if not a calendar date
        assert t.kind in ("date", "month", "year", "weekday", "relative", "range", "season", "quarter")
        assert t.bound in (None, "by", "until", "since", "before", "after", "within")


# --------------------------------------------------------------------------------------------------
# absolute expressions
# --------------------------------------------------------------------------------------------------

ABSOLUTE = [
    # (sentence, anchor, expected span text, value, kind)
    ("A cargo plane landed on July 12, 2019 near the capital.", "2019-07-20", "July 12, 2019", "2019-07-12", "date"),
    ("A cargo plane landed on 12 July 2019 near the capital.", "2019-07-20", "12 July 2019", "2019-07-12", "date"),
    ("The first parts landed on the 12th of July 2019.", "2019-08-01", "the 12th of July 2019", "2019-07-12", "date"),
    ("It was signed on Friday, 12 July.", "2019-07-20", "Friday, 12 July", "2019-07-12", "date"),
    ("It was signed on Friday, July 12, 2019.", "2020-01-01", "Friday, July 12, 2019", "2019-07-12", "date"),
    ("Deliveries started 12 July, officials said.", "2019-07-20", "12 July", "2019-07-12", "date"),
    ("The ministry confirmed the order on 26 April.", "2021-05-04", "26 April", "2021-04-26", "date"),
    ("The contract was signed on May 1.", "2021-05-04", "May 1", "2021-05-01", "date"),
    ("The talks resumed on Sept. 8 in Ankara.", "2025-09-15", "Sept. 8", "2025-09-08", "date"),
    ("The talks resumed on Sept 8 in Ankara.", "2025-09-15", "Sept 8", "2025-09-08", "date"),
    ("The talks resumed on September 8 in Ankara.", "2025-09-15", "September 8", "2025-09-08", "date"),
    ("The deal was filed on 2019-07-12.", "2019-08-01", "2019-07-12", "2019-07-12", "date"),
    ("The decree is dated 25/12/2019.", "2020-01-01", "25/12/2019", "2019-12-25", "date"),
    ("The decree is dated 12.07.2019.", "2020-01-01", "12.07.2019", "2019-07-12", "date"),
    ("Turkey ordered the system in December 2017.", "2019-07-12", "December 2017", "2017-12", "month"),
    ("Turkey ordered the system in Dec. 2017.", "2019-07-12", "Dec. 2017", "2017-12", "month"),
    ("Turkey ordered the system in December of 2017.", "2019-07-12", "December of 2017", "2017-12", "month"),
    ("Turkey ordered the system in 2017.", "2019-07-12", "2017", "2017", "year"),
    ("Ankara paid for a 2017 contract with Moscow.", "2019-07-12", "2017", "2017", "year"),
    ("Under the 2017 order, two batteries were due.", "2019-07-12", "2017", "2017", "year"),
    ("The batteries arrived in the summer of 2019.", "2020-01-01", "the summer of 2019", "2019", "season"),
    ("Production resumes in spring 2021.", "2020-01-01", "spring 2021", "2021", "season"),
    ("Delivery is due in the fourth quarter of 2025.", "2025-01-10", "the fourth quarter of 2025", "2025", "quarter"),
    ("Delivery is due in Q4 2025.", "2025-01-10", "Q4 2025", "2025", "quarter"),
    ("Delivery is due in H1 2026.", "2025-01-10", "H1 2026", "2026", "quarter"),
    ("Delivery is due in the first half of 2026.", "2025-01-10", "the first half of 2026", "2026", "quarter"),
    ("The radar will be ready in late 2025.", "2025-01-10", "late 2025", "2025", "year"),
    ("The radar will be ready in early 2026.", "2025-01-10", "early 2026", "2026", "year"),
    ("The radar became operational in mid-2024.", "2025-01-10", "mid-2024", "2024", "year"),
    ("The budget covers FY2025 only.", "2025-01-10", "FY2025", "2025", "year"),
    ("Activation was set for the end of March 2020.", "2019-07-12", "the end of March 2020", "2020-03", "month"),
    ("They met in the first week of March 2020.", "2020-06-01", "March 2020", "2020-03", "month"),
    ("The file was updated on 2019-07.", "2020-06-01", "2019-07", "2019-07", "month"),
    ("Ankara said in SEPTEMBER 2019 that it was ready.", "2020-06-01", "SEPTEMBER 2019", "2019-09", "month"),
]


@pytest.mark.parametrize(("text", "anchor", "span", "value", "kind"), ABSOLUTE)
def test_absolute(text: str, anchor: str, span: str, value: str, kind: str) -> None:
    t = only(text, anchor)
    assert (t.text, t.value, t.kind) == (span, value, kind)
    assert text[t.start:t.end] == span


def test_absolute_dates_do_not_need_an_anchor() -> None:
    t = only("The batteries arrived on 12 July 2019.", None)
    assert t.value == "2019-07-12"
    assert only("It was ordered in December 2017.", None).value == "2017-12"


def test_day_without_year_takes_the_year_of_the_stated_weekday() -> None:
    # 12 July was a Friday in 2019 but a Sunday in 2020: the weekday decides, not the anchor's year
    assert only("They met on Friday, 12 July.", "2020-01-15").value == "2019-07-12"


def test_impossible_dates_are_not_dates() -> None:
    assert all(t.kind != "date" for t in find_timexes("It was due on 31 April and on February 30, 2019.", "2019-06-01"))


# --------------------------------------------------------------------------------------------------
# relative to the publication date
# --------------------------------------------------------------------------------------------------

RELATIVE = [
    # (sentence, anchor, tense, expected span, value)
    ("The ministry said today that talks continue.", "2025-09-16", None, "today", "2025-09-16"),
    ("The ministry said yesterday that talks continue.", "2025-09-16", None, "yesterday", "2025-09-15"),
    ("Talks resume tomorrow.", "2025-09-16", None, "tomorrow", "2025-09-17"),
    ("Officials met the day before yesterday.", "2025-09-16", None, "the day before yesterday", "2025-09-14"),
    ("Sirens sounded last night.", "2025-09-16", None, "last night", "2025-09-15"),
    ("Nefes reported on Saturday that Russia asked.", "2025-09-14", "past", "Saturday", "2025-09-13"),
    ("Nefes reported on Sunday that Russia asked.", "2025-09-14", "past", "Sunday", "2025-09-14"),
    ("The minister spoke on Wednesday.", "2025-09-14", "past", "Wednesday", "2025-09-10"),
    ("The envoy arrived late on Monday.", "2025-09-16", "past", "late on Monday", "2025-09-15"),
    ("Friday saw the first flight.", "2025-09-16", "past", "Friday", "2025-09-12"),
    ("A decision is expected on Friday.", "2025-09-16", "future", "Friday", "2025-09-19"),
    ("The result will be announced Friday.", "2025-09-16", "future", "Friday", "2025-09-19"),
    ("Talks ended last Friday.", "2025-09-16", None, "last Friday", "2025-09-12"),
    ("Talks resume next Monday.", "2025-09-16", None, "next Monday", "2025-09-22"),
    ("The team flies out on Mon. morning.", "2025-09-16", "future", "Mon. morning", "2025-09-22"),
    ("The test happened last week.", "2025-09-17", None, "last week", "2025-09"),
    ("The test happens next week.", "2025-09-24", None, "next week", "2025-10"),
    ("The test happened last month.", "2025-09-17", None, "last month", "2025-08"),
    ("The test happened earlier this month.", "2025-09-17", None, "earlier this month", "2025-09"),
    ("The test happens next month.", "2025-09-17", None, "next month", "2025-10"),
    ("The test happens early next month.", "2025-12-17", None, "early next month", "2026-01"),
    ("The order was placed last year.", "2025-09-17", None, "last year", "2024"),
    ("The order is placed this year.", "2025-09-17", None, "this year", "2025"),
    ("The order was placed earlier this year.", "2025-09-17", None, "earlier this year", "2025"),
    ("The order is placed later this year.", "2025-09-17", None, "later this year", "2025"),
    ("The order will be placed next year.", "2025-09-17", None, "next year", "2026"),
    ("It was delivered in October of last year.", "2025-09-17", None, "October of last year", "2024-10"),
    ("It was delivered last October.", "2025-09-17", None, "last October", "2024-10"),
    ("It was delivered in October last year.", "2025-09-17", None, "October last year", "2024-10"),
    ("It will be delivered in April next year.", "2025-09-17", None, "April next year", "2026-04"),
    ("The deal came in May that year.", "2025-09-17", None, "May that year", None),  # "that year" unknown
    ("Two frigates are scheduled to sail in July.", "2019-05-14", "future", "July", "2019-07"),
    ("Erdogan said in August that talks went well.", "2021-11-14", "past", "August", "2021-08"),
    ("Erdogan said in December that talks went well.", "2021-11-14", "past", "December", "2020-12"),
    ("Deliveries resume in March.", "2021-11-14", "future", "March", "2022-03"),
    # "is to" + a verb looks ahead; a verb after "and" belongs to another clause
    ("Two helicopters arrived and a third is to follow in February.", "2026-11-18", None, "February", "2027-02"),
    ("The pact was signed with great ceremony at the Kremlin in June and the jets will arrive soon.", "2025-08-19",
     None, "June", "2025-06"),
    ("It happened two years ago.", "2025-09-17", None, "two years ago", "2023"),
    ("It happened three days ago.", "2025-09-17", None, "three days ago", "2025-09-14"),
    ("It happened a decade ago.", "2025-09-17", None, "a decade ago", "2015"),
    ("It will be finished in two years.", "2025-09-17", None, "in two years", "2027"),
    ("The summit is this summer.", "2025-03-17", None, "this summer", "2025"),
    ("Work started last summer.", "2025-03-17", None, "last summer", "2024"),
    ("Deliveries start soon after the New Year.", "2025-09-17", None, "soon after the New Year", "2026-01"),
    ("Deliveries start in the New Year.", "2025-09-17", None, "the New Year", "2026-01"),
    ("The parade is on New Year's Day.", "2025-09-17", "future", "New Year's Day", "2026-01-01"),
    ("They report by the end of the year.", "2025-09-17", None, "by the end of the year", "2025"),
    ("The systems should arrive by the end of next year.", "2025-09-17", None, "by the end of next year", "2026"),
    ("Production ends at year-end.", "2025-09-17", None, "year-end", "2025"),
]


@pytest.mark.parametrize(("text", "anchor", "tense", "span", "value"), RELATIVE)
def test_relative(text: str, anchor: str, tense: str | None, span: str, value: str) -> None:
    t = only(text, anchor, tense)
    assert (t.text, t.value) == (span, value)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("More details are expected in the coming weeks.", "in the coming weeks"),
        ("It could change in the coming months.", "in the coming months"),
        ("It was done a few years ago.", "a few years ago"),
        ("Sales grew over the past two years.", "over the past two years"),
    ],
)
def test_vague_amounts_are_found_but_unresolved(text: str, span: str) -> None:
    t = only(text, "2025-09-17")
    assert (t.text, t.value, t.kind) == (span, None, "relative")


def test_week_resolves_to_the_month_holding_most_of_its_days() -> None:
    # anchor Wed 2025-10-01: last week is Mon 22 - Sun 28 September
    assert only("It happened last week.", "2025-10-01").value == "2025-09"
    # anchor Wed 2025-10-29: next week is Mon 3 - Sun 9 November
    assert only("It happens next week.", "2025-10-29").value == "2025-11"
    # anchor Wed 2025-10-01: earlier this week is Mon 29 - Tue 30 September
    assert only("It happened earlier this week.", "2025-10-01").value == "2025-09"


def test_same_weekday_as_anchor_means_the_anchor_day_in_past_and_future() -> None:
    assert only("It was signed on Sunday.", "2025-09-14", "past").value == "2025-09-14"
    assert only("It will be signed on Sunday.", "2025-09-14", "future").value == "2025-09-14"


def test_last_weekday_is_strictly_before_the_anchor() -> None:
    # anchor Tuesday 2025-09-16: last Friday is four days back; last Tuesday a week back
    assert only("It happened last Friday.", "2025-09-16").value == "2025-09-12"
    assert only("It happened last Tuesday.", "2025-09-16").value == "2025-09-09"


def test_month_without_year_follows_tense_and_defaults_to_nearest() -> None:
    anchor = "2019-05-14"
    assert only("It sails in July.", anchor, "future").value == "2019-07"
    assert only("It arrived in July.", anchor, "past").value == "2018-07"
    assert only("It arrives in July.", anchor, "past").value == "2018-07"  # an explicit tense wins
    # no tense and no verb cue: the nearest July to mid-May 2019
    assert only("Deliveries: in July.", anchor).value == "2019-07"
    # the anchor's own month counts as "on or before" for past and "on or after" for future
    assert only("Officials said in May that it was ready.", anchor, "past").value == "2019-05"
    assert only("It will be ready in May.", anchor, "future").value == "2019-05"


def test_tense_is_inferred_per_expression_when_not_given() -> None:
    found = find_timexes("Moscow said on Monday it will deliver the S-400 in July.", "2025-09-17")
    assert [(t.text, t.value) for t in found] == [("Monday", "2025-09-15"), ("July", "2026-07")]
    assert only("The result will be announced Friday.", "2025-09-16").value == "2025-09-19"
    assert only("Nefes reported on Saturday that Russia asked.", "2025-09-14").value == "2025-09-13"


def test_modal_verbs_point_ahead_and_dates_attach_to_the_verb_in_front() -> None:
    found = find_timexes("The minister warned on Sunday that the handover could slip to July.", "2019-05-14")
    assert [(t.text, t.value) for t in found] == [("Sunday", "2019-05-12"), ("July", "2019-07")]
    # the past verb two words in front beats the modal one word after
    found = find_timexes("The envoy told reporters on Sunday deliveries could start in July.", "2019-05-14")
    assert [(t.text, t.value) for t in found] == [("Sunday", "2019-05-12"), ("July", "2019-07")]


def test_a_modal_passive_points_ahead_and_a_modal_perfect_back() -> None:
    # "could be signed in June" is still to come; "could have been signed in June" is a June gone by
    assert only("A contract could be signed in June.", "2024-03-14").value == "2024-06"
    assert only("A contract could have been signed in June.", "2024-03-14").value == "2023-06"


def test_a_trailing_attribution_does_not_set_the_tense_of_the_clause_before_it() -> None:
    # "said" behind the comma is the attribution; "will receive" is the clause's own verb
    text = "Jakarta will receive its first three Rafale fighter jets in February, the air force said."
    assert only(text, "2025-11-04").value == "2026-02"
    text = "Jakarta received its first three Rafale fighter jets in February, the air force said."
    assert only(text, "2025-11-04").value == "2025-02"
    # with no verb in front, the verb behind the comma still decides
    found = find_timexes("On Monday, officials said the jets had landed.", "2025-11-05")
    assert [t.value for t in found] == ["2025-11-03"]


def test_a_colon_ends_the_clause_whose_tense_a_date_takes() -> None:
    # "is rearming" before the colon is another clause; "signed" is the date's own verb
    assert only("Bangkok is rearming too: in August it signed for four fighters.", "2025-10-23").value == "2025-08"


def test_a_future_verb_far_before_a_month_still_sets_its_tense() -> None:
    # "armoured" is an adjective, not a past verb; "Yalçın" is one word; "will sign" is 13 words back
    text = ("Montenegro will sign a contract with Turkey for 24 Ejder Yalçın 4x4 armoured vehicles in November, "
            "Deputy Defence Minister Ivan Perović told parliament on Wednesday.")
    assert [t.value for t in find_timexes(text, "2025-10-23")] == ["2025-11", "2025-10-22"]


def test_a_year_after_around_is_a_date_unless_it_counts_something() -> None:
    # "around 2029 at the earliest" dates; "around 2000 soldiers" counts
    assert [t.value for t in find_timexes("The jets could arrive around 2029 at the earliest.", "2025-10-01")] == [
        "2029"]
    assert find_timexes("Around 2000 soldiers took part.", "2025-10-01") == []


def test_as_recently_as_a_month_dates_it() -> None:
    assert only("Washington had pitched the Patriot as recently as June.", "2025-10-01").value == "2025-06"


@pytest.mark.parametrize(("sentence", "before", "value"), [
    ("The first batteries were delivered that July.", "Turkey signed in 2017. It was revised in 2019.", "2019-07"),
    ("It ordered six Seahawks the following year.", "Norway returned its NH90s in 2022.", "2023"),
    ("Poland signed its own agreement the same day.", "Korea signed on July 27, 2022.", "2022-07-27"),
    ("The deal was struck that year.", "Talks began in March 2019.", "2019"),
    ("Batteries bought the year before shot down jets in 2008.", "Georgia bought arms in 1999.", "2007"),
    ("Germany had stationed Patriots there the previous month.", "Slovakia gave Kyiv its S-300 in April 2022.",
     "2022-03"),
    ("The pilots had landed them at Termez a month earlier.", "In January 2021 it let the jets fly out.", "2020-12"),
    ("The contract followed a month later.", "Talks ended in December 2019.", "2020-01"),
    ("Those were delivered two years later.", "Chile signed for four Cougars in 2017.", "2019"),
    ("They arrived eighteen months later.", "Peru ordered 24 Mi-171Sh in March 2014.", "2015-09"),
    ("Talks had opened three years earlier.", "The contract was signed in 2021.", "2018"),
])
def test_dates_told_by_reference_to_the_last_date_named(sentence: str, before: str, value: str) -> None:
    """ "that July", "the following year", "the same day": resolved against the date named last before them
    ("the year before" against the date its own clause gives when one follows)."""
    assert [t.value for t in find_anaphoric(sentence, before, "2025-10-01")] == [value]


def test_a_reference_date_restated_at_once_is_left_to_the_date_named() -> None:
    """ "Two years later, in 2021, Moscow donated ...": the year the sentence names says it; counting from the
    last date before would give another."""
    assert find_anaphoric("Two years later, in 2021, Moscow donated tanks.", "It arrived in 2020.", "2025-10-01") == []
    assert find_anaphoric("A year later (2022) it sent more.", "It arrived in 2020.", "2025-10-01") == []


def test_a_reference_date_too_coarse_for_the_phrase_leaves_it_unresolved() -> None:
    assert find_anaphoric("They signed the same day.", "Talks ended in 2019.", "2025-10-01") == []
    assert find_anaphoric("They signed that July.", "No date was given.", "2025-10-01") == []


def test_deadline_in_a_past_clause_still_points_ahead() -> None:
    # "were ordered" is past, but "by August 30" is a deadline three weeks after publication
    assert only("Contractors were ordered to finish by August 30.", "2019-08-10").value == "2019-08-30"
    assert only("Contractors were ordered to finish by August 30.", "2019-08-10", "past").value == "2019-08-30"
    # without the deadline word a past clause means the last such day
    assert only("Staff left on August 30.", "2019-08-10", "past").value == "2018-08-30"


def test_month_lists_share_the_stated_year() -> None:
    found = find_timexes("Batteries arrived in May, June and July 2019.", "2025-09-16")
    assert [t.value for t in found] == ["2019-05", "2019-06", "2019-07"]
    found = find_timexes("Talks were held in December and January 2020.", "2025-09-16")
    assert [t.value for t in found] == ["2019-12", "2020-01"]


def test_an_explicit_tense_applies_to_every_expression() -> None:
    found = find_timexes("Moscow said on Monday it will deliver the S-400 in July.", "2025-09-17", tense="past")
    assert [t.value for t in found] == ["2025-09-15", "2025-07"]


def test_relative_expressions_without_anchor_are_found_unresolved() -> None:
    found = find_timexes("It was reported on Saturday and will happen next year.", None)
    assert [(t.text, t.value) for t in found] == [("Saturday", None), ("next year", None)]


def test_that_year_is_the_year_just_written() -> None:
    """ "in November that year" / "July of that same year": the year named before, not the publication's."""
    found = find_timexes("Signed in May 2021, the deal was ratified in November that year.", "2025-09-17")
    assert [(t.text, t.value) for t in found] == [("May 2021", "2021-05"), ("November that year", "2021-11")]
    found = find_timexes("It was ordered in 2019 and flew in July of that same year.", "2025-09-17")
    assert [(t.text, t.value) for t in found] == [("2019", "2019"), ("July of that same year", "2019-07")]


def test_partial_anchor_only_resolves_what_it_can() -> None:
    found = find_timexes("Yesterday's report said the order was placed last year.", "2025")
    assert [(t.text, t.value) for t in found] == [("Yesterday", None), ("last year", "2024")]
    assert only("It happened last month.", "2025-09").value == "2025-08"


def test_date_and_datetime_anchors() -> None:
    assert only("It happened yesterday.", date(2025, 9, 16)).value == "2025-09-15"
    assert only("It happened yesterday.", "2025-09-16T08:30:00Z").value == "2025-09-15"


# --------------------------------------------------------------------------------------------------
# ranges and bounds
# --------------------------------------------------------------------------------------------------

RANGES = [
    ("Payments are spread between 2024 and 2026.", "between 2024 and 2026", "2024", "2026"),
    ("Deliveries run 2026–2027.", "2026–2027", "2026", "2027"),
    ("Deliveries run 2026-2027.", "2026-2027", "2026", "2027"),
    ("Deliveries run 2024–25.", "2024–25", "2024", "2025"),
    ("Deliveries run from 2024 to 2026.", "from 2024 to 2026", "2024", "2026"),
    ("Deliveries run from March to May 2024.", "from March to May 2024", "2024-03", "2024-05"),
    ("Deliveries run from November to February 2024.", "from November to February 2024", "2023-11", "2024-02"),
    ("Talks ran from 12 to 14 March 2024.", "from 12 to 14 March 2024", "2024-03-12", "2024-03-14"),
    ("Talks ran March 3-5, 2020.", "March 3-5, 2020", "2020-03-03", "2020-03-05"),
    ("The budget for fiscal 2024-25 grew.", "fiscal 2024-25", "2024", "2025"),
]


@pytest.mark.parametrize(("text", "span", "value", "end_value"), RANGES)
def test_ranges(text: str, span: str, value: str, end_value: str) -> None:
    t = only(text, "2025-01-10")
    assert (t.text, t.kind, t.value, t.end_value) == (span, "range", value, end_value)


BOUNDS = [
    ("The radar should be ready by April 2020.", "2019-07-12", "by April 2020", "2020-04", "by"),
    ("The ban stays until 2020.", "2019-07-12", "until 2020", "2020", "until"),
    ("Ankara has sought air defence since 1999.", "2019-07-12", "since 1999", "1999", "since"),
    ("A decision is due before the end of the year.", "2019-07-12", "before the end of the year", "2019", "before"),
    ("Ankara has waited since October of last year.", "2025-09-15", "since October of last year", "2024-10", "since"),
    ("Kits will ship by April next year.", "2025-09-15", "by April next year", "2026-04", "by"),
    ("The deal must close within this year.", "2025-09-15", "within this year", "2025", "within"),
    ("The deal must close within 30 days.", "2025-09-15", "within 30 days", "2025-10-15", "within"),
    ("The deal must close within the next two years.", "2025-09-15", "within the next two years", "2027", "within"),
    ("Nothing happens no later than 2026.", "2025-09-15", "no later than 2026", "2026", "by"),
    ("Levels are back to pre-2014 numbers.", "2025-09-15", "pre-2014", "2014", "before"),
    ("Deliveries will start not before 2030.", "2025-09-15", "not before 2030", "2030", "after"),
]


@pytest.mark.parametrize(("text", "anchor", "span", "value", "bound"), BOUNDS)
def test_bounds(text: str, anchor: str, span: str, value: str, bound: str) -> None:
    t = only(text, anchor)
    assert (t.text, t.value, t.bound) == (span, value, bound)


def test_plain_in_and_on_are_not_bounds_and_stay_outside_the_span() -> None:
    t = only("It was ordered in 2017.", "2019-07-12")
    assert (t.text, t.bound) == ("2017", None)
    t = only("It was reported on Saturday.", "2025-09-14")
    assert (t.text, t.bound) == ("Saturday", None)


# --------------------------------------------------------------------------------------------------
# things that are not dates
# --------------------------------------------------------------------------------------------------

NOT_DATES = [
    "The deal is worth $2.5 billion.",
    "The plant made 900 parts.",
    "The Senate voted 287 to 55.",
    "The army bought 600,000 rifles.",
    "The two sides held a 2+2 dialogue.",
    "Payment is due 30 days after signing.",
    "Turkey bought the S-400 and India the AK-203.",
    "The F-35, the Su-35 and the KF-21 compete.",
    "The Type 055 destroyer and the F-16 Block 70 were shown.",
    "Sanctions under Section 231 apply.",
    "It was listed as item No. 2019 in the register.",
    "Call +1 202 555 2019 for details.",
    "Call 202-555-2019 for details.",
    "The fort was built in 1850 and will stand until 2150.",
    "It was the 21st annual summit.",
    "The 5G network was switched on at 10:30.",
    "Some 2000 troops and about 1950 vehicles took part.",
    "The 2000 soldiers marched 2019 km.",
    "UN Resolution 2019 was cited.",
    "Theresa May said it may march on.",
    "Troops march to the border.",
    "An august body of experts met.",
    "Jan Kowalski and June Carter spoke.",
    "The Sun. That is all.",
    "She read Russia Today and USA Today.",
    "It happened in the 1990s.",
    "The fall of Kabul changed everything.",
    "For the first time in years the army paraded.",
    "It marked a new year of hope.",
    "The Lunar New Year holiday began.",
    "The AK2019 and S-2019 designs were shown.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_timexes(text, "2025-09-16") == []


def test_false_positives_next_to_a_real_date() -> None:
    text = "The F-35 deal, worth $2.5 billion for 900 parts, was signed on 12 July 2019 under Section 231."
    assert [t.text for t in find_timexes(text, "2019-08-01")] == ["12 July 2019"]


def test_month_names_case_rules() -> None:
    anchor = "2019-07-20"
    # capitalised "March"/"May" are months, lower-case never are
    assert only("It started in March.", anchor).text == "March"
    assert find_timexes("It started to march.", anchor) == []
    assert only("Deliveries began in May.", anchor).text == "May"
    assert find_timexes("Deliveries may begin.", anchor) == []
    # unambiguous names are case-insensitive
    assert only("deliveries began in july 2019.", anchor).value == "2019-07"
    # abbreviations need their period when they stand alone
    assert only("Deliveries begin in Sept.", anchor).text == "Sept."
    assert find_timexes("Deliveries begin in Sept", anchor) == []


def test_a_bare_month_needs_temporal_context() -> None:
    assert find_timexes("June Carter said July was fine.", "2019-07-20") == []
    found = find_timexes("It happened in June and July.", "2019-07-20")
    assert [t.text for t in found] == ["June", "July"]


def test_count_years_versus_years() -> None:
    assert only("Elections were held in 2000.", "2019-07-20").value == "2000"
    assert only("Elections were held around 2000, officials said.", "2019-07-20").value == "2000"
    assert find_timexes("Around 2000 troops were moved.", "2019-07-20") == []


# --------------------------------------------------------------------------------------------------
# helpers: parse_iso and resolve_weekday
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019", date(2019, 1, 1)),
        ("2019-07", date(2019, 7, 1)),
        ("2019-07-12", date(2019, 7, 12)),
        ("2019-07-12T10:00:00Z", date(2019, 7, 12)),
        (None, None),
        ("", None),
    ],
)
def test_parse_iso(value: str | None, expected: date | None) -> None:
    assert parse_iso(value) == expected


@pytest.mark.parametrize("bad", ["Sept 15, 2025", "2019-13", "2019-02-30", "yesterday"])
def test_parse_iso_rejects_non_iso_with_a_clear_message(bad: str) -> None:
    with pytest.raises(ValueError, match="ISO|calendar"):
        parse_iso(bad)


def test_bad_published_and_bad_tense_fail_loudly() -> None:
    with pytest.raises(ValueError, match="ISO"):
        find_timexes("It happened yesterday.", "15/09/2025")
    with pytest.raises(ValueError, match="tense"):
        find_timexes("It happened yesterday.", "2025-09-15", tense="present")


@pytest.mark.parametrize(
    ("name", "anchor", "tense", "expected"),
    [
        ("Saturday", date(2025, 9, 14), "past", date(2025, 9, 13)),
        ("Sunday", date(2025, 9, 14), "past", date(2025, 9, 14)),
        ("Monday", date(2025, 9, 14), "past", date(2025, 9, 8)),
        ("Monday", date(2025, 9, 14), None, date(2025, 9, 8)),
        ("Monday", date(2025, 9, 14), "future", date(2025, 9, 15)),
        ("Sun.", date(2025, 9, 14), "future", date(2025, 9, 14)),
        ("fri", date(2025, 9, 14), "future", date(2025, 9, 19)),
    ],
)
def test_resolve_weekday(name: str, anchor: date, tense: str | None, expected: date) -> None:
    assert resolve_weekday(name, anchor, tense) == expected


def test_resolve_weekday_rejects_unknown_names() -> None:
    with pytest.raises(ValueError, match="weekday"):
        resolve_weekday("Funday", date(2025, 9, 14), None)


# --------------------------------------------------------------------------------------------------
# whole-text behaviour and properties
# --------------------------------------------------------------------------------------------------

PARAGRAPH = (
    "Ruritania has asked Freedonia to take back the four corvettes it handed over in July 2019, a local daily "
    "reported on Saturday. Freedonia was paid $2.5 billion under a 2017 contract, and the first hull was "
    "commissioned on 12 July 2019. Officials said late on Monday that talks would continue next month and that a "
    "decision was expected by the end of the year. A third country barred both yards from its F-35 work in 2019 and "
    "imposed penalties under Section 231 in December 2020. Refits of a second batch are planned between 2026 and 2027."
)


def test_paragraph_finds_every_date_in_order() -> None:
    found = find_timexes(PARAGRAPH, "2025-09-14")
    check_invariants(PARAGRAPH, found)
    assert [(t.text, t.value) for t in found] == [
        ("July 2019", "2019-07"),
        ("Saturday", "2025-09-13"),
        ("2017", "2017"),
        ("12 July 2019", "2019-07-12"),
        ("late on Monday", "2025-09-08"),
        ("next month", "2025-10"),
        ("by the end of the year", "2025"),
        ("2019", "2019"),
        ("December 2020", "2020-12"),
        ("between 2026 and 2027", "2026"),
    ]


@pytest.mark.parametrize("case", ABSOLUTE + [(r[0], r[1]) for r in RELATIVE] + [(b[0], b[1]) for b in BOUNDS])
def test_invariants_on_all_cases(case: tuple) -> None:
    text, anchor = case[0], case[1]
    check_invariants(text, find_timexes(text, anchor))


_WORDS = [
    "in", "on", "by", "since", "until", "the", "end", "of", "last", "next", "this", "early", "late", "mid-", "May",
    "may", "March", "July", "Sept.", "Friday", "Mon.", "Sun.", "week", "weekend", "month", "year", "years", "ago",
    "within", "days", "two", "a", "few", "between", "and", "from", "to", "2019", "2020", "1999", "2026", "12",
    "31", "5", "12th", "Q4", "H1", "FY2025", "fiscal", "summer", "fall", "quarter", "half", "first", "New", "Year",
    "Year's", "today", "yesterday", "night", "$", "S-400", "No.", ",", ".", "-", "–", "/", "'", "'s", "\n\n",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=30),
    st.lists(st.sampled_from(["", " ", "  ", "-", "/", ".", ","]), min_size=30, max_size=30),
    st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    st.sampled_from([None, "past", "future"]),
)
def test_property_date_like_word_salad(words: list[str], seps: list[str], anchor: date, tense: str | None) -> None:
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    check_invariants(text, find_timexes(text, anchor, tense=tense))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, "2025-09-14", "2025-09", "2025"]))
def test_property_random_text_never_raises(text: str, anchor: str | None) -> None:
    check_invariants(text, find_timexes(text, anchor))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2021 Chile cancelled the frigates it had ordered two years earlier.", ("two years earlier", "2019")),
        ("The first jets reached Accra in March 2020 and the rest the following year.", ("the following year", "2021")),
        ("Trials ended in 2015, and a year later the navy chose the Type 31.", ("a year later", "2016")),
        ("Bids closed in 2012; the previous year the army had dropped the T-90.", ("the previous year", "2011")),
        ("The first jets landed in March 2022 and were inducted that same month.", ("that same month", "2022-03")),
        ("It was ordered in May 2021; later that year the army cancelled it.", ("later that year", "2021")),
    ],
)
def test_years_counted_from_a_year_in_the_text(text: str, expected: tuple[str, str]) -> None:
    """ "ordered two years earlier", "the following year": counted from the year the text names before, not
    from the publication date."""
    found = find_timexes(text, "2025-09-14")
    check_invariants(text, found)
    assert expected in [(t.text, t.value) for t in found]


@pytest.mark.parametrize(
    "text",
    [
        "The deal was signed more than a year after Tehran said in 2023 it was settled.",
        "It will ship the first tanks in 2026, a year earlier than the army asked.",
        "Two years later the navy chose the Type 31.",  # no year named before
    ],
)
def test_years_away_without_a_year_to_count_from(text: str) -> None:
    """ "a year after <event>" counts from an event, "a year earlier than" compares, and with no year named
    before there is nothing to count from: none is a date."""
    found = find_timexes(text, "2025-09-14")
    assert not any("year" in t.text and t.text != "2023" for t in found), found


def test_speed_budget_on_a_dense_2kb_paragraph() -> None:
    """A generous ceiling that only catches pathological slowness (e.g. regex backtracking)."""
    text = (PARAGRAPH * 5)[:2048]
    find_timexes(text, "2025-09-14")
    t0 = time.process_time()
    for _ in range(20):
        find_timexes(text, "2025-09-14")
    assert (time.process_time() - t0) / 20 < 0.02


def test_the_month_may_is_no_modal_for_the_tense_of_a_later_date() -> None:
    """ "received two boats in May, which fired on 30 July": "May" is the month, so the firing is past (July of the
    publication year); the modal still makes a date ahead ("the boats may be delivered on 30 July")."""
    values = [t.value for t in find_timexes("Kenya received two boats in May, which fired on 30 July.", "2026-08-11")]
    assert values == ["2026-05", "2026-07-30"]
    values = [t.value for t in find_timexes("In May, the navy said the boats fired on 30 July.", "2026-08-11")]
    assert values == ["2026-05", "2026-07-30"]
    assert [t.value for t in find_timexes("The boats may be delivered on 30 July.", "2026-08-11")] == ["2027-07-30"]
