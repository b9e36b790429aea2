"""CITIZEN_KEY_SECRET: with DEBUG=0 the portal refuses to start without it, and `check
--deploy` reports a short or known one (issue 10, item 2). Each case runs in a fresh process:
settings are read once per process."""

import pytest

from tests.test_deploy_settings import MANAGE_PY, production_env, random_secret_key, run


def dot_env_sets_citizen_key() -> bool:
    from django.conf import settings

    dot_env = settings.BASE_DIR / ".env"
    return dot_env.exists() and "CITIZEN_KEY_SECRET" in dot_env.read_text(encoding="utf-8")


@pytest.mark.parametrize("value", [None, ""], ids=["missing", "empty"])
def test_production_refuses_to_start_without_a_citizen_key_secret(value):
    if value is None and dot_env_sets_citizen_key():
        pytest.skip("the local .env supplies CITIZEN_KEY_SECRET, so it cannot be missing here")
    env = production_env(SECRET_KEY=random_secret_key())
    env.pop("CITIZEN_KEY_SECRET")
    if value is not None:
        env["CITIZEN_KEY_SECRET"] = value

    loaded = run(["-c", "import socialaftale.settings"], env)

    assert loaded.returncode != 0
    assert "ImproperlyConfigured" in loaded.stderr
    assert "CITIZEN_KEY_SECRET skal sættes, når DEBUG=0" in loaded.stderr


@pytest.mark.parametrize(
    ("secret", "check_id"),
    [("dev-only-citizen-key", "monitoring.W001"), ("kort-nøgle-1234", "monitoring.W002")],
    ids=["default", "short"],
)
def test_check_deploy_reports_a_default_or_short_citizen_key_secret(secret, check_id):
    env = production_env(SECRET_KEY=random_secret_key(), CITIZEN_KEY_SECRET=secret)

    checked = run([str(MANAGE_PY), "check", "--deploy", "--fail-level", "WARNING"], env)

    output = checked.stdout + checked.stderr
    assert checked.returncode != 0, output
    assert check_id in output
    assert "CITIZEN_KEY_SECRET" in output


def test_development_still_starts_with_the_local_default_key():
    env = production_env(DEBUG="1")
    env.pop("CITIZEN_KEY_SECRET")
    if dot_env_sets_citizen_key():
        pytest.skip("the local .env supplies CITIZEN_KEY_SECRET")
    loaded = run(["-c", "import socialaftale.settings as s; print(s.CITIZEN_KEY_SECRET)"], env)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "dev-only-citizen-key"
