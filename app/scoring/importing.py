"""Parsing a transcript file or body, with errors that say what is wrong."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from app.scoring.transcript import Transcript


class TranscriptError(ValueError):
    pass


def _where(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def validate_transcript(data: Any) -> Transcript:
    if not isinstance(data, dict):
        raise TranscriptError("a transcript must be a JSON object with a 'turns' list")
    if "turns" not in data:
        raise TranscriptError("missing 'turns'")
    if isinstance(data.get("turns"), list) and not data["turns"]:
        raise TranscriptError("'turns' is empty: nothing to score")
    try:
        return Transcript.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = _where(tuple(err["loc"]))
        msg = err["msg"]
        if err["type"] == "literal_error" and where.endswith(".role"):
            msg = f"unknown role {err.get('input')!r}: use 'trainee' or 'buyer'"
        raise TranscriptError(f"{where}: {msg}") from exc


def parse_transcript(raw: bytes) -> Transcript:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TranscriptError(f"not valid UTF-8 (byte {exc.start})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TranscriptError(
            f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc
    return validate_transcript(data)
