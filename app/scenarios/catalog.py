"""Loading scenario files, with errors that name the file and the field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from app.resources import data_dir
from app.scenarios.schema import Scenario


@dataclass(frozen=True)
class ScenarioProblem:
    source: str  # file name, or "scenario" for an API body
    field: str  # dotted path, "" for the whole document
    message: str

    def __str__(self) -> str:
        where = f"{self.source}: {self.field}" if self.field else self.source
        return f"{where}: {self.message}"


class ScenarioInvalid(Exception):
    def __init__(self, problems: list[ScenarioProblem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def _field_path(loc: Iterable[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def validate_scenario(data: Any, source: str = "scenario") -> Scenario:
    """Validate a parsed document; raise ScenarioInvalid listing every problem."""
    if not isinstance(data, dict):
        raise ScenarioInvalid([ScenarioProblem(source, "", "a scenario must be a mapping")])
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        problems = [
            ScenarioProblem(source, _field_path(err["loc"]), err["msg"]) for err in exc.errors()
        ]
        raise ScenarioInvalid(problems) from exc


def load_scenario_file(path: Path) -> Scenario:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioInvalid([ScenarioProblem(path.name, "", f"cannot read: {exc}")]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ScenarioInvalid(
            [ScenarioProblem(path.name, where, f"invalid YAML: {problem}")]
        ) from exc
    scenario = validate_scenario(data, path.name)
    if scenario.id != path.stem:
        raise ScenarioInvalid(
            [ScenarioProblem(path.name, "id", f"must equal the file name {path.stem!r}")]
        )
    return scenario


def builtin_dir() -> Path:
    return data_dir("scenarios")


def check_directory(directory: Path) -> tuple[list[Scenario], list[ScenarioProblem]]:
    """Every scenario file in a directory: the valid ones and every problem found."""
    scenarios: list[Scenario] = []
    problems: list[ScenarioProblem] = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            scenarios.append(load_scenario_file(path))
        except ScenarioInvalid as exc:
            problems.extend(exc.problems)
    return scenarios, problems


def load_builtin() -> dict[str, Scenario]:
    """The built-in library. A broken built-in file is a packaging bug: fail loudly."""
    scenarios, problems = check_directory(builtin_dir())
    if problems:
        raise ScenarioInvalid(problems)
    return {s.id: s for s in scenarios}
