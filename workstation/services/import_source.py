"""Reading an import file: its bytes as UTF-8 text, and whether it is JSON or CSV.

A file in another encoding is refused, never guessed at: Latin-1 or GBK decoded as something
else would put wrong names on labels, and nothing tells them apart reliably.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from workstation.services.import_records import RawOrder, RawProduct
from workstation.services.import_report import ImportIssue


class ImportFileError(Exception):
    """Nothing can be read from the file; the message says where and what to do."""

    def __init__(self, file: str, message: str, row: int | None = None) -> None:
        super().__init__(message)
        self.issue = ImportIssue(file, row, None, message)


@dataclass
class ParsedFile:
    """The raw records of one file, before validation."""

    file: str
    kind: str  # "orders", "products" or "json" (both)
    products: list[RawProduct] = field(default_factory=list)
    orders: list[RawOrder] = field(default_factory=list)
    warnings: list[ImportIssue] = field(default_factory=list)


def decode(data: bytes, file: str) -> str:
    """UTF-8 text, with a BOM or without; anything else raises ``ImportFileError``."""
    for bom, name in ((codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
                      (codecs.BOM_UTF32_LE, "UTF-32")):
        if data.startswith(bom) and not data.startswith(codecs.BOM_UTF8):
            raise ImportFileError(
                file, f"{file} is {name} text (as Excel's \"Unicode text\" writes it), not "
                "UTF-8: save it as UTF-8 (in Excel: Save As, \"CSV UTF-8\") and import it again")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ImportFileError(
            file,
            f"{file} is not UTF-8: byte {exc.start} (line {line}, column {column}) is "
            f"0x{data[exc.start]:02X}, which UTF-8 does not allow there. The file is probably "
            "in a local encoding such as Latin-1/Windows-1252 or GBK: save it as UTF-8 (in "
            "Excel: Save As, \"CSV UTF-8\") and import it again",
            row=line,
        ) from exc


def read_file(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ImportFileError(
            str(path), f"cannot read {path}: {reason}. Check the path and its permissions"
        ) from exc
    return decode(data, str(path))


def is_json(path: Path, text: str) -> bool:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return True
    if suffix in (".csv", ".tsv", ".txt"):
        return False
    return text.lstrip().startswith("{")
