from __future__ import annotations

from devices.symbology import split_symbology, symbology_name


def test_identifiers_are_split_off() -> None:
    assert split_symbology("]C1011234") == ("]C1", "011234")
    assert split_symbology("]E05901234123457") == ("]E0", "5901234123457")
    assert split_symbology("]d2") == ("]d2", "")


def test_data_that_only_looks_like_an_identifier_is_kept_whole() -> None:
    assert split_symbology("]W1abc") == (None, "]W1abc")  # no symbology W
    assert split_symbology("]C-abc") == (None, "]C-abc")  # "-" is no modifier
    assert split_symbology("]C") == (None, "]C")
    assert split_symbology("12345") == (None, "12345")


def test_names_for_the_operator() -> None:
    assert symbology_name("]C1") == "GS1-128"
    assert symbology_name("]d2") == "GS1 DataMatrix"
    assert symbology_name("]Q3") == "GS1 QR Code"
    assert symbology_name("]e0") == "GS1 DataBar"
    assert symbology_name("]E4") == "EAN-8"
    assert symbology_name("]C0") == "Code 128"
    assert symbology_name("]A0") == "Code 39"
    assert "no AIM identifier" in symbology_name(None)
