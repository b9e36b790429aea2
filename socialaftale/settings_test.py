"""Test settings: the normal settings, made fast and deterministic.

DATABASE_URL/REDIS_URL are honoured (CI runs on PostgreSQL, and the worker test uses Redis),
but ordinary tests run Celery eagerly; the worker round-trip test switches eagerness off.
"""

from .settings import *  # noqa: F403
from .settings import DATABASES, STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AXES_ENABLED = True
CITIZEN_KEY_SECRET = "test-citizen-key"  # noqa: S105

# No connection pool in tests: pooled connections left open stop the test database from being
# dropped at the end of the run ("is being accessed by other users").
DATABASES["default"].get("OPTIONS", {}).pop("pool", None)
