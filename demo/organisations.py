"""Reference and demo data for organisations (loaded by `manage.py load_demo_data`)."""

from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from organisations.importers import parse_parties, parse_population
from organisations.models import Membership, Organisation, OrganisationUnit, Role, SupervisionArea
from organisations.services import parties_import, population_import
from socialaftale.lib.models import upsert

AALBORG_UNITS = [
    ("851-FB", "Aalborg Kommune – Familie- og Beskæftigelsesforvaltningen"),
    ("851-AEH", "Aalborg Kommune – Ældre- og Handicapforvaltningen"),
]
# Socialtilsyn Nord: North Jutland except Hjørring (host, supervised elsewhere) plus Silkeborg.
SOCIALTILSYN_NORD_EXCLUDES = {"860"}
SILKEBORG = "740"
DEMO_PASSWORD = "socialaftale-demo"  # noqa: S105 - demo logins, printed by `make run`

DEMO_USERS = [
    # username, full name, role, unit code / organisation code / body
    ("sekretariat", "Sara Sekretariat", Role.SECRETARIAT, None),
    ("aalborg-fb", "Anders Aalborg (FB)", Role.REPORTER, "851-FB"),
    ("aalborg-aeh", "Anne Aalborg (ÆH)", Role.REPORTER, "851-AEH"),
    ("hjorring", "Henrik Hjørring", Role.REPORTER, "860"),
    ("region-drift", "Rikke Region (driftsherre)", Role.OPERATOR, "1081"),
    ("aalborg-drift", "Ole Aalborg (driftsherre)", Role.OPERATOR, "851"),
    ("das-medlem", "Dorte DAS-medlem", Role.BODY_MEMBER, "DAS"),
    ("kkr-medlem", "Karsten KKR-medlem", Role.BODY_MEMBER, "KKR"),
    ("ekspertpanel", "Eva Ekspertpanel", Role.EXPERT_PANEL, None),  # the panel's chair
    ("ekspertpanel-2", "Peter Panelmedlem", Role.EXPERT_PANEL, None),
]


@transaction.atomic
def load_reference(fixtures: Path) -> None:
    parties_import(rows=parse_parties((fixtures / "parties.csv").read_bytes()))
    aalborg = Organisation.objects.get(code="851")
    for code, name in AALBORG_UNITS:
        upsert(
            OrganisationUnit,
            {"code": code},
            {"organisation": aalborg, "name": name, "is_default": False},
        )
    # Aalborg's default unit does not report itself: its two administrations do.
    upsert(OrganisationUnit, {"code": "851"}, {"reports_separately": False})
    area, _ = SupervisionArea.objects.update_or_create(
        name="Socialtilsyn Nord",
        defaults={
            "host": Organisation.objects.get(code="860"),
            "notes": "Nordjyske kommuner undtagen Hjørring (værtskommune) samt Silkeborg.",
        },
    )
    members = Organisation.objects.filter(region__code="1081").exclude(
        code__in=SOCIALTILSYN_NORD_EXCLUDES
    ) | Organisation.objects.filter(code=SILKEBORG)
    area.members.set(members)
    _population(
        (fixtures / "socialtilsyn_nord_children_0_17.csv").read_bytes(),
        reference_date=date(2017, 4, 1),
        age_band="0-17",
        source="Danmarks Statistik, 0-17-årige, 2. kvartal 2017 (Socialtilsyn Nord budget 2019)",
    )
    inhabitants = (fixtures / "population_2012.csv").read_text(encoding="utf-8")
    only_inhabitants = "\n".join(
        ",".join(line.split(",")[:2]) for line in inhabitants.splitlines() if line
    )
    _population(
        only_inhabitants.encode(),
        reference_date=date(2012, 1, 1),
        age_band="all",
        source="Danmarks Statistik, indbyggere 1. januar 2012",
    )


def _population(data: bytes, *, reference_date, age_band: str, source: str) -> None:
    rows = parse_population(data, age_band=age_band, source=source)
    population_import(rows=rows, reference_date=reference_date, age_band=age_band, source=source)


def _secretariat_group() -> Group:
    group, _ = Group.objects.get_or_create(name="Sekretariat")
    group.permissions.set(
        Permission.objects.filter(content_type__app_label__in=["organisations", "offers"])
    )
    return group


@transaction.atomic
def load_demo_users(only: set[str] | None = None) -> list[tuple[str, str]]:
    """Demo users, one per role (`only`: just these usernames); returns (username,
    description) for printing."""
    user_model = get_user_model()
    printed = []
    for username, full_name, role, target in DEMO_USERS:
        if only is not None and username not in only:
            continue
        first, _, last = full_name.partition(" ")
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.dk"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_staff = role == Role.SECRETARIAT
            user.save(update_fields=["password", "is_staff"])
        if role == Role.SECRETARIAT:
            user.groups.add(_secretariat_group())
        Membership.objects.get_or_create(user=user, role=role, **_membership_target(role, target))
        printed.append((username, Membership.objects.filter(user=user).first().label))
    return printed


def _membership_target(role: str, target: str | None) -> dict:
    if role == Role.REPORTER:
        return {"unit": OrganisationUnit.objects.get(code=target)}
    if role == Role.OPERATOR:
        return {"organisation": Organisation.objects.get(code=target)}
    if role == Role.BODY_MEMBER:
        return {"body": target}
    return {}
