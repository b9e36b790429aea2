"""`ruff format` owns the layout (issue 12 #8): no line of the project opts out of it."""

from pathlib import Path

from django.conf import settings

SKIPPED = ("venv", "build", "node_modules", ".git")
OPT_OUTS = ("fmt: " + "skip", "fmt: " + "off")  # split, so this file does not match itself


def test_no_python_file_opts_out_of_ruff_format():
    root = Path(settings.BASE_DIR)
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        if not any(
            part.startswith(SKIPPED) or part.startswith(".")
            for part in path.parts[len(root.parts) :]
        )
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(marker in line for marker in OPT_OUTS)
    ]
    assert offenders == []
