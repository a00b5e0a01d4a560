"""The third speech-recognition backend: a transcription server over HTTP.

Chosen with `SIMULATOR_ASR_BACKEND=http`. It speaks the OpenAI-compatible API that
self-hosted Whisper servers implement (our own `python -m simulator asr-server`,
faster-whisper-server / speaches, whisper.cpp's server, LocalAI):
`POST {base}/v1/audio/transcriptions`, multipart form data with `file`, `model`, `language`,
`prompt`, `temperature=0`, `response_format=verbose_json` and `timestamp_granularities[]` word
and segment. A site runs a bigger model (large-v3) on a machine with a GPU or more cores and
every app replica sends its replies there.

Settings:
- `SIMULATOR_ASR_URL`: one base URL or several separated by commas (`http://asr1:8765,
  http://asr2:8765`; a base ending in `/v1` is taken as it is). Each reply goes to the server
  with the fewest replies of this process in flight, in turn among equals. A server that
  does not answer (connection refused, timeout, 502/504 from a proxy) is tried last for
  DOWN_SECONDS and the reply goes to the next; a busy one (503/429) passes the reply on too.
  Only when none answers is it an `AsrError` naming each server and why (all busy: `AsrBusy`).
- `SIMULATOR_ASR_API_KEY`: sent as `Authorization: Bearer ...` (our server checks the same variable).
- `SIMULATOR_ASR_TIMEOUT`: seconds one server may take for one reply (default 60).
- `SIMULATOR_ASR_MODEL`: the name sent as `model` (default 'base'); what it means is the
  server's business (speaches: 'Systran/faster-whisper-large-v3'; whisper.cpp ignores it). Our
  server runs the one model it was started with and says which, in an extra field `model`.

The audio is decoded and checked here first (`asr.prepare_audio`): bad audio never leaves the
machine, and what is sent is always 16 kHz mono 16-bit WAV, which every such server reads.

Word confidence: a word's `probability` is taken when the server sends it (ours does, and so
does speaches, as an extra field of each word; OpenAI's own API does not). When
a server sends none it is reported as UNKNOWN_PROBABILITY = 1.0 and a warning is logged once
per server: `Word.probability` stays a plain float for every consumer, and a reader that
marks unsure words then marks none, as before word confidences existed, rather than a
server's silence making every word look unsure.

No local gate: decodes happen on the servers, which queue and answer 503 when full; a gate
here would let one replica send only one reply at a time and leave the other servers idle.
"""

from __future__ import annotations

import http.client
import json
import logging
import math
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from simulator.voice import audio as audio_io
from simulator.voice import models
from simulator.voice.transcription import (
    HEARD_AS,
    AsrBusy,
    AsrError,
    Gate,
    Transcript,
    UnsupportedLanguage,
    Word,
    build_prompt,
    check_language,
    prepare_audio,
)
from simulator import settings

ENDPOINT = "/v1/audio/transcriptions"
DOWN_SECONDS = 10.0
UNKNOWN_PROBABILITY = 1.0
# The prompt is capped here without Whisper's tokenizer (a client need not have one), by an
# estimate meant to count low, so that no hint the in-process backend would keep is dropped:
# Whisper's multilingual tokenizer takes about 3.2-3.8 UTF-8 bytes a token on the library's
# key-fact hints and about 4.5 on English prose; 8 is well above both. Our server then caps
# with the real tokenizer, keeping the first hints as in-process. Another server given more
# than its window keeps the last 223 tokens (faster-whisper, openai-whisper); the app's hints
# are one line of key-fact words, at most 87 tokens in today's library, so that does not arise.
BYTES_PER_TOKEN = 8
# OpenAI's API names the language ('english'); self-hosted servers mostly give the code.
LANGUAGE_CODES = {"english": "en", "ukrainian": "uk", "russian": "ru", "belarusian": "be"}

_log = logging.getLogger(__name__)


# ---------------------------------------------------------------- servers


def endpoints(urls: str | Sequence[str]) -> list[str]:
    """The transcription endpoint of each base URL (comma-separated string or a list)."""
    bases = [u.strip() for u in (urls.split(",") if isinstance(urls, str) else urls) if u and u.strip()]
    if not bases:
        raise AsrError(
            "the http speech recognition backend needs SIMULATOR_ASR_URL: the base URL of one or more "
            "transcription servers, e.g. http://asr.internal:8765 (comma-separated)"
        )
    found = []
    for base in bases:
        parts = urllib.parse.urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise AsrError(f"SIMULATOR_ASR_URL: {base!r} is not an http:// or https:// address")
        path = parts.path.rstrip("/")
        path = (path[: -len("/v1")] if path.endswith("/v1") else path) + ENDPOINT
        found.append(urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", "")))
    return list(dict.fromkeys(found))


@dataclass(eq=False)
class Server:
    endpoint: str
    index: int
    in_flight: int = 0
    down_until: float = 0.0
    transcribed: int = 0  # replies of this process it answered with a transcript

    @property
    def base(self) -> str:
        return self.endpoint[: -len(ENDPOINT)]


class Pool:
    """Which server takes the next reply: among the servers not tried for it yet, those not
    known to be down first, then the fewest of this process's replies in flight, then in turn."""

    def __init__(self, urls: str | Sequence[str], clock: Callable[[], float] = time.monotonic):
        self.servers = [Server(endpoint, i) for i, endpoint in enumerate(endpoints(urls))]
        self._clock = clock
        self._lock = threading.Lock()
        self._turn = 0

    def take(self, tried: set[int]) -> Server | None:
        """The best server not in `tried` (indexes), counted as busy with one more reply."""
        with self._lock:
            now, count = self._clock(), len(self.servers)
            candidates = [s for s in self.servers if s.index not in tried]
            if not candidates:
                return None
            turn = self._turn
            self._turn += 1
            server = min(candidates, key=lambda s: (s.down_until > now, s.in_flight, (s.index - turn) % count))
            server.in_flight += 1
            return server

    def done(self, server: Server, answered: bool, transcribed: bool = False) -> None:
        """The reply left `server`: it answered (any HTTP status), or it is taken as down for a while."""
        with self._lock:
            server.in_flight -= 1
            server.down_until = 0.0 if answered else self._clock() + DOWN_SECONDS
            server.transcribed += transcribed


class _Unanswered(Exception):
    """The server did not answer: connection refused or reset, timeout, a proxy's 502/504."""


class _Busy(Exception):
    """The server answered 503 or 429: it is full."""


# ---------------------------------------------------------------- the request


def multipart(fields: Sequence[tuple[str, str]], file_field: str, filename: str, content_type: str, data: bytes):
    """(Content-Type header, body) of a multipart/form-data request: text fields, then one file."""
    boundary = f"simulator-{uuid.uuid4().hex}"
    chunks = []
    for name, value in fields:
        chunks.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    chunks.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n".encode()
    )
    chunks += [data, f"\r\n--{boundary}--\r\n".encode()]
    return f"multipart/form-data; boundary={boundary}", b"".join(chunks)


def error_detail(body: bytes) -> tuple[str, str | None]:
    """(message, code) from an error body: OpenAI's {"error": {...}}, FastAPI's {"detail": ...} or text."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return " ".join(body.decode("utf-8", "replace").split())[:300] or "no details", None
    if isinstance(data, dict):
        error = data.get("error")
        if isinstance(error, dict) and error.get("message"):
            return str(error["message"]), error.get("code") and str(error["code"])
        for key in ("detail", "error", "message"):
            if data.get(key):
                return str(data[key])[:300], None
    return str(data)[:300], None


def estimated_tokens(text: str) -> int:
    return math.ceil(len(text.encode("utf-8")) / BYTES_PER_TOKEN)


# ---------------------------------------------------------------- the backend


class HttpTranscriber:
    """A client of one or more OpenAI-compatible transcription servers (see the module docstring)."""

    backend = "http"

    def __init__(
        self,
        model: str = models.BASE,
        gate: Gate | None = None,  # accepted like the other backends' (get_transcriber), not used: see above
        urls: str | Sequence[str] | None = None,
        api_key: str | None = None,
        timeout: float | None = None,
    ):
        self.model_name = model
        chosen = settings.current()
        self.pool = Pool(chosen.asr_url if urls is None else urls)
        self.api_key = chosen.asr_api_key if api_key is None else api_key
        self.timeout = timeout or chosen.asr_timeout
        self.load_seconds: float | None = 0.0
        self._warned: set[str] = set()

    def load(self):
        """Nothing to load here: the servers hold the models."""
        return self

    def transcribe(self, audio: bytes | np.ndarray, language: str | None, hints: Sequence[str] = ()) -> Transcript:
        """As `WhisperTranscriber.transcribe`, on the least busy server that answers.

        Raises AudioError (checked here, nothing sent), AsrBusy when every server is full,
        UnsupportedLanguage when the server's model does not know `language`, AsrError when no
        server answers or one refuses the request (with the server's reason).
        """
        if language is not None:
            check_language(language)
        started = time.perf_counter()
        samples, decode_seconds = prepare_audio(audio)
        fields = [
            ("model", self.model_name),
            ("response_format", "verbose_json"),
            ("timestamp_granularities[]", "word"),
            ("timestamp_granularities[]", "segment"),
            ("temperature", "0"),
        ]
        if language is not None:
            fields.append(("language", language))
        prompt = build_prompt(hints, estimated_tokens)
        if prompt:
            fields.append(("prompt", prompt))
        content_type, body = multipart(
            fields, "file", "reply.wav", "audio/wav", audio_io.wav_bytes(samples, audio_io.SAMPLE_RATE)
        )
        sent = time.perf_counter()
        reply, server = self._post(content_type, body)
        timings = {"decode": decode_seconds, "request": time.perf_counter() - sent}
        server_timings = reply.get("timings") if isinstance(reply.get("timings"), dict) else {}
        for name in ("queue", "transcribe"):  # as the server measured them, when it says (ours does)
            if isinstance(server_timings.get(name), int | float):
                timings[name] = server_timings[name]
        timings["total"] = time.perf_counter() - started
        return self._transcript(reply, server, samples, language, timings)

    def _post(self, content_type: str, body: bytes) -> tuple[dict, Server]:
        tried: set[int] = set()
        unanswered, busy = [], []
        while (server := self.pool.take(tried)) is not None:
            tried.add(server.index)
            try:
                reply = self._send(server, content_type, body)
            except _Unanswered as exc:
                self.pool.done(server, answered=False)
                unanswered.append(f"{server.base} ({exc})")
                _log.warning("transcription server %s did not answer (%s): skipped for %g s", server.base, exc, DOWN_SECONDS)
                continue
            except _Busy:
                self.pool.done(server, answered=True)
                busy.append(server.base)
                continue
            except BaseException:
                self.pool.done(server, answered=True)  # it answered, with an error status or no transcript
                raise
            self.pool.done(server, answered=True, transcribed=True)
            return reply, server
        if busy:
            raise AsrBusy()
        raise AsrError("no transcription server answered: " + "; ".join(unanswered))

    def _send(self, server: Server, content_type: str, body: bytes) -> dict:
        headers = {"Content-Type": content_type, "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(server.endpoint, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                payload = response.read()
        except urllib.error.HTTPError as exc:
            with exc:
                self._refused(server, exc.code, exc.read())
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise _Unanswered(f"no answer within {self.timeout:g} s") from None
            raise _Unanswered(getattr(reason, "strerror", None) or str(reason)) from None
        except TimeoutError:
            raise _Unanswered(f"no answer within {self.timeout:g} s") from None
        except (OSError, http.client.HTTPException) as exc:
            raise _Unanswered(f"{type(exc).__name__}: {exc}".rstrip(": ")) from None
        try:
            reply = json.loads(payload)
        except (ValueError, UnicodeDecodeError):
            reply = None
        if not isinstance(reply, dict) or not isinstance(reply.get("text"), str):
            raise AsrError(f"the transcription server {server.base} answered with no transcript: {payload[:200]!r}")
        return reply

    @staticmethod
    def _refused(server: Server, status: int, body: bytes):
        message, code = error_detail(body)
        if status in (429, 503):
            raise _Busy()
        if status in (502, 504):
            raise _Unanswered(f"HTTP {status}: {message}")
        if code == "unsupported_language":
            raise UnsupportedLanguage(f"{message} (transcription server {server.base})")
        if status in (401, 403):
            reason = "refused the API key (SIMULATOR_ASR_API_KEY)"
        elif status == 404:
            reason = f"has no {ENDPOINT} (is it an OpenAI-compatible transcription server?)"
        elif status == 413:
            reason = "refused the recording as too large"
        elif status < 500:
            reason = "refused the recording"
        else:
            reason = "failed"
        raise AsrError(f"the transcription server {server.base} {reason}: HTTP {status}: {message}")

    def _transcript(self, reply: dict, server: Server, samples, language: str | None, timings: dict) -> Transcript:
        segments = [s for s in reply.get("segments") or () if isinstance(s, dict)]
        raw = reply.get("words") or [w for s in segments for w in s.get("words") or ()]
        words = []
        for w in raw:
            text = str(w.get("word", "")).strip()
            if not text:
                continue
            probability = w.get("probability")
            if probability is None:
                probability = UNKNOWN_PROBABILITY
                if server.base not in self._warned:
                    self._warned.add(server.base)
                    _log.warning("transcription server %s sends no word probabilities: reported as 1.0", server.base)
            words.append(Word(text, round(float(w["start"]), 3), round(float(w["end"]), 3), round(float(probability), 4)))
        # Without word timestamps the segments still tell when speech started.
        spans = [(w.start, w.end) for w in words] or [
            (round(float(s["start"]), 3), round(float(s["end"]), 3)) for s in segments if str(s.get("text", "")).strip()
        ]
        return Transcript(
            text=" ".join(reply["text"].split()),
            language=language or heard_language(reply.get("language")),
            duration=round(samples.size / audio_io.SAMPLE_RATE, 3),
            speech_start=spans[0][0] if spans else None,
            speech_duration=round(spans[-1][1] - spans[0][0], 3) if spans else 0.0,
            words=words,
            timings={k: round(v, 4) for k, v in timings.items()},
            backend=self.backend,
            model=str(reply.get("model") or self.model_name),
        )


def heard_language(reported) -> str:
    """'uk' or 'en' for what a server detected (a code or OpenAI's English name); Russian and
    Belarusian count as Ukrainian as in-process; anything else is passed on as it came."""
    code = str(reported or "").strip().lower()
    code = LANGUAGE_CODES.get(code, code)
    return next((lang for lang, heard in HEARD_AS.items() if code in heard), code)
