"""Page weight per page type, measured in Chromium from a local server.

Every request a page makes is recorded with the bytes it transferred (the
server compresses text as production servers do) and its size once decoded.
A request to any other host is a failure; so is a post page over the budget.
"""

from pathlib import PurePosixPath
from urllib.parse import urlsplit

from .result import CheckResult

KINDS = {  # Playwright resource type → report column
    "document": "html",
    "stylesheet": "css",
    "script": "js",
    "image": "images",
    "font": "fonts",
}
COLUMNS = ["html", "css", "js", "images", "fonts", "other"]
# A post page, images aside, in bytes on the wire (KB = 1,000 bytes).
POST_BUDGET_BYTES = 30_000
BUDGETED_ROLES = {"post"}


# The browser files the favicon under "other"; its extension tells the kind.
KINDS_BY_EXTENSION = {
    **dict.fromkeys((".svg", ".ico", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"), "images"),
    **dict.fromkeys((".woff2", ".woff", ".ttf", ".otf"), "fonts"),
}


def kind_of(resource_type, url=""):
    if resource_type in KINDS:
        return KINDS[resource_type]
    return KINDS_BY_EXTENSION.get(PurePosixPath(urlsplit(url).path).suffix.lower(), "other")


def measure_page(browser, base_url, url_path, site_address=None):
    """{'requests': [...], 'external': [...], 'failed': [...]} for one fresh load.

    Requests to `site_address` (the site's own absolute address) are its own files, not another host's.
    """
    own = tuple(f"{address.rstrip('/')}/" for address in (base_url, site_address) if address)
    external, finished, failed = [], [], []
    context = browser.new_context()  # a fresh context has an empty cache

    def block_other_hosts(route):
        external.append(route.request.url)
        route.abort()

    try:
        context.route(lambda url: not url.startswith(own), block_other_hosts)
        page = context.new_page()
        page.on("requestfinished", lambda request: finished.append(request))
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.goto(base_url + url_path, wait_until="networkidle")
        requests = [_measure_request(request) for request in finished]
    finally:
        context.close()
    failed = [url for url in failed if url not in external]
    return {"requests": requests, "external": external, "failed": failed}


def _measure_request(request):
    sizes = request.sizes()
    response = request.response()
    try:
        decoded = len(response.body()) if response else 0
    except Exception:  # a redirect has no body to read
        decoded = 0
    return {
        "url": request.url,
        "kind": kind_of(request.resource_type, request.url),
        "status": response.status if response else None,
        "transferred": sizes["responseBodySize"] + sizes["responseHeadersSize"],
        "decoded": decoded,
    }


def totals(requests):
    """{column: {'requests', 'transferred', 'decoded'}} plus 'all'."""
    table = {column: {"requests": 0, "transferred": 0, "decoded": 0} for column in [*COLUMNS, "all"]}
    for request in requests:
        for column in (request["kind"], "all"):
            table[column]["requests"] += 1
            table[column]["transferred"] += request["transferred"]
            table[column]["decoded"] += request["decoded"]
    return table


def without_images(table):
    return table["all"]["transferred"] - table["images"]["transferred"]


def format_table(rows):
    """rows: {label: totals}. A fixed-width table of KB and request counts."""
    header = f"{'page':<14}" + "".join(f"{column:>11}" for column in [*COLUMNS, "all"])
    lines = [header, f"{'':<14}KB on the wire (number of requests); decoded sizes in the JSON"]
    for label, table in rows.items():
        cells = "".join(
            f"{table[column]['transferred'] / 1000:>6.1f} ({table[column]['requests']:>2})"
            for column in [*COLUMNS, "all"]
        )
        lines.append(f"{label[:14]:<14}{cells}")
    return lines


def check_page_weight(browser, base_url, pages, budget=POST_BUDGET_BYTES, site_address=None):
    """pages: {label (a role or a URL path): URL path}."""
    failures, rows, data = [], {}, {}
    for label, url_path in pages.items():
        measured = measure_page(browser, base_url, url_path, site_address)
        table = totals(measured["requests"])
        rows[label] = table
        data[label] = {"url": url_path, "totals": table, **measured}
        failures += [f"{url_path}: request to another host: {url}" for url in measured["external"]]
        failures += [f"{url_path}: request failed: {url}" for url in measured["failed"]]
        failures += [
            f"{url_path}: {request['url']} answered {request['status']}"
            for request in measured["requests"]
            if (request["status"] or 0) >= 400
        ]
        if label in BUDGETED_ROLES and without_images(table) > budget:
            failures.append(
                f"{url_path}: {without_images(table):,} bytes transferred without "
                f"images, over the {budget:,}-byte budget for a {label}"
            )
    post_note = [
        f"post page without images: {without_images(rows[label]):,} bytes transferred (budget {budget:,})"
        for label in rows
        if label in BUDGETED_ROLES
    ]
    return CheckResult(
        name="Page weight (Chromium, local server with gzip)",
        summary=f"{len(pages)} page types, {len(failures)} problems",
        failures=failures,
        notes=format_table(rows) + post_note,
        data=data,
    )
