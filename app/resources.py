"""Where the data files (prompts, scenarios) live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(kind: str) -> Path:
    """Directory of a data kind ("prompts" or "scenarios").

    A wheel carries them under app/_data (see pyproject's force-include); a
    source checkout or an editable install reads them from the repository top.
    """
    packaged = _PACKAGE_DIR / "_data" / kind
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / kind
