"""Why the store refused something, said in the user's language.

The store (and the readiness rules) refuse with a code and the values the refusal quotes
(simulator.refusal); its str() stays an English sentence for the command line's English and the
logs. Here each code is said again in the interface's language by a label (:data:`SAID`), with
those values; the words never depend on the English. A refusal without a code, or with one not
known here, becomes a general message in the user's language (its English goes to the log, for
the admin; the command line prints the store's English). tests/texts/test_refusal_codes.py
checks that every code raised in the store has its label in both languages, and
tests/ui/test_refusals.py makes the store give the refusals the pages pass on.
"""
from __future__ import annotations

import logging

from simulator.user_text import TooLong

from . import limits
from .formats import literal
from .labels import Labels

log = logging.getLogger(__name__)

# the code a refusal carries -> the label that says it (its placeholders: the refusal's values)
SAID: dict[str, str] = {
    # accounts (store/repository.py, accounts.py, auth.py, guard.py, personal_data.py, demo.py, audit.py)
    "username_invalid": "refused_username",
    "username_taken": "refused_username_taken",
    "import_fields": "refused_import_fields",
    "import_repeat": "refused_import_repeat",
    "language_unknown": "refused_language",
    "role_unknown": "refused_role",
    "password_short": "refused_password_short",
    "password_space": "refused_password_space",
    "password_broken": "refused_password_broken",
    "password_wrong": "pw_wrong_current",
    "password_same": "pw_same",
    "user_missing": "refused_user_missing",
    "user_inactive": "refused_user_inactive",
    "not_allowed": "refused_not_allowed",
    "last_admin": "role_last_admin",
    "demo_last_admin": "demo_remove_last_admin",
    "confirm_username": "refused_confirm_username",
    "audit_action_unknown": "refused_audit_action",
    # calls and reviews (store/repository.py, reruns.py, reviews.py)
    "mode_unknown": "refused_mode",
    "attempt_missing": "refused_attempt_missing",
    "attempt_closed": "refused_attempt_closed",
    "attempt_in_progress": "refused_attempt_in_progress",
    "rewind_exam": "refused_rewind_exam",
    "turn_missing": "refused_turn_missing",
    "comment_required": "review_comment_required",
    "score_range": "refused_score",
    "not_finished": "refused_not_finished",
    # scenarios and assignments (store/scenario_versions.py, errors.py, repository.py)
    "scenario_id_invalid": "refused_scenario_id",
    "scenario_exists": "refused_scenario_exists",
    "version_missing": "refused_version_missing",
    "nothing_to_save": "refused_nothing_to_save",
    "nothing_to_publish": "refused_nothing_to_publish",
    "no_draft": "refused_no_draft",
    "nothing_to_restore": "refused_nothing_to_restore",
    "not_publishable": "refused_not_publishable",
    "scenario_not_published": "refused_not_published",
    "assign_target": "refused_assign_target",
    "group_empty": "refused_group_empty",
    "assignment_missing": "refused_assignment_missing",
    # calibration (store/calibration.py)
    "set_name_missing": "refused_set_name",
    "set_empty": "refused_set_empty",
    "set_missing": "refused_set_missing",
    "set_item_missing": "refused_set_item_missing",
    "set_closed": "refused_set_closed",
    "already_rated": "refused_already_rated",
    "rating_off_scale": "refused_rating_off_scale",
    "report_not_open": "refused_report_not_open",
    "report_rate_first": "refused_report_rate_first",
    "gate_level_range": "refused_gate_level",
    "too_few_rated": "refused_too_few_rated",
    "tuning_missing": "refused_tuning_missing",
    "tuning_decided": "refused_tuning_decided",
    "gate_closed": "refused_gate_closed",
    # readiness rules (reports/readiness.py)
    "readiness_recent_below": "rd_settings_recent_below",
    "readiness_window_range": "rd_settings_window_range",
    # over a limit (user_text.TooLong: said by texts/limits.py, which names the field and writes the sizes)
    "too_long": "too_long",
    "too_big": "too_big",
}
_UNITS = {"too_long": "characters", "too_big": "bytes"}


def message(refusal: Exception | str, tr: Labels, markdown: bool = True) -> str:
    """``refusal`` (the exception, or a result's :class:`simulator.refusal.RefusedText`) in the
    user's language. ``markdown``: the quoted values escaped for Streamlit's Markdown (st.error
    and the like); False for tables."""
    said = known(refusal, tr, markdown)
    if said is None:
        log.warning("a refusal the interface does not know how to say: %s", refusal)
        return tr("refused_other")
    return said


def known(refusal: Exception | str, tr: Labels, markdown: bool = False) -> str | None:
    """``refusal`` in the language of ``tr`` if its code is known here, else None (the command
    line then prints the store's own English, which names what went wrong)."""
    code = getattr(refusal, "code", "") or ""
    key = SAID.get(code)
    if key is None:
        return None
    params = getattr(refusal, "params", {})
    if code in _UNITS:      # the field by its name, the sizes as the language writes them
        over = refusal if isinstance(refusal, TooLong) else TooLong(params["field"], params["limit"], params["length"],
                                                                     _UNITS[code])
        return limits.message(over, tr)
    return tr(key, **{name: literal(value) if markdown else str(value) for name, value in params.items()})
