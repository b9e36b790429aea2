"""A deployment check (`manage.py check --deploy`) of CITIZEN_KEY_SECRET: with a short or a
known key every pseudonym can be reversed by hashing all valid CPR numbers."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

MIN_CITIZEN_KEY_LENGTH = 32
KNOWN_KEYS = {"dev-only-citizen-key", "test-citizen-key", "change-me", "changeme", "secret"}


@register(Tags.security, deploy=True)
def check_citizen_key_secret(app_configs, **kwargs):
    secret = getattr(settings, "CITIZEN_KEY_SECRET", "") or ""
    if secret in KNOWN_KEYS | {getattr(settings, "DEV_CITIZEN_KEY_SECRET", "")}:
        return [
            Warning(
                "CITIZEN_KEY_SECRET er en kendt standardnøgle; med den kan alle pseudonymer "
                "føres tilbage til CPR-numre.",
                hint="Sæt CITIZEN_KEY_SECRET til en tilfældig nøgle på mindst 32 tegn, én gang.",
                id="monitoring.W001",
            )
        ]
    if len(secret) < MIN_CITIZEN_KEY_LENGTH:
        return [
            Warning(
                f"CITIZEN_KEY_SECRET er kortere end {MIN_CITIZEN_KEY_LENGTH} tegn.",
                hint="Sæt CITIZEN_KEY_SECRET til en tilfældig nøgle på mindst 32 tegn, én gang.",
                id="monitoring.W002",
            )
        ]
    return []
