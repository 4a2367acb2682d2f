"""The package is laid out as the book is: one subpackage of the same shape per chapter."""
import ast
import re

import yaml

from article_analysis.core.paths import ROOT

PACKAGE = ROOT / "article_analysis"
SHARED = {"core", "book", "editorial"}
"""Not chapter analyses: the shared core, the Sphinx extension, and ``editorial`` (who is responsible, the
corrections log, the ClaimReview publisher), which the fact check, the findings and the report's
accountability pages (methodology, corrections, about) share."""
TOP_LEVEL_MODULES = {"__init__.py", "findings.py"}


def chapter_slugs() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [entry["file"] for entry in toc["chapters"]]
    # Numbered chapters are analyses; the unnumbered pages after them (methodology, corrections, about)
    # are the report's accountability, drawn from ``editorial``. A chapter may run over several pages
    # of one number (07_outcomes, then 07_claim_by_claim): its first page names its analysis.
    slugs = {}
    for file in files:
        if match := re.fullmatch(r"chapters/(\d\d)_(\w+)", file):
            slugs.setdefault(match.group(1), match.group(2))
    return list(slugs.values())


def analyses() -> list[str]:
    return sorted(path.name for path in PACKAGE.iterdir()
                  if path.is_dir() and (path / "__init__.py").exists() and path.name not in SHARED)


def test_every_chapter_has_its_analysis_subpackage_and_no_other():
    assert sorted(chapter_slugs()) == analyses()


def test_every_analysis_has_a_model_and_charts():
    for name in analyses():
        assert (PACKAGE / name / "model.py").is_file(), name
        assert (PACKAGE / name / "charts.py").is_file(), name


def test_every_live_panel_offers_an_explorer():
    panels = sorted(PACKAGE.glob("*/panel.py"))
    assert panels
    for path in panels:
        functions = {node.name for node in ast.parse(path.read_text(encoding="utf-8")).body
                     if isinstance(node, ast.FunctionDef)}
        assert "explorer" in functions, path


def test_nothing_else_sits_at_the_top_of_the_package():
    modules = {path.name for path in PACKAGE.glob("*.py")}
    assert modules == TOP_LEVEL_MODULES


def test_charts_are_built_outside_the_models():
    for name in analyses():
        source = (PACKAGE / name / "model.py").read_text(encoding="utf-8")
        assert "import altair" not in source, f"{name}/model.py builds charts: move them to {name}/charts.py"
