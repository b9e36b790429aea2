"""Template helpers available in every template (settings: TEMPLATES builtins)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

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


class ScrollBoxNode(template.Node):
    def __init__(self, nodelist, label):
        self.nodelist, self.label = nodelist, label

    def render(self, context):
        label = self.label.resolve(context) if self.label else ""
        # "Tabel: Pladser", not "Pladser": the section around it is often named "Pladser" by
        # its heading, and two landmarks with one name cannot be told apart.
        name = gettext("Table: %(name)s") % {"name": label} if label else gettext("Table")
        return format_html(
            '<div class="table-scroll" tabindex="0" role="region" aria-label="{}">{}</div>',
            name,
            mark_safe(self.nodelist.render(context)),  # noqa: S308 - rendered, so escaped
        )


@register.tag
def scrollbox(parser, token):
    """{% scrollbox _("Rounds") %}<table>…</table>{% endscrollbox %}: a table wider than the
    window scrolls sideways inside its own box (static/css/site.css .table-scroll), not the
    page; the box is a labelled region that takes keyboard focus, so it can be scrolled
    without a mouse. Every table in templates/ sits in one (tests/ui/)."""
    bits = token.split_contents()
    if len(bits) > 2:
        raise template.TemplateSyntaxError("{% scrollbox [label] %} takes at most one label")
    label = parser.compile_filter(bits[1]) if len(bits) == 2 else None
    nodelist = parser.parse(("endscrollbox",))
    parser.delete_first_token()
    return ScrollBoxNode(nodelist, label)
