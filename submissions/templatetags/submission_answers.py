"""Template tags for templates/submissions/_answers.html:
{% present_answers questionnaire answers as answer_blocks %}."""

from django import template

from submissions.presentation import present_answers as _present_answers

register = template.Library()


@register.simple_tag
def present_answers(questionnaire, answers):
    """`questionnaire` is a Questionnaire or a version string; without one (a citizen list
    handed in by its upload) the stored hand-in is shown with its labels."""
    version = getattr(questionnaire, "version", questionnaire) or ""
    return _present_answers(version, answers or {})
