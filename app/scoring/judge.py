"""The LLM judge: one structured-output call scores a transcript on the rubric.

Contract of `LLMJudge.judge`:

- one logical call per transcript, JSON output on the endpoint's best mode
  (`json_schema`, else `json_object` with the schema in the prompt; the
  client remembers per endpoint what worked);
- the system prompt (prompts/judge.<lang>.md) holds the rubric and the rules;
  the transcript travels only in the user message, as a JSON array inside
  <transcript>…</transcript>, which the prompt declares to be data;
- trainee turns the analysis flags as addressed to the scorer never reach
  the model: they are replaced by a neutral placeholder;
- the answer is validated per dimension and every quote verified verbatim
  (`app.scoring.verdict`);
- it never raises: an outage, a refusal, or an unusable answer is a verdict
  with `status="failed"` and a reason, and the rubric score stands.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

from app.analysis.conversation import analyze_conversation
from app.analysis.model import Act
from app.i18n.catalog import LANGS, LLM_NOTE, lang_of
from app.llm import structured
from app.llm.client import LLMClient
from app.llm.errors import LLMError
from app.llm.types import ChatMessage, ChatResult, JsonMode, Usage
from app.prompting.library import PromptLibrary, PromptTemplate, load_library
from app.scenarios.schema import Scenario
from app.scoring.schema import DimensionName
from app.scoring.transcript import ScenarioInfo
from app.scoring.verdict import (
    JUDGE_SCHEMA,
    MAX_EVIDENCE,
    SCHEMA_NAME,
    JudgedDimension,
    JudgeVerdict,
    read_verdict,
)

__all__ = ["JudgeVerdict", "JudgedDimension", "LLMJudge", "placeholder_of", "scenario_info_of"]

log = logging.getLogger(__name__)

PROMPT_NAME = "judge"
# A turn can't close the data block early: the opening "<" of our own tag
# names is escaped inside the JSON (still valid JSON, same text once parsed).
_TAG = re.compile(r"<(?=\s*/?\s*(?:transcript|scenario)\b)", re.IGNORECASE)


def placeholder_of(language: str) -> str:
    """What stands in the transcript for a turn addressed to the scoring system."""
    return LLM_NOTE.say(language, "judge.placeholder")


def scenario_info_of(scenario: Scenario | None) -> ScenarioInfo | None:
    """The public part of a scenario the judge may see (never the buyer's hidden brief)."""
    if scenario is None:
        return None
    buyer = scenario.buyer
    return ScenarioInfo(
        title=scenario.title,
        buyer_role=f"{buyer.name}, {buyer.title}, {buyer.company}",
        context=f"{scenario.seller_company}: {scenario.product} {scenario.trainee_brief}",
    )


def _data(value: Any) -> str:
    return _TAG.sub(r"\\u003c", json.dumps(value, ensure_ascii=False))


def judge_messages(
    template: PromptTemplate,
    turns: Sequence[tuple[str, str]],
    removed: frozenset[int],
    language: str,
    scenario_info: ScenarioInfo | None,
) -> list[ChatMessage]:
    """The system prompt (rules only) and the user message (data only)."""
    placeholder = placeholder_of(language)
    system = template.render(placeholder=placeholder, max_evidence=MAX_EVIDENCE)
    rows = [
        _data({"index": i, "role": role, "text": placeholder if i in removed else text})
        for i, (role, text) in enumerate(turns)
    ]
    parts = [LLM_NOTE.say(language, "judge.lead")]
    if scenario_info is not None:
        info = scenario_info.model_dump(exclude_none=True)
        if info:
            parts.append(f"<scenario>\n{_data(info)}\n</scenario>")
    parts.append("<transcript>\n[\n" + ",\n".join(rows) + "\n]\n</transcript>")
    return [ChatMessage.system(system), ChatMessage.user("\n\n".join(parts))]


def injection_turns(turns: Sequence[tuple[str, str]], language: str) -> frozenset[int]:
    """Indices of trainee turns addressed to the scorer (the analysis' `Act.injection`)."""
    analysis = analyze_conversation(turns, language)
    return frozenset(t.index for t in analysis.trainee if Act.injection in t.acts)


def _total(results: Sequence[ChatResult]) -> Usage | None:
    if not results:
        return None
    return Usage(
        prompt_tokens=sum(r.usage.prompt_tokens for r in results),
        completion_tokens=sum(r.usage.completion_tokens for r in results),
        estimated=any(r.usage.estimated for r in results),
    )


class LLMJudge:
    """Scores transcripts with an LLM. Share one per client; safe for concurrent use."""

    def __init__(
        self,
        client: LLMClient,
        *,
        prompts: PromptLibrary | None = None,
        max_tokens: int = 2000,
        deadline_seconds: float | None = 180.0,
    ) -> None:
        self.client = client
        self.prompts = prompts or load_library()
        self.max_tokens = max_tokens
        self.deadline_seconds = deadline_seconds
        for language in LANGS:  # fail at startup, not at the first scorecard
            self.prompts.get(PROMPT_NAME, language)

    async def judge(
        self,
        turns: Sequence[tuple[str, str]],
        *,
        language: str,
        scenario_info: ScenarioInfo | None = None,
    ) -> JudgeVerdict:
        """Judge (role, text) turns; see the module docstring. Never raises."""
        lang = lang_of(language)
        template = self.prompts.get(PROMPT_NAME, lang)
        results: list[ChatResult] = []
        removed: frozenset[int] = frozenset()

        def verdict(
            mode: JsonMode | None,
            reason: str | None = None,
            dimensions: Mapping[DimensionName, JudgedDimension] | None = None,
        ) -> JudgeVerdict:
            """Failed when `dimensions` is None; with what every verdict records of the calls."""
            return JudgeVerdict(
                status="failed" if dimensions is None else "ok",
                prompt=template.ref,
                dimensions=dimensions or {},
                reason=reason,
                json_mode=mode,
                model=results[-1].model if results else self.client.model,
                usage=_total(results),
                calls=len(results),
                removed_turns=tuple(sorted(removed)),
            )

        def failed(reason: str, mode: JsonMode | None = None) -> JudgeVerdict:
            log.warning("judge %s failed: %s", template.ref, reason)
            return verdict(mode, reason=reason)

        try:
            removed = injection_turns(turns, lang)
            messages = judge_messages(template, turns, removed, lang, scenario_info)
            async with asyncio.timeout(self.deadline_seconds):
                text, mode = await self._ask(messages, results)
        except LLMError as exc:
            return failed(exc.describe())
        except TimeoutError:
            return failed(f"no answer within {self.deadline_seconds:g} s")
        except Exception as exc:  # the contract: a judge problem never fails the scorecard
            log.exception("judge %s: unexpected error", template.ref)
            return failed(f"unexpected error: {type(exc).__name__}")
        checked = read_verdict(text, turns, removed)
        if isinstance(checked, str):
            return failed(checked, mode)
        return verdict(mode, dimensions=checked)

    async def _ask(
        self, prompt: list[ChatMessage], results: list[ChatResult]
    ) -> tuple[str, JsonMode]:
        """The client's JSON ladder, with every completion's usage collected."""

        async def complete(messages: Sequence[ChatMessage], **options: Any) -> ChatResult:
            result = await self.client.complete(messages, **options)
            results.append(result)
            return result

        return await structured.complete_json(
            complete,
            self.client.capabilities,
            prompt,
            JUDGE_SCHEMA,
            SCHEMA_NAME,
            temperature=0.0,
            max_tokens=self.max_tokens,
            endpoint=self.client.endpoint,
        )
