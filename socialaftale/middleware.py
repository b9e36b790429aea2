"""Two small security middlewares: the Permissions-Policy header, and idle and absolute
session lifetimes (issue 10, item 14)."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

LOGIN_AT = "_session_login_at"
SEEN_AT = "_session_seen_at"
# Activity is written back at most once a minute, not on every request (a session save each).
SEEN_RESOLUTION = 60
EXPIRED_MESSAGE = gettext_noop(
    "You have been logged out because the session expired. Please log in again."
)


def permissions_policy_value(policy: dict[str, tuple[str, ...]]) -> str:
    """{"camera": ()} -> "camera=()"; {"fullscreen": ("self",)} -> "fullscreen=(self)"."""
    return ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in policy.items())


class PermissionsPolicyMiddleware:
    """The portal uses no camera, microphone, location, payment or USB: say so to the browser,
    so neither the portal nor anything injected into it can ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = permissions_policy_value(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.value)
        return response


def session_expired(session, now: float) -> bool:
    """True when the session has been idle too long or is older than the absolute lifetime."""
    login_at, seen_at = session.get(LOGIN_AT), session.get(SEEN_AT)
    if login_at is None or seen_at is None:
        return False
    idle = now - seen_at > settings.SESSION_IDLE_MINUTES * 60
    return idle or now - login_at > settings.SESSION_ABSOLUTE_HOURS * 3600


class SessionLifetimeMiddleware:
    """Logs a user out after SESSION_IDLE_MINUTES without a request, and SESSION_ABSOLUTE_HOURS
    after the first request of the login, whatever the activity. Every logged-in user holds a
    role that sees data the public does not (or none, and then loses nothing by logging in
    again), so one rule applies to all. The request that finds the session expired is not
    carried out: the user is sent to the login page with the reason."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            if session_expired(request.session, now):
                logout(request)
                messages.info(request, _(EXPIRED_MESSAGE))
                return redirect_to_login(request.get_full_path())
            request.session.setdefault(LOGIN_AT, now)
            if now - request.session.get(SEEN_AT, 0) >= SEEN_RESOLUTION:
                request.session[SEEN_AT] = now
        return self.get_response(request)
