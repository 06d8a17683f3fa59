"""What an import did: counts, skips by reason, and what was not converted."""

from collections import Counter
from dataclasses import dataclass, field

from .writer import ACTIONS

SHOWN_PER_LIST = 20


@dataclass
class Report:
    imported: Counter = field(default_factory=Counter)  # posts, pages, drafts, ...
    skipped_items: Counter = field(default_factory=Counter)  # reason -> count
    skipped_comments: Counter = field(default_factory=Counter)
    files: Counter = field(default_factory=Counter)  # writer action -> count
    kept_files: list = field(default_factory=list)  # (path, action), for files not written
    unknown_shortcodes: Counter = field(default_factory=Counter)  # name -> posts using it
    old_host_images: set = field(default_factory=set)  # links left pointing at the old host
    missing_uploads: set = field(default_factory=set)  # not found under --uploads
    notes: list = field(default_factory=list)
    plan: list = field(default_factory=list)  # (path, action) of every file, for a dry run

    def file_done(self, path, action):
        self.files[action] += 1
        self.plan.append((path, action))
        if action.startswith("kept"):
            self.kept_files.append((path, action))

    def lines(self, dry_run=False):
        verb = "would be" if dry_run else ""
        lines = [f"{action}: {path}" for path, action in self.plan] if dry_run else []
        lines += [
            "Imported: " + _counts(self.imported, ("posts", "pages", "drafts", "private (hidden)",
                                                   "scheduled", "sticky", "redirects", "images copied"),
                                   only=True)
            + (f" ({verb} written)" if dry_run else ""),
            "Comments: " + _counts(self.imported, ("comments", "pending comments"), only=True),
        ]
        if self.skipped_comments:
            lines.append("Comments skipped: " + _counts(self.skipped_comments))
        if self.skipped_items:
            lines.append("Items skipped: " + _counts(self.skipped_items))
        lines.append("Files: " + _counts(self.files, ACTIONS))
        for path, action in self.kept_files[:SHOWN_PER_LIST]:
            lines.append(f"  {path}: {action}")
        lines += _more(self.kept_files)
        if self.unknown_shortcodes:
            lines.append(
                "Unknown shortcodes, left as text: "
                + ", ".join(f"[{name}] in {count}" for name, count in sorted(self.unknown_shortcodes.items()))
            )
        for title, links in (
            ("Links still pointing at the old host's uploads (use --uploads DIR)", self.old_host_images),
            ("Uploads not found under --uploads (links kept)", self.missing_uploads),
        ):
            if links:
                lines.append(f"{title}: {len(links)}")
                lines += [f"  {link}" for link in sorted(links)[:SHOWN_PER_LIST]]
                lines += _more(links)
        lines += self.notes[:SHOWN_PER_LIST] + _more(self.notes)
        return lines


def _counts(counter, order=(), only=False):
    keys = [key for key in order if counter.get(key)]
    if not only:
        keys += sorted(key for key in counter if key not in order)
    if not keys:
        return "none"
    return ", ".join(f"{counter[key]} {key}" for key in keys if counter[key])


def _more(items):
    return [f"  ... and {len(items) - SHOWN_PER_LIST} more"] if len(items) > SHOWN_PER_LIST else []
