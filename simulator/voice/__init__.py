"""Voices and speech: the customer's voice, the trainee's spoken reply.

- tts: customer voices (pyttsx3 over espeak-ng), the telephone-line effect, the cache.
- audio: decode and check recorded replies; errors with messages in Ukrainian and English.
- asr: the `Transcriber` protocol, `Transcript`, the faster-whisper backend, the shared queue.
- openai_backend: the optional openai-whisper backend and the weight conversion for it.
- models: Whisper weights assembled from installed packages, never downloaded.

Heavy libraries (pyttsx3, PyAV, faster-whisper, torch) load on first use, not on import.
The core packages (scenario, call, scoring) never import this package.
"""

import os

# Recognition's OpenMP threads (CTranslate2's libgomp; torch's for openai-whisper) sleep at a
# barrier instead of spinning there. Spinning only pays off when each thread has a core to
# itself: while a call's browser, other calls and other programs share the cores, a spinning
# thread burns the time slice its partner needs, and a hands-free phrase of 2.7 s took 19-31 s
# to transcribe instead of 4-6 s (tests/e2e/test_hands_free_browser.py with one core kept busy).
# The runtime reads the variable when it loads, so it is set here, before any of them is
# imported; a site's own setting wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
