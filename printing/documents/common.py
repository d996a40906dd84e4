"""Helpers the document builders share: headings per language, number formats, scaling."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["Scaler", "format_money", "format_weight", "heading"]

# Headings printed on documents, per order language; English when a language or a key is
# missing.  Customer-supplied text (instructions, notes) is printed as given.
_HEADINGS: dict[str, dict[str, str]] = {
    "en": {
        "from": "FROM", "to": "TO", "order": "Order", "parcel": "Parcel", "of": "of",
        "weight": "Weight", "date": "Date", "return_to": "RETURN TO", "rma": "RMA",
        "packing_slip": "Packing slip", "sku": "SKU", "item": "Item", "qty": "Qty",
        "unit": "Unit", "total": "Total", "subtotal": "Subtotal", "shipping": "Shipping",
        "tax": "Tax", "notes": "Notes", "ship_to": "Ship to", "bill_to": "Customer",
        "instructions": "How to return", "ref": "Ref", "page": "Page",
    },
    "de": {
        "from": "ABSENDER", "to": "EMPFÄNGER", "order": "Bestellung", "parcel": "Paket",
        "of": "von", "weight": "Gewicht", "date": "Datum", "return_to": "RÜCKSENDUNG AN",
        "rma": "RMA", "packing_slip": "Lieferschein", "sku": "Art.-Nr.", "item": "Artikel",
        "qty": "Menge", "unit": "Einzelpreis", "total": "Gesamt", "subtotal": "Zwischensumme",
        "shipping": "Versand", "tax": "MwSt.", "notes": "Hinweise", "ship_to": "Lieferadresse",
        "bill_to": "Kunde", "instructions": "So senden Sie zurück", "ref": "Ref",
        "page": "Seite",
    },
    "fr": {
        "from": "EXPÉDITEUR", "to": "DESTINATAIRE", "order": "Commande", "parcel": "Colis",
        "of": "sur", "weight": "Poids", "date": "Date", "return_to": "RETOUR À", "rma": "RMA",
        "packing_slip": "Bon de livraison", "sku": "Réf.", "item": "Article", "qty": "Qté",
        "unit": "Prix unitaire", "total": "Total", "subtotal": "Sous-total",
        "shipping": "Livraison", "tax": "TVA", "notes": "Remarques", "ship_to": "Livrer à",
        "bill_to": "Client", "instructions": "Comment retourner", "ref": "Réf.",
        "page": "Page",
    },
}


def heading(key: str, language: str) -> str:
    lang = _HEADINGS.get(language.lower()[:2], _HEADINGS["en"])
    return lang.get(key, _HEADINGS["en"][key])


def format_weight(grams: int) -> str:
    """``4250`` -> ``4.25 kg``; below a kilogram in grams."""
    if grams < 1000:
        return f"{grams} g"
    kg = (Decimal(grams) / 1000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{kg} kg"


def format_money(amount: Decimal, currency: str) -> str:
    value = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{value} {currency}".strip()


class Scaler:
    """Maps positions designed for a 152.4 mm tall label onto shorter stock (4x4 in)."""

    def __init__(self, height: float, designed_for: float = 152.4) -> None:
        self.factor = min(1.0, height / designed_for)

    def __call__(self, mm: float) -> float:
        return mm * self.factor
