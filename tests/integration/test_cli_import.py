"""`workstation import` end to end through the command line: exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Order
from tests.helpers.import_data import ORDER_HEADER, csv_text, order_row, products, write
from workstation.cli import main


def _run(db_url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", db_url, "--station", "ST-IMP", *args])
    return result.exit_code, result.output


def test_import_products_then_orders_and_report_bad_rows(
    db_url: str, session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    catalogue = tmp_path / "products.json"
    catalogue.write_text(json.dumps({"products": products()}), encoding="utf-8")
    code, out = _run(db_url, "import", str(catalogue))
    assert code == 0, out

    good = write(tmp_path / "orders.csv", csv_text(ORDER_HEADER, [
        order_row("SO-1"), order_row("SO-1", "TEE-M", 2), order_row("SO-2", quantity=-3)]))
    code, out = _run(db_url, "import", str(good))
    # SO-2's negative quantity rejects SO-2 only, named by file, row and field.
    assert code == 1, out
    assert "orders.csv" in out and "row 4" in out and "quantity" in out
    with session_factory() as s:
        assert list(s.scalars(select(Order.number))) == ["SO-1"]

    # The same file again: SO-1 is unchanged, never duplicated.
    code, out = _run(db_url, "import", str(good))
    assert code == 1
    with session_factory() as s:
        assert list(s.scalars(select(Order.number))) == ["SO-1"]


def test_import_all_or_nothing_keeps_the_database_unchanged(
    db_url: str, session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    catalogue = tmp_path / "products.json"
    catalogue.write_text(json.dumps({"products": products()}), encoding="utf-8")
    assert _run(db_url, "import", str(catalogue))[0] == 0
    bad = write(tmp_path / "orders.csv", csv_text(ORDER_HEADER, [
        order_row("SO-1"), order_row("SO-2", sku="NO-SUCH-SKU")]))
    code, out = _run(db_url, "import", "--all-or-nothing", str(bad))
    assert code == 2, out
    assert "NO-SUCH-SKU" in out
    with session_factory() as s:
        assert list(s.scalars(select(Order.number))) == []
