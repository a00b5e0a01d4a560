"""The scenario library: scenario files read, and checked against the model and the scorer.

It sits above the core (``scenario``, ``scoring``, ``call``), whose modules it uses, and below
the store, the use cases and the edges, which load scenarios through it."""
