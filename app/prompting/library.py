"""Prompt templates are data: a YAML header (id, version, language, variables) and a Jinja body.

Every template declares the variables it uses; loading fails when the body
uses an undeclared one or declares one it never uses, and rendering fails on
a missing or unexpected value, so a prompt can't silently lose a piece.
The id@version is stored with every LLM turn and scorecard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import jinja2
import jinja2.meta
import yaml
from pydantic import BaseModel, ConfigDict, Field

from app.i18n.catalog import lang_of
from app.resources import data_dir

_HEADER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)
_ENV = jinja2.Environment(
    undefined=jinja2.StrictUndefined,
    autoescape=False,  # noqa: S701 - prompts are plain text for a model, not HTML
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


class PromptError(ValueError):
    pass


class _Header(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,60}$")
    version: int = Field(ge=1)
    language: Literal["zh", "en"]
    variables: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class PromptTemplate:
    id: str
    version: int
    language: str
    variables: frozenset[str]
    body: str
    compiled: jinja2.Template = field(repr=False, compare=False)

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"

    def render(self, **values: Any) -> str:
        missing = self.variables - values.keys()
        extra = values.keys() - self.variables
        if missing or extra:
            raise PromptError(f"{self.ref}: missing {sorted(missing)}, unexpected {sorted(extra)}")
        try:
            return self.compiled.render(**values).strip() + "\n"
        except jinja2.TemplateError as exc:
            raise PromptError(f"{self.ref}: {exc}") from exc


def parse_template(text: str, source: str) -> PromptTemplate:
    m = _HEADER.match(text.replace("\r\n", "\n"))
    if not m:
        raise PromptError(f"{source}: needs a '---' YAML header (id, version, language, variables)")
    try:
        header = _Header.model_validate(yaml.safe_load(m.group(1)))
    except Exception as exc:
        raise PromptError(f"{source}: bad header: {exc}") from exc
    body = m.group(2)
    try:
        used = jinja2.meta.find_undeclared_variables(_ENV.parse(body))
    except jinja2.TemplateSyntaxError as exc:
        raise PromptError(f"{source}: line {exc.lineno}: {exc.message}") from exc
    declared = set(header.variables)
    if used != declared:
        raise PromptError(f"{source}: declared {sorted(declared)} but the body uses {sorted(used)}")
    return PromptTemplate(
        header.id,
        header.version,
        header.language,
        frozenset(declared),
        body,
        _ENV.from_string(body),
    )


class PromptLibrary:
    def __init__(self, templates: dict[tuple[str, str], PromptTemplate]) -> None:
        self._templates = templates

    def get(self, name: str, language: str) -> PromptTemplate:
        lang = lang_of(language)
        try:
            return self._templates[(name, lang)]
        except KeyError:
            raise PromptError(f"no prompt {name!r} in {lang}") from None

    def names(self) -> list[tuple[str, str]]:
        return sorted(self._templates)


def load_dir(directory: Path) -> PromptLibrary:
    """Templates are files named <name>.<language>.md."""
    templates: dict[tuple[str, str], PromptTemplate] = {}
    for path in sorted(directory.glob("*.md")):
        name, _, lang = path.stem.rpartition(".")
        template = parse_template(path.read_text(encoding="utf-8"), path.name)
        if template.language != lang:
            raise PromptError(f"{path.name}: header says {template.language}, the name says {lang}")
        templates[(name, lang)] = template
    return PromptLibrary(templates)


@lru_cache
def load_library() -> PromptLibrary:
    return load_dir(data_dir("prompts"))
