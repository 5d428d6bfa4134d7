"""Database engine, unit of work, metadata and migrations."""
