"""``usb:///dev/usb/lp0`` -- write to a printer device file (USB printer class, parallel)."""

from __future__ import annotations

import errno
import os
import urllib.parse

from printing.transports.base import PrinterOffline, PrinterRefused, SendResult, Transport

__all__ = ["DeviceFileTransport"]


class DeviceFileTransport(Transport):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
        if not self.path.startswith("/"):
            raise ValueError(f"{url!r}: expected usb:///dev/usb/lp0 (an absolute device path)")

    def send(self, data: bytes, job_id: str) -> SendResult:
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_NOCTTY)
        except PermissionError:
            raise PrinterRefused(
                self.url, f"no permission to write {self.path}",
                "Add this user to the 'lp' group (sudo usermod -aG lp $USER), then log out "
                "and in again.") from None
        except FileNotFoundError:
            raise PrinterOffline(self.url, f"{self.path} does not exist",
                                 "Plug in the printer's USB cable and switch it on.") from None
        except OSError as exc:
            raise PrinterOffline(self.url, f"cannot open {self.path}: {exc.strerror}",
                                 "Check the printer's cable and power.") from None
        sent = 0
        try:
            view = memoryview(data)
            while sent < len(data):
                sent += os.write(fd, view[sent:])
        except OSError as exc:
            gone = exc.errno in (errno.ENODEV, errno.EIO, errno.ENXIO)
            raise PrinterOffline(
                self.url, f"write failed after {sent} of {len(data)} bytes: {exc.strerror}",
                "The printer was unplugged or switched off" + ("" if gone else " or jammed")
                + "; check it and confirm whether the label printed.",
                outcome_unknown=True) from None
        finally:
            os.close(fd)
        return SendResult(self.url, job_id, sent, True)
