"""Aggregations for HR (pandas): readiness for live calls, trends, exports."""
