"""Computed prose reads the same in plain JupyterLab and in the book.

Plain JupyterLab renders CommonMark, not MyST: a role (``{glue:text}`x```) or a directive (a
```` ```{name} ```` fence, a ``:::`` block) in a Markdown cell shows as its source there. So no notebook
Markdown holds one, and every sentence with a computed number is a message of
``article_analysis/messages/<language>/<page>.toml`` that a code cell shows (``article_analysis.core.prose``),
filled by the notebook or by a model: every Markdown a code cell outputs is made of such fills, so that a
translated catalogue translates every computed sentence.
"""
from __future__ import annotations

import ast
import json
import re
import string

import pytest

from article_analysis.core import prose
from article_analysis.core.paths import ROOT
from pages import toc_files

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


def notebook_of(page: str):
    return ROOT / f"{page}.ipynb" if (ROOT / f"{page}.ipynb").exists() else ROOT / "chapters" / f"{page}.ipynb"


# A placeholder's value: anything on one line (or nothing) that does not end a sentence, so that no sentence typed in
# code can pass as the value of a message's first placeholder.
VALUE = r"(?:(?![.!?]\s)[^\n])*?"
# A template with fewer words of its own is a phrase that fills other messages' placeholders ("{items}
# and {last}", "none"): as a whole output it would pass nearly any text.
SENTENCE_WORDS = 4


def fill_pattern(template: str) -> str:
    """A regular expression for a template's fills: its text as written, a value for each placeholder."""
    return "".join(re.escape(text) + (VALUE if name is not None else "")
                   for text, name, _, _ in string.Formatter().parse(template.strip()))


def sentences_of(templates) -> list[str]:
    return [template for template in templates
            if len(re.findall(r"[^\W\d_]+", re.sub(r"\{[^{}]*\}", " ", template))) >= SENTENCE_WORDS]


def filled_from_messages(markdown: str, templates) -> bool:
    """Whether a Markdown text is nothing but fills of the templates' sentences, one after another (a
    paragraph, a list item, sentences joined by a space)."""
    fill = "|".join(f"(?:{fill_pattern(template)})" for template in sentences_of(templates))
    return re.fullmatch(rf"(?:- )?(?:{fill})(?:\s+(?:- )?(?:{fill}))*", markdown.strip()) is not None


def markdown_outputs(path):
    """(cell id, Markdown) of every Markdown output of the notebook's code cells."""
    return [(cell["id"], "".join(output["data"]["text/markdown"])) for cell in cells(path, "code")
            for output in cell.get("outputs", []) if "text/markdown" in output.get("data", {})]


def names_in_code() -> set[str]:
    """Every string literal of the package's modules and the notebooks' code cells."""
    sources = [path.read_text(encoding="utf-8") for path in (ROOT / "article_analysis").rglob("*.py")]
    sources += [re.sub(r"^\s*[%!].*$", "", "".join(cell["source"]), flags=re.M)
                for path in NOTEBOOKS for cell in cells(path, "code")]
    return {node.value for source in sources for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)}


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


@pytest.mark.parametrize("page", prose.pages())
def test_no_message_needs_myst(page):
    found = {message_id: myst_syntax(text) for message_id, text in prose.templates(page).items() if myst_syntax(text)}
    assert not found, f"messages of {page} that JupyterLab cannot render: {found}"


@pytest.mark.parametrize("page", prose.pages())
def test_every_message_is_used_and_a_shown_one_is_shown_alone(page):
    """A message is named by the code that fills it (a notebook's ``sentences.show("id")``, a model's
    ``prose.sentence(page, "id", ...)``), so none lies unused; a cell showing one shows only its Markdown."""
    notebook = notebook_of(page)
    code = ["".join(cell["source"]) for cell in cells(notebook, "code")]
    shown = [name for source in code for name in SHOWN.findall(source)]
    assert set(shown) <= set(prose.catalogue(page)), f"{notebook.name} shows messages its catalogue lacks"
    unused = sorted(set(prose.catalogue(page)) - names_in_code())
    assert not unused, f"messages of {page} that no notebook and no model fills: {unused}"
    for cell in cells(notebook, "code"):
        if SHOWN.search("".join(cell["source"])):
            assert "remove-input" in cell["metadata"].get("tags", []), f"{cell['id']}: the book shows the sentence only"
            assert [output.get("data", {}).keys() for output in cell["outputs"]] == [{"text/markdown", "text/plain"}], (
                f"{notebook.name} {cell['id']}: committed unexecuted, or its output is not Markdown")


def test_the_fill_check_tells_a_message_from_a_sentence_typed_in_code():
    templates = ["A level doubles in {years:.1f} years.", "Of {n} claims, {m} were checked.", "{items} and {last}",
                 "{searches} searches were logged in all."]
    assert filled_from_messages("A level doubles in 3.8 years.", templates)
    assert filled_from_messages("- Of 44 claims, 30 were checked.\n- A level doubles in 3.8 years.", templates)
    assert filled_from_messages("A level doubles in 3.8 years. Of 44 claims, 30 were checked.", templates)
    assert not filled_from_messages("A level doubles in 3.8 years, as the model says.", templates)
    assert not filled_from_messages("Of 44 claims, 30 could be checked.", templates)
    assert not filled_from_messages("- A level doubles in 3.8 years.\n- A finding typed in an f-string: 12.", templates)
    assert filled_from_messages("368 searches were logged in all.", templates)
    assert not filled_from_messages("Typed in code. 368 searches were logged in all.", templates)
    assert not filled_from_messages("Typed in code, 12 and 13.", templates), "a phrase is no sentence"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_every_computed_sentence_is_a_message_of_a_catalogue(path):
    """What a code cell writes as Markdown is made of fills of catalogue messages, whichever code fills
    them: a sentence typed in an f-string would stay English in a translated book."""
    templates = [template for page in prose.pages() for template in prose.templates(page).values()]
    typed = [f"{cell_id}: {markdown[:80]}…" for cell_id, markdown in markdown_outputs(path)
             if not filled_from_messages(markdown, templates)]
    assert not typed, (f"{path.name}: Markdown output not made of the messages of article_analysis/messages "
                       "(write the sentence there and fill it with article_analysis.core.prose): " + "; ".join(typed))


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


def test_a_message_with_plural_forms_takes_the_form_of_its_count(tmp_path, monkeypatch):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "page.toml").write_text(
        'claims = { one = "{n} claim repeats", other = "{n} claims repeat" }\nplain = "No count."\n')
    (tmp_path / "en" / "broken.toml").write_text('claims = { one = "a claim", many = "claims" }\n')
    monkeypatch.setattr(prose, "MESSAGES", tmp_path)
    prose.catalogue.cache_clear()
    try:
        assert [prose.sentence("page", "claims", {"n": n}, count=n) for n in (0, 1, 2)] == [
            "0 claims repeat", "1 claim repeats", "2 claims repeat"]
        assert prose.templates("page") == {"claims.one": "{n} claim repeats", "claims.other": "{n} claims repeat",
                                           "plain": "No count."}
        with pytest.raises(TypeError, match="has plural forms; give the count"):
            prose.sentence("page", "claims", {"n": 1})
        with pytest.raises(TypeError, match="has no plural forms, so it takes no count"):
            prose.sentence("page", "plain", count=2)
        with pytest.raises(ValueError, match=r"broken.toml: message 'claims' is a table, so it must hold the plural "
                                             r"forms one and other as strings, not \['many', 'one'\]"):
            prose.catalogue("broken")
    finally:
        prose.catalogue.cache_clear()


def test_the_landing_page_lists_every_page_of_the_table_of_contents():
    markdown = "".join("".join(cell["source"]) for cell in cells(ROOT / "intro.ipynb", "markdown"))
    listed = re.findall(r"^ *- \[[^\]]+\]\(([^)]+)\.ipynb\)$", markdown, re.M)
    assert listed == toc_files()[1:]
