"""Static files saved, added or deleted beside the posts (an image under STATIC_PATHS), without a new model.

A static file is copied, not read: no page changes when one is saved, unless
something in the model read the file itself. The only such readers are the
entries' facts (an `Image:` header or DEFAULT_IMAGE: their width and height
are in every page's meta tags). Any other static file under STATIC_PATHS is
copied to the output as Pelican's static generator copies it; a new one is
first put into the model as that generator would have put it (its list of
static files and the context `{static}` links are resolved against). The
browser is then told its URL: the live client loads the image again where
the open page shows it.

A static file deleted is taken out of the model and the output the same
way, when no entry links to it with `{static}` or `{attach}` (the content
checks name such a link: the model is made again to show them).

Anything else (a file outside STATIC_PATHS, an entry's image, a file a
generator reads as a post or page) makes the model again.
"""

import contextlib
import os
from pathlib import Path

from pelican import signals
from pelican.contents import Static
from pelican.generators import StaticGenerator

from pressless.core.config import SettingsError
from pressless.core.entries import model_of
from pressless.core.links import missing_links


def _read_by_the_model(generation):
    """Content-relative paths of the images the entries' facts measure; None if unknown."""
    try:
        model = model_of(generation.generators)
    except SettingsError:
        return None
    paths = {facts.image.path for facts in model.facts_by_entry.values() if facts.image}
    if model.site.default_image:
        paths.add(model.site.default_image.path)
    return paths


def _static_relative_paths(static, changed_paths):
    """Each changed path relative to the content folder, if every one is a static file
    Pelican's static generator would copy, or one it copied that is gone; else None."""
    content = Path(static.path).resolve()
    settings = static.settings
    paths, folders = [], set()
    for changed in changed_paths:
        path = Path(changed).resolve()
        if content not in path.parents:
            return None
        relative = path.relative_to(content).as_posix()
        # Only the STATIC_PATHS entries holding it are walked, and none for a
        # post: every save asks, and a WordPress blog's uploads run to thousands.
        holding = [entry for entry in settings["STATIC_PATHS"] if _holds(entry, relative)]
        if not holding:
            return None
        paths.append((path, relative))
        folders.update(holding)
    found = static.get_files(sorted(folders), exclude=settings["STATIC_EXCLUDES"], extensions=False)
    in_the_model = {item.get_relative_source_path() for item in static.staticfiles}
    relatives = []
    for path, relative in paths:
        if relative not in (found if path.is_file() else in_the_model):
            return None
        if settings["STATIC_EXCLUDE_SOURCES"] and static._is_potential_source_path(relative):
            return None
        relatives.append(relative)
    return relatives


def _holds(entry, relative):
    """Whether the STATIC_PATHS entry (a folder or a file, relative to the content folder) holds it."""
    entry = entry.strip("/")
    return entry in ("", ".") or relative == entry or relative.startswith(entry + "/")


def static_file_edit(generation, changed_paths):
    """Copy saved or added static files to the output and take deleted ones out, the model
    kept; return their output paths, or None when the model must be made again."""
    static = next((g for g in generation.generators if isinstance(g, StaticGenerator)), None)
    if static is None:
        return None
    relatives = _static_relative_paths(static, changed_paths)
    if relatives is None:
        return None
    measured = _read_by_the_model(generation)
    if measured is None or measured.intersection(relatives):
        return None
    known = {_absolute(static, item.source_path): item for item in static.staticfiles}
    gone = [relative for relative in relatives if not os.path.isfile(_absolute(static, relative))]
    # A {static} or {attach} link to a file that is gone is a problem the whole model names.
    entries = model_of(generation.generators).sets.all
    if gone and any(missing_links(entry, static.context) for entry in entries):
        return None
    copied = [_copy(static, relative, known.get(_absolute(static, relative)))
              for relative in relatives if relative not in gone]
    removed = [_take_out(static, known[_absolute(static, relative)]) for relative in gone]
    static._update_context(("staticfiles",))
    generation.static_files = (generation.static_files - set(removed)) | set(copied)
    return copied + removed


def _absolute(static, path):
    return os.path.normpath(os.path.join(static.path, path))


def _copy(static, relative, item):
    """Copy one static file to the output (a new one put into the model first); its output path."""
    if item is None:
        # What StaticGenerator.generate_context does for each file it finds.
        item = static.readers.read_file(
            base_path=static.path, path=relative, content_class=Static, fmt="static",
            context=static.context, preread_signal=signals.static_generator_preread,
            preread_sender=static, context_signal=signals.static_generator_context,
            context_sender=static,
        )
        static.staticfiles.append(item)
        static.add_source_path(item, static=True)
    static._link_or_copy_staticfile(item)
    return item.save_as


def _take_out(static, item):
    """Take a deleted static file out of the model and the output; its output path."""
    static.staticfiles.remove(item)
    static.context["static_content"].pop(item.get_relative_source_path(), None)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(os.path.join(static.output_path, item.save_as))
    return item.save_as
