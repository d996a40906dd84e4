"""What an import run found and did: the result the CLI and the UI show."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ImportIssue:
    """One problem with a file: where it is (file, row, field) and what to do about it.

    ``row`` is the line number a spreadsheet shows for a CSV file (the header is row 1), the
    1-based position of the product or order in a JSON file, or None for the whole file.
    """

    file: str
    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.field:
            where += f", {self.field}"
        return f"{where}: {self.message}"


@dataclass
class ImportReport:
    """Counts are of orders and products together; ``skipped`` lists (number or sku, reason)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)
    warnings: list[ImportIssue] = field(default_factory=list)
    # Detail behind the totals, for the summary and the audit log.
    orders_created: int = 0
    orders_updated: int = 0
    orders_unchanged: int = 0
    products_created: int = 0
    products_updated: int = 0
    products_unchanged: int = 0
    lines: int = 0  # order lines written
    rejected: int = 0  # orders and products refused because of errors
    files_failed: int = 0  # files from which nothing could be read

    @property
    def imported(self) -> int:
        return self.created + self.updated

    @property
    def exit_code(self) -> int:
        """0 all good; 1 some rows rejected or skipped; 2 nothing imported or a file unreadable."""
        if self.files_failed or (self.errors and self.imported == 0 and self.unchanged == 0):
            return 2
        if self.errors or self.skipped:
            return 1
        return 0

    def merge(self, other: ImportReport) -> None:
        for name in (
            "created", "updated", "unchanged", "orders_created", "orders_updated",
            "orders_unchanged", "products_created", "products_updated", "products_unchanged",
            "lines", "rejected", "files_failed",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.skipped.extend(other.skipped)
        self.errors.extend(other.errors)
        self.warnings.extend(other.warnings)


def format_report(report: ImportReport) -> str:
    """The summary and every issue, as the CLI prints it."""
    out = [
        f"orders: {report.orders_created} created, {report.orders_updated} updated, "
        f"{report.orders_unchanged} unchanged ({report.lines} lines written)",
        f"products: {report.products_created} created, {report.products_updated} updated, "
        f"{report.products_unchanged} unchanged",
    ]
    if report.rejected:
        out.append(f"rejected: {report.rejected} (see the errors below; nothing of them was saved)")
    for number, reason in report.skipped:
        out.append(f"skipped {number}: {reason}")
    out.extend(f"error: {issue}" for issue in report.errors)
    out.extend(f"warning: {issue}" for issue in report.warnings)
    return "\n".join(out)
