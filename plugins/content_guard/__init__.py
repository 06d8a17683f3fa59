"""Stop a build on content Pelican would otherwise skip with a log line.

Pelican reads a post with no title, a date it cannot parse or an unknown
status, logs one error and goes on: the post silently disappears from the
site. We check every post and page header before Pelican reads anything or
writes anything, so a bad file stops the build and the last good output/
stays. The check runs when Pelican makes its article generator, not at
`initialized`: by then the reader cache's pool (plugins/reader_cache) reads
ahead on the other cores while this process reads the headers.
"""

import logging

from pelican import signals

from pressless.core.entries import entry_sets
from pressless.core.errors import show_author_errors_without_traceback

from .checks import ContentError, check_content_tree
from .outputs import collision_problems, link_problems, slug_problems, taxonomy_problems
from .writer import OneWriterPerFile

logger = logging.getLogger(__name__)


# In the settings: each content file's stamp and problems as last checked. A
# build checks once; the live preview, whose settings live until they are
# edited, checks again on every model only the files saved since.
_CHECKED_KEY = "_CONTENT_GUARD_CHECKED"


def check_before_reading(article_generator):
    settings = article_generator.settings
    problems = check_content_tree(settings, known=settings.setdefault(_CHECKED_KEY, {}))
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


def check_before_writing(generators):
    """What Pelican made of the content: slugs, the file each entry goes to, links."""
    context = generators[0].context
    entries = entry_sets(generators).all
    problems = [
        *slug_problems(entries),
        *taxonomy_problems(entries),
        *collision_problems(generators, context),
        *link_problems(generators, context),
    ]
    for problem in problems:
        logger.error("%s", problem)
    if problems:
        raise ContentError(
            f"{len(problems)} content problem(s); nothing was written and the "
            "previous output was left as it was"
        )


def one_writer_per_file(pelican):
    return OneWriterPerFile


def register():
    show_author_errors_without_traceback()
    signals.article_generator_init.connect(check_before_reading)
    signals.all_generators_finalized.connect(stop_on_unreadable_files)
    signals.all_generators_finalized.connect(check_before_writing)
    signals.get_writer.connect(one_writer_per_file)
