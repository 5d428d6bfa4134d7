"""The whole test suite, as CI and the README's quick start run it: lint, types, import
contracts, tests.

Run from the repository root inside the project's virtualenv (quick start line 2).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(title: str, *cmd: str) -> bool:
    print(f"\n==> {title}: {' '.join(cmd)}", flush=True)
    return subprocess.call(cmd, cwd=ROOT) == 0


CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def ensure_chromium() -> None:
    """The browser tests drive Debian's Chromium; install it when we can (root + apt), with
    a Chinese font so the screenshots of Chinese pages show characters, not boxes."""
    missing = [
        package
        for package, present in (
            ("chromium", shutil.which("chromium") or Path("/usr/bin/chromium").exists()),
            ("fonts-wqy-microhei", CJK_FONT.exists()),
        )
        if not present
    ]
    if not missing:
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print(f"==> installing {', '.join(missing)} from Debian's packages", flush=True)
        subprocess.call(["apt-get", "install", "-y", "-q", *missing], stdout=subprocess.DEVNULL)
    if not Path("/usr/bin/chromium").exists():
        print("!! Chromium is not installed: the browser tests will be skipped.", flush=True)


def main() -> int:
    ensure_chromium()
    steps = [
        run("lint", str(BIN / "ruff"), "check", "app", "tests", "bench", "scripts"),
        run("format", str(BIN / "ruff"), "format", "--check", "app", "tests", "bench", "scripts"),
        run("types", str(BIN / "mypy")),
        run("imports", str(BIN / "lint-imports")),  # the contracts in .importlinter
        run("tests", sys.executable, "-m", "pytest", *sys.argv[1:]),
    ]
    ok = all(steps)
    print("\nall checks passed" if ok else "\nSOME CHECKS FAILED", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
