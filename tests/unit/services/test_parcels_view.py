"""``parcels_of``: an order's parcels with box, weight, expected weight and items (SQLite and
PostgreSQL), checked against what the pack service itself says of the open parcel."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from devices.scan import ScanInput
from tests.helpers.catalogue import MUG_CODE, SHIRT_EAN, seed
from workstation.app import App, open_app
from workstation.services.errors import NotFoundError
from workstation.services.pack import PackService
from workstation.services.parcels_view import parcels_of
from workstation.settings import Settings


@pytest.fixture
def app(db_url: str, tmp_path: Path) -> Iterator[App]:
    settings = Settings(database_url=db_url, station="ST-01", data_dir=tmp_path,
                        label_printer="file://" + str(tmp_path) + "/", slip_format="none")
    opened = open_app(settings, migrate=False)
    seed(opened.sessions)
    yield opened
    opened.close()


def scan(pack: PackService, code: str) -> str:
    return pack.handle_scan(ScanInput(code, source="test")).outcome.value


def test_two_parcels_with_their_items_weights_and_expected_weights(app: App) -> None:
    pack = app.pack_service()
    scan(pack, "B-OP1")
    scan(pack, "ORD-4")
    with app.sessions() as session:
        opened = parcels_of(session, "ORD-4", app.settings)
    assert [(p.seq, p.status, p.items) for p in opened] == [(1, "open", ())]

    scan(pack, SHIRT_EAN)
    assert scan(pack, "WEIGHT:900") == "weight_set"
    info = pack.parcel_info()
    assert info is not None and info.expected_grams is not None
    with app.sessions() as session:
        first = parcels_of(session, "ORD-4", app.settings)[0]
    # The same box, expected weight and tolerance the pack service weighs the parcel against.
    assert (first.suggested_box, first.expected_grams, first.tolerance_grams) == (
        info.suggested_box, info.expected_grams, info.tolerance_grams)
    assert first.box == (info.box_type or info.suggested_box)
    assert first.weight_grams == 900
    assert first.weight_ok is (abs(900 - info.expected_grams) <= info.tolerance_grams)

    assert scan(pack, "CMD:NEXT-PARCEL") == "parcel_closed"
    assert scan(pack, MUG_CODE) == "order_complete"
    with app.sessions() as session:
        parcels = parcels_of(session, "ORD-4", app.settings)
    assert [p.seq for p in parcels] == [1, 2]
    assert [p.status for p in parcels] == ["closed", "closed"]
    assert [[(i.sku, i.quantity) for i in p.items] for p in parcels] == [[("SHIRT", 1)],
                                                                       [("MUG", 1)]]
    assert parcels[0] == replace(first, status="closed")  # closing changed nothing else
    assert parcels[1].weight_grams is None and parcels[1].weight_ok is None


def test_an_order_never_packed_has_no_parcels_and_an_unknown_one_is_an_error(app: App) -> None:
    with app.sessions() as session:
        assert parcels_of(session, "ORD-1", app.settings) == []
        with pytest.raises(NotFoundError, match="no order NOPE"):
            parcels_of(session, "NOPE", app.settings)
