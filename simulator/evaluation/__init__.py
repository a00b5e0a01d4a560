"""Measuring the product against people: the judging agreement benchmark."""
