"""The query page at /query: pick an example, run it, read the table, download, share."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import quote

import browser_session
import httpx

pytestmark = browser_session.EMBEDDED_ONLY
# The fixtures, bound by name.
browser, page, phone_page, base_url = (browser_session.browser, browser_session.page, browser_session.phone_page,
                                       browser_session.base_url)

EXAMPLE = "instruments-binding-ukraine-and-poland"


def test_running_an_example_shows_a_results_table(page, base_url):
    page.goto(f"{base_url}/query?lang=en")
    page.wait_for_selector("body[data-ready]")
    page.select_option("#examples", EXAMPLE)
    assert "Ukraine and Poland" in page.inner_text("#example-summary")
    page.click("#run")

    table = page.wait_for_selector("table.results-table")
    headers = [th.inner_text() for th in table.query_selector_all("thead th")]
    assert headers == ["#", "instrument", "title", "ukraineFrom", "polandFrom"]
    assert "Convention on Cybercrime" in table.inner_text()
    assert "instrument:budapest-convention" in table.inner_text()  # IRIs shortened by prefix
    assert "rows" in page.inner_text("#results-meta")
    assert "query=" in page.input_value("#share-url") and "query=" in page.url


def test_a_shared_query_link_runs_the_query(page, base_url):
    query = "SELECT ?code WHERE { <https://w3id.org/coopgraph/state/UKR> ?p ?code } LIMIT 1"
    page.goto(f"{base_url}/query?lang=en&query={quote(query)}")
    page.wait_for_selector("table.results-table tbody tr")
    assert page.input_value("#query") == query


def test_downloads_carry_the_results_as_csv_and_json(page, base_url):
    page.goto(f"{base_url}/query?lang=en&example={EXAMPLE}")
    page.wait_for_selector("body[data-ready]")
    with page.expect_download() as csv_download:
        page.click("#download-csv")
    rows = list(csv.reader(io.StringIO(open(csv_download.value.path(), encoding="utf-8").read())))
    assert rows[0] == ["instrument", "title", "ukraineFrom", "polandFrom"] and len(rows) > 1
    assert csv_download.value.suggested_filename == "coopgraph-results.csv"

    with page.expect_download() as json_download:
        page.click("#download-json")
    results = json.loads(open(json_download.value.path(), encoding="utf-8").read())
    assert results["head"]["vars"] == rows[0] and len(results["results"]["bindings"]) == len(rows) - 1


def test_a_broken_query_shows_the_endpoint_message(page, base_url):
    expected = httpx.post(f"{base_url}/sparql", data={"query": "SELEC nonsense"}).json()["error"]["message"]
    page.goto(f"{base_url}/query?lang=en&query={quote('SELEC nonsense')}")
    text = page.wait_for_selector("#problem:not([hidden])").inner_text()
    assert expected in text and "Traceback" not in text


def test_the_query_page_switches_to_ukrainian(page, base_url):
    page.goto(f"{base_url}/query?lang=en")
    page.wait_for_selector("body[data-ready]")
    page.click('.lang-switch [data-lang="uk"]')
    assert page.inner_text("#run") == "Виконати"
    assert page.inner_text("h1") == "Запит до графа мовою SPARQL"


def test_the_query_page_fits_a_phone_screen(phone_page, base_url):
    phone_page.goto(f"{base_url}/query?lang=en&example={EXAMPLE}")
    phone_page.wait_for_selector("body[data-ready]")
    phone_page.click("#run")
    phone_page.wait_for_selector("table.results-table")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= phone_page.viewport_size["width"], f"the page scrolls sideways: {width}px wide"
