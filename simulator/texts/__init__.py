"""The product's text in the user's language (Ukrainian, the default, and English), in one place
below the interface, the command line and the reports, so each says the same thing in the same
words; nothing here imports Streamlit.

- ``labels`` (and its areas, ``labels_*``): every interface string; ``Labels(language)`` looks
  one up and fills its values (``{score:points}`` says the number with its plural word).
- ``refusals``: the store's refusals, said in the user's language by the code each carries
  (simulator.refusal) with the values it quotes (the pages and the commands that pass them on);
  their words are in ``labels_refusals`` and the areas' labels.
- ``limits``: the message when a text or a file is over its limit; numbers and file sizes as
  each language writes them.
- ``audit_words``: an audit entry's target and details in the user's words.
- ``formats``: dates and times in Kyiv time, and a user's own text made safe for Markdown.
- ``i18n``: the words of the reports and exports (their own table: see its docstring), and
  the one way a decimal number, yes/no and a moment in UTC are written.

Tables of their own beside the labels, keyed by language (or by code, then language), each
looked up by the module named: each is said in a language its caller gives (the scenario's, a
command's ``--labels``, a report's) and falls back to English or not at all where ``Labels``
falls back to Ukrainian, and several use keys the labels use with other wording:
- ``feedback``: the feedback a trainee reads after a reply and a call, in the scenario's
  language (simulator.scoring.feedback chooses the lines);
- ``scenario_messages``: what the scenario validator and linter say (English on the command
  line, the trainer's language in the studio: simulator.scenario.messages);
- ``audio_messages``: what a trainee is told about a recording that cannot be used
  (simulator.voice.audio);
- ``backup_messages``: what backup and restore say (simulator.store.backup_messages);
- ``calibration_words``: the calibration report's words (simulator.reports.calibration);
- ``cli_messages``: what the command line says of its own, a table per command (simulator.cli),
  in the language of its ``--labels``;
- ``cli_help``: the command line's help, every command and option (simulator.cli.helptext), in the
  language of SIMULATOR_CLI_LANGUAGE (Ukrainian by default);
- ``sample_messages``: the trainer's test bench: the kinds of sample reply and the warning when
  one breaks the trainer's expectation (simulator.services.studio.samples).
"""
