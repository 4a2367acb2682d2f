"""The claims chapter in the browser: the table filters without a kernel, and claim anchors work."""
from pages import PageVisit

from article_analysis.claims import model as claims


def test_claims_table_filters_in_the_page(browser, server):
    visit = PageVisit(browser, f"{server}/chapters/02_claims.html")
    try:
        page = visit.page
        rows = page.locator("#claims-table tbody tr")
        assert rows.count() == len(claims.readable())
        page.select_option("select[data-filter=speaker]", "Emmanuel Macron")
        expected = claims.filter_rows(speaker="Emmanuel Macron")["id"].tolist()
        visible = page.locator("#claims-table tbody tr:not([hidden]) td:first-child").all_text_contents()
        assert visible == expected
        page.select_option("select[data-filter=topic]", "Sanctions")
        expected = claims.filter_rows(speaker="Emmanuel Macron", topic="Sanctions")["id"].tolist()
        visible = page.locator("#claims-table tbody tr:not([hidden]) td:first-child").all_text_contents()
        assert visible == expected
        assert page.locator(".filter-count").text_content() == f"{len(expected)} of {rows.count()} rows"
        assert visit.errors == [] and visit.blocked == []
    finally:
        visit.close()


def test_following_a_claim_link_lands_on_its_card(browser, server):
    visit = PageVisit(browser, f"{server}/chapters/02_claims.html#C008")
    try:
        card = visit.page.locator("div.claim-card:target")
        assert card.count() == 1
        text = card.text_content()
        assert "C008" in text and "Die Zahl und Effektivität der Systeme" in text
        mark_title = visit.page.locator('a.claim-ref[href="#C008"]').get_attribute("title")
        assert mark_title.startswith("C008 · ") and "20 percent" in mark_title
    finally:
        visit.close()
