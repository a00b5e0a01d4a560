"""Operator training simulator for contact centres (offline, Ukrainian and English)."""

__version__ = "0.1.0"
