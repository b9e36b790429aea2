"""The migration to role choices (meetings 0005) maps the old free-text roles of stored members
case-insensitively: formand, næstformand, suppleant, ref./referent; anything else is medlem."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("meetings", "0004_member_mailings")]
AFTER = [("meetings", "0005_body_member_periods")]


@pytest.mark.django_db(transaction=True)
def test_stored_free_text_roles_become_choices():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    das = old.get_model("meetings", "Body").objects.create(code="das", name="DAS", short_name="DAS")
    member = old.get_model("meetings", "BodyMember")
    texts = ["FORMAND", "Næstformand", "suppleant", "Ref.", "referent", "", "Direktør"]
    for position, text in enumerate(texts):
        member.objects.create(body=das, name=f"M{position}", organisation="x", role=text)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("meetings", "BodyMember")
    roles = list(new.objects.order_by("name").values_list("role", flat=True))
    assert roles == ["formand", "naestformand", "suppleant", "ref", "ref", "medlem", "medlem"]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
