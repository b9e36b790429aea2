"""A change notice as a generated DAS agenda item (SPEC §1 and §7): the item's text names the
offer, the kind of change, its dates and whether notice came after the decision; the attached
PDF is the notice itself (documents registry kind "notices.notice")."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents import agenda_sources, registry
from socialaftale.lib.pdf import PdfTable, render_tables_pdf

from .access import may_see_offer_notices
from .models import ChangeNotice

KIND = "notices.notice"


def _date(value) -> str:
    return formats.date_format(value, "j. F Y") if value else "–"


def _notice(value) -> ChangeNotice:
    return ChangeNotice.objects.select_related("offer", "party").get(pk=int(value))


def notice_title(notice: ChangeNotice) -> str:
    return _("Change notice: %(offer)s – %(kind)s") % {
        "offer": notice.offer.name,
        "kind": notice.get_kind_display(),
    }


def notice_summary(notice: ChangeNotice) -> str:
    text = _(
        "%(party)s has given notice of a major change to %(offer)s: %(kind)s. The decision "
        "was taken on %(decided)s and notice was given on %(noticed)s."
    ) % {
        "party": notice.party.name,
        "offer": notice.offer.name,
        "kind": notice.get_kind_display().lower(),
        "decided": _date(notice.decided_on),
        "noticed": _date(notice.noticed_on),
    }
    if notice.takes_effect_on:
        text += " " + _("The change takes effect on %(date)s.") % {
            "date": _date(notice.takes_effect_on)
        }
    if notice.places_after is not None:
        text += " " + _("Places: %(before)s → %(after)s.") % {
            "before": notice.places_before if notice.places_before is not None else "–",
            "after": notice.places_after,
        }
    if notice.is_breach:
        text += " " + _("Notice was given after the decision – a breach of the agreement.")
    return f"{text}\n\n{notice.description}"


def _choices() -> list[tuple[str, str]]:
    notices = ChangeNotice.objects.select_related("offer").order_by("-noticed_on", "-pk")[:200]
    return [(str(n.pk), notice_title(n)) for n in notices]


def _item(value: str) -> agenda_sources.GeneratedItem:
    notice = _notice(value)
    title = notice_title(notice)
    return agenda_sources.GeneratedItem(
        kind=KIND,
        params={"notice": notice.pk},
        section="information",
        title=title,
        attachment_title=title,
        body_heading="information",
        summary=notice_summary(notice),
        recommendations=[["tager til efterretning", _("the change notice")]],
    )


def render_notice(params, progress) -> bytes:
    notice = _notice(params["notice"])
    progress(30, _("Typesetting the PDF"))
    rows = [
        [_("Offer"), notice.offer.name],
        [_("Party"), notice.party.name],
        [_("Kind of change"), notice.get_kind_display()],
        [_("Decision date"), _date(notice.decided_on)],
        [_("Notice date"), _date(notice.noticed_on)],
        [_("Takes effect on"), _date(notice.takes_effect_on)],
        [_("Given after the decision"), _("Yes") if notice.is_breach else _("No")],
        [_("Description of the change"), notice.description],
    ]
    table = PdfTable(caption=notice_title(notice), headers=["", ""], rows=rows)
    return render_tables_pdf(
        notice_title(notice), _("Nordjysk Socialaftale – the secretariat"), [table]
    )


def _may_view(user, params) -> bool:
    notice = ChangeNotice.objects.select_related("offer").filter(pk=params.get("notice")).first()
    return notice is not None and may_see_offer_notices(user, notice.offer)


def register() -> None:
    registry.register(
        KIND,
        params=registry.schema(notice=forms.ModelChoiceField(ChangeNotice.objects.all())),
        title=lambda p: notice_title(_notice(p["notice"])),
        render=render_notice,
        can_view=_may_view,
    )
    agenda_sources.register(
        "notice",
        label=gettext_lazy("Change notice"),
        choices=_choices,
        build=_item,
        position=40,
    )
