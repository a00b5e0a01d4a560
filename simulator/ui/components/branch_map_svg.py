"""The branch map drawn as SVG (simulator.services.learning.branch_map): plain vector graphics written
here, so the map shows in any browser, prints, and downloads as a file, with no graph tool
installed. Layers go top to bottom (layout.py); the trainee's path is solid blue, the
reference answers' path green dashes, an end node is coloured by its outcome. On a cohort's
map each branch carries the share of calls that took it and each node the facts most missed.
No Streamlit here: the component shows what this returns (as an image: st.html's sanitiser
drops SVG)."""
from __future__ import annotations

import textwrap
from xml.sax.saxutils import escape

from simulator.services.learning.branch_map import BranchMap, MapEdge, MapNode
from simulator.scoring.marks import points
from simulator.services.learning.reasons import Reason
from simulator.texts.labels import Labels


BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN, LEGEND = 250, 118, 30, 54, 16, 34
LINE, CHARS = 14, 35                # text line height (px) and characters per line at 11 px (Cyrillic is wide)
YOU, REFERENCE, OTHER = "#1f5fbf", "#2e7d32", "#9aa0a6"
COLOURS = {"you": YOU, "reference": REFERENCE, "other": OTHER}
END_FILL = {"resolved": "#e6f4ea", "escalated": "#fff4e5", "hung_up": "#fdecea"}


def reason_text(reason: Reason, tr: Labels) -> str:
    """One reason in the reader's words (the fact stays in the scenario's language)."""
    if reason.metric:
        return tr(f"why_{reason.key}", metric=tr(f"score_{reason.metric}"), value=round(reason.value), limit=f"{reason.limit:g}")
    return tr(f"why_{reason.key}", fact=reason.fact)


def svg(result: BranchMap, tr: Labels, speaker: str | None = None) -> str:
    """``speaker``: who gave the replies, as staff see them (the trainee sees «Ви»)."""
    width = max(1, result.layout.width) * (BOX_W + GAP_X) + 2 * MARGIN     # a gap's room on the right for the ways back
    height = len(result.layout.layers) * (BOX_H + GAP_Y) - GAP_Y + 2 * MARGIN + LEGEND
    places = {}
    for depth, layer in enumerate(result.layout.layers):
        left = (width - (len(layer) * (BOX_W + GAP_X) - GAP_X)) / 2
        for k, name in enumerate(layer):
            places[name] = (left + k * (BOX_W + GAP_X), MARGIN + LEGEND + depth * (BOX_H + GAP_Y))
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
            f'height="{height:.0f}" style="font-family:sans-serif;font-size:11px" role="img" '
            f'aria-label="{escape(tr("map_heading"))}">')
    arrows = "".join(f'<marker id="arrow-{n}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" '
                     f'markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{c}"/></marker>'
                     for n, c in COLOURS.items())
    parts = [head, f"<defs>{arrows}</defs>", _legend(tr, result.attempts > 0)]
    order = sorted(result.edges, key=lambda e: (e.trainee, e.reference))     # the paths drawn over the other branches
    parts += [_edge(edge, places, result, tr) for edge in order]
    parts += [_node(node, places[node.id], result, tr, speaker or tr("you_said"))
              for node in result.nodes.values() if node.id in places]
    parts.append("</svg>")
    return "\n".join(parts)


def _legend(tr: Labels, cohort: bool) -> str:
    items = [(YOU, "", tr("map_legend_you"))] if not cohort else []
    items.append((REFERENCE, ' stroke-dasharray="6 4"', tr("map_legend_reference")))
    out, x = [], MARGIN
    for colour, dash, text in items:
        out.append(f'<line x1="{x}" y1="{MARGIN + 8}" x2="{x + 30}" y2="{MARGIN + 8}" stroke="{colour}" stroke-width="3"{dash}/>'
                   f'<text x="{x + 36}" y="{MARGIN + 12}">{escape(text)}</text>')
        x += 60 + 6.5 * len(text)
    return "".join(out)


def _edge(edge: MapEdge, places: dict, result: BranchMap, tr: Labels) -> str:
    kinds = [k for k, on in (("you", edge.trainee), ("reference", edge.reference)) if on] or ["other"]
    out = ""
    for kind in kinds:      # both paths on one branch: the reference's dashes beside the trainee's line
        x1, y1, x2, y2, path = _route(places[edge.source], places[edge.target], 5 if kind == "reference" and edge.trainee else 0)
        dash = ' stroke-dasharray="6 4"' if kind == "reference" else ""
        out += (f'<path d="{path}" fill="none" stroke="{COLOURS[kind]}" stroke-width="{1.2 if kind == "other" else 3}"{dash} '
                f'marker-end="url(#arrow-{kind})"/>')
    share = edge.share(result.nodes[edge.source].reached) if result.attempts else None
    if share is not None:
        label = tr("map_share", share=round(100 * share))
        out += (f'<text x="{(x1 + x2) / 2:.0f}" y="{(y1 + y2) / 2 - 3:.0f}" text-anchor="middle" font-weight="bold" '
                f'fill="{COLOURS[kinds[-1]] if kinds != ["other"] else "#444"}">{escape(label)}</text>')
    return out


def _route(source: tuple[float, float], target: tuple[float, float], shift: float) -> tuple:
    """Where a branch's line starts and ends, and its SVG path: down from the bottom to the top
    of a later layer; to a neighbour in the same layer, side to side; further along it, an arch
    above; back to an earlier layer, round the right-hand side (the canvas keeps room there)."""
    (sx, sy), (tx, ty) = source, target
    if ty > sy:
        x1, y1, x2, y2 = sx + BOX_W / 2 + shift, sy + BOX_H, tx + BOX_W / 2 + shift, ty - 2
        return x1, y1, x2, y2, f"M{x1:.0f},{y1:.0f} C{x1:.0f},{y1 + GAP_Y / 2:.0f} {x2:.0f},{y2 - GAP_Y / 2:.0f} {x2:.0f},{y2:.0f}"
    if ty == sy and abs(tx - sx) <= BOX_W + GAP_X:
        y = sy + BOX_H / 2 + shift
        x1, x2 = (sx + BOX_W, tx - 2) if tx > sx else (sx, tx + BOX_W + 2)
        return x1, y, x2, y, f"M{x1:.0f},{y:.0f} L{x2:.0f},{y:.0f}"
    if ty == sy:        # further along the same layer: an arch over the boxes between
        x1, x2, y = sx + BOX_W / 2 + shift, tx + BOX_W / 2 + shift, sy
        arch = y - GAP_Y * 0.45
        return x1, arch, x2, arch, f"M{x1:.0f},{y:.0f} C{x1:.0f},{arch:.0f} {x2:.0f},{arch:.0f} {x2:.0f},{y - 2:.0f}"
    x1, y1, x2, y2 = sx + BOX_W, sy + BOX_H / 2 + shift, tx + BOX_W + 2, ty + BOX_H / 3 + shift
    bulge = max(x1, x2) + GAP_X * 0.9
    return x1, y1, x2, y2, f"M{x1:.0f},{y1:.0f} C{bulge:.0f},{y1:.0f} {bulge:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"


def _node(node: MapNode, place: tuple[float, float], result: BranchMap, tr: Labels, speaker: str) -> str:
    x, y = place
    yours = node.reached and not result.attempts
    stroke = YOU if yours else REFERENCE if node.reference else OTHER
    dash = ' stroke-dasharray="6 4"' if node.reference and not yours else ""
    fill = END_FILL.get(node.end or "", "#ffffff")
    out = [(f'<g><rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="8" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{2.5 if node.reached or node.reference else 1}"{dash}/>')]
    lines: list[tuple[str, str]] = []      # (text, style)
    if node.end:
        lines.append((tr(f"outcome_{node.end}"), "bold"))
    lines += [(text, "") for text in _wrap(f"«{node.line}»" if node.line else "", 2 if node.visits or result.attempts else 4)]
    if node.visits:
        last = node.visits[-1]
        said = tr("silence_given") if last.silent else f"{speaker} {last.reply}"
        lines.append((_short(said), "italic"))
        score = tr("map_score", score=points(last.overall)) if last.overall is not None else ""
        lines.append((" · ".join(filter(None, [score, tr("map_visits", count=len(node.visits)) if len(node.visits) > 1 else ""])), "bold"))
        why = "; ".join(reason_text(r, tr) for r in last.reasons)
        lines += [(text, "why") for text in _wrap(f"→ {why}" if why else "", 2)]
    if result.attempts:
        lines.append((tr("map_reached", count=node.reached), "bold"))
        lines += [(_short(tr("map_missed", fact=fact, count=count)), "why") for fact, count in node.missed]
    styles = {"bold": ' font-weight="bold"', "italic": ' font-style="italic"', "why": f' fill="{YOU if not result.attempts else "#b3261e"}"', "": ""}
    for k, (text, style) in enumerate(lines[: (BOX_H - 8) // LINE]):
        out.append(f'<text x="{x + 8:.0f}" y="{y + 16 + k * LINE:.0f}"{styles[style]}>{escape(text)}</text>')
    out.append(f"<title>{escape(node.line)}</title></g>")
    return "".join(out)


def _wrap(text: str, lines: int) -> list[str]:
    wrapped = textwrap.wrap(text, CHARS)
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: CHARS - 1].rstrip() + "…"
    return wrapped


def _short(text: str) -> str:
    return text if len(text) <= CHARS else text[: CHARS - 1].rstrip() + "…"
