"""Whatever a panel member posts to a remarks page (a remark, a token, a "mark final"), the
page answers (never a 500) and nothing is saved from refused input."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enhanced_cooperation.models import Member, Remark
from tests.factories.enhanced_cooperation import panel_user
from tests.fuzz import fuzz

from .remark_data import handed_in_report, panel_chair

TEXT = st.text(max_size=80)
KEY = st.one_of(st.integers(), st.text(max_size=25))


@pytest.mark.django_db
@fuzz
@given(text=st.text(max_size=300), token=TEXT, finalise=st.one_of(st.none(), KEY))
def test_fuzzed_remarks_never_fail_the_page(client, text, token, finalise):
    report = getattr(test_fuzzed_remarks_never_fail_the_page, "report", None)
    if report is None or not Member.objects.filter(pk=report.member.pk).exists():
        report = handed_in_report()
        test_fuzzed_remarks_never_fail_the_page.report = report
    author = panel_user()
    client.force_login(author)
    data = {"save": "1", "text": text, "edit_token": token}
    if finalise is not None:
        data = {"finalise": finalise}
    count = Remark.objects.count()
    response = client.post(report.url, data)
    assert response.status_code in (200, 302, 400, 404, 409)
    if response.status_code != 302:
        assert Remark.objects.count() == count


@pytest.mark.django_db
@fuzz
@given(finalise=KEY)
def test_fuzzed_finalising_never_fails_the_page(client, finalise):
    report = getattr(test_fuzzed_finalising_never_fails_the_page, "report", None)
    if report is None or not Member.objects.filter(pk=report.member.pk).exists():
        report = handed_in_report()
        test_fuzzed_finalising_never_fails_the_page.report = report
        test_fuzzed_finalising_never_fails_the_page.chair = panel_chair()
    client.force_login(test_fuzzed_finalising_never_fails_the_page.chair)
    response = client.post(report.url, {"finalise": finalise})
    assert response.status_code in (302, 400)
