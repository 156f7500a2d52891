"""The questionnaire's own words (NL/EN pairs) and small text helpers for the terminal."""

from __future__ import annotations

import textwrap
import typing
from typing import Any

from pbd.messages import pick

if typing.TYPE_CHECKING:
    from pbd.questionnaire.fields import FieldSpec


_MSG: dict[str, tuple[str, str]] = {
    "intro_new": ("Nieuwe projectbeschrijving: {file}", "New project description: {file}"),
    "intro_resume": (
        "Verder met {file}: {answered} gegeven, {skipped} overgeslagen.",
        "Continuing {file}: {answered} given, {skipped} skipped.",
    ),
    "intro_keys": (
        "Elk antwoord wordt meteen opgeslagen. Stoppen kan altijd (Ctrl-C); de volgende keer gaat u verder waar u was.\n"
        "Enter = weet ik nog niet / zo laten · ? = uitleg en artikel · - = antwoord wissen\n"
        "< = vorige vraag · > = rest van dit blok overslaan · * = verplichte vraag",
        "Every answer is saved at once. You can stop at any time (Ctrl-C); next time you continue where you were.\n"
        "Enter = don't know yet / keep · ? = explanation and article · - = clear the answer\n"
        "< = previous question · > = skip the rest of this block · * = required question",
    ),
    "reformatted": (
        "Let op: de opmaak van dit bestand wordt bij het opslaan iets aangepast (inspringing of aanhalingstekens); commentaar en volgorde blijven.",
        "Note: saving adjusts this file's layout slightly (indentation or quotes); comments and key order stay.",
    ),
    "section": ("{title}", "{title}"),
    "section_progress": ("{answered} van {total} vragen beantwoord", "{answered} of {total} questions answered"),
    "required": (
        "Deze vraag is verplicht; de beschrijving kan niet zonder.",
        "This question is required; the description cannot do without it.",
    ),
    "first": ("Dit is de eerste vraag.", "This is the first question."),
    "skipped_block": ("{n} overgeslagen: de rest van '{title}'.", "{n} skipped: the rest of '{title}'."),
    "now": ("Nu: {value}", "Now: {value}"),
    "now_keep": ("(Enter = zo laten)", "(Enter = keep)"),
    "bool_hint": ("j/n", "y/n"),
    "date_hint": ("datum, JJJJ-MM-DD", "date, YYYY-MM-DD"),
    "duration_hint": (
        "duur, bijv. 30 dagen, 24 uur, 2 jaar of P30D",
        "duration, e.g. 30 days, 24 hours, 2 years or P30D",
    ),
    "int_hint": ("getal", "number"),
    "country_hint": ("landcode, bijv. NL, DE, US", "country code, e.g. NL, DE, US"),
    "list_hint": ("één per regel; lege regel = klaar", "one per line; empty line = done"),
    "multi_hint": ("nummers, bijv. 1,3,5 of 2-4", "numbers, e.g. 1,3,5 or 2-4"),
    "one_hint": ("nummer", "number"),
    "part_hint": ("nummers, Enter = zo laten, 0 = geen hiervan", "numbers, Enter = keep, 0 = none of these"),
    "more": ("  + ", "  + "),
    "bad_bool": ("Antwoord met j (ja) of n (nee).", "Answer y (yes) or n (no)."),
    "bad_choice": ("Kies een nummer van 1 tot {n}.", "Choose a number from 1 to {n}."),
    "bad_choice_word": (
        "'{word}' staat niet in de lijst; kies een nummer van 1 tot {n}.",
        "'{word}' is not in the list; choose a number from 1 to {n}.",
    ),
    "converted": ("= {value}", "= {value}"),
    "none": ("(geen)", "(none)"),
    "slug": ("Voorstel: {slug}", "Suggestion: {slug}"),
    "rejected": ("Dit antwoord kan niet worden opgeslagen:", "This answer cannot be saved:"),
    "group_none": ("Nog geen {title}. Toevoegen? (j/n)", "No {title} yet. Add one? (y/n)"),
    "group_some": (
        "Kies: + = toevoegen · nummer = bekijken en wijzigen · -nummer = verwijderen · Enter = klaar",
        "Choose: + = add · number = review and change · -number = remove · Enter = done",
    ),
    "group_bad": (
        "Typ +, een nummer van 1 tot {n}, -nummer of Enter.",
        "Type +, a number from 1 to {n}, -number or Enter.",
    ),
    "group_new": ("Nieuw: {title}", "New: {title}"),
    "group_cancel": ("Niets toegevoegd.", "Nothing added."),
    "remove_confirm": (
        "'{name}' met al zijn antwoorden verwijderen? (j/n)",
        "Remove '{name}' with all its answers? (y/n)",
    ),
    "removed": ("'{name}' is verwijderd.", "'{name}' has been removed."),
    "item": ("{title} {n}: {name}", "{title} {n}: {name}"),
    "help_ref": ("Artikel / bron: {ref}", "Article / source: {ref}"),
    "help_when": ("Gevraagd omdat {when}.", "Asked because {when}."),
    "help_checked": ("Waarom het telt — getoetst door:", "Why it matters — checked by:"),
    "help_keys": (
        "Enter = weet ik nog niet / zo laten · - = antwoord wissen · < = vorige vraag · > = rest van dit blok overslaan · Ctrl-C = stoppen (alles is bewaard)",
        "Enter = don't know yet / keep · - = clear the answer · < = previous question · > = skip the rest of this block · Ctrl-C = stop (everything is saved)",
    ),
    "summary": ("Stand na '{title}'", "Status after '{title}'"),
    "summary_none": ("Geen tekortkomingen of open vragen in dit onderdeel.", "No gaps or open points in this part."),
    "summary_gaps": ("Tekortkomingen ({n}):", "Gaps ({n}):"),
    "summary_open": ("Nog open ({n}):", "Still open ({n}):"),
    "summary_more": ("… en nog {n}; alles zien: pbd check {file}", "… and {n} more; see everything: pbd check {file}"),
    "summary_fix": ("Wat te doen: {fix}", "What to do: {fix}"),
    "summary_unavailable": (
        "(De toets is nu niet beschikbaar, dus tekortkomingen worden hier niet getoond: {why})",
        "(The checks are not available right now, so gaps are not shown here: {why})",
    ),
    "skipped_offer": (
        "U hebt {n} overgeslagen (weet ik nog niet). Nu alsnog langslopen? (j/n)",
        "You skipped {n} (don't know yet). Go through them now? (y/n)",
    ),
    "done": (
        "Klaar: alle vragen die nu van toepassing zijn, zijn beantwoord of overgeslagen. Alles staat in {file}.",
        "Done: every question that applies now has been answered or skipped. Everything is in {file}.",
    ),
    "first_pass_intro": (
        "Eerste ronde: alleen de vragen die beslissen of een DPIA (en een DTIA, IAMA of kinderrechtentoets) nodig is,"
        " zoals de Pre-scan DPIA. 'Weet ik nog niet' (Enter) is geen 'nee': de screening rekent er niet op.",
        "First pass: only the questions that decide whether a DPIA (and a DTIA, IAMA or children's rights assessment)"
        " is needed, as the DPIA Pre-scan asks them. 'Don't know yet' (Enter) is not 'no': the screening does not rely on it.",
    ),
    "first_pass_done": (
        "Screening na de eerste ronde: {outcome}\nDe rest van de vragen: pbd questionnaire {file}",
        "Screening after the first pass: {outcome}\nThe remaining questions: pbd questionnaire {file}",
    ),
    "done_section": ("Klaar met '{title}'. Alles staat in {file}.", "Done with '{title}'. Everything is in {file}."),
    "next": (
        "Volgende stap, de toets: pbd check {file}\n"
        "Iets wijzigen of toevoegen: pbd questionnaire {file} --section verwerkingen (of project, partijen, systemen, risicos)",
        "Next, the checks: pbd check {file}\n"
        "Change or add something: pbd questionnaire {file} --section processings (or project, parties, systems, risks)",
    ),
    "later": (
        "Door latere antwoorden zijn nog een paar eerdere vragen van toepassing geworden:",
        "Later answers have made a few earlier questions apply:",
    ),
    "changed_outside": (
        "{file} is intussen buiten de vragenlijst gewijzigd; de nieuwe versie is ingelezen.",
        "{file} was changed outside the questionnaire; the new version has been read.",
    ),
}


def _t(lang: str, key: str, **kwargs: Any) -> str:
    nl, en = _MSG[key]
    return pick(lang, nl, en).format(**kwargs)


def _count(lang: str, n: int, what: str) -> str:
    """'1 vraag', '3 vragen', '1 answer' ..."""
    nl_one, nl_many, en_one, en_many = {
        "question": ("vraag", "vragen", "question", "questions"),
        "answer": ("antwoord", "antwoorden", "answer", "answers"),
    }[what]
    if lang == "nl":
        return f"{n} {nl_one if n == 1 else nl_many}"
    return f"{n} {en_one if n == 1 else en_many}"


def _indent(text: str, width: int = 2) -> str:
    lines = textwrap.wrap(text, 100 - width, break_long_words=False, break_on_hyphens=False) or [""]
    return "\n".join(" " * width + line for line in lines)


def _short(value: Any, limit: int = 60) -> str:
    text = str(value) if value is not None else "?"
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SINGULAR = {
    "parties": ("Partij", "Party"),
    "processings": ("Verwerking", "Processing"),
    "systems": ("Systeem", "System"),
    "risks": ("Risico", "Risk"),
    "waivers": ("Afwijking", "Waiver"),
    "purposes": ("Doel", "Purpose"),
    "data_subjects": ("Groep betrokkenen", "Group of data subjects"),
    "data_items": ("Persoonsgegeven", "Data item"),
    "transfers": ("Doorgifte", "Transfer"),
}


def _singular(spec: FieldSpec, lang: str) -> str:
    pair = _SINGULAR.get(spec.name)
    if pair is None:
        return spec.title(lang)
    return pick(lang, pair[0], pair[1])
