"""sitemap.xml: every page a reader can land on, once, with its last change."""

import fnmatch
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

from pressless.core.urls import url_for_file

SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: datetime
    # A post or page in several languages: (hreflang, absolute URL) of every
    # version, itself included, as search engines want them listed.
    alternates: tuple = ()


def is_excluded(relative_path, patterns):
    return any(fnmatch.fnmatch(relative_path, pattern) for pattern in patterns)


def newest_change(entries):
    """The latest `modified` (or `date`) of some posts or pages; None if none."""
    moments = [getattr(e, "modified", None) or getattr(e, "date", None) for e in entries]
    moments = [m for m in moments if m is not None]
    return max(moments, default=None)


def alternate_links(alternates):
    return "".join(
        f'<xhtml:link rel="alternate" hreflang="{escape(lang)}" href="{escape(url)}"/>'
        for lang, url in alternates
    )


def sitemap_xml(entries):
    """The sitemap document for entries, in the order given."""
    xhtml = f' xmlns:xhtml="{XHTML_NAMESPACE}"' if any(entry.alternates for entry in entries) else ""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{SITEMAP_NAMESPACE}"{xhtml}>',
    ]
    for entry in entries:
        lines.append(
            f"  <url><loc>{escape(entry.url)}</loc>"
            f"<lastmod>{entry.lastmod.isoformat(timespec='seconds')}</lastmod>"
            f"{alternate_links(entry.alternates)}</url>"
        )
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(site_url, sitemap_path):
    """robots.txt that lets every crawler in and names the sitemap (absolute)."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {url_for_file(site_url, sitemap_path)}\n"
