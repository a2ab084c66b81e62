"""Where the project's content lives, relative to the repository, whatever the working directory."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
LOCALES_DIR = REPO_ROOT / "locales"
SERVICES_DIR = Path(__file__).resolve().parent / "services"
