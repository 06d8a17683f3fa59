"""The whole import: two passes over the export, then the report.

Pass one reads every item cheaply to learn what the body conversion needs
to know in advance: each post's and page's slug (so links between posts
can be rewritten), the attachments (featured images, galleries, where
uploads live) and the old addresses. Pass two converts and writes one item
at a time. Memory holds these small indexes and one item, never the file.
"""

import html
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from . import addresses
from .body import Found, convert_body, convert_part, one_line_summary
from .comments import comment_files
from .dates import date_path
from .entries import HIDDEN, EntryPlan, entry_text, plan_status
from .images import Uploads
from .model import Channel
from .report import Report
from .slugs import SlugBook, page_slug_base, safe_slug
from .writer import SafeWriter
from .wxr import iter_items

ENTRY_TYPES = ("post", "page")
SKIPPED_TYPES = {
    "attachment": "attachments (their files are copied when a post uses them)",
    "nav_menu_item": "menu items",
    "revision": "revisions",
    "wp_block": "reusable blocks",
}


class ImportError_(Exception):
    """A run that cannot go on; the message is one line."""


@dataclass(frozen=True)
class Attachment:
    url: str
    title: str
    alt: str


@dataclass
class Index:
    """What pass one learnt."""

    channel: Channel = field(default_factory=Channel)
    entries: dict = field(default_factory=dict)  # post id -> EntryPlan
    attachments: dict = field(default_factory=dict)  # attachment id -> Attachment
    attachments_of: dict = field(default_factory=dict)  # parent post id -> [attachment id]
    old_links: dict = field(default_factory=dict)  # addresses.link_key -> '{filename}/posts/x.md'
    root: str = ""
    old_hosts: set = field(default_factory=set)


def build_index(export, uploads, regex_subs=None):
    index = Index()
    books = {"post": SlugBook(), "page": SlugBook()}
    linkable = []
    for item in iter_items(export, index.channel):
        if item.post_type == "attachment":
            url = item.attachment_url or item.link
            alt = html.unescape(item.meta.get("_wp_attachment_image_alt", "").strip())
            index.attachments[item.post_id] = Attachment(url, html.unescape(item.title), alt)
            index.attachments_of.setdefault(item.post_parent, []).append(item.post_id)
            uploads.learn_attachment(url)
        elif item.post_type in ENTRY_TYPES and item.status != "trash":
            fallback = f"{item.post_type}-{item.post_id}"
            base = safe_slug(item.post_name, html.unescape(item.title), fallback, regex_subs)
            if item.post_type == "page":
                base = page_slug_base(base)
            status, future, password = plan_status(item)
            plan = EntryPlan(item.post_type, books[item.post_type].claim(base), status, future, password)
            index.entries[item.post_id] = plan
            if status in (None, HIDDEN) and not future:
                linkable.append((item.link, item.post_id, plan))
    channel = index.channel
    index.root = addresses.blog_root(channel)
    for url in (channel.link, channel.base_blog_url):
        uploads.learn_site(url)
        if urlsplit(url or "").hostname:
            index.old_hosts.add(urlsplit(url).hostname.lower())
    for link, post_id, plan in linkable:
        target = "{filename}/" + plan.relative_path
        shortlink = f"/?p={post_id}" if plan.kind == "post" else f"/?page_id={post_id}"
        for path in (addresses.old_path(link, index.root) if link else None, shortlink):
            if path and path != "/":
                index.old_links.setdefault(addresses.link_key(path), target)
    return index


class _ItemContext:
    """What converting one item's body may ask: rewritten URLs, gallery images."""

    def __init__(self, run, item):
        self.run, self.item = run, item

    def rewrite_url(self, url):
        return self.run.rewrite_url(url)

    def gallery(self, ids):
        attachments = self.run.index.attachments
        ids = ids or self.run.index.attachments_of.get(self.item.post_id, [])
        return [(attachments[i].title, attachments[i].url) for i in ids if i in attachments]


class ImportRun:
    def __init__(self, export, content, uploads_dir=None, dry_run=False, regex_subs=None):
        self.export = Path(export)
        self.content = Path(content)
        self.dry_run = dry_run
        self.regex_subs = regex_subs
        self.uploads = Uploads(uploads_dir)
        self.report = Report()
        self.writer = SafeWriter(self.content, dry_run)
        self.index = None
        self.copied = {}

    def rewrite_url(self, url):
        relative = self.uploads.relative_path(url)
        if relative is not None:
            return self._upload_link(url, relative)
        parts = urlsplit(url)
        on_old_host = (parts.hostname or "").lower() in self.index.old_hosts
        site_relative = not parts.scheme and not parts.netloc and url.startswith("/")
        if on_old_host or site_relative:
            without_fragment = url.split("#", 1)[0]
            key = addresses.link_key(addresses.old_path(without_fragment, self.index.root))
            target = self.index.old_links.get(key)
            if target:
                return target + (f"#{parts.fragment}" if parts.fragment else "")
        return url

    def _upload_link(self, url, relative):
        copied = self.copy_upload(relative)
        if copied:
            return "{static}/" + copied
        self._unconverted_upload(url)
        return url

    def _unconverted_upload(self, url):
        listed = self.report.missing_uploads if self.uploads.uploads_dir else self.report.old_host_images
        listed.add(url)

    def copy_upload(self, relative):
        """content-relative path of the copied file, or None when there is no file to copy."""
        if relative in self.copied:
            return self.copied[relative]
        source = self.uploads.source_file(relative)
        target = self.uploads.content_path(relative) if source else None
        if source:
            self._done(target, self.writer.copy_file(target, source))
            self.report.imported["images copied"] += 1
        self.copied[relative] = target
        return target

    def _done(self, path, action):
        self.report.file_done(path, action)

    def run(self):
        self.index = build_index(self.export, self.uploads, self.regex_subs)
        for item in iter_items(self.export, Channel()):
            plan = self.index.entries.get(item.post_id) if item.post_type in ENTRY_TYPES else None
            if plan is None:
                reason = SKIPPED_TYPES.get(item.post_type, f"{item.post_type or 'untyped'} items")
                if item.status == "trash":
                    reason = "trash"
                self.report.skipped_items[reason] += 1
                continue
            self._import_entry(item, plan)
        self.writer.save_manifest()
        return self.report

    def _import_entry(self, item, plan):
        found = Found()
        context = _ItemContext(self, item)
        body, teaser = convert_body(item.content, context, found)
        summary = None
        if item.excerpt.strip():
            summary = one_line_summary(convert_part(item.excerpt, context, Found(), autop=True))
        elif teaser:
            summary = one_line_summary(teaser)
        for name in found.unknown_shortcodes:
            self.report.unknown_shortcodes[name] += 1
        image, image_alt = self._featured_image(item)
        redirects = []
        if plan.status in (None, HIDDEN) and item.link:
            new_path = f"{date_path(item.post_date)}/{plan.slug}/" if plan.kind == "post" else f"{plan.slug}/"
            redirects = addresses.redirect_paths(item, plan.kind, new_path, self.index.root)
        text = entry_text(
            item, plan,
            author=self.index.channel.authors.get(item.creator, item.creator),
            body=body, summary=summary, image=image, image_alt=image_alt, redirects=redirects,
        )
        self._done(plan.relative_path, self.writer.write_text(plan.relative_path, text))
        self._count(item, plan, redirects)
        self._import_comments(item, plan)

    def _featured_image(self, item):
        attachment = self.index.attachments.get(item.meta.get("_thumbnail_id", "").strip())
        if attachment is None:
            return None, None
        relative = self.uploads.relative_path(attachment.url)
        copied = self.copy_upload(relative) if relative else None
        if not copied:
            self._unconverted_upload(attachment.url)
            return None, None
        return copied, attachment.alt or None

    def _count(self, item, plan, redirects):
        imported = self.report.imported
        imported["posts" if plan.kind == "post" else "pages"] += 1
        imported["redirects"] += len(redirects)
        if plan.status == "draft":
            imported["drafts"] += 1
        if plan.status == HIDDEN:
            imported["private (hidden)"] += 1
        if plan.future:
            imported["scheduled"] += 1
        if plan.kind == "post" and item.is_sticky == "1":
            imported["sticky"] += 1
        if plan.password:
            self.report.notes.append(
                f"{plan.relative_path}: password-protected in WordPress; imported as a draft"
            )

    def _import_comments(self, item, plan):
        if not item.comments:
            return
        if plan.kind != "post":
            # Pressless shows comments under posts only.
            self.report.skipped_comments["on a page"] += len(item.comments)
            return
        files, skipped = comment_files(item.comments, plan.slug)
        self.report.skipped_comments.update(skipped)
        for comment in files:
            self._done(comment.relative_path, self.writer.write_text(comment.relative_path, comment.text))
            self.report.imported["pending comments" if comment.pending else "comments"] += 1


def import_wordpress(export, content, uploads_dir=None, dry_run=False, regex_subs=None):
    """Import `export` into the content folder `content`; returns the Report.

    Raises wxr.ExportError or writer.ManifestError with a one-line message.
    """
    if uploads_dir is not None and not Path(uploads_dir).is_dir():
        raise ImportError_(f"{uploads_dir}: --uploads must be a folder (the old wp-content/uploads)")
    return ImportRun(export, content, uploads_dir, dry_run, regex_subs).run()
