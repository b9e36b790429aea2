"""Routes of the enhanced cooperation: members."""

urlpatterns: list = []
