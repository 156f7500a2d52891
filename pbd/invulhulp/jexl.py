"""A small JEXL interpreter with JavaScript's value rules: the part of JEXL 2.3.0 the Invulhulp's Pre-scan uses.

The Invulhulp evaluates prescan.yaml's calculations and assessments with JEXL. Its semantics are
kept, quirks included: `&&` and `||` share one precedence, associate to the left and return an
operand; `==` is JavaScript's loose equality (`"true" == true` is false); `+` follows JavaScript
(`false + 1` is 1). Nothing here knows about the Pre-scan; :mod:`pbd.invulhulp.rules` does.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import cache
from typing import Any

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


def to_primitive(v: Any) -> Any:
    if isinstance(v, list):
        return ",".join("" if e is None or e is UNDEFINED else to_string(e) for e in v)
    if isinstance(v, dict):
        return "[object Object]"
    return v


def to_number(v: Any) -> float:
    v = to_primitive(v)
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


def to_string(v: Any) -> str:
    v = to_primitive(v)
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
        return loose_equals(to_number(a), b)
    if isinstance(b, bool):
        return loose_equals(a, to_number(b))
    if isinstance(a, (list, dict)):
        return loose_equals(to_primitive(a), b)
    if isinstance(b, (list, dict)):
        return loose_equals(a, to_primitive(b))
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    return to_number(a) == to_number(b)


def strict_equals(a: Any, b: Any) -> bool:
    """JavaScript ``===``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    if isinstance(a, (list, dict)) or isinstance(b, (list, dict)):
        return a is b
    return type(a) is type(b) and bool(a == b)


def compare(a: Any, b: Any, op: str) -> bool:
    a, b = to_primitive(a), to_primitive(b)
    if isinstance(a, str) and isinstance(b, str):
        x: Any = a
        y: Any = b
    else:
        x, y = to_number(a), to_number(b)
        if math.isnan(x) or math.isnan(y):
            return False
    return bool({"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op])


def add(a: Any, b: Any) -> Any:
    a, b = to_primitive(a), to_primitive(b)
    if isinstance(a, str) or isinstance(b, str):
        return to_string(a) + to_string(b)
    return to_number(a) + to_number(b)


def js_number(v: float) -> Any:
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
                return obj.get(to_string(key), UNDEFINED)
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
            return js_number(-to_number(ev(node[1])))
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
                return compare(a, b, op)
            if op == "in":
                if isinstance(b, str):
                    return to_string(a) in b
                if isinstance(b, list):
                    return any(strict_equals(e, a) for e in b)
                return False
            if op == "+":
                total = add(a, b)
                return total if isinstance(total, str) else js_number(total)
            x, y = to_number(a), to_number(b)
            if op == "-":
                return js_number(x - y)
            if op == "*":
                return js_number(x * y)
            if op == "/":
                return js_number(x / y) if y else (math.nan if x == 0 or math.isnan(x) else math.copysign(math.inf, x))
            if op == "//":
                return js_number(math.floor(x / y)) if y else math.nan
            if op == "%":
                return js_number(math.fmod(x, y)) if y else math.nan
            if op == "^":
                return js_number(x**y)
        raise JexlError(f"cannot evaluate {tag}")

    return ev(parse(expression))


__all__ = [
    "UNDEFINED",
    "Functions",
    "JexlError",
    "Node",
    "add",
    "compare",
    "evaluate_jexl",
    "js_number",
    "loose_equals",
    "parse",
    "strict_equals",
    "to_number",
    "to_primitive",
    "to_string",
    "truthy",
]
