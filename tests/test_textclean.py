"""Pasted text made safe for SQLite and Word: forbidden characters out, the rest kept."""

from __future__ import annotations

import re

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from referent.textclean import clean_text, forbidden_characters, visible


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\x00b", "ab"),
        ("a\x01\x02\x03\x04\x05\x06\x07\x08b", "ab"),
        ("a\x0e\x0f\x10\x1a\x1b\x1fb", "ab"),
        ("Linje 1\x0bLinje 2", "Linje 1\nLinje 2"),  # Word's manual line break
        ("Side 1\x0cSide 2", "Side 1\nSide 2"),  # Word's page break
        ("a\r\nb\r\nc", "a\nb\nc"),
        ("a\rb", "a\nb"),
        ("a\r\n\r\nb", "a\n\nb"),
        ("a\r\r\nb", "a\n\nb"),
        ("a\u2028b", "a\nb"),
        ("a\u2029b", "a\n\nb"),
        ("a\ud800b\udfffc", "abc"),  # lone surrogates
        ("a\ufffeb\uffffc", "abc"),
        ("\x00\x0b\x00", "\n"),
        ("", ""),
        ("a\x7fb", "ab"),  # DEL
        ("a\x80\x84\x86\x9a\x9fb", "ab"),  # C1 controls
        ("a\x85b", "a\nb"),  # NEL is a line break
        # bidi embeddings, overrides and isolates: "\u202e0051 tdnekdog" shows reversed on screen
        ("\u202etdnekdog 0051\u202c", "tdnekdog 0051"),
        ("a\u202a\u202b\u202c\u202d\u202eb", "ab"),
        ("a\u2066\u2067\u2068\u2069b", "ab"),
        ("\u202bשלום\u202c 1500", "שלום 1500"),  # the Hebrew itself is kept
        # invisible characters that only make equal-looking texts differ
        ("Helen\u200b Carter", "Helen Carter"),  # zero-width space
        ("Helen\ufeffCarter\u2060", "HelenCarter"),  # a BOM in the middle, a word joiner
        # bidi marks do nothing in a text without right-to-left letters: dropped there
        ("Helen\u200e Carter\u200f", "Helen Carter"),
        ("1500\u061c godkendt", "1500 godkendt"),
    ],
)
def test_cleaned(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    "text",
    [
        "tab\there",
        "Rødgrød med fløde, æ ø å Æ Ø Å",
        "emoji 😀 👍🏽 👨‍👩‍👧 🇩🇰",
        "non-breaking\u00a0space and narrow\u202fspace",
        "שלום עולם",  # Hebrew
        "مرحبا بالعالم",  # Arabic
        "mixed \u200fשלום!\u200e marks",  # LRM/RLM steer punctuation by Hebrew: kept
        "عربي\u061c 12",  # the Arabic letter mark: kept for the same reason
        "line\nbreaks\n\nkept\n",
        "en dash \u2013 and \u00bbquotes\u00ab",
        "\xa0\xa1 just after the C1 controls",
        "\u2065\u206a around the isolates",
        "\U0010fffd last plane",
        "\ue000 private use",
    ],
)
def test_kept_as_it_is(text: str) -> None:
    assert clean_text(text) == text
    assert forbidden_characters(text) == []


def test_forbidden_characters_names_what_is_dropped_but_not_breaks() -> None:
    assert forbidden_characters("a\x00b\x0bc\x0cd\x1f\r\n") == ["\x00", "\x1f"]
    assert forbidden_characters("a\u200bb\u200e") == ["\u200b", "\u200e"]
    assert forbidden_characters("שלום\u200e") == []


def test_visible_shows_what_cannot_be_seen() -> None:
    assert visible("ti\u202etle") == "ti<U+202E>tle"
    assert visible("a\u200bb\ufeffc\x1b[2Jd") == "a<U+200B>b<U+FEFF>c<U+001B>[2Jd"
    assert visible("tab\tand\nnewline, æøå, שלום, 😀") == "tab\tand\nnewline, æøå, שלום, 😀"


def test_word_paste_goes_into_a_word_document() -> None:
    pasted = "Punkt 1\x0bfortsat\x0cNy side\x07\tmed tab og 😀"
    document = docx.Document()
    paragraph = document.add_paragraph(clean_text(pasted))
    assert paragraph.text == "Punkt 1\nfortsat\nNy side\tmed tab og 😀"
    with pytest.raises(ValueError, match="XML compatible"):
        docx.Document().add_paragraph(pasted)  # what happens without cleaning


_TRICKY = st.sampled_from(
    list(
        "\x00\x07\x08\x0b\x0c\r\n\t\x1f\x7f\x80\x85\x9f\u200e\u200f\u202a\u202e\u2066\u2069\u2028\u2029\ud800\udc00\udfff\ufffe\uffff\u00a0æ😀"
    )
)
_ANY_TEXT = st.text(alphabet=st.one_of(st.characters(exclude_categories=()), _TRICKY))


@given(_ANY_TEXT)
def test_clean_text_is_always_accepted_by_xml(text: str) -> None:
    cleaned = clean_text(text)
    element = etree.Element("p")
    element.text = cleaned  # raises ValueError for anything XML 1.0 cannot hold
    back = etree.fromstring(etree.tostring(element, encoding="utf-8")).text or ""
    assert back == cleaned
    assert "\r" not in cleaned


@given(_ANY_TEXT)
def test_clean_text_is_idempotent_and_drops_only_forbidden_characters(text: str) -> None:
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert forbidden_characters(cleaned) == []
    kept = [c for c in text if c not in "\r\x0b\x0c\x85\u2028\u2029" and c not in forbidden_characters(c)]
    assert "".join(c for c in cleaned if c != "\n") == "".join(c for c in kept if c != "\n")


_DOCUMENT = docx.Document()


@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=50))
def test_python_docx_accepts_clean_text(text: str) -> None:
    paragraph = _DOCUMENT.add_paragraph(clean_text(text))
    assert paragraph.text == clean_text(text)


_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@given(_ANY_TEXT)
def test_nothing_stored_holds_a_control_or_bidi_override(text: str) -> None:
    """Only tab and newline remain of the control characters; bidi marks stay, overrides go."""
    cleaned = clean_text(text)
    assert not _CONTROLS.search(cleaned)
    for mark in "\u200e\u200f\u061c":
        assert cleaned.count(mark) == text.count(mark)
