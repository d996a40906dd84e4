"""An order that comes with the carrier's own label: imported, then printed byte for byte."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.enums import Role
from db.models import Order, PrintJob
from devices.scan import ScanInput
from tests.helpers.import_data import MUG_EAN, order, products
from workstation.services.importer import format_report, import_payload
from workstation.services.operators import add_operator
from workstation.services.pack import PackService
from workstation.settings import Settings

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
CARRIER_ZPL = b"^XA^FO40,40^A0N,50,50^FDJNE 4012345678 ^FS^FO40,120^BCN,100^FD4012345678^FS^XZ"


def _order(**label: object) -> dict[str, object]:
    return order("SO-LBL", lines=[{"sku": "MUG-1", "quantity": 1}], tracking_number="4012345678",
                 carrier_label=label)


def test_carrier_label_is_imported_and_printed_unchanged(
    session_factory: sessionmaker[Session]
) -> None:
    data = base64.b64encode(CARRIER_ZPL).decode()
    report = import_payload(session_factory, {
        "products": products(), "orders": [_order(format="zpl", data_base64=data)]}, now=NOW)
    assert report.exit_code == 0, format_report(report)
    again = import_payload(session_factory, {"orders": [_order(format="zpl",
                                                               data_base64=data)]}, now=NOW)
    assert again.exit_code == 0 and again.unchanged == 1, format_report(again)
    with session_factory.begin() as s:
        stored = s.scalar(select(Order).where(Order.number == "SO-LBL"))
        assert stored is not None and stored.carrier_label == CARRIER_ZPL
        add_operator(s, "op1", "Siti", Role.OPERATOR)
    service = PackService(session_factory, Settings(station="ST-L", slip_format="none",
                                                    label_printer="file:///x/"))
    service.sign_in("op1")
    service.handle_scan(ScanInput(text="SO-LBL", source="test"))
    done = service.handle_scan(ScanInput(text=MUG_EAN, source="test"))
    assert done.print_jobs
    with session_factory() as s:
        job = s.get(PrintJob, done.print_jobs[0])
        assert job is not None and job.data == CARRIER_ZPL and job.format == "zpl"


def test_a_bad_carrier_label_rejects_the_order_with_the_field_named(
    session_factory: sessionmaker[Session]
) -> None:
    import_payload(session_factory, {"products": products()}, now=NOW)
    cases = [
        ({"format": "zpl", "data_base64": "%%%not base64"}, "is not valid base64"),
        ({"format": "epl", "data_base64": "XkFYXlha"}, "must be zpl or pdf"),
        ({"format": "pdf", "data_base64": base64.b64encode(CARRIER_ZPL).decode()},
         "is not a PDF"),
        ({"format": "zpl"}, "is missing"),
    ]
    for label, words in cases:
        report = import_payload(session_factory, {"orders": [_order(**label)]}, now=NOW)
        text = format_report(report)
        assert report.exit_code == 2 and words in text, text
        assert "orders[1].carrier_label" in text
