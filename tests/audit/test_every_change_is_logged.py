"""Every change to a record kept by django-simple-history reaches the one audit log, with who,
what (the changed fields by their Danish labels, not their values) and the organisation it
concerns; nothing in the log can be changed or deleted (issue 13)."""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType

from audit.models import Action, AuditEntry, ReadOnlyLog
from audit.services import record
from offers.models import Offer, Usage
from organisations.models import Membership, Role
from tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    OfferFactory,
    UnitFactory,
    UsageFactory,
    UserFactory,
)


def entries_for(obj):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    )


@pytest.mark.django_db
def test_creating_changing_and_deleting_a_record_each_leave_one_entry():
    operator = MunicipalityFactory(name="Hjørring Kommune")
    offer = OfferFactory(operator=operator, name="Bostedet Lyngen")
    usage = UsageFactory(offer=offer, places=Decimal("2.00"))
    usage.places = Decimal("3.50")
    usage.save()
    usage_pk = usage.pk
    usage.delete()
    rows = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Usage), object_id=str(usage_pk)
    ).order_by("id")
    assert [row.action for row in rows] == [Action.CREATED, Action.CHANGED, Action.DELETED]
    assert rows[1].summary == "Ændret: købte pladser"
    assert "3,50" not in rows[1].summary and "3.50" not in rows[1].summary  # labels, no values
    assert entries_for(offer).get().organisation_id == operator.pk


@pytest.mark.django_db
def test_a_save_that_changes_nothing_leaves_no_entry():
    offer = OfferFactory()
    before = AuditEntry.objects.count()
    Offer.objects.get(pk=offer.pk).save()
    assert AuditEntry.objects.count() == before


@pytest.mark.django_db
def test_the_entry_names_the_person_who_made_the_change():
    user = UserFactory(first_name="Mette", last_name="Holm")
    offer = OfferFactory()
    offer._history_user = user
    offer.notes = "Ny note"
    offer.save()
    entry = entries_for(offer).filter(action=Action.CHANGED).get()
    assert (entry.actor, entry.actor_name) == (user, "Mette Holm")


@pytest.mark.django_db
def test_a_reporters_membership_concerns_their_unit_and_municipality():
    unit = UnitFactory()
    membership = MembershipFactory(role=Role.REPORTER, unit=unit)
    entry = entries_for(membership).get()
    assert (entry.organisation_id, entry.unit_id) == (unit.organisation_id, unit.pk)
    assert entry.object_label == str(Membership.objects.get(pk=membership.pk))


@pytest.mark.django_db
def test_nothing_can_change_or_delete_an_entry():
    entry = record(Action.SENT, summary="Dagsorden sendt")
    entry.summary = "Noget andet"
    with pytest.raises(ReadOnlyLog):
        entry.save()
    with pytest.raises(ReadOnlyLog):
        entry.delete()
    with pytest.raises(ReadOnlyLog):
        AuditEntry.objects.filter(pk=entry.pk).update(summary="x")
    with pytest.raises(ReadOnlyLog):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).summary == "Dagsorden sendt"


@pytest.mark.django_db
def test_the_admin_shows_the_log_but_never_adds_changes_or_deletes_an_entry(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    entry = record(Action.SENT, summary="Dagsorden sendt")
    assert client.get("/admin/audit/auditentry/").status_code == 200
    assert client.get(f"/admin/audit/auditentry/{entry.pk}/delete/").status_code == 403
    assert client.get("/admin/audit/auditentry/add/").status_code == 403
    client.post(f"/admin/audit/auditentry/{entry.pk}/change/", {"summary": "x"})
    assert AuditEntry.objects.get(pk=entry.pk).summary == "Dagsorden sendt"
