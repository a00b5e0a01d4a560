"""A file box in the interface's language. Streamlit writes its button («Upload») and its
note («200MB per file • CSV, TXT») in English whatever the language, and the note gives its
own server's limit rather than the app's (simulator.user_text.UPLOAD_BYTES); st.file_uploader
takes no words for either, so a style scoped to this box writes the interface's words in their
place (as date_field does for a date box's placeholder), hiding Streamlit's words from screen
readers too (they read the button as «Вибрати файл», not «Upload»), and takes Streamlit's file
input, named "file upload", out of their reading (the button still opens it). No state of its
own."""
from __future__ import annotations

import streamlit as st

from simulator.texts.labels import Labels
from simulator.texts.limits import size
from simulator.user_text import UPLOAD_BYTES



def file_upload(label: str, tr: Labels, kind: str, types: list[str], key: str, **options):
    """``st.file_uploader`` for files of ``kind`` (a key of UPLOAD_BYTES) ending in ``types``;
    ``options`` as st.file_uploader's (accept_multiple_files, max_upload_size, ...)."""
    st.html(style(key, tr, kind, types))
    return st.file_uploader(label, type=types, key=key, **options)


def style(key: str, tr: Labels, kind: str, types: list[str]) -> str:
    """The style that writes the box's button and note in the interface's words."""
    box = f".st-key-{key.replace('.', '-')} [data-testid='stFileUploaderDropzone']"
    note = tr("upload_note", limit=size(UPLOAD_BYTES[kind], tr.language), types=", ".join(t.upper() for t in types))
    button = f"{box} [data-testid='stBaseButton-secondary']"
    instructions = f"{box} [data-testid='stFileUploaderDropzoneInstructions'] > div"
    # Streamlit's words are not shown at all (display: none), so a screen reader reads ours (the
    # ::after text) and not «Upload»; its file input, named "file upload", is left out of the
    # reading too (the button still opens it; its inline display needs !important).
    return ("<style>"
            f"{button} [data-testid='stMarkdownContainer'] {{ display: none; }} "
            f"{button} > div > span::after {{ content: {_css_text(tr('upload_button'))}; }} "
            f"{instructions} > span {{ display: none; }} "
            f"{instructions}::after {{ content: {_css_text(note)}; font-size: 0.875rem; }} "
            f"{box} input[type='file'] {{ display: none !important; }}"
            "</style>")


def _css_text(text: str) -> str:
    """``text`` as a CSS string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
