"""The legal-bases page at / as a person uses it: choose, read the cards, switch language, share the link."""

from __future__ import annotations

import browser_session
import httpx

pytestmark = browser_session.EMBEDDED_ONLY
# The fixtures, bound by name.
browser, page, phone_page, base_url = (browser_session.browser, browser_session.page, browser_session.phone_page,
                                       browser_session.base_url)

PRESERVATION = "expedited-preservation-of-stored-data"
SHARED_VIEW = f"/?action={PRESERVATION}&requesting=UKR&requested=POL&date=2025-06-01&lang=en"
ARTICLE_29 = '.card[data-instrument="budapest-convention"][data-provision="29"]'


def choose(page, field: str, typed: str, value: str) -> None:
    page.fill(f"#{field}-input", typed)
    page.click(f'#{field}-list [role="option"][data-value="{value}"]')


def ask_for_preservation(page, base_url, typed: tuple[str, str, str]) -> None:
    """Open the page and ask preservation UKR → POL on 2025-06-01, typing these words into the three fields."""
    page.goto(f"{base_url}/?lang=en")
    page.wait_for_selector("body[data-ready]")
    choose(page, "action", typed[0], PRESERVATION)
    choose(page, "requesting", typed[1], "UKR")
    choose(page, "requested", typed[2], "POL")
    page.fill("#date-input", "2025-06-01")
    page.click("#search button[type=submit]")


def cards_shown(page) -> list[tuple[str, str, str]]:
    return page.eval_on_selector_all(
        ".card", "cards => cards.map(c => [c.dataset.match, c.dataset.instrument, c.dataset.provision])")


def test_the_api_answers_article_29_for_preservation_between_ukraine_and_poland(base_url):
    # The page shows what the API says: check the API first, so a page failure is the page's.
    answer = httpx.get(f"{base_url}/api/v1/legal-bases", params={
        "action": PRESERVATION, "requesting": "UKR", "requested": "POL", "date": "2025-06-01"}).json()
    exact = [(b["instrument"]["id"], b["provision"]["number"]) for b in answer["legal_bases"] if b["match"] == "exact"]
    assert ("budapest-convention", "29") in exact


def test_choosing_preservation_ukraine_poland_and_a_date_shows_the_budapest_article_29_card(page, base_url):
    ask_for_preservation(page, base_url, typed=("expedited preservation", "UKR", "Poland"))

    card = page.wait_for_selector(ARTICLE_29)
    text = card.inner_text()
    assert "Article 29" in text and "Convention on Cybercrime" in text
    assert "Expedited preservation of stored computer data" in text
    assert card.get_attribute("data-match") == "exact"
    assert "2006-07-01" in text and "2015-06-01" in text  # in force for Ukraine and for Poland
    assert card.query_selector(".chip") is not None  # its conditions
    assert card.query_selector(".sources a[href^='http']") is not None
    assert "action=expedited-preservation-of-stored-data" in page.url and "requested=POL" in page.url
    assert "date=2025-06-01" in page.input_value("#share-url")


def test_switching_to_ukrainian_shows_ukrainian_labels(page, base_url):
    page.goto(base_url + SHARED_VIEW)
    page.wait_for_selector(ARTICLE_29)
    ukrainian = httpx.get(f"{base_url}/api/v1/actions/{PRESERVATION}", params={"lang": "uk"}).json()["label"]

    page.click('.lang-switch [data-lang="uk"]')
    page.wait_for_function(
        "sel => document.querySelector(sel)?.textContent.includes('Стаття 29')", arg=ARTICLE_29)
    assert page.get_attribute("html", "lang") == "uk"
    assert page.inner_text("h1") == "Яка правова підстава дозволяє цю дію?"
    assert page.input_value("#action-input") == ukrainian
    assert page.input_value("#requested-input") == "Польща"
    assert "Конвенція про кіберзлочинність" in page.inner_text(ARTICLE_29)
    assert "lang=uk" in page.url


def test_opening_a_shared_link_shows_the_same_cards(page, base_url, browser):
    ask_for_preservation(page, base_url, typed=("preservation of stored", "Ukraine", "POL"))
    page.wait_for_selector(ARTICLE_29)
    shared, first_view = page.input_value("#share-url"), cards_shown(page)

    other = browser.new_context().new_page()
    try:
        other.goto(shared)
        other.wait_for_selector(ARTICLE_29)
        assert cards_shown(other) == first_view
        assert other.input_value("#date-input") == "2025-06-01"
        assert other.input_value("#requesting-input") == "Ukraine"
    finally:
        other.context.close()


def test_an_unknown_action_in_the_link_shows_the_api_message_not_a_trace(page, base_url):
    expected = httpx.get(f"{base_url}/api/v1/legal-bases", params={"action": "no-such-action"}).json()["error"]
    page.goto(f"{base_url}/?action=no-such-action&lang=en")
    problem = page.wait_for_selector("#problem:not([hidden])")
    text = problem.inner_text()
    assert expected["message"] in text
    assert "Traceback" not in text and page.query_selector(".card") is None


def test_searching_without_an_action_asks_for_one(page, base_url):
    page.goto(f"{base_url}/?lang=en")
    page.wait_for_selector("body[data-ready]")
    page.click("#search button[type=submit]")
    assert "Choose an action" in page.wait_for_selector("#problem:not([hidden])").inner_text()


def test_the_page_fits_a_phone_screen(phone_page, base_url):
    phone_page.goto(base_url + SHARED_VIEW)
    phone_page.wait_for_selector(ARTICLE_29)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= phone_page.viewport_size["width"], f"the page scrolls sideways: {width}px wide"


def test_a_reckoned_date_is_marked_on_the_card(page, base_url):
    # Italy's UNTOC date is reckoned under art. 38(2); Ukraine's was read in a source.
    page.goto(f"{base_url}/?action=mutual-legal-assistance&requesting=UKR&requested=ITA&date=2015-01-01&lang=en")
    card = page.wait_for_selector('.card[data-instrument="untoc"][data-provision="18(1)"]')
    italy = card.query_selector('li[data-party="ITA"]')
    assert "2006-09-01" in italy.inner_text() and "reckoned" in italy.inner_text()
    marker = italy.query_selector(".reckoned")
    assert marker.get_attribute("data-clause") == "https://w3id.org/coopgraph/instrument/untoc/art/38/para/2"
    assert "entry-into-force clause" in marker.get_attribute("title")
    assert card.query_selector('li[data-party="UKR"] .reckoned') is None


def test_the_card_names_the_grounds_the_treaty_forbids_to_invoke(page, base_url):
    page.goto(f"{base_url}/?action=mutual-legal-assistance&requesting=UKR&requested=ITA&date=2015-01-01&lang=en")
    card = page.wait_for_selector('.card[data-instrument="untoc"][data-provision="18(1)"]')
    assert "May not be refused on" in card.text_content()
    excluded = {(chip.get_attribute("data-id"), chip.get_attribute("data-provision"))
                for chip in card.query_selector_all(".chip-excluded-ground")}
    assert excluded == {("bank-secrecy", "18(8)"), ("fiscal-offence", "18(22)")}
