"""The outcomes chapter and its record in headless Chromium: the timeline's drop-downs filter it without a
kernel, a point's tooltip names the event's sources, each square of the status chart opens its claim in
chapter 2, and each claim's status history reads on a phone with no script."""
import re

from playwright.sync_api import expect

from article_analysis.outcomes import model
from pages import PageVisit

PAGE = "chapters/07_outcomes.html"
CHARTS = ("status", "stance shifts", "status history")
"""The chapter's charts, in page order."""
RECORD_PAGE = "chapters/07_record.html"
RECORD_CHARTS = ("coverage", "timeline")


def test_timeline_filters_and_names_each_events_sources(browser, server):
    events = model.events()
    by_russia = events[events["actors"].map(lambda actors: "russia" in actors)]
    on_summit = by_russia[by_russia["theme"] == "summit"]
    visit = PageVisit(browser, f"{server}/{RECORD_PAGE}")
    try:
        page = visit.page
        assert visit.engage_charts() == len(RECORD_CHARTS)
        timeline = page.locator("figure.vega-chart").filter(has=page.locator("select[name=outcome_theme]"))
        points = timeline.locator("g.mark-symbol path")
        expect(points).to_have_count(len(events))

        timeline.locator("select[name=outcome_actor]").select_option(label="Russia (the Kremlin, Moscow)")
        expect(points).to_have_count(len(by_russia))
        timeline.locator("select[name=outcome_theme]").select_option(label="Summit")
        expect(points).to_have_count(len(on_summit))
        points.first.hover(force=True)
        tooltip = page.locator("#vg-tooltip-element")
        expect(tooltip).to_be_visible()
        text = tooltip.text_content()
        assert re.search(r"\(S\d{3}\)", text) and "C014" in text

        timeline.locator("select[name=outcome_actor]").select_option(label="All actors")
        timeline.locator("select[name=outcome_theme]").select_option(label="All themes")
        expect(points).to_have_count(len(events))
        assert visit.errors == [], visit.errors
    finally:
        visit.close()


def test_each_square_of_the_status_chart_opens_its_claim(browser, server):
    visit = PageVisit(browser, f"{server}/{PAGE}")
    try:
        page = visit.page
        assert visit.engage_charts() == len(CHARTS)
        status = page.locator("figure.vega-chart").nth(CHARTS.index("status"))
        squares = status.locator("g.mark-symbol path")
        expect(squares).to_have_count(20)
        assert visit.errors == [], visit.errors

        squares.first.click(force=True)  # C002, the first row: the square opens its claim in chapter 2
        expect(page).to_have_url(re.compile(r"/chapters/02_claims\.html#C002$"))
    finally:
        visit.close()


def test_status_histories_read_at_375_px_without_script(browser, server):
    """Every claim's strip is in the HTML itself: with JavaScript off, on a phone's width, each step shows
    its date and status inside the screen."""
    history = model.history()
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{server}/{PAGE}", wait_until="load")
        strips = page.locator("section.status-history")
        expect(strips).to_have_count(history["claim"].nunique())
        steps = page.locator("section.status-history li.status-step")
        expect(steps).to_have_count(len(history))
        for index in range(steps.count()):
            step = steps.nth(index)
            step.scroll_into_view_if_needed()
            box = step.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 375, (index, box)
            expect(step.locator("time")).to_be_visible()
        c014 = page.locator("#history-C014 li.status-step time")
        assert c014.all_text_contents() == [d.isoformat() for d in history.loc[history["claim"] == "C014", "effective"]]
    finally:
        context.close()
