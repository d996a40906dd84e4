"""Close-to-printed: from the scan that completes an order (which closes its parcel, numbers
it and writes its label job with the rendered bytes, in the same transaction) to the last
byte confirmed by the loopback printer.

The path measured is the station's own: ``PackService.handle_scan`` (number the parcel, render
and write the job, commit) then ``Spooler.run_once`` (claim the job, send its stored bytes,
confirm, mark done). The floor, in the same run: the same label bytes sent to the same
emulator with a bare socket.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench._common import fresh_sqlite
from bench.scan import build
from db.engine import make_engine, make_sessionmaker
from devices.scan import ScanInput
from printing.emulator import PrinterEmulator
from workstation.domain.outcomes import Outcome
from workstation.services.pack import PackService
from workstation.services.spooler import JobEvent, Spooler
from workstation.settings import Settings


def measure(parcels: int, emu: PrinterEmulator,
            slip_format: str = "none") -> tuple[list[float], list[bytes]]:
    """Seconds from the completing scan to the printer's confirmation of the label, one per
    parcel (taken when the spooler reports the label's job done, so what the spooler does
    after it in the same round, such as rendering the slip ahead, is not counted)."""
    with tempfile.TemporaryDirectory() as tmp:
        url = fresh_sqlite(Path(tmp))
        scripts = build(url, parcels * 50)  # orders of 50 units: one parcel each
        engine = make_engine(url)
        sessions = make_sessionmaker(engine)
        settings = Settings(station="BENCH", label_printer=emu.url, slip_printer=emu.url,
                            slip_format=slip_format)
        service = PackService(sessions, settings)
        service.sign_in("bench")
        spooler = Spooler(sessions, settings)
        printed: dict[int, float] = {}

        def done(event: JobEvent) -> None:
            if event.state == "done":
                printed.setdefault(event.job_id, time.perf_counter())

        spooler.subscribe(done)
        samples: list[float] = []
        for number, codes in scripts[:parcels]:
            service.handle_scan(ScanInput(text=number, source="bench"))
            for code in codes[:-1]:
                service.handle_scan(ScanInput(text=code, source="bench"))
            start = time.perf_counter()
            result = service.handle_scan(ScanInput(text=codes[-1], source="bench"))
            spooler.run_once()
            assert result.outcome is Outcome.ORDER_COMPLETE, result.message
            label = result.print_jobs[0]
            job = spooler.job(label)
            assert job.state == "done", job.last_error
            samples.append(printed[label] - start)
            spooler.run_until_idle()  # the slip, if any, before the next order
        spooler.stop()
        engine.dispose()
        sent = emu.job_bytes
    return samples, sent
