"""A file box in the interface's language. Streamlit writes its button («Upload») and its
note («200MB per file • CSV, TXT») in English whatever the language, and the note gives its
own server's limit rather than the app's (simulator.user_text.UPLOAD_BYTES); st.file_uploader
takes no words for either, so a style scoped to this box writes the interface's words in their
place (as date_field does for a date box's placeholder). No state of its own."""
from __future__ import annotations

import streamlit as st

from simulator.user_text import UPLOAD_BYTES

from ..labels import Labels
from ..limits import size


def file_upload(label: str, tr: Labels, kind: str, types: list[str], key: str, **options):
    """``st.file_uploader`` for files of ``kind`` (a key of UPLOAD_BYTES) ending in ``types``;
    ``options`` as st.file_uploader's (accept_multiple_files, max_upload_size, ...)."""
    st.html(style(key, tr, kind, types))
    return st.file_uploader(label, type=types, key=key, **options)


def style(key: str, tr: Labels, kind: str, types: list[str]) -> str:
    """The style that writes the box's button and note in the interface's words."""
    box = f".st-key-{key.replace('.', '-')} [data-testid='stFileUploaderDropzone']"
    note = tr("upload_note", limit=size(UPLOAD_BYTES[kind], tr.language), types=", ".join(t.upper() for t in types))
    button = f"{box} [data-testid='stBaseButton-secondary'] [data-testid='stMarkdownContainer'] p"
    instructions = f"{box} [data-testid='stFileUploaderDropzoneInstructions'] span"
    return ("<style>"
            f"{button} {{ font-size: 0; }} {button}::after {{ content: {_css_text(tr('upload_button'))}; font-size: 1rem; }} "
            f"{instructions} {{ font-size: 0; }} {instructions}::after {{ content: {_css_text(note)}; font-size: 0.875rem; }}"
            "</style>")


def _css_text(text: str) -> str:
    """``text`` as a CSS string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
