"""One pure function per share target, registered in a table by a decorator.

Each function takes a `SharePost` (absolute URL, plain-text title and
summary, image URL, X handle) and returns the URL a reader is sent to, or
None when the target makes no sense for that post (Pinterest needs an
image). Adding a network is adding one decorated function here and one icon
in icons.py.

Every value is percent-encoded with `quote(..., safe="")`: spaces become
%20 (never `+`, which mailto: would show literally), and `&`, `#`, `?`, `+`
in a title cannot end or split the query string.
"""

import functools
from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class SharePost:
    """What a share link is made of; every field is plain text."""

    url: str
    title: str
    summary: str = ""
    image_url: str | None = None
    x_via: str | None = None


@dataclass(frozen=True)
class Network:
    name: str
    label: str
    # link: opens `url` in a new window; mastodon: asks for the reader's
    # server first; copy / native / print: actions site.js adds.
    kind: str
    build: object


NETWORKS = {}


def network(name, label, kind="link"):
    """Register the decorated function as share target `name`."""

    def register(build):
        NETWORKS[name] = Network(name, label, kind, build)
        return build

    return register


@functools.lru_cache(maxsize=64)
def encode(value):
    # A post's URL and title go into most of its links: each is encoded once
    # (quote is pure Python; 60,000 calls cost 0.4 s at 5,000 posts).
    return quote(value, safe="")


def query(**params):
    """`key=value&...` with every value percent-encoded, None values left out."""
    return "&".join(f"{key}={encode(value)}" for key, value in params.items() if value)


def title_and_url(post):
    """The text of a post on networks that take one text box."""
    return f"{post.title} {post.url}"


@network("x", "X")
def x(post):
    return "https://x.com/intent/tweet?" + query(text=post.title, url=post.url, via=post.x_via)


@network("facebook", "Facebook")
def facebook(post):
    return "https://www.facebook.com/sharer/sharer.php?" + query(u=post.url)


@network("linkedin", "LinkedIn")
def linkedin(post):
    return "https://www.linkedin.com/sharing/share-offsite/?" + query(url=post.url)


@network("reddit", "Reddit")
def reddit(post):
    return "https://www.reddit.com/submit?" + query(url=post.url, title=post.title)


@network("hackernews", "Hacker News")
def hackernews(post):
    return "https://news.ycombinator.com/submitlink?" + query(u=post.url, t=post.title)


@network("bluesky", "Bluesky")
def bluesky(post):
    return "https://bsky.app/intent/compose?" + query(text=title_and_url(post))


@network("mastodon", "Mastodon", kind="mastodon")
def mastodon(post):
    # Mastodon has no central host: site.js asks the reader for theirs and
    # calls mastodon_share_url(); without JavaScript the link leads to a
    # section of the post's page that explains how to share by hand
    # (links.MASTODON_HELP_ID).
    return None


def mastodon_share_url(instance, post):
    """The share URL on the reader's own Mastodon server (site.js mirrors it)."""
    return f"https://{instance}/share?" + query(text=title_and_url(post))


@network("threads", "Threads")
def threads(post):
    return "https://www.threads.net/intent/post?" + query(text=title_and_url(post))


@network("telegram", "Telegram")
def telegram(post):
    return "https://t.me/share/url?" + query(url=post.url, text=post.title)


@network("whatsapp", "WhatsApp")
def whatsapp(post):
    return "https://wa.me/?" + query(text=title_and_url(post))


@network("pinterest", "Pinterest")
def pinterest(post):
    if not post.image_url:
        return None
    return "https://www.pinterest.com/pin/create/button/?" + query(
        url=post.url, media=post.image_url, description=post.title
    )


@network("tumblr", "Tumblr")
def tumblr(post):
    return "https://www.tumblr.com/widgets/share/tool?" + query(
        posttype="link", canonicalUrl=post.url, title=post.title, caption=post.summary
    )


@network("pocket", "Pocket")
def pocket(post):
    return "https://getpocket.com/save?" + query(url=post.url, title=post.title)


@network("email", "Email", kind="email")
def email(post):
    # RFC 6068: header values percent-encoded, line breaks in the body as CRLF.
    body = f"{post.summary}\r\n\r\n{post.url}" if post.summary else post.url
    return "mailto:?" + query(subject=post.title, body=body)


@network("print", "Print", kind="print")
def print_page(post):
    return None


@network("copy-link", "Copy link", kind="copy")
def copy_link(post):
    # Without JavaScript it is a plain link to the post; site.js turns it
    # into a copy-to-clipboard button.
    return post.url


@network("native", "Share…", kind="native")
def native_share(post):
    return None
