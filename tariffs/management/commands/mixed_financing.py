"""Objective financing plus a tariff per case (SPEC §3.2), e.g. Børnehus Nord 2018."""

import json
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError

from socialaftale.lib.danish import format_decimal, parse_decimal
from tariffs.calculations import CalculationError, MixedFinancing, mixed_financing

METHOD = (
    "Objektiv finansiering = andel × samlet budget; resten finansieres af taksten. "
    "Takst pr. sag = takstfinansieret del / forventede sager. "
    "Alt afrundet halvt op til hele kroner."
)


def _number(option: str, text: str) -> Decimal:
    try:
        return parse_decimal(text)
    except ValueError as exc:
        raise CommandError(f"{option}: {exc}.") from exc


def _optional(option: str, text: str | None) -> Decimal | None:
    return None if text is None else _number(option, text)


def _share(text: str) -> Decimal:
    return _number("--objective-share", text)


def _cases(text: str) -> int:
    cases = _number("--expected-cases", text)
    if cases != cases.to_integral_value():
        raise CommandError(f"--expected-cases skal være et helt tal (fik »{text}«).")
    return int(cases)


def render_json(result: MixedFinancing) -> str:
    data = {
        "total_budget": str(result.total_budget),
        "objective_share": str(result.objective_share),
        "objective_financing": str(result.objective_financing),
        "tariff_financed": str(result.tariff_financed),
        "expected_cases": result.expected_cases,
        "tariff_per_case": str(result.tariff_per_case),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_table(result: MixedFinancing) -> str:
    share_pct = result.objective_share * 100
    share_places = max(0, -result.objective_share.as_tuple().exponent - 2)
    lines = [
        ("Samlet budget", format_decimal(result.total_budget) + " kr."),
        ("Andel objektiv finansiering", f"{format_decimal(share_pct, share_places)} %"),
        ("Objektiv finansiering", format_decimal(result.objective_financing) + " kr."),
        ("Takstfinansieret", format_decimal(result.tariff_financed) + " kr."),
        ("Forventede sager", format_decimal(result.expected_cases)),
        ("Takst pr. sag", format_decimal(result.tariff_per_case) + " kr."),
    ]
    label = max(len(name) for name, _ in lines)
    value = max(len(text) for _, text in lines)
    text = [f"{name.ljust(label)}  {amount.rjust(value)}" for name, amount in lines]
    return "\n".join([*text, "", METHOD]) + "\n"


RENDERERS = {"json": render_json, "table": render_table}


class Command(BaseCommand):
    help = (
        "Beregner samlet budget, objektiv finansiering og takst pr. sag ud fra enten den "
        "objektive finansiering eller det samlede budget."
    )
    requires_system_checks = []  # pure arithmetic; nothing to check

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--objective-financing", help="Objektiv finansiering i kr.")
        source.add_argument("--total-budget", help="Samlet budget i kr.")
        parser.add_argument("--objective-share", required=True, help="Andel, fx 0.60")
        parser.add_argument("--expected-cases", required=True, help="Forventet antal sager")
        parser.add_argument(
            "--format", choices=sorted(RENDERERS), default="table", dest="output_format"
        )

    def handle(self, *args, output_format, **options):
        try:
            result = mixed_financing(
                objective_share=_share(options["objective_share"]),
                expected_cases=_cases(options["expected_cases"]),
                objective_financing=_optional(
                    "--objective-financing", options["objective_financing"]
                ),
                total_budget=_optional("--total-budget", options["total_budget"]),
            )
        except CalculationError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(RENDERERS[output_format](result), ending="")
