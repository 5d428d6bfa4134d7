"""A real OpenAI-compatible HTTP server on loopback, for tests and benchmarks.

The LLM seam is tested against HTTP, not mocks (DESIGN.md, convention 8):
this is a Starlette app served by uvicorn in a background thread on
127.0.0.1 with a free port. It speaks `POST /v1/chat/completions` (plain JSON
and `stream: true` server-sent events) and `GET /v1/models`.

Scripting, per test:

- `default_responder(request_json) -> str` answers every request that has
  no scripted behaviour;
- `server.script(*behaviours)` queues behaviours, consumed one per chat
  request: `reply`, `json_reply`, `rate_limited`, `server_error`, `error`,
  `hang`, `cut_stream`, `cut_error` (an error body cut halfway),
  `error_event` (an error inside a 200 stream), `odd_events` (stream events
  that are not proper chunks), `malformed_json`, `empty`, `garbage_body`;
- personalities (attributes, restored by `reset()`): `json_schema_unsupported`
  (+ `json_schema_unsupported_status`), `no_stream_usage`, `no_system_role`,
  `reject_stream_options`, and `api_key` (401 on a different bearer token,
  echoing the token like a careless proxy would). A personality's refusal
  does not consume a scripted behaviour.

Every request is recorded (`server.requests`): headers, JSON body, arrival
and finish times on `time.monotonic()`, status, usage sent, and the server's
own time to first token (`ttft`) so a benchmark can subtract it.

    with FakeOpenAI() as server:
        server.script(rate_limited(retry_after=1), reply("Hello"))
        client = LLMClient(base_url=server.base_url, api_key=None, model="m")
        ...
        assert len(server.chat_requests) == 2

Run standalone with `python -m tests.support.fake_openai --port 8089`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

Responder = Callable[[dict[str, Any]], str]

_UVICORN_LOGGERS = ("uvicorn.error", "uvicorn.access")

SYSTEM_ROLE_MESSAGE = "System role not supported"
JSON_SCHEMA_MESSAGE = "This response_format type is unavailable now: json_schema is not supported"
STREAM_OPTIONS_MESSAGE = "Unrecognized request argument supplied: stream_options"


def echo_responder(body: dict[str, Any]) -> str:
    """The default answer: quotes the last user message."""
    users = [m for m in body.get("messages", []) if m.get("role") == "user"]
    last = users[-1].get("content", "") if users else ""
    return f"You said: {last}"


@dataclass
class Behaviour:
    """What the server does with one chat request (build with the helpers below)."""

    text: str | None = None  # None: ask the default responder
    status: int = 200
    error_message: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    hang: float = 0.0  # seconds of silence before any byte of the response
    first_token_delay: float = 0.0  # after the headers, before the first text
    chunk_delay: float = 0.0  # between text chunks
    chunks: list[str] | None = None  # explicit stream pieces
    cut_after_chunks: int | None = None  # send this many text chunks, then stop:
    abrupt: bool = True  # ... by dropping the connection, or by ending the body cleanly
    finish_reason: str = "stop"
    raw_body: str | None = None  # a 200 whose body is this text, as-is
    odd_events: list[str] = field(default_factory=list)  # raw `data:` payloads before the text
    error_after_chunks: int | None = None  # an error event after this many text chunks


def reply(
    text: str,
    *,
    first_token_delay: float = 0.0,
    chunk_delay: float = 0.0,
    chunks: list[str] | None = None,
    finish_reason: str = "stop",
) -> Behaviour:
    return Behaviour(
        text=text,
        first_token_delay=first_token_delay,
        chunk_delay=chunk_delay,
        chunks=chunks,
        finish_reason=finish_reason,
    )


def json_reply(value: Any, **kwargs: Any) -> Behaviour:
    """A reply whose content is `value` as JSON (structured output)."""
    return reply(json.dumps(value, ensure_ascii=False), **kwargs)


def malformed_json(text: str = '{"questioning": {"score": 70, "reason": "good') -> Behaviour:
    """A judge answer that is not valid JSON."""
    return reply(text)


def empty() -> Behaviour:
    return Behaviour(text="")


def odd_events(text: str, *payloads: str) -> Behaviour:
    """A stream that sends each payload as a `data:` event before the text (junk, nulls,
    chunks missing fields), as some servers do."""
    return Behaviour(text=text, odd_events=list(payloads))


def error_event(text: str, *, after_chunks: int, message: str = "The model crashed") -> Behaviour:
    """A 200 stream that sends `after_chunks` text chunks, then an error event, then stops."""
    return Behaviour(text=text, error_after_chunks=after_chunks, error_message=message)


def error(status: int, message: str, *, headers: dict[str, str] | None = None) -> Behaviour:
    return Behaviour(status=status, error_message=message, headers=dict(headers or {}))


def rate_limited(
    retry_after: float | str | None = 1, *, retry_after_ms: float | None = None
) -> Behaviour:
    """HTTP 429; `retry_after` may be seconds or an HTTP date string."""
    headers: dict[str, str] = {}
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    if retry_after_ms is not None:
        headers["retry-after-ms"] = str(retry_after_ms)
    return error(429, "Rate limit reached for requests", headers=headers)


def server_error(status: int = 500, message: str = "The server had an error") -> Behaviour:
    return error(status, message)


def hang(seconds: float) -> Behaviour:
    """Say nothing for `seconds` (longer than the client's timeout), then reply."""
    return Behaviour(hang=seconds)


def cut_stream(text: str | None = None, *, after_chunks: int = 2, abrupt: bool = True) -> Behaviour:
    """Send `after_chunks` text chunks, then close the connection abruptly
    (`abrupt=False`: end the body cleanly, with no finish reason and no [DONE])."""
    return Behaviour(text=text, cut_after_chunks=after_chunks, abrupt=abrupt)


def cut_error(status: int = 500, message: str = "The server had an error") -> Behaviour:
    """An error status whose JSON body is cut halfway (a proxy dropping the connection)."""
    return Behaviour(status=status, error_message=message, cut_after_chunks=0)


def garbage_body(body: str = "<html>502 Bad Gateway</html>") -> Behaviour:
    """A 200 whose body is not JSON (a proxy page)."""
    return Behaviour(raw_body=body)


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: Any
    received_at: float
    status: int | None = None
    ttft: float | None = None  # server-side seconds from arrival to first text chunk
    finished_at: float | None = None
    usage: dict[str, int] | None = None

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body.get("messages", [])) if isinstance(self.body, dict) else []


class _AbortConnection(Exception):
    """Raised inside a response body to make uvicorn drop the connection."""


class _QuietServerLogs(logging.Filter):
    """Drop this server's access lines and its deliberate connection drops
    (uvicorn logs both); everything else, and other servers, pass."""

    def __init__(self, thread_name: str) -> None:
        super().__init__()
        self.thread_name = thread_name

    def filter(self, record: logging.LogRecord) -> bool:
        if record.threadName != self.thread_name:
            return True
        if record.name == "uvicorn.access":
            return False
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, _AbortConnection)


class _QuietConfig(uvicorn.Config):
    def configure_logging(self) -> None:
        """Leave the process's logging (and pytest's caplog) alone."""


def _tokens(text: str) -> int:
    return max(1, len(text) // 4)


class FakeOpenAI:
    """The server. Use as a context manager, or `start()` / `stop()`."""

    def __init__(
        self,
        *,
        model: str = "fake-model",
        default_responder: Responder = echo_responder,
        chunk_chars: int = 8,
        api_key: str | None = None,
        json_schema_unsupported: bool = False,
        json_schema_unsupported_status: int = 400,
        no_stream_usage: bool = False,
        no_system_role: bool = False,
        reject_stream_options: bool = False,
    ) -> None:
        self._defaults: dict[str, Any] = {
            "model": model,
            "default_responder": default_responder,
            "chunk_chars": chunk_chars,
            "api_key": api_key,
            "json_schema_unsupported": json_schema_unsupported,
            "json_schema_unsupported_status": json_schema_unsupported_status,
            "no_stream_usage": no_stream_usage,
            "no_system_role": no_system_role,
            "reject_stream_options": reject_stream_options,
        }
        self.model = model
        self.default_responder = default_responder
        self.chunk_chars = chunk_chars
        self.api_key = api_key
        self.json_schema_unsupported = json_schema_unsupported
        self.json_schema_unsupported_status = json_schema_unsupported_status
        self.no_stream_usage = no_stream_usage
        self.no_system_role = no_system_role
        self.reject_stream_options = reject_stream_options
        self._lock = threading.Lock()
        self._queue: deque[Behaviour] = deque()
        self._records: list[RecordedRequest] = []
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._thread_name = f"fake-openai-{id(self):x}"
        self._filter = _QuietServerLogs(self._thread_name)
        self.port = 0
        self.app = Starlette(
            routes=[
                Route("/v1/chat/completions", self._chat, methods=["POST"]),
                Route("/v1/models", self._models, methods=["GET"]),
            ]
        )

    # -- scripting and inspection --------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def script(self, *behaviours: Behaviour) -> None:
        """Queue behaviours; each chat request consumes the next one."""
        with self._lock:
            self._queue.extend(behaviours)

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._queue)

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._records)

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def reset(self) -> None:
        """Forget scripts and records; restore the constructor's personality."""
        with self._lock:
            self._queue.clear()
            self._records.clear()
        for name, value in self._defaults.items():
            setattr(self, name, value)

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> FakeOpenAI:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        config = _QuietConfig(
            self.app,
            http="h11",
            ws="none",
            loop="asyncio",
            lifespan="off",
            access_log=False,
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        for name in _UVICORN_LOGGERS:
            logging.getLogger(name).addFilter(self._filter)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name=self._thread_name, daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the fake OpenAI server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(timeout=5)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(timeout=5)
        for name in _UVICORN_LOGGERS:
            logging.getLogger(name).removeFilter(self._filter)
        self._server = self._thread = None

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- HTTP ----------------------------------------------------------------

    async def _models(self, request: Request) -> Response:
        self._record(request, None, time.monotonic())
        model = {"id": self.model, "object": "model", "created": 0, "owned_by": "fake"}
        return JSONResponse({"object": "list", "data": [model]})

    def _record(self, request: Request, body: Any, received: float) -> RecordedRequest:
        record = RecordedRequest(
            method=request.method,
            path=request.url.path,
            headers={k.lower(): v for k, v in request.headers.items()},
            body=body,
            received_at=received,
        )
        with self._lock:
            self._records.append(record)
        return record

    def _error(
        self, record: RecordedRequest, status: int, message: str, **headers: str
    ) -> Response:
        record.status = status
        record.finished_at = time.monotonic()
        kind = "invalid_request_error" if status < 500 else "server_error"
        body = {"error": {"message": message, "type": kind, "param": None, "code": None}}
        return JSONResponse(body, status_code=status, headers=headers or None)

    def _refusal(self, record: RecordedRequest, body: dict[str, Any]) -> Response | None:
        auth = record.headers.get("authorization", "")
        if self.api_key is not None and auth != f"Bearer {self.api_key}":
            token = auth.removeprefix("Bearer ")
            return self._error(record, 401, f"Incorrect API key provided: {token}")
        if self.no_system_role and any(m.get("role") == "system" for m in record.messages):
            return self._error(record, 400, SYSTEM_ROLE_MESSAGE)
        response_format = body.get("response_format") or {}
        if self.json_schema_unsupported and response_format.get("type") == "json_schema":
            return self._error(record, self.json_schema_unsupported_status, JSON_SCHEMA_MESSAGE)
        if self.reject_stream_options and "stream_options" in body:
            return self._error(record, 400, STREAM_OPTIONS_MESSAGE)
        return None

    def _next_behaviour(self) -> Behaviour:
        with self._lock:
            return self._queue.popleft() if self._queue else Behaviour()

    async def _chat(self, request: Request) -> Response:
        received = time.monotonic()
        try:
            body = json.loads(await request.body())
        except ValueError:
            body = None
        record = self._record(request, body, received)
        if not isinstance(body, dict):
            return self._error(record, 400, "The request body is not a JSON object")
        refusal = self._refusal(record, body)
        if refusal is not None:
            return refusal
        behaviour = self._next_behaviour()
        if behaviour.hang and not await _pause(request, behaviour.hang):
            record.status = 499  # the client gave up first
            return Response(status_code=499)
        if behaviour.status != 200:
            refusal = self._error(
                record, behaviour.status, behaviour.error_message, **behaviour.headers
            )
            if behaviour.cut_after_chunks is None:
                return refusal
            return _cut_halfway(bytes(refusal.body), behaviour.status)
        if behaviour.raw_body is not None:
            record.status = 200
            return Response(behaviour.raw_body, media_type="text/html")
        text = behaviour.text if behaviour.text is not None else self.default_responder(body)
        pieces = behaviour.chunks or [
            text[i : i + self.chunk_chars] for i in range(0, len(text), self.chunk_chars)
        ]
        prompt = sum(_tokens(str(m.get("content", ""))) for m in record.messages)
        usage = {
            "prompt_tokens": prompt,
            "completion_tokens": len(pieces),
            "total_tokens": prompt + len(pieces),
        }
        record.status = 200
        if body.get("stream"):
            events = self._sse(record, body, pieces, usage, behaviour)
            return StreamingResponse(events, media_type="text/event-stream")
        return await self._plain(record, body, text, usage, behaviour)

    async def _plain(
        self,
        record: RecordedRequest,
        body: dict[str, Any],
        text: str,
        usage: dict[str, int],
        behaviour: Behaviour,
    ) -> Response:
        await asyncio.sleep(behaviour.first_token_delay)
        payload = json.dumps(
            {
                "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body.get("model", self.model),
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": text},
                        "finish_reason": behaviour.finish_reason,
                        "logprobs": None,
                    }
                ],
                "usage": usage,
            },
            ensure_ascii=False,
        ).encode()
        record.ttft = time.monotonic() - record.received_at
        record.usage = usage
        if behaviour.cut_after_chunks is not None:

            async def half() -> AsyncIterator[bytes]:
                yield payload[: len(payload) // 2]
                raise _AbortConnection

            return StreamingResponse(half(), media_type="application/json")
        record.finished_at = time.monotonic()
        return Response(payload, media_type="application/json")

    async def _sse(
        self,
        record: RecordedRequest,
        body: dict[str, Any],
        pieces: list[str],
        usage: dict[str, int],
        behaviour: Behaviour,
    ) -> AsyncIterator[bytes]:
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        include_usage = include_usage and not self.no_stream_usage
        base = {
            "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": body.get("model", self.model),
        }

        def event(delta: dict[str, Any], finish: str | None = None) -> bytes:
            choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
            chunk: dict[str, Any] = {**base, "choices": [choice]}
            if include_usage:
                chunk["usage"] = None
            return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode()

        yield event({"role": "assistant", "content": ""})
        for payload in behaviour.odd_events:
            yield f"data: {payload}\n\n".encode()
        await asyncio.sleep(behaviour.first_token_delay)
        cut = behaviour.cut_after_chunks
        if behaviour.error_after_chunks is not None:
            cut = behaviour.error_after_chunks
        for index, piece in enumerate(pieces[:cut] if cut is not None else pieces):
            if index:
                await asyncio.sleep(behaviour.chunk_delay)
            else:
                record.ttft = time.monotonic() - record.received_at
            yield event({"content": piece})
        if behaviour.error_after_chunks is not None:
            failure = {"message": behaviour.error_message, "type": "server_error", "code": None}
            yield f"data: {json.dumps({'error': failure})}\n\n".encode()
            record.finished_at = time.monotonic()
            return
        if cut is not None:
            record.finished_at = time.monotonic()
            if behaviour.abrupt:
                raise _AbortConnection
            return
        yield event({}, behaviour.finish_reason)
        if include_usage:
            record.usage = usage
            chunk = {**base, "choices": [], "usage": usage}
            yield f"data: {json.dumps(chunk)}\n\n".encode()
        yield b"data: [DONE]\n\n"
        record.finished_at = time.monotonic()


def _cut_halfway(payload: bytes, status: int) -> Response:
    """A response that declares `payload` but drops the connection halfway through it."""

    async def half() -> AsyncIterator[bytes]:
        yield payload[: len(payload) // 2]
        raise _AbortConnection

    return StreamingResponse(
        half(),
        status_code=status,
        media_type="application/json",
        headers={"content-length": str(len(payload))},
    )


async def _pause(request: Request, seconds: float) -> bool:
    """Sleep `seconds`; False as soon as the client disconnects."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        if await request.is_disconnected():
            return False
        await asyncio.sleep(min(0.05, left))
    return True


@contextmanager
def fake_openai_server(**options: Any) -> Iterator[FakeOpenAI]:
    """`with fake_openai_server(no_system_role=True) as server: ...`"""
    with FakeOpenAI(**options) as server:
        yield server


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the fake OpenAI-compatible server.")
    parser.add_argument("--port", type=int, default=8089)
    args = parser.parse_args()
    server = FakeOpenAI()
    uvicorn.run(server.app, host="127.0.0.1", port=args.port)


if __name__ == "__main__":
    main()
