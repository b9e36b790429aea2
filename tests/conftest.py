"""Named personas used across the suite. Each test builds its own data with factories;
fixtures/ is demo data and never a test's input."""

import pytest
from django.utils import translation

from organisations.models import Role
from tests.factories import MembershipFactory, MunicipalityFactory, UnitFactory, UserFactory


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Every test's uploaded and generated files go to its own folder, never to media/."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def english():
    """The messages in English (LANGUAGE_CODE is "da"), for tests that assert the msgids."""
    with translation.override("en"):
        yield


@pytest.fixture
def aalborg(db):
    return MunicipalityFactory(code="851", short_name="Aalborg", name="Aalborg Kommune")


@pytest.fixture
def hjorring(db):
    return MunicipalityFactory(code="860", short_name="Hjørring", name="Hjørring Kommune")


@pytest.fixture
def secretariat(db):
    user = UserFactory(username="sekretariat", first_name="Sara")
    MembershipFactory(user=user, role=Role.SECRETARIAT)
    return user


@pytest.fixture
def aalborg_reporter(aalborg):
    unit = UnitFactory(organisation=aalborg, code="851-FB", name="Aalborg FB", is_default=False)
    user = UserFactory(username="aalborg-fb")
    MembershipFactory(user=user, role=Role.REPORTER, unit=unit)
    return user


@pytest.fixture
def hjorring_reporter(hjorring):
    unit = UnitFactory(organisation=hjorring)
    user = UserFactory(username="hjorring")
    MembershipFactory(user=user, role=Role.REPORTER, unit=unit)
    return user


@pytest.fixture
def aalborg_operator(aalborg):
    user = UserFactory(username="aalborg-drift")
    MembershipFactory(user=user, role=Role.OPERATOR, organisation=aalborg)
    return user


@pytest.fixture
def das_member(db):
    user = UserFactory(username="das-medlem")
    MembershipFactory(user=user, role=Role.BODY_MEMBER, body="DAS")
    return user


@pytest.fixture
def outsider(db):
    """Logged in, but with no role at all."""
    return UserFactory(username="udenfor")
