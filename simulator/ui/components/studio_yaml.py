"""The "YAML" tab: the whole working text in a box, checked on every rerun by the same loader
the library uses, with each problem as "line N: what is wrong" and the offending line quoted
with the lines around it, in the trainer's language; then the validator's warnings (what loads
but is probably a mistake) the same way. Streamlit sends the box's text when it loses focus or on Ctrl+Enter,
so the check runs then (the help text says so). Uses the YAML box key of studio_session.
"""
from __future__ import annotations

import streamlit as st

from simulator.library.loader import Problem
from simulator.scenario.messages import in_language
from simulator.services.studio import text_warnings
from simulator.texts.formats import literal
from simulator.texts.labels import Labels

from . import studio_session

CONTEXT = 1     # lines quoted before and after the offending one
MONOSPACE = "<style>.st-key-studio-yaml textarea {font-family: ui-monospace, 'DejaVu Sans Mono', monospace; white-space: pre; overflow-x: auto;}</style>"


def render(scenario_id: str, text: str, problems: list[Problem], tr: Labels) -> None:
    studio_session.show_in_box(scenario_id)
    st.html(MONOSPACE)      # YAML's indentation is only readable in a fixed-width font
    with st.container(key="studio-yaml"):
        st.text_area(tr("studio_yaml_label"), key=studio_session.box_key(scenario_id), height=520, help=tr("studio_yaml_help"),
                     on_change=studio_session.latest, args=(scenario_id,))
    if problems:
        st.error(tr("studio_problems", count=len(problems)))
        for problem in problems:
            st.markdown(problem_line(problem, tr))
            st.code(quote(text, problem.line), language=None)
    else:
        st.success(tr("studio_no_problems"))
        warnings = text_warnings.of(text, scenario_id)
        if warnings:        # it loads and plays, but is probably a mistake
            st.warning(tr("studio_warnings", count=len(warnings)))
            for warning in warnings:
                st.markdown(problem_line(warning, tr))
                st.code(quote(text, warning.line), language=None)
    with st.expander(tr("studio_numbered")):
        st.code(text, language="yaml", line_numbers=True)


def problem_line(problem: Problem, tr: Labels) -> str:
    message = in_language(problem.message, tr.language)        # the validator's own words, in the trainer's language
    return tr("studio_problem_line", line=problem.line, message=literal(message))    # it quotes the text


def quote(text: str, line: int, context: int = CONTEXT) -> str:
    """Line ``line`` (1-based) with ``context`` lines either side, numbered, the line itself marked."""
    lines = text.splitlines() or [""]
    line = min(max(line, 1), len(lines))
    first, last = max(1, line - context), min(len(lines), line + context)
    width = len(str(last))
    return "\n".join(f"{'→' if n == line else ' '} {n:>{width}} | {lines[n - 1]}" for n in range(first, last + 1))
