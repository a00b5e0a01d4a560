"""A trainee's personal data on request: everything kept about their calls, exported as one
ZIP archive or deleted, by an admin, each time written to the audit log.

What counts: the account's details, every attempt with its scorecard, turns (replies,
transcripts, scores), trainers' overrides and findings, the voice checks, and the recordings
still in the audio folder. Deleting removes all of it but the account itself (deactivate it on
the admin page to end it too) and the audit log's entries, which record that it was deleted.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select

from . import audit
from .audio_files import AudioFiles
from .errors import RefusedValue
from .guard import require_role
from .models import AttemptRow, TurnRow, UserRow, VoiceCheckRow
from .records import User, from_row

if TYPE_CHECKING:
    from .repository import Store


@dataclass(frozen=True)
class Holdings:
    """What the store keeps about one user."""

    user: User
    attempts: int
    turns: int
    voice_checks: int
    recordings: int          # audio keys saved with their turns (some may be purged already)


def holdings(store: Store, admin: User, user_id: int) -> Holdings:
    """Counts of what is kept about ``user_id``; admins only."""
    with store.transaction() as session:
        require_role(session, admin, ("admin",), "manage personal data")
        row = session.get(UserRow, user_id)
        if row is None:
            raise RefusedValue(f"no user {user_id}", code="user_missing", user_id=user_id)
        mine = select(AttemptRow.id).where(AttemptRow.user_id == user_id)
        count = lambda query: session.scalar(query) or 0     # noqa: E731
        return Holdings(
            from_row(User, row),
            count(select(func.count()).select_from(AttemptRow).where(AttemptRow.user_id == user_id)),
            count(select(func.count()).select_from(TurnRow).where(TurnRow.attempt_id.in_(mine))),
            count(select(func.count()).select_from(VoiceCheckRow).where(VoiceCheckRow.user_id == user_id)),
            count(select(func.count()).select_from(TurnRow).where(TurnRow.attempt_id.in_(mine), TurnRow.audio_key.is_not(None))),
        )


def export(store: Store, admin: User, user_id: int, audio: AudioFiles | None = None, *, source: str | None = None) -> bytes:
    """A ZIP archive of everything kept about ``user_id`` (see the module's note); admins only.
    Audited as an export."""
    audio = audio or AudioFiles.from_env()
    kept = holdings(store, admin, user_id)
    user = kept.user
    details = [store.attempt_detail(admin, a.id) for a in reversed(store.attempts(admin, user_id))]
    checks = store.voice_checks(admin, user_id, limit=1_000_000)
    buffer = io.BytesIO()
    missing = 0
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("profile.json", _json({k: v for k, v in asdict(user).items()}))
        archive.writestr("attempts.json", _json([
            {"attempt": asdict(d.attempt), "scorecard": d.scorecard, "turns": [asdict(t) for t in d.turns],
             "overrides": [asdict(o) for o in d.overrides]} for d in details]))
        archive.writestr("attempts.csv", _attempts_csv(details))
        archive.writestr("voice_checks.json", _json([asdict(c) for c in checks]))
        recordings = 0
        for detail in details:
            for turn in detail.turns:
                if not turn.audio_key:
                    continue
                try:
                    archive.writestr(f"recordings/{turn.audio_key}", audio.load(turn.audio_key))
                    recordings += 1
                except (FileNotFoundError, ValueError):
                    missing += 1     # past its retention
        archive.writestr("README.txt", (
            f"Personal data of {user.username}, exported {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC.\n"
            f"attempts.json / attempts.csv: {len(details)} call(s) with every reply and score; voice_checks.json: "
            f"{len(checks)} voice check(s); recordings/: {recordings} recording(s)"
            + (f" ({missing} already deleted after their retention)" if missing else "") + ".\n"))
    audit.record_now(store, "export", admin, f"user {user.username}",
                     {"kind": "personal_data", "attempts": len(details), "recordings": recordings}, source=source)
    return buffer.getvalue()


def delete_all(store: Store, admin: User, user_id: int, confirm: str, audio: AudioFiles | None = None, *,
               source: str | None = None) -> Holdings:
    """Delete every attempt (turns, overrides, findings with them), voice check and recording
    of ``user_id``; admins only. ``confirm`` must be the user's username (ValueError otherwise):
    nothing is deleted by a slip. Returns what was deleted; audited as a deletion."""
    audio = audio or AudioFiles.from_env()
    kept = holdings(store, admin, user_id)
    if confirm.strip().lower() != kept.user.username:
        raise RefusedValue(f"type the username '{kept.user.username}' to confirm the deletion", code="confirm_username",
                           username=kept.user.username)
    with store.transaction() as session:
        require_role(session, admin, ("admin",), "manage personal data")
        mine = select(AttemptRow.id).where(AttemptRow.user_id == user_id)
        keys = session.scalars(select(TurnRow.audio_key).where(TurnRow.attempt_id.in_(mine), TurnRow.audio_key.is_not(None))).all()
        session.execute(delete(TurnRow).where(TurnRow.attempt_id.in_(mine)))
        session.execute(delete(AttemptRow).where(AttemptRow.user_id == user_id))     # overrides and findings cascade
        session.execute(delete(VoiceCheckRow).where(VoiceCheckRow.user_id == user_id))
        audit.record(session, "deletion", admin, f"user {kept.user.username}",
                     {"kind": "personal_data", "attempts": kept.attempts, "turns": kept.turns,
                      "voice_checks": kept.voice_checks, "recordings": len(keys)}, source=source)
    for key in keys:     # after the commit: a failed deletion of rows leaves the files
        try:
            audio.delete(key, by=admin, store=store)
        except ValueError:
            pass
    return kept


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, default=_plain)


def _plain(value):
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _attempts_csv(details) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["attempt", "scenario", "version", "mode", "status", "started_at", "finished_at", "outcome", "overall",
                     "reviewed_overall", "turns"])
    for d in details:
        a = d.attempt
        writer.writerow([a.id, a.scenario_id, a.version, a.mode, a.status, a.started_at.isoformat(),
                         a.finished_at.isoformat() if a.finished_at else "", a.outcome or "",
                         "" if a.overall is None else round(a.overall, 1),
                         "" if a.reviewed_overall is None else round(a.reviewed_overall, 1), len(d.turns)])
    return out.getvalue()
