"""`workstation demo` and `workstation demo-data`: sample data, and a sample order packed
through the same service path the station window uses, printing each outcome."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from sqlalchemy import func, select

from db.models import Barcode, Order, OrderLine, Parcel, Product
from devices.scan import ScanInput
from workstation.app import App
from workstation.cli import Context, handles_errors, pass_ctx
from workstation.cli.scan_cmd import print_jobs
from workstation.domain.outcomes import Outcome
from workstation.services import demo_data
from workstation.services.pack import ScanResult
from workstation.services.spooler import Spooler

DEMO_OPERATOR = "op1"


def ensure_demo_data(app: App) -> None:
    if app.is_empty():
        click.echo(f"Empty database: writing demo data ({app.settings.demo_orders} orders)...")
        demo_data.load_demo(app.sessions, orders=app.settings.demo_orders)


def _printed(code: str) -> str:
    # A stored GTIN-14 with a leading zero scans as the GTIN-13 printed on the item.
    return code[1:] if len(code) == 14 and code.startswith("0") else code


def _pick_order(app: App) -> tuple[str, list[str], str] | None:
    """A new order with several lines of plain (not serial/lot-tracked) products, and the
    codes that pack it."""
    with app.sessions() as session:
        tracked = (
            select(OrderLine.order_id)
            .join(Product, Product.id == OrderLine.product_id)
            .where(Product.serial_tracked | Product.lot_tracked)
        )
        number = session.scalar(
            select(Order.number)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .where(Order.status == "new", Order.id.not_in(tracked))
            .group_by(Order.id, Order.number)
            .having(func.count(OrderLine.id) >= 2)
            .order_by(Order.number)
            .limit(1)
        )
        if number is None:
            return None
        codes: list[str] = []
        rows = session.execute(
            select(OrderLine.quantity, Product.id)
            .join(Order, Order.id == OrderLine.order_id)
            .join(Product, Product.id == OrderLine.product_id)
            .where(Order.number == number)
            .order_by(OrderLine.line_no)
        ).all()
        for quantity, product_id in rows:
            code = session.scalar(
                select(Barcode.code).where(Barcode.product_id == product_id,
                                           Barcode.pack_quantity == 1).order_by(Barcode.id)
            )
            if code is None:
                return None
            codes.extend([_printed(code)] * quantity)
        other = session.scalar(
            select(Barcode.code)
            .where(Barcode.pack_quantity == 1,
                   Barcode.product_id.not_in([product_id for _, product_id in rows]))
            .order_by(Barcode.id).limit(1)
        )
        if other is None:
            return None
        return number, codes, _printed(other)


def run_demo(app: App) -> int:
    ensure_demo_data(app)
    picked = _pick_order(app)
    if picked is None:
        click.echo("No new multi-line order left to demonstrate: run `workstation demo-data`.")
        return 1
    number, codes, not_in_order = picked
    service = app.pack_service()
    service.sign_in(app.settings.operator or DEMO_OPERATOR)
    who = service.operator.name if service.operator else "?"
    click.echo(f"Station {service.station_name}, operator {who}: packing order {number}")
    # The order, one good item, a code nobody knows, an item of another order (red: it must
    # be scanned back out), then the rest until the order is complete.
    script = [number, codes[0], "NOT-IN-CATALOGUE-42", not_in_order, not_in_order, *codes[1:]]
    complete = False
    jobs: tuple[int, ...] = ()
    for code in script:
        result = service.handle_scan(ScanInput(text=code, source="demo"))
        _say(code, result)
        complete = result.outcome is Outcome.ORDER_COMPLETE
        jobs = result.print_jobs or jobs
    if not complete:
        return 1
    # The labels print on the station's printers (sim:// by default); then the operator scans
    # the shipping label stuck on the parcel, which confirms it went on the right one.
    spooler = Spooler(app.sessions, app.settings)
    try:
        failed = print_jobs(spooler, jobs, 30.0, False)
    finally:
        spooler.stop()
    with app.sessions() as session:
        tracking = session.scalars(
            select(Parcel.tracking_number).join(Order, Order.id == Parcel.order_id)
            .where(Order.number == number).order_by(Parcel.seq)
        ).all()
    for label in tracking:
        if label:
            _say(label, service.handle_scan(ScanInput(text=label, source="demo")))
    click.echo(f"Done. See it all with: workstation order show {number}")
    return 1 if failed else 0


def _say(code: str, result: ScanResult) -> None:
    click.echo(f"  scan {code:<22} -> {result.severity.value.upper():<9} {result.message}")


@click.command("demo")
@pass_ctx
@handles_errors
def demo(obj: Context) -> None:
    """Pack a sample order through the command-line path and print each outcome."""
    sys.exit(run_demo(obj.app()))


@click.command("demo-data")
@click.option("--orders", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--json", "json_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the generated data as an import file instead of loading it.")
@pass_ctx
@handles_errors
def demo_data_cmd(obj: Context, orders: int, seed: int, json_file: Path | None) -> None:
    """Write a realistic catalogue, operators and N orders (Indonesian, Chinese, Latin)."""
    if json_file is not None:
        payload = demo_data.generate(orders, seed=seed)
        json_file.write_text(json.dumps(payload, ensure_ascii=False, indent=1),
                             encoding="utf-8")
        click.echo(f"wrote {json_file}")
        return
    report = demo_data.load_demo(obj.app().sessions, orders=orders, seed=seed)
    click.echo(f"demo data: {report.orders_created} orders and {report.products_created} "
               f"products created, {report.orders_updated} orders updated")


COMMANDS = [demo, demo_data_cmd]
