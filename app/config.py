"""The one settings object. Every setting is documented in the README."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

EngineChoice = Literal["offline", "llm"]


class Settings(BaseSettings):
    """Read from the environment (COACH_* and the openai SDK's own OPENAI_*)."""

    model_config = SettingsConfigDict(env_prefix="COACH_", extra="ignore")

    database_url: str = "sqlite+aiosqlite:///./coach.db"
    host: str = "127.0.0.1"
    port: int = Field(default=8000, validation_alias=AliasChoices("PORT", "COACH_PORT"))
    demo: bool = False
    demo_password: SecretStr = SecretStr("demo")
    # With demo mode: seed, once per database, a history of sessions played by simulated
    # trainees (app/demo). `coach serve --demo` turns it on unless COACH_DEMO_HISTORY is set.
    demo_history: bool = False
    token_ttl_hours: int = Field(default=12, ge=1, le=24 * 30)
    max_message_chars: int = Field(default=4000, ge=100, le=100_000)
    max_transcript_bytes: int = Field(default=2_000_000, ge=1_000)
    cookie_secure: bool = False
    # Serving processes (`coach serve --workers`); more than one needs PostgreSQL.
    workers: int = Field(default=1, ge=1, le=64)
    # A reply in progress holds its session for this long unless renewed (it is, every
    # third of it, while the reply is produced); a request that finds one waits at most
    # this plus REPLY_WAIT_MARGIN_SECONDS, then gets a 503 with Retry-After.
    reply_lease_seconds: float = Field(default=10.0, ge=1, le=600)
    # Login throttling (app/accounts/throttle.py): failed logins counted in a window.
    login_throttle: Literal["auto", "memory", "database"] = "auto"
    login_throttle_window_seconds: int = Field(default=900, ge=1, le=24 * 3600)
    login_failures_per_account_and_address: int = Field(default=5, ge=1)
    login_failures_per_account: int = Field(default=20, ge=1)
    login_failures_per_address: int = Field(default=100, ge=1)
    # Usage limits: role-plays a trainee may have open at once, transcript imports per user an hour.
    max_active_sessions: int = Field(default=20, ge=1)
    imports_per_hour: int = Field(default=60, ge=1)
    # Running it (app/observability): log lines, and who may read /metrics.
    log_format: Literal["text", "json"] = "text"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    metrics_token: SecretStr | None = None

    # LLM: any OpenAI-compatible endpoint through the SDK's own variables.
    openai_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_BASE_URL", "COACH_OPENAI_BASE_URL")
    )
    openai_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_API_KEY", "COACH_OPENAI_API_KEY")
    )
    llm_model: str | None = None
    buyer: EngineChoice | None = None
    judge: EngineChoice | None = None
    llm_timeout_seconds: float = Field(default=60.0, gt=0)
    llm_max_attempts: int = Field(default=4, ge=1, le=10)
    llm_retry_budget_seconds: float = Field(default=30.0, gt=0)
    price_input_per_mtok: float = Field(default=0.0, ge=0)
    price_output_per_mtok: float = Field(default=0.0, ge=0)

    @field_validator("log_format", "log_level", mode="before")
    @classmethod
    def _any_case(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        return value.lower() if value.lower() in ("text", "json") else value.upper()

    @field_validator("metrics_token", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        # An empty token would let anyone in with "Bearer ".
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def buyer_engine(self) -> EngineChoice:
        """`llm` where a model is configured, unless COACH_BUYER overrides."""
        if self.buyer is not None:
            return self.buyer
        return "llm" if self.llm_model else "offline"

    @property
    def judge_engine(self) -> EngineChoice:
        if self.judge is not None:
            return self.judge
        return "llm" if self.llm_model else "offline"


@lru_cache
def get_settings() -> Settings:
    return Settings()
