"""The quick look that spares the date patterns most lines: it never hides a date they find."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from referent.dates import MONTH_NAMES, WEEKDAY_NAMES, _date_by_patterns, _may_hold_date, has_date, parse_when

PIECES = st.one_of(
    st.sampled_from(sorted(MONTH_NAMES)).map(str.title),
    st.sampled_from(sorted(MONTH_NAMES)).map(str.upper),
    st.sampled_from(sorted(MONTH_NAMES)),
    st.sampled_from(sorted(WEEKDAY_NAMES)),
    st.sampled_from(sorted(WEEKDAY_NAMES)).map(str.upper),
    st.sampled_from([" ", ".", "/", "-", "–", ",", "st", "nd", "th", "º", "°", "de ", "of ", "the ", "den "]),
    st.sampled_from(["ı", "ſ", "İ", "K", "æ", "punkt", "Møde", "_", "\u00a0"]),
    st.integers(0, 40).map(str),
    st.sampled_from(["2023", "20231203", "12", "1", "05", "١٢"]),
    st.text(max_size=3),
)


@given(st.lists(PIECES, max_size=10).map("".join))
@settings(max_examples=3000)
@example("1stmarch 2023")
@example("1ºmarzo")
@example("12mar")
@example("ſeptember 5")
@example("5 APRİL 2024")
@example("3-4 oKtober")
@example("15-17/1-2017")
@example("ſunday 5 march")
@example("SUNDAY İ 5 MARCH")
def test_a_line_the_quick_look_passes_over_holds_no_date(text: str) -> None:
    if _date_by_patterns(text) is not None:
        assert _may_hold_date(text)
    assert has_date(text) == parse_when(text).has_date


def test_letters_the_patterns_fold_are_read_not_a_traceback() -> None:
    """``ſ`` and ``İ`` match ``s`` and ``i`` in the patterns: the month was then looked up as
    written and raised a KeyError out of the Word reader."""
    assert parse_when("ſeptember 5, 2023").on(2023) is not None
    assert parse_when("5 APRİL 2024").month == 4
    assert parse_when("ſunday, 5 march 2023").weekday == 6


def test_lines_without_a_date_are_passed_over() -> None:
    assert not _may_hold_date("12. Punkt nummer 12")
    assert not _may_hold_date("Afsnit 3 i punkt 12: det indstilles at bestyrelsen godkender handleplanen")
    assert (
        _may_hold_date("Mandag den 13. marts 2023") and _may_hold_date("13.3") and _may_hold_date("20231203")
    )
