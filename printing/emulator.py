"""A ZPL label printer on loopback TCP: stores every job and answers status queries.

Used by ``sim://printer``, by the tests and by the benchmark; runnable on its own::

    python -m printing.emulator --port 9100 [--state paper_out] [--save-dir DIR]

Each connection's bytes, exactly as received, are one job (a connection that only carried host
queries such as ``~HS`` is recorded as a query, not a job).  ``~HS``, ``~HQES`` and ``~HI`` are
answered from the emulated state as a Zebra printer would.  Faults the tests drive:

* conditions: paper out, head open, ribbon out, paused (reported in status replies; jobs are
  still buffered, as a real printer does);
* ``refuse``: the port is closed -> connection refused;
* ``drop_after=N``: the connection is reset after N bytes of a job;
* ``silent``: jobs are accepted but no query is ever answered;
* ``blackhole``: connections are accepted and then nothing is read or answered (a hung printer).

Threads: one acceptor plus one per connection, all stopped and joined by :meth:`stop`.
"""

from __future__ import annotations

import argparse
import logging
import re
import selectors
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from printing.status import PrinterState

T = TypeVar("T")

__all__ = ["EmulatedJob", "PrinterEmulator", "main"]

log = logging.getLogger(__name__)

_QUERY_RE = re.compile(rb"~(HQES|HS|HI)")
_POLL = 0.05  # seconds; how fast threads notice stop/behaviour changes


@dataclass(frozen=True)
class EmulatedJob:
    data: bytes
    complete: bool  # False when the emulator dropped the connection mid-job
    received_at: float


class PrinterEmulator:
    """A thread-based ZPL printer emulator.  Use as a context manager or start()/stop()."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        model: str = "ZD421-203dpi",
        firmware: str = "V84.20.18Z",
        dots_per_mm: int = 8,
        save_dir: Path | None = None,
        keep: int | None = None,
    ) -> None:
        """``keep``: how many of the latest jobs and of the latest status queries it holds
        (None: all). A printer keeps nothing it has printed; a simulator that runs a whole
        shift behind ``sim://`` (printing/transports/sim.py) must not grow with it either."""
        self.host = host
        self._port = port
        self.model = model
        self.firmware = firmware
        self.dots_per_mm = dots_per_mm
        self.save_dir = save_dir
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._jobs: deque[EmulatedJob] = deque(maxlen=keep)
        self._queries: deque[bytes] = deque(maxlen=keep)
        # Every job and status query since the start (or the last reset), kept or not.
        self.jobs_received = self.queries_received = 0
        self._conditions: set[PrinterState] = set()
        self._refuse = False
        self._drop_after: int | None = None
        self._silent = False
        self._blackhole = False
        self._stop = threading.Event()
        self._listener: socket.socket | None = None
        self._acceptor: threading.Thread | None = None
        self._handlers: list[threading.Thread] = []
        self.connections = 0

    # --- lifecycle ----------------------------------------------------------------------------

    def _listen(self) -> socket.socket:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self._port))
        sock.listen(16)
        sock.setblocking(False)
        self._port = sock.getsockname()[1]
        return sock

    def start(self) -> PrinterEmulator:
        if self._acceptor is not None:
            return self
        self._listener = self._listen()
        self._acceptor = threading.Thread(target=self._accept_loop, name="printer-emulator",
                                          daemon=True)
        self._acceptor.start()
        log.info("printer emulator listening on %s", self.url)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._acceptor is not None:
            self._acceptor.join(timeout)
        for t in list(self._handlers):
            t.join(timeout)
        with self._lock:
            if self._listener is not None:
                self._listener.close()
                self._listener = None
        self._acceptor = None

    def __enter__(self) -> PrinterEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        return f"tcp://{self.host}:{self._port}"

    # --- what the tests drive -------------------------------------------------------------------

    def set_conditions(self, *conditions: PrinterState) -> None:
        """Replace the printer's conditions (none = ready)."""
        allowed = {PrinterState.PAPER_OUT, PrinterState.HEAD_OPEN, PrinterState.PAUSED,
                   PrinterState.RIBBON_OUT}
        bad = set(conditions) - allowed
        if bad:
            raise ValueError(f"the emulator cannot simulate {sorted(s.value for s in bad)}")
        with self._lock:
            self._conditions = set(conditions)

    def set_behaviour(
        self,
        *,
        refuse: bool | None = None,
        silent: bool | None = None,
        blackhole: bool | None = None,
    ) -> None:
        """Change fault behaviour; arguments left out keep their value."""
        with self._lock:
            if refuse is not None and refuse != self._refuse and self._acceptor is not None:
                # Applied at once: closing the listening socket is what makes the kernel
                # refuse connections; re-listening on the same port takes them again.
                if refuse and self._listener is not None:
                    self._listener.close()
                    self._listener = None
                elif not refuse:
                    self._listener = self._listen()
            if refuse is not None:
                self._refuse = refuse
            if silent is not None:
                self._silent = silent
            if blackhole is not None:
                self._blackhole = blackhole

    def drop_after(self, nbytes: int | None) -> None:
        """Reset each job's connection after ``nbytes`` bytes (None: never)."""
        with self._lock:
            self._drop_after = nbytes

    def reset(self) -> None:
        """Ready, no faults, no stored jobs."""
        self.set_behaviour(refuse=False)
        with self._lock:
            self._conditions = set()
            self._silent = self._blackhole = False
            self._drop_after = None
            self._jobs.clear()
            self._queries.clear()
            self.jobs_received = self.queries_received = 0

    @property
    def jobs(self) -> list[EmulatedJob]:
        with self._lock:
            return list(self._jobs)

    @property
    def job_bytes(self) -> list[bytes]:
        """Data of the completely received jobs, in arrival order."""
        return [j.data for j in self.jobs if j.complete]

    @property
    def queries(self) -> list[bytes]:
        with self._lock:
            return list(self._queries)

    def wait_for_jobs(self, count: int, timeout: float = 5.0) -> list[EmulatedJob]:
        """Block until ``count`` jobs (complete or dropped) have come, or raise TimeoutError;
        returns those kept (with ``keep``, the latest)."""
        return self._wait_for(self._jobs, lambda: self.jobs_received, count, "jobs", timeout)

    def wait_for_queries(self, count: int, timeout: float = 5.0) -> list[bytes]:
        """Block until ``count`` status-query connections are recorded (each is recorded when
        its connection closes, which may be just after the client has its answer)."""
        return self._wait_for(self._queries, lambda: self.queries_received, count, "queries",
                              timeout)

    def _wait_for(self, items: deque[T], received: Callable[[], int], count: int, what: str,
                  timeout: float) -> list[T]:
        deadline = time.monotonic() + timeout
        with self._changed:
            while received() < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{received()} of {count} {what} after {timeout}s")
                self._changed.wait(left)
            return list(items)

    # --- replies --------------------------------------------------------------------------------

    def hs_reply(self) -> bytes:
        with self._lock:
            c = set(self._conditions)
        paper = int(PrinterState.PAPER_OUT in c)
        pause = int(PrinterState.PAUSED in c)
        head = int(PrinterState.HEAD_OPEN in c)
        ribbon = int(PrinterState.RIBBON_OUT in c)
        length = 1218 if self.dots_per_mm == 8 else 1800
        return (
            f"\x02030,{paper},{pause},{length:04d},000,0,0,0,000,0,0,0\x03\r\n"
            f"\x02001,0,{head},{ribbon},1,2,4,0,00000000,1,000\x03\r\n"
            f"\x021234,0\x03\r\n"
        ).encode("ascii")

    def hqes_reply(self) -> bytes:
        with self._lock:
            c = set(self._conditions)
        errors = 0
        errors |= 0x1 if PrinterState.PAPER_OUT in c else 0
        errors |= 0x2 if PrinterState.RIBBON_OUT in c else 0
        errors |= 0x4 if PrinterState.HEAD_OPEN in c else 0
        flag = 1 if errors else 0
        # ~HQES does not report "paused" on most firmware; ~HS does.
        return (
            "\x02\r\n\r\n PRINTER STATUS\r\n"
            f"   ERRORS:         {flag} 00000000 {errors:08X}\r\n"
            "   WARNINGS:       0 00000000 00000000\r\n\x03\r\n"
        ).encode("ascii")

    def hi_reply(self) -> bytes:
        return f"\x02{self.model},{self.firmware},{self.dots_per_mm},8176KB\x03\r\n".encode()

    # --- threads ------------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                listener = self._listener
            if listener is None:  # refusing: the port is closed
                self._stop.wait(_POLL)
                continue
            try:
                with selectors.DefaultSelector() as sel:
                    sel.register(listener, selectors.EVENT_READ)
                    if not sel.select(_POLL):
                        continue
                conn, _addr = listener.accept()
            except (BlockingIOError, OSError, ValueError):
                continue  # closed under us by set_behaviour(refuse=True)
            conn.setblocking(True)
            self.connections += 1
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True,
                                 name=f"printer-emulator-conn-{self.connections}")
            self._handlers = [h for h in self._handlers if h.is_alive()] + [t]
            t.start()

    def _answer(self, conn: socket.socket, query: bytes) -> None:
        with self._lock:
            silent = self._silent
        if silent:
            return
        reply = {b"HS": self.hs_reply, b"HQES": self.hqes_reply, b"HI": self.hi_reply}[query]()
        conn.sendall(reply)

    def _serve(self, conn: socket.socket) -> None:
        data = bytearray()
        scanned = 0
        complete = False
        try:
            conn.settimeout(_POLL)
            while not self._stop.is_set():
                with self._lock:
                    blackhole, drop_after = self._blackhole, self._drop_after
                if blackhole:
                    self._stop.wait(_POLL)
                    continue
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    continue
                if not chunk:
                    complete = True
                    break
                data += chunk
                if drop_after is not None and len(data) >= drop_after:
                    del data[drop_after:]
                    # SO_LINGER 0: close with a reset, like a printer losing power mid-job.
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    break
                # Search a little before the new bytes: a query may straddle two reads.
                for m in _QUERY_RE.finditer(bytes(data), max(0, scanned - 4)):
                    if m.end() > scanned:
                        self._answer(conn, m.group(1))
                scanned = len(data)
        except OSError as exc:
            log.debug("emulator connection error: %s", exc)
        finally:
            conn.close()
            self._record(bytes(data), complete)

    def _record(self, data: bytes, complete: bool) -> None:
        if not data:
            return
        without_queries = _QUERY_RE.sub(b"", data).strip()
        with self._changed:
            if not without_queries:
                self._queries.append(data)
                self.queries_received += 1
            else:
                self._jobs.append(EmulatedJob(data, complete, time.time()))
                self.jobs_received += 1
                if self.save_dir is not None:
                    name = f"job-{self.jobs_received:05d}{'' if complete else '-partial'}.prn"
                    (self.save_dir / name).write_bytes(data)
            self._changed.notify_all()


def _parse_states(names: Iterable[str]) -> list[PrinterState]:
    return [PrinterState(n) for n in names]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m printing.emulator",
                                     description="Loopback ZPL printer emulator")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--state", action="append", default=[],
                        choices=["paper_out", "head_open", "paused", "ribbon_out"])
    parser.add_argument("--dpi", type=int, choices=[203, 300], default=203)
    parser.add_argument("--save-dir", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.save_dir:
        args.save_dir.mkdir(parents=True, exist_ok=True)
    emu = PrinterEmulator(args.host, args.port, dots_per_mm=8 if args.dpi == 203 else 12,
                          save_dir=args.save_dir)
    emu.set_conditions(*_parse_states(args.state))
    emu.start()
    print(f"emulating a ZPL printer on {emu.url} (Ctrl-C to stop)", flush=True)
    seen = 0

    def report_new_jobs() -> None:
        nonlocal seen
        for job in emu.jobs[seen:]:
            print(f"job {seen + 1}: {len(job.data)} bytes"
                  f"{'' if job.complete else ' (dropped)'}", flush=True)
            seen += 1

    try:
        while True:
            time.sleep(0.2)
            report_new_jobs()
    except KeyboardInterrupt:
        pass
    finally:
        emu.stop()
        report_new_jobs()  # jobs that arrived since the last look
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
