"""The main menu: an operator gets "Indberetninger" (the tariff round and the enhanced
cooperation's reports are handed in there) but not "Monitorering"; a reporter both; the
public neither."""

import pytest
from django.urls import reverse


def _menu(client, user=None):
    if user is not None:
        client.force_login(user)
    page = client.get(reverse("home")).content.decode()
    return (
        f'href="{reverse("submissions:rounds")}"' in page,
        f'href="{reverse("monitoring:index")}"' in page,
    )


@pytest.mark.django_db
def test_who_gets_submissions_and_monitoring_in_the_menu(
    client, aalborg_operator, aalborg_reporter
):
    assert _menu(client) == (False, False)
    assert _menu(client, aalborg_operator) == (True, False)
    client.logout()
    assert _menu(client, aalborg_reporter) == (True, True)
