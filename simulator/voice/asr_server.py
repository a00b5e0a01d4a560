"""A small transcription server: `python -m simulator asr-server [--host] [--port] [--model]`.

It serves the in-process faster-whisper transcriber (asr.py: the same settings, the same
audio checks) over the OpenAI-compatible API that `http_backend.py` speaks, so app replicas on
other machines, or several on this one, share one loaded model:

- `POST /v1/audio/transcriptions`, multipart form data: `file` (WAV, WebM, OGG, MP3, M4A),
  `language` (`uk`, `en`, or omitted to detect), `prompt` (vocabulary hints; capped at
  Whisper's window keeping its first sentences, as in-process), `response_format` (`json`,
  the default: {"text"}; `text`; `verbose_json`: language, duration, text, `segments` and
  `words` with start, end and `probability`, plus `model` and `timings`),
  `timestamp_granularities[]` (`segment` and/or `word`). `model` is accepted and ignored: the
  server runs the one model it was started with and names it in `model`. `temperature` is
  always 0 (without it the decoder loops on Ukrainian).
- `GET /health`: the model, the limits and counters, as JSON; `GET /v1/models`: the model.

Refusals are JSON `{"error": {"message", "type", "code"}}`: 400 for unusable audio (the code is
audio.py's: `silent`, `not_audio`, ...) or an unknown language (`unsupported_language`), 413
for a body over the size limit, 401 without the API key (when one is set), 503 with
Retry-After when `parallel` replies are being transcribed and `max_queue` more wait.

Decoding runs through the transcriber's gate; the server admits at most parallel + max_queue
requests at a time (counting those still uploading) and answers the rest 503 at once, so a
crowd costs neither memory nor waiting. Bodies it refuses are read and thrown away first (up
to DRAIN_LIMIT): a client that is still sending when the server closes would otherwise see
the connection reset instead of the answer.
"""

from __future__ import annotations

import email.parser
import email.policy
import hmac
import json
import math
import os
import re
import select
import subprocess
import sys
import threading
import urllib.request
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from simulator.voice import asr, audio, models
from simulator.voice.http_backend import ENDPOINT, LANGUAGE_CODES

FORM_SLACK = 256 * 1024  # the form fields and multipart framing around the audio
DRAIN_LIMIT = 64 * 2**20
RESPONSE_FORMATS = ("json", "text", "verbose_json")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_LOCAL = threading.local()


class _KeepsSegments:
    """A faster-whisper model whose `transcribe` also keeps the segments it yields in this
    thread, for verbose_json; everything else is the model's own."""

    def __init__(self, model):
        self._model = model

    def __getattr__(self, name):
        return getattr(self._model, name)

    def transcribe(self, *args, **kwargs):
        segments, info = self._model.transcribe(*args, **kwargs)
        kept = _LOCAL.segments = []

        def keep():
            for segment in segments:
                kept.append(segment)
                yield segment

        return keep(), info


class ServerTranscriber(asr.FasterWhisperTranscriber):
    """The in-process transcriber with `threads` CPU threads per decode, keeping segments."""

    def __init__(self, model: str = models.BASE, gate: asr.Gate | None = None, threads: int | None = None):
        super().__init__(model, gate=gate)
        self.threads = threads or asr.cpu_threads(self.gate)

    def _threads(self) -> int:
        return self.threads

    def _load(self):
        # the app's own loading, encoder window included: the server's text is the app's
        return _KeepsSegments(super()._load())

    def transcribe_with_segments(self, data: bytes, language: str | None, hints=()) -> tuple[asr.Transcript, list]:
        _LOCAL.segments = []
        transcript = self.transcribe(data, language, hints)
        return transcript, _LOCAL.segments


class Service:
    """What the HTTP handler serves: the transcriber, admission, counters. No HTTP in it."""

    def __init__(
        self,
        model: str = models.BASE,
        parallel: int = 1,
        max_queue: int = 4,
        threads: int | None = None,
        max_body: int | None = None,
        api_key: str | None = None,
    ):
        self.transcriber = ServerTranscriber(model, asr.Gate(parallel, max_queue), threads)
        self.parallel, self.max_queue = parallel, max_queue
        self.max_body = max_body or audio.Limits.from_env().max_bytes + FORM_SLACK
        self.api_key = api_key or None
        self._lock = threading.Lock()
        self.active = 0
        self.counts = {"transcribed": 0, "refused": 0, "busy": 0, "failed": 0}
        self.average_seconds: float | None = None

    def admit(self) -> bool:
        """Take a place (False: full); `leave()` gives it back."""
        with self._lock:
            if self.active >= self.parallel + self.max_queue:
                self.counts["busy"] += 1
                return False
            self.active += 1
            return True

    def leave(self) -> None:
        with self._lock:
            self.active -= 1

    def count(self, outcome: str, seconds: float | None = None) -> None:
        with self._lock:
            self.counts[outcome] += 1
            if seconds is not None:  # a moving average of the decode time, for Retry-After
                self.average_seconds = seconds if self.average_seconds is None else 0.8 * self.average_seconds + 0.2 * seconds

    def retry_after(self) -> int:
        """Seconds until a place is likely free: the queue's share of decodes, at least 1."""
        per_reply = self.average_seconds or 2.0
        return max(1, math.ceil(per_reply * (self.max_queue + 1) / self.parallel))

    def health(self) -> dict:
        with self._lock:
            return {
                "status": "ok",
                "model": self.transcriber.model_name,
                "loaded": self.transcriber.load_seconds is not None,
                "parallel": self.parallel,
                "max_queue": self.max_queue,
                "threads": self.transcriber.threads,
                "max_body_bytes": self.max_body,
                "active": self.active,
                **self.counts,
                "average_seconds": None if self.average_seconds is None else round(self.average_seconds, 3),
            }

    def authorised(self, header: str | None) -> bool:
        if not self.api_key:
            return True
        scheme, _, token = (header or "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(token.strip().encode(), self.api_key.encode())


class RequestError(Exception):
    """A request refused with `status`, a message and an OpenAI-style error code."""

    def __init__(self, status: int, message: str, code: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.headers = status, code, headers or {}


def parse_form(content_type: str, body: bytes) -> dict[str, list]:
    """Fields of a multipart/form-data body by name: text fields as str, files as bytes."""
    if not content_type.lower().startswith("multipart/form-data") or "boundary=" not in content_type:
        raise RequestError(400, "send the audio as multipart/form-data with a 'file' field", "invalid_form")
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    if not message.is_multipart():
        raise RequestError(400, "the multipart/form-data body could not be read", "invalid_form")
    form: dict[str, list] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not name:
            continue
        payload = part.get_payload(decode=True) or b""
        if part.get_filename() is None:
            payload = payload.decode(part.get_content_charset() or "utf-8", "replace")
        form.setdefault(name, []).append(payload)
    return form


def transcribe_form(service: Service, form: dict[str, list]) -> tuple[str, str | bytes]:
    """(content type, body) of the answer to a transcription form; raises RequestError."""
    data = (form.get("file") or [None])[0]
    if not isinstance(data, bytes):
        raise RequestError(400, "no audio: send the recording as the form's 'file' field (a file)", "missing_file")
    fmt = _text(form, "response_format") or "json"
    if fmt not in RESPONSE_FORMATS:
        raise RequestError(400, f"response_format {fmt!r} is not supported: use {', '.join(RESPONSE_FORMATS)}", "invalid_value")
    language = _text(form, "language").lower() or None
    language = LANGUAGE_CODES.get(language, language)
    hints = _SENTENCE_END.split(_text(form, "prompt"))  # whole sentences, so the cap keeps the first
    try:
        transcript, segments = service.transcriber.transcribe_with_segments(data, language, hints)
    except audio.AudioError as exc:
        raise RequestError(400, str(exc), exc.code) from None
    except asr.AsrBusy:
        raise RequestError(503, str(asr.AsrBusy()), "busy", {"Retry-After": str(service.retry_after())}) from None
    except asr.AsrError as exc:  # an unknown language, or one the model does not know
        raise RequestError(400, str(exc), "unsupported_language") from None
    service.count("transcribed", transcript.timings.get("transcribe"))
    if fmt == "text":
        return "text/plain; charset=utf-8", transcript.text + "\n"
    if fmt == "json":
        return "application/json", _json({"text": transcript.text})
    granularities = set(form.get("timestamp_granularities[]") or ()) or {"segment"}
    answer = {"task": "transcribe", "language": transcript.language, "duration": transcript.duration, "text": transcript.text}
    if "segment" in granularities:
        answer["segments"] = [_segment(s) for s in segments]
    if "word" in granularities:
        answer["words"] = [w._asdict() for w in transcript.words]
    answer["model"] = transcript.model
    answer["timings"] = transcript.timings
    return "application/json", _json(answer)


def _text(form: dict[str, list], name: str) -> str:
    value = (form.get(name) or [""])[0]
    return value.strip() if isinstance(value, str) else ""


def _segment(segment) -> dict:
    return {
        "id": segment.id,
        "seek": segment.seek,
        "start": round(segment.start, 3),
        "end": round(segment.end, 3),
        "text": segment.text,
        "tokens": list(segment.tokens),
        "temperature": segment.temperature,
        "avg_logprob": round(segment.avg_logprob, 4),
        "compression_ratio": round(segment.compression_ratio, 4),
        "no_speech_prob": round(segment.no_speech_prob, 4),
    }


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False)


class Handler(BaseHTTPRequestHandler):
    server_version = "simulator-asr/1"
    protocol_version = "HTTP/1.1"  # keep-alive, and "Expect: 100-continue" (curl's, for large files)
    service: Service  # set on the subclass made by make_server

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/health":
            self._send(200, "application/json", _json(self.service.health()))
        elif path == "/v1/models":
            if self._authorised():
                model = {"id": self.service.transcriber.model_name, "object": "model", "owned_by": "simulator"}
                self._send(200, "application/json", _json({"object": "list", "data": [model]}))
        else:
            self._error(RequestError(404, f"no such path {path}: POST {ENDPOINT}, GET /health", "not_found"))

    def do_POST(self):
        path = self.path.split("?", 1)[0]
        length = self._length()
        try:
            if path != ENDPOINT:
                raise RequestError(404, f"no such path {path}: POST audio to {ENDPOINT}", "not_found")
            if not self._authorised(drain=length):
                return
            if length is None:
                self.close_connection = True  # the body's end is unknown
                raise RequestError(411, "a Content-Length header is required", "length_required")
            if length > self.service.max_body:
                raise RequestError(
                    413, f"the request is {length} bytes; this server takes at most {self.service.max_body}", "too_large"
                )
        except RequestError as exc:
            self._drain(length)
            self._error(exc)
            return
        if not self.service.admit():
            self._drain(length)
            self._error(
                RequestError(503, str(asr.AsrBusy()), "busy", {"Retry-After": str(self.service.retry_after())})
            )
            return
        try:
            body = self.rfile.read(length)
            form = parse_form(self.headers.get("Content-Type", ""), body)
            content_type, answer = transcribe_form(self.service, form)
        except RequestError as exc:
            self.service.count("busy" if exc.status == 503 else "refused")
            self._error(exc)
        except Exception as exc:  # a bug or a broken model: say so, keep serving
            self.service.count("failed")
            self.log_error("transcription failed: %s: %s", type(exc).__name__, exc)
            self._error(RequestError(500, f"transcription failed: {type(exc).__name__}: {exc}", "server_error"))
        else:
            self._send(200, content_type, answer)
        finally:
            self.service.leave()

    def _length(self) -> int | None:
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            return None
        return length if length >= 0 else None

    def _authorised(self, drain: int | None = None) -> bool:
        if self.service.authorised(self.headers.get("Authorization")):
            return True
        self._drain(drain)
        self._error(RequestError(401, "a valid API key is required (Authorization: Bearer ...)", "invalid_api_key",
                                 {"WWW-Authenticate": "Bearer"}))
        return False

    def _drain(self, length: int | None) -> None:
        """Read and drop a body we will not use, so the client sees our answer, not a reset."""
        left = min(length or 0, DRAIN_LIMIT)
        while left > 0:
            chunk = self.rfile.read(min(left, 1 << 16))
            if not chunk:
                break
            left -= len(chunk)
        if (length or 0) > DRAIN_LIMIT:
            self.close_connection = True

    def _error(self, exc: RequestError) -> None:
        kind = "server_error" if exc.status >= 500 and exc.status != 503 else "invalid_request_error"
        body = _json({"error": {"message": str(exc), "type": kind, "code": exc.code}})
        self._send(exc.status, "application/json", body, exc.headers)

    def _send(self, status: int, content_type: str, body: str | bytes, headers: dict | None = None) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status, HTTPStatus(status).phrase)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


def make_server(service: Service, host: str = "127.0.0.1", port: int = 8765) -> ThreadingHTTPServer:
    """An HTTP server (not yet serving) for `service`; port 0 takes a free one."""
    handler = type("BoundHandler", (Handler,), {"service": service})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def serve(service: Service, host: str, port: int, out=sys.stdout) -> None:
    """Load the model, then serve until interrupted; prints the address once ready."""
    service.transcriber.load()
    server = make_server(service, host, port)
    address, bound = server.server_address[:2]
    shown = f"[{address}]" if ":" in address else address
    print(
        f"transcription server listening on http://{shown}:{bound} (model {service.transcriber.model_name}, "
        f"{service.parallel} at a time, {service.max_queue} waiting, {service.transcriber.threads} CPU threads each, "
        f"loaded in {service.transcriber.load_seconds:.2f} s, pid {os.getpid()})",
        file=out,
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


class Spawned:
    """`python -m simulator asr-server --port 0 ARGS` in a subprocess, for tests and benchmarks:
    `url` is set once it listens (it prints its address after loading the model)."""

    def __init__(self, *args: str, log: Path, env: dict | None = None, timeout: float = 300):
        root = Path(__file__).resolve().parents[2]
        command = [sys.executable, "-m", "simulator", "asr-server", "--port", "0", *args]
        with open(log, "wb") as err:
            self.process = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=err, text=True)
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        line = self.process.stdout.readline() if ready else ""
        found = re.search(r"listening on (http://\S+)", line)
        if not found:
            self.stop()
            raise RuntimeError(f"the transcription server did not start: {line!r} {Path(log).read_text()[-2000:]}")
        self.url = found.group(1)

    def health(self) -> dict:
        with urllib.request.urlopen(f"{self.url}/health", timeout=10) as response:
            return json.loads(response.read())

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        self.process.stdout.close()
