"""Environment errors of devices: each names the device and what the operator can do about it.

Anything else that goes wrong in this package is a bug and is left to propagate (see DESIGN.md §1).
"""

from __future__ import annotations


class DeviceError(Exception):
    """A device is missing, busy, unplugged, misconfigured or not answering.

    ``device`` is the device's URL (or another name the operator knows it by), ``problem`` says what
    is wrong and ``remedy`` what to do; ``str()`` joins the three into one sentence for the UI.
    """

    def __init__(self, device: str, problem: str, remedy: str) -> None:
        super().__init__(f"{device}: {problem}. {remedy}")
        self.device = device
        self.problem = problem
        self.remedy = remedy


class DeviceUrlError(DeviceError):
    """A device URL in the settings or on the command line cannot be used as written."""


def permission_remedy(group: str, subsystem: str) -> str:
    """What to run when the station's user may not open a device node."""
    return (
        f"Run `sudo usermod -aG {group} $USER`, then log out and in again; or add a udev rule, "
        f'e.g. /etc/udev/rules.d/70-packing-station.rules: SUBSYSTEM=="{subsystem}", '
        f'ATTRS{{idVendor}}=="<vid>", ATTRS{{idProduct}}=="<pid>", MODE="0660", GROUP="{group}" '
        "(`workstation devices list` shows vid:pid), then `sudo udevadm trigger`"
    )
