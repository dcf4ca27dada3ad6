"""Field checks for customer and contact records; each returns a problem code or None.

Codes, not sentences: the UI and the importer turn them into translated text that
names the field (and, for imports, the sheet, row and column).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from decimal import Decimal, InvalidOperation


class Problem(enum.StrEnum):
    REQUIRED = "required"
    BAD_EMAIL = "bad_email"
    BAD_PHONE = "bad_phone"
    NEGATIVE_AMOUNT = "negative_amount"
    BAD_NUMBER = "bad_number"
    BAD_DATE = "bad_date"
    BAD_CHOICE = "bad_choice"
    BAD_PERCENT = "bad_percent"
    BAD_URL = "bad_url"


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Chinese landlines (0755-28780808, 010 8888 6666-123), mobiles (13912345678) and +86 forms.
_PHONE_CHARS = re.compile(r"^[0-9+\-\s()（）转#xX]+$")
_URL = re.compile(r"^(https?://)?[\w\-]+(\.[\w\-]+)+(/\S*)?$", re.IGNORECASE)


def check_required(value: str) -> Problem | None:
    return Problem.REQUIRED if not value.strip() else None


def check_email(value: str) -> Problem | None:
    value = unicodedata.normalize("NFKC", value).strip()
    if not value:
        return None
    return None if _EMAIL.match(value) else Problem.BAD_EMAIL


def check_phone(value: str) -> Problem | None:
    value = unicodedata.normalize("NFKC", value).strip()
    if not value:
        return None
    digits = sum(c.isdigit() for c in value)
    if not _PHONE_CHARS.match(value) or not 7 <= digits <= 20:
        return Problem.BAD_PHONE
    return None


def check_url(value: str) -> Problem | None:
    value = value.strip()
    if not value:
        return None
    return None if _URL.match(value) else Problem.BAD_URL


def parse_amount(value: object) -> tuple[Decimal | None, Problem | None]:
    """An amount of money from a cell or a field: numbers, '1,234.50', '¥1234', full-width digits."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, bool):
        return None, Problem.BAD_NUMBER
    if isinstance(value, int | float | Decimal):
        amount = Decimal(str(value))
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        text = text.replace(",", "").replace("¥", "").replace("￥", "").replace("元", "").strip()
        try:
            amount = Decimal(text)
        except InvalidOperation:
            return None, Problem.BAD_NUMBER
    if not amount.is_finite():
        return None, Problem.BAD_NUMBER
    if amount < 0:
        return None, Problem.NEGATIVE_AMOUNT
    try:
        return amount.quantize(Decimal("0.01")), None
    except InvalidOperation:  # more digits than a Decimal holds (1e30): no real amount
        return None, Problem.BAD_NUMBER


def parse_percent(value: object) -> tuple[int | None, Problem | None]:
    """0-100 from 80, '80', '80%', 0.8 (a fraction below one is read as a share)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    text = unicodedata.normalize("NFKC", str(value)).strip().rstrip("%")
    try:
        number = float(text)
    except ValueError:
        return None, Problem.BAD_PERCENT
    if 0 < number < 1 and "." in text:
        number *= 100
    if not 0 <= number <= 100:
        return None, Problem.BAD_PERCENT
    return round(number), None
