"""Where things live in the repository. One place, so scripts and hooks agree."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SCHEMAS = ROOT / "schemas"
DOCS = ROOT / "docs"
LANGUAGES = ("vi", "en")  # first is the default language and the source of truth
DEFAULT_LANGUAGE = LANGUAGES[0]
