"""The "Preview" tab: every customer line, node by node, in the persona's voice (the same
synthesis and cache as a call), and a walk through the branches steered by hand: the current
node's line, one button per way on with its condition, back, the path so far and the outcome
at an end. Owns ``studio.walk.<id>`` (the path) and the walk's buttons."""
from __future__ import annotations

import streamlit as st

from simulator.scenario.model import Scenario
from simulator.services.studio import preview
from simulator.texts.formats import literal
from simulator.texts.labels import Labels
from simulator.voice import speech
from simulator.voice.tts import TTSError



def render(scenario_id: str, scenario: Scenario | None, tr: Labels) -> None:
    if scenario is None:
        st.info(tr("studio_needs_valid"))
        return
    st.subheader(tr("studio_walk"))
    _walk(scenario_id, scenario, tr)
    st.subheader(tr("studio_lines"))
    if scenario.channel != "voice":
        st.caption(tr("studio_lines_chat"))
    for node, lines in _by_node(preview.lines(scenario)).items():
        st.markdown(f"**{literal(node)}**" if node is not None else f"**{tr('studio_silence_prompt')}**")
        for line in lines:
            _line(scenario, line.text, tr)


def _by_node(lines: list[preview.CustomerLine]) -> dict[str | None, list[preview.CustomerLine]]:
    grouped: dict[str | None, list[preview.CustomerLine]] = {}
    for line in lines:
        grouped.setdefault(line.node, []).append(line)
    return grouped


def _line(scenario: Scenario, text: str, tr: Labels) -> None:
    st.markdown(f"> {literal(text)}")
    if scenario.channel != "voice":
        return
    try:
        st.audio(speech.customer_audio(scenario, text), format="audio/wav")
    except (TTSError, ValueError) as exc:
        st.warning(tr("voice_unavailable", error=literal(exc)))


def _walk(scenario_id: str, scenario: Scenario, tr: Labels) -> None:
    key = f"studio.walk.{scenario_id}"
    walk = _restored(scenario, st.session_state.get(key))
    st.session_state[key] = walk.path
    st.caption(tr("studio_path", path=" → ".join(map(literal, walk.path))))
    with st.container(border=True):
        st.markdown(f"**{literal(walk.node_id)}**")
        for text in walk.customer:
            _line(scenario, text, tr)
        if walk.finished:
            st.success(tr("studio_walk_end", outcome=tr(f"outcome_{walk.outcome}")))
        for k, choice in enumerate(walk.choices()):
            st.button(_choice_label(choice, tr), key=f"{key}.go.{k}", on_click=_go, args=(key, choice.target),
                      icon=":material/arrow_forward:")
    with st.container(horizontal=True):
        st.button(tr("studio_walk_back"), key=f"{key}.back", icon=":material/undo:", disabled=not walk.can_go_back,
                  on_click=_back, args=(key,))
        st.button(tr("studio_walk_restart"), key=f"{key}.restart", icon=":material/restart_alt:",
                  disabled=not walk.can_go_back, on_click=st.session_state.pop, args=(key, None))


def _restored(scenario: Scenario, path: list[str] | None) -> preview.Walk:
    """The walk along ``path`` as far as the (possibly edited) scenario still allows."""
    walk = preview.Walk(scenario)
    if not path or path[0] != walk.start:
        return walk
    for target in path[1:]:
        try:
            walk.go(target)
        except ValueError:
            break
    return walk


def _choice_label(choice: preview.Choice, tr: Labels) -> str:
    target = literal(choice.target) + (f" ({tr(f'outcome_{choice.end}')})" if choice.end else "")
    if choice.kind == "if":
        return tr("studio_choice_if", condition=literal(choice.condition), target=target)
    if choice.kind == "otherwise":
        return tr("studio_choice_otherwise", target=target)
    return tr("studio_choice_next", target=target)


def _go(key: str, target: str) -> None:
    st.session_state[key] = [*st.session_state.get(key, []), target]


def _back(key: str) -> None:
    st.session_state[key] = st.session_state.get(key, [])[:-1]
