"""The outcomes chapter in headless Chromium: the timeline's drop-downs filter it without a kernel, a
point's tooltip names the event's sources, and each square of the status chart opens its claim in chapter 2."""
import re

from playwright.sync_api import expect

from pages import PageVisit

PAGE = "chapters/07_outcomes.html"


def test_timeline_filters_and_status_links(browser, server):
    visit = PageVisit(browser, f"{server}/{PAGE}")
    try:
        page = visit.page
        assert visit.engage_charts() == 3
        timeline = page.locator("figure.vega-chart").filter(has=page.locator("select[name=outcome_theme]"))
        points = timeline.locator("g.mark-symbol path")
        expect(points).to_have_count(22)

        timeline.locator("select[name=outcome_actor]").select_option(label="Russia (the Kremlin, Moscow)")
        expect(points).to_have_count(4)
        timeline.locator("select[name=outcome_theme]").select_option(label="Summit")
        expect(points).to_have_count(1)
        points.first.hover(force=True)
        tooltip = page.locator("#vg-tooltip-element")
        expect(tooltip).to_be_visible()
        assert "RBC-Ukraine (S168)" in tooltip.text_content() and "C014" in tooltip.text_content()

        timeline.locator("select[name=outcome_actor]").select_option(label="All actors")
        timeline.locator("select[name=outcome_theme]").select_option(label="All themes")
        expect(points).to_have_count(22)

        status = page.locator("figure.vega-chart").nth(1)  # timeline, status, stance shifts
        squares = status.locator("g.mark-symbol path")
        expect(squares).to_have_count(20)
        assert visit.errors == [], visit.errors

        squares.first.click(force=True)  # C002, the first row: the square opens its claim in chapter 2
        expect(page).to_have_url(re.compile(r"/chapters/02_claims\.html#C002$"))
    finally:
        visit.close()
