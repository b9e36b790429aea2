"""Small model helpers shared by importers and services."""


def upsert(model, lookup: dict, values: dict):
    """Create the row, or update only the fields whose value differs (so a re-import of the
    same file writes nothing and leaves no empty entries in the change history).

    Returns (instance, created, changed field names)."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return model.objects.create(**lookup, **values), True, list(values)
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, values[name])
    if changed:
        instance.save(update_fields=changed)
    return instance, False, changed
