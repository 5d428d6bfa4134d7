"""A loopback OpenAI-compatible server for the streaming benchmark, in its own process.

Every reply streams with a fixed time to first token, so the benchmark can
subtract the provider's share; GET /_records lists each request's last user
message and the server's own time to first token.
"""

from __future__ import annotations

import argparse

import uvicorn
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.support.fake_openai import FakeOpenAI, reply


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--ttft", type=float, default=0.2)
    ap.add_argument("--replies", type=int, default=5000)
    args = ap.parse_args()
    server = FakeOpenAI(model="bench-model")
    text = "嗯，这个我得先了解一下你们的情况。你先说说，你们具体能做什么？"
    server.script(
        *(reply(text, first_token_delay=args.ttft, chunk_delay=0.005) for _ in range(args.replies))
    )

    async def records(request: Request) -> JSONResponse:
        rows = []
        for r in server.chat_requests:
            users = [m["content"] for m in r.messages if m.get("role") == "user"]
            rows.append({"last_user": users[-1] if users else "", "ttft": r.ttft})
        return JSONResponse(rows)

    server.app.router.routes.append(Route("/_records", records, methods=["GET"]))
    uvicorn.run(server.app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
