import datetime as dt
import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords


class Body(models.Model):
    """DAS, KKR, KDK, FU Social, FU Beskæftigelse, Ekspertpanelet, Koordinationsforum."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=30)

    class Meta:
        ordering = ["code"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self):
        return self.short_name


class BodyRole(models.TextChoices):
    CHAIR = "formand", pgettext_lazy("body role", "Chair")
    VICE_CHAIR = "naestformand", pgettext_lazy("body role", "Vice-chair")
    MEMBER = "medlem", pgettext_lazy("body role", "Member")
    DEPUTY = "suppleant", pgettext_lazy("body role", "Deputy")
    REFERENT = "ref", pgettext_lazy("body role", "Ref.")


def body_role_of(text: str) -> str:
    """The role a free-text role of the old register names ("Formand", "ref." …)."""
    value = (text or "").strip().casefold().rstrip(".")
    if value.startswith("næstformand") or value.startswith("naestformand"):
        return BodyRole.VICE_CHAIR
    if value.startswith("formand"):
        return BodyRole.CHAIR
    if value.startswith("suppleant"):
        return BodyRole.DEPUTY
    if value.startswith("ref"):
        return BodyRole.REFERENT
    return BodyRole.MEMBER


class BodyMemberQuerySet(models.QuerySet):
    def current(self, on: dt.date | None = None):
        """The members on a day (today by default): started (or no start) and not ended."""
        from django.utils import timezone

        on = on or timezone.localdate()
        return self.filter(Q(starts_on__isnull=True) | Q(starts_on__lte=on)).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=on)
        )


class BodyMember(models.Model):
    """A seat in a body for a period, with its role. Meetings and mails use the members
    current on the day; a member with a user in DAS, KKR or the expert panel also has the
    access role for it (meetings.services_members keeps the two in step)."""

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    email = models.EmailField(
        _("e-mail address"),
        blank=True,
        help_text=_("For a member without a user in the portal; a user's own address wins."),
    )
    role = models.CharField(
        _("role"), max_length=100, choices=BodyRole.choices, default=BodyRole.MEMBER
    )
    starts_on = models.DateField(_("member from"), null=True, blank=True)
    ends_on = models.DateField(_("member until"), null=True, blank=True)

    objects = BodyMemberQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="body_member_period_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    @property
    def address(self) -> str:
        """Where the body's e-mails go: the user's address, else the member's own."""
        return (self.user.email if self.user else "") or self.email


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    AGENDA_PUBLISHED = "agenda_published", _("Agenda published")
    HELD = "held", _("Held")
    MINUTES_APPROVED = "minutes_approved", _("Minutes approved")
    CANCELLED = "cancelled", _("Cancelled")


class Meeting(models.Model):
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings"
    )
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"))
    venue = models.CharField(_("venue"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    reference = models.SlugField(_("reference"), max_length=40, unique=True, editable=False)
    information_sent_at = models.DateTimeField(
        _("information e-mail sent"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the items of the cancelled meeting went out as an information e-mail."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_it_starts"
            ),
            models.UniqueConstraint(fields=["body", "date"], name="one_meeting_per_body_day"),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        # Invariant: the readable reference follows the body and date ("DAS-2019-05-21").
        self.reference = meeting_reference(self.body.short_name, self.date)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:meeting", args=[self.reference])


DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def meeting_reference(body_short_name: str, date: dt.date) -> str:
    """("DAS", 21 May 2019) -> "DAS-2019-05-21"; ("FU Beskæftigelse", …) ->
    "FU-Beskaeftigelse-…": letters, digits and hyphens only, so it can be an address."""
    name = re.sub(r"[^A-Za-z0-9]+", "-", body_short_name.translate(DANISH_LETTERS)).strip("-")
    return f"{name}-{date:%Y-%m-%d}"


class AttendanceKind(models.TextChoices):
    PRESENT = "present", _("Present")
    APOLOGIES = "apologies", _("Apologies")
    GUEST = "guest", _("Guest")


class Attendance(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendance"
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    role = models.CharField(
        _("role"),
        max_length=100,
        blank=True,
        help_text=_("e.g. formand; “ref.” for a minute-taker"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=AttendanceKind.choices)
    item = models.ForeignKey(
        "AgendaItem",
        verbose_name=_("for item (guests)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guests",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["meeting", "kind", "position"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="guest") | Q(item__isnull=True), name="only_guests_attend_one_item"
            ),
        ]

    def __str__(self):
        role = f", {self.role}" if self.role else ""
        return f"{self.name} ({self.organisation}{role})"


class Section(models.TextChoices):
    WELCOME = "welcome", _("Welcome")
    DECISION = "decision", _("Items for decision")
    INFORMATION = "information", _("Items for information")
    CLOSING = "closing", _("Closing")
    MUNICIPAL = "municipal", _("Municipal items")


SECTION_ORDER = [choice.value for choice in Section]


class BodyHeading(models.TextChoices):
    PRESENTATION = "presentation", _("Case presentation")
    DISCUSSION = "discussion", _("Discussion")
    MONITORING = "monitoring", _("Monitoring")
    INFORMATION = "information", _("Information")


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="items"
    )
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    position = models.PositiveSmallIntegerField(_("position within the section"), default=0)
    title = models.CharField(_("title"), max_length=300)
    guest_line = models.CharField(_("guest line"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    background = models.TextField(_("background"), blank=True)
    body_heading = models.CharField(
        _("body heading"),
        max_length=20,
        choices=BodyHeading.choices,
        default=BodyHeading.PRESENTATION,
    )
    body = models.TextField(pgettext_lazy("agenda item", "body"), blank=True)
    recommendations = models.JSONField(
        _("recommendation"),
        default=list,
        blank=True,
        help_text=_("Bullets after “Det indstilles, at”: [verb, text] pairs."),
    )
    decision = models.TextField(_("decision (minutes)"), blank=True)
    editorial_note = models.TextField(_("editorial note (Red.)"), blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    forwarded_from = models.ForeignKey(
        "self",
        verbose_name=_("forwarded from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forwarded_to",
        help_text=_("The item at an earlier meeting (e.g. DAS) this item continues."),
    )
    edit_version = models.PositiveIntegerField(_("edit version"), default=1)
    changed_after_publication = models.BooleanField(
        _("changed after the agenda was sent out"), default=False, editable=False
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title


class Attachment(models.Model):
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file (PDF)"), upload_to="meetings/attachments/%Y/", blank=True)
    document = models.ForeignKey(
        "documents.GeneratedDocument",
        verbose_name=_("generated document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("A document generated by the portal (e.g. the expenditure analysis)."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["item", "position", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | Q(document__isnull=False),
                name="attachment_is_a_file_or_a_generated_document",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_generated(self) -> bool:
        return self.document_id is not None

    @property
    def pdf_file(self):
        """The stored PDF: the uploaded file, or the generated document's once it is done
        (None while it is still being rendered)."""
        if self.file:
            return self.file
        if self.document is not None and self.document.status == "done" and self.document.file:
            return self.document.file
        return None


class MailingKind(models.TextChoices):
    PUBLISH = "publish", _("Notice of the agenda")
    APPROVE = "approve", _("Notice of the minutes")
    INFORMATION = "information", _("Information e-mail")
    CHANGE = "change", _("Notice of a changed agenda")


class Mailing(models.Model):
    """One e-mail to a body's members (the agenda or minutes notice, the information e-mail),
    stored before it is sent: the outbox of the meeting e-mails and the record of who it
    reached. `deliveries` holds one entry per member, {"name", "email", "state", "reason"},
    state as in socialaftale.lib.delivery (sent, pending, failed, no_address)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="mailings"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MailingKind.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deliveries = models.JSONField(_("deliveries"), default=list)
    pending = models.BooleanField(_("waiting to be sent"), default=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("e-mail to the members")
        verbose_name_plural = _("e-mails to the members")

    def __str__(self):
        return f"{self.meeting.reference}: {self.get_kind_display()}"


class MeetingEventKind(models.TextChoices):
    AGENDA_CHANGED = "agenda_changed", _("Changed after the agenda was sent out")
    MINUTES_REOPENED = "minutes_reopened", _("Minutes reopened")


class MeetingEvent(models.Model):
    """The meeting's log of what happened after its agenda went out: each change (what, by
    whom, when) and each reopening of approved minutes with its reason."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingEventKind.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.CharField(_("what"), max_length=500)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("meeting log entry")
        verbose_name_plural = _("meeting log")

    def __str__(self):
        return f"{self.meeting}: {self.description}"
