"""Plausibility checks on what users report. Each app's rules are pure functions returning
`Finding`s; the service refuses the save on an impossible finding (an error naming the field)
and on an implausible one unless the user has confirmed ("Jeg bekræfter, at tallene er
rigtige"), which the page shows next to the warnings. Re-posting with the box ticked saves."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CONFIRM_NAME = "confirm_plausible"
CONFIRM_LABEL = _("I confirm that the figures are correct")


@dataclass(frozen=True)
class Finding:
    field: str  # the field's label as the user sees it
    message: str
    impossible: bool  # an error that blocks the save; otherwise a warning to confirm

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class Implausible(ValidationError):
    """The save was refused: impossible answers, or warnings the user has not confirmed."""

    confirm_name = CONFIRM_NAME
    confirm_label = CONFIRM_LABEL

    def __init__(self, findings: list[Finding]):
        self.findings = list(findings)
        super().__init__([str(finding) for finding in self.findings], code="implausible")

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.impossible]

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if not finding.impossible]


def enforce(findings: list[Finding], *, confirmed: bool) -> None:
    """Refuse impossible findings always, implausible ones unless confirmed."""
    if any(f.impossible for f in findings) or (findings and not confirmed):
        raise Implausible(findings)


def confirmed(request) -> bool:
    return request.POST.get(CONFIRM_NAME) == "1"
