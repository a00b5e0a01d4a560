"""One scored reply with its evidence: scores, key facts said and missed, wrong facts,
how the reply came across, the time taken, and a better answer.

Reads a ``TurnScore.to_dict()`` (live during a call, or as saved with the attempt), so a
reply looks the same during the call and on the scorecard. Everything is worded in the
interface language except the evidence itself (facts, phrases, the reference answer), which
is quoted in the scenario's language.
"""
from __future__ import annotations

from typing import Any

import streamlit as st

from simulator.scoring.marks import points
from simulator.texts.formats import literal
from simulator.texts.labels import Labels


def render(score: dict[str, Any], tr: Labels) -> None:
    accuracy, empathy, time = score["accuracy"], score["empathy"], score["time"]
    columns = st.columns(4)
    columns[0].metric(tr("score_overall"), f"{points(score['overall'])}")
    columns[1].metric(tr("score_accuracy"), f"{points(accuracy['score'])}")
    columns[2].metric(tr("score_empathy"), f"{points(empathy['score'])}")
    columns[3].metric(tr("score_time"), f"{points(time['score'])}")

    if score["compliance"]["critical"]:
        for flag in score["compliance"]["flags"]:
            if flag["critical"]:
                st.error(tr("critical_flag", kind=tr(f"flag_{flag['kind']}"), phrase=literal(flag["phrase"])))

    facts = accuracy["facts"]
    if facts:
        said = sum(f["said"] for f in facts)
        lines = [f"**{tr('facts_heading', said=said, total=len(facts))}**", ""]
        for fact in facts:
            name = literal(fact["fact"])
            if fact["said"] and fact.get("heard") == "verified":
                lines.append(f"- :green[✓] {name} — {tr('fact_verified')}")
            elif fact["said"]:
                lines.append(f"- :green[✓] {name} — «{literal(fact['wording'])}»")
            elif fact.get("heard") == "unclear":
                lines.append(f"- :gray[?] {name} — {tr('fact_unclear')}")
            elif fact.get("partial"):
                lines.append(f"- :orange[½] {name} — {tr('fact_gist', wording=literal(fact.get('gist', '')))}")
            elif fact.get("meaning"):
                lines.append(f"- :orange[~] {name} — "
                             f"{tr('fact_close', sentence=literal(fact['sentence']), percent=round(100 * fact['credit']))}")
            elif fact.get("contradicted"):
                lines.append(f"- :red[✗] {name} — {tr('fact_contradicted', wording=literal(fact.get('wording', '')))}")
            else:
                lines.append(f"- :red[✗] {name} — {tr('fact_missed')}")
        st.markdown("\n".join(lines))
    for fact in accuracy["wrong_facts"]:
        st.warning(f"{tr('wrong_fact', fact=literal(fact['fact']))} {literal(fact.get('correction', ''))}".strip())
    for fact in accuracy.get("wrong_by_meaning", []):      # less sure: said in other words, costs less
        st.warning(f"{tr('wrong_fact_meant', sentence=literal(fact['sentence']), fact=literal(fact['fact']))} "
                   f"{literal(fact.get('correction', ''))}".strip())
    if accuracy.get("invented"):
        st.warning(tr("invented_promise", items=", ".join(f"«{literal(p)}»" for p in accuracy["invented"])))
    manner = [f"- {tr(f'note_{note}')}" for note in empathy["notes"]]
    if empathy["helped"]:
        manner.append(f"- **{tr('phrases_helped')}** " + ", ".join(f"«{literal(p)}»" for p in empathy["helped"]))
    if empathy["hurt"]:
        manner.append(f"- **{tr('phrases_hurt')}** " + ", ".join(f"«{literal(p)}»" for p in empathy["hurt"]))
    if manner:
        st.markdown("\n".join(manner))
    timing = tr("time_line", seconds=round(time["seconds"]), target=round(time["target"]), band=tr(f"band_{time['band']}"))
    if time.get("latency") is not None:
        timing += " " + tr("latency_line", seconds=f"{time['latency']:.1f}")
    st.markdown(f"**{tr('time_heading')}** {timing}")

    if accuracy.get("closest_reference"):
        st.markdown(f"**{tr('closest_reference')}**")
        st.info(literal(accuracy["closest_reference"]), icon=":material/lightbulb:")
