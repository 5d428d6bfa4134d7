"""compose.yaml (the team deployment beside the Dockerfile) is well-formed and consistent.

No container engine runs here, so this reads the file: the services, what the
app is told, and that those settings would serve (PostgreSQL, several workers).
It was also checked against the Compose Specification's JSON schema
(compose-spec.json) when written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy.engine import make_url

from app.cli import serving_problem
from app.config import Settings

ROOT = Path(__file__).resolve().parent.parent
_VARIABLE = re.compile(r"\$\{([A-Z_]+)(?::([-?])([^}]*))?\}")


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's ${NAME}, ${NAME:-default} and ${NAME:?message}."""

    def one(m: re.Match[str]) -> str:
        name, kind, rest = m.groups()
        if env.get(name):
            return env[name]
        assert kind != "?", f"{name} is required: {rest}"
        return rest if kind == "-" else ""

    return _VARIABLE.sub(one, value)


def compose() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text())
    return doc


def test_postgresql_and_the_coach_with_several_workers() -> None:
    doc = compose()
    assert set(doc["services"]) == {"db", "coach"}
    db, coach = doc["services"]["db"], doc["services"]["coach"]
    assert db["image"].startswith("postgres:")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    volume = db["volumes"][0].split(":")
    assert volume[1] == "/var/lib/postgresql/data"
    assert volume[0] in doc["volumes"]  # a named volume: the data outlives the container
    assert coach["build"] == "."
    assert (ROOT / "Dockerfile").is_file()
    assert coach["depends_on"] == {"db": {"condition": "service_healthy"}}
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert coach["ports"] == ["8000:8000"]
    assert "EXPOSE 8000" in dockerfile
    assert "/healthz" in " ".join(coach["healthcheck"]["test"])


def test_the_coach_is_told_settings_that_serve() -> None:
    doc = compose()
    db, coach = doc["services"]["db"], doc["services"]["coach"]
    env = {"POSTGRES_PASSWORD": "s3cret"}
    told = {k: interpolate(str(v), env) for k, v in coach["environment"].items()}
    for name in told:  # no misspelt setting: each is one the app reads
        field = name.removeprefix("COACH_").lower()
        assert name.startswith("COACH_"), name
        assert field in Settings.model_fields, name
    url = make_url(told["COACH_DATABASE_URL"])
    assert url.get_backend_name() == "postgresql"
    assert url.host == "db"
    assert url.port == 5432
    assert url.username == interpolate(db["environment"]["POSTGRES_USER"], env)
    assert url.password == "s3cret"
    assert url.database == interpolate(db["environment"]["POSTGRES_DB"], env)
    settings = Settings(**{k.removeprefix("COACH_").lower(): v for k, v in told.items()})
    assert settings.workers == 4
    assert serving_problem(settings) is None  # PostgreSQL takes several workers


def test_a_missing_database_password_stops_compose() -> None:
    db = compose()["services"]["db"]
    with pytest.raises(AssertionError, match="POSTGRES_PASSWORD is required"):
        interpolate(db["environment"]["POSTGRES_PASSWORD"], {})
