"""Scan framing: a scanner's byte stream, cut into complete scans.

Pure and incremental: ``feed()`` takes whatever one read returned (part of a scan, several
scans, noise) and returns the scans it completed, in order. A scan ends with the scanner's
suffix: CR, LF, CR LF, TAB, ETX or any byte string it is programmed to send, or, by default,
any of CR / LF / CR LF. Bytes left without their suffix while the line stays quiet for ``gap``
seconds are stale (noise, or a scan cut off by a glitch) and are rejected, so they never join
the next scan. With ``suffix=b""`` a quiet ``gap`` is what ends a scan, for scanners programmed
without one. The device thread feeds ``b""`` after every read that timed out.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from types import MappingProxyType

from devices.scan import ScanInput, ScanRejected
from devices.symbology import split_symbology

log = logging.getLogger(__name__)

AUTO = None  # suffix: CR, LF or CR LF, whichever the scanner sends
NAMED_BYTES: Mapping[str, bytes] = {
    "CR": b"\r",
    "LF": b"\n",
    "CRLF": b"\r\n",
    "TAB": b"\t",
    "STX": b"\x02",
    "ETX": b"\x03",
    "EOT": b"\x04",
    "NONE": b"",
}
# Control characters (C0, DEL, C1) except those that belong in the data: TAB, and EOT, FS, GS
# and RS, the GS1 separator and the ISO/IEC 15434 envelope.
_NOISE = re.compile("[\x00-\x03\x05-\x08\x0a-\x1b\x1f\x7f-\x9f]")
_RAW_KEPT = 200  # bytes of a rejected line kept for the log


class ScanFramer:
    read_timeout = 0.05
    commands: Mapping[str, bytes] = MappingProxyType({})  # nothing to ask a scanner

    def __init__(
        self,
        source: str,
        *,
        prefix: bytes = b"",
        suffix: bytes | None = AUTO,
        encoding: str = "utf-8",
        max_length: int = 4096,
        gap: float = 0.1,
    ) -> None:
        self.source = source
        self._prefix = prefix
        self._suffix = suffix
        self._split = re.compile(
            rb"\r\n|\r|\n" if suffix is AUTO else re.escape(suffix) if suffix else rb"(?!)"
        )
        self._encoding = encoding
        self._max_length = max_length
        self._gap = gap
        self._buffer = bytearray()
        self._last_byte_at = 0.0
        self._skipping = False  # inside an over-long line: drop bytes up to its suffix

    def reset(self) -> None:
        """Forget a partial scan, e.g. after the scanner was unplugged in the middle of one."""
        self._buffer.clear()
        self._skipping = False

    def request(self, now: float) -> bytes | None:
        return None  # a scanner speaks when it scans; there is nothing to ask it

    def feed(self, data: bytes, now: float) -> list[ScanInput | ScanRejected]:
        """Take what arrived (``b""`` after a quiet read) and return the scans it completed."""
        if not data:
            if self._buffer and now - self._last_byte_at >= self._gap:
                stale = self._quiet_line(bytes(self._buffer), now) if not self._skipping else None
                self.reset()
                return [stale] if stale else []
            return []
        # Only a quiet read shows a quiet line: bytes that come with this read may have waited
        # in the kernel's buffer while this thread was held up, so they still belong here.
        out: list[ScanInput | ScanRejected] = []
        self._buffer += data
        self._last_byte_at = now
        *lines, rest = self._split.split(self._buffer)
        for line in lines:
            if self._skipping:
                self._skipping = False  # the over-long line's end; it was reported already
            elif line:  # empty: the LF after a CR, or a suffix sent twice
                out.append(self._frame(line, now))
        self._buffer = bytearray(rest)
        if len(self._buffer) > self._max_length:
            if not self._skipping:
                out.append(self._over_long(bytes(self._buffer), now))
                self._skipping = True
            self._buffer.clear()
        return out

    def _quiet_line(self, line: bytes, now: float) -> ScanInput | ScanRejected:
        if self._suffix == b"":
            return self._frame(line, now)
        suffix = "CR or LF" if self._suffix is AUTO else repr(self._suffix)
        return self._reject(
            f"incomplete scan: no suffix ({suffix}) followed it; line noise, or the scanner is "
            "programmed with another suffix",
            line,
            now,
        )

    def _frame(self, line: bytes, now: float) -> ScanInput | ScanRejected:
        if len(line) > self._max_length:
            return self._over_long(line, now)
        if self._prefix:
            if not line.startswith(self._prefix):
                return self._reject(
                    f"the scan does not start with the prefix {self._prefix!r}: the start was "
                    "lost, or the scanner's prefix setting differs",
                    line,
                    now,
                )
            line = line[len(self._prefix) :]
        try:
            raw = line.decode(self._encoding)
        except UnicodeDecodeError:
            return self._reject(
                f"bytes that are not {self._encoding} text: check the baud rate, parity and "
                "encoding settings against the scanner's",
                line,
                now,
            )
        if bad := _NOISE.search(raw):
            return self._reject(
                f"control character U+{ord(bad[0]):04X} in the scan: line noise, or a baud rate "
                "that does not match the scanner's",
                line,
                now,
            )
        symbology, text = split_symbology(raw)
        return ScanInput(text, symbology, self.source, received_monotonic=now)

    def _over_long(self, line: bytes, now: float) -> ScanRejected:
        return self._reject(
            f"more than {self._max_length} bytes without a suffix: check the scanner's suffix "
            "setting",
            line,
            now,
        )

    def _reject(self, reason: str, line: bytes, now: float) -> ScanRejected:
        log.warning("%s: rejected: %s", self.source, reason)
        return ScanRejected(reason, line[:_RAW_KEPT], self.source, received_monotonic=now)


def byte_setting(value: str, encoding: str = "utf-8") -> bytes:
    """A prefix or suffix from the settings: a name (``CR``, ``CRLF``, ``ETX``…) or the text."""
    named = NAMED_BYTES.get(value.upper())
    return named if named is not None else value.encode(encoding)
