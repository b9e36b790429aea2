"""What a send achieved, for the user who pressed the button and for the pages that show it
later: who was reached, who is waiting in the outbox, and who was not reached and why.

The send functions store these facts with the mail (the outbox rows), and the report is read
back from what they stored, so a send that ran in a Celery task reports the same as one that
ran in the request."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# The state of one recipient in an outbox that stores one entry per recipient.
SENT, PENDING, FAILED, NO_ADDRESS = "sent", "pending", "failed", "no_address"


@dataclass(frozen=True)
class NotReached:
    name: str
    reason: str

    def as_dict(self) -> dict:
        return {"name": self.name, "reason": self.reason}


@dataclass
class DeliveryReport:
    """Names of the recipients, by outcome. `waiting` are in the outbox: not sent yet (queued
    for a worker, or refused by the mail server and to be sent again)."""

    reached: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
    not_reached: list[NotReached] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.reached) + len(self.waiting) + len(self.not_reached)

    @property
    def complete(self) -> bool:
        return not self.waiting and not self.not_reached

    def __add__(self, other: "DeliveryReport") -> "DeliveryReport":
        return DeliveryReport(
            self.reached + other.reached,
            self.waiting + other.waiting,
            self.not_reached + other.not_reached,
        )

    def sentence(self, what: str) -> str:
        """ "Påmindelsen er sendt til 1 af 4 modtagere. Afventer afsendelse: …. Ikke sendt:
        Anne Hansen (ingen e-mailadresse), …" – `what` names the mail ("Påmindelsen")."""
        parts = [
            ngettext(
                "%(what)s has been sent to %(reached)d of %(total)d recipient.",
                "%(what)s has been sent to %(reached)d of %(total)d recipients.",
                self.total,
            )
            % {"what": what, "reached": len(self.reached), "total": self.total}
        ]
        if self.waiting:
            parts.append(_("Waiting to be sent: %(names)s.") % {"names": ", ".join(self.waiting)})
        if self.not_reached:
            names = ", ".join(f"{n.name} ({n.reason})" for n in self.not_reached)
            parts.append(_("Not sent: %(names)s") % {"names": names})
        return " ".join(parts)


def report_from_deliveries(deliveries: list[dict]) -> DeliveryReport:
    """The report of an outbox that stores [{"name", "state", "reason"}, …], one per recipient."""
    result = DeliveryReport()
    for entry in deliveries:
        if entry["state"] == SENT:
            result.reached.append(entry["name"])
        elif entry["state"] == PENDING:
            result.waiting.append(entry["name"])
        else:
            reason = entry.get("reason") or _("the mail server refused it")
            result.not_reached.append(NotReached(entry["name"], reason))
    return result


def report_to(request, report: DeliveryReport, what: str, *, before: str = "") -> None:
    """Flash the report: a warning when someone was not reached (yet), else a success."""
    text = f"{before} {report.sentence(what)}".strip()
    if report.complete:
        messages.success(request, text)
    else:
        messages.warning(request, text)
