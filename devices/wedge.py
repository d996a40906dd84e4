"""Telling a scanner in keyboard mode ("keyboard wedge") from a person typing.

A wedge scanner types a whole scan in a burst, a few milliseconds a key, then presses Enter; a
person rarely manages 30 ms between keys, let alone several times running. ``ui/`` feeds every
key of the station window here from an event filter, with the key event's own timestamp
(``QKeyEvent.timestamp()``: when the key was pressed, so a busy GUI thread does not blur the
pace), and does what the returned ``WedgeDecision`` says.

Strategy and trade-off: a key that could start a burst is held back (swallowed) until the next
key shows the pace. If the next key comes within ``max_key_interval``, the burst goes on and is
swallowed too; once ``min_length`` keys came that fast, Enter makes them one scan. If the next
key is slower, or no key comes by ``deadline`` (the UI then calls ``timeout()``), the held keys
were typing and are released to the focused widget, in order. So scanner keys never reach a
text field, typing is never taken for a scan, and the price is that a typed key shows up
``max_key_interval`` (30 ms) late, which nobody notices.
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.scan import ScanInput, ScanRejected
from devices.symbology import split_symbology


@dataclass(frozen=True, slots=True)
class WedgeDecision:
    """``release``: held keys that were typing; deliver them first, in order. ``swallow``: keep
    the key just given from the focused widget. ``scan``: a completed scan (or rejected one)."""

    swallow: bool = False
    release: tuple[str, ...] = ()
    scan: ScanInput | ScanRejected | None = None


class WedgeDetector:
    def __init__(
        self,
        source: str = "keyboard-wedge",
        *,
        max_key_interval: float = 0.03,
        min_length: int = 4,
        prefix: str = "",
        suffix: str = "",
        terminator: str = "\r",
    ) -> None:
        self.source = source
        self._max_interval = max_key_interval
        self._min_length = min_length
        self._prefix = prefix
        self._suffix = suffix
        self._terminator = terminator  # "" for a scanner that sends no Enter: silence ends a scan
        self._held: list[str] = []
        self._last_at = 0.0

    @property
    def deadline(self) -> float | None:
        """When to call ``timeout()`` if no key comes first; ``None`` when nothing is held."""
        return self._last_at + self._max_interval if self._held else None

    def key(self, text: str, at: float) -> WedgeDecision:
        """Take one key press: its text (``""`` for Shift and the like) and when it was pressed."""
        if not text:
            return WedgeDecision()  # modifiers: a scanner presses Shift for capitals
        earlier = WedgeDecision()
        if self._held and at - self._last_at > self._max_interval:
            earlier = self._end()
        self._last_at = at
        if self._terminator and text == self._terminator:
            if len(self._held) >= self._min_length:
                return WedgeDecision(True, earlier.release, self._complete())
            released = (*earlier.release, *self._held)
            self._held.clear()
            return WedgeDecision(False, released, earlier.scan)  # Enter typed by a person
        self._held.append(text)
        return WedgeDecision(True, earlier.release, earlier.scan)

    def timeout(self, now: float) -> WedgeDecision:
        """Call at ``deadline`` (``now`` on the same clock as the key times)."""
        if self._held and now - self._last_at > self._max_interval:
            return self._end()
        return WedgeDecision()

    def _end(self) -> WedgeDecision:
        """The held keys stopped coming: a person typing, or a burst that lacked its Enter."""
        if len(self._held) < self._min_length:
            released = tuple(self._held)
            self._held.clear()
            return WedgeDecision(release=released)
        if not self._terminator:
            return WedgeDecision(scan=self._complete())
        burst = "".join(self._held)
        self._held.clear()
        return WedgeDecision(
            scan=ScanRejected(
                "a scan without Enter at its end: program the scanner to send Enter (CR) after "
                "each scan",
                burst.encode(),
                self.source,
            )
        )

    def _complete(self) -> ScanInput | ScanRejected:
        burst = "".join(self._held)
        self._held.clear()
        if not burst.startswith(self._prefix) or not burst.endswith(self._suffix):
            return ScanRejected(
                f"the scan lacks its prefix {self._prefix!r} or suffix {self._suffix!r}: keys "
                "were lost on the way (USB keyboard emulation too fast for this computer?)",
                burst.encode(),
                self.source,
            )
        body = burst[len(self._prefix) : len(burst) - len(self._suffix)]
        symbology, text = split_symbology(body)
        return ScanInput(text, symbology, self.source)
