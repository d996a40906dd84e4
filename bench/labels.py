"""`python -m bench labels [--count N] [--sends N]`: label rendering and send-to-printer times.

Figures (all measured in the same run):
* ZPL: ms per shipping label through layout + resolve + ZPL, and the floor: one bare f-string
  ZPL with the same fields (what no layout engine can beat); their ratio.
* PDF: ms per label through the same layout to reportlab, and the floor: a bare reportlab canvas
  with one string; their ratio.
* send: bytes handed to the loopback TCP emulator until the printer confirmed the last byte
  (our FIN answered), p50/p99 over N labels, and the floor: a bare socket sendall + close to the
  same emulator.  :func:`measure_send` is the piece the spooler's close-to-printed benchmark
  extends (the packing transaction with its render, then the spooler's pickup).
* close-to-printed: the completing scan of an order (parcel closed and numbered, its job
  written with the rendered label in one transaction; the spooler sends those bytes) until
  the loopback printer confirmed the label's last byte, p50/p99 over --parcels orders (see
  bench/_close_to_print.py); floor: a bare socket send of the same bytes.
Targets (issue 3): ZPL < 2 ms, PDF < 30 ms per label, close-to-printed p99 < 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import socket
import statistics
import time
from collections.abc import Callable, Sequence

from reportlab.pdfgen.canvas import Canvas

from bench._close_to_print import measure as measure_close_to_print
from printing.documents import tracking_url
from printing.emulator import PrinterEmulator
from printing.identifiers import s10, sscc
from printing.model import Address, ShippingLabelData
from printing.render import render
from printing.transports.tcp import TcpTransport


def percentile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def sample_label(i: int) -> ShippingLabelData:
    tracking = s10("RR", 10_000_000 + i, "DE")
    return ShippingLabelData(
        sender=Address("Acme Warehouse", ("Industriestr. 5",), "Hamburg", "20095", "DE"),
        recipient=Address(f"Customer {i}", ("Hauptstraße 12",), "Berlin", "10115", "DE"),
        carrier="OwnFleet", service="Express", tracking_number=tracking,
        sscc=sscc(0, "4012345", i), tracking_url=tracking_url(tracking),
        order_number=f"SO-{i}", parcel_index=1, parcel_count=1, weight_grams=1200 + i,
        ship_date=dt.date(2024, 5, 1), routing_code="N12", handling=frozenset({"fragile"}),
    )


def bare_zpl(d: ShippingLabelData) -> bytes:
    """The floor: the same fields in one f-string, no layout, no escaping, no bitmaps."""
    return (
        f"^XA^CI28^FO20,20^A0N,30,30^FD{d.sender.name}^FS^FO20,200^A0N,40,40^FD"
        f"{d.recipient.name}^FS^FO20,250^FD{d.recipient.lines[0]}^FS^FO20,300^FD"
        f"{d.recipient.postcode} {d.recipient.city}^FS^FO20,450^FD{d.order_number}^FS"
        f"^FO50,700^BY3^BCN,150,N^FD{d.tracking_number}^FS^FO50,950^BY4^BCN,160,N"
        f"^FD>;>800{d.sscc}^FS^FO600,450^BQN,2,6^FDMA,{d.tracking_url}^FS^XZ"
    ).encode()


def bare_pdf(d: ShippingLabelData) -> bytes:
    out = io.BytesIO()
    c = Canvas(out, pagesize=(288, 432))
    c.drawString(20, 400, d.recipient.name)
    c.showPage()
    c.save()
    return out.getvalue()


def per_call_ms(fn: Callable[[int], object], count: int) -> float:
    fn(0)  # warm caches (fonts, barcode tables) out of the timing
    start = time.perf_counter()
    for i in range(count):
        fn(i)
    return (time.perf_counter() - start) * 1000 / count


def measure_send(transport: TcpTransport, jobs: Sequence[bytes]) -> list[float]:
    """Seconds from handing each job to the transport until the printer confirmed it."""
    times = []
    for n, data in enumerate(jobs):
        t0 = time.perf_counter()
        transport.send(data, f"bench-{n}")
        times.append(time.perf_counter() - t0)
    return times


def bare_send(port: int, jobs: Sequence[bytes]) -> list[float]:
    times = []
    for data in jobs:
        t0 = time.perf_counter()
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
            while s.recv(4096):
                pass
        times.append(time.perf_counter() - t0)
    return times


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench labels")
    parser.add_argument("--count", type=int, default=300, help="labels per rendering figure")
    parser.add_argument("--sends", type=int, default=1000, help="labels sent to the emulator")
    parser.add_argument("--parcels", type=int, default=1000,
                        help="orders packed for the close-to-printed figure")
    parser.add_argument("--slip-format", default="none",
                        choices=["none", "pdf", "escpos", "escpos58"],
                        help="the packing slip each packed order also prints, on the same "
                             "printer, behind its label (close-to-printed)")
    args = parser.parse_args(argv)
    labels = [sample_label(i) for i in range(max(args.count, 1) + 1)]

    zpl_ms = per_call_ms(lambda i: render(labels[i], "zpl"), args.count)
    zpl_floor = per_call_ms(lambda i: bare_zpl(labels[i]), args.count)
    pdf_count = max(1, args.count // 3)
    pdf_ms = per_call_ms(lambda i: render(labels[i], "pdf"), pdf_count)
    pdf_floor = per_call_ms(lambda i: bare_pdf(labels[i]), pdf_count)

    jobs = [render(labels[i % len(labels)], "zpl") for i in range(args.sends)]
    with PrinterEmulator() as emu:
        transport = TcpTransport(f"{emu.url}?timeout=5&confirm_timeout=5")
        send = measure_send(transport, jobs)
        floor = bare_send(emu.port, jobs)
        received = len(emu.wait_for_jobs(2 * len(jobs), timeout=30))
    with PrinterEmulator() as emu:
        close, printed = measure_close_to_print(args.parcels, emu, args.slip_format)
        close_floor = bare_send(emu.port, printed)

    figures = {
        "zpl_ms_per_label": round(zpl_ms, 3),
        "zpl_floor_ms": round(zpl_floor, 4),
        "zpl_ratio": round(zpl_ms / zpl_floor, 1),
        "zpl_labels_per_s": round(1000 / zpl_ms),
        "zpl_target_ms": 2.0,
        "pdf_ms_per_label": round(pdf_ms, 3),
        "pdf_floor_ms": round(pdf_floor, 3),
        "pdf_ratio": round(pdf_ms / pdf_floor, 1),
        "pdf_labels_per_s": round(1000 / pdf_ms),
        "pdf_target_ms": 30.0,
        "send_n": len(send),
        "send_p50_ms": round(percentile(send, 50) * 1000, 3),
        "send_p99_ms": round(percentile(send, 99) * 1000, 3),
        "send_mean_ms": round(statistics.fmean(send) * 1000, 3),
        "send_floor_p50_ms": round(percentile(floor, 50) * 1000, 3),
        "send_floor_p99_ms": round(percentile(floor, 99) * 1000, 3),
        "send_ratio_p99": round(percentile(send, 99) / percentile(floor, 99), 2),
        "jobs_received": received,
        "label_bytes": len(jobs[0]),
        "close_to_printed_n": len(close),
        "close_slip_format": args.slip_format,
        "close_to_printed_p50_ms": round(percentile(close, 50) * 1000, 2),
        "close_to_printed_p99_ms": round(percentile(close, 99) * 1000, 2),
        "close_to_printed_target_p99_ms": 100.0,
        "close_floor_p99_ms": round(percentile(close_floor, 99) * 1000, 3),
        "close_ratio_p99": round(percentile(close, 99) / percentile(close_floor, 99), 1),
    }
    for key, value in figures.items():
        print(f"{key:>22}: {value}")
    print(json.dumps(figures, sort_keys=True))
    return 0
