"""JSON-LD for posts: schema.org BlogPosting and BreadcrumbList, as plain dicts.

Templates print them with Jinja's `tojson`, which escapes them for a
<script> element; every string here must already be plain text.
"""

SCHEMA = "https://schema.org"


def blog_posting(*, headline, description, url, published, modified, authors, image_url=None):
    """A BlogPosting; `authors` is a list of (name, url) pairs."""
    data = {
        "@context": SCHEMA,
        "@type": "BlogPosting",
        "headline": headline,
        "description": description,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": published.isoformat(timespec="seconds"),
        "dateModified": (modified or published).isoformat(timespec="seconds"),
        "author": [{"@type": "Person", "name": name, "url": link} for name, link in authors],
    }
    if image_url:
        data["image"] = [image_url]
    return data


def breadcrumb_list(crumbs):
    """A BreadcrumbList from (name, url) pairs, outermost first."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }
