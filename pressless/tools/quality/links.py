"""Internal links: every URL a page points to inside the site is a file there.

Fragment links (#id) must name an element id on the target page. Links to
other hosts are listed, never fetched.
"""

from collections import Counter
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import html

from .result import CheckResult
from .site import file_for, html_files, url_of

# Where the site lives while we resolve links; any host we never serve.
BASE = "http://site.invalid"
URL_ATTRIBUTES = {  # tag: attributes holding one URL
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src",),
    "script": ("src",),
    "source": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "form": ("action",),
    "object": ("data",),
}
SRCSET_TAGS = ("img", "source")
NOT_FETCHED = ("mailto", "tel", "javascript", "data", "sms", "geo")


def page_links(file):
    """[(tag, attribute, url)] for every URL in an HTML file."""
    tree = html.parse(str(file))
    found = []
    for tag, attributes in URL_ATTRIBUTES.items():
        for element in tree.iter(tag):
            for attribute in attributes:
                value = element.get(attribute)
                if value is not None and value.strip():
                    found.append((tag, attribute, value.strip()))
    for tag in SRCSET_TAGS:
        for element in tree.iter(tag):
            for candidate in srcset_urls(element.get("srcset", "")):
                found.append((tag, "srcset", candidate))
    return found


def srcset_urls(srcset):
    """The URLs of a srcset: 'a.jpg 1x, b.jpg 2x' → ['a.jpg', 'b.jpg']."""
    return [part.split()[0] for part in srcset.split(",") if part.split()]


@cache
def element_ids(file):
    """Every id (and old-style <a name>) a fragment may point to in a page."""
    tree = html.parse(str(file))
    return frozenset(tree.xpath("//@id") + tree.xpath("//a/@name"))


def classify(page_url, link, site_urls=()):
    """('internal', path, fragment), ('external', url, None) or ('skip', link, None).

    `site_urls` are the site's own absolute addresses (its SITEURL): a link
    written with one of them points inside the site too.
    """
    for site_url in site_urls:
        if site_url and link.startswith(site_url.rstrip("/") + "/"):
            link = link[len(site_url.rstrip("/")) :]
    absolute = urljoin(BASE + page_url, link)
    parts = urlsplit(absolute)
    if parts.scheme in NOT_FETCHED:
        return "skip", link, None
    if f"{parts.scheme}://{parts.netloc}" != BASE:
        return ("external", absolute, None) if parts.scheme in ("http", "https") else ("skip", link, None)
    return "internal", unquote(parts.path), unquote(parts.fragment)


def link_problem(root, path, fragment):
    """None when the link resolves, else what is wrong with it."""
    target = file_for(root, path)
    if target is None:
        return "no such file"
    # Text fragments and a bare "#" (top of page) need no element.
    if (
        fragment
        and not fragment.startswith(":~:")
        and target.suffix == ".html"
        and fragment not in element_ids(target)
    ):
        return f"no element with id “{fragment}” on {url_of(root, target)}"
    return None


def check_links(site, site_urls=()):
    root = Path(site)
    element_ids.cache_clear()
    failures, external, checked = [], Counter(), 0
    files = html_files(root)
    for file in files:
        page_url = url_of(root, file)
        for tag, attribute, link in page_links(file):
            kind, target, fragment = classify(page_url, link, site_urls)
            if kind == "external":
                external[target] += 1
            elif kind == "internal":
                checked += 1
                problem = link_problem(root, target, fragment)
                if problem:
                    failures.append(f'{page_url}: <{tag} {attribute}="{link}">: {problem}')
    hosts = Counter(urlsplit(url).netloc for url in external.elements())
    notes = ["links to other hosts, listed, not fetched (every URL is in the JSON report):"]
    notes += [f"  {host} ({count}×)" for host, count in sorted(hosts.items())]
    if site_urls:
        notes.append(f"links to {', '.join(site_urls)} were checked as internal")
    return CheckResult(
        name="Internal links",
        summary=f"{checked} internal links on {len(files)} pages, {len(failures)} broken; "
        f"{len(external)} external URLs not fetched",
        failures=failures,
        notes=notes,
        data={"internal_links": checked, "broken": failures, "external": dict(external)},
    )
