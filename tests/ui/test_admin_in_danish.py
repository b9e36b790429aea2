"""/admin/ carries the portal's name in Danish, not "Django administration" (issue 11 #17)."""

import pytest

from organisations.models import Role
from tests.factories import MembershipFactory, UserFactory


@pytest.mark.django_db
def test_the_admin_says_socialaftale_administration(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    MembershipFactory(user=user, role=Role.SECRETARIAT)
    client.force_login(user)
    for url in ("/admin/", "/admin/auth/user/"):
        page = client.get(url).content.decode()
        assert "Django" not in page
        assert "<title>" in page and "Socialaftale – administration</title>" in page
        assert '<a href="/admin/">Socialaftale – administration</a>' in page
    assert "<h1>Administration</h1>" in client.get("/admin/").content.decode()
