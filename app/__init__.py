"""Consultative-selling coach: role-play a key-account buyer, score the trainee with evidence."""

__version__ = "0.1.0"
