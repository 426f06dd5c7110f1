"""Issue 5's browser test: a US negotiator raises an irritant and writes a private note; a Russian
negotiator sees the irritant, cannot find the note (it answers exactly like a missing one), and
is offered no action its role may not take. Screenshots of the dashboard and the irritant page
are saved for a person to look at."""

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PASSWORD

IRRITANT_TITLE = "Browser test: delays to diplomatic visas"
NOTE_TEXT = "Sample text: our fallback position on visa numbers (browser test)"


def submit(browser, button):
    """Clicks a form's button or a link and waits until the next page has replaced this one.
    Chromium may answer "node does not belong to the document" while the old page unloads."""
    page = browser.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(browser, 20, ignored_exceptions=(WebDriverException,)).until(expected_conditions.staleness_of(page))


def sign_in(browser, server, username):
    browser.get(server + "/sign-in")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "Signed in as" in browser.page_source, browser.page_source


def sign_out(browser):
    submit(browser, browser.find_element(By.CSS_SELECTOR, "form.header__sign-out button"))
    assert "Signed in as" not in browser.page_source


def open_mechanism(browser, server):
    browser.get(server + "/mechanisms")
    submit(browser, browser.find_element(By.LINK_TEXT, "US–Russia consultations"))
    return browser.current_url


def main_text(browser):
    return browser.find_element(By.TAG_NAME, "main").text


def test_us_raises_and_notes_russia_sees_only_the_shared_irritant(server, browser, output_dir):
    sign_in(browser, server, "us-negotiator")
    mechanism = open_mechanism(browser, server)
    assert "Riyadh" in main_text(browser)
    browser.save_screenshot(str(output_dir / "dashboard-us-negotiator.png"))

    browser.get(mechanism + "/irritants/new")
    browser.find_element(By.ID, "title").send_keys(IRRITANT_TITLE)
    browser.find_element(By.ID, "description").send_keys("Visa applications for embassy staff wait for months.")
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Raise the irritant']"))
    irritant_url = browser.current_url
    assert "/irritants/IRR-" in irritant_url, irritant_url
    assert IRRITANT_TITLE in main_text(browser)
    browser.save_screenshot(str(output_dir / "irritant-us-negotiator.png"))

    browser.get(mechanism + "/notes/new")
    browser.find_element(By.ID, "body").send_keys(NOTE_TEXT)
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save the private note']"))
    note_url = browser.current_url
    assert "/notes/" in note_url and NOTE_TEXT in main_text(browser), note_url
    sign_out(browser)

    sign_in(browser, server, "ru-negotiator")
    assert open_mechanism(browser, server) == mechanism
    assert NOTE_TEXT not in browser.page_source
    browser.get(irritant_url)
    assert IRRITANT_TITLE in main_text(browser)
    buttons = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "main button")]
    # A negotiator may acknowledge another side's irritant; only a lead confirms a resolution,
    # and only the raising side may withdraw it.
    assert not any("onfirm" in b for b in buttons), buttons
    assert not any(b.startswith("Withdraw") for b in buttons), buttons
    browser.save_screenshot(str(output_dir / "irritant-ru-negotiator.png"))

    browser.get(note_url)
    foreign = browser.page_source
    assert NOTE_TEXT not in foreign
    reference = note_url.rstrip("/").rsplit("/", 1)[1]
    browser.get(note_url.replace(reference, reference.split("-")[0] + "-9999"))
    missing = browser.page_source
    assert browser.find_element(By.TAG_NAME, "h1").text == "Page not found" or "not found" in missing.lower()
    # The Russian negotiator's page for the US note is the page for a note that does not exist.
    assert foreign.replace(reference, "X") == missing.replace(reference.split("-")[0] + "-9999", "X")
    browser.get(mechanism + "/notes")
    assert NOTE_TEXT not in browser.page_source
