"""Irreversible actions ask first, without JavaScript: the action's POST without
`confirmed=1` renders a page that says what will happen and posts the same fields again with
it; only that second POST acts. The access helper has run before, so nothing leaks."""

from dataclasses import dataclass

from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import kinds

CONFIRMED = "confirmed"


@dataclass(frozen=True)
class Question:
    title: str
    text: str
    button: str
    cancel_url: str
    details: tuple[tuple[str, str], ...] = ()
    danger: bool = False


def is_confirmed(request) -> bool:
    return request.POST.get(CONFIRMED) == "1"


def ask(request, question: Question):
    """The confirmation page, re-posting what the first POST carried."""
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in ("csrfmiddlewaretoken", CONFIRMED)
        for value in values
    ]
    context = {"question": question, "fields": fields, "confirmed_name": CONFIRMED}
    return render(request, "submissions/confirm.html", context)


# --- The questions of this app's irreversible actions -------------------------------------


def _back(submission) -> str:
    """Where "no" leads: the other app's page a kind is handed in on, else the submission."""
    link = kinds.hand_in_link(submission.round.kind, submission)
    return link[0] if link else submission.get_absolute_url()


def hand_in_question(submission) -> Question:
    return Question(
        title=_("Hand in %(round)s?") % {"round": submission.round.title},
        text=_(
            "Once handed in, the answers are locked: only the secretariat can reopen them. "
            "You get a receipt by e-mail."
        ),
        button=_("Yes, hand in"),
        cancel_url=_back(submission),
        details=((_("Unit"), submission.unit.name),),
    )


def accept_question(submission) -> Question:
    return Question(
        title=_("Accept the submission?"),
        text=_("The submission from %(unit)s is marked as accepted.")
        % {"unit": submission.unit.name},
        button=_("Yes, accept"),
        cancel_url=submission.get_absolute_url(),
    )


def reopen_question(submission, reason: str) -> Question:
    return Question(
        title=_("Reopen the submission?"),
        text=_("%(unit)s gets an e-mail with the reason and can change the answers again.")
        % {"unit": submission.unit.name},
        button=_("Yes, reopen"),
        cancel_url=submission.get_absolute_url(),
        details=((_("Reason for reopening"), reason),),
        danger=True,
    )


def round_question(reporting_round, action: str, deadline=None) -> Question | None:
    """The question for a round action that cannot simply be undone; None for the others."""
    texts = {
        "aaben": (
            _("Open the round?"),
            _("The units can see the round and hand in, and the scheduled reminders start."),
            _("Yes, open the round"),
            False,
        ),
        "luk": (
            _("Close the round?"),
            _("No unit can hand in any more until the round is opened again."),
            _("Yes, close the round"),
            True,
        ),
        "forlaeng": (
            _("Extend the deadline?"),
            _("A deadline cannot be moved earlier again."),
            _("Yes, extend"),
            False,
        ),
    }
    if action not in texts:
        return None
    title, text, button, danger = texts[action]
    details = [(_("Round"), reporting_round.title)]
    if deadline:
        details.append((_("New deadline"), date_format(deadline, "j. F Y")))
    url = reporting_round.get_absolute_url()
    return Question(title, text, button, url, tuple(details), danger)


def proposal_question(proposal, decision_label: str, offer=None) -> Question:
    details = [(_("Decision"), decision_label)] + ([(_("Offer"), offer.name)] if offer else [])
    return Question(
        title=_("Handle the proposal “%(name)s”?") % {"name": proposal.name},
        text=_(
            "A handled proposal cannot be handled again; a created offer stays in the register."
        ),
        button=_("Yes, carry it out"),
        cancel_url=reverse("submissions:proposals"),
        details=tuple(details),
    )
