"""The http backend against our real transcription server (`python -m simulator asr-server`),
started in a subprocess on loopback with real Whisper weights: tiny.en for the plumbing, base
for Ukrainian. The server logic that needs no HTTP, and a third-party server's reply shapes
(OpenAI's own has no word probabilities), are tested with small fakes."""

from __future__ import annotations

import json
import logging
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest
from voice_helpers import assert_english_heard, pad

from simulator.voice import asr, asr_server, audio, http_backend
from simulator.voice.http_backend import HttpTranscriber

ROOT = Path(__file__).resolve().parents[2]
KEY = "test-secret"
_CLIENT_SETTINGS = ("SIMULATOR_ASR_URL", "SIMULATOR_ASR_API_KEY", "SIMULATOR_ASR_TIMEOUT")


def start_server(log: Path, *args: str, env: dict | None = None) -> asr_server.Spawned:
    """Our server in a subprocess, without the client's settings in its environment."""
    environment = {k: v for k, v in os.environ.items() if k not in _CLIENT_SETTINGS}
    return asr_server.Spawned(*args, log=log, env={**environment, **(env or {})})


@pytest.fixture(scope="module")
def tiny_server(voice_environment, tmp_path_factory):
    server = start_server(tmp_path_factory.mktemp("asr") / "tiny.log", "--model", "tiny.en")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def strict_server(voice_environment, tmp_path_factory):
    """tiny.en that takes one reply at a time and none waiting, 2 MB at most, with an API key
    (given by the variable the clients use too)."""
    log = tmp_path_factory.mktemp("asr") / "strict.log"
    args = ("--model", "tiny.en", "--parallel", "1", "--max-queue", "0", "--max-mb", "2")
    server = start_server(log, *args, env={"SIMULATOR_ASR_API_KEY": KEY})
    yield server
    server.stop()


@pytest.fixture(scope="module")
def base_server(voice_environment, tmp_path_factory):
    server = start_server(tmp_path_factory.mktemp("asr") / "base.log", "--model", "base")
    yield server
    server.stop()


@pytest.fixture
def dead_url() -> str:
    """A loopback address nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def client(*urls: str, model: str = "tiny.en", **kwargs) -> HttpTranscriber:
    return HttpTranscriber(model, urls=list(urls), **kwargs)


def post(url: str, fields, data: bytes, headers: dict | None = None):
    """A raw request to the endpoint: (status, headers, body)."""
    content_type, body = http_backend.multipart(fields, "file", "reply.wav", "audio/wav", data)
    request = urllib.request.Request(
        url + http_backend.ENDPOINT, data=body, method="POST", headers={"Content-Type": content_type, **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers, exc.read()


def repeated(wav: bytes, seconds: float) -> bytes:
    """The clip said again and again for about `seconds`, as 16 kHz WAV."""
    samples = audio.decode(wav)
    times = int(np.ceil(seconds * audio.SAMPLE_RATE / samples.size))
    return audio.wav_bytes(np.tile(samples, times)[: round(seconds * audio.SAMPLE_RATE)], audio.SAMPLE_RATE)


def as_sent(wav: bytes) -> bytes:
    """The clip as the client sends it: 16 kHz, 16-bit. The in-process reference transcribes
    exactly this, since base on our synthetic Ukrainian is sensitive to the last bit (the
    22 kHz original and its 16-bit 16 kHz copy came out as different gibberish)."""
    return audio.wav_bytes(audio.decode(wav), audio.SAMPLE_RATE)


def assert_same(remote: asr.Transcript, local: asr.Transcript) -> None:
    assert remote.text == local.text
    assert (remote.language, remote.duration, remote.backend) == (local.language, local.duration, "http")
    assert [w.word for w in remote.words] == [w.word for w in local.words]
    for r, l in zip(remote.words, local.words, strict=True):
        assert r.start == pytest.approx(l.start, abs=0.1) and r.end == pytest.approx(l.end, abs=0.1)
        assert r.probability == pytest.approx(l.probability, abs=0.05)
    assert remote.speech_start == pytest.approx(local.speech_start, abs=0.1)


# ---------------------------------------------------------------- through the real server


def test_english_through_the_server_is_the_in_process_transcript(tiny_server, tiny, english_wav):
    remote = client(tiny_server.url).transcribe(english_wav, "en")
    assert_same(remote, tiny.transcribe(as_sent(english_wav), "en"))
    assert_english_heard(remote.text)
    assert remote.model == "tiny.en"
    assert all(0 < w.probability <= 1 for w in remote.words)
    assert {"decode", "request", "queue", "transcribe", "total"} <= set(remote.timings)
    padded = pad(english_wav, before=1.5)  # the trainee's latency comes through
    assert client(tiny_server.url).transcribe(padded, "en").speech_start == pytest.approx(1.5, abs=0.5)


def test_hints_reach_the_server_as_in_process(tiny_server, tiny, english_wav):
    hints = ["Hello! Refund to the card."]
    remote = client(tiny_server.url).transcribe(english_wav, "en", hints)
    assert remote.text == tiny.transcribe(as_sent(english_wav), "en", hints).text


def test_ukrainian_through_the_server_with_base(base_server, base, ukrainian_wav):
    remote = client(base_server.url, model="base").transcribe(ukrainian_wav, "uk")
    assert_same(remote, base.transcribe(as_sent(ukrainian_wav), "uk"))
    assert remote.model == "base"
    letters = re.findall(r"[^\W\d_]", remote.text)
    assert len(letters) >= 20 and sum("\u0400" <= ch <= "\u04ff" for ch in letters) / len(letters) > 0.9
    detected = client(base_server.url, model="base").transcribe(ukrainian_wav, None)
    assert detected.language == "uk"


def test_one_server_down_the_other_answers(tiny_server, dead_url, english_wav, monkeypatch):
    monkeypatch.setattr(http_backend, "DOWN_SECONDS", 3600.0)   # three replies on a loaded CI outlasted 10 s
    transcriber = client(dead_url, tiny_server.url)
    for _ in range(3):
        assert_english_heard(transcriber.transcribe(english_wav, "en").text)
    dead, live = transcriber.pool.servers
    assert (dead.transcribed, live.transcribed) == (0, 3)
    assert dead.down_until > time.monotonic()  # tried once, then skipped while it is down
    assert dead.in_flight == live.in_flight == 0


def test_replies_are_spread_over_the_servers(tiny_server, strict_server, english_wav):
    transcriber = client(tiny_server.url, strict_server.url, api_key=KEY)
    before = [s.health()["transcribed"] for s in (tiny_server, strict_server)]
    for _ in range(4):  # one after another: in turn
        transcriber.transcribe(english_wav, "en")
    results = []
    threads = [threading.Thread(target=lambda: results.append(transcriber.transcribe(english_wav, "en"))) for _ in range(2)]
    for thread in threads:  # at once: the least busy (the strict server takes one at a time: 503 otherwise)
        thread.start()
    for thread in threads:
        thread.join(60)
    after = [s.health()["transcribed"] for s in (tiny_server, strict_server)]
    assert len(results) == 2
    assert [a - b for a, b in zip(after, before, strict=True)] == [3, 3]
    assert [s.transcribed for s in transcriber.pool.servers] == [3, 3]


def test_no_server_answers(dead_url, english_wav):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        other = f"http://127.0.0.1:{sock.getsockname()[1]}"
    with pytest.raises(asr.AsrError, match="no transcription server answered") as caught:
        client(dead_url, other).transcribe(english_wav, "en")
    assert dead_url in str(caught.value) and other in str(caught.value)
    assert "Connection refused" in str(caught.value)


def test_bad_audio_never_leaves_the_machine(tiny_server, dead_url):
    before = tiny_server.health()
    silent = audio.wav_bytes(np.zeros(3 * audio.SAMPLE_RATE, np.float32), audio.SAMPLE_RATE)
    for data, code in ((silent, "silent"), (b"not audio at all", "not_audio"), (b"", "empty")):
        for transcriber in (client(tiny_server.url), client(dead_url)):
            with pytest.raises(audio.AudioError) as caught:
                transcriber.transcribe(data, "en")
            assert caught.value.code == code
    after = tiny_server.health()
    assert (after["transcribed"], after["refused"]) == (before["transcribed"], before["refused"])


def test_a_language_the_model_lacks_is_unsupported(tiny_server, ukrainian_wav):
    with pytest.raises(asr.UnsupportedLanguage, match="English only"):
        client(tiny_server.url).transcribe(ukrainian_wav, "uk")


def test_server_refusals_are_clear_errors(strict_server, english_wav):
    with pytest.raises(asr.AsrError, match="refused the API key"):
        client(strict_server.url).transcribe(english_wav, "en")
    with pytest.raises(asr.AsrError, match="too large.*HTTP 413"):
        client(strict_server.url, api_key=KEY).transcribe(repeated(english_wav, 70), "en")
    # Bad audio from another client (ours checks first): 400 with audio.py's code.
    status, _, body = post(strict_server.url, [("language", "en")], b"RIFF....WAVEjunk", {"Authorization": f"Bearer {KEY}"})
    assert status == 400 and json.loads(body)["error"]["code"] == "corrupt"


def test_a_full_server_answers_busy(strict_server, english_wav):
    long_reply = repeated(english_wav, 40)
    transcriber = client(strict_server.url, api_key=KEY)
    first = threading.Thread(target=transcriber.transcribe, args=(long_reply, "en"))
    first.start()
    try:
        deadline = time.monotonic() + 30
        while strict_server.health()["active"] == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        with pytest.raises(asr.AsrBusy, match="busy, try again"):
            transcriber.transcribe(english_wav, "en")
        status, headers, body = post(strict_server.url, [], english_wav, {"Authorization": f"Bearer {KEY}"})
        assert status == 503 and int(headers["Retry-After"]) >= 1
        assert json.loads(body)["error"]["code"] == "busy"
    finally:
        first.join(60)


def test_response_formats_health_and_models(tiny_server, english_wav):
    status, _, body = post(tiny_server.url, [("language", "en")], english_wav)
    assert status == 200 and set(json.loads(body)) == {"text"}
    assert_english_heard(json.loads(body)["text"])
    status, headers, body = post(tiny_server.url, [("response_format", "text")], english_wav)
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert_english_heard(body.decode())
    status, _, body = post(tiny_server.url, [("response_format", "verbose_json"), ("language", "english")], english_wav)
    answer = json.loads(body)
    assert "words" not in answer and answer["language"] == "en"  # segments only unless words are asked for
    segment = answer["segments"][0]
    assert {"id", "seek", "start", "end", "text", "tokens", "avg_logprob", "no_speech_prob"} <= set(segment)
    assert "".join(s["text"] for s in answer["segments"]).strip() == answer["text"]
    status, _, body = post(tiny_server.url, [("response_format", "srt")], english_wav)
    assert status == 400 and "srt" in json.loads(body)["error"]["message"]
    health = tiny_server.health()
    assert (health["status"], health["model"], health["loaded"]) == ("ok", "tiny.en", True)
    with urllib.request.urlopen(f"{tiny_server.url}/v1/models", timeout=10) as response:
        assert json.loads(response.read())["data"][0]["id"] == "tiny.en"
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(f"{tiny_server.url}/v1/audio/translations", data=b"x", timeout=10)
    assert caught.value.code == 404


def test_chosen_by_configuration(tiny_server, english_wav, monkeypatch, tmp_path):
    monkeypatch.setenv("SIMULATOR_ASR_URL", tiny_server.url)
    transcriber = asr.get_transcriber("http", "tiny.en")
    try:
        assert isinstance(transcriber, HttpTranscriber)
        assert transcriber.transcribe(english_wav, "en").backend == "http"
    finally:
        asr._REGISTRY.pop(("http", "tiny.en"), None)
    clip = tmp_path / "reply.wav"
    clip.write_bytes(english_wav)
    command = [sys.executable, "-m", "simulator", "transcribe", str(clip), "--backend", "http", "--model", "tiny.en", "--json"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["backend"] == "http"
    monkeypatch.delenv("SIMULATOR_ASR_URL")
    with pytest.raises(asr.AsrError, match="SIMULATOR_ASR_URL"):
        HttpTranscriber("tiny.en")


# ---------------------------------------------------------------- pure logic, and other servers' shapes


def test_endpoints_from_the_setting():
    assert http_backend.endpoints(" http://a:1 , https://b/v1/, http://a:1/,") == [
        "http://a:1/v1/audio/transcriptions",
        "https://b/v1/audio/transcriptions",
    ]
    for bad in ("", " , ", "asr.internal:8765", "ftp://x"):
        with pytest.raises(asr.AsrError, match="SIMULATOR_ASR_URL"):
            http_backend.endpoints(bad)


def test_pool_least_busy_in_turn_and_down_last():
    now = [0.0]
    pool = http_backend.Pool("http://a,http://b,http://c", clock=lambda: now[0])
    a, b, c = pool.servers

    def one_reply(tried=(), answered=True):
        server = pool.take(set(tried))
        pool.done(server, answered=answered)
        return server

    assert [one_reply() for _ in range(4)] == [a, b, c, a]  # in turn
    held = [pool.take(set()), pool.take(set())]
    assert pool.take(set()) not in held  # the least busy: the one with nothing in flight
    for server in pool.servers:
        while server.in_flight:
            pool.done(server, answered=True)
    down = one_reply(answered=False)  # it did not answer: tried last for DOWN_SECONDS
    assert down not in [one_reply() for _ in range(4)]
    assert one_reply(tried={s.index for s in pool.servers if s is not down}, answered=False) is down  # the last one left
    now[0] += http_backend.DOWN_SECONDS + 1
    assert down in [one_reply() for _ in range(3)]
    assert pool.take({0, 1, 2}) is None
    assert all(s.in_flight == 0 for s in pool.servers)


def test_languages_as_servers_name_them():
    assert [http_backend.heard_language(x) for x in ("english", "EN", "ukrainian", "uk", "russian", "be", "de", None)] == [
        "en", "en", "uk", "uk", "uk", "uk", "de", "",
    ]


def test_error_bodies_of_other_servers():
    assert http_backend.error_detail(b'{"error": {"message": "bad", "code": "silent"}}') == ("bad", "silent")
    assert http_backend.error_detail(b'{"detail": "Model not found"}') == ("Model not found", None)
    assert http_backend.error_detail(b"<html>\n  Bad   Gateway</html>") == ("<html> Bad Gateway</html>", None)


def test_prompt_capped_as_in_process(tiny):
    """Client (byte estimate) then server (real tokenizer, whole sentences) = in-process."""
    tokenizer = tiny.load().hf_tokenizer

    def tokens(text):
        return len(tokenizer.encode(" " + text, add_special_tokens=False).ids)

    cases = [
        ["Hello! Refund to the card."],
        ["refund, twice, electricity, card", "refund, twice"],
        [f"Hint number {i} about a refund of the double charge." for i in range(100)],
        ["Одна підказка, про повернення коштів", "Друга підказка!", "x " * 400],
    ]
    for hints in cases:
        sent = asr.build_prompt(hints, http_backend.estimated_tokens)
        received = asr_server._SENTENCE_END.split(sent or "")
        assert asr.build_prompt(received, tokens) == asr.build_prompt(hints, tokens)


def test_multipart_round_trip():
    generator = random.Random(7)
    for size in (0, 1, 2, 1000, 100_000):
        data = bytes(generator.choice(b"\r\n-\x00\xffab") for _ in range(size))
        fields = [("language", "uk"), ("prompt", "Платіж двічі.\r\n--boundary?"), ("timestamp_granularities[]", "word"),
                  ("timestamp_granularities[]", "segment")]
        content_type, body = http_backend.multipart(fields, "file", "reply.wav", "audio/wav", data)
        form = asr_server.parse_form(content_type, body)
        assert form["file"] == [data]
        assert form["prompt"] == ["Платіж двічі.\r\n--boundary?"]
        assert form["timestamp_granularities[]"] == ["word", "segment"]
    with pytest.raises(asr_server.RequestError, match="multipart/form-data"):
        asr_server.parse_form("application/json", b"{}")


class _OtherServer:
    """A stand-in for a third-party server: answers every request with one fixed status and body."""

    def __init__(self, status: int, answer: dict | str):
        body = (answer if isinstance(answer, str) else json.dumps(answer)).encode()
        self.requests = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers["Content-Length"]))
                outer.requests += 1
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def other_server():
    made = []

    def make(status, answer):
        made.append(_OtherServer(status, answer))
        return made[-1]

    yield make
    for server in made:
        server.close()


def test_a_server_without_word_probabilities(other_server, english_wav, caplog):
    """OpenAI's own verbose_json: the language by name, words without probabilities."""
    openai_like = {
        "task": "transcribe", "language": "english", "duration": 6.0, "text": " Hello,  I was charged twice.",
        "words": [{"word": "Hello,", "start": 0.5, "end": 0.9}, {"word": "I", "start": 1.0, "end": 1.1},
                  {"word": "was", "start": 1.1, "end": 1.3}, {"word": "charged", "start": 1.3, "end": 1.8},
                  {"word": "twice.", "start": 1.8, "end": 2.2}],
    }
    server = other_server(200, openai_like)
    transcriber = client(server.url)
    with caplog.at_level(logging.WARNING, logger=http_backend.__name__):
        transcript = transcriber.transcribe(english_wav, None)
        transcriber.transcribe(english_wav, None)
    assert transcript.text == "Hello, I was charged twice."
    assert transcript.language == "en" and transcript.model == "tiny.en"
    assert [w.probability for w in transcript.words] == [http_backend.UNKNOWN_PROBABILITY] * 5
    assert (transcript.speech_start, transcript.speech_duration) == (0.5, 1.7)
    assert len([r for r in caplog.records if "no word probabilities" in r.message]) == 1  # once per server


def test_a_server_with_segments_only(other_server, english_wav):
    server = other_server(200, {"text": "Hello.", "segments": [{"start": 0.0, "end": 0.4, "text": ""},
                                                              {"start": 0.8, "end": 2.0, "text": " Hello."}]})
    transcript = client(server.url).transcribe(english_wav, "en")
    assert transcript.words == [] and (transcript.speech_start, transcript.speech_duration) == (0.8, 1.2)
    plain = other_server(200, {"text": "Hello."})  # response_format ignored: no timings at all
    assert client(plain.url).transcribe(english_wav, "en").speech_start is None


def test_gateway_errors_fail_over_other_errors_do_not(other_server, tiny_server, english_wav):
    gateway = other_server(502, "<html>Bad Gateway</html>")
    broken = other_server(500, {"detail": "CUDA out of memory"})
    missing = other_server(404, {"detail": "Not Found"})
    assert_english_heard(client(gateway.url, tiny_server.url).transcribe(english_wav, "en").text)
    with pytest.raises(asr.AsrError, match="failed: HTTP 500: CUDA out of memory"):
        client(broken.url, tiny_server.url).transcribe(english_wav, "en")
    assert broken.requests == 1
    with pytest.raises(asr.AsrError, match="has no /v1/audio/transcriptions"):
        client(missing.url).transcribe(english_wav, "en")
    with pytest.raises(asr.AsrError, match="answered with no transcript"):
        client(other_server(200, "<html>hello</html>").url).transcribe(english_wav, "en")
