"""SVG charts (matplotlib, no display): reduction per municipality against the target, and the
trend per measurement year. Served as images; the numbers are in the tables beside them."""

import io
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

BAR = "#0b3d6b"
TARGET = "#b3261e"


def _svg(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def municipality_chart(
    rows: list[tuple[str, Decimal | None]], target: Decimal | None, labels: dict
) -> bytes:
    return _svg(municipality_figure(rows, target, labels))


def municipality_figure(
    rows: list[tuple[str, Decimal | None]], target: Decimal | None, labels: dict
):
    """rows: (municipality name, reduction %), drawn top to bottom in the order given."""
    figure, axes = plt.subplots(figsize=(7.5, 0.35 * len(rows) + 1.2))
    names = [name for name, _pct in rows][::-1]
    values = [float(pct or 0) for _name, pct in rows][::-1]
    axes.barh(names, values, color=BAR)
    if target is not None:
        axes.axvline(
            float(target), color=TARGET, linestyle="--", linewidth=1.5, label=labels["target"]
        )
        axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False)
    axes.set_xlabel(labels["x"])
    axes.xaxis.set_major_formatter(_comma)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def trend_chart(points: list[tuple[int, Decimal | None, Decimal | None]], labels: dict) -> bytes:
    return _svg(trend_figure(points, labels))


def trend_figure(points: list[tuple[int, Decimal | None, Decimal | None]], labels: dict):
    """points: (measurement year, reduction %, cumulative target %). The y-axis starts at 0
    (or below, for a year with higher expenditure): a level read against a cut-off axis
    looks many times its size."""
    figure, axes = plt.subplots(figsize=(6, 3.2))
    years = [year for year, _r, _t in points]
    reductions = [float(r or 0) for _y, r, _t in points]
    targets = [float(t or 0) for _y, _r, t in points]
    axes.plot(years, reductions, marker="o", color=BAR, label=labels["reduction"])
    axes.plot(years, targets, linestyle="--", color=TARGET, label=labels["target"])
    axes.set_xticks(years, [str(year) for year in years])
    axes.set_ylim(bottom=min([0.0, *reductions, *targets]))
    axes.axhline(0, color="#555555", linewidth=0.8)
    axes.set_ylabel(labels["y"])
    axes.yaxis.set_major_formatter(_comma)
    axes.legend(frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def _comma(value, _position) -> str:
    return f"{value:.1f}".replace(".", ",")
