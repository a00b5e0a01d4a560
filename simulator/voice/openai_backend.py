"""The second speech-recognition backend: OpenAI's reference `openai-whisper` (PyTorch).

Optional (requirements-openai-whisper.txt: torch + openai-whisper, over 1 GB). Chosen with
`SIMULATOR_ASR_BACKEND=openai-whisper`. It is about 2x slower than faster-whisper on the same
clip and model size (bench/voice.py) and kept for sites that standardise on it.

openai-whisper's `load_model('base')` downloads its checkpoint, which fails offline. Instead
`convert()` turns the installed CTranslate2 weights (models.py) into an openai-whisper
checkpoint: a .pt holding 'dims' and 'model_state_dict', loaded with
`whisper.load_model(path)` and strict key matching. The CTranslate2 model.bin is read directly
(format below: ctranslate2's Python API can write it but exposes no reader). Its tensors map
one to one onto openai-whisper's, except that CTranslate2 fuses the self-attention
query/key/value projections into one matrix (and the cross-attention key/value into another),
which are split back; Whisper's key projection has no bias, and the fused bias holds zeros there.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import struct
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from simulator.voice import models
from simulator.voice.transcription import WhisperTranscriber, Word, cpu_threads, heard_segments

INSTALL_HINT = "install the openai-whisper extra: .venv/bin/pip install -r requirements-openai-whisper.txt"
# CTranslate2 DataType enum order (include/ctranslate2/types.h).
_CT2_DTYPES = ("float32", "int8", "int16", "int32", "float16", "bfloat16")
# Only loops trigger the fallback to a higher temperature (openai-whisper has no repetition
# penalty); a low average log-probability does not, as synthetic Ukrainian is often unsure.
_TEMPERATURES = (0.0, 0.2, 0.4)


class ConversionError(models.ModelError):
    """The CTranslate2 directory cannot be turned into an openai-whisper checkpoint."""


# ---------------------------------------------------------------- reading CTranslate2


def read_ct2(path: Path) -> dict[str, np.ndarray]:
    """All variables of a CTranslate2 model.bin, by name (aliases resolved).

    Layout (ctranslate2/specs/model_spec.py, binary version 6): uint32 version; string name;
    uint32 revision; uint32 count; then per variable: string name, uint8 rank, uint32 dims,
    uint8 dtype, uint32 byte count, the bytes; then uint32 alias count and (alias, target)
    string pairs. A string is uint16 length (with its NUL), the UTF-8 bytes, NUL.
    """
    data = memoryview(Path(path).read_bytes())
    offset = 0

    def take(fmt):
        nonlocal offset
        (value,) = struct.unpack_from("<" + fmt, data, offset)
        offset += struct.calcsize("<" + fmt)
        return value

    def string():
        nonlocal offset
        length = take("H")
        text = bytes(data[offset : offset + length - 1]).decode()
        offset += length
        return text

    try:
        version = take("I")
        if version != 6:
            raise ConversionError(f"{path}: CTranslate2 binary version {version} is not supported (6 is)")
        spec = string()
        if spec != "WhisperSpec":
            raise ConversionError(f"{path} is a {spec}, not a Whisper model")
        take("I")  # spec revision
        variables = {}
        for _ in range(take("I")):
            name = string()
            shape = tuple(take("I") for _ in range(take("B")))
            dtype = _CT2_DTYPES[take("B")]
            size = take("I")
            if dtype == "bfloat16":
                raise ConversionError(f"{path}: bfloat16 weights are not supported")
            variables[name] = np.frombuffer(data[offset : offset + size], dtype=dtype).reshape(shape)
            offset += size
        for _ in range(take("I")):
            alias, target = string(), string()
            variables[alias] = variables[target]
    except (struct.error, IndexError, ValueError, UnicodeDecodeError) as exc:
        raise ConversionError(f"{path} is not a readable CTranslate2 model ({exc})") from None
    return variables


# ---------------------------------------------------------------- conversion


def _layers(variables: dict, prefix: str) -> int:
    return len({m.group(1) for name in variables if (m := re.match(rf"{prefix}/layer_(\d+)/", name))})


def _linear(variables: dict, src: str, dst: str, state: dict) -> None:
    state[f"{dst}.weight"] = variables[f"{src}/weight"]
    state[f"{dst}.bias"] = variables[f"{src}/bias"]


def _norm(variables: dict, src: str, dst: str, state: dict) -> None:
    state[f"{dst}.weight"] = variables[f"{src}/gamma"]
    state[f"{dst}.bias"] = variables[f"{src}/beta"]


def _split(variables: dict, src: str, dst: str, names: Sequence[str], state: dict) -> None:
    """Split a fused projection into `names` (one of which may be 'key', which has no bias)."""
    weights = np.split(variables[f"{src}/weight"], len(names))
    biases = np.split(variables[f"{src}/bias"], len(names))
    for name, weight, bias in zip(names, weights, biases, strict=True):
        state[f"{dst}.{name}.weight"] = weight
        if name == "key":
            if np.any(bias != 0):
                raise ConversionError(f"{src}: the key projection has a bias; openai-whisper has none")
        else:
            state[f"{dst}.{name}.bias"] = bias


def checkpoint_from_ct2(ct2_dir: Path) -> dict:
    """The openai-whisper checkpoint (plain dict of numpy arrays) for a CTranslate2 directory."""
    v = read_ct2(Path(ct2_dir) / "model.bin")
    if v["encoder/conv1/weight"].dtype.kind != "f":
        raise ConversionError(f"{ct2_dir}: quantised (int8) weights cannot be converted; use a float16 model")
    state: dict[str, np.ndarray] = {}
    for conv in ("conv1", "conv2"):
        _linear(v, f"encoder/{conv}", f"encoder.{conv}", state)
    state["encoder.positional_embedding"] = v["encoder/position_encodings/encodings"]
    _norm(v, "encoder/layer_norm", "encoder.ln_post", state)
    for i in range(_layers(v, "encoder")):
        src, dst = f"encoder/layer_{i}", f"encoder.blocks.{i}"
        _split(v, f"{src}/self_attention/linear_0", f"{dst}.attn", ("query", "key", "value"), state)
        _linear(v, f"{src}/self_attention/linear_1", f"{dst}.attn.out", state)
        _norm(v, f"{src}/self_attention/layer_norm", f"{dst}.attn_ln", state)
        _linear(v, f"{src}/ffn/linear_0", f"{dst}.mlp.0", state)
        _linear(v, f"{src}/ffn/linear_1", f"{dst}.mlp.2", state)
        _norm(v, f"{src}/ffn/layer_norm", f"{dst}.mlp_ln", state)
    state["decoder.token_embedding.weight"] = v["decoder/embeddings/weight"]
    state["decoder.positional_embedding"] = v["decoder/position_encodings/encodings"]
    _norm(v, "decoder/layer_norm", "decoder.ln", state)
    for i in range(_layers(v, "decoder")):
        src, dst = f"decoder/layer_{i}", f"decoder.blocks.{i}"
        _split(v, f"{src}/self_attention/linear_0", f"{dst}.attn", ("query", "key", "value"), state)
        _linear(v, f"{src}/self_attention/linear_1", f"{dst}.attn.out", state)
        _norm(v, f"{src}/self_attention/layer_norm", f"{dst}.attn_ln", state)
        _linear(v, f"{src}/attention/linear_0", f"{dst}.cross_attn.query", state)
        _split(v, f"{src}/attention/linear_1", f"{dst}.cross_attn", ("key", "value"), state)
        _linear(v, f"{src}/attention/linear_2", f"{dst}.cross_attn.out", state)
        _norm(v, f"{src}/attention/layer_norm", f"{dst}.cross_attn_ln", state)
        _linear(v, f"{src}/ffn/linear_0", f"{dst}.mlp.0", state)
        _linear(v, f"{src}/ffn/linear_1", f"{dst}.mlp.2", state)
        _norm(v, f"{src}/ffn/layer_norm", f"{dst}.mlp_ln", state)
    dims = {
        "n_mels": int(v["encoder/conv1/weight"].shape[1]),
        "n_audio_ctx": int(v["encoder/position_encodings/encodings"].shape[0]),
        "n_audio_state": int(v["encoder/conv1/weight"].shape[0]),
        "n_audio_head": int(v["encoder/num_heads"]),
        "n_audio_layer": _layers(v, "encoder"),
        "n_vocab": int(v["decoder/embeddings/weight"].shape[0]),
        "n_text_ctx": int(v["decoder/position_encodings/encodings"].shape[0]),
        "n_text_state": int(v["decoder/embeddings/weight"].shape[1]),
        "n_text_head": int(v["decoder/num_heads"]),
        "n_text_layer": _layers(v, "decoder"),
    }
    config = json.loads((Path(ct2_dir) / "config.json").read_text())
    return {"dims": dims, "model_state_dict": state, "alignment_heads": config.get("alignment_heads") or []}


def convert(ct2_dir: Path, out: Path) -> Path:
    """Write the openai-whisper checkpoint for `ct2_dir` to `out` atomically; return `out`."""
    torch = _import("torch")
    checkpoint = checkpoint_from_ct2(ct2_dir)
    checkpoint["model_state_dict"] = {k: torch.from_numpy(a.copy()) for k, a in checkpoint["model_state_dict"].items()}
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}-", suffix=".tmp")
    os.close(fd)
    try:
        torch.save(checkpoint, tmp)
        os.replace(tmp, out)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return out


def checkpoint_path(model: str) -> Path:
    """Where the converted checkpoint of `model` ('base', 'tiny.en' or a directory) lives."""
    name = Path(model).name if model not in (models.BASE, models.TINY_EN) else model
    return models.model_root() / "openai-whisper" / f"{name}.pt"


def ensure_checkpoint(model: str) -> Path:
    """A .pt path given as `model`, or the checkpoint converted from it (converted once)."""
    if model.endswith(".pt"):
        if not Path(model).is_file():
            raise models.ModelError(f"no openai-whisper checkpoint at {model}")
        return Path(model)
    out = checkpoint_path(model)
    if out.is_file():
        return out
    return convert(models.resolve(model).path, out)


def _import(name: str):
    try:
        return __import__(name)
    except ImportError:
        raise ImportError(f"the openai-whisper backend needs {name}: {INSTALL_HINT}") from None


# ---------------------------------------------------------------- the backend


def alignment_heads_dump(heads: Sequence[Sequence[int]], n_layer: int, n_head: int) -> bytes:
    """openai-whisper's encoding of the cross-attention heads used for word timestamps."""
    mask = np.zeros((n_layer, n_head), dtype=bool)
    for layer, head in heads:
        mask[layer, head] = True
    return base64.b85encode(gzip.compress(mask.tobytes()))


class OpenAIWhisperTranscriber(WhisperTranscriber):
    """openai-whisper on CPU (fp32), on a checkpoint converted from the installed weights."""

    backend = "openai-whisper"

    def _load(self):
        torch, whisper = _import("torch"), _import("whisper")
        path = ensure_checkpoint(self.model_name)
        torch.set_num_threads(cpu_threads(self.gate))
        model = whisper.load_model(str(path), device="cpu")
        heads = torch.load(path, map_location="cpu", weights_only=True, mmap=True).get("alignment_heads")
        if heads:
            model.set_alignment_heads(alignment_heads_dump(heads, model.dims.n_text_layer, model.dims.n_text_head))
        return model

    def _multilingual(self, model) -> bool:
        return model.is_multilingual

    def _count_tokens(self, model, text: str) -> int:
        import whisper

        tokenizer = whisper.tokenizer.get_tokenizer(model.is_multilingual, num_languages=model.num_languages)
        return len(tokenizer.encode(" " + text))

    def _language_probabilities(self, model, samples):
        import whisper

        mel = whisper.log_mel_spectrogram(whisper.pad_or_trim(samples), model.dims.n_mels)
        _, probabilities = model.detect_language(mel)
        return probabilities

    def _run(self, model, samples, language, prompt):
        import whisper

        result = whisper.transcribe(
            model,
            samples,
            language=language,
            task="transcribe",
            beam_size=self.beam_for(language),
            temperature=_TEMPERATURES,
            logprob_threshold=None,
            no_speech_threshold=None,  # as in asr.py: unclear speech is not silence
            condition_on_previous_text=False,
            initial_prompt=prompt,
            word_timestamps=True,
            fp16=False,
            verbose=None,
        )
        return heard_segments([(s["text"], [Word(w["word"], w["start"], w["end"], w["probability"]) for w in s.get("words", ())])
                               for s in result["segments"]])
