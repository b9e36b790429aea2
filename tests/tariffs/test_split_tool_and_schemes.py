from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tariffs.models import FinancingScheme
from tariffs.services import split_compute


def upload(text: str):
    return SimpleUploadedFile("noegle.csv", text.encode("utf-8"), content_type="text/csv")


@pytest.mark.django_db
def test_the_secretariat_splits_a_total_by_an_uploaded_key(client, secretariat, aalborg, hjorring):
    client.force_login(secretariat)
    response = client.post(
        "/takster/fordeling/",
        {"key_file": upload("party,weight\nAalborg,2\n860,1\n"), "total": "1.000", "decimals": "0"},
    )
    split = response.context["split"]
    assert [(r.party, r.amount) for r in split.rows] == [
        ("Aalborg", Decimal("667")),
        (hjorring.short_name, Decimal("333")),
    ]
    assert split.sum == Decimal("1000")


@pytest.mark.django_db
def test_a_bad_key_file_names_its_rows_and_keeps_the_form(client, secretariat, aalborg):
    client.force_login(secretariat)
    response = client.post(
        "/takster/fordeling/",
        {
            "key_file": upload("party,weight\nAtlantis,2\nAalborg,-1\nAalborg,x\n"),
            "total": "1000",
            "decimals": "0",
        },
    )
    assert [(e.row, e.column) for e in response.context["errors"]] == [(3, "weight"), (4, "weight")]
    response = client.post(
        "/takster/fordeling/",
        {"key_file": upload("party,weight\nAtlantis,2\n"), "total": "1000", "decimals": "0"},
    )
    assert [(e.row, e.column) for e in response.context["errors"]] == [(2, "party")]
    assert 'value="1000"' in response.content.decode()
    assert not FinancingScheme.objects.exists()


@pytest.mark.django_db
def test_a_saved_split_is_versioned_and_recomputing_shows_the_difference(
    client, secretariat, aalborg, hjorring
):
    client.force_login(secretariat)
    response = client.post(
        "/takster/fordeling/",
        {
            "key_file": upload("party,weight\nAalborg,3\nHjørring,1\n"),
            "total": "1000",
            "decimals": "0",
            "save_as": "Børnehus Nord objektiv finansiering",
            "year": "2018",
        },
    )
    scheme = FinancingScheme.objects.get()
    assert response.status_code == 302
    assert scheme.splits.get().version == 1
    row = scheme.key.rows.get(organisation=hjorring)
    row.weight = Decimal(3)
    row.save(update_fields=["weight"])
    client.post(f"/takster/ordninger/{scheme.pk}/")
    context = client.get(f"/takster/ordninger/{scheme.pk}/").context
    assert context["split"].version == 2 and context["previous"].version == 1
    changes = {r[0]: r[-1] for r in context["table"].rows}
    assert changes == {"Aalborg": Decimal("-250"), hjorring.short_name: Decimal("250")}
    first = client.get(f"/takster/ordninger/{scheme.pk}/?version=1").context["split"]
    assert [r.amount for r in first.rows.all()] == [Decimal("750"), Decimal("250")]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["aalborg_reporter", "aalborg_operator", "outsider"])
def test_schemes_and_the_split_tool_are_the_secretariats(client, request, persona, aalborg):
    from tariffs.services import distribution_key_create

    key = distribution_key_create(name="N", parties=[(aalborg, Decimal(1))])
    scheme = FinancingScheme.objects.create(name="S", year=2019, total=10, key=key)
    split_compute(scheme=scheme, user=None)
    client.force_login(request.getfixturevalue(persona))
    for url in ["/takster/fordeling/", "/takster/ordninger/", f"/takster/ordninger/{scheme.pk}/"]:
        assert client.get(url).status_code == 404, url
