"""Where the repository's files live, independent of the working directory of the caller."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
DERIVED = DATA / "derived"
DATAPACKAGE = DATA / "datapackage.json"
ARTICLE_TEXT = DATA / "article.txt"
