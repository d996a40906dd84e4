"""Shift-lead figures: throughput, accuracy, exceptions, progress, mis-scans; reports, drill-down.

Each figure is defined once, as a SQLAlchemy Core query that runs on SQLite and PostgreSQL, in
its own module (the module docstring is the definition; the README repeats it).
"""

from workstation.services.reports.model import Report, Table, Window
from workstation.services.reports.report import ReportService, build_report

__all__ = ["Report", "ReportService", "Table", "Window", "build_report"]
