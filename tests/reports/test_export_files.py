"""CSV and Excel exports, read back; the readiness tables in both languages."""
from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from simulator.reports.export import readiness_tables, sheet_names, to_csv, to_xlsx
from simulator.reports.readiness import readiness_at

UTC = dt.timezone.utc

FRAME = pd.DataFrame({
    "user": ["olena", "petro"],
    "full_name": ["Олена Коваль-Ґудзь", "Петро \"Пе'тя\" <Сидоренко>"],
    "group": ["Група 1", None],
    "score": [75.6, float("nan")],
    "ready": [True, False],
    "finished_at": pd.to_datetime([dt.datetime(2026, 3, 30, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=3))),
                                   dt.datetime(2026, 3, 31, 8, 5, tzinfo=UTC)], utc=True),
})


def test_csv_has_a_bom_and_round_trips():
    data = to_csv(FRAME)
    assert data.startswith(b"\xef\xbb\xbf") and "Олена Коваль-Ґудзь".encode() in data
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    # zoned times are written as naive UTC: 15:00 at +03:00 is 12:00
    assert back.finished_at.tolist() == ["2026-03-30 12:00:00", "2026-03-31 08:05:00"]
    expected = FRAME.assign(finished_at=FRAME.finished_at.dt.tz_localize(None))
    pd.testing.assert_frame_equal(back.assign(finished_at=pd.to_datetime(back.finished_at)), expected, check_dtype=False)


def test_csv_for_excel_in_ukrainian_regional_format():
    data = to_csv(FRAME, sep=";", decimal=",")
    assert b";75,6;" in data
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", sep=";", decimal=",")
    assert back.score.tolist()[0] == 75.6 and back.full_name.tolist() == FRAME.full_name.tolist()


def test_csv_writes_formula_like_text_as_text():
    data = to_csv(pd.DataFrame({"phrase": ["=HYPERLINK(\"x\")", "-ну і що", "@me", "добре"], "delta": [-1, 2, 3, 4]}))
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back.phrase.tolist() == ["'=HYPERLINK(\"x\")", "'-ну і що", "'@me", "добре"]
    assert back.delta.tolist() == [-1, 2, 3, 4]          # numbers stay numbers


def test_csv_of_an_empty_frame_is_its_header():
    assert to_csv(FRAME.iloc[:0]) == "\ufeffuser,full_name,group,score,ready,finished_at\r\n".encode()


def read(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_xlsx_read_back_cell_by_cell():
    book = read(to_xlsx({"Стажери": FRAME}))
    sheet = book["Стажери"]
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["user", "full_name", "group", "score", "ready", "finished_at"],
        ["olena", "Олена Коваль-Ґудзь", "Група 1", 75.6, True, dt.datetime(2026, 3, 30, 12, 0)],
        ["petro", "Петро \"Пе'тя\" <Сидоренко>", None, None, False, dt.datetime(2026, 3, 31, 8, 5)],
    ]
    assert all(cell.font.b for cell in sheet[1]) and not sheet["A2"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet["F2"].number_format == "yyyy-mm-dd hh:mm"
    # widths: longest text + 2; "Петро "Пе'тя" <Сидоренко>" is 25 characters; times 16; "score" header 5 > "75.6"
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEF"}
    assert widths == {"A": 7, "B": 27, "C": 9, "D": 7, "E": 7, "F": 18}


def test_xlsx_keeps_text_as_text_and_drops_characters_excel_refuses():
    book = read(to_xlsx({"x": pd.DataFrame({"text": ["=1+1", "bell\x07ring"], "n": [1, 2]})}))
    sheet = book["x"]
    assert (sheet["A2"].value, sheet["A2"].data_type) == ("=1+1", "s")
    assert sheet["A3"].value == "bellring" and sheet["B3"].value == 2


def test_xlsx_sheet_names_are_made_valid_and_unique():
    long = "Готовність стажерів до реальних дзвінків"        # 40 characters
    book = read(to_xlsx({long: FRAME, long.upper(): FRAME.iloc[:0], "a/b:c": FRAME}))
    assert book.sheetnames == [long[:31], long.upper()[:27] + " (2)", "a_b_c"]
    assert [[c.value for c in row] for row in book.worksheets[1].iter_rows()] == [list(FRAME.columns)]


def test_sheet_names_edge_cases():
    assert sheet_names(["'quoted'", "", "[x]?", "😀" * 20]) == ["quoted", "Sheet", "_x__", "😀" * 15]   # an emoji is 2 UTF-16 units
    assert sheet_names(["a" * 30 + "'b"]) == ["a" * 30]      # no apostrophe left at the end after cutting


# readiness tables: ivan ready in outage (71 then 69 -> (71 + 0.8*69) / 1.8 = 70.1), one call in tariffs;
# nadia has no calls
CALLS = pd.DataFrame([
    {"user": "ivan", "full_name": "Іван <Мельник>", "group": "A", "category": "outage", "overall": 71, "critical": False,
     "finished_at": dt.datetime(2026, 3, 29, 12, tzinfo=UTC)},
    {"user": "ivan", "full_name": "Іван <Мельник>", "group": "A", "category": "outage", "overall": 69, "critical": False,
     "finished_at": dt.datetime(2026, 3, 28, 12, tzinfo=UTC)},
    {"user": "ivan", "full_name": "Іван <Мельник>", "group": "A", "category": "tariff-zones", "overall": 90, "critical": True,
     "finished_at": dt.datetime(2026, 3, 28, 12, tzinfo=UTC)},
])
TRAINEES = pd.DataFrame({"user_id": [1, 2], "user": ["ivan", "nadia"], "full_name": ["Іван <Мельник>", "Надія Бойко"],
                         "group": ["A", None], "language": ["uk", "en"]})


@pytest.fixture
def readiness():
    return readiness_at(CALLS, TRAINEES, ["outage", "tariff-zones"], dt.date(2026, 3, 31))


def test_readiness_tables_in_ukrainian(readiness):
    tables = readiness_tables(*readiness, category_names={"outage": "відключення", "tariff-zones": "зонні тарифи"})
    assert list(tables) == ["Стажери", "Теми"]
    people = tables["Стажери"]
    assert list(people.columns) == ["Логін", "ПІБ", "Група", "Готовий", "Готових тем", "Обов'язкових тем", "Чого бракує"]
    assert people.fillna("").values.tolist() == [
        ["ivan", "Іван <Мельник>", "A", "ні", 1, 2, "зонні тарифи: 1 з 2 дзвінків, нещодавня критична помилка"],
        ["nadia", "Надія Бойко", "", "ні", 0, 2, "відключення: немає дзвінків; зонні тарифи: немає дзвінків"],
    ]
    categories = tables["Теми"]
    assert list(categories.columns) == ["Логін", "ПІБ", "Група", "Тема", "Дзвінків", "Оцінка", "Критична помилка", "Готовий", "Чого бракує"]
    assert categories.iloc[0].tolist() == ["ivan", "Іван <Мельник>", "A", "відключення", 2, 70.1, "ні", "так", ""]
    assert categories.iloc[1].tolist() == ["ivan", "Іван <Мельник>", "A", "зонні тарифи", 1, 90.0, "так", "ні",
                                           "1 з 2 дзвінків, нещодавня критична помилка"]
    assert pd.isna(categories.iloc[2]["Оцінка"]) and categories.iloc[2]["Чого бракує"] == "немає дзвінків"


def test_readiness_tables_in_english_through_excel(readiness):
    tables = readiness_tables(*readiness, language="en")
    book = read(to_xlsx(tables))
    assert book.sheetnames == ["Trainees", "Categories"]
    rows = [[cell.value for cell in row] for row in book["Trainees"].iter_rows()]
    assert rows == [
        ["Username", "Full name", "Group", "Ready", "Ready categories", "Required categories", "What is missing"],
        ["ivan", "Іван <Мельник>", "A", "no", 1, 2, "tariff-zones: 1 of 2 calls, a recent critical mistake"],
        ["nadia", "Надія Бойко", None, "no", 0, 2, "outage: no calls; tariff-zones: no calls"],
    ]
    assert [cell.value for cell in book["Categories"][2]] == ["ivan", "Іван <Мельник>", "A", "outage", 2, 70.1, "no", "yes", None]


def test_readiness_tables_of_nobody():
    empty = readiness_at(CALLS.iloc[:0], None, ["outage"], dt.date(2026, 3, 31))
    tables = readiness_tables(*empty, language="en")
    assert [len(t) for t in tables.values()] == [0, 0]
    assert list(tables["Trainees"].columns) == ["Username", "Full name", "Group", "Ready", "Ready categories",
                                                "Required categories", "What is missing"]
    assert read(to_xlsx(tables)).sheetnames == ["Trainees", "Categories"]
