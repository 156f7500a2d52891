"""Template tags of the web dossier: ``{% msg "web.id" name=value %}`` takes its words from :mod:`pbd.messages`."""

from __future__ import annotations

from typing import Any

from django import template

from pbd.messages import t

register = template.Library()


@register.simple_tag(takes_context=True)
def msg(context: template.Context, msg_id: str, **args: Any) -> str:
    """The message ``msg_id`` in the page's language; Django escapes it (and its arguments) like any other value."""
    return t(context.get("lang", "nl"), msg_id, **args)


@register.filter
def label_of(value: Any, lang: str) -> str:
    """A vocabulary value's label in ``lang`` (a gate, a status, a severity), or the value itself."""
    from pbd.vocabulary import label

    try:
        return str(label(value, lang))
    except (KeyError, TypeError, ValueError):
        return str(value)


@register.filter
def missing_right(membership: Any) -> str:
    """The organisation-level right a member's dossier role needs and their account no longer holds, or ``""``
    (an FG whose ``fg`` right was withdrawn keeps the role but signs nothing: pbd.web.rights)."""
    from pbd.web.rights import has_right, needed_right

    right = needed_right(getattr(membership, "role", None))
    return right if right is not None and not has_right(membership.user, right) else ""
