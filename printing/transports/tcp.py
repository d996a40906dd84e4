"""``tcp://host:9100`` -- raw socket printing (Zebra/most label printers' port 9100)."""

from __future__ import annotations

import logging
import socket
import time
import urllib.parse

from printing.status import (
    PrinterIdentity,
    PrinterState,
    PrinterStatus,
    combine,
    parse_hi,
    parse_hqes,
    parse_hs,
)
from printing.transports.base import (
    PrinterOffline,
    PrinterRefused,
    SendResult,
    Transport,
    query_params,
)

__all__ = ["TcpTransport"]

log = logging.getLogger(__name__)


class TcpTransport(Transport):
    """Options: ``?timeout=`` (connect/send seconds, default 5), ``?confirm_timeout=``
    (seconds to wait for the printer to close after our last byte, default 10)."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        parts = urllib.parse.urlsplit(url)
        if not parts.hostname:
            raise ValueError(f"{url!r}: a tcp:// printer URL needs a host, e.g. tcp://10.0.0.5:9100")
        self.host = parts.hostname
        self.port = parts.port or 9100
        params = query_params(parts)
        self.timeout = float(params.get("timeout", 5.0))
        self.confirm_timeout = float(params.get("confirm_timeout", 10.0))
        self.query_timeout = float(params.get("query_timeout", 1.5))

    def _connect(self) -> socket.socket:
        try:
            return socket.create_connection((self.host, self.port), timeout=self.timeout)
        except ConnectionRefusedError:
            raise PrinterRefused(
                self.url, f"connection refused on port {self.port}",
                "Check that the printer is switched on and that raw printing is enabled on "
                "that port (usually 9100).") from None
        except OSError as exc:
            raise PrinterOffline(
                self.url, f"cannot connect ({exc.strerror or exc})",
                "Check that the printer is on, its network cable is in and the address in "
                "the settings is right.") from None

    def send(self, data: bytes, job_id: str) -> SendResult:
        sock = self._connect()
        sent = 0
        try:
            with sock:
                try:
                    view = memoryview(data)
                    while sent < len(data):
                        sent += sock.send(view[sent: sent + 65536])
                    # Our FIN, then wait for the printer's: it closes only after reading
                    # everything, which is the confirmation raw port 9100 can give.
                    sock.shutdown(socket.SHUT_WR)
                    sock.settimeout(self.confirm_timeout)
                    deadline = time.monotonic() + self.confirm_timeout
                    while sock.recv(4096):
                        if time.monotonic() > deadline:
                            raise TimeoutError
                except TimeoutError:
                    raise PrinterOffline(
                        self.url, f"no confirmation after {sent} of {len(data)} bytes",
                        "The printer stopped answering; check it, then confirm on screen "
                        "whether the label printed before reprinting.",
                        outcome_unknown=sent > 0) from None
                except OSError as exc:
                    raise PrinterOffline(
                        self.url, f"connection lost after {sent} of {len(data)} bytes "
                        f"({exc.strerror or exc})",
                        "Check the printer; if part of the label printed, reprint it.",
                        outcome_unknown=True) from None
        finally:
            log.debug("tcp job %s: %d/%d bytes to %s", job_id, sent, len(data), self.url)
        return SendResult(self.url, job_id, sent, True)

    def _query(self, sock: socket.socket, command: bytes, frames: int) -> bytes:
        """Send a host query and read until ``frames`` ETX bytes arrived or the timeout."""
        sock.sendall(command)
        reply = b""
        deadline = time.monotonic() + self.query_timeout
        while reply.count(b"\x03") < frames:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            sock.settimeout(left)
            try:
                chunk = sock.recv(4096)
            except TimeoutError:
                break
            if not chunk:
                break
            reply += chunk
        return reply

    def status(self) -> PrinterStatus:
        """``~HQES`` then ``~HS`` on one connection; no reply at all is UNKNOWN, never READY."""
        try:
            sock = self._connect()
        except (PrinterOffline, PrinterRefused) as exc:
            return PrinterStatus(PrinterState.OFFLINE, frozenset({PrinterState.OFFLINE}),
                                 detail=exc.problem)
        try:
            with sock:
                hqes_raw = self._query(sock, b"~HQES", 1)
                hs_raw = self._query(sock, b"~HS", 3)
        except OSError as exc:
            return PrinterStatus(PrinterState.OFFLINE, frozenset({PrinterState.OFFLINE}),
                                 detail=f"connection lost while asking for status: {exc}")
        hqes, hs = parse_hqes(hqes_raw), parse_hs(hs_raw)
        if hs.state is PrinterState.UNKNOWN and hqes.state is PrinterState.UNKNOWN:
            return PrinterStatus.unknown(
                "the printer accepted the connection but answered neither ~HQES nor ~HS",
                raw=hqes_raw + hs_raw)
        if hs.state is PrinterState.UNKNOWN:
            merged = combine(hqes)
            return PrinterStatus.of(set(merged.conditions),
                                    warnings=(*merged.warnings, "no ~HS reply: pause unknown"),
                                    raw=hqes_raw)
        return combine(hqes, hs)

    def identify(self) -> PrinterIdentity | None:
        try:
            sock = self._connect()
        except (PrinterOffline, PrinterRefused):
            return None
        try:
            with sock:
                return parse_hi(self._query(sock, b"~HI", 1))
        except OSError:
            return None
