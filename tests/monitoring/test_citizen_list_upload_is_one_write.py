"""An upload on the page is one write: the import and the hand-in to the unit's open rounds
commit together or not at all."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from monitoring import services
from monitoring.models import CitizenListUpload, CitizenMonth
from tests.factories import OfferFactory


@pytest.mark.django_db
def test_an_upload_whose_hand_in_fails_keeps_nothing(client, aalborg_reporter, monkeypatch):
    OfferFactory(name="Kvisten")
    unit = aalborg_reporter.memberships.get().unit

    def hand_in_fails(**kwargs):
        raise RuntimeError("the round could not be handed in")

    monkeypatch.setattr(services, "citizen_list_hand_in", hand_in_fails)
    client.force_login(aalborg_reporter)
    data = "borger;kommune;tilbud;måned;udgift\nps-1;Aalborg;Kvisten;2019-01;100\n".encode()
    with pytest.raises(RuntimeError):
        client.post(
            "/monitorering/borgerlister/upload/",
            {"unit": unit.pk, "file": SimpleUploadedFile("liste.csv", data)},
        )
    assert not CitizenListUpload.objects.exists()
    assert not CitizenMonth.objects.exists()
