"""Files HR downloads: CSV and Excel workbooks of the report tables, headed in the user's language.

Times are written in UTC without a zone (Excel cannot store one): the reports say "(UTC)".
Text that starts like a formula (= + - @) is written as text, never as a formula, because
trainee names and phrases are typed by people (a "formula injection" otherwise).
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from simulator.reports.readiness import describe
from simulator.texts import i18n

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_LIMIT = 31                   # Excel's, counted in UTF-16 units
MAX_COLUMN_WIDTH = 60
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def to_csv(frame: pd.DataFrame, sep: str = ",", decimal: str = ".") -> bytes:
    """The frame as CSV bytes, UTF-8 with a byte-order mark.

    Excel reads a CSV without a BOM in the system's legacy code page (windows-1251 in a Ukrainian
    locale), which turns UTF-8 Cyrillic into mojibake; the BOM makes it read UTF-8. Excel set to
    Ukrainian regional formats also expects ``sep=";"`` and ``decimal=","`` when a file is opened
    by double-click. Text that starts like a formula gets a leading apostrophe, which Excel hides.
    """
    plain = _utc_naive(frame)
    text = plain.select_dtypes(include=["object", "string"]).columns
    plain[text] = plain[text].map(lambda v: f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_START) else v)
    return plain.to_csv(index=False, sep=sep, decimal=decimal, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """A workbook with one sheet per frame: a bold, frozen header row, columns as wide as their
    text (up to 60), times as UTC without a zone, sheet names made valid and unique for Excel."""
    book = Workbook(write_only=True)
    for name, frame in zip(sheet_names(list(sheets)), sheets.values()):
        sheet = book.create_sheet(name)
        plain = _utc_naive(frame)
        for number, width in enumerate(_widths(plain), start=1):
            sheet.column_dimensions[get_column_letter(number)].width = width
        sheet.freeze_panes = "A2"
        sheet.append([_cell(sheet, str(column), bold=True) for column in plain.columns])
        for row in plain.itertuples(index=False, name=None):
            sheet.append([_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sheet_names(names: list[str]) -> list[str]:
    """Names Excel accepts: no []:*?/\\, no apostrophe at either end, not blank, at most 31 UTF-16
    units (so an emoji is not cut in half), unique regardless of case ("Name (2)" for a repeat)."""
    chosen: list[str] = []
    for name in names:
        base = re.sub(r"[\[\]:*?/\\]", "_", str(name)).strip().strip("'") or "Sheet"
        candidate, repeat = _fit(base, ""), 1
        while candidate.lower() in (c.lower() for c in chosen):
            repeat += 1
            candidate = _fit(base, f" ({repeat})")
        chosen.append(candidate)
    return chosen


def readiness_tables(categories: pd.DataFrame, trainees: pd.DataFrame, language: str = "uk",
                     category_names: Mapping[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """The readiness tables as exported: {trainees sheet: ..., categories sheet: ...}, sheet names,
    headers, yes/no and what is missing in ``language``; categories by ``category_names`` when given.

    Takes :func:`~simulator.reports.readiness.by_category` and ``by_trainee`` results. Trainees
    sheet: user, full_name, group, ready, ready_categories, required, missing. Categories sheet:
    user, full_name, group, category, attempts, score, critical, ready, missing.
    """
    words = i18n.words(language)
    names = category_names or {}

    def yes_no(column: pd.Series) -> pd.Series:
        return column.map(lambda value: i18n.yes_no(bool(value), language))

    def missing(frame: pd.DataFrame) -> pd.Series:
        return frame["reasons"].map(lambda reasons: describe(reasons, language, names))

    who = [column for column in ("user", "full_name", "group") if column in trainees.columns]
    people = trainees[who].assign(ready=yes_no(trainees["ready"]), ready_categories=trainees["ready_categories"],
                                  required=trainees["required"], missing=missing(trainees))
    per_category = categories[who].assign(
        category=categories["category"].map(lambda code: names.get(code, code)), attempts=categories["attempts"],
        score=categories["score"], critical=yes_no(categories["critical"]), ready=yes_no(categories["ready"]),
        missing=missing(categories))
    return {words["sheet_trainees"]: people.rename(columns=words), words["sheet_categories"]: per_category.rename(columns=words)}


def _fit(base: str, suffix: str) -> str:
    name = base
    while _utf16_length(name + suffix) > SHEET_NAME_LIMIT:
        name = name[:-1]
    return name.rstrip().rstrip("'") + suffix


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _utc_naive(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with zoned times as naive UTC."""
    plain = frame.copy()
    for column in plain.columns:
        if isinstance(plain[column].dtype, pd.DatetimeTZDtype):
            plain[column] = plain[column].dt.tz_convert("UTC").dt.tz_localize(None)
    return plain


def _widths(frame: pd.DataFrame) -> Iterator[float]:
    """Each column's width in characters: its longest text (header included) plus a margin."""
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_datetime64_dtype(values):
            longest = len(DATETIME_FORMAT)
        else:
            longest = values.map(lambda value: 0 if _missing(value) else len(str(value))).max()
        yield min(max(len(str(column)), 0 if pd.isna(longest) else int(longest)) + 2, MAX_COLUMN_WIDTH)


def _missing(value) -> bool:
    return pd.api.types.is_scalar(value) and bool(pd.isna(value))


def _cell(sheet, value, bold: bool = False) -> WriteOnlyCell:
    if _missing(value):
        value = None
    elif isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    elif hasattr(value, "item"):                   # numpy scalars to Python
        value = value.item()
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str):
        cell.data_type = "s"                       # never a formula, whatever the text starts with
    elif hasattr(value, "hour"):
        cell.number_format = DATETIME_FORMAT
    if bold:
        cell.font = Font(bold=True)
    return cell
