"""``file:///dir/`` -- one file per job, named by job id, written atomically.

For printers that watch a hot folder, for archiving and for demos.  The file appears only once
it is complete (temporary name in the same directory, fsync, rename).
"""

from __future__ import annotations

import os
import re
import tempfile
import urllib.parse
from pathlib import Path

from printing.transports.base import PrinterOffline, PrinterRefused, SendResult, Transport

__all__ = ["FileTransport"]


class FileTransport(Transport):
    """``?ext=zpl`` picks the file extension (default ``prn``)."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        parts = urllib.parse.urlsplit(url)
        self.directory = Path(urllib.parse.unquote(parts.path))
        self.ext = urllib.parse.parse_qs(parts.query).get("ext", ["prn"])[-1]
        if not re.fullmatch(r"[A-Za-z0-9]{1,8}", self.ext):
            raise ValueError(f"{url!r}: ext must be 1-8 letters or digits")

    def path_for(self, job_id: str) -> Path:
        # The job id becomes a file name: keep it to safe characters, never a path.
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", job_id).lstrip(".") or "job"
        return self.directory / f"{safe}.{self.ext}"

    def send(self, data: bytes, job_id: str) -> SendResult:
        if not self.directory.is_dir():
            raise PrinterOffline(self.url, f"folder {self.directory} does not exist",
                                 "Create the folder or fix the printer URL in the settings.")
        target = self.path_for(job_id)
        try:
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.directory)
        except PermissionError:
            raise PrinterRefused(self.url, f"no permission to write in {self.directory}",
                                 "Give this user write access to the folder.") from None
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise PrinterOffline(self.url, f"cannot write {target}: {exc.strerror}",
                                 "Check free disk space and the folder's permissions.") from None
        return SendResult(self.url, job_id, len(data), True, job_ref=str(target))
