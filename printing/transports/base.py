"""What every transport is: bytes in, a confirmed :class:`SendResult` out, typed errors.

Errors are the environment's fault (printer off, lid open, no permission), so each names the
printer URL and what to do.  ``outcome_unknown`` tells the spooler whether some bytes may have
reached the printer (then the job must be shown to the operator, never resent silently).
"""

from __future__ import annotations

import abc
import urllib.parse
from dataclasses import dataclass

from printing.status import PrinterIdentity, PrinterState, PrinterStatus

__all__ = [
    "PrinterError",
    "PrinterFault",
    "PrinterOffline",
    "PrinterRefused",
    "SendResult",
    "Transport",
    "query_params",
]


@dataclass(frozen=True)
class SendResult:
    """``confirmed``: the device (or spooler) acknowledged every byte -- for raw TCP the printer
    read to the end and closed its side; for CUPS the queue accepted the job (``job_ref`` is the
    CUPS request id); for files the rename completed."""

    url: str
    job_id: str
    bytes_sent: int
    confirmed: bool
    job_ref: str = ""
    detail: str = ""


class PrinterError(Exception):
    """Base of the printer environment errors."""

    def __init__(self, url: str, problem: str, what_to_do: str, *,
                 outcome_unknown: bool = False) -> None:
        self.url = url
        self.problem = problem
        self.what_to_do = what_to_do
        self.outcome_unknown = outcome_unknown
        super().__init__(f"Printer {url}: {problem}. {what_to_do}")


class PrinterOffline(PrinterError):
    """Cannot reach the printer (no answer, timed out, gone mid-job, device missing)."""


class PrinterRefused(PrinterError):
    """The printer or its queue is there but refuses the job (port closed, queue rejecting,
    no permission on the device)."""


class PrinterFault(PrinterError):
    """The printer reports a condition that stops printing (paper out, head open...)."""

    def __init__(self, url: str, status: PrinterStatus) -> None:
        self.status = status
        self.state = status.state
        super().__init__(url, f"printer reports {status.state.value.replace('_', ' ')}",
                         status.what_to_do)


def query_params(url: urllib.parse.SplitResult) -> dict[str, str]:
    return {k: v[-1] for k, v in urllib.parse.parse_qs(url.query).items()}


class Transport(abc.ABC):
    """One printer connection, addressed by URL.  Combine with an encoder; never inherit."""

    def __init__(self, url: str) -> None:
        self.url = url

    @abc.abstractmethod
    def send(self, data: bytes, job_id: str) -> SendResult:
        """Deliver ``data`` as one job; raise a :class:`PrinterError` when it is not accepted."""

    def status(self) -> PrinterStatus:
        """The printer's own state where the device can tell; else ``can_tell=False``."""
        return PrinterStatus.unknown(f"{type(self).__name__} cannot read printer status",
                                     can_tell=False)

    def identify(self) -> PrinterIdentity | None:
        """Model/firmware/dpi where the device can tell."""
        return None

    def send_when_ready(self, data: bytes, job_id: str) -> SendResult:
        """Check the status first and raise :class:`PrinterFault` when the printer says it
        cannot print; transports that cannot tell send anyway."""
        status = self.status()
        if status.can_tell and status.state is PrinterState.OFFLINE:
            raise PrinterOffline(self.url, status.detail or "printer not reachable",
                                 status.what_to_do)
        if status.can_tell and status.state not in (PrinterState.READY, PrinterState.UNKNOWN):
            raise PrinterFault(self.url, status)
        return self.send(data, job_id)

    def close(self) -> None:
        """Release resources (most transports hold none between jobs)."""
        return None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.url!r})"
