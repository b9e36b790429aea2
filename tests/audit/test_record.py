import pytest
from django.core.exceptions import ImproperlyConfigured

from audit.models import Action, AuditEntry
from audit.services import record
from socialaftale.lib import worklist
from tests.factories import MunicipalityFactory, UserFactory


@pytest.mark.django_db
def test_record_keeps_who_what_and_the_record_by_name():
    user = UserFactory(first_name="Mette", last_name="Holm")
    municipality = MunicipalityFactory(name="Mariagerfjord Kommune")
    entry = record(
        Action.SENT,
        actor=user,
        obj=municipality,
        summary="Mail sendt",
        reason="Frist",
        organisation_id=municipality.pk,
    )
    entry.refresh_from_db()
    assert entry.actor_name == "Mette Holm"
    assert entry.object_label == "Mariagerfjord Kommune"
    assert entry.content_type.model_class() is type(municipality)
    assert (entry.object_id, entry.organisation_id) == (str(municipality.pk), municipality.pk)
    assert (entry.summary, entry.reason) == ("Mail sendt", "Frist")


@pytest.mark.django_db
def test_the_system_is_named_when_nobody_acted():
    from django.contrib.auth.models import AnonymousUser

    entry = record(Action.CALCULATED, actor=AnonymousUser())
    assert entry.actor is None and entry.actor_name == "system"
    assert AuditEntry.objects.count() == 1


def test_a_work_item_is_registered_once_and_listed_in_order():
    try:
        worklist.register("b-test", label="B", count=lambda user: 0, url=lambda: "/", position=2)
        worklist.register("a-test", label="A", count=lambda user: 0, url=lambda: "/", position=1)
        codes = [item.code for item in worklist.items()]
        assert codes.index("a-test") < codes.index("b-test")
        with pytest.raises(ImproperlyConfigured):
            worklist.register("a-test", label="A", count=lambda user: 0, url=lambda: "/")
    finally:
        worklist.unregister("a-test")
        worklist.unregister("b-test")
