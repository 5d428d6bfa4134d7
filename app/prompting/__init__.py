"""Prompt templates (prompts/*.md): loaded and validated once, rendered strictly
(app.prompting.library)."""
