"""Template tags for templates/submissions/_answers.html:
{% present_answers questionnaire answers as answer_blocks %}."""

from django import template

from submissions.presentation import present_answers as _present_answers

register = template.Library()


@register.simple_tag
def present_answers(questionnaire, answers):
    """`questionnaire` is a Questionnaire or a version string; None (no questionnaire) shows
    nothing."""
    if not questionnaire:
        return []
    version = getattr(questionnaire, "version", questionnaire)
    return _present_answers(version, answers or {})
