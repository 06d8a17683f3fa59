"""Stop a build on content Pelican would otherwise skip with a log line.

Pelican reads a post with no title, a date it cannot parse or an unknown
status, logs one error and goes on: the post silently disappears from the
site. We check every post and page header before anything is read or
written, so a bad file stops the build and the last good output/ stays.
"""

import logging

from pelican import signals

from pressless.core.errors import show_author_errors_without_traceback

from .checks import ContentError, check_content_tree

logger = logging.getLogger(__name__)


def check_before_reading(pelican):
    problems = check_content_tree(pelican.settings)
    for problem in problems:
        logger.error("%s", problem)
    if problems:
        raise ContentError(
            f"{len(problems)} content problem(s); nothing was built and the "
            "previous output was left as it was"
        )


def stop_on_unreadable_files(generators):
    """Pelican logs a file it could not read and builds on without it."""
    context = generators[0].context
    failed = sorted(path for path, content in context["generated_content"].items() if not content)
    if failed:
        raise ContentError(
            f"{len(failed)} content file(s) could not be read ({', '.join(failed)}); "
            "nothing was written"
        )


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check_before_reading)
    signals.all_generators_finalized.connect(stop_on_unreadable_files)
