"""Every write goes through a service (issue 12 #6, ARCHITECTURE.md house style 2): views,
management commands, admin and importers of every app call `<app>.services`; they never save,
delete or create rows themselves, and a generic create/update view saves through a service in
its own form_valid instead of the ModelForm's save(). (meetings moves its writes on its own.)"""

import ast
from pathlib import Path

from django.conf import settings

NOT_WALKED = {"meetings", "demo", "tests", "bench"}
WRITES = {
    "save",
    "delete",
    "create",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
    "upsert",
    "save_edited",
}
SAVING_VIEWS = {"CreateView", "UpdateView", "DeleteView", "BaseCreateView", "BaseUpdateView"}
# (file, function or class): why it may write. Empty: a ModelAdmin's save_model that calls a
# service would go here, with its reason.
ALLOWED: dict[tuple[str, str], str] = {}


def walked_files(root: Path) -> list[Path]:
    files = []
    for app in settings.INSTALLED_APPS:
        folder = root / app.split(".")[0]
        if folder.name in NOT_WALKED or not (folder / "apps.py").exists():
            continue
        files += sorted(folder.glob("views*.py")) + sorted(folder.glob("admin.py"))
        files += sorted(folder.glob("importers.py"))
        files += sorted(folder.glob("management/commands/*.py"))
    return files


def called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return None


def base_names(node: ast.ClassDef) -> set[str]:
    return {
        base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
        for base in node.bases
    }


def saves_through_the_form(node: ast.ClassDef) -> bool:
    """A generic editing view that leaves form_valid to Django (form.save()) or calls it."""
    if not base_names(node) & SAVING_VIEWS:
        return False
    form_valid = [f for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "form_valid"]
    if not form_valid:
        return True
    return any(
        called_name(c) == "form_valid" for c in ast.walk(form_valid[0]) if isinstance(c, ast.Call)
    )


def offences(path: Path, relative: str) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for top in tree.body:
        owner = getattr(top, "name", "")
        if (relative, owner) in ALLOWED:
            continue
        if isinstance(top, ast.ClassDef) and saves_through_the_form(top):
            found.append(f"{relative}: {owner} saves the ModelForm itself")
        for node in ast.walk(top):
            if isinstance(node, ast.Call) and called_name(node) in WRITES:
                found.append(f"{relative}:{node.lineno} {owner} calls {called_name(node)}()")
    return found


def test_views_commands_admin_and_importers_write_only_through_services():
    root = Path(settings.BASE_DIR)
    found = [
        offence
        for path in walked_files(root)
        for offence in offences(path, str(path.relative_to(root)))
    ]
    assert found == []


def test_every_allowed_write_still_exists():
    root = Path(settings.BASE_DIR)
    names = {
        (file, node.name)
        for file, _owner in ALLOWED
        for node in ast.parse((root / file).read_text(encoding="utf-8")).body
        if hasattr(node, "name")
    }
    assert set(ALLOWED) <= names
