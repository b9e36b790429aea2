"""Prints the access matrix's figures (URL patterns x personas, requests) after the run."""


def pytest_terminal_summary(terminalreporter):
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get(
        "failed", []
    ):
        for key, line in getattr(report, "user_properties", []):
            if key == "access_figures":
                terminalreporter.write_line(line)
