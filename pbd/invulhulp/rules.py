"""The Invulhulp's own Pre-scan rules, evaluated as its JEXL engine does, and how they compare with pbd's screening."""

# The Invulhulp evaluates prescan.yaml's calculations and assessments with JEXL 2.3.0. This module
# re-implements the part of JEXL those expressions use, with JavaScript's value rules: `&&` and `||`
# share one precedence, associate to the left and return an operand; `==` is JavaScript's loose
# equality (`"true" == true` is false); `+` follows JavaScript (`false + 1` is 1). The known quirks of
# that prescan.yaml (see its SOURCE.md) are kept, not fixed: they are what the Invulhulp's users see.

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from pbd.engine.screening import AP_TYPES, EDPB_CRITERIA, Screening
from pbd.invulhulp.reader import Definition, definition, normalise

Json = dict[str, Any]


# ---------------------------------------------------------------------------------------------
# JavaScript values


class _Undefined:
    """JavaScript's ``undefined`` (``None`` stands for ``null``)."""

    def __repr__(self) -> str:
        return "undefined"


UNDEFINED: Any = _Undefined()


class JexlError(Exception):
    """An expression that cannot be parsed or evaluated (the Invulhulp logs it and moves on)."""


def truthy(v: Any) -> bool:
    if v is None or v is UNDEFINED or v is False:
        return False
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return v != 0 and not math.isnan(v)
    if isinstance(v, str):
        return v != ""
    return True


def _to_primitive(v: Any) -> Any:
    if isinstance(v, list):
        return ",".join("" if e is None or e is UNDEFINED else _to_string(e) for e in v)
    if isinstance(v, dict):
        return "[object Object]"
    return v


def _to_number(v: Any) -> float:
    v = _to_primitive(v)
    if v is UNDEFINED:
        return math.nan
    if v is None or v is False:
        return 0.0
    if v is True:
        return 1.0
    if isinstance(v, (int, float)):
        return float(v)
    text = str(v).strip()
    if text == "":
        return 0.0
    try:
        return float(text)
    except ValueError:
        return math.nan


def _to_string(v: Any) -> str:
    v = _to_primitive(v)
    if v is UNDEFINED:
        return "undefined"
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


def loose_equals(a: Any, b: Any) -> bool:
    """JavaScript ``==``."""
    if (a is None or a is UNDEFINED) and (b is None or b is UNDEFINED):
        return True
    if a is None or a is UNDEFINED or b is None or b is UNDEFINED:
        return False
    if isinstance(a, (list, dict)) and isinstance(b, (list, dict)):
        return a is b
    if isinstance(a, bool):
        return loose_equals(_to_number(a), b)
    if isinstance(b, bool):
        return loose_equals(a, _to_number(b))
    if isinstance(a, (list, dict)):
        return loose_equals(_to_primitive(a), b)
    if isinstance(b, (list, dict)):
        return loose_equals(a, _to_primitive(b))
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    return _to_number(a) == _to_number(b)


def strict_equals(a: Any, b: Any) -> bool:
    """JavaScript ``===``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    if isinstance(a, (list, dict)) or isinstance(b, (list, dict)):
        return a is b
    return type(a) is type(b) and bool(a == b)


def _compare(a: Any, b: Any, op: str) -> bool:
    a, b = _to_primitive(a), _to_primitive(b)
    if isinstance(a, str) and isinstance(b, str):
        x: Any = a
        y: Any = b
    else:
        x, y = _to_number(a), _to_number(b)
        if math.isnan(x) or math.isnan(y):
            return False
    return bool({"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op])


def _add(a: Any, b: Any) -> Any:
    a, b = _to_primitive(a), _to_primitive(b)
    if isinstance(a, str) or isinstance(b, str):
        return _to_string(a) + _to_string(b)
    return _to_number(a) + _to_number(b)


def _number(v: float) -> Any:
    return int(v) if isinstance(v, float) and v.is_integer() else v


# ---------------------------------------------------------------------------------------------
# JEXL: tokens, parser, evaluator

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<num>\d+(?:\.\d+)?)
      | (?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
      | (?P<name>[A-Za-z_$][A-Za-z0-9_$]*)
      | (?P<op>==|!=|>=|<=|&&|\|\||//|[-+*/%^<>!.\[\](),?:|{}])
    )""",
    re.VERBOSE,
)
_BINARY = {
    "||": 10,
    "&&": 10,
    "==": 20,
    "!=": 20,
    "<": 20,
    "<=": 20,
    ">": 20,
    ">=": 20,
    "in": 20,
    "+": 30,
    "-": 30,
    "*": 40,
    "/": 40,
    "//": 40,
    "%": 40,
    "^": 50,
}
Node = tuple[Any, ...]


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise JexlError(f"unexpected character at {pos}: {text[pos : pos + 10]!r}")
        pos = m.end()
        kind = m.lastgroup
        assert kind is not None
        out.append((kind, m.group(kind)))
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.toks = _tokens(text)
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        tok = self.peek()
        if tok is None or (value is not None and tok[1] != value):
            raise JexlError(f"expected {value or 'more'} at token {self.i}")
        self.i += 1
        return tok

    def parse(self) -> Node:
        node = self.expression()
        if self.peek() is not None:
            raise JexlError(f"unexpected {self.peek()} at token {self.i}")
        return node

    def expression(self) -> Node:
        test = self.binary(0)
        tok = self.peek()
        if tok is not None and tok == ("op", "?"):
            self.take("?")
            consequent = self.expression()
            self.take(":")
            alternate = self.expression()
            return ("cond", test, consequent, alternate)
        return test

    def _binary_op(self) -> str | None:
        tok = self.peek()
        if tok is None:
            return None
        if tok[0] == "op" and tok[1] in _BINARY:
            return tok[1]
        if tok == ("name", "in"):
            return "in"
        return None

    def binary(self, min_prec: int) -> Node:
        left = self.unary()
        while True:
            op = self._binary_op()
            if op is None or _BINARY[op] <= min_prec:
                return left
            self.i += 1
            right = self.binary(_BINARY[op])
            left = ("bin", op, left, right)

    def unary(self) -> Node:
        tok = self.peek()
        if tok == ("op", "!"):
            self.i += 1
            return ("not", self.unary())
        if tok == ("op", "-"):
            self.i += 1
            return ("neg", self.unary())
        return self.postfix(self.primary())

    def args(self, close: str) -> list[Node]:
        items: list[Node] = []
        if self.peek() == ("op", close):
            self.i += 1
            return items
        while True:
            items.append(self.expression())
            tok = self.take()
            if tok == ("op", close):
                return items
            if tok != ("op", ","):
                raise JexlError(f"expected ',' or '{close}'")

    def primary(self) -> Node:
        kind, value = self.take()
        if kind == "num":
            return ("lit", float(value) if "." in value else int(value))
        if kind == "str":
            return ("lit", re.sub(r"\\(.)", r"\1", value[1:-1]))
        if kind == "name":
            if value == "true":
                return ("lit", True)
            if value == "false":
                return ("lit", False)
            if value == "null":
                return ("lit", None)
            if self.peek() == ("op", "("):
                self.i += 1
                return ("call", value, self.args(")"))
            return ("id", value)
        if value == "(":
            node = self.expression()
            self.take(")")
            return node
        if value == "[":
            return ("array", self.args("]"))
        raise JexlError(f"unexpected {value!r}")

    def postfix(self, node: Node) -> Node:
        while True:
            tok = self.peek()
            if tok == ("op", "."):
                self.i += 1
                node = ("get", node, ("lit", self.take()[1]))
            elif tok == ("op", "["):
                self.i += 1
                index = self.expression()
                self.take("]")
                node = ("get", node, index)
            elif tok == ("op", "|"):
                self.i += 1
                name = self.take()[1]
                extra: list[Node] = []
                if self.peek() == ("op", "("):
                    self.i += 1
                    extra = self.args(")")
                node = ("transform", name, node, extra)
            else:
                return node


@cache
def parse(expression: str) -> Node:
    """Parse a JEXL expression (cached: the Pre-scan's expressions are few and fixed)."""
    return _Parser(expression).parse()


Functions = dict[str, Callable[..., Any]]


def evaluate_jexl(expression: str, context: Json, functions: Functions, transforms: Functions) -> Any:
    """Evaluate a JEXL expression with JavaScript value semantics."""

    def ev(node: Node) -> Any:
        tag = node[0]
        if tag == "lit":
            return node[1]
        if tag == "id":
            return context.get(node[1], UNDEFINED)
        if tag == "get":
            obj, key = ev(node[1]), ev(node[2])
            if obj is None or obj is UNDEFINED:
                return UNDEFINED
            if isinstance(obj, dict):
                return obj.get(_to_string(key), UNDEFINED)
            if isinstance(obj, list) and isinstance(key, (int, float)) and not isinstance(key, bool):
                k = int(key)
                return obj[k] if 0 <= k < len(obj) else UNDEFINED
            if isinstance(obj, (list, str)) and key == "length":
                return len(obj)
            return UNDEFINED
        if tag == "call":
            fn = functions.get(node[1])
            if fn is None:
                raise JexlError(f"unknown function {node[1]}")
            return fn(*[ev(a) for a in node[2]])
        if tag == "transform":
            tf = transforms.get(node[1])
            if tf is None:
                raise JexlError(f"unknown transform {node[1]}")
            return tf(ev(node[2]), *[ev(a) for a in node[3]])
        if tag == "array":
            return [ev(a) for a in node[1]]
        if tag == "not":
            return not truthy(ev(node[1]))
        if tag == "neg":
            return _number(-_to_number(ev(node[1])))
        if tag == "cond":
            return ev(node[2]) if truthy(ev(node[1])) else ev(node[3])
        if tag == "bin":
            op = node[1]
            if op == "&&":
                left = ev(node[2])
                return ev(node[3]) if truthy(left) else left
            if op == "||":
                left = ev(node[2])
                return left if truthy(left) else ev(node[3])
            a, b = ev(node[2]), ev(node[3])
            if op == "==":
                return loose_equals(a, b)
            if op == "!=":
                return not loose_equals(a, b)
            if op in ("<", "<=", ">", ">="):
                return _compare(a, b, op)
            if op == "in":
                if isinstance(b, str):
                    return _to_string(a) in b
                if isinstance(b, list):
                    return any(strict_equals(e, a) for e in b)
                return False
            if op == "+":
                total = _add(a, b)
                return total if isinstance(total, str) else _number(total)
            x, y = _to_number(a), _to_number(b)
            if op == "-":
                return _number(x - y)
            if op == "*":
                return _number(x * y)
            if op == "/":
                return _number(x / y) if y else (math.nan if x == 0 or math.isnan(x) else math.copysign(math.inf, x))
            if op == "//":
                return _number(math.floor(x / y)) if y else math.nan
            if op == "%":
                return _number(math.fmod(x, y)) if y else math.nan
            if op == "^":
                return _number(x**y)
        raise JexlError(f"cannot evaluate {tag}")

    return ev(parse(expression))


# ---------------------------------------------------------------------------------------------
# the Pre-scan's calculations and assessments


@dataclass(frozen=True, slots=True)
class AssessmentOutcome:
    """The Invulhulp's verdict on one assessment: the first level whose expression holds."""

    id: str  # DPIA | DTIA | KIA | IAMA
    level: str | None  # required | recommended | None (no level holds)
    result: str  # the Invulhulp's own wording, e.g. "DPIA verplicht"
    criteria: tuple[tuple[str, str], ...]  # the criteria that held at that level: (id, explanation)


@dataclass(frozen=True, slots=True)
class InvulhulpOutcome:
    scores: dict[str, Any]
    assessments: dict[str, AssessmentOutcome]
    errors: tuple[str, ...]  # expressions that failed (the Invulhulp logs them and carries on)


def _functions(answers: dict[str, Any], d: Definition) -> Functions:
    def answer(task_id: Any) -> Any:
        tid = _to_string(task_id)
        if tid not in d.tasks:  # no instance for that task: the Invulhulp returns null
            return None
        value = answers.get(tid)
        return value if truthy(value) else None  # getAnswer(): `value || null`

    def to_bool(value: Any = UNDEFINED) -> bool:
        return value is True or value == "true"

    def count_selected(task_id: Any) -> int:
        value = answer(task_id)
        return len(value) if isinstance(value, list) else 0

    def weighted_count_map(values: Any = UNDEFINED, keys: Any = UNDEFINED, weights: Any = UNDEFINED) -> Any:
        if not isinstance(values, list):
            return 0
        table: dict[str, Any] = {}
        for i, key in enumerate(keys if isinstance(keys, list) else []):
            w = weights[i] if isinstance(weights, list) and i < len(weights) else UNDEFINED
            table[_to_string(key)] = w if truthy(w) else 0
        total: Any = 0
        for v in values:
            w = table.get(_to_string(v), UNDEFINED)
            total = _add(total, w if truthy(w) else 0)
        return _number(total) if not isinstance(total, str) else total

    def criteria_check(obj: Any = UNDEFINED) -> bool:
        return isinstance(obj, dict) and any(v is True for v in obj.values())

    return {
        "answers": answer,
        "bool": to_bool,
        "countSelectedOptions": count_selected,
        "weightedCountMap": weighted_count_map,
        "criteriaCheck": criteria_check,
    }


def _count(value: Any = UNDEFINED, *_: Any) -> int:
    return len(value) if isinstance(value, list) else 0


def evaluate_prescan(answers: dict[str, Any]) -> InvulhulpOutcome:
    """The Invulhulp's own outcome for a Pre-scan: scores, then DPIA/DTIA/KIA/IAMA levels.

    ``answers`` maps question ids to exported values ("true"/"false" texts, lists of option texts).
    Like the Invulhulp, every task's ``calculation`` runs whether or not the task is shown, a score
    is stored only when one of its ``riskScore`` rules holds, and a failing expression is skipped.
    """
    d = definition("prescan")
    functions = _functions(answers, d)
    transforms: Functions = {"count": _count}
    scores: Json = {}
    errors: list[str] = []
    for task in d.tasks.values():
        calc = task.data.get("calculation")
        if not isinstance(calc, dict):
            continue
        try:
            value = evaluate_jexl(str(calc["expression"]), {}, functions, transforms)
            for rule in calc.get("riskScore") or []:
                if truthy(evaluate_jexl(str(rule["when"]), {str(calc.get("scoreKey")): value}, functions, transforms)):
                    if calc.get("scoreKey"):
                        scores[str(calc["scoreKey"])] = rule["value"]
                    break
        except (JexlError, TypeError, ValueError, OverflowError) as exc:
            errors.append(f"{task.id}: {exc}")
    outcomes: dict[str, AssessmentOutcome] = {}
    for assessment in d.assessments:
        aid = str(assessment["id"])
        outcome = AssessmentOutcome(aid, None, "", ())
        context: Json = {"scores": scores}
        try:
            for level in assessment.get("levels", []):
                met: list[tuple[str, str]] = []
                for crit in level.get("criteria") or []:
                    try:
                        if truthy(evaluate_jexl(str(crit["expression"]), context, functions, transforms)):
                            met.append((str(crit["id"]), str(crit.get("explanation", ""))))
                    except (JexlError, TypeError, ValueError, OverflowError) as exc:
                        errors.append(f"{aid}/{crit['id']}: {exc}")
                level_context = (
                    {**context, "criteria": {cid: True for cid, _ in met}} if level.get("criteria") else context
                )
                if truthy(evaluate_jexl(str(level["expression"]), level_context, functions, transforms)):
                    outcome = AssessmentOutcome(aid, str(level["level"]), str(level.get("result", "")), tuple(met))
                    break
        except (JexlError, TypeError, ValueError, OverflowError) as exc:
            errors.append(f"{aid}: {exc}")
        outcomes[aid] = outcome
    return InvulhulpOutcome(scores, outcomes, tuple(errors))


# ---------------------------------------------------------------------------------------------
# pbd's screening of an imported description, and the comparison


def screening_of(description: Json) -> Screening:
    """pbd's screening of an imported description (plain JSON data), through the engine like every command.

    The screening does not depend on the evaluation date, so the date passed is immaterial.
    """
    import json

    from pbd import engine
    from pbd.description import load_text
    from pbd.knowledge_base import default_knowledge_base

    loaded = load_text(json.dumps(description, ensure_ascii=False), "<import>", json_input=True)
    return engine.check(loaded, default_knowledge_base(), engine.Options(today=dt.date(2000, 1, 1))).screening


#: the Pre-scan's AP-list options (question 3.1) -> the item of the AP list pbd screens for
AP_OPTIONS: dict[str, int] = {
    "Lijst AP: Heimelijk onderzoek": 1,
    "Lijst AP: Zwarte lijsten": 2,
    "Lijst AP: Fraudebestrijding": 3,
    "Lijst AP: Creditscores": 4,
    "Lijst AP: Financiële situatie": 5,
    "Lijst AP: Genetische persoonsgegevens": 6,
    "Lijst AP: Gezondheidsgegevens": 7,
    "Lijst AP: Samenwerkingsverbanden": 8,
    "Lijst AP: Cameratoezicht": 9,
    "Lijst AP: Flexibel cameratoezicht": 10,
    "Lijst AP: Controle werknemers": 11,
    "Lijst AP: Locatiegegevens": 12,
    "Lijst AP: Communicatiegegevens": 13,
    "Lijst AP: Internet of things": 14,
    "Lijst AP: Profilering": 15,
    "Lijst AP: Observatie en beïnvloeding van gedrag": 16,
    "Lijst AP: Biometrische gegevens": 17,
}
#: the Pre-scan's EDPB-list options (question 4.1) -> the WP248 criterion pbd screens for
EDPB_OPTIONS: dict[str, int] = {
    "Lijst EDPB: Mensen beoordelen met persoonskenmerken (evaluatie of scoring)": 1,
    "Lijst EDPB: Geautomatiseerde besluitvorming": 2,
    "Lijst EDPB: Stelselmatige en grootschalige monitoring": 3,
    "Lijst EDPB: Bijzondere persoonsgegevens of zeer gevoelige persoonsgegevens": 4,
    "Lijst EDPB: Grootschalige gegevensverwerkingen": 5,
    "Lijst EDPB: Koppelen van datasets": 6,
    "Lijst EDPB: Verwerking van persoonsgegevens over kwetsbare groepen of personen": 7,
    "Lijst EDPB: Gebruik van nieuwe technologieën": 8,
    "Lijst EDPB: Blokkering van een dienst, recht of contract": 9,
}

#: The deliberate differences between the Invulhulp's Pre-scan rules and pbd's screening.
#: Every disagreement the cross-check finds is explained by one or more of these, or called
#: "unexplained" (which would be a bug in the import or in pbd).
DEVIATIONS: dict[str, tuple[str, str]] = {
    "ap_ticked": (
        "De Invulhulp neemt een aangevinkt item van de AP-lijst (vraag 3.1) over als conclusie. pbd leidt de "
        "AP-lijst af uit de feiten van de beschrijving (verzamelmethoden, soorten gegevens, schaal) en de "
        "Pre-scan legt die feiten niet vast: vul ze aan in de beschrijving.",
        "The Invulhulp takes a ticked item of the AP list (question 3.1) as a conclusion. pbd derives the AP "
        "list from the facts of the description (collection methods, kinds of data, scale), which the Pre-scan "
        "does not record: add them to the description.",
    ),
    "risk_score": (
        "De Invulhulp maakt een DPIA ook verplicht als de som van haar risicoscores groter is dan 4. pbd kent "
        "geen puntentelling en beslist op de AP-lijst, de WP248-criteria, art. 35(3) AVG en nieuwe regelgeving.",
        "The Invulhulp also makes a DPIA mandatory when the sum of its risk scores exceeds 4. pbd has no point "
        "system and decides on the AP list, the WP248 criteria, GDPR art. 35(3) and new legislation.",
    ),
    "derived_not_ticked": (
        "pbd leidt deze items af uit de antwoorden van de Pre-scan zelf (soorten gegevens, betrokkenen, aantal "
        "betrokkenen), ook als ze niet zijn aangevinkt op de AP-lijst (3.1) of de EDPB-lijst (4.1); de Invulhulp "
        "telt alleen vinkjes.",
        "pbd derives these items from the Pre-scan's own answers (kinds of data, data subjects, number of data "
        "subjects), also when they were not ticked on the AP list (3.1) or the EDPB list (4.1); the Invulhulp "
        "counts only ticks.",
    ),
    "dtia_any_route": (
        "pbd wijst een DTIA aan bij elke opgegeven doorgifte buiten de EER (2.1.1) op standaardcontractbepalingen "
        "of een overig mechanisme. De Invulhulp doet dat alleen als de opslag (2.1.3) of de support (2.1.4) buiten "
        "de EER plaatsvindt en telt telemetrie (2.1.5) of toegang vanuit het hoofdkantoor (2.1.2) niet mee.",
        "pbd indicates a DTIA for every declared transfer outside the EEA (2.1.1) on standard contractual clauses "
        "or another mechanism. The Invulhulp does so only when storage (2.1.3) or support (2.1.4) is outside the "
        "EEA, and ignores telemetry (2.1.5) and access from the headquarters (2.1.2).",
    ),
    "dtia_no_mechanism": (
        "Er is een doorgifte buiten de EER opgegeven (2.1.1) zonder doorgiftemechanisme (2.1.6). pbd wijst dan een "
        "DTIA aan, omdat niet vaststaat dat de doorgifte op een adequaatheidsbesluit rust; de Invulhulp niet.",
        "A transfer outside the EEA is declared (2.1.1) without a transfer mechanism (2.1.6). pbd then indicates a "
        "DTIA, since it is not established that the transfer rests on an adequacy decision; the Invulhulp does not.",
    ),
    "hidden_answers": (
        "De export bevat antwoorden op vragen die de Invulhulp verbergt (hun voorwaarde geldt niet). De "
        "Invulhulp rekent er toch mee; pbd neemt ze niet over, net als de Invulhulp ze zelf niet zou exporteren.",
        "The export holds answers to questions the Invulhulp hides (their condition does not hold). The "
        "Invulhulp still counts them; pbd does not import them, just as the Invulhulp itself would not export them.",
    ),
    "unexplained": (
        "Dit verschil is niet verklaard; het is een fout in de import of in pbd. Meld het, met de export.",
        "This difference is not explained; it is a bug in the import or in pbd. Please report it with the export.",
    ),
}

_RANK = {None: 0, "recommended": 1, "required": 2}
_PBD_DPIA = {"mandatory": "required", "recommended": "recommended", "not_needed": None}
_SCC_OR_OTHER = ("Standaard contractsbepaling (SCC)", "Overig mechanisme")


@dataclass(frozen=True, slots=True)
class Comparison:
    """The Invulhulp's verdict and pbd's on one assessment; where they differ, the deviations that explain it."""

    assessment: str  # DPIA | DTIA | KIA | IAMA
    invulhulp: str | None  # required | recommended | None
    pbd: str | None
    reasons: tuple[str, ...]  # keys of DEVIATIONS
    details: tuple[str, ...]  # the items concerned (AP/EDPB items, question ids)

    @property
    def agree(self) -> bool:
        return self.invulhulp == self.pbd


def pbd_levels(s: Screening) -> dict[str, str | None]:
    """pbd's screening on the Invulhulp's scale."""
    return {
        "DPIA": _PBD_DPIA[s.dpia],
        "DTIA": "required" if s.dtia else None,
        "KIA": "recommended" if s.kia else None,
        "IAMA": "recommended" if s.iama else None,
    }


def _ticked(answers: dict[str, Any], qid: str, table: dict[str, int]) -> set[int]:
    value = answers.get(qid)
    return {table[v] for v in value if v in table} if isinstance(value, list) else set()


_RELEVANT = {"DPIA": "", "DTIA": "2.1.", "KIA": "7.1.", "IAMA": "6.1."}


def cross_check(
    answers: dict[str, Any], outcome: InvulhulpOutcome, screening: Screening, hidden: frozenset[str] = frozenset()
) -> list[Comparison]:
    """Compare the Invulhulp's DPIA/DTIA/KIA/IAMA verdicts with pbd's screening of the imported description.

    ``hidden`` names the questions whose answers pbd ignored because the Invulhulp hides them.
    """
    mine = pbd_levels(screening)
    out: list[Comparison] = []
    for aid in ("DPIA", "DTIA", "KIA", "IAMA"):
        theirs_outcome = outcome.assessments.get(aid, AssessmentOutcome(aid, None, "", ()))
        theirs, ours = theirs_outcome.level, mine[aid]
        reasons: list[str] = []
        details: list[str] = []
        if theirs != ours:
            if aid == "DPIA":
                reasons, details = _explain_dpia(answers, theirs_outcome, screening)
            elif aid == "DTIA":
                reasons, details = _explain_dtia(answers, theirs, ours)
            concerned = sorted(q for q in hidden if q.startswith(_RELEVANT[aid]))
            if not reasons and concerned:
                reasons, details = ["hidden_answers"], concerned
            if not reasons:
                reasons = ["unexplained"]
        out.append(Comparison(aid, theirs, ours, tuple(reasons), tuple(details)))
    return out


def _explain_dpia(answers: dict[str, Any], theirs: AssessmentOutcome, s: Screening) -> tuple[list[str], list[str]]:
    reasons: list[str] = []
    details: list[str] = []
    ap_ticked = _ticked(answers, "3.1", AP_OPTIONS)
    edpb_ticked = _ticked(answers, "4.1", EDPB_OPTIONS)
    ours = _PBD_DPIA[s.dpia]
    if _RANK[theirs.level] > _RANK[ours]:
        met = {cid for cid, _ in theirs.criteria}
        unexplained = False
        if "aplist" in met:
            missing = sorted(ap_ticked - set(s.ap))
            if missing:
                reasons.append("ap_ticked")
                details.extend(f"AP {n} {AP_TYPES[n][0]}" for n in missing)
            else:
                unexplained = True
        if "riskscore" in met:
            reasons.append("risk_score")
        if met & {"edpblist2", "edpblist1"} and not edpb_ticked <= set(s.edpb):
            unexplained = True  # every ticked EDPB item is imported as a fact; pbd must see it
        if "wetgeving" in met:
            unexplained = True  # new legislation is imported; pbd must see it
        if unexplained or not met & {"aplist", "riskscore"}:
            return [], []
        return reasons, details
    # pbd says more than the Invulhulp: items pbd derived that were not ticked
    derived = [f"AP {n} {AP_TYPES[n][0]}" for n in s.ap if n not in ap_ticked]
    derived += [f"EDPB {n} {EDPB_CRITERIA[n][0]}" for n in s.edpb if n not in edpb_ticked]
    derived += [f"AVG 35(3)({x})" for x in s.art35_3]
    if derived and not any(h.framework == "WETGEVING" for h in s.hits):
        reasons.append("derived_not_ticked")
        details.extend(derived)
    return reasons, details


def _explain_dtia(answers: dict[str, Any], theirs: str | None, ours: str | None) -> tuple[list[str], list[str]]:
    transfer = normalise(answers.get("2.1.1")) is True
    mechanism = answers.get("2.1.6")
    if theirs is None and ours == "required" and transfer:
        if mechanism is None:
            return ["dtia_no_mechanism"], ["2.1.1", "2.1.6"]
        if mechanism in _SCC_OR_OTHER and answers.get("2.1.3") != "Buiten EER" and answers.get("2.1.4") != "Buiten EER":
            return ["dtia_any_route"], ["2.1.2", "2.1.3", "2.1.4", "2.1.5"]
    return [], []


_LEVEL_TEXT = {
    None: ("niet nodig", "not needed"),
    "recommended": ("aanbevolen", "recommended"),
    "required": ("verplicht", "required"),
}
_KIND_TEXT = {
    ("DTIA", "required"): ("aangewezen", "indicated"),
    ("KIA", "recommended"): ("aanbevolen", "recommended"),
    ("IAMA", "recommended"): ("aanbevolen", "recommended"),
}


def level_text(aid: str, level: str | None, lang: str) -> str:
    pair = _KIND_TEXT.get((aid, level or ""), _LEVEL_TEXT[level])
    return pair[0] if lang == "nl" else pair[1]


def render_cross_check(comparisons: list[Comparison], outcome: InvulhulpOutcome, lang: str) -> list[str]:
    """The cross-check as text lines: both verdicts side by side, and why they differ."""
    nl = lang == "nl"
    out = [
        "Eigen uitkomst van de Invulhulp naast de screening van pbd:"
        if nl
        else "The Invulhulp's own outcome next to pbd's screening:"
    ]
    for c in comparisons:
        mark = "=" if c.agree else "≠"
        out.append(
            f"  {c.assessment}: Invulhulp {level_text(c.assessment, c.invulhulp, lang)} {mark} "
            f"pbd {level_text(c.assessment, c.pbd, lang)}"
        )
        inv = outcome.assessments.get(c.assessment)
        if inv is not None and inv.criteria:
            because = "; ".join(e for _cid, e in inv.criteria)
            out.append(f"    {'Invulhulp, omdat' if nl else 'Invulhulp, because'}: {because}")
        for reason in c.reasons:
            out.append(f"    {'Verschil' if nl else 'Difference'} ({reason}): {DEVIATIONS[reason][0 if nl else 1]}")
        if c.details:
            out.append(f"    {'Betreft' if nl else 'Concerns'}: {', '.join(c.details)}")
    if outcome.errors:
        out.append(
            ("  Expressies die in de Invulhulp falen: " if nl else "  Expressions that fail in the Invulhulp: ")
            + "; ".join(outcome.errors)
        )
    return out


__all__ = [
    "AP_OPTIONS",
    "DEVIATIONS",
    "EDPB_OPTIONS",
    "UNDEFINED",
    "AssessmentOutcome",
    "Comparison",
    "InvulhulpOutcome",
    "JexlError",
    "cross_check",
    "evaluate_jexl",
    "evaluate_prescan",
    "level_text",
    "loose_equals",
    "parse",
    "pbd_levels",
    "render_cross_check",
    "screening_of",
    "truthy",
]
