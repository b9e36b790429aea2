"""Writes to the organisations register. Views, commands and the demo data go through these."""

from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext

from audit.models import Action
from audit.services import record
from socialaftale.lib.edits import check_token, fields_token
from socialaftale.lib.models import upsert

from . import population_hooks
from .models import Organisation, OrganisationUnit, PopulationFigure, SupervisionArea
from .population_hooks import PopulationImported


@transaction.atomic
def parties_import(*, rows: list[dict]) -> int:
    """The checked rows of a parties file (organisations.importers.parse_parties), regions
    first. Every region and municipality gets its default reporting unit (code = DST code)."""
    for row in rows:
        values = {name: value for name, value in row.items() if name != "code"}
        values["region"] = _region(values["region"])
        organisation, _created, _changed = upsert(Organisation, {"code": row["code"]}, values)
        upsert(
            OrganisationUnit,
            {"code": organisation.code},
            {"organisation": organisation, "name": organisation.name, "is_default": True},
        )
    return len(rows)


def _region(text: str) -> Organisation | None:
    """By DST code (parties.csv) or by name (the register's download)."""
    if not text:
        return None
    return Organisation.objects.filter(Q(code=text) | Q(name__iexact=text)).first()


@transaction.atomic
def population_import(
    *, rows: list[tuple[Organisation, int]], reference_date: date, age_band: str, source: str
) -> list[PopulationFigure]:
    """The checked (municipality, count) pairs of a population file
    (organisations.importers.parse_population); a figure for the same municipality, date and
    age band is replaced. Once committed, the registered hooks hear of it (population_hooks:
    tariffs requests the budget runs that read these figures)."""
    figures = [
        PopulationFigure.objects.update_or_create(
            organisation=organisation,
            reference_date=reference_date,
            age_band=age_band,
            defaults={"count": count, "source": source},
        )[0]
        for organisation, count in rows
    ]
    imported = PopulationImported(
        reference_date, age_band, tuple(figure.organisation_id for figure in figures)
    )
    transaction.on_commit(lambda: population_hooks.notify(imported))
    return figures


def supervision_area_token(area: SupervisionArea) -> str:
    return fields_token(area, SUPERVISION_FIELDS)


SUPERVISION_FIELDS = ["name", "host", "members", "notes"]


@transaction.atomic
def supervision_area_save(
    *, area: SupervisionArea | None, actor, members, expected_token=None, **values
) -> SupervisionArea:
    """A new area (area None) or an edit refused with StaleEdit if someone else saved it
    since the form was shown. Field changes are logged by simple_history, the members (which
    it does not follow) by an audit entry."""
    if area is None:
        area = SupervisionArea(**values)
        before = set()
    else:
        area = SupervisionArea.objects.select_for_update().get(pk=area.pk)
        check_token(expected_token, supervision_area_token(area))
        before = set(area.members.values_list("pk", flat=True))
        for name, value in values.items():
            setattr(area, name, value)
    area.save()
    area.members.set(members)
    if before != {m.pk for m in members}:
        with translation.override("da"):
            summary = gettext("Members of %(area)s: %(names)s") % {
                "area": area.name,
                "names": ", ".join(sorted(m.short_name for m in members)),
            }
        record(Action.CHANGED, actor=actor, obj=area, summary=summary)
    return area
