"""Render one planned post, page or comment as the file each engine reads.

The Markdown body is identical for Pelican, Hugo and Jekyll; only the
metadata header differs. Strings in YAML front matter are written with
json.dumps: a JSON string is also a valid YAML double-quoted scalar, so
colons and quotes in titles need no special handling.
"""

import json


def pelican_post(post):
    header = [
        f"Title: {post.title}",
        f"Date: {post.date:%Y-%m-%d %H:%M}",
        f"Category: {post.category}",
        f"Tags: {', '.join(post.tags)}",
        f"Author: {post.author}",
        f"Summary: {post.summary}",
        f"Slug: {post.slug}",
    ]
    return "\n".join(header) + "\n\n" + post.body


def pelican_page(page):
    return f"Title: {page.title}\nSlug: {page.slug}\n\n{page.body}"


def pelican_comment(comment):
    header = [f"Author: {comment.author}", f"Date: {comment.date:%Y-%m-%d %H:%M}"]
    if comment.reply_to:
        header.append(f"Reply-To: {comment.reply_to}")
    return "\n".join(header) + "\n\n" + comment.body


def _yaml_list(values):
    return "[" + ", ".join(json.dumps(value) for value in values) + "]"


def hugo_post(post):
    front = [
        f"title: {json.dumps(post.title)}",
        f"date: {post.date:%Y-%m-%dT%H:%M:%S}",
        f"categories: {_yaml_list([post.category])}",
        f"tags: {_yaml_list(post.tags)}",
        # A list, because Hugo keys taxonomies by their plural name.
        f"authors: {_yaml_list([post.author])}",
        f"summary: {json.dumps(post.summary)}",
        f"slug: {json.dumps(post.slug)}",
    ]
    return "---\n" + "\n".join(front) + "\n---\n\n" + post.body


def hugo_page(page):
    return f"---\ntitle: {json.dumps(page.title)}\nslug: {json.dumps(page.slug)}\n---\n\n{page.body}"


def jekyll_post(post):
    front = [
        f"title: {json.dumps(post.title)}",
        f"date: {post.date:%Y-%m-%d %H:%M:%S}",
        f"categories: {_yaml_list([post.category])}",
        f"tags: {_yaml_list(post.tags)}",
        f"author: {json.dumps(post.author)}",
        # Jekyll's own name for a hand-written summary; without it Jekyll
        # renders the first paragraph of every post a second time.
        f"excerpt: {json.dumps(post.summary)}",
        f"slug: {json.dumps(post.slug)}",
    ]
    return "---\n" + "\n".join(front) + "\n---\n\n" + post.body


def jekyll_page(page):
    front = f"title: {json.dumps(page.title)}\npermalink: /{page.slug}/"
    return f"---\n{front}\n---\n\n{page.body}"


def jekyll_post_name(post):
    return f"{post.date:%Y-%m-%d}-{post.slug}.md"
