# Headless Chromium for the browser tests: Debian's chromium and chromium-driver, driven by
# selenium from PyPI. Source this file, then call `browser_install`; it installs only what is
# missing.

browser_install() {
    if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
        echo "browser.sh: installing chromium and chromium-driver with apt-get" >&2
        apt-get update >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver >&2
    fi
    python3 -c "import selenium, pytest" 2>/dev/null || python3 -m pip install --quiet selenium pytest
}
