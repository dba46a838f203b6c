# Helpers for the tests of the HTML views: render a page in headless
# Chromium (Debian's chromium) and look at the result.  Load after
# helpers.bash (it uses T).

# browser_need: skip the test, saying why, unless chromium is installed.
browser_need() {
	command -v chromium >/dev/null 2>&1 ||
		skip "chromium is not installed (build-aux/install-deps installs it)"
}

# browser_run ARGS... PAGE: run headless chromium on the local file PAGE.
browser_run() {
	local page=${*: -1}
	set -- "${@:1:$#-1}"
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
		--no-first-run --no-default-browser-check --disable-extensions \
		--user-data-dir="$T/chromium-profile" "$@" "file://$page" 2>/dev/null
}

# browser_dom PAGE: the DOM of PAGE after rendering, on standard output.
browser_dom() {
	browser_run --dump-dom "$1"
}

# browser_shot PAGE PNG [WIDTH,HEIGHT]: a screenshot of PAGE in PNG.
browser_shot() {
	rm -f "$2"
	browser_run --hide-scrollbars --window-size="${3:-1200,900}" \
		--screenshot="$2" "$1" >/dev/null
	[ -s "$2" ]
}

# png_not_blank PNG [MIN]: fail unless the picture holds at least MIN
# (default 3) distinct colours and at least 1% of its pixels differ from
# the most common colour (a blank or one-colour page fails).
png_not_blank() {
	python3 "$TABLOID_SRCDIR/tests/pngcheck.py" "$1" "${2:-3}"
}
