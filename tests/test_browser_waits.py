"""Browser tests wait with functions, never bare expressions.

Playwright evaluates a bare expression given to ``wait_for_function`` as script,
which the site's CSP (no 'unsafe-eval') refuses as soon as the first check is
false: the test then fails only when the machine is slow. Two tests did.
"""

from __future__ import annotations

import ast
import re

from tests.conftest import ROOT

FUNCTION = re.compile(r"^\s*(\([^)]*\)|[A-Za-z_$][\w$]*)\s*=>|^\s*(async\s+)?function\b")


def test_every_wait_for_function_is_given_a_function():
    bare = []
    for path in sorted((ROOT / "tests" / "browser").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", "") == "wait_for_function"
                and node.args
            ):
                first = node.args[0]
                text = first.value if isinstance(first, ast.Constant) else None
                if not isinstance(text, str) or not FUNCTION.match(text):
                    bare.append(f"{path.name}:{node.lineno}")
    assert bare == []
