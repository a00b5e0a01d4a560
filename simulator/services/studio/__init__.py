"""The trainer studio's services: test a scenario before publishing it.

Pure functions over scenario text and the scenario model, with no Streamlit and no
database: `samples` (the test bench), `preview` (walk the branches), `form` (edit the
common fields inside the YAML text), `template` (a new scenario to start from).
"""
