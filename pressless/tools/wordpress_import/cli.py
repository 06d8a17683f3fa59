"""What `invoke import-wordpress` runs: the import, and the lines it prints."""

from pelican.settings import read_settings

from .run import ImportError_, import_wordpress
from .writer import ManifestError
from .wxr import ExportError


class ImportFailed(Exception):
    """One line saying why nothing (more) could be imported."""


def slug_substitutions(settings_file):
    """The site's SLUG_REGEX_SUBSTITUTIONS, so imported slugs match what Pelican makes."""
    if settings_file is None:
        return None
    return read_settings(str(settings_file))["SLUG_REGEX_SUBSTITUTIONS"]


def run_import(export, content, *, uploads=None, dry_run=False, settings_file=None):
    """Import and return the report's lines; raise ImportFailed with one line."""
    try:
        report = import_wordpress(
            export, content, uploads_dir=uploads, dry_run=dry_run,
            regex_subs=slug_substitutions(settings_file),
        )
    except (ExportError, ManifestError, ImportError_) as error:
        raise ImportFailed(str(error)) from None
    heading = ["Dry run: nothing was written."] if dry_run else []
    return heading + report.lines(dry_run=dry_run)
