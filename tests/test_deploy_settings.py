"""Production settings (DEBUG=0) pass Django's deployment checklist and refuse to start
without a secret key. Each case runs in a fresh process: settings are read once per process."""

import os
import secrets
import string
import subprocess
import sys

import pytest
from django.conf import settings

MANAGE_PY = settings.BASE_DIR / "manage.py"


def production_env(**overrides: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "portal.example.dk",
        "SITE_URL": "https://portal.example.dk",
        "DJANGO_SETTINGS_MODULE": "socialaftale.settings",
        "PYTHONIOENCODING": "utf-8",
    }
    env.pop("SECRET_KEY", None)
    env["CITIZEN_KEY_SECRET"] = random_secret_key(48)
    env.update(overrides)
    return env


def random_secret_key(length: int = 60) -> str:
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return "".join(secrets.choice(alphabet) for _ in range(length))


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - fixed argument list
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_production_settings_pass_the_deployment_checklist_without_warnings():
    env = production_env(SECRET_KEY=random_secret_key())
    checked = run([str(MANAGE_PY), "check", "--deploy", "--fail-level", "WARNING"], env)

    output = checked.stdout + checked.stderr
    assert checked.returncode == 0, output
    assert "System check identified no issues" in checked.stdout, output
    assert "WARNINGS:" not in output


def dot_env_sets_secret_key() -> bool:
    dot_env = settings.BASE_DIR / ".env"
    return dot_env.exists() and "SECRET_KEY" in dot_env.read_text(encoding="utf-8")


@pytest.mark.parametrize("secret_key", [None, ""], ids=["missing", "empty"])
def test_production_settings_refuse_to_load_without_a_secret_key(secret_key):
    if secret_key is None and dot_env_sets_secret_key():
        pytest.skip("the local .env supplies SECRET_KEY, so it cannot be missing here")
    env = production_env() if secret_key is None else production_env(SECRET_KEY=secret_key)

    loaded = run(["-c", "import socialaftale.settings"], env)

    assert loaded.returncode != 0
    assert "ImproperlyConfigured" in loaded.stderr
    assert "SECRET_KEY skal sættes, når DEBUG=0" in loaded.stderr


def test_the_deployment_checklist_asks_for_site_url():
    env = production_env(SECRET_KEY=random_secret_key(), SITE_URL="")
    checked = run([str(MANAGE_PY), "check", "--deploy", "--fail-level", "WARNING"], env)
    assert checked.returncode != 0
    assert "submissions.W001" in checked.stdout + checked.stderr
