"""The round engine: drafts, hand-in with receipts and immutable versions, reopening, access."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from submissions import services
from submissions.models import OfferProposal, SubmissionStatus, SubmissionVersion
from submissions.questionnaire import CURRENT_VERSION, empty_answers
from tests.factories import OfferFactory, UnitFactory
from tests.factories.submissions import complete_answers

CONFIRMED = {"confirmed": "1"}  # the second POST, from the confirmation page

TODAY = timezone.localdate()


@pytest.fixture
def open_round(aalborg_reporter, hjorring_reporter):
    units = [m.unit for u in (aalborg_reporter, hjorring_reporter) for m in u.memberships.all()]
    reporting_round = services.round_create(
        kind="demand_capacity",
        year=2027,
        title="Behov og kapacitet 2027",
        opens_on=TODAY - dt.timedelta(days=5),
        deadline=TODAY + dt.timedelta(days=20),
        units=units,
    )
    return services.round_open(reporting_round=reporting_round)


def unit_of(user):
    return user.memberships.get().unit


def handed_in(client, reporting_round, user, answers):
    client.force_login(user)
    submission = services.submission_for(reporting_round=reporting_round, unit=unit_of(user))
    services.submission_save_step(submission=submission, step="x", answers=answers, user=user)
    return submission


@pytest.mark.django_db
def test_a_reporter_hands_in_and_gets_a_receipt_by_e_mail(
    client, open_round, aalborg_reporter, django_capture_on_commit_callbacks
):
    submission = handed_in(client, open_round, aalborg_reporter, complete_answers())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/indberetninger/{submission.pk}/indsend/", CONFIRMED)
    version = SubmissionVersion.objects.get()
    assert response.url == version.get_absolute_url()
    assert (version.number, version.submitted_by) == (1, aalborg_reporter)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert [m.to for m in mail.outbox] == [[aalborg_reporter.email]]
    assert version.receipt_code in mail.outbox[0].subject
    assert open_round.mails.get().kind == "receipt"


@pytest.mark.django_db
def test_missing_answers_block_the_hand_in_and_are_named(client, open_round, aalborg_reporter):
    submission = handed_in(client, open_round, aalborg_reporter, empty_answers(CURRENT_VERSION))
    response = client.post(f"/indberetninger/{submission.pk}/indsend/", follow=True)
    assert not SubmissionVersion.objects.exists()
    page = response.content.decode()
    for code in ("A2", "A8", "A10", "B1"):
        assert f"<strong>{code}</strong>" in page


@pytest.mark.django_db
def test_a_handed_in_version_never_changes(client, open_round, aalborg_reporter):
    submission = handed_in(client, open_round, aalborg_reporter, complete_answers())
    version = services.submission_submit(submission=submission, user=aalborg_reporter)
    version.answers = {}
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises(ValidationError):
        services.submission_save_step(submission=submission, step="x", answers={}, user=None)
    assert SubmissionVersion.objects.get().answers == complete_answers()


@pytest.mark.django_db
def test_reopening_needs_a_reason_and_a_second_hand_in_makes_version_2_with_a_diff(
    client, open_round, aalborg_reporter, secretariat
):
    submission = handed_in(client, open_round, aalborg_reporter, complete_answers())
    services.submission_submit(submission=submission, user=aalborg_reporter)
    client.force_login(secretariat)
    client.post(f"/indberetninger/{submission.pk}/genaabn/", {"reason": " "})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    client.post(f"/indberetninger/{submission.pk}/genaabn/", {"reason": "A10 mangler", **CONFIRMED})
    submission.refresh_from_db()
    assert (submission.status, submission.reopen_reason) == ("reopened", "A10 mangler")
    changed = complete_answers(A6={"text": "Flere unge med selvskade"})
    services.submission_save_step(submission=submission, step="x", answers=changed, user=None)
    services.submission_submit(submission=submission, user=aalborg_reporter)
    client.force_login(aalborg_reporter)
    response = client.get(f"/indberetninger/{submission.pk}/version/2/")
    assert [c.code for c in response.context["changes"]] == ["A6"]
    assert "Flere unge med selvskade" in response.content.decode()
    first = client.get(f"/indberetninger/{submission.pk}/version/1/").context["version"]
    assert first.answers["A6"] == {"text": ""}


@pytest.mark.django_db
def test_another_units_draft_and_versions_are_404(
    client, open_round, aalborg_reporter, hjorring_reporter, outsider, das_member
):
    submission = handed_in(client, open_round, aalborg_reporter, complete_answers())
    services.submission_submit(submission=submission, user=aalborg_reporter)
    urls = [
        f"/indberetninger/{submission.pk}/",
        f"/indberetninger/{submission.pk}/version/1/",
        f"/indberetninger/{submission.pk}/trin/del-a-1/",
        f"/indberetninger/runder/{open_round.pk}/enhed/{unit_of(aalborg_reporter).code}/",
        f"/indberetninger/runder/{open_round.pk}/opsummering/",
    ]
    for user in (hjorring_reporter, outsider, das_member):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404, (user.username, url)
    client.force_login(hjorring_reporter)
    assert client.post(f"/indberetninger/{submission.pk}/indsend/").status_code == 404


@pytest.mark.django_db
def test_a_draft_round_is_invisible_to_reporters(client, aalborg_reporter):
    reporting_round = services.round_create(
        kind="demand_capacity",
        year=2028,
        title="Kladde",
        opens_on=TODAY,
        deadline=TODAY,
        units=[unit_of(aalborg_reporter)],
    )
    client.force_login(aalborg_reporter)
    assert client.get(f"/indberetninger/runder/{reporting_round.pk}/").status_code == 404
    assert "Kladde" not in client.get("/indberetninger/").content.decode()


@pytest.mark.django_db
def test_the_board_shows_who_has_handed_in_and_who_is_late(
    client, secretariat, open_round, aalborg_reporter
):
    submission = handed_in(client, open_round, aalborg_reporter, complete_answers())
    services.submission_submit(submission=submission, user=aalborg_reporter)
    services.round_extend(reporting_round=open_round, deadline=TODAY + dt.timedelta(days=30))
    client.force_login(secretariat)
    response = client.get(f"/indberetninger/runder/{open_round.pk}/")
    assert response.context["counts"] == {"total": 2, "handed_in": 1, "drafts": 0, "late": 0}
    open_round.deadline = open_round.opens_on = TODAY - dt.timedelta(days=1)
    open_round.save(update_fields=["deadline", "opens_on"])
    response = client.get(f"/indberetninger/runder/{open_round.pk}/")
    assert response.context["counts"]["late"] == 1


@pytest.mark.django_db
def test_new_and_planned_offers_become_proposals_the_secretariat_confirms_or_merges(
    client, open_round, aalborg_reporter, secretariat, aalborg
):
    violen = {
        "name": "Violen",
        "target_group": "Udviklingshæmmede",
        "places_as_written": "14 + 4 aflastningspladser",
        "covered": True,
    }
    storemosevej = {
        "name": "Storemosevej",
        "target_group": "Udviklingshæmmede",
        "places_as_written": "4 - 5",
        "covered": False,
        "planned_year": 2028,
    }
    rows = {"B3": [violen], "B4": [storemosevej]}
    submission = handed_in(client, open_round, aalborg_reporter, complete_answers(**rows))
    services.submission_submit(submission=submission, user=aalborg_reporter)
    existing = OfferFactory(name="Violen (eksisterende)", operator=aalborg)
    violen, storemosevej = OfferProposal.objects.order_by("question")
    client.force_login(secretariat)
    client.post(
        f"/indberetninger/forslag/{violen.pk}/",
        {"decision": "merge", "offer": existing.pk, **CONFIRMED},
    )
    client.post(f"/indberetninger/forslag/{storemosevej.pk}/", {"decision": "confirm", **CONFIRMED})
    violen.refresh_from_db()
    storemosevej.refresh_from_db()
    assert (violen.status, violen.offer) == ("merged", existing)
    assert existing.capacities.get(year=2027).total_places == 18
    new_offer = storemosevej.offer
    assert (new_offer.name, new_offer.status, new_offer.operator) == (
        "Storemosevej",
        "planned",
        aalborg,
    )
    capacity = new_offer.capacities.get(year=2028)
    assert (capacity.minimum_places, capacity.maximum_places, capacity.needs_review) == (4, 5, True)


@pytest.mark.django_db
def test_the_secretariat_creates_opens_extends_and_closes_a_round(
    client, secretariat, aalborg_reporter
):
    client.force_login(secretariat)
    unit = unit_of(aalborg_reporter)
    response = client.post(
        "/indberetninger/runder/ny/",
        {
            "kind": "demand_capacity",
            "year": "2027",
            "title": "Behov 2027",
            "opens_on": "2026-11-25",
            "deadline": "2026-12-18",
            "reminder_days": "−14, -3, 1",
            "units": [unit.pk],
        },
    )
    from submissions.models import ReportingRound

    reporting_round = ReportingRound.objects.get(title="Behov 2027")
    assert response.url == reporting_round.get_absolute_url()
    assert (reporting_round.status, reporting_round.reminder_days) == ("draft", [-14, -3, 1])
    assert reporting_round.form_version == CURRENT_VERSION
    base = f"/indberetninger/runder/{reporting_round.pk}"
    client.post(f"{base}/aaben/", CONFIRMED)
    client.post(f"{base}/forlaeng/", {"deadline": "2026-12-10", **CONFIRMED})  # earlier: refused
    client.post(f"{base}/forlaeng/", {"deadline": "2027-01-08", **CONFIRMED})
    reporting_round.refresh_from_db()
    assert (reporting_round.status, str(reporting_round.deadline)) == ("open", "2027-01-08")
    client.post(f"{base}/luk/", CONFIRMED)
    reporting_round.refresh_from_db()
    assert reporting_round.status == "closed"


@pytest.mark.django_db
def test_bad_reminder_days_keep_the_form(client, secretariat, aalborg_reporter):
    client.force_login(secretariat)
    response = client.post(
        "/indberetninger/runder/ny/",
        {
            "kind": "demand_capacity",
            "year": "2027",
            "title": "X",
            "opens_on": "2026-11-25",
            "deadline": "2026-12-18",
            "reminder_days": "to uger før",
            "units": [unit_of(aalborg_reporter).pk],
        },
    )
    assert response.status_code == 200
    assert "to uger før" in response.content.decode()


@pytest.mark.django_db
def test_the_board_keeps_a_constant_number_of_queries(client, secretariat, open_round):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/indberetninger/runder/{open_round.pk}/").status_code == 200
        return len(captured)

    client.force_login(secretariat)
    count()  # warm the session
    few = count()
    for _ in range(8):
        unit = UnitFactory()
        open_round.units.add(unit)
        services.submission_for(reporting_round=open_round, unit=unit)
    assert count() == few
