"""One settings file, driven by environment variables with safe local defaults.

No DATABASE_URL -> SQLite file; no REDIS_URL -> Celery runs tasks eagerly in-process.
With DEBUG=0 the production security settings are switched on.
"""

import warnings
from pathlib import Path

import environ
import xstatic.pkg.bootstrap
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # optional local overrides; absent in CI

DEBUG = env.bool("DEBUG", default=True)
_DEV_SECRET = "dev-only-insecure-secret-key-change-me"  # noqa: S105 (local default only)
SECRET_KEY = env.str("SECRET_KEY", default=_DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise environ.ImproperlyConfigured("SECRET_KEY skal sættes, når DEBUG=0")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Key for the HMAC that replaces CPR numbers in citizen lists (SPEC §4.1). Changing it breaks
# the link between years, so production must set it once and keep it. With a known key every
# pseudonym can be reversed by hashing all valid CPR numbers: no default when DEBUG=0, and
# `check --deploy` reports a short or default one (monitoring/checks.py).
DEV_CITIZEN_KEY_SECRET = "dev-only-citizen-key"  # noqa: S105 (local default only)
CITIZEN_KEY_SECRET = env.str("CITIZEN_KEY_SECRET", default=DEV_CITIZEN_KEY_SECRET if DEBUG else "")
if not CITIZEN_KEY_SECRET:
    raise environ.ImproperlyConfigured("CITIZEN_KEY_SECRET skal sættes, når DEBUG=0")

# Upload limits per importer (socialaftale/lib/imports.py: Limits), checked while reading.
# Citizen lists are big (a municipality's year: up to a million rows); the rest is small.
# "seconds" bounds the web request (gunicorn stops a worker at 30 s); the management commands
# get IMPORT_COMMAND_SECONDS instead.
IMPORT_LIMITS = {
    "default": {"max_bytes": 5 * 1024 * 1024, "max_rows": 20_000, "seconds": 20},
    "citizen_list": {
        "max_bytes": env.int("CITIZEN_LIST_MAX_BYTES", default=200 * 1024 * 1024),
        "max_rows": env.int("CITIZEN_LIST_MAX_ROWS", default=1_000_000),
        "max_columns": 50,
        "max_cell": 1_000,
        "max_unzipped": 1024 * 1024 * 1024,
        "seconds": env.float("CITIZEN_LIST_SECONDS", default=25),
    },
}
IMPORT_COMMAND_SECONDS = env.float("IMPORT_COMMAND_SECONDS", default=1800)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_tables2",
    "django_htmx",
    "simple_history",
    "django_celery_results",
    "django_celery_beat",
    "axes",
    "csp",
    "audit",  # the one audit log: just above socialaftale/lib, every app writes to it
    "organisations",
    "documents",
    "offers",
    "tariffs",
    "notices",  # change notices and development plans (SPEC §1, §2)
    "monitoring",
    "submissions",
    "enhanced_cooperation",
    "meetings",
    "people",  # the secretariat's administration of users and roles
    "annual_cycle",  # the year's fixed events (årshjul)
    "portal",  # the start page: it gathers several apps' data
    "demo",  # the demo data, above every app: no app imports it
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "socialaftale.urls"
WSGI_APPLICATION = "socialaftale.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "organisations.context_processors.menu",
            ],
            "builtins": ["socialaftale.lib.templatetags"],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A new connection per request costs 5-10 ms on these machines; psycopg 3's pool avoids it.
    # A restarted server leaves the pool's connections dead: `check` tests each one before it
    # is handed out (a 500 otherwise; Django 5.2 passes ConnectionPool.check_connection as
    # the pool's `check` when CONN_HEALTH_CHECKS is on), and a server that is down makes a
    # request wait a few seconds at most (connect_timeout per attempt, `timeout` for the pool),
    # then a 503 page.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=env.int("DATABASE_CONNECT_TIMEOUT", default=3),
        pool={
            "timeout": env.float("DATABASE_POOL_TIMEOUT", default=5.0),
            "min_size": 2,
            "max_size": env.int("DATABASE_POOL_SIZE", default=4),
        },
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

AXES_VERBOSE = False  # no start-up banner on every manage.py command
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk")]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("bootstrap", xstatic.pkg.bootstrap.BASE_DIR),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if DEBUG:
    # Locally static files come from the finders; staticfiles/ exists only after collectstatic.
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5.html"

# PDFs a user may order from the pages in one minute (counted from their documents' rows).
DOCUMENT_ORDERS_PER_MINUTE = env.int("DOCUMENT_ORDERS_PER_MINUTE", default=10)

# E-mail: console locally, SMTP when EMAIL_URL is set (e.g. smtp+tls://user:pw@host:587).
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# A mail server that does not answer must not hold a request (the default is no timeout);
# a mail it refuses waits in the outbox (submissions.MailLog) and is sent again by the sweep.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
MAIL_MAX_ATTEMPTS = 5
# Links in e-mails (reminders, receipts, agendas) point here; empty: at the address of the
# request behind the mail (socialaftale/lib/site.py). Scheduled reminders have none: set it.
SITE_URL = env.str("SITE_URL", default="")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="sekretariat@socialaftale.local")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: Redis broker when REDIS_URL is set, otherwise tasks run eagerly in-process.
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"  # a host name keeps kombu quiet
CELERY_RESULT_BACKEND = "django-db"
CELERY_RESULT_EXTENDED = True
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A hard limit for every task; tasks set their own (smaller) limits where they clean up. The
# longest task is a document render (a pack: < 1 min, limit 5 min); the analysis takes < 1 s
# on 873k rows (limit 2 min).
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A pool child killed mid-task (OOM, kill -9) puts its message back instead of acking it; the
# task's claim makes the redelivery a no-op and the sweep re-runs the job (lib/jobs.py).
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Redis gives an unacknowledged message (its worker died) to another worker after this;
    # it must exceed the longest task, or a running task is delivered twice.
    "visibility_timeout": 2 * CELERY_TASK_TIME_LIMIT,
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
# Redis down: a request that queues a job must not hang. Connect for 2 s, retry the publish
# twice, then give up: the job stays queued, shown as "waiting for the queue", and the sweep
# sends it when the broker is back.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# Jobs (lib/jobs.py): a running job renews its heartbeat every JOB_HEARTBEAT_SECONDS; the
# sweep re-queues a job whose heartbeat is older than JOB_STALE_SECONDS (its worker died),
# and fails it after JOB_MAX_ATTEMPTS; it re-sends queued jobs older than the grace period.
JOB_HEARTBEAT_SECONDS = env.int("JOB_HEARTBEAT_SECONDS", default=10)
JOB_STALE_SECONDS = env.int("JOB_STALE_SECONDS", default=60)
JOB_QUEUE_GRACE_SECONDS = env.int("JOB_QUEUE_GRACE_SECONDS", default=60)
JOB_MAX_ATTEMPTS = env.int("JOB_MAX_ATTEMPTS", default=3)
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Static entries are copied into django-celery-beat's tables, where they can be changed in admin.
CELERY_BEAT_SCHEDULE = {
    "send-due-reminders": {
        "task": "submissions.tasks.send_due_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "sweep-jobs": {
        "task": "socialaftale.tasks.sweep_jobs",
        "schedule": 60.0,
        # A sweep that waited for a busy worker is pointless once the next one is due.
        "options": {"expires": 55},
    },
}

# Content Security Policy: everything is served from this site (no CDN).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
    }
}
# Browser features the portal never uses, switched off (socialaftale.middleware).
_UNUSED_FEATURES = "accelerometer camera geolocation gyroscope magnetometer microphone payment usb"
PERMISSIONS_POLICY = dict.fromkeys([*_UNUSED_FEATURES.split(), "browsing-topics"], ())
# Sessions end after SESSION_IDLE_MINUTES without a request and SESSION_ABSOLUTE_HOURS after
# login (socialaftale.middleware.SessionLifetimeMiddleware); the cookie lives no longer.
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=60)
SESSION_ABSOLUTE_HOURS = env.int("SESSION_ABSOLUTE_HOURS", default=12)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_HOURS * 3600
MIDDLEWARE += [
    "socialaftale.middleware.PermissionsPolicyMiddleware",
    "socialaftale.middleware.SessionLifetimeMiddleware",
    "socialaftale.lib.site.SiteURLMiddleware",
]

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint logs every page it lays out at INFO; keep worker logs readable.
    "loggers": {"weasyprint": {"level": "WARNING"}, "weasyprint.progress": {"level": "WARNING"}},
}
