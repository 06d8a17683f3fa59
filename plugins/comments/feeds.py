"""Atom feeds of comments: one for the whole site, one per post."""

from feedgenerator import Atom1Feed, get_tag_uri

from pressless.core.text import plain_text


def comment_link(comment, site_url):
    return f"{site_url}/{comment.post.url}#comment-{comment.id}"


def comments_feed(*, title, site_url, page_path, feed_path, comments, language=None, with_post_title=True,
                  empty_updated=None):
    """Atom XML (a str) listing `comments`, newest first.

    `site_url` is the absolute site root; `page_path` (the page the feed is
    about) and `feed_path` are relative to it. Every comment needs `.post`.
    A per-post feed passes with_post_title=False: its entries read "By: NAME".
    A feed with no comments says it was updated at `empty_updated` (the post's
    date) rather than at build time, so an unchanged site builds byte for byte
    the same and a publish uploads only what changed.
    """
    feed = Atom1Feed(
        title=title,
        link=f"{site_url}/{page_path}",
        description="",
        language=language,
        feed_url=f"{site_url}/{feed_path}",
    )
    for comment in sorted(comments, key=lambda c: (c.date, c.id), reverse=True):
        url = comment_link(comment, site_url)
        entry_title = f"By: {comment.author}"
        if with_post_title:
            entry_title = f"Comment on {plain_text(comment.post.title)} by {comment.author}"
        feed.add_item(
            title=entry_title,
            link=url,
            description=plain_text(comment.html)[:300],
            content=str(comment.html),
            author_name=comment.author,
            author_link=comment.url or None,
            pubdate=comment.date,
            updateddate=comment.date,
            unique_id=get_tag_uri(url, comment.date),
        )
    if not comments and empty_updated is not None:
        feed.latest_post_date = lambda: empty_updated
    return feed.writeString("utf-8")
