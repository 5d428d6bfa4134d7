"""Scoring a transcript against the rubric, with evidence."""
