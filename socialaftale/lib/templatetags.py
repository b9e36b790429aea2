"""Template helpers available in every template (settings: TEMPLATES builtins)."""

from django import template

from .tables import display

register = template.Library()


@register.filter
def cell(value, decimals=0):
    """Format a table cell the Danish way: {{ value|cell:1 }}."""
    return display(value, int(decimals))


@register.simple_tag
def cell_at(table, row, index):
    """Format row[index] with the table's decimals for that column."""
    return display(row[index], table.decimals.get(index, 0))


@register.filter
def get_item(mapping, key):
    """{{ titles|get_item:code }}: a dict lookup by a variable key."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""
