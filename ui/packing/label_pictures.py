"""The pictures of the shipping labels a scan sent to the printer, made in a worker thread.

Each picture is drawn from the same layout the printer gets (``labels.shipping_picture``: what
the PNG preview draws, dated like the label: the day its job was written), handed to a
``QImage`` as its pixels (no PNG to encode and decode: ~13 of the worker's ~35 ms, on a
machine whose other core is painting answers) and scaled off the GUI thread (a ``QImage``,
unlike a ``QPixmap``, may be made on any thread). The caller's sessions should take no write
lock (``details.read_only``): the next scan must not wait for a picture. Only shipping labels
are pictured: they are what goes on the parcel.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from sqlalchemy.orm import Session, sessionmaker

from db.models import PrintJob
from workstation.services.labels import job_views, ship_date_of, shipping_picture
from workstation.settings import Settings

if TYPE_CHECKING:
    from PIL.Image import Image

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


def to_qimage(picture: Image) -> QImage:
    """A grayscale (mode ``L``) Pillow image as a ``QImage`` that owns its pixels."""
    if picture.mode != "L":
        picture = picture.convert("L")
    width, height = picture.size
    # One byte a pixel, rows packed: Grayscale8 with ``width`` bytes a line. ``copy`` makes
    # the QImage own its pixels (the bytes object would otherwise have to outlive it).
    return QImage(picture.tobytes(), width, height, width, QImage.Format.Format_Grayscale8).copy()


def label_pictures(sessions: sessionmaker[Session], settings: Settings,
                   job_ids: tuple[int, ...], fit: QSize | None = None) -> list[LabelPicture]:
    """Pictures of the shipping labels among ``job_ids`` (runs in a worker thread), scaled
    here to ``fit`` when given (the room the panel had last): smooth scaling is slow, and then
    the GUI thread has none left to do. ``sessions`` should be read-only ones
    (``details.read_only``): nothing here writes."""
    with sessions() as session:
        views = [v for v in job_views(session, [PrintJob.id.in_(job_ids)])
                 if v.kind == "shipping" and v.order_number and v.parcel_seq is not None]
        count = len(views)
        pictures = []
        for view in views:
            assert view.order_number is not None and view.parcel_seq is not None
            image = to_qimage(shipping_picture(session, view.order_number, settings,
                                               view.parcel_seq, ship_date_of(view.created_at)))
            if image.isNull():
                log.warning("the preview of job %s could not be drawn", view.id)
                continue
            if fit is not None and fit.width() >= 8 and fit.height() >= 8:
                image = image.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
            pictures.append(LabelPicture(view.id, view.order_number, view.parcel_seq, count,
                                         view.printer_url, view.state, view.last_error, image))
    return pictures
