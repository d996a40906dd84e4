"""A private CUPS scheduler for tests: its own config dir, port and spool, torn down after.

``cupsd -f -c <tmp>/cupsd.conf -s <tmp>/cups-files.conf`` listening on 127.0.0.1:<free port>;
clients reach it through ``CUPS_SERVER=127.0.0.1:<port>``.  Queues are raw: CUPS 2.4 creates a
raw queue when ``lpadmin`` gets a device URI and no PPD/model (``-m raw`` is deprecated).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

INSTALL_HINT = "install the Debian packages cups and cups-bsd (apt install cups cups-bsd)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class CupsServer:
    root: Path
    port: int
    process: subprocess.Popen[bytes] | None = None
    queues: list[str] = field(default_factory=list)

    @property
    def server(self) -> str:
        return f"127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": self.server}

    def run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(argv), env=self.env(), capture_output=True, text=True,
                              timeout=20, check=check)

    def add_raw_queue(self, name: str, device_uri: str) -> None:
        self.run("lpadmin", "-p", name, "-E", "-v", device_uri,
                 "-o", "printer-is-shared=false")
        self.queues.append(name)

    def delete_queue(self, name: str) -> None:
        self.run("lpadmin", "-x", name, check=False)

    def log(self) -> str:
        path = self.root / "log" / "error_log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
            self.process = None


def start_cupsd(root: Path) -> CupsServer | str:
    """Start cupsd under ``root``; the server, or a reason it could not start."""
    cupsd = shutil.which("cupsd") or ("/usr/sbin/cupsd" if Path("/usr/sbin/cupsd").exists()
                                      else None)
    if cupsd is None or not all(shutil.which(t) for t in ("lp", "lpadmin", "lpstat")):
        return f"cupsd or the CUPS clients are missing: {INSTALL_HINT}"
    for sub in ("spool", "cache", "state", "log", "ppd"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    port = free_port()
    (root / "cupsd.conf").write_text(
        f"Listen 127.0.0.1:{port}\n"
        "LogLevel info\nBrowsing No\nWebInterface No\nDefaultAuthType None\n"
        "<Location />\n  Order allow,deny\n  Allow from all\n</Location>\n"
        "<Location /admin>\n  Order allow,deny\n  Allow from all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order allow,deny\n    Allow from all\n"
        "  </Limit>\n</Policy>\n"
    )
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}\nRequestRoot {root}/spool\nCacheDir {root}/cache\n"
        f"StateDir {root}/state\nTempDir {root}/spool\nErrorLog {root}/log/error_log\n"
        f"AccessLog {root}/log/access_log\nPageLog {root}/log/page_log\n"
        "Sandboxing Relaxed\n"
    )
    # The spool must be reachable by the unprivileged user CUPS runs backends as.
    for path in (root, *root.iterdir()):
        path.chmod(0o755)
    server = CupsServer(root, port)
    server.process = subprocess.Popen(
        [cupsd, "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            err = server.process.stderr.read().decode() if server.process.stderr else ""
            server.process = None
            return f"cupsd exited at start ({err.strip() or server.log()[-500:]}); {INSTALL_HINT}"
        if "scheduler is running" in server.run("lpstat", "-r", check=False).stdout:
            return server
        time.sleep(0.1)
    server.stop()
    return f"cupsd did not answer on {server.server} within 15 s; {INSTALL_HINT}"
