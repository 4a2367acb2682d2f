"""The built HTML holds every chapter of _toc.yml and names no outside host in what it loads."""
import re
from pathlib import Path

from pages import toc_files


def test_every_toc_entry_is_built(built_book):
    for name in toc_files():
        page = built_book / f"{Path(name).with_suffix('')}.html"
        assert page.exists(), f"{name} from _toc.yml is missing in the built book"
        assert "<h1" in page.read_text(encoding="utf-8"), f"{page} has no title"


def test_no_page_loads_anything_from_another_host(built_book):
    loading = re.compile(r"<(?:script|img|iframe|source)\b[^>]*\bsrc=\"(https?:)?//|"
                         r"<link\b[^>]*\bhref=\"(https?:)?//[^\"]*\"[^>]*rel=\"(?:stylesheet|preload|icon)|"
                         r"<link\b[^>]*rel=\"(?:stylesheet|preload|icon)\"[^>]*\bhref=\"(https?:)?//")
    offenders = {}
    for page in built_book.rglob("*.html"):
        found = loading.findall(page.read_text(encoding="utf-8"))
        if found:
            offenders[page.relative_to(built_book).as_posix()] = found
    assert offenders == {}


def test_styles_and_scripts_name_no_cdn(built_book):
    cdn = re.compile(r"cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|fonts\.googleapis\.com")
    for path in [*built_book.glob("_static/**/*.css"), *built_book.glob("_static/*.js")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:", text), path
        if path.name in {"vega-charts.js", "report.css"}:
            assert not cdn.search(text), path


def test_internal_links_and_anchors_resolve(built_book):
    """Offline link check: every relative link points to a built file and, with a fragment, an id in it."""
    href = re.compile(r'<a\b[^>]*\bhref="([^"#:]*)(?:#([^"]*))?"')
    ids = {}

    def anchors(page: Path) -> set:
        if page not in ids:
            ids[page] = set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8")))
        return ids[page]

    broken = []
    for page in built_book.rglob("*.html"):
        if "_static" in page.parts:
            continue
        for target, fragment in href.findall(page.read_text(encoding="utf-8")):
            destination = (page.parent / target).resolve() if target else page
            if destination.is_dir():
                destination = destination / "index.html"
            if not destination.exists():
                broken.append(f"{page.relative_to(built_book)} → {target}")
            elif fragment and destination.suffix == ".html" and fragment not in anchors(destination):
                broken.append(f"{page.relative_to(built_book)} → {target}#{fragment}")
    assert broken == []
