"""Checks of what Pelican made of the content, after reading and before writing.

The header checks (checks.py) see what the author wrote; these see what
Pelican made of it: a slug made from a title, the file each entry will be
written to, the links between files. Each returns Problems; nothing here
writes or raises.
"""

from pathlib import Path

from pelican.generators import ArticlesGenerator

from pressless.core.entries import entry_sets, source_of
from pressless.core.errors import Problem
from pressless.core.header import read_header_file
from pressless.core.links import missing_links
from pressless.core.slugs import output_collisions, slug_problem


def _line(entry, key):
    try:
        return read_header_file(entry.source_path).line(key)
    except (OSError, UnicodeDecodeError, TypeError):
        return 1


def _written(entries):
    """The entries that get a page of their own."""
    return [entry for entry in entries if getattr(entry, "save_as", "")]


def slug_problems(entries):
    """Slugs Pelican made from titles (a `Slug:` header was checked before reading)."""
    problems = []
    for entry in _written(entries):
        why = slug_problem(entry.slug, plain=False)
        if why:
            problems.append(Problem(
                source_of(entry), _line(entry, "title"),
                f"its slug {_shown(entry.slug)} {why}; add a Slug: line",
            ))
    return problems


def taxonomy_problems(entries):
    """Categories, tags and authors whose slug cannot be a folder name; each named once."""
    problems, seen = [], set()
    for entry in entries:
        named = [("category", getattr(entry, "category", None))]
        named += [("tags", tag) for tag in getattr(entry, "tags", None) or ()]
        named += [("author", author) for author in getattr(entry, "authors", None) or ()]
        for key, item in named:
            why = item is not None and slug_problem(item.slug, plain=False)
            if why and (key, item.slug) not in seen:
                seen.add((key, item.slug))
                problems.append(Problem(
                    source_of(entry), _line(entry, key),
                    f"{key.title()} {_shown(str(item))} makes the address part {_shown(item.slug)}, "
                    f"which {why}; rename it",
                ))
    return problems


def _shown(text, limit=60):
    text = str(text)
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"… ({len(text)} characters)"


def _template_outputs(generators, settings):
    """Files the theme's own pages are written to, each with what writes it."""
    yield settings.get("INDEX_SAVE_AS", "index.html"), "the front page"
    for name in settings.get("DIRECT_TEMPLATES", ()):
        if name != "index":
            yield settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html"), f"the {name} page"
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        for periods in generator.period_archives.values():
            for period in periods:
                yield period["save_as"], "an archive page of posts by date"
        groups = [("category", c) for c, _ in generator.categories]
        groups += [("tag", t) for t in generator.tags]
        groups += [("author", a) for a, _ in generator.authors]
        for kind, item in groups:
            yield item.save_as, f"the {kind} page of {str(item)!r}"


def collision_problems(generators, settings):
    """Two entries (or an entry and a page of the theme) written to one file, or given one address."""
    entries = _written(entry_sets(generators).all)
    # Each entry stands for its file by its path as Pelican holds it; the name
    # shown to the author (source_of resolves the path) is made only for one
    # that collides: 5,000 posts took 1.3 s to name them all.
    by_path = {_path_of(entry): entry for entry in entries}
    writes = [(entry.save_as, _path_of(entry)) for entry in entries]
    writes += [(path, what) for path, what in _template_outputs(generators, settings) if path]
    problems, reported = [], set()
    for path, writers in output_collisions(writes):
        named = _named(writers, by_path)
        files = [name for name, _ in named]
        others = [name for name in writers if name not in by_path]
        if not files:
            continue
        reported.add(frozenset(files))
        problems.append(Problem(
            files[0], _line(named[0][1], "slug"),
            f"is written to {path}, as is {', '.join(files[1:] + others)}; "
            "give one of them another Slug (or Date)",
        ))
    # Written to different files (a `Save_as:`) but linked at one address (a `Url:`).
    for url, writers in output_collisions((entry.url, _path_of(entry)) for entry in entries):
        named = _named(writers, by_path)
        files = [name for name, _ in named]
        if frozenset(files) not in reported:
            problems.append(Problem(
                files[0], _line(named[0][1], "url"),
                f"has the address {url}, as has {', '.join(files[1:])}; give one of them another Url",
            ))
    return problems


def _named(writers, by_path):
    """The entries among `writers` as (the name the author knows the file by, entry), by name."""
    return sorted(((source_of(by_path[name]), by_path[name]) for name in writers if name in by_path),
                  key=lambda pair: pair[0])


def _path_of(entry):
    # Template outputs are described in words, never by an absolute path: no clash.
    return ("entry", getattr(entry, "source_path", None) or getattr(entry, "url", ""))


def _line_holding(entry, text):
    """The first line of the entry's file that holds `text` (1 if none does)."""
    try:
        lines = Path(entry.source_path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError, TypeError):
        return 1
    return next((number for number, line in enumerate(lines, 1) if text in line), 1)


def link_problems(generators, context):
    """{filename}, {static} and {attach} links to files that are not there."""
    problems = []
    for entry in entry_sets(generators).all:
        for what, target in missing_links(entry, context):
            problems.append(Problem(
                source_of(entry), _line_holding(entry, target),
                f"links to {{{what}}}{target}, which is not a file in the content folder; "
                "fix or remove the link",
            ))
    return problems
