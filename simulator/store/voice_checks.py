"""Voice checks kept for trainers: each check a user completed (three sentences read, heard and
judged by simulator.voice.check), the newest per language being the one that counts.

A user saves only their own checks; a trainee reads only their own, staff read everyone's.
Only complete checks reach the store: one with an unusable recording is the trainee's to
redo, not a verdict on their set-up.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from ..user_text import clean
from .errors import RefusedPermission, RefusedValue
from .guard import utc_now, visible_user
from .models import LANGUAGES, VOICE_VERDICTS, UserRow, VoiceCheckRow
from .records import User, VoiceCheckRecord, from_row

DEVICE_CHARS = 300          # voice_checks.device: a user agent is kept, cut to fit
RECOGNISER_CHARS = 200
HEARD_CHARS = 500           # a sentence's transcript (a loop of the recogniser can be long)
SENTENCE_KEYS = ("text", "heard", "cer", "words", "unclear", "level_db")


class VoiceChecks:
    """Mixed into :class:`simulator.store.Store` (which provides ``transaction``)."""

    def save_voice_check(self, user: User, *, language: str, verdict: str, cer: float, unclear_share: float,
                         level_db: float | None, too_quiet: bool, sentences: Sequence[dict[str, Any]],
                         recogniser: str = "", device: str = "", now: dt.datetime | None = None) -> VoiceCheckRecord:
        """Keep ``user``'s completed check (``simulator.voice.check.VoiceCheck.to_record()``
        gives the fields). The device and the transcripts are cleaned and cut to fit, never
        refused: they come from the browser and the recogniser, not from what the user typed."""
        if language not in LANGUAGES:
            raise RefusedValue(f"language must be one of {', '.join(LANGUAGES)}, not '{language}'", code="language_unknown",
                               given=language)
        if verdict not in VOICE_VERDICTS:
            raise ValueError(f"verdict must be one of {', '.join(VOICE_VERDICTS)}, not '{verdict}'")
        if not sentences:
            raise ValueError("a voice check has sentences")
        kept = [{key: sentence.get(key) for key in SENTENCE_KEYS} for sentence in sentences]
        for sentence in kept:
            sentence["heard"] = clean(sentence["heard"] or "")[:HEARD_CHARS]
        with self.transaction() as session:
            owner = session.get(UserRow, user.id)
            if owner is None or not owner.active:
                raise RefusedPermission("unknown or deactivated user", code="user_inactive")
            row = VoiceCheckRow(user_id=owner.id, created_at=utc_now(now), language=language, verdict=verdict,
                                cer=float(cer), unclear_share=float(unclear_share),
                                level_db=None if level_db is None else float(level_db), too_quiet=bool(too_quiet),
                                sentences=kept, recogniser=clean(recogniser)[:RECOGNISER_CHARS],
                                device=clean(device)[:DEVICE_CHARS])
            session.add(row)
            session.flush()
            return from_row(VoiceCheckRecord, row)

    def voice_checks(self, viewer: User, user_id: int | None = None, *, language: str | None = None,
                     limit: int = 20) -> list[VoiceCheckRecord]:
        """A user's checks, newest first (``viewer``'s own when ``user_id`` is None; a trainee
        gets only their own, PermissionError for anyone else's)."""
        with self.transaction() as session:
            user_id = visible_user(session, viewer, user_id) or viewer.id
            query = select(VoiceCheckRow).where(VoiceCheckRow.user_id == user_id)
            if language is not None:
                query = query.where(VoiceCheckRow.language == language)
            rows = session.scalars(query.order_by(VoiceCheckRow.created_at.desc(), VoiceCheckRow.id.desc()).limit(limit))
            return [from_row(VoiceCheckRecord, row) for row in rows]

    def latest_voice_checks(self, viewer: User, user_id: int | None = None) -> dict[str, VoiceCheckRecord]:
        """The newest check of a user in each language they checked, by language."""
        latest: dict[str, VoiceCheckRecord] = {}
        for language in LANGUAGES:
            found = self.voice_checks(viewer, user_id, language=language, limit=1)
            if found:
                latest[language] = found[0]
        return latest
