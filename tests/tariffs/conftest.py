"""The published Socialtilsyn Nord figures (budget 2019), typed in as test data."""

import pytest

from tests.factories.tariffs import socialtilsyn_nord_2019


@pytest.fixture
def socialtilsyn(db):
    return socialtilsyn_nord_2019()
