"""Fixtures of the scoring tests: the LLM seam's loopback server and clients."""

from __future__ import annotations

from tests.llm.conftest import api_key, fake, fake_server, make_client

__all__ = ["api_key", "fake", "fake_server", "make_client"]
