"""The board's charts (QtCharts): orders per hour per station, and accuracy per station.

Each chart is rebuilt from a report table on every refresh; they hold no state of their own.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from workstation.services.reports import Table

# Marked for pyside6-lupdate by the name `translate`, the context as first argument.
translate = QCoreApplication.translate

MAX_STATIONS = 8  # lines on one chart before it stops being readable: the busiest ones
WRONG_COLOUR, OVER_COLOUR = QColor("#C62828"), QColor("#EF6C00")


def chart_view(title: str, parent: QWidget) -> QChartView:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view


def _reset(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def show_orders_per_hour(view: QChartView, series_table: Table) -> list[str]:
    """One line per station (the busiest ``MAX_STATIONS``) over the hours; returns them."""
    chart = view.chart()
    _reset(chart)
    hours = sorted({str(row[1]) for row in series_table.rows})
    totals: dict[str, int] = {}
    for station, _hour, orders, _units in series_table.rows:
        totals[station] = totals.get(station, 0) + int(orders)
    stations = sorted(totals, key=lambda s: (-totals[s], s))[:MAX_STATIONS]
    axis_x = QBarCategoryAxis()
    axis_x.append([h[-5:] for h in hours] or ["-"])
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%d")
    axis_y.setMin(0)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    top = 1
    index = {h: i for i, h in enumerate(hours)}
    for station in stations:
        line = QLineSeries()
        line.setName(station)
        counts = [0] * len(hours)
        for s, hour, orders, _units in series_table.rows:
            if s == station:
                counts[index[str(hour)]] = int(orders)
        for i, count in enumerate(counts):
            line.append(float(i), float(count))
        top = max(top, *counts) if counts else top
        chart.addSeries(line)
        line.attachAxis(axis_x)
        line.attachAxis(axis_y)
    axis_y.setRange(0, top + 1)  # after attaching: attaching rescales the axis to the data
    axis_y.applyNiceNumbers()
    return stations


def show_accuracy(view: QChartView, accuracy_table: Table) -> None:
    """Wrong items and over-scans per 1,000 scans, one pair of bars per station."""
    chart = view.chart()
    _reset(chart)
    rows = accuracy_table.as_dicts()[:20]
    wrong = QBarSet(translate("Board", "wrong item / 1,000"))
    over = QBarSet(translate("Board", "over-scan / 1,000"))
    wrong.setColor(WRONG_COLOUR)
    over.setColor(OVER_COLOUR)
    for row in rows:
        wrong.append(float(row["wrong_item_per_1000"]))
        over.append(float(row["over_scan_per_1000"]))
    bars = QBarSeries()
    bars.append(wrong)
    bars.append(over)
    chart.addSeries(bars)
    axis_x = QBarCategoryAxis()
    axis_x.append([str(row["station"]) for row in rows] or ["-"])
    axis_y = QValueAxis()
    axis_y.setMin(0)
    highest = max([float(r["wrong_item_per_1000"]) for r in rows]
                  + [float(r["over_scan_per_1000"]) for r in rows] + [1.0])
    axis_y.setLabelFormat("%.0f")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_x)
    bars.attachAxis(axis_y)
    axis_y.setRange(0, highest * 1.15)
    axis_y.applyNiceNumbers()
