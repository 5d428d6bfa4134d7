"""The one LLM client the service shares, when the settings ask for one."""

from __future__ import annotations

from app.config import Settings
from app.llm.client import LLMClient


def llm_settings_problem(settings: Settings) -> str | None:
    """A one-line message when the LLM settings can't work, else None.

    `COACH_BUYER=llm` or `COACH_JUDGE=llm` without `COACH_LLM_MODEL` is a
    misconfiguration: it should stop the start, not fall back quietly.
    """
    wanted = [
        variable
        for variable, engine in (
            ("COACH_BUYER", settings.buyer_engine),
            ("COACH_JUDGE", settings.judge_engine),
        )
        if engine == "llm"
    ]
    if wanted and not settings.llm_model:
        return f"{' and '.join(wanted)}=llm needs COACH_LLM_MODEL (the model name to use)"
    return None


def llm_client(settings: Settings) -> LLMClient | None:
    """A client when the buyer or the judge runs on the LLM, else None.

    Build it once (in `build_container`), share it (its capability memory is
    per endpoint) and `aclose()` it at shutdown. Raises `ValueError` with
    `llm_settings_problem`'s message when the settings can't work.
    """
    problem = llm_settings_problem(settings)
    if problem is not None:
        raise ValueError(problem)
    if settings.buyer_engine != "llm" and settings.judge_engine != "llm":
        return None
    return LLMClient.from_settings(settings)
