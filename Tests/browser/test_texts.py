"""Issue 6's browser test: one clause of the fictional Northland–Southland sample draft goes from
proposal to agreement through the page forms only. Northland's negotiator proposes the clause;
Southland's amends it, so it is bracketed with both proposers named; Southland merges the two
into a compromise and agrees to it; Northland supports the compromise (the last bracket goes)
and agrees too. The clause then shows as agreed by every side, and the comparison of the
revision before the bracket with the last one marks inserted and deleted words. A facilitator
(the Riyadh sample's host) is offered no status action (the core tests refuse one it sends).
Screenshots of the text and comparison pages are saved for a person to look at."""

from selenium.webdriver.common.by import By

from test_irritant_and_note import main_text, sign_in, sign_out, submit

MECHANISM = "Sample: Northland–Southland fisheries talks"
NORTH = "Northland (fictional)"
SOUTH = "Southland (fictional)"
NORTH_WORDS = "Sample text: the Parties shall close the Border Sea to trawling each spring (browser test)."
SOUTH_WORDS = "Sample text: the Parties shall close the Border Sea to trawling each spring and autumn (browser test)."
COMPROMISE_WORDS = (
    "Sample text: the Parties shall close the Border Sea to trawling every spring, and every autumn when "
    "the joint scientific committee advises it (browser test)."
)


def open_sample_text(browser, server):
    """Goes from the list of mechanisms to the sample draft and returns its address."""
    browser.get(server + "/mechanisms")
    submit(browser, browser.find_element(By.LINK_TEXT, MECHANISM))
    submit(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "The texts"))
    row = browser.find_element(By.XPATH, "//tr[td[contains(., 'Sample draft: joint statement')]]")
    submit(browser, row.find_element(By.TAG_NAME, "a"))
    return browser.current_url.split("#")[0]


def revision(browser):
    value = browser.find_element(By.XPATH, "//dt[normalize-space()='Revision']/following-sibling::dd").text
    return int(value.split()[0])


def clause_item(browser, words):
    """The list item of the clause one of whose live alternatives has `words`."""
    return browser.find_element(By.XPATH, f"//li[contains(@class, 'clause')][.//td/p[contains(., '{words}')]]")


def alternative_row(browser, words):
    return clause_item(browser, words).find_element(By.XPATH, f".//tr[td/p[contains(., '{words}')]]")


def follow(browser, scope, link_text):
    submit(browser, scope.find_element(By.LINK_TEXT, link_text))


def press(browser, button_text):
    submit(browser, browser.find_element(By.XPATH, f'//main//button[normalize-space()="{button_text}"]'))


def set_status_agreed(browser, words):
    follow(browser, alternative_row(browser, words), "Set your side's status on this")
    browser.find_element(By.ID, "status-agreed").click()
    press(browser, "Set your side's status")
    assert "/actions/" not in browser.current_url, main_text(browser)


def side_statuses(clause):
    rows = clause.find_elements(By.CSS_SELECTOR, "table.side-status tbody tr")
    return {cells[0].text: cells[1].text for cells in (row.find_elements(By.TAG_NAME, "td") for row in rows)}


def test_one_bracket_from_proposal_to_agreement(server, browser, output_dir):
    sign_in(browser, server, "north-negotiator")
    text_url = open_sample_text(browser, server)
    follow(browser, browser, "Propose a new clause")
    browser.find_element(By.ID, "section-operative").click()
    browser.find_element(By.ID, "wording").send_keys(NORTH_WORDS)
    press(browser, "Propose the clause")
    assert browser.current_url.split("#")[0] == text_url, main_text(browser)
    before_bracket = revision(browser)
    clause = clause_item(browser, NORTH_WORDS)
    assert "clause--bracketed" not in clause.get_attribute("class")
    assert NORTH in alternative_row(browser, NORTH_WORDS).find_element(By.CLASS_NAME, "credit").text
    sign_out(browser)

    # Southland amends the clause: two live alternatives, each in square brackets.
    sign_in(browser, server, "south-negotiator")
    assert open_sample_text(browser, server) == text_url
    follow(browser, clause_item(browser, NORTH_WORDS), "Propose an amendment")
    wording = browser.find_element(By.ID, "wording")
    assert wording.get_attribute("value") == NORTH_WORDS
    wording.clear()
    wording.send_keys(SOUTH_WORDS)
    press(browser, "Propose the amendment")
    clause = clause_item(browser, NORTH_WORDS)
    assert "clause--bracketed" in clause.get_attribute("class")
    assert "Bracketed" in clause.find_element(By.TAG_NAME, "h3").text
    for words, side in ((NORTH_WORDS, NORTH), (SOUTH_WORDS, SOUTH)):
        row = alternative_row(browser, words)
        assert row.find_element(By.CSS_SELECTOR, "td.alternative p").text == f"[{words}]"
        assert side in row.find_element(By.CLASS_NAME, "credit").text
    assert len(clause.find_elements(By.CSS_SELECTOR, "span.bracket")) == 4
    browser.execute_script("arguments[0].scrollIntoView()", clause)
    browser.save_screenshot(str(output_dir / "text-bracketed.png"))

    # Southland merges both alternatives into a compromise and agrees to it.
    follow(browser, clause, "Propose a compromise")
    merging = browser.find_elements(By.CSS_SELECTOR, "input[name=merging]")
    assert len(merging) == 2 and all(box.is_selected() for box in merging)
    browser.find_element(By.ID, "wording").send_keys(COMPROMISE_WORDS)
    press(browser, "Propose the compromise")
    clause = clause_item(browser, COMPROMISE_WORDS)
    assert SOUTH_WORDS not in clause.text  # merged away: Southland is credited with the compromise
    assert NORTH_WORDS in clause.text and "clause--bracketed" in clause.get_attribute("class")
    set_status_agreed(browser, COMPROMISE_WORDS)
    assert side_statuses(clause_item(browser, COMPROMISE_WORDS))[SOUTH].startswith("Agreed")
    sign_out(browser)

    # Northland supports the compromise, which supersedes its own words; then it agrees.
    sign_in(browser, server, "north-negotiator")
    open_sample_text(browser, server)
    follow(browser, alternative_row(browser, COMPROMISE_WORDS), "Support")
    press(browser, "Support the alternative")
    clause = clause_item(browser, COMPROMISE_WORDS)
    assert NORTH_WORDS not in clause.text
    assert "clause--bracketed" not in clause.get_attribute("class")
    set_status_agreed(browser, COMPROMISE_WORDS)

    clause = clause_item(browser, COMPROMISE_WORDS)
    heading = clause.find_element(By.TAG_NAME, "h3").text
    assert "Agreed by every side" in heading and "Bracketed" not in heading, heading
    assert clause.find_elements(By.CSS_SELECTOR, "span.bracket") == []
    assert clause.find_element(By.CSS_SELECTOR, "td.alternative p").text == COMPROMISE_WORDS
    credit = clause.find_element(By.CLASS_NAME, "credit").text
    assert NORTH in credit and SOUTH in credit, credit
    assert side_statuses(clause) == {NORTH: "Agreed", SOUTH: "Agreed"}, side_statuses(clause)
    last = revision(browser)
    browser.execute_script("arguments[0].scrollIntoView()", clause)
    browser.save_screenshot(str(output_dir / "text-agreed.png"))

    # The comparison of the revision before the bracket with the last one.
    follow(browser, browser, "Compare revisions")
    browser.find_element(By.ID, "from").clear()
    browser.find_element(By.ID, "from").send_keys(str(before_bracket))
    browser.find_element(By.ID, "to").clear()
    browser.find_element(By.ID, "to").send_keys(str(last))
    press(browser, "Compare")
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert heading == f"Revision {before_bracket} compared with revision {last}", heading
    changed = browser.find_element(By.XPATH, "//ol[@class='comparison']/li[.//ins][.//del]")
    assert "each" in " ".join(e.text for e in changed.find_elements(By.TAG_NAME, "del"))
    assert "autumn" in " ".join(e.text for e in changed.find_elements(By.TAG_NAME, "ins"))
    browser.save_screenshot(str(output_dir / "text-compare.png"))
    sign_out(browser)


def test_a_facilitator_is_offered_no_status_action(server, browser):
    # The fisheries sample has no facilitator; the Riyadh sample's host is one. Facilitators may
    # comment on a clause but hold no agreement state and change no wording.
    sign_in(browser, server, "sa-facilitator")
    browser.get(server + "/mechanisms")
    submit(browser, browser.find_element(By.LINK_TEXT, "US–Russia consultations"))
    submit(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "The texts"))
    row = browser.find_element(By.XPATH, "//tr[td[contains(., 'Points agreed in Riyadh')]]")
    submit(browser, row.find_element(By.TAG_NAME, "a"))
    assert browser.find_elements(By.CSS_SELECTOR, "li.clause")
    links = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "main a")]
    assert "Comment" in links, links
    for offered in ("Set your side's status on this", "Support", "Propose an amendment", "Adopt this text"):
        assert offered not in links, links
    hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "main a")]
    assert not any("/actions/set-status" in h or "/actions/adopt" in h for h in hrefs), hrefs
