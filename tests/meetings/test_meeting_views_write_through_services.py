"""Every write of the meetings' pages goes through a service (issue 12 #6): the views save,
delete and bulk-create nothing themselves; services.py and services_setup.py do, inside one
transaction, with the frozen-minutes check and the change log."""

import ast
from pathlib import Path

from django.conf import settings

WRITES = {"save", "delete", "bulk_create", "bulk_update", "create", "update", "get_or_create"}
VIEW_MODULES = ["views.py", "views_setup.py", "views_status.py", "views_information.py"]


def write_calls(path: Path) -> list[str]:
    """ "line: .name()" for every call of a write method on anything."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.name}:{node.lineno}: .{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in WRITES
    ]


def test_the_meeting_views_call_no_save_delete_or_bulk_create():
    folder = Path(settings.BASE_DIR) / "meetings"
    calls = [call for name in VIEW_MODULES for call in write_calls(folder / name)]
    assert calls == []


def test_the_check_sees_a_write_in_a_view(tmp_path):
    view = tmp_path / "views.py"
    view.write_text("def v(form, item):\n    form.save()\n    item.delete()\n", encoding="utf-8")
    assert write_calls(view) == ["views.py:2: .save()", "views.py:3: .delete()"]
