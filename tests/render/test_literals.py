import ast
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.render.literals import comment, docstring, py_literal

HOSTILE = [
    '"""; import os; os.system("echo pwned"); """',
    "'); import os; os.system('rm -rf /'); ('",
    "\\",
    'ends with a quote"',
    "{{ config }} {% raw %}",
    "line\n    import os\nos.system('x')",
    "\x00\x01\u2028\ud800",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_py_literal_round_trips_as_inert_data(text: str) -> None:
    source = f"x = {py_literal(text)}"
    tree = ast.parse(source)
    assert isinstance(tree.body[0], ast.Assign)
    assert isinstance(tree.body[0].value, ast.Constant)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
        max_leaves=10,
    )
)
def test_py_literal_evaluates_to_the_value(value: object) -> None:
    result = ast.literal_eval(py_literal(value)) if "float(" not in py_literal(value) else None
    if result is None and "float(" in py_literal(value):
        return
    if isinstance(value, float) and math.isnan(value):
        return
    assert result == value or (value != value)  # NaN nested in containers


@pytest.mark.parametrize("text", HOSTILE)
def test_docstring_cannot_close_early(text: str) -> None:
    source = f'def f():\n    """{docstring(text)}"""\n'
    tree = ast.parse(source)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef) and len(function.body) == 1
    assert isinstance(function.body[0], ast.Expr)


@given(st.text())
def test_docstring_is_always_one_string_statement(text: str) -> None:
    tree = ast.parse(f'def f():\n    """{docstring(text)}"""\n')
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef) and len(function.body) == 1


@given(st.text())
def test_comment_is_one_line(text: str) -> None:
    assert "\n" not in comment(text)
    ast.parse(f"# {comment(text)}\nx = 1\n")
