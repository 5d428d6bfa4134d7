"""The transcript file format (INTERFACES.md): validated input of the scorer."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

# Some character that is neither white space nor a control (imports strip controls first):
# the documented form of `_not_blank` below, which keeps its plainer message.
NOT_BLANK = r"[^\s\u0000-\u001F\u007F-\u009F]"
TurnText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=20_000),
    Field(json_schema_extra={"pattern": NOT_BLANK}),
]


class TranscriptTurn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    role: Literal["trainee", "buyer"]
    text: TurnText

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is blank")
        return v


class ScenarioInfo(BaseModel):
    model_config = ConfigDict(extra="ignore")

    title: str | None = Field(default=None, max_length=500)
    buyer_role: str | None = Field(default=None, max_length=500)
    context: str | None = Field(default=None, max_length=5000)


class Transcript(BaseModel):
    """Unknown keys are ignored; consecutive turns of one speaker are fine."""

    model_config = ConfigDict(extra="ignore")

    language: Literal["zh", "en"] | None = None
    scenario: ScenarioInfo | None = None
    turns: list[TranscriptTurn] = Field(min_length=1, max_length=2000)

    def pairs(self) -> list[tuple[str, str]]:
        return [(t.role, t.text) for t in self.turns]
