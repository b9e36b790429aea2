"""The tariff appendix's PDF (kind "tariffs.tariff_appendix", the one the annual cycle links):
with a version, that published version and its changes, for everyone; without one, the
draft the secretariat would publish next, for the secretariat only."""

from django import forms
from django.utils.translation import gettext as _

from documents import registry
from organisations.access import roles_for

from . import reports_appendix
from .models import TariffAppendixVersion
from .selectors.appendix_versions import appendix_draft

_schema = registry.schema(
    year=forms.IntegerField(min_value=2000, max_value=2100),
    version=forms.IntegerField(min_value=1, max_value=10**6, required=False),
)


def params(raw: dict) -> dict:
    """{"year": …} for the draft, {"year": …, "version": n} for a published version (one
    that does not exist: registry.UnknownObject, a 404 for others than the secretariat)."""
    cleaned = _schema(raw)
    if cleaned.get("version") is None:
        cleaned.pop("version", None)
        return cleaned
    if not TariffAppendixVersion.objects.filter(**cleaned).exists():
        raise registry.UnknownObject(_("The tariff appendix has no such published version."))
    return cleaned


def title(p: dict) -> str:
    if "version" in p:
        return _("Tariff appendix %(year)s, version %(version)s") % p
    return _("Tariff appendix %(year)s – preview (not published)") % p


def tables(p: dict) -> list:
    if "version" in p:
        return reports_appendix.version_tables(TariffAppendixVersion.objects.get(**p))
    return reports_appendix.draft_tables(appendix_draft(p["year"]))


def can_view(user, p: dict) -> bool:
    return "version" in p or roles_for(user).is_secretariat
