"""Voices and speech: the customer's voice, the trainee's spoken reply.

- tts: customer voices (pyttsx3 over espeak-ng), the telephone-line effect, the cache.
- audio: decode and check recorded replies; errors with messages in Ukrainian and English.
- asr: the `Transcriber` protocol, `Transcript`, the faster-whisper backend, the shared queue.
- openai_backend: the optional openai-whisper backend and the weight conversion for it.
- models: Whisper weights assembled from installed packages, never downloaded.

Heavy libraries (pyttsx3, PyAV, faster-whisper, torch) load on first use, not on import.
The core packages (scenario, call, scoring) never import this package.
"""
