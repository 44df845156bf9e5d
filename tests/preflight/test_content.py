"""preflight/content.py: the colour interpreter asks qpdf only for the operators it reads."""

from __future__ import annotations

import ast
import inspect
import textwrap

from pressroom.preflight import content


def _operators_named_in(function) -> set[bytes]:
    """Every bytes literal in the function's source: the operators it compares against, and
    the names of the module's operator sets it consults."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    named: set[bytes] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, bytes):
            named.add(node.value)
        elif isinstance(node, ast.Name) and node.id.endswith("_OPS"):
            named |= set(getattr(content, node.id))
    return named


def test_every_operator_the_interpreter_reads_is_asked_of_qpdf():
    """An operator left out of the list would be dropped while parsing, and its colours never
    checked, without any error."""
    named = _operators_named_in(content._Scanner._interpret) - {content.INLINE_IMAGE}
    assert named, "the interpreter names no operators: the test reads the wrong function"
    assert named <= content._INTERPRETED, sorted(named - content._INTERPRETED)
    assert content._OPERANDS_READ <= content._INTERPRETED
