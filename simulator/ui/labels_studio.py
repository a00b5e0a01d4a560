"""Interface strings of the studio pages, in Ukrainian and English (merged into labels.py)."""

UK: dict[str, str] = {
}

EN: dict[str, str] = {
}
