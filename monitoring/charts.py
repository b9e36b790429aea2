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


def municipality_chart(rows: list[tuple[str, Decimal | None]], target: Decimal | None,
                       labels: dict) -> bytes:  # fmt: skip
    """rows: (municipality name, reduction %)."""
    figure, axes = plt.subplots(figsize=(7.5, 0.35 * len(rows) + 1.2))
    names = [name for name, _pct in rows][::-1]
    values = [float(pct or 0) for _name, pct in rows][::-1]
    axes.barh(names, values, color=BAR)
    if target is not None:
        axes.axvline(float(target), color=TARGET, linestyle="--", linewidth=1.5,
                     label=labels["target"])  # fmt: skip
        axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False)
    axes.set_xlabel(labels["x"])
    axes.xaxis.set_major_formatter(lambda x, _pos: f"{x:.1f}".replace(".", ","))
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure)


def trend_chart(points: list[tuple[int, Decimal | None, Decimal | None]], labels: dict) -> bytes:
    """points: (measurement year, reduction %, cumulative target %)."""
    figure, axes = plt.subplots(figsize=(6, 3.2))
    years = [year for year, _r, _t in points]
    axes.plot(years, [float(r or 0) for _y, r, _t in points], marker="o", color=BAR,
              label=labels["reduction"])  # fmt: skip
    axes.plot(years, [float(t or 0) for _y, _r, t in points], linestyle="--", color=TARGET,
              label=labels["target"])  # fmt: skip
    axes.set_xticks(years, [str(year) for year in years])
    axes.set_ylabel(labels["y"])
    axes.yaxis.set_major_formatter(lambda y, _pos: f"{y:.1f}".replace(".", ","))
    axes.legend(frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure)
