"""Order and product intake: ``workstation import FILE...`` and the demo data go through here.

A run reads every file, validates every product and order (fields first, then against the
database: unknown SKUs, barcodes of other products), and writes what is valid:

- by default each valid order or product is imported and each invalid one is rejected as a
  whole, with all its errors listed;
- with ``all_or_nothing`` nothing is written if anything is wrong, and everything is written in
  one transaction.

Products are written first, in one transaction; orders follow in chunks of ``LOOKUP_CHUNK``,
one transaction each, so a large import never holds SQLite's write lock for long while stations
are scanning. The formats are documented in docs/import-format.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from workstation.services.audit import audit
from workstation.services.import_csv import parse_csv
from workstation.services.import_json import load_json, parse_payload
from workstation.services.import_records import (
    DEFAULT_MAX_LINE_QUANTITY,
    OrderIn,
    ProductIn,
    RawOrder,
    validate_order,
    validate_product,
)
from workstation.services.import_report import ImportIssue, ImportReport, format_report
from workstation.services.import_source import (
    ImportFileError,
    ParsedFile,
    is_json,
    read_file,
)
from workstation.services.import_store import (
    LOOKUP_CHUNK,
    Catalogue,
    chunks,
    write_orders,
    write_products,
)

log = logging.getLogger(__name__)

KINDS = ("orders", "products")
Progress = Callable[[int, int], None]  # (orders written, orders to write)

__all__ = [
    "KINDS",
    "ImportIssue",
    "ImportReport",
    "format_report",
    "import_files",
    "import_payload",
]


@dataclass
class _Valid:
    """What passed validation, in the order it will be written."""

    products: list[ProductIn] = field(default_factory=list)
    orders: list[tuple[str, OrderIn]] = field(default_factory=list)  # (file, order)


def import_files(
    session_factory: sessionmaker[Session],
    paths: Sequence[Path],
    *,
    all_or_nothing: bool = False,
    kind: str | None = None,
    now: datetime | None = None,
    max_line_quantity: int = DEFAULT_MAX_LINE_QUANTITY,
    progress: Progress | None = None,
) -> ImportReport:
    """Import CSV and JSON files; ``kind`` ("orders" or "products") overrides CSV detection."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    report = ImportReport()
    parsed: list[ParsedFile] = []
    for path in paths:
        try:
            text = read_file(Path(path))
            if is_json(Path(path), text):
                parsed.append(parse_payload(load_json(text, str(path)), str(path)))
            else:
                parsed.append(parse_csv(text, str(path), kind))
        except ImportFileError as exc:
            report.errors.append(exc.issue)
            report.files_failed += 1
    return _run(session_factory, parsed, report, [str(p) for p in paths],
                all_or_nothing=all_or_nothing, now=now, max_line_quantity=max_line_quantity,
                progress=progress)


def import_payload(
    session_factory: sessionmaker[Session],
    payload: dict[str, Any],
    *,
    source: str = "payload",
    all_or_nothing: bool = False,
    now: datetime | None = None,
    max_line_quantity: int = DEFAULT_MAX_LINE_QUANTITY,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a JSON-shaped dict (as ``json.load`` of an import file would give)."""
    report = ImportReport()
    parsed: list[ParsedFile] = []
    try:
        parsed.append(parse_payload(payload, source))
    except ImportFileError as exc:
        report.errors.append(exc.issue)
        report.files_failed += 1
    return _run(session_factory, parsed, report, [source], all_or_nothing=all_or_nothing,
                now=now, max_line_quantity=max_line_quantity, progress=progress)


def _run(
    session_factory: sessionmaker[Session], parsed: list[ParsedFile], report: ImportReport,
    sources: list[str], *, all_or_nothing: bool, now: datetime | None,
    max_line_quantity: int, progress: Progress | None,
) -> ImportReport:
    now = now or datetime.now(UTC)
    # Products files first, so orders may use products from any file of the same run.
    parsed.sort(key=lambda p: {"products": 0, "json": 1, "orders": 2}[p.kind])
    for file in parsed:
        report.warnings.extend(file.warnings)
    with session_factory() as session:
        catalogue = Catalogue.load(session)
    valid = _validate(parsed, catalogue, report, max_line_quantity)
    if all_or_nothing and report.errors:
        report.rejected += len(valid.products) + len(valid.orders)
        report.errors.append(ImportIssue(
            ", ".join(sources), None, None,
            "nothing was imported (--all-or-nothing): fix the errors above and import again"))
    elif all_or_nothing:
        with session_factory.begin() as session:
            _write(session, valid, catalogue, now, report, progress)
    else:
        _write_in_chunks(session_factory, valid, catalogue, now, report, progress)
    with session_factory.begin() as session:
        audit(session, "import", at=now, details=_audit_details(report, sources,
                                                                 all_or_nothing))
    log.info("import of %s: %s created, %s updated, %s unchanged, %s skipped, %s errors",
             ", ".join(sources), report.created, report.updated, report.unchanged,
             len(report.skipped), len(report.errors))
    return report


def _write(session: Session, valid: _Valid, catalogue: Catalogue, now: datetime,
           report: ImportReport, progress: Progress | None) -> None:
    write_products(session, valid.products, catalogue, now, report)
    done = 0
    for file, part in _order_chunks(valid.orders):
        write_orders(session, part, catalogue, now, file, report)
        done += len(part)
        if progress:
            progress(done, len(valid.orders))


def _write_in_chunks(session_factory: sessionmaker[Session], valid: _Valid,
                     catalogue: Catalogue, now: datetime, report: ImportReport,
                     progress: Progress | None) -> None:
    if valid.products:
        with session_factory.begin() as session:
            write_products(session, valid.products, catalogue, now, report)
    done = 0
    for file, part in _order_chunks(valid.orders):
        with session_factory.begin() as session:
            write_orders(session, part, catalogue, now, file, report)
        done += len(part)
        if progress:
            progress(done, len(valid.orders))


def _order_chunks(orders: list[tuple[str, OrderIn]]) -> list[tuple[str, Sequence[OrderIn]]]:
    """Chunks of at most LOOKUP_CHUNK orders, each from one file."""
    by_file: dict[str, list[OrderIn]] = {}
    for file, order in orders:
        by_file.setdefault(file, []).append(order)
    return [(file, part) for file, items in by_file.items()
            for part in chunks(items, LOOKUP_CHUNK)]


def _audit_details(report: ImportReport, sources: list[str], all_or_nothing: bool
                   ) -> dict[str, Any]:
    return {
        "files": sources, "all_or_nothing": all_or_nothing,
        "orders_created": report.orders_created, "orders_updated": report.orders_updated,
        "orders_unchanged": report.orders_unchanged, "lines": report.lines,
        "products_created": report.products_created,
        "products_updated": report.products_updated,
        "products_unchanged": report.products_unchanged,
        "skipped": len(report.skipped), "rejected": report.rejected,
        "errors": len(report.errors), "warnings": len(report.warnings),
        "files_failed": report.files_failed,
    }


# ---------------------------------------------------------------- validation


def _validate(parsed: list[ParsedFile], catalogue: Catalogue, report: ImportReport,
              max_line_quantity: int) -> _Valid:
    valid = _Valid()
    seen: dict[str, tuple[ProductIn, str]] = {}
    rejected_skus: set[str] = set()
    for file in parsed:
        for raw in file.products:
            item, errors, warnings = validate_product(raw, file.file)
            report.warnings.extend(warnings)
            if item is None:
                report.errors.extend(errors)
                report.rejected += 1
                sku = raw.values.get("sku")
                if isinstance(sku, str):
                    rejected_skus.add(sku.strip())
                continue
            first = seen.get(item.sku)
            if first is not None:
                where = _place(first[0].row, first[1], file.file)
                if (first[0].values, first[0].barcodes) == (item.values, item.barcodes):
                    report.warnings.append(ImportIssue(
                        file.file, item.row, "sku", f"product {item.sku} repeats {where}: "
                        "imported once"))
                else:
                    report.errors.append(ImportIssue(
                        file.file, item.row, "sku", f"product {item.sku} is already given "
                        f"{where} with different values: keep one of them"))
                    report.rejected += 1
                continue
            seen[item.sku] = (item, file.file)
            valid.products.append(item)
    _check_barcodes(valid, seen, catalogue, report, rejected_skus)
    known = set(catalogue.sku_ids) | {p.sku for p in valid.products}
    numbers: dict[str, tuple[int | None, str]] = {}
    tote_owner: dict[str, str] = {}
    for file in parsed:
        for raw_order in file.orders:
            order, errors, warnings = validate_order(raw_order, file.file, max_line_quantity)
            report.warnings.extend(warnings)
            if order is not None:
                errors = _order_conflicts(order, file.file, raw_order.names, numbers,
                                          tote_owner)
            # Unknown SKUs are listed even for an order already refused for other reasons, so
            # one round of corrections fixes the file.
            errors += _sku_errors(raw_order, file.file, known, rejected_skus)
            if order is None or errors:
                report.errors.extend(errors)
                report.rejected += 1
                continue
            numbers[order.number] = (order.row, file.file)
            for code in order.totes or []:
                tote_owner[code] = order.number
            valid.orders.append((file.file, order))
    return valid


def _place(row: int | None, file: str, current_file: str) -> str:
    where = f"on row {row}" if row is not None else "earlier"
    return where if file == current_file else f"{where} of {file}"


def _check_barcodes(valid: _Valid, seen: dict[str, tuple[ProductIn, str]],
                    catalogue: Catalogue, report: ImportReport, rejected_skus: set[str]) -> None:
    """Reject products claiming a code that another product keeps; repeat until stable."""
    while True:
        owner: dict[str, str] = {}
        for code, sku in catalogue.barcode_owner.items():
            moving = seen.get(sku)
            if moving is None or moving[0].barcodes is None:
                owner[code] = sku  # the owner is not in this run, or keeps its barcodes
            elif any(b.code == code for b in moving[0].barcodes):
                owner[code] = sku
        bad: list[ProductIn] = []
        for item in valid.products:
            for b in item.barcodes or []:
                holder = owner.setdefault(b.code, item.sku)
                if holder != item.sku:
                    report.errors.append(ImportIssue(
                        seen[item.sku][1], item.row, "barcodes",
                        f"barcode {b.code} already belongs to product {holder}: a code "
                        f"identifies one product; remove it there first or correct it here"))
                    bad.append(item)
                    break
        if not bad:
            return
        for item in bad:
            valid.products.remove(item)
            del seen[item.sku]
            rejected_skus.add(item.sku)
            report.rejected += 1


def _sku_errors(raw: RawOrder, file: str, known: set[str], rejected_skus: set[str]
                ) -> list[ImportIssue]:
    errors: list[ImportIssue] = []
    number = str(raw.values.get("order_number") or "").strip()
    for line in raw.lines:
        value = line.values.get("sku")
        sku = value.strip() if isinstance(value, str) else ""
        if not sku or sku in known:
            continue
        if sku in rejected_skus:
            message = (f"product {sku} was rejected in this import (see its errors), so "
                       f"order {number} cannot use it")
        else:
            message = (f"unknown SKU {sku}: import the product first, or include it in "
                       "the same JSON file (or its products CSV in the same import)")
        errors.append(ImportIssue(file, line.row, f"{line.field_prefix}sku", message))
    return errors


def _order_conflicts(order: OrderIn, file: str, names: dict[str, str],
                     numbers: dict[str, tuple[int | None, str]], tote_owner: dict[str, str]
                     ) -> list[ImportIssue]:
    errors: list[ImportIssue] = []
    if order.number in numbers:
        row, first_file = numbers[order.number]
        errors.append(ImportIssue(
            file, order.row, names.get("order_number", "order_number"),
            f"order {order.number} is already given {_place(row, first_file, file)}: give "
            "each order once per import (its lines together)"))
    for code in order.totes or []:
        other = tote_owner.get(code)
        if other is not None:
            errors.append(ImportIssue(
                file, order.row, names.get("totes", "totes"),
                f"tote {code} is already given to order {other} in this import: one tote "
                "holds one order"))
    return errors
