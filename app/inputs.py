"""What every request value must be before it reaches a service: one place for the rules.

* Text carries no control characters but newline, tab and carriage return
  (browsers send a textarea's line breaks as CR LF). PostgreSQL can't store
  NUL in text or JSONB, the other controls are never meant, and SQLite would
  store them silently, so both databases refuse the same input: a 422 naming
  the field. The JSON schema says so with a `pattern`.
* Integers fit the 32-bit columns that hold them (ids, counts, versions), so
  neither database overflows; the schema states the bounds.
* Dates are written in the years 1970-9998 (whatever their zone), so they
  convert to UTC and take arithmetic without overflowing; the schema states it
  with a `pattern` on the year, which a bound on the UTC instant couldn't be.

Imported transcripts are the exception to the text rule: they come from other
tools, so `strip_controls` removes the characters instead of refusing the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any

from annotated_types import Ge, Le
from pydantic import AfterValidator, GetCoreSchemaHandler, GetJsonSchemaHandler, WithJsonSchema
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

INT32_MAX = 2**31 - 1
# C0 controls but tab, LF and CR; DEL and the C1 controls; lone surrogates (not UTF-8).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROLS = r"\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F"
TEXT_PATTERN = rf"^[^{_CONTROLS}]*$"


def stripped_pattern(min_length: int) -> str:
    """TEXT_PATTERN for text that must keep `min_length` characters once stripped:
    between its first and last character that is not white space, that many."""
    text, solid = f"[^{_CONTROLS}]", rf"[^\s{_CONTROLS}]"
    if min_length == 1:
        return f"^{text}*{solid}{text}*$"
    return f"^{text}*{solid}{text}{{{min_length - 2},}}{solid}{text}*$"


# Line-like controls that other tools use for a break (Word's manual line break is VT).
_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def check_text(value: str) -> str:
    """`value` unchanged, or a validation error naming the first control character."""
    found = _CONTROL.search(value)
    if found is not None:
        raise PydanticCustomError(
            "control_character",
            "must not contain control characters (found U+{code} at position {position}); "
            "only newline, tab and carriage return are allowed",
            {"code": f"{ord(found.group()):04X}", "position": found.start()},
        )
    return value


def strip_controls(value: str) -> str:
    """`value` with line-like controls made newlines and every other control removed."""
    return _CONTROL.sub("", _BREAKS.sub("\n", value))


@dataclass(frozen=True)
class PlainText:
    """Annotated metadata for request text: lengths (and optional stripping) plus
    `check_text`, documented with TEXT_PATTERN. Put every bound in it, e.g.
    `Annotated[str, PlainText(min_length=1, max_length=200, strip=True)]`: it
    builds the whole string schema, so no other constraint can run out of order.
    """

    min_length: int | None = None
    max_length: int | None = None
    strip: bool = False
    pattern: str | None = None  # instead of TEXT_PATTERN; must exclude the controls too

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        text = core_schema.str_schema(
            min_length=self.min_length,
            max_length=self.max_length,
            strip_whitespace=self.strip or None,
            pattern=self.pattern,
        )
        return core_schema.no_info_after_validator_function(check_text, text)

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        if self.strip and self.min_length and self.pattern is None:
            # Stripped first: "  " is too short, though two characters long.
            json_schema["pattern"] = stripped_pattern(self.min_length)
        json_schema.setdefault("pattern", TEXT_PATTERN)
        return json_schema


# An id or a name in a path or query (session ids, scenario ids): short plain text.
Key = Annotated[str, PlainText(min_length=1, max_length=100)]

# A row id: what an INTEGER primary key holds (ids start at 1).
Id = Annotated[int, Ge(1), Le(INT32_MAX)]
# A count or index stored in an INTEGER column, or an offset into a list of rows.
Count = Annotated[int, Ge(0), Le(INT32_MAX)]

MIN_YEAR, MAX_YEAR = 1970, 9998
# The same years, as the document states them: an ISO 8601 string starting with one.
YEAR_PATTERN = r"^(19[7-9][0-9]|[2-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-"


def to_utc(value: datetime) -> datetime:
    """`value` in UTC (without a zone: UTC), or a validation error outside the years.

    The year is the one written, not the UTC one: the document's pattern can
    state that, and a zone moves the instant by under a day, so the conversion
    can't overflow and arithmetic keeps a year of headroom.
    """
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise PydanticCustomError(
            "datetime_range", f"must be in the years {MIN_YEAR} to {MAX_YEAR}"
        )
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# A moment in time: ISO 8601, without a zone read as UTC; always returned in UTC.
Instant = Annotated[
    datetime,
    AfterValidator(to_utc),
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": YEAR_PATTERN}),
]
