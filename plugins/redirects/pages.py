"""Which redirect pages to write: pure, so it is tested without a build."""

from dataclasses import dataclass

from pressless.core.redirects import entry_redirects, is_plain_path, redirect_page_file


@dataclass(frozen=True)
class RedirectPage:
    file: str  # output-relative, e.g. 'archives/12/index.html'
    old: str  # the old address, '/archives/12'
    entry: object  # the post or page it leads to


def plan_redirect_pages(entries, *, taken=frozenset()):
    """(pages to write, problems) for the entries' `Redirect_From:` paths.

    Query-string addresses are skipped silently (the host's redirect file
    answers them). A path that no file can answer, or whose file the site
    already has (`taken` output names), is reported
    and skipped: a redirect never replaces a real page (Pelican's writer also
    refuses to replace a listing page written earlier in the build). The first entry to
    ask for a path gets it.
    """
    by_source = {getattr(entry, "source_path", ""): entry for entry in entries}
    pages, problems, claimed = [], [], {}
    for redirect in entry_redirects(entries):
        if not is_plain_path(redirect.old):
            if not redirect.old.startswith("/?") and "?" not in redirect.old:
                problems.append(
                    f"{redirect.source}: Redirect_From {redirect.old!r} is not a site-relative path "
                    "starting with '/'; skipped"
                )
            continue
        name = redirect_page_file(redirect.old)
        if name is None:
            problems.append(
                f"{redirect.source}: Redirect_From {redirect.old!r} names no file a site can hold; skipped"
            )
            continue
        if name in claimed:
            if claimed[name] != redirect.source:
                problems.append(
                    f"{redirect.source}: Redirect_From {redirect.old!r} is also claimed by {claimed[name]}; "
                    "the first one keeps it"
                )
            continue
        if name in taken:
            problems.append(
                f"{redirect.source}: Redirect_From {redirect.old!r} is a page of this site; not replaced"
            )
            continue
        claimed[name] = redirect.source
        pages.append(RedirectPage(name, redirect.old, by_source.get(redirect.source)))
    return pages, problems
