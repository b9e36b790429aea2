"""Supervision areas edited in the browser (issue 13): the secretariat creates and edits an
area's host and members; a stale edit is refused; the members' change is in the audit log;
everyone else gets a 404."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.models import AuditEntry
from organisations.models import SupervisionArea
from organisations.services import supervision_area_token


@pytest.mark.django_db
def test_the_secretariat_creates_and_edits_an_area(client, secretariat, aalborg, hjorring):
    client.force_login(secretariat)
    data = {"name": "Socialtilsyn Nord", "host": hjorring.pk, "members": [aalborg.pk, hjorring.pk]}
    assert client.post("/kommuner/tilsynsomraader/ny/", data).status_code == 302
    area = SupervisionArea.objects.get()
    assert set(area.members.all()) == {aalborg, hjorring}
    token = supervision_area_token(area)
    response = client.post(
        f"/kommuner/tilsynsomraader/{area.pk}/",
        {**data, "members": [aalborg.pk], "edit_token": token},
    )
    assert response.status_code == 302
    assert list(area.members.all()) == [aalborg]
    assert AuditEntry.objects.filter(summary="Medlemmer af Socialtilsyn Nord: Aalborg").exists()
    stale = client.post(f"/kommuner/tilsynsomraader/{area.pk}/", {**data, "edit_token": token})
    assert stale.status_code == 409 and list(area.members.all()) == [aalborg]
    assert "Socialtilsyn Nord" in client.get("/kommuner/tilsynsomraader/").content.decode()


@pytest.mark.django_db
def test_others_get_404(client, hjorring_reporter, aalborg_operator):
    for user in (hjorring_reporter, aalborg_operator):
        client.force_login(user)
        assert client.get("/kommuner/tilsynsomraader/").status_code == 404
        assert client.post("/kommuner/tilsynsomraader/ny/", {"name": "x"}).status_code == 404


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=250), key=st.one_of(st.integers(), st.text(max_size=6)))
def test_fuzzed_areas_never_fail_the_page(client, secretariat, aalborg, text, key):
    client.force_login(secretariat)
    data = {"name": text, "host": key, "members": [key], "notes": text}
    assert client.post("/kommuner/tilsynsomraader/ny/", data).status_code in (200, 302)


@pytest.mark.django_db
def test_every_population_figure_downloads_in_the_import_s_columns(client, secretariat, aalborg):
    from organisations.models import PopulationFigure

    PopulationFigure.objects.create(
        organisation=aalborg, reference_date="2024-01-01", age_band="all", count=219487
    )
    client.force_login(secretariat)
    data = client.get("/kommuner/befolkningstal/indlaes/?_export=csv").content.decode("utf-8-sig")
    assert data.splitlines()[1].startswith("Aalborg Kommune;219487;")
