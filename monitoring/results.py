"""What an analysis run stores, typed: AnalysisRun.result holds RunResult.to_json() and every
reader takes RunResult.from_json() (through `run.analysis_result`), so amounts and
percentages are Decimals everywhere and the JSON shape is written and read in one place.

The JSON keeps the shape the runs have always stored: amounts and percentages as strings
("7.14", None when there is none), the rows as lists of objects, and "notes" (missing in a
result computed outside a run, such as `expenditure_analysis --format json`)."""

from dataclasses import dataclass, fields
from decimal import Decimal


def _str_or_none(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _decimal_or_none(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


@dataclass(frozen=True)
class DataIssue:
    kind: str  # "missing_in_measure_month" | "missing_january"
    citizen: str  # the pseudonymous key, never anything else
    month: str
    message: str

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "citizen": self.citizen,
            "month": self.month,
            "message": self.message,
        }

    @classmethod
    def from_json(cls, data: dict) -> "DataIssue":
        return cls(data["kind"], data["citizen"], data["month"], data["message"])


@dataclass(frozen=True)
class MunicipalityResult:
    municipality: str
    cohort_size: int
    baseline_total: Decimal
    measure_total: Decimal
    reduction_kr: Decimal
    reduction_pct: Decimal | None

    def to_json(self) -> dict:
        return {
            "municipality": self.municipality,
            "cohort_size": self.cohort_size,
            "baseline_total": str(self.baseline_total),
            "measure_total": str(self.measure_total),
            "reduction_kr": str(self.reduction_kr),
            "reduction_pct": _str_or_none(self.reduction_pct),
        }

    @classmethod
    def from_json(cls, data: dict) -> "MunicipalityResult":
        return cls(
            municipality=str(data["municipality"]),
            cohort_size=int(data["cohort_size"]),
            baseline_total=Decimal(str(data["baseline_total"])),
            measure_total=Decimal(str(data["measure_total"])),
            reduction_kr=Decimal(str(data["reduction_kr"])),
            reduction_pct=_decimal_or_none(data.get("reduction_pct")),
        )


@dataclass(frozen=True, kw_only=True)
class RunResult:
    """A run's stored result: the analysis' figures (calculations.AnalysisResult without its
    fixed explanatory texts) and the run's notes (coverage borrowed from another year)."""

    cohort_size: int
    baseline_total: Decimal
    measure_total: Decimal
    reduction_kr: Decimal
    reduction_pct: Decimal | None
    annual_saving: Decimal
    target_pct: Decimal | None
    target_met: bool | None
    by_municipality: tuple[MunicipalityResult, ...]
    issues: tuple[DataIssue, ...]
    notes: tuple[str, ...] = ()

    @classmethod
    def of(cls, analysis, notes=()) -> "RunResult":
        """From a calculations.AnalysisResult (duck-typed: calculations imports this module),
        which has the same fields but the notes."""
        values = {f.name: getattr(analysis, f.name) for f in fields(cls) if f.name != "notes"}
        values["by_municipality"] = tuple(values["by_municipality"])
        values["issues"] = tuple(values["issues"])
        return cls(**values, notes=tuple(str(note) for note in notes))

    def to_json(self) -> dict:
        return {
            "cohort_size": self.cohort_size,
            "baseline_total": str(self.baseline_total),
            "measure_total": str(self.measure_total),
            "reduction_kr": str(self.reduction_kr),
            "reduction_pct": _str_or_none(self.reduction_pct),
            "annual_saving": str(self.annual_saving),
            "target_pct": _str_or_none(self.target_pct),
            "target_met": self.target_met,
            "by_municipality": [row.to_json() for row in self.by_municipality],
            "issues": [issue.to_json() for issue in self.issues],
            "notes": list(self.notes),
        }

    @classmethod
    def from_json(cls, data: dict) -> "RunResult":
        return cls(
            cohort_size=int(data["cohort_size"]),
            baseline_total=Decimal(str(data["baseline_total"])),
            measure_total=Decimal(str(data["measure_total"])),
            reduction_kr=Decimal(str(data["reduction_kr"])),
            reduction_pct=_decimal_or_none(data.get("reduction_pct")),
            annual_saving=Decimal(str(data["annual_saving"])),
            target_pct=_decimal_or_none(data.get("target_pct")),
            target_met=data.get("target_met"),
            by_municipality=tuple(
                MunicipalityResult.from_json(row) for row in data.get("by_municipality", [])
            ),
            issues=tuple(DataIssue.from_json(issue) for issue in data.get("issues", [])),
            notes=tuple(data.get("notes", [])),
        )
