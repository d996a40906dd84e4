"""Boxes and weights: which box fits a parcel's items, and whether a weighed parcel holds what
it should. Pure: the service passes the items, the configured boxes and the tolerance in."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# Items never fill a box exactly: leave room for void fill and awkward shapes.
FILL_FACTOR = 1.2


@dataclass(frozen=True, slots=True)
class Box:
    name: str
    length_mm: int
    width_mm: int
    height_mm: int
    tare_grams: int = 0
    max_grams: int = 30_000

    @property
    def volume(self) -> int:
        return self.length_mm * self.width_mm * self.height_mm

    def fits(self, dims: tuple[int, int, int]) -> bool:
        """Does one item fit, turned whichever way suits it?"""
        inner = sorted((self.length_mm, self.width_mm, self.height_mm))
        return all(a <= b for a, b in zip(sorted(dims), inner, strict=True))


DEFAULT_BOXES: tuple[Box, ...] = (
    Box("S", 250, 200, 100, 150, 5_000),
    Box("M", 350, 250, 150, 250, 10_000),
    Box("L", 450, 350, 250, 400, 20_000),
    Box("XL", 600, 400, 400, 700, 30_000),
)


def boxes_from_config(entries: Iterable[Mapping[str, object]]) -> tuple[Box, ...]:
    """``[{name = "S", length_mm = 250, width_mm = 200, height_mm = 100, tare_grams = 150}]``."""
    out = []
    for entry in entries:
        try:
            out.append(Box(
                name=str(entry["name"]),
                length_mm=int(str(entry["length_mm"])),
                width_mm=int(str(entry["width_mm"])),
                height_mm=int(str(entry["height_mm"])),
                tare_grams=int(str(entry.get("tare_grams", 0))),
                max_grams=int(str(entry.get("max_grams", 30_000))),
            ))
        except (KeyError, ValueError) as exc:
            raise ValueError(f"box {dict(entry)!r}: needs name, length_mm, width_mm, height_mm "
                             f"(whole millimetres) and may have tare_grams, max_grams ({exc})"
                             ) from exc
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Item:
    quantity: int
    weight_grams: int | None
    dims: tuple[int, int, int] | None  # mm; None when the catalogue does not know


def suggest_box(items: Sequence[Item], boxes: Sequence[Box]) -> Box | None:
    """The smallest box every item fits in, with room for all of them by volume and weight.

    Items without dimensions count as fitting (nothing known against them); None when no box
    is big enough (split the order into parcels) or no box is configured."""
    volume = sum(i.quantity * i.dims[0] * i.dims[1] * i.dims[2] for i in items if i.dims)
    grams = sum(i.quantity * (i.weight_grams or 0) for i in items)
    for box in sorted(boxes, key=lambda b: b.volume):
        if (all(box.fits(i.dims) for i in items if i.dims)
                and volume * FILL_FACTOR <= box.volume and grams + box.tare_grams <= box.max_grams):
            return box
    return None


def expected_grams(items: Sequence[Item], box: Box | None) -> int | None:
    """Items plus the box; None when an item's weight is unknown (nothing to check against)."""
    if any(i.weight_grams is None for i in items):
        return None
    return sum(i.quantity * (i.weight_grams or 0) for i in items) + (box.tare_grams if box else 0)


@dataclass(frozen=True, slots=True)
class WeightCheck:
    measured: int
    expected: int | None
    allowed: int  # +/- grams

    @property
    def ok(self) -> bool:
        return self.expected is None or abs(self.measured - self.expected) <= self.allowed

    @property
    def difference(self) -> int:
        return 0 if self.expected is None else self.measured - self.expected


def check_weight(measured: int, expected: int | None, percent: float,
                 min_grams: int) -> WeightCheck:
    """Within ``percent`` of the expected weight, but never tighter than ``min_grams`` (a
    scale's own resolution and packing material vary by a few grams on light parcels)."""
    allowed = max(min_grams, round((expected or 0) * percent / 100))
    return WeightCheck(measured, expected, allowed)
