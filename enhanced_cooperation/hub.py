"""The hub of the enhanced cooperation (the members list, /samarbejde/): the links to the
parts a user may use, decided by the access helpers. The secretariat gets every part; the
expert panel what it reads and remarks on; an operator its annual reports (the open round's
submission when there is one), nominating while the year's round is open and its early joint
actions; a municipality's reporter nominating and the published reports. Anonymous users and
everyone else get none. A fixed few queries whatever the data."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from submissions.models import Submission

from .access import (
    is_operator,
    is_panel,
    is_reporter,
    may_manage,
    own_round_units,
    visible_joint_actions,
)
from .services_nominations import open_nomination_round


@dataclass(frozen=True)
class HubLink:
    label: str
    url: str


def _link(label: str, name: str, *args) -> HubLink:
    return HubLink(label, reverse(f"enhanced_cooperation:{name}", args=args))


def _secretariat_links() -> list[HubLink]:
    return [
        _link(_("Open the year's round"), "year_round_open"),
        _link(_("Annual reports"), "report_list"),
        _link(_("Nominations"), "nominations"),
        _link(_("The expert panel's remarks"), "remarks"),
        _link(_("Signals of falling demand"), "flags"),
        _link(_("Early joint action"), "joint_actions"),
        _link(_("Re-assessment"), "reassessment_open"),
    ]


def _panel_links() -> list[HubLink]:
    return [
        _link(_("Annual reports"), "report_list"),
        _link(_("Nominations"), "nominations"),
        _link(_("Remarks waiting"), "remarks"),
        _link(_("Signals"), "flags"),
    ]


def _own_reports(user, open_round) -> list[HubLink]:
    """The overview of each of the user's submissions in the open round (the round engine's
    unit page makes the submission when there is none yet); else the list of reports."""
    units = list(own_round_units(user, open_round)) if open_round else []
    if not units:
        return [_link(_("Annual reports"), "report_list")]
    submissions = {
        s.unit_id: s for s in Submission.objects.filter(round=open_round, unit__in=units)
    }
    links = []
    for unit in units:
        label = _("Annual reports for %(year)s") % {"year": open_round.year - 1}
        if len(units) > 1:
            label = f"{label} ({unit.name})"
        if submission := submissions.get(unit.pk):
            links.append(_link(label, "reports", submission.pk))
        else:
            url = reverse("submissions:unit_submission", args=[open_round.pk, unit.code])
            links.append(HubLink(label, url))
    return links


def _operator_links(user, open_round) -> list[HubLink]:
    links = _own_reports(user, open_round)
    if open_round is not None:
        links.append(_link(_("Nominate an offer"), "nomination_create"))
    if visible_joint_actions(user).exists():
        links.append(_link(_("Early joint action"), "joint_actions"))
    return links


def _reporter_links(open_round) -> list[HubLink]:
    links = [_link(_("Nominate an offer"), "nomination_create")] if open_round else []
    return [*links, _link(_("Annual reports"), "report_list")]


def hub_links(user) -> list[HubLink]:
    """The links of the user's roles, in order, each page once."""
    if not getattr(user, "is_authenticated", False):
        return []
    links = []
    if may_manage(user):
        links += _secretariat_links()
    if is_panel(user):
        links += _panel_links()
    operator, reporter = is_operator(user), is_reporter(user)
    open_round = open_nomination_round() if operator or reporter else None
    if operator:
        links += _operator_links(user, open_round)
    if reporter:
        links += _reporter_links(open_round)
    unique: dict[str, HubLink] = {}
    for link in links:
        unique.setdefault(link.url, link)
    return list(unique.values())
