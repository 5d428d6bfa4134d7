"""Prompt templates (prompts/*.md): loaded and validated once, rendered strictly."""

from app.prompting.library import PromptError, PromptLibrary, PromptTemplate, load_library

__all__ = ["PromptError", "PromptLibrary", "PromptTemplate", "load_library"]
