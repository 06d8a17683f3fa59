"""What a WordPress export holds, as plain records read by wxr.py."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Term:
    domain: str  # 'category', 'post_tag', or a custom taxonomy
    nicename: str
    name: str


@dataclass(frozen=True)
class WxrComment:
    id: str
    author: str
    email: str
    url: str
    date: str  # 'YYYY-MM-DD HH:MM:SS', the blog's local time
    date_gmt: str
    content: str
    approved: str  # '1', '0', 'spam', 'trash', 'post-trashed'
    type: str  # '', 'comment', 'pingback', 'trackback'
    parent: str  # '0' for none


@dataclass
class Item:
    """One <item>: a post, page, attachment, menu item..."""

    post_id: str = ""
    title: str = ""
    link: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_modified: str = ""
    post_modified_gmt: str = ""
    post_name: str = ""
    status: str = ""
    post_parent: str = "0"
    post_type: str = ""
    post_password: str = ""
    is_sticky: str = "0"
    attachment_url: str = ""
    terms: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)


@dataclass
class Channel:
    """The export's site-wide facts, read before its items."""

    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""
    authors: dict = field(default_factory=dict)  # login -> display name
