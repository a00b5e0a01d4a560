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

# Recognition's OpenMP threads (CTranslate2's libgomp) spin at a barrier for 20,000 rounds, then
# sleep, instead of libgomp's 300,000. Long spinning only pays off while each thread has a core to
# itself: with a call's browser and other work on the same cores, a spinning thread burns the time
# slice its partner needs, and a hands-free phrase of 2.7 s took 19-31 s to transcribe instead of
# 4-8 s (tests/e2e/test_hands_free_browser.py with one core kept busy). Short spinning still lets a
# quiet machine's threads meet without sleeping: a 14 s reply was heard in 1.49-1.55 s (1.5-1.7 s
# with the default), where sleeping at once (OMP_WAIT_POLICY=PASSIVE) took 1.6-2.0 s. The runtime reads the
# variable when it loads, so it is set here, before any recogniser is imported; a site's own wins.
os.environ.setdefault("GOMP_SPINCOUNT", "20000")
