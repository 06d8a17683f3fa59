"""A generated WordPress export of a given size, for the bounded-memory test."""

HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Big Blog</title><link>https://big.example.org</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://big.example.org</wp:base_blog_url>
"""
PARAGRAPH = "A long paragraph about kites, gardens &amp; code, repeated to make a large export. "


def _post(number, paragraphs):
    body = "\n\n".join(f"<p>{PARAGRAPH * 4}</p>" for _ in range(paragraphs))
    comment = (
        f"<wp:comment><wp:comment_id>{number}</wp:comment_id><wp:comment_author>Reader</wp:comment_author>"
        "<wp:comment_date>2020-01-02 10:00:00</wp:comment_date><wp:comment_date_gmt>2020-01-02 09:00:00"
        "</wp:comment_date_gmt><wp:comment_content><![CDATA[Nice.]]></wp:comment_content>"
        "<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>"
    )
    return (
        f"<item><title>Post {number}</title><link>https://big.example.org/?p={number}</link>"
        f"<dc:creator>ada</dc:creator><content:encoded><![CDATA[{body}]]></content:encoded>"
        f"<wp:post_id>{number}</wp:post_id><wp:post_date>2020-01-01 10:00:00</wp:post_date>"
        f"<wp:post_date_gmt>2020-01-01 09:00:00</wp:post_date_gmt><wp:post_name>post-{number}</wp:post_name>"
        f"<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>{comment}</item>\n"
    )


def _menu_item(number, filler):
    # Weight the importer reads and skips: the reader must still drop it as it goes.
    return (
        f"<item><title>Menu {number}</title><content:encoded><![CDATA[{filler}]]></content:encoded>"
        f"<wp:post_id>{number}</wp:post_id><wp:post_type>nav_menu_item</wp:post_type></item>\n"
    )


def write_export(path, megabytes, posts=100):
    """Write an export of about `megabytes` MB with `posts` posts; the rest is skipped items."""
    filler = "x" * 20_000
    target = megabytes * 1_000_000
    with open(path, "w", encoding="utf-8") as handle:
        size = handle.write(HEADER)
        for number in range(1, posts + 1):
            size += handle.write(_post(number, paragraphs=3))
        number = 100_000
        while size < target:
            size += handle.write(_menu_item(number, filler))
            number += 1
        handle.write("</channel>\n</rss>\n")
    return path
