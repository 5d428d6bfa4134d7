"""Message catalogs (zh, en) as data files, and choosing the language of a request.

The language is the `coach_lang` cookie set by the switch in the header, or
else the first supported language in the browser's Accept-Language.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, Literal

from starlette.requests import Request

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
DEFAULT_LANG: Lang = "en"
LANG_COOKIE = "coach_lang"
CATALOG_DIR = Path(__file__).resolve().parent / "i18n"


def _flatten(prefix: str, node: Any, out: dict[str, str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}" if prefix else key, value, out)
    else:
        out[prefix] = str(node)


@cache
def catalog(lang: Lang) -> dict[str, str]:
    """The flat key -> message map of one language (nested JSON, dotted keys)."""
    data = json.loads((CATALOG_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    _flatten("", data, out)
    return out


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def translate(lang: Lang, key: str, **values: Any) -> str:
    """The message, with {name} placeholders filled; an unknown key shows as itself."""
    text = catalog(lang).get(key) or catalog(DEFAULT_LANG).get(key) or key
    return text.format_map(_Blank(values)) if values else text


def error_message(lang: Lang, key: str, params: dict[str, Any]) -> str | None:
    """An error's message (`msg.<key>`, see app.errors) in this language; None when the
    catalog lacks it (the caller then says only what the status says)."""
    name = f"msg.{key}"
    if name not in catalog(lang):
        return None
    return translate(lang, name, **params)


def parse_accept_language(header: str) -> Lang | None:
    """The supported language the browser prefers most (q-values honoured)."""
    ranked: list[tuple[float, int, Lang]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                continue
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGS and quality > 0:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else None


def request_lang(request: Request) -> Lang:
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in LANGS:
        return chosen
    return parse_accept_language(request.headers.get("accept-language", "")) or DEFAULT_LANG


def js_messages(lang: Lang) -> dict[str, str]:
    """Every message, for the page scripts (the catalogs are small; one JSON blob per page)."""
    return {**catalog(DEFAULT_LANG), **catalog(lang)}
