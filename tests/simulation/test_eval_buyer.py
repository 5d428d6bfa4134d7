"""`coach eval buyer`: the report a deployer reads before trainees meet the buyer.

Run as a user runs it (a real process, settings from the environment), against
the offline buyer and against a model behind a loopback OpenAI-compatible
server: a stand-in that says what the turn note allows, and one that evades.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.fake_openai import FakeOpenAI

SCENARIO = "en-fleet-telematics"


def coach(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
        check=False,
    )


def follows_the_note(body: dict[str, Any]) -> str:
    """A model that answers with exactly the content its turn note allows."""
    note = body["messages"][-1]["content"]
    said = [
        line.split(": ", 1)[1]
        for line in note.splitlines()
        if line.startswith("- ") and ": " in line
    ]
    return " ".join(said) or "I see."


def evades(body: dict[str, Any]) -> str:
    return "Hard to say, really. Let's see how things go."


@pytest.fixture
def model() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(model="stand-in", default_responder=follows_the_note) as server:
        yield server


def summary(r: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert r.returncode == 0, r.stderr
    data: dict[str, Any] = json.loads(r.stdout)["summary"]
    return data


def test_the_offline_buyer_report() -> None:
    s = summary(coach("eval", "buyer", "--scenario", SCENARIO, "--json"))
    assert s["engine"] == "offline"
    assert s["answered_rate"] >= 0.9
    assert s["strong_earned_advance"] == 1
    assert s["strong_asks_max"] <= 2
    assert s["pitcher_refused"] == 1
    assert (s["role_breaks"], s["early_disclosure"], s["repeated_sentences"]) == (0, 0, 0)
    assert s["tokens_per_reply"] is None


def test_a_model_is_measured_through_the_real_client(model: FakeOpenAI) -> None:
    env = {
        "OPENAI_BASE_URL": model.base_url,
        "OPENAI_API_KEY": "sk-eval",
        "COACH_LLM_MODEL": "stand-in",
        "COACH_JUDGE": "offline",
    }
    good = summary(coach("eval", "buyer", "--scenario", SCENARIO, "--json", env=env))
    assert good["engine"] == "llm"
    assert good["tokens_per_reply"] > 0
    assert good["answered_rate"] >= 0.8
    assert good["pitcher_refused"] == 1
    assert good["role_breaks"] == 0
    model.default_responder = evades
    bad = summary(coach("eval", "buyer", "--scenario", SCENARIO, "--json", env=env))
    assert (
        bad["answered_rate"] < 0.2
    )  # a model that answers nothing shows up before trainees see it
    text = coach("eval", "buyer", "--scenario", SCENARIO, env=env)
    assert "answered from the item asked about" in text.stdout


def test_an_unknown_scenario_is_a_usage_error() -> None:
    r = coach("eval", "buyer", "--scenario", "no-such-scenario")
    assert r.returncode == 2
    assert r.stdout == ""
    assert "no scenario" in r.stderr


def test_scenarios_check_reports_what_example_questions_reach() -> None:
    r = coach("scenarios", "check")
    assert r.returncode == 0, r.stderr
    assert "example questions reach their item" in r.stdout
    for line in r.stdout.splitlines():
        if "example questions reach their item" in line:
            rate = int(line.rsplit("(", 1)[1].rstrip("%)"))
            assert rate >= 60, line
