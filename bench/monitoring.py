"""Citizen-list import and the expenditure analysis at 1,000,000 citizen-month rows.

Prints rows/s and peak memory for the import, and the analysis time beside a hand-written SQL
aggregate computing the same totals in the same run (the ratio is the figure). Meant for
PostgreSQL (DATABASE_URL); on SQLite it runs too, slower.
"""

import os
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import connection

ROWS_TARGET = int(os.environ.get("BENCH_CITIZEN_ROWS", "1000000"))


def _load_reference() -> None:
    from demo import offers as offers_demo
    from demo import organisations as organisations_demo
    from demo import tariffs as tariffs_demo

    fixtures = Path(settings.BASE_DIR) / "fixtures" / "reference"
    for loader in (
        organisations_demo.load_reference,
        offers_demo.load_reference,
        tariffs_demo.load_reference,
    ):
        loader(fixtures)


def _lists():
    from demo.citizen_lists import generate_citizen_lists
    from demo.monitoring import demo_inputs

    municipalities, offers = demo_inputs()
    # About 1.5 offers per citizen, 60 months: citizens ≈ rows / 90.
    return generate_citizen_lists(
        citizens=ROWS_TARGET // 90,
        years=range(2016, 2021),
        seed=7,
        municipalities=municipalities,
        offers=offers,
    )


def _csv_bytes(rows) -> bytes:
    from demo.monitoring import csv_text

    return csv_text(rows).encode("utf-8")


def bench_import(files) -> None:
    from demo.monitoring import unit_for
    from monitoring.services import citizen_list_import
    from socialaftale.lib.imports import limits_for

    limits = limits_for("citizen_list", command=True)  # the command's deadline, not the web's
    rows = sum(count for _code, _data, count in files)
    start = time.perf_counter()
    for code, data, _count in files:
        citizen_list_import(
            data=data, filename=f"{code}.csv", unit=unit_for(code), user=None, limits=limits
        )
    seconds = time.perf_counter() - start
    print(f"  import: {rows:,} rows in {seconds:.1f} s = {rows / seconds:,.0f} rows/s")
    # Memory of importing the largest list once more, traced on its own (tracemalloc slows
    # the run, so it is not part of the timing above).
    code, data, count = max(files, key=lambda item: item[2])
    tracemalloc.start()
    citizen_list_import(
        data=data, filename=f"{code}.csv", unit=unit_for(code), user=None, limits=limits
    )
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"  import memory: peak {peak / 2**20:,.0f} MB while importing {count:,} rows "
        f"({len(data) / 2**20:,.0f} MB of CSV); {peak / count:,.0f} bytes per row"
    )


SQL = """
WITH jan AS (
  SELECT citizen, {year} AS year, SUM(amount) AS total
  FROM monitoring_citizenmonth WHERE month IN ({months}) GROUP BY citizen, year
  HAVING SUM(amount) > 0),
cohort AS (SELECT citizen FROM jan GROUP BY citizen HAVING COUNT(*) = {years})
SELECT COUNT(DISTINCT jan.citizen),
       SUM(CASE WHEN year = {first} THEN total END), SUM(CASE WHEN year = {last} THEN total END)
FROM jan JOIN cohort ON cohort.citizen = jan.citizen
"""


def bench_analysis() -> None:
    from monitoring import calculations
    from monitoring.services import _params, load_rows

    months = [f"{year}-01-01" for year in range(2016, 2020)]
    year = (
        "CAST(EXTRACT(YEAR FROM month) AS integer)"
        if connection.vendor == "postgresql"
        else "CAST(strftime('%Y', month) AS integer)"
    )
    sql = SQL.format(
        months=", ".join(f"'{m}'" for m in months), years=4, first=2016, last=2019, year=year
    )
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(sql)  # noqa: S608 - constant text built here
        size, baseline, measure = cursor.fetchone()
    sql_seconds = time.perf_counter() - start
    start = time.perf_counter()
    params = _params("2016-01", "2019-01", "every-january", None, True, covered=None)
    frame, _uploads = load_rows(calculations.months_needed(params))
    result = calculations.analyse(frame, params)
    seconds = time.perf_counter() - start
    found = (result.cohort_size, result.baseline_total, result.measure_total)
    # SQLite sums DECIMAL columns as floats: compare to the øre.
    expected = (size, *(Decimal(str(v)).quantize(Decimal("0.01")) for v in (baseline, measure)))

    if found != expected:
        raise SystemExit("The SQL baseline and the analysis disagree: no ratio to report")
    print(f"  SQL aggregate: {sql_seconds * 1000:,.0f} ms (cohort {size:,})")
    print(
        f"  analysis (load + pandas): {seconds * 1000:,.0f} ms  (x{seconds / sql_seconds:.2f} "
        "vs the SQL aggregate; same totals)"
    )


def run() -> None:
    print(
        f"== Citizen lists and the analysis on {connection.vendor} ({ROWS_TARGET:,} rows requested)"
    )
    _load_reference()
    files = [(code, _csv_bytes(rows), len(rows)) for code, rows in _lists().items() if rows]
    bench_import(files)
    bench_analysis()
