"""Short feedback in the scenario's language: which lines a scored reply and a call get. Their
wording is in simulator/texts/feedback.py, keyed by language."""
from __future__ import annotations

from simulator.texts.feedback import quoted, say
from simulator.scoring.marks import points


def turn(score, language: str) -> list[str]:
    """Feedback lines for one scored reply (a scorecard.TurnScore)."""
    lines: list[str] = []
    facts = score.accuracy.facts
    if facts:
        lines.append(say(language, "facts", said=sum(f.said for f in facts), total=len(facts)))
        missing = [f.fact for f in facts if not f.said and not f.unclear]
        if missing:
            lines.append(say(language, "missing", items="; ".join(missing)))
        unclear = [f.fact for f in facts if f.unclear]
        if unclear:
            lines.append(say(language, "unclear", items="; ".join(unclear)))
        verified = [f.fact for f in facts if f.heard == "verified"]
        if verified:
            lines.append(say(language, "verified", items="; ".join(verified)))
    for wrong in score.accuracy.wrong:
        lines.append(say(language, "wrong", fact=wrong.fact, correction=wrong.correction))
    for meant in score.accuracy.meant:
        lines.append(say(language, "wrong_meant", sentence=meant.sentence, fact=meant.fact, correction=meant.correction))
    if score.accuracy.instead:
        lines.append(say(language, f"not_answered_{score.accuracy.instead}"))
    if score.accuracy.invented:
        lines.append(say(language, "invented", items=quoted(language, score.accuracy.invented)))
    for flag in score.flags:
        if flag.critical:
            lines.append(say(language, "critical", what=say(language, f"kind_{flag.kind}"), phrase=flag.phrase))
    lines += [say(language, note) for note in score.empathy.notes]
    if score.empathy.helped:
        lines.append(say(language, "helped", items=quoted(language, score.empathy.helped[:4])))
    if score.empathy.hurt:
        lines.append(say(language, "hurt", items=quoted(language, score.empathy.hurt[:4])))
    time = score.time
    lines.append(say(language, "time", seconds=round(time.seconds), target=round(time.target), band=say(language, f"band_{time.band}")))
    if score.overall < 90 and score.accuracy.closest_reference:
        lines.append(say(language, "better", reference=score.accuracy.closest_reference))
    return lines


def verdict(call, language: str) -> list[str]:
    """Pass or fail, and why (for a scorecard.CallScore)."""
    if call.passed:
        return [say(language, "passed", score=points(call.overall), mark=call.pass_mark)]
    lines = [say(language, "failed")]
    for reason in call.reasons:
        if reason == "below_mark":
            lines.append(say(language, "reason_below_mark", score=points(call.overall), mark=call.pass_mark))
        elif reason == "critical":
            lines.append(say(language, "reason_critical"))
        elif reason == "outcome":
            lines.append(say(language, "reason_outcome", outcome=say(language, f"outcome_{call.outcome}")))
    return lines
