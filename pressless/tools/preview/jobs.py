"""Pages and feeds as jobs: what to render, recorded now, rendered later.

Pelican's generators call `writer.write_file` and `writer.write_feed` for
every page and feed. The RecordingWriter lets them run as they do in a build,
pagination, signals and all, but keeps each output file as a Job instead of
rendering it. The preview then renders the page a browser asks for first and
the rest after it. A job renders exactly what the build would have written:
same template, same context, same `localsiteurl` set just before.
"""

import io
import os
import posixpath
from dataclasses import dataclass
from functools import partial

from pelican.utils import sanitised_join
from pelican.writers import Writer

from pressless.core.output import climbs_out, output_file
from pressless.core.writing import ON_REQUEST_ATTRIBUTE


class DuplicateOutputError(Exception):
    """Two pages or feeds want the same file (Pelican stops on this too)."""


@dataclass
class Job:
    path: str  # relative to the output folder, with "/" separators
    render: object  # () -> str
    entry: object = None  # the post or page a page job shows
    content_ids: frozenset = frozenset()  # id() of the entries a feed prints
    template_name: str | None = None  # the template a page job renders

    def text(self):
        return self.render()


class _Deferred:
    """A template whose render() only notes what it was asked to render."""

    def __init__(self, template, writer, shared_context):
        self.template = template
        self.writer = writer
        self.shared_context = shared_context

    def render(self, localcontext):
        self.writer.pending = (self.template, localcontext, self.shared_context)
        return ""


class _NoFile(io.StringIO):
    """What the writer 'opens' while recording: nothing reaches the disk."""


class _CapturedFile(io.StringIO):
    def __init__(self, sink):
        super().__init__()
        self.sink = sink

    def close(self):
        if not self.closed:
            self.sink.append(self.getvalue())
        super().close()


def render_page(template, localcontext, shared_context):
    # Pelican sets this on the shared context right before rendering, so the
    # content of posts links relative to the page being written.
    if localcontext["localsiteurl"]:
        shared_context["localsiteurl"] = localcontext["localsiteurl"]
    # Taken from the environment by name, not as recorded: after an edit of
    # the theme's templates the preview keeps its jobs and empties the
    # environment's cache (SiteModel.refresh_templates).
    name, environment = getattr(template, "name", None), getattr(template, "environment", None)
    if name is not None and environment is not None:
        template = environment.get_template(name)
    return template.render(localcontext)


class RecordingWriter(Writer):
    """A Pelican Writer that records jobs instead of writing files.

    `output_path` must be the OUTPUT_PATH the settings name (plugins compare
    the two); nothing but empty folders is created there.
    """

    def __init__(self, output_path, settings):
        super().__init__(output_path, settings=settings)
        self.jobs = {}
        self.pending = None
        self._overridden = set()
        # Plugin generators hand the files they make themselves (comment feeds) to this.
        setattr(self, ON_REQUEST_ATTRIBUTE, self.write_on_request)

    def write_on_request(self, relative_path, make_text):
        """A file a plugin makes itself (pressless.core.writing.write_text_file), as a job."""
        relative = posixpath.normpath(str(relative_path).lstrip("/"))
        if relative == os.curdir or climbs_out(relative):
            output_file(self.output_path, relative_path)  # refuses it, as a build does
        # As in a build, where the file is written over whatever a page generator put there.
        relative = self._claim(relative, override=True)
        if relative is not None:
            self.jobs[relative] = Job(relative, make_text)

    def relative(self, filename):
        return os.path.relpath(filename, self.output_path).replace(os.sep, "/")

    def _claim(self, relative, override):
        """Pelican's rule: one write per file, unless one write overrides."""
        if relative in self._overridden:
            return None
        if relative in self.jobs and not override:
            raise DuplicateOutputError(f"two pages or feeds are written to {relative}")
        if override:
            self._overridden.add(relative)
        return relative

    def write_file(self, name, template, context, *args, **kwargs):
        return super().write_file(name, _Deferred(template, self, context), context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        pending, self.pending = self.pending, None
        relative = self._claim(self.relative(filename), override)
        if relative is not None and pending is not None:
            localcontext = pending[1]
            entry = localcontext.get("article") or localcontext.get("page")
            self.jobs[relative] = Job(relative, lambda args=pending: render_page(*args), entry=entry,
                                      template_name=getattr(pending[0], "name", None))
        return _NoFile()

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom",
                   override_output=False, feed_title=None):
        if not path:
            return None
        relative = self._claim(self.relative(sanitised_join(self.output_path, path)), override_output)
        if relative is not None:
            arguments = (list(elements), context, path, url, feed_type, feed_title)
            self.jobs[relative] = Job(relative, lambda: render_feed(self, *arguments),
                                      content_ids=frozenset(map(id, arguments[0])))
        return None


class _FeedRenderer(Writer):
    """Writer.write_feed with the file replaced by a string."""

    def __init__(self, output_path, settings):
        super().__init__(output_path, settings=settings)
        self.sink = []

    def _open_w(self, filename, encoding, override=False):
        return _CapturedFile(self.sink)


def render_feed(recorder, elements, context, path, url, feed_type, feed_title):
    renderer = _FeedRenderer(recorder.output_path, recorder.settings)
    renderer.write_feed(elements, context, path=path, url=url, feed_type=feed_type,
                        feed_title=feed_title)
    return renderer.sink[-1]


def record_article_pages(generator, entries):
    """The page jobs of these posts (drafts too), recorded again from the generator's context as it is now."""
    writer = RecordingWriter(generator.output_path, generator.settings)
    wanted = {id(entry) for entry in entries}

    def write(name, *args, article=None, **kwargs):
        if id(article) in wanted:
            writer.write_file(name, *args, article=article, **kwargs)

    # Pelican's own loops, so each page gets exactly the arguments a build
    # gives it; relative_urls is what ArticlesGenerator.generate_pages adds.
    write = partial(write, relative_urls=generator.settings["RELATIVE_URLS"])
    generator.generate_articles(write)
    generator.generate_drafts(write)
    return writer.jobs
