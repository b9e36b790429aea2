"""The year's usage imported in the browser (issue 13): the same service as
`python manage.py import_usage FILE --year YYYY`; coverage follows at once."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from organisations.access import require_secretariat
from socialaftale.lib.imports import ImportRejected

from .forms import UsageImportForm
from .selectors import default_year
from .usage_import import usage_import


@login_required
def usage_import_page(request):
    require_secretariat(request.user)
    form = UsageImportForm(
        request.POST or None, request.FILES or None, initial={"year": default_year()}
    )
    errors = []
    if request.method == "POST" and form.is_valid():
        year = form.cleaned_data["year"]
        try:
            result = usage_import(form.cleaned_data["file"], year, request.user)
        except ImportRejected as rejected:
            errors = rejected.report
        else:
            messages.success(
                request,
                _("Usage for %(year)s: %(added)s added, %(changed)s changed, %(removed)s removed.")
                % {"year": year, **vars(result)},
            )
            return redirect(reverse("offers:catalogue") + f"?aar={year}")
    return render(request, "offers/usage_import.html", {"form": form, "errors": errors})
