"""The use cases: what a person does with the simulator, written once, and called by both the
app's pages (`simulator.ui`) and the command line (`simulator.cli`).

A use case puts the layers below together for one thing a trainee, a trainer or HR does: play a
practice or exam call saved turn by turn (`practice`), read what trainees can play
(`catalogue`), suggest the next scenario (`next_scenario`), test and publish a scenario in the
trainer studio (`studio`), learn from finished calls (`learning`: branch maps, where a cohort
leaves the good path, practice plans). No Streamlit and no database library here: a use case
takes the store and the clock it needs, and the page or command says the result in its own way.
"""
