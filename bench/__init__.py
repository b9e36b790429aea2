"""Benchmarks: `make bench` (python -m bench). Each prints its figures and a ratio against a
baseline measured in the same run. They run on a throw-away test database (SQLite, or
PostgreSQL when DATABASE_URL is set)."""
