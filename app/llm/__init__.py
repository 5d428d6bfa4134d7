"""The LLM seam: the only package that imports `openai`.

Callers use `app.llm.client.LLMClient` with the neutral types of `app.llm.types` and
handle `app.llm.errors.LLMError` (every one is an `app.errors.LLMUnavailable`, rendered
as a 503). This file imports nothing, so reading a type does not load the SDK.
"""
