"""data/datapackage.json describes every table in data/ and validates with frictionless."""
import json
import subprocess
import sys
from pathlib import Path

from article_analysis.core.paths import DATA, DATAPACKAGE


def test_frictionless_validates_the_package():
    frictionless = Path(sys.executable).parent / "frictionless"
    result = subprocess.run([str(frictionless), "validate", str(DATAPACKAGE)],
                            capture_output=True, text=True, cwd=DATA)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_csv_in_data_is_described():
    described = {resource["path"] for resource in json.loads(DATAPACKAGE.read_text())["resources"]}
    on_disk = {path.relative_to(DATA).as_posix() for path in DATA.rglob("*.csv")}
    assert on_disk - described == set(), "CSV files without a schema in data/datapackage.json"
    assert described - on_disk == set(), "resources in data/datapackage.json without a file"


def test_every_resource_has_a_typed_schema_and_a_key():
    for resource in json.loads(DATAPACKAGE.read_text())["resources"]:
        fields = resource["schema"]["fields"]
        assert all("type" in field and field.get("description") for field in fields), resource["name"]
        assert resource["schema"].get("primaryKey"), f"{resource['name']} has no primary key"
