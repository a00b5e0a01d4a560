"""What the recording showed about a spoken reply's key facts, beyond its transcript.

A free transcript of a spoken Ukrainian reply can be far from what was said (Whisper base on
synthetic or accented speech), so the voice layer also checks each key fact against the audio
itself (simulator/voice/verify.py) and hands the outcome to scoring as a `Hearing`:

- ``verified``: facts the audio confirmed although the transcript does not show them; they
  count as said, with the evidence "verified from the recording".
- ``unclear``: facts the recogniser could neither confirm nor rule out; they are shown as
  "not heard clearly" and left out of the accuracy score instead of counting as missed.

A typed reply has no hearing (``None``); a spoken one whose every fact was plainly heard or
plainly absent has an empty one. It is saved with the turn (its facts marked in the score), so a resumed call
scores the same.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hearing:
    verified: frozenset[str] = frozenset()
    unclear: frozenset[str] = frozenset()

    def __post_init__(self):
        object.__setattr__(self, "verified", frozenset(self.verified))
        object.__setattr__(self, "unclear", frozenset(self.unclear) - frozenset(self.verified))

    @classmethod
    def from_saved(cls, score: dict | None) -> Hearing | None:
        """The hearing a saved turn was scored with (its facts marked "verified" or
        "unclear"), so that replaying the turn scores it the same."""
        facts = ((score or {}).get("accuracy") or {}).get("facts") or []
        verified = {f["id"] for f in facts if f.get("heard") == "verified"}
        unclear = {f["id"] for f in facts if f.get("heard") == "unclear"}
        return cls(frozenset(verified), frozenset(unclear)) if verified or unclear else None
