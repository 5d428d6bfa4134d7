"""Product text in Chinese and English: keyed messages kept as data (see catalog)."""
