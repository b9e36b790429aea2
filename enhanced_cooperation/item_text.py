"""The text of the DAS item "Det forstærkede samarbejde – årsrapporter <år> og tilbud
fremadrettet" (SPEC §6, §7) from plain data: per member a résumé of its annual report, the
expert panel's final remarks, the signals of falling demand and a coming exit; then the
nominations received in the round; then the recommendation. No ORM here (item_data.py reads).

The summary is plain text: paragraphs separated by a blank line, lines within a paragraph by
one line break (the agenda PDF renders it with |linebreaks)."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.utils.translation import pgettext_lazy as _p

from socialaftale.lib.danish import format_decimal

from .reports import occupancy

CTX = "enhanced cooperation item"
RESUME_LENGTH = 300  # characters of the development text in the résumé; the rest is attached
APPROVE, DISCUSS, DECIDE_ON, NOTE = (
    "godkender",
    "drøfter",
    "tager stilling til",
    "tager til efterretning",
)
DEMAND_WORDS = {
    "rising": _p(CTX, "rising"),
    "stable": _p(CTX, "stable"),
    "falling": _p(CTX, "falling"),
}
NUMBER_WORDS = {
    2: _p(CTX, "two"),
    3: _p(CTX, "three"),
    4: _p(CTX, "four"),
    5: _p(CTX, "five"),
    6: _p(CTX, "six"),
    7: _p(CTX, "seven"),
    8: _p(CTX, "eight"),
    9: _p(CTX, "nine"),
    10: _p(CTX, "ten"),
    11: _p(CTX, "eleven"),
    12: _p(CTX, "twelve"),
}
UNDECIDED = ("submitted", "assessed")  # nomination statuses DAS still has to decide on


@dataclass(frozen=True)
class MemberText:
    name: str
    report: dict | None  # the handed-in annual report (reports.report_of); None: not handed in
    remarks: list[str] = field(default_factory=list)  # the panel's final remarks
    flags: list[str] = field(default_factory=list)  # signals of falling demand, as text
    leaves_on: dt.date | None = None  # the decided end of the membership
    exit_noticed_on: dt.date | None = None  # notice of leaving given, not decided yet

    @property
    def continues(self) -> bool:
        return self.leaves_on is None and self.exit_noticed_on is None


@dataclass(frozen=True)
class NominationText:
    offer: str
    nominated_by: str
    status: str  # NominationStatus value
    criteria_met: int | None = None  # criteria the panel found met; None: not assessed
    criteria_total: int = 4
    decision: str = ""


def date_text(value: dt.date) -> str:
    return formats.date_format(value, "j. F Y")


def joined(names: list[str]) -> str:
    """ "A", "A og B", "A, B og C"."""
    if len(names) < 2:
        return "".join(names)
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def count_text(count: int) -> str:
    return str(NUMBER_WORDS.get(count, count))


def item_title(reporting_year: int) -> str:
    return pgettext(
        CTX, "The enhanced cooperation – annual reports %(year)s and offers going forward"
    ) % {"year": reporting_year}


def round_label(year: int) -> str:
    """The round as the list of sources names it (its stored title may be in another
    language: it was made with the language of whoever opened it)."""
    return pgettext(CTX, "The enhanced cooperation %(year)s: annual reports and nominations") % {
        "year": year
    }


def attachment_title(reporting_year: int) -> str:
    return pgettext(CTX, "Annual reports and the expert panel's remarks %(year)s") % {
        "year": reporting_year
    }


def shortened(text: str, length: int = RESUME_LENGTH) -> str:
    """The text on one line, cut at a word before `length` characters with "…"."""
    flat = " ".join(str(text or "").split())
    if len(flat) <= length:
        return flat
    return flat[:length].rsplit(" ", 1)[0].rstrip(",.;:") + " …"


def sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def occupancy_text(value: Decimal) -> str:
    decimals = 0 if value == value.to_integral_value() else 1
    return f"{format_decimal(value, decimals)} %"


def report_resume(report: dict | None) -> str:
    """ "Resumé af årsrapport: <development>. Belægning: 98 %. Efterspørgsel: faldende – …"."""
    if report is None:
        return pgettext(
            CTX, "Summary of the annual report: the annual report has not been handed in."
        )
    parts = [sentence(shortened(report.get("development")))]
    value = occupancy(report)
    if value is not None:
        parts.append(pgettext(CTX, "Occupancy: %(pct)s.") % {"pct": occupancy_text(value)})
    demand = DEMAND_WORDS.get(report.get("demand"))
    if demand is not None:
        explained = shortened(report.get("demand_text"), 200)
        demand_text = f"{demand} – {explained}" if explained else str(demand)
        parts.append(pgettext(CTX, "Demand: %(demand)s") % {"demand": sentence(demand_text)})
    return pgettext(CTX, "Summary of the annual report: %(resume)s") % {
        "resume": " ".join(p for p in parts if p)
    }


def remarks_text(remarks: list[str]) -> str:
    if not remarks:
        return pgettext(CTX, "Remarks: the expert panel has no remarks.")
    return pgettext(CTX, "Remarks: %(remarks)s") % {
        "remarks": " ".join(sentence(shortened(text, 600)) for text in remarks)
    }


def exit_text(member: MemberText) -> str:
    if member.leaves_on is not None:
        return pgettext(CTX, "Leaves the enhanced cooperation on %(date)s.") % {
            "date": date_text(member.leaves_on)
        }
    if member.exit_noticed_on is not None:
        return pgettext(
            CTX, "Notice of leaving the enhanced cooperation was given on %(date)s."
        ) % {"date": date_text(member.exit_noticed_on)}
    return ""


def member_paragraph(member: MemberText) -> str:
    """A member leaving without a report (it is not asked for one) starts with its exit."""
    if member.report is None and not member.continues:
        lines = [f"{member.name}: {exit_text(member)}"]
    else:
        lines = [f"{member.name}: {report_resume(member.report)}", exit_text(member)]
    lines.append(remarks_text(member.remarks))
    if member.flags:
        lines.append(
            pgettext(CTX, "Signals of falling demand: %(flags)s")
            % {"flags": " ".join(sentence(flag) for flag in member.flags)}
        )
    return "\n".join(line for line in lines if line)


NO_NOMINATIONS = _p(CTX, "No nominations of new offers have been received.")


def nomination_line(nomination: NominationText) -> str:
    status = {
        "submitted": pgettext(CTX, "not yet assessed by the expert panel"),
        "assessed": pgettext(CTX, "assessed by the expert panel"),
        "admitted": pgettext(CTX, "admitted"),
        "rejected": pgettext(CTX, "not admitted"),
    }.get(nomination.status, nomination.status)
    text = pgettext(CTX, "%(offer)s (nominated by %(by)s): %(status)s") % {
        "offer": nomination.offer,
        "by": nomination.nominated_by,
        "status": status,
    }
    if nomination.criteria_met is not None:
        text += ", " + pgettext(CTX, "%(met)s of %(total)s criteria met") % {
            "met": nomination.criteria_met,
            "total": nomination.criteria_total,
        }
    return sentence(text) + (f" {sentence(nomination.decision)}" if nomination.decision else "")


def nominations_paragraph(nominations: list[NominationText]) -> str:
    if not nominations:
        return str(NO_NOMINATIONS)
    lines = [nomination_line(n) for n in nominations]
    return pgettext(CTX, "Nominated offers:") + "\n" + "\n".join(lines)


def item_summary(
    reporting_year: int, members: list[MemberText], nominations: list[NominationText]
) -> str:
    intro = pgettext(
        CTX,
        "The members of the enhanced cooperation have handed in their annual reports for "
        "%(year)s, and the expert panel has given its remarks. Below is a summary per offer; "
        "the annual reports and the remarks are attached in full.",
    ) % {"year": reporting_year}
    paragraphs = [intro, *(member_paragraph(m) for m in members)]
    paragraphs.append(nominations_paragraph(nominations))
    return "\n\n".join(paragraphs)


def continuing_recommendation(members: list[MemberText], next_year: int) -> list[str] | None:
    names = [m.name for m in members if m.continues]
    if not names:
        return None
    if len(names) == 1:
        text = pgettext(CTX, "that %(name)s continues in the enhanced cooperation %(year)s") % {
            "name": names[0],
            "year": next_year,
        }
    else:
        text = pgettext(
            CTX, "that the %(count)s offers continue in the enhanced cooperation %(year)s"
        ) % {
            "count": count_text(len(names)),
            "year": next_year,
        }
    return [APPROVE, text]


def exit_recommendations(members: list[MemberText]) -> list[list[str]]:
    rows = []
    for member in members:
        if member.leaves_on is not None:
            text = pgettext(CTX, "the exit of %(name)s on %(date)s") % {
                "name": member.name,
                "date": date_text(member.leaves_on),
            }
            rows.append([NOTE, text])
        elif member.exit_noticed_on is not None:
            text = pgettext(CTX, "the exit of %(name)s, given notice of on %(date)s") % {
                "name": member.name,
                "date": date_text(member.exit_noticed_on),
            }
            rows.append([DECIDE_ON, text])
    return rows


def item_recommendations(
    members: list[MemberText], nominations: list[NominationText], next_year: int | None
) -> list[list[str]]:
    """[verb, text] pairs after "Det indstilles, at" (the meetings' recommendation verbs).
    `next_year` is None when the period ends with the round's year (the members are then
    re-assessed for the next period, not continued here)."""
    rows = []
    if next_year is not None and (continuing := continuing_recommendation(members, next_year)):
        rows.append(continuing)
    rows += exit_recommendations(members)
    flagged = [m.name for m in members if m.flags]
    if flagged:
        rows.append(
            [
                DISCUSS,
                pgettext(CTX, "the signals of falling demand for %(names)s")
                % {"names": joined(flagged)},
            ]
        )
    for nomination in nominations:
        if nomination.status in UNDECIDED:
            rows.append(
                [
                    DECIDE_ON,
                    pgettext(CTX, "the nomination of %(offer)s") % {"offer": nomination.offer},
                ]
            )
    rows.append([NOTE, pgettext(CTX, "the annual reports and the expert panel's remarks")])
    return rows
