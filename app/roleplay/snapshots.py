"""The scenario a session was played with, parsed once per session and kept.

A session's snapshot never changes after it starts, so the parsed scenario
is cached by session id; a turn then needn't load or validate the document.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from app.roleplay.models import PracticeSession
from app.scenarios.schema import Scenario

_CACHE: OrderedDict[str, Scenario] = OrderedDict()
_MAX = 1024


def cached_scenario(session_id: str) -> Scenario | None:
    hit = _CACHE.get(session_id)
    if hit is not None:
        _CACHE.move_to_end(session_id)
    return hit


def remember(session_id: str, data: dict[str, Any]) -> Scenario:
    scenario = Scenario.model_validate(data)
    _CACHE[session_id] = scenario
    if len(_CACHE) > _MAX:
        _CACHE.popitem(last=False)
    return scenario


def scenario_of(s: PracticeSession) -> Scenario | None:
    """The session's scenario snapshot (None for an imported transcript)."""
    if s.source != "roleplay" or not s.scenario:
        return None
    return cached_scenario(s.id) or remember(s.id, s.scenario)
