"""Tests of the LLM seam against a real loopback server."""
