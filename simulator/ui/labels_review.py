"""Interface strings of the review pages, in Ukrainian and English (merged into labels.py)."""

UK: dict[str, str] = {
}

EN: dict[str, str] = {
}
