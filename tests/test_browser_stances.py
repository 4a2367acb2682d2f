"""The stances chapter in headless Chromium: the drop-downs under the grid filter it without a kernel,
and a cell's tooltip quotes the German evidence with its translation."""
from playwright.sync_api import expect

from article_analysis.claims import model as claims
from pages import PageVisit

PAGE = "chapters/04_stances.html"


def test_filters_change_the_grid_and_tooltips_quote_the_evidence(browser, server):
    visit = PageVisit(browser, f"{server}/{PAGE}")
    try:
        page = visit.page
        assert visit.engage_charts() == 3
        grid = page.locator("figure.vega-chart").filter(has=page.locator("select[name=stance_actor]"))
        cells = grid.locator("g.mark-rect path")
        expect(cells).to_have_count(81)

        grid.locator("select[name=stance_actor]").select_option(label="Russia")
        expect(cells).to_have_count(9)
        labels = grid.locator("g.role-axis-label text").all_text_contents()
        assert "Russia" in labels and "German federal government" not in labels

        grid.locator("select[name=stance_question]").select_option(label="P5 as guarantors")
        expect(cells).to_have_count(1)
        assert "Stance: Supports" in cells.first.get_attribute("aria-label")

        cells.first.hover(force=True)  # the word layer on top of the cell is not a target of its own
        tooltip = page.locator("#vg-tooltip-element")
        expect(tooltip).to_be_visible()
        c041 = claims.by_id("C041").iloc[0]
        assert c041.text_de in tooltip.text_content() and c041.text_en in tooltip.text_content()

        grid.locator("select[name=stance_actor]").select_option(label="All actors")
        expect(cells).to_have_count(9)  # one column: the P5 question for every actor
        assert visit.errors == [], visit.errors
    finally:
        visit.close()
