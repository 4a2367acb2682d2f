"""Where the repository's files live, however the package is installed and wherever the kernel starts.

The data (``data/``) belong to the repository, not to the package. An editable install finds them
beside its own source; a regular install (``pip install .``, which Binder's builder runs for a Python
package) copies the package into site-packages, where there is no ``data/``. So the repository is
looked for in three places, in this order:

1. the folder the package's source sits in (an editable install, or the package imported from a clone);
2. the working directory and its parents (a kernel started in ``chapters/`` or at a clone's root);
3. the folder pip installed the package from (``direct_url.json``, PEP 610, written by ``pip install``).

The first that holds this repository (its ``pyproject.toml`` names the package and ``data/`` holds the
data package) wins. If none does, importing this module raises :class:`RepositoryNotFound`, which names
every folder it tried and says what to do.
"""
from __future__ import annotations

import json
import tomllib
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlparse

DISTRIBUTION = "article-analysis"
PACKAGE_SOURCE = Path(__file__).resolve().parents[2]


class RepositoryNotFound(FileNotFoundError):
    """The package runs outside a clone of the repository, so it cannot reach ``data/``."""


def is_repository(folder: Path) -> bool:
    """Whether ``folder`` is a clone of this repository: its project is this package and it has the data."""
    try:
        project = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False
    return project.get("name") == DISTRIBUTION and (folder / "data" / "datapackage.json").is_file()


def installed_from() -> Path | None:
    """The local folder pip installed the package from, as pip recorded it (PEP 610), if any."""
    try:
        record = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    url = urlparse(json.loads(record)["url"]) if record else None
    return Path(unquote(url.path)) if url and url.scheme == "file" else None


def candidates(cwd: Path | None = None) -> list[Path]:
    """The folders that may hold the repository, in the order they are tried."""
    cwd = (cwd or Path.cwd()).resolve()
    origin = installed_from()
    return [PACKAGE_SOURCE, cwd, *cwd.parents, *([origin] if origin else [])]


def find_root(cwd: Path | None = None) -> Path:
    """The root of the clone of this repository that the package reads its data from."""
    tried = candidates(cwd)
    for folder in tried:
        if is_repository(folder):
            return folder
    places = "\n".join(f"  - {folder}" for folder in dict.fromkeys(tried))
    raise RepositoryNotFound(
        "The report's data (data/datapackage.json of the repository) were not found. Looked for a clone "
        f"of the repository in:\n{places}\n"
        "The notebooks read their data from the repository, not from the installed package. Clone the "
        "repository and run `make lab` in it (or start Jupyter inside the clone after `pip install -r "
        "binder/requirements.txt`), or open the chapter on Binder with the launch button on its page in the "
        "book, where there is one.")


ROOT = find_root()
DATA = ROOT / "data"
DERIVED = DATA / "derived"
DATAPACKAGE = DATA / "datapackage.json"
ARTICLE_TEXT = DATA / "article.txt"
