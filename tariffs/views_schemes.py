"""The secretariat defines a financing scheme (any key rule), changes its definition and
copies it to the next budget year. Writes go through tariffs.services_schemes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from organisations.access import require_secretariat
from socialaftale.lib.edits import STALE_MESSAGE, TOKEN_NAME, StaleEdit

from . import services_schemes as services
from .access import get_scheme_for_user
from .forms_schemes import SchemeForm, scheme_initial


def _refused(form, error: ValidationError) -> None:
    """The service's messages on the fields they name (the form's own, else the form's)."""
    for field, messages_ in error.message_dict.items():
        target = field if field in form.fields and field != NON_FIELD_ERRORS else None
        for message in messages_:
            form.add_error(target, message)


def _render(request, form, scheme=None, stale=False):
    context = {
        "form": form,
        "scheme": scheme,
        "is_edit": scheme is not None,
        "has_splits": bool(scheme and scheme.splits.exists()),
        "stale_message": STALE_MESSAGE if stale else None,
    }
    return render(request, "tariffs/scheme_form.html", context, status=409 if stale else 200)


@login_required
@require_http_methods(["GET", "POST"])
def scheme_new(request):
    require_secretariat(request.user)
    form = SchemeForm(request.POST or None, submit_label=_("Define the scheme"))
    if request.method == "POST" and form.is_valid():
        try:
            scheme = services.scheme_define(**form.definition(), user=request.user)
        except ValidationError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The financing scheme has been defined."))
            return redirect("tariffs:scheme", pk=scheme.pk)
    return _render(request, form)


@login_required
@require_http_methods(["GET", "POST"])
def scheme_edit(request, pk):
    scheme = get_scheme_for_user(request.user, pk)
    initial = scheme_initial(scheme, services.scheme_token(scheme))
    form = SchemeForm(request.POST or None, initial=initial, submit_label=_("Save the changes"))
    if request.method == "POST" and form.is_valid():
        try:
            services.scheme_update(
                scheme=scheme,
                user=request.user,
                expected_token=form.cleaned_data[TOKEN_NAME],
                **form.definition(),
            )
        except StaleEdit:  # what was typed is shown again, with the current token
            data = request.POST.copy()
            data[TOKEN_NAME] = services.scheme_token(scheme)
            form = SchemeForm(data, submit_label=_("Save the changes"))
            form.is_valid()
            return _render(request, form, scheme, stale=True)
        except ValidationError as error:
            _refused(form, error)
        else:
            messages.success(
                request,
                _(
                    "The definition has been changed. Existing versions of the split are "
                    "unchanged; the next budget run or “Recompute” makes a new version."
                ),
            )
            return redirect("tariffs:scheme", pk=scheme.pk)
    return _render(request, form, scheme)


@login_required
@require_http_methods(["POST"])
def scheme_copy(request, pk):
    scheme = get_scheme_for_user(request.user, pk)
    try:
        copy = services.scheme_copy_to_next_year(scheme=scheme, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("tariffs:scheme", pk=scheme.pk)
    messages.success(request, _("The scheme has been copied to %(year)s.") % {"year": copy.year})
    return redirect("tariffs:scheme", pk=copy.pk)
