"""A file box's button and note in the interface's language, with the app's own limit
(Streamlit writes «Upload» and «200MB per file» whatever the language)."""
from __future__ import annotations

from simulator.texts.labels import Labels
from simulator.ui.components.file_upload import style


def test_the_box_is_written_over_in_each_language_with_the_apps_limit():
    uk = style("admin.import.file", Labels("uk"), "trainees_csv", ["csv", "txt"])
    en = style("admin.import.file", Labels("en"), "trainees_csv", ["csv", "txt"])
    assert ".st-key-admin-import-file [data-testid='stFileUploaderDropzone']" in uk
    assert 'content: "Вибрати файл"' in uk and 'content: "до 1 МБ на файл · CSV, TXT"' in uk
    assert 'content: "Choose a file"' in en and 'content: "up to 1 MB per file · CSV, TXT"' in en
