"""Fixtures shared by the submission tests."""

import pytest

from submissions import services
from tests.factories.submissions import complete_answers, make_round


@pytest.fixture
def draft(aalborg_reporter):
    """Aalborg FB's submission in an open round, saved with complete answers (not handed in)."""
    unit = aalborg_reporter.memberships.get().unit
    reporting_round = services.round_open(reporting_round=make_round("demand_capacity", [unit]))
    submission = services.submission_for(reporting_round=reporting_round, unit=unit)
    services.submission_save_step(
        submission=submission, step="x", user=None, answers=complete_answers()
    )
    submission.refresh_from_db()
    return submission
