"""The questionnaire: asks the description model's own questions, branching, and saves every answer.

There is no second copy of the questions: every question is a field of
:mod:`pbd.description.model`, with its Dutch/English title, help text and article (``x-ref``), its
enum labels from :data:`pbd.vocabulary.LABELS`, and its validators. The package, by concern:

- :mod:`~pbd.questionnaire.fields` — the model read as questions (:class:`FieldSpec`,
  :data:`FIELD_ORDER`: a processing asks about personal data, data subjects, collection and
  techniques before its legal basis);
- :mod:`~pbd.questionnaire.branching` — :data:`ASK_WHEN`, when a field is asked, on the engine's
  own derived facts; :mod:`~pbd.questionnaire.choices` — :data:`CHOICES`, answers chosen from
  what the description holds, and the references between its parts;
- :mod:`~pbd.questionnaire.plan` — the question plan, without a terminal (:func:`next_questions`);
  :mod:`~pbd.questionnaire.first_pass` — the questions that decide the screening (:data:`FIRST_PASS`);
- :mod:`~pbd.questionnaire.answers` — typed text to a valid value (:func:`parse_answer`);
- :mod:`~pbd.questionnaire.document`, :mod:`~pbd.questionnaire.tree`,
  :mod:`~pbd.questionnaire.progress` — the YAML document (round-trip, validated whole, written
  atomically) and the sidecar of skipped questions;
- :mod:`~pbd.questionnaire.session`, :mod:`~pbd.questionnaire.asking`,
  :mod:`~pbd.questionnaire.groups`, :mod:`~pbd.questionnaire.help` — the terminal session;
- :mod:`~pbd.questionnaire.summary` — the gaps after each section, from ``engine.check``.
"""

from __future__ import annotations

from pbd.questionnaire.answers import AnswerError, parse_answer
from pbd.questionnaire.branching import ASK_WHEN, Ctx, When
from pbd.questionnaire.choices import CHOICES, REFERENCES
from pbd.questionnaire.document import DescriptionDocument
from pbd.questionnaire.fields import FIELD_ORDER, FieldSpec, _spec_at, field_specs
from pbd.questionnaire.first_pass import FIRST_PASS, first_pass_questions
from pbd.questionnaire.paths import _get, generic_path
from pbd.questionnaire.plan import SECTION_ALIASES, SECTIONS, Planner, Question, next_questions
from pbd.questionnaire.progress import Progress, progress_path
from pbd.questionnaire.session import Questionnaire
from pbd.questionnaire.terminal import Prompt, Terminal

__all__ = [
    "ASK_WHEN",
    "CHOICES",
    "FIELD_ORDER",
    "FIRST_PASS",
    "REFERENCES",
    "SECTIONS",
    "SECTION_ALIASES",
    "AnswerError",
    "Ctx",
    "DescriptionDocument",
    "FieldSpec",
    "Planner",
    "Progress",
    "Prompt",
    "Question",
    "Questionnaire",
    "Terminal",
    "When",
    "_get",
    "_spec_at",
    "field_specs",
    "first_pass_questions",
    "generic_path",
    "next_questions",
    "parse_answer",
    "progress_path",
]
