"""The pictures of the shipping labels a scan sent to the printer, made in a worker thread.

Each picture is rendered from the same layout the printer gets (``labels.render_document`` as
PNG, dated like the label: the day its job was written) and decoded into a ``QImage`` off the
GUI thread (a ``QImage``, unlike a ``QPixmap``, may be made on any thread). Only shipping
labels are pictured: they are what goes on the parcel.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from sqlalchemy.orm import Session, sessionmaker

from db.models import PrintJob
from workstation.services.labels import job_views, render_document, ship_date_of
from workstation.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LabelPicture:
    job_id: int
    order_number: str
    parcel_seq: int
    parcels: int
    printer_url: str
    state: str
    error: str | None
    image: QImage


def label_pictures(sessions: sessionmaker[Session], settings: Settings,
                   job_ids: tuple[int, ...], fit: QSize | None = None) -> list[LabelPicture]:
    """Pictures of the shipping labels among ``job_ids`` (runs in a worker thread), scaled
    here to ``fit`` when given (the room the panel had last): smooth scaling is slow, and then
    the GUI thread has none left to do."""
    with sessions() as session:
        views = [v for v in job_views(session, [PrintJob.id.in_(job_ids)])
                 if v.kind == "shipping" and v.order_number and v.parcel_seq is not None]
        count = len(views)
        pictures = []
        for view in views:
            assert view.order_number is not None and view.parcel_seq is not None
            png = render_document(session, view.order_number, "shipping", "png", settings,
                                  view.parcel_seq, ship_date_of(view.created_at))
            image = QImage.fromData(png)
            if image.isNull():
                log.warning("the preview of job %s is not a readable PNG", view.id)
                continue
            if fit is not None and fit.width() >= 8 and fit.height() >= 8:
                image = image.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
            pictures.append(LabelPicture(view.id, view.order_number, view.parcel_seq, count,
                                         view.printer_url, view.state, view.last_error, image))
    return pictures
