"""Computed prose reads the same in plain JupyterLab and in the book.

Plain JupyterLab renders CommonMark, not MyST: a role (``{glue:text}`x```) or a directive (a
```` ```{name} ```` fence, a ``:::`` block) in a Markdown cell shows as its source there. So no notebook
Markdown holds one, and every sentence with a computed number is a message of
``article_analysis/messages/<language>/<page>.toml`` that a code cell shows (``article_analysis.core.prose``).
"""
from __future__ import annotations

import json
import re

import pytest
import yaml

from article_analysis.core import prose
from article_analysis.core.paths import ROOT

NOTEBOOKS = sorted([ROOT / "intro.ipynb", *(ROOT / "chapters").glob("*.ipynb")])
MYST_SYNTAX = [
    (re.compile(r"\{[\w:.-]+\}`"), "a MyST role"),
    (re.compile(r"^\s*(`{3,}|~{3,})\s*\{[\w:.-]+\}", re.M), "a MyST directive fence"),
    (re.compile(r"^\s*:{3,}\s*(?:\{[\w:.-]+\}|[\w:.-]+)", re.M), "a MyST colon-fence directive"),
    # _config.yml enables MyST's substitution extension, whose {{ name }} JupyterLab shows as typed.
    (re.compile(r"\{\{\s*[\w.-]+\s*\}\}"), "a MyST substitution"),
]
INLINE = ("a MyST role", "a MyST substitution")  # text in inline code is not markup
SHOWN = re.compile(r'sentences\.show\("(\w+)"\)')


# Inline code (a backtick not closing a role's name) is text, whatever it holds.
INLINE_CODE = re.compile(r"(?<![}`])`[^`\n]+`(?!`)")


def myst_syntax(markdown: str) -> list[str]:
    """What in a Markdown text only MyST renders: each as 'kind: text'."""
    without_inline_code = INLINE_CODE.sub("", markdown)
    return [f"{kind}: {match.group(0).strip()}" for pattern, kind in MYST_SYNTAX
            for match in pattern.finditer(without_inline_code if kind in INLINE else markdown)]


def cells(path, kind):
    return [cell for cell in json.loads(path.read_text(encoding="utf-8"))["cells"] if cell["cell_type"] == kind]


def pages_with_messages() -> list[str]:
    return sorted(path.stem for path in (prose.MESSAGES / prose.LANGUAGE).glob("*.toml"))


def test_the_detector_finds_roles_and_directives_and_passes_commonmark():
    assert myst_syntax("more than {glue:text}`gepard`") == ["a MyST role: {glue:text}`"]
    assert myst_syntax("get {download}`a <b>`") == ["a MyST role: {download}`"]
    assert myst_syntax("```{tableofcontents}\n```") == ["a MyST directive fence: ```{tableofcontents}"]
    assert myst_syntax(":::{note}\ntext\n:::") == ["a MyST colon-fence directive: :::{note}"]
    assert myst_syntax("searched up to {{ cut_off }}") == ["a MyST substitution: {{ cut_off }}"]
    assert myst_syntax("[a link](x.ipynb), `code {x}`, `{{ x }}`, {braces} and\n```console\nmake book\n```") == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_no_notebook_markdown_needs_myst(path):
    found = [f"{cell['id']}: {', '.join(myst_syntax(''.join(cell['source'])))}"
             for cell in cells(path, "markdown") if myst_syntax("".join(cell["source"]))]
    assert not found, (f"{path.name}: JupyterLab shows these as source text; write CommonMark, and computed numbers "
                       f"as messages of article_analysis/messages (article_analysis.core.prose): " + "; ".join(found))


@pytest.mark.parametrize("page", pages_with_messages())
def test_no_message_needs_myst(page):
    found = {message_id: myst_syntax(text) for message_id, text in prose.catalogue(page).items() if myst_syntax(text)}
    assert not found, f"messages of {page} that JupyterLab cannot render: {found}"


@pytest.mark.parametrize("page", pages_with_messages())
def test_every_message_is_shown_once_by_its_notebook(page):
    notebook = ROOT / "chapters" / f"{page}.ipynb"
    code = ["".join(cell["source"]) for cell in cells(notebook, "code")]
    assert any(f'prose.Sentences("{page}"' in source for source in code), f"{notebook.name} reads no other catalogue"
    shown = [name for source in code for name in SHOWN.findall(source)]
    assert sorted(shown) == sorted(prose.catalogue(page)), (
        f"{notebook.name} shows {sorted(shown)}; its catalogue holds {sorted(prose.catalogue(page))}")
    for cell in cells(notebook, "code"):
        if SHOWN.search("".join(cell["source"])):
            assert "remove-input" in cell["metadata"].get("tags", []), f"{cell['id']}: the book shows the sentence only"
            assert [output.get("data", {}).keys() for output in cell["outputs"]] == [{"text/markdown", "text/plain"}], (
                f"{notebook.name} {cell['id']}: committed unexecuted, or its output is not Markdown")


def test_a_sentence_is_its_template_filled_and_missing_values_are_named(tmp_path, monkeypatch):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "page.toml").write_text('doubling = """\nDoubles in {years:.1f} years, {share}.\n"""\n')
    monkeypatch.setattr(prose, "MESSAGES", tmp_path)
    prose.catalogue.cache_clear()
    try:
        from fractions import Fraction

        assert prose.sentence("page", "doubling", {"years": 3.8017, "share": Fraction(421, 2145)}) == \
            "Doubles in 3.8 years, 421/2145."
        assert prose.Sentences("page", {"years": 2, "share": 1}).show("doubling").data == "Doubles in 2.0 years, 1."
        with pytest.raises(KeyError, match="needs share, which the values given do not hold"):
            prose.sentence("page", "doubling", {"years": 1})
        with pytest.raises(KeyError, match="has no message 'halving'; it has doubling"):
            prose.sentence("page", "halving", {})
        with pytest.raises(FileNotFoundError, match="no catalogue of messages for page 'page' in language 'de'"):
            prose.sentence("page", "doubling", {}, language="de")
        assert prose.placeholders("{a:.1f} of {b} and {a}") == {"a", "b"}
    finally:
        prose.catalogue.cache_clear()


def test_the_landing_page_lists_every_page_of_the_table_of_contents():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    markdown = "".join("".join(cell["source"]) for cell in cells(ROOT / "intro.ipynb", "markdown"))
    listed = re.findall(r"^- \[[^\]]+\]\(([^)]+)\.ipynb\)$", markdown, re.M)
    assert listed == [entry["file"] for entry in toc["chapters"]]
