"""Write a deterministic blog corpus for Pelican, Hugo and Jekyll.

    python bench/corpus.py --posts 1000 --out bench/work/corpus-1000

Writes, under OUT:
  content/posts/*.md, content/pages/*.md      Pelican (Pressless and vanilla)
  content/comments/<post-slug>/<id>.md         comments for about a third of posts
  hugo/content/posts/*.md, hugo/content/pages  the same posts, YAML front matter
  jekyll/_posts/YYYY-MM-DD-slug.md, jekyll/*.md
  manifest.json                                every post's file in each tree

Same --seed and --posts give byte-identical files (stdlib only, one
random.Random, no clock, no set iteration order).
"""

import argparse
import json
import random
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import corpus_formats as formats
import corpus_text as text

CATEGORIES = [
    "Gardening",
    "Travel",
    "Cooking",
    "Software",
    "Photography",
    "Books",
    "Cycling",
    "Home Repair",
]
TAGS = sorted(set(text.NOUNS[:40]))
AUTHORS = ["Maren Holt", "Jonas Pike", "Ada Fenwick"]
COMMENTERS = ["Priya", "Tom B.", "Lena", "Oskar", "Grace", "Yusuf", "Mia", "Dev", "Ruth"]
# Noon-ish hours only: a post's calendar day then stays the same in any
# timezone an engine might apply, so Jekyll file names and URLs agree.
FIRST_DAY = datetime(2012, 1, 2)
LAST_DAY = datetime(2024, 12, 30)


@dataclass
class Post:
    slug: str
    title: str
    date: datetime
    category: str
    tags: list
    author: str
    summary: str
    body: str


@dataclass
class Page:
    slug: str
    title: str
    body: str


@dataclass
class Comment:
    post_slug: str
    id: str
    author: str
    date: datetime
    reply_to: str
    body: str


def slugify(value):
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def zipf_weights(count):
    # A few popular categories and tags and a long tail, like a real blog.
    return [1 / (rank + 1) for rank in range(count)]


def plan_posts(rng, count):
    posts, used_slugs = [], set()
    span_minutes = (LAST_DAY - FIRST_DAY).total_seconds() / 60
    tag_weights = zipf_weights(len(TAGS))
    for index in range(count):
        title = text.title(rng)
        slug = slugify(title)
        if slug in used_slugs:
            slug = f"{slug}-{index}"
        used_slugs.add(slug)
        day = FIRST_DAY + timedelta(minutes=span_minutes * index / max(count, 1))
        date = day.replace(hour=rng.randint(9, 18), minute=rng.randint(0, 59), second=0)
        tags = []
        while len(tags) < rng.randint(1, 4):
            tag = rng.choices(TAGS, tag_weights)[0]
            if tag not in tags:
                tags.append(tag)
        posts.append(
            Post(
                slug=slug,
                title=title,
                date=date,
                category=rng.choices(CATEGORIES, zipf_weights(len(CATEGORIES)))[0],
                tags=tags,
                author=rng.choice(AUTHORS),
                summary=text.sentence(rng),
                body=text.post_body(rng),
            )
        )
    return posts


def plan_pages(rng):
    return [
        Page("about", "About", text.paragraph(rng) + "\n\n" + text.paragraph(rng) + "\n"),
        Page("colophon", "Colophon", text.paragraph(rng) + "\n"),
    ]


def plan_comments(rng, posts):
    comments = []
    for post in posts:
        if rng.random() >= 1 / 3:
            continue
        thread = []
        date = post.date
        for number in range(1, rng.randint(1, 6) + 1):
            # About a third of later comments answer an earlier one.
            parent = rng.choice(thread).id if thread and rng.random() < 0.35 else ""
            comment = Comment(
                post_slug=post.slug,
                id=f"{number:03d}",
                author=rng.choice(COMMENTERS),
                date=(date := date + timedelta(hours=rng.randint(1, 20))),
                reply_to=parent,
                body=text.comment_body(rng),
            )
            thread.append(comment)
        comments.extend(thread)
    return comments


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    # newline="\n": byte-identical output regardless of platform.
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(content)


def write_corpus(out, posts, pages, comments, seed):
    manifest = []
    for post in posts:
        files = {
            "pelican": f"content/posts/{post.slug}.md",
            "hugo": f"hugo/content/posts/{post.slug}.md",
            "jekyll": f"jekyll/_posts/{formats.jekyll_post_name(post)}",
        }
        write(out / files["pelican"], formats.pelican_post(post))
        write(out / files["hugo"], formats.hugo_post(post))
        write(out / files["jekyll"], formats.jekyll_post(post))
        manifest.append({"slug": post.slug, "files": files})
    for page in pages:
        write(out / f"content/pages/{page.slug}.md", formats.pelican_page(page))
        write(out / f"hugo/content/pages/{page.slug}.md", formats.hugo_page(page))
        write(out / f"jekyll/{page.slug}.md", formats.jekyll_page(page))
    for comment in comments:
        path = out / f"content/comments/{comment.post_slug}/{comment.id}.md"
        write(path, formats.pelican_comment(comment))
    summary = {"seed": seed, "posts": manifest, "pages": len(pages), "comments": len(comments)}
    write(out / "manifest.json", json.dumps(summary, indent=1) + "\n")


def generate(out, post_count, seed=1):
    rng = random.Random(seed)
    posts = plan_posts(rng, post_count)
    pages = plan_pages(rng)
    comments = plan_comments(rng, posts)
    for tree in ("content", "hugo", "jekyll", "manifest.json"):
        target = out / tree
        if target.is_dir():
            # Stale files from a bigger earlier corpus would skew the build.
            shutil.rmtree(target)
    write_corpus(out, posts, pages, comments, seed)
    return len(posts), len(comments)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    post_count, comment_count = generate(args.out, args.posts, args.seed)
    print(f"wrote {post_count} posts and {comment_count} comments to {args.out}")


if __name__ == "__main__":
    main()
