"""``cups://QUEUE[?server=host:port]`` -- submit raw jobs to a CUPS queue with ``lp``.

The zebra package runs ``lpr`` and ignores its exit status; here the exit status and stderr of
the client are checked, and the CUPS request id is returned as ``job_ref``.  The server comes
from ``?server=`` or else the ``CUPS_SERVER`` environment variable (honoured by the CUPS
clients themselves).  Confirmation means the queue accepted the job, not that it printed:
CUPS owns the job from there (``lpstat`` shows its state).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import urllib.parse

from printing.status import PrinterState, PrinterStatus
from printing.transports.base import (
    PrinterOffline,
    PrinterRefused,
    SendResult,
    Transport,
    query_params,
)

__all__ = ["CupsTransport"]

log = logging.getLogger(__name__)
_REQUEST_RE = re.compile(r"request id is (\S+)")


class CupsTransport(Transport):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        parts = urllib.parse.urlsplit(url)
        self.queue = urllib.parse.unquote(parts.netloc or parts.path.lstrip("/"))
        if not re.fullmatch(r"[^\s/#@]+", self.queue or ""):
            raise ValueError(f"{url!r}: expected cups://QUEUE_NAME")
        self.server = query_params(parts).get("server", "")
        self.timeout = float(query_params(parts).get("timeout", 30))

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        if self.server:
            env["CUPS_SERVER"] = self.server
        return env

    def _run(
        self, argv: list[str], data: bytes | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        exe = shutil.which(argv[0])
        if exe is None:
            raise PrinterOffline(self.url, f"the CUPS client '{argv[0]}' is not installed",
                                 "Install the CUPS client tools: apt install cups-client cups-bsd")
        try:
            return subprocess.run([exe, *argv[1:]], input=data, capture_output=True,
                                  env=self._env(), timeout=self.timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PrinterOffline(self.url, f"'{argv[0]}' did not finish in {self.timeout}s",
                                 "Check that the CUPS server is running (systemctl status "
                                 "cups) and reachable.", outcome_unknown=data is not None
                                 ) from None

    def send(self, data: bytes, job_id: str) -> SendResult:
        # -o raw: CUPS passes the bytes through untouched (no filters on ZPL/ESC/POS).
        proc = self._run(["lp", "-d", self.queue, "-o", "raw", "-t", job_id, "-"], data)
        stderr = proc.stderr.decode("utf-8", "replace").strip()
        if proc.returncode != 0:
            lowered = stderr.lower()
            # lp says "printer or class does not exist" also when it cannot reach the server;
            # ask the scheduler directly before blaming the queue.
            if not self._scheduler_running():
                server = self.server or os.environ.get("CUPS_SERVER", "localhost")
                raise PrinterOffline(
                    self.url, f"the CUPS server {server} is not reachable",
                    "Start CUPS (systemctl start cups) or fix the server in the printer URL.")
            if "not accepting" in lowered or "does not exist" in lowered or "unknown" in lowered:
                raise PrinterRefused(
                    self.url, f"CUPS refused the job: {stderr}",
                    f"Check the queue with 'lpstat -p {self.queue}'; enable it with "
                    f"'cupsenable {self.queue}' and 'cupsaccept {self.queue}'.")
            raise PrinterOffline(
                self.url, f"lp failed (exit {proc.returncode}): {stderr or 'no message'}",
                "Check that the CUPS server is running and the queue exists (lpstat -v).")
        stdout = proc.stdout.decode("utf-8", "replace")
        match = _REQUEST_RE.search(stdout)
        log.debug("cups job %s -> %s", job_id, match.group(1) if match else stdout.strip())
        return SendResult(self.url, job_id, len(data), True,
                          job_ref=match.group(1) if match else "", detail=stderr)

    def _scheduler_running(self) -> bool:
        try:
            proc = self._run(["lpstat", "-r"])
        except PrinterOffline:
            return False
        return b"scheduler is running" in proc.stdout

    def status(self) -> PrinterStatus:
        """From ``lpstat -p QUEUE``: CUPS's view of the queue (it cannot see paper or lid on a
        raw queue; ask the printer itself over tcp:// for that)."""
        try:
            proc = self._run(["lpstat", "-p", self.queue])
        except PrinterOffline as exc:
            return PrinterStatus(PrinterState.OFFLINE, frozenset({PrinterState.OFFLINE}),
                                 detail=exc.problem)
        text = (proc.stdout + proc.stderr).decode("utf-8", "replace").strip()
        if proc.returncode != 0 and not self._scheduler_running():
            return PrinterStatus(PrinterState.OFFLINE, frozenset({PrinterState.OFFLINE}),
                                 detail="the CUPS server is not reachable")
        if proc.returncode != 0:
            return PrinterStatus(PrinterState.OFFLINE, frozenset({PrinterState.OFFLINE}),
                                 detail=text or "lpstat failed")
        if " disabled" in text:
            return PrinterStatus(PrinterState.PAUSED, frozenset({PrinterState.PAUSED}),
                                 detail=text)
        if " is idle" in text or " now printing" in text:
            return PrinterStatus(PrinterState.READY, frozenset({PrinterState.READY}),
                                 detail=text)
        return PrinterStatus.unknown(text)
