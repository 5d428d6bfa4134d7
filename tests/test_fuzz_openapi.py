"""Property-based fuzzing of the OpenAPI document with Schemathesis, on SQLite and PostgreSQL.

tests/test_inputs.py sends chosen bad values to every operation; this module
lets Schemathesis generate requests from the app's own document instead, both
ones the document allows and ones it refuses, and checks every answer:

* never a 5xx (not_a_server_error);
* only documented status codes, content types and bodies (status_code_conformance,
  content_type_conformance, response_schema_conformance, response_headers_conformance);
* the document states the real limits: what it allows is not refused with a 400 or
  422 (positive_data_acceptance), what it refuses is not accepted (negative_data_rejection).

The service runs whole (uvicorn on loopback, its own start-up) on a fresh
database per backend; requests carry a manager's token, or none. Generation is
derandomized (the seed comes from the test's name) and bounded per operation,
and Hypothesis keeps no example database, so a run is repeatable and short.
"""

from __future__ import annotations

import shutil
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import positive_data_acceptance

from app.config import Settings
from app.main import create_app
from tests.conftest import BACKENDS, _pg_admin, _pg_url, make_settings
from tests.support.live_server import serving

CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
    "positive_data_acceptance",
    "negative_data_rejection",
    "ignored_auth",
]
SCENARIO_BODIES = [
    "POST /api/scenarios",
    "PUT /api/scenarios/{scenario_id}",
    "POST /api/scenarios/check",
]
CONFIG = schemathesis.Config.from_dict(
    {
        "generation": {"mode": "all", "allow-x00": True},
        "checks": {
            "enabled": False,
            **{name: {"enabled": True} for name in CHECKS},
            # A body over the cap is refused before it is read: that is a refusal too.
            "negative_data_rejection": {
                "expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429]
            },
        },
        "operations": [
            {
                # The coverage phase would send ~800 boundary cases of a scenario's every
                # field (half the run); tests/test_inputs.py walks each field already.
                "include-name": SCENARIO_BODIES,
                "phases": {"coverage": {"enabled": False}},
            }
        ],
    }
)
# The document the server serves is built from the same settings (asserted below).
DOCUMENT = create_app(Settings(database_url="sqlite+aiosqlite:///:memory:")).openapi()
schema = schemathesis.openapi.from_dict(DOCUMENT, config=CONFIG)

EXAMPLES = 10  # per operation, allowed and refused mixed; plus the boundary cases
ANONYMOUS = 5  # cases per operation sent again without a token
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,  # the same requests on every run
    database=None,  # no .hypothesis directory in the checkout
    deadline=None,  # a request's time is the server's, not the generator's
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
    print_blob=False,
)
MANAGER = ("manager1", "demo")
NO_THROTTLE = {
    "login_failures_per_account_and_address": 10**9,
    "login_failures_per_account": 10**9,
    "login_failures_per_address": 10**9,
}
# Rules a schema-valid request can still break, because JSON Schema can't state them; the
# API names each in the refusal's "key". Anything else a documented request is refused
# for is a document looser than the API (positive_data_acceptance).
BEYOND_SCHEMA = {
    "weak_password",  # the password policy: zxcvbn's guess count, the username in it
    "scenario_invalid",  # a scenario's cross-references (fact ids, objection triggers)
    # ids in a body that name no row of this organisation, or the wrong kind of row
    "no_scenario",
    "no_team",
    "no_user",
    "not_a_trainee",
    "wrong_scenario",
    "assign_target",  # an assignment names a team or trainees
    "due_in_past",  # relative to now
}
# A manager who logs out, or revokes their own tokens, needs a new token to go on.
SELF_REVOKING = {("POST", "/api/auth/logout"), ("POST", "/api/users/{user_id}/revoke-tokens")}


@dataclass
class Live:
    base_url: str
    http: requests.Session
    token: str
    anonymous: Counter[str] = field(default_factory=Counter)

    def login(self) -> None:
        r = self.http.post(
            f"{self.base_url}/api/auth/login",
            json={"username": MANAGER[0], "password": MANAGER[1]},
            timeout=30,
        )
        assert r.status_code == 200, r.text
        self.token = r.json()["token"]
        self.http.cookies.clear()  # the token travels as a Bearer header, never as the cookie

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def _fresh_database(request: pytest.FixtureRequest, tmp: Path) -> Iterator[str]:
    """A database copied from the run's migrated, seeded template, as conftest's fixture does."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp / "coach.db"
        shutil.copyfile(template, path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    template_name: str = request.getfixturevalue("pg_template")
    name = f"coach_fuzz_{uuid.uuid4().hex[:12]}"
    _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template_name}"')
    try:
        yield _pg_url(name)
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module", params=BACKENDS)
def live(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Live]:
    """The whole service on a loopback port, a fresh database, demo users; one per backend."""
    databases = _fresh_database(request, tmp_path_factory.mktemp("fuzz"))
    url = next(databases)
    # Failed logins are counted (the fuzzer sends many wrong current passwords), and
    # the manager must be able to log in again: throttling has tests of its own.
    app = create_app(make_settings(url, **NO_THROTTLE))
    with serving(app, log_level="critical") as base, requests.Session() as http:
        served = Live(base, http, token="")
        served.login()
        yield served
    databases.close()


def test_the_fuzzed_document_is_the_served_one(live: Live) -> None:
    assert live.http.get(f"{live.base_url}/openapi.json", timeout=30).json() == DOCUMENT


def _fuzz(case: schemathesis.Case, live: Live) -> None:
    """The case as the manager; the first few again without a token."""
    response = case.call(base_url=live.base_url, session=live.http, headers=live.auth, timeout=30)
    if (case.method, case.path) in SELF_REVOKING and response.status_code < 300:
        live.login()
    excluded = []
    if response.status_code in (400, 422) and response.json().get("key") in BEYOND_SCHEMA:
        excluded.append(positive_data_acceptance)
    case.validate_response(response, excluded_checks=excluded)
    # Without a token, all but login and the probes stop at the 401: a few cases will do.
    if live.anonymous[case.operation.label] < ANONYMOUS:
        live.anonymous[case.operation.label] += 1
        case.call_and_validate(base_url=live.base_url, timeout=30)


@schema.exclude(name=SCENARIO_BODIES).parametrize()
@FUZZ
def test_fuzz(case: schemathesis.Case, live: Live) -> None:
    _fuzz(case, live)


# A scenario is a large nested document: Hypothesis takes seconds to build a few.
# (exclude(), not include(): the "operations" section above adds an include of its own.)
@schema.exclude(lambda ctx: ctx.operation.label not in SCENARIO_BODIES).parametrize()
@settings(FUZZ, max_examples=4)
def test_fuzz_scenario_bodies(case: schemathesis.Case, live: Live) -> None:
    _fuzz(case, live)
