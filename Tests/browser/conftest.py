"""A real `parley serve --demo` on a loopback port and a real headless Chromium, for the browser
tests. PARLEY_BINARY names the built `parley` (scripts/test sets it); screenshots go to
PARLEY_TEST_OUTPUT (default test-output/browser)."""

import os
import pathlib
import re
import subprocess
import tempfile
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
PASSWORD = "browser-test-password"


@pytest.fixture(scope="session")
def output_dir():
    path = pathlib.Path(os.environ.get("PARLEY_TEST_OUTPUT", REPOSITORY / "test-output" / "browser"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("PARLEY_BINARY", str(REPOSITORY / ".build" / "debug" / "parley"))
    workdir = tempfile.mkdtemp(prefix="parley-browser-")
    env = dict(os.environ, PARLEY_DEMO_PASSWORD=PASSWORD)
    env.pop("PARLEY_DATABASE_URL", None)
    env.pop("PARLEY_PORT", None)
    log = open(os.path.join(workdir, "server.log"), "wb")
    process = subprocess.Popen(
        [binary, "serve", "--demo", "--port", "0"],
        cwd=workdir,
        env=env,
        stdout=subprocess.PIPE,
        stderr=log,
    )
    printed = b""
    deadline = time.monotonic() + 120
    port = None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        printed += line
        match = re.search(rb"Parley listening on http://127\.0\.0\.1:(\d+)\n", printed)
        if match:
            port = int(match.group(1))
            break
    if port is None:
        process.kill()
        raise RuntimeError("parley serve --demo printed no address: " + printed.decode(errors="replace"))
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=20)
    log.close()


@pytest.fixture()
def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()
