"""The `coach` command as a user runs it: real processes, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = {
    "language": "en",
    "turns": [
        {"role": "trainee", "text": "Thanks for your time. How do you track the fleet today?"},
        {"role": "buyer", "text": "We already have TrakLine and we're under contract till April."},
        {"role": "trainee", "text": "That makes sense. What made you pick them back then?"},
    ],
}


def coach(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        check=False,
    )


def test_score_prints_the_scorecard(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    r = coach("score", str(path))
    assert r.returncode == 0, r.stderr
    card = json.loads(r.stdout)
    assert set(card["dimensions"]) == {"questioning", "objection_handling", "needs_discovery"}
    assert card["scorer"] == "rubric"
    for dim in card["dimensions"].values():
        for ev in dim["evidence"]:
            assert ev["quote"] in GOOD["turns"][ev["index"]]["text"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        (b"{not json", "invalid JSON"),
        (b"\xff\xfe{}", "UTF-8"),
        (json.dumps({"turns": []}).encode(), "empty"),
        (json.dumps({"language": "zh"}).encode(), "turns"),
        (json.dumps({"turns": [{"role": "seller", "text": "hi"}]}).encode(), "unknown role"),
        (json.dumps({"turns": [{"role": "trainee", "text": "  "}]}).encode(), "blank"),
        (json.dumps([1, 2]).encode(), "object"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "t.json"
    if content is not None:
        path.write_bytes(content)
    r = coach("score", str(path))
    assert r.returncode == 2
    assert r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1
    assert message in r.stderr


def test_score_refuses_files_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    turns = [{"role": "trainee", "text": "x" * 1000}] * 2500
    path.write_text(json.dumps({"turns": turns}), encoding="utf-8")
    r = coach("score", str(path))
    assert r.returncode == 2
    assert r.stdout == ""
    assert "limit" in r.stderr


def test_score_of_a_directory_and_usage_errors(tmp_path: Path) -> None:
    r = coach("score", str(tmp_path))
    assert r.returncode == 2
    assert r.stdout == ""
    assert coach("score").returncode == 2
    assert coach("nonsense").returncode == 2


def test_scenarios_check_names_the_file_and_field(tmp_path: Path) -> None:
    assert coach("scenarios", "check").returncode == 0
    (tmp_path / "broken.yaml").write_text("id: broken\nlanguage: fr\ntitle: x\n", encoding="utf-8")
    r = coach("scenarios", "check", "--dir", str(tmp_path))
    assert r.returncode == 1
    assert "broken.yaml: language" in r.stderr


def test_scenarios_check_warns_about_objections_with_few_ways_to_say_them(tmp_path: Path) -> None:
    import yaml

    from app.resources import data_dir

    data = yaml.safe_load((data_dir("scenarios") / "zh-mes-auto-parts.yaml").read_text("utf-8"))
    first = data["objections"][0]
    first["phrasings"], first["again"] = first["phrasings"][:2], []
    (tmp_path / "zh-mes-auto-parts.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    r = coach("scenarios", "check", "--dir", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert f"objection {first['id']} has 2 ways to say it" in r.stdout
    assert "example questions reach their item" in r.stdout
