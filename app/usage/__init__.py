"""LLM token usage and its cost, per session and per trainee, for managers."""
