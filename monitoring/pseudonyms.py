"""Citizen keys: a CPR number is replaced by a keyed hash before anything is stored, so the
same citizen links across years without the number ever being kept (SPEC §4.1)."""

import hashlib
import hmac
import re

from django.conf import settings

_NOT_DIGITS = re.compile(r"\D")


class InvalidCitizenKey(ValueError):
    pass


def citizen_key(raw: str, secret: str | None = None) -> str:
    """An HMAC-SHA256 (hex) of a CPR number's ten digits; a key with letters is already
    pseudonymous and is kept as written. Raises InvalidCitizenKey for a digits-only key that
    is not ten digits long (a mistyped CPR number). The message never repeats the digits."""
    text = (raw or "").strip()
    if not text:
        raise InvalidCitizenKey("mangler")
    if any(character.isalpha() for character in text):
        return text[:64]
    digits = _NOT_DIGITS.sub("", text)
    if len(digits) != 10:
        raise InvalidCitizenKey(f"et CPR-nummer skal have 10 cifre (fandt {len(digits)})")
    key = (secret or settings.CITIZEN_KEY_SECRET).encode()
    return hmac.new(key, digits.encode(), hashlib.sha256).hexdigest()
