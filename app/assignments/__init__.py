"""assignments."""
