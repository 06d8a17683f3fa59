"""The live preview: one process that keeps the site in memory.

`invoke livereload` and `scripts/serve.sh` run `main()`. The site is read
once; on a save only the changed files are read again, the generators and
plugins run again on the model, the page the browser asks for is rendered
first and the rest right after, then Pagefind brings search up to date.
What is served is the file a full build writes, plus the live client.
"""

import asyncio
import errno
import logging
import socket
import sys
from pathlib import Path

from tornado.netutil import bind_sockets

from .model import SiteModel
from .problems import one_line
from .server import start_servers
from .session import PreviewSession
from .watch import Watcher, code_roots, forget_code, settings_files

HOST = "127.0.0.1"


class PortBusy(Exception):
    pass


def bind(port):
    try:
        return bind_sockets(port, HOST, family=socket.AF_INET)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise PortBusy(f"preview: port {port} on {HOST} is already in use; "
                           f"stop what uses it or choose another port") from None
        raise


class _OneLine(logging.Filter):
    def filter(self, record):
        if record.levelno >= logging.ERROR:
            return False  # the session prints errors itself, once, as problems
        record.msg, record.args = one_line(record.getMessage()), ()
        record.exc_info = record.exc_text = None
        return True


def _quiet_logging():
    # Pelican logs every file it writes at INFO; the preview prints one line
    # per rebuild and one per problem, each on one line, no traceback.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.addFilter(_OneLine())
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)


class Preview:
    """The model, the worker, the watcher and the two servers, wired together."""

    def __init__(self, settings_file, output, port, live_port, search=True, watch=True):
        self.model = SiteModel(settings_file, output)
        self.port, self.live_port = port, live_port
        self.sockets = (bind(port), bind(live_port))
        self.live = None
        self.session = PreviewSession(self.model, self._notify, search=search)
        self.watch = watch
        self.watcher = None

    def _notify(self, message):
        if self.live is not None:
            self.live.send_from_any_thread(message)

    def _changed(self, kinds):
        if "code" in kinds.values():
            forget_code(code_roots(self.watcher.settings), settings_files(self.model.settings_file))
        self.session.files_changed(kinds)

    def read_site(self):
        """The first model, before any thread starts (servers, worker, watcher) and
        before asyncio's loop, so that it may fork to read on every core, and Ctrl-C
        stops it at once. Connections meanwhile wait in the bound sockets."""
        self.model.output.mkdir(parents=True, exist_ok=True)
        self.session.read_site()

    async def serve(self, started=None):
        if not self.session.ready.is_set():
            self.read_site()
        self.live = start_servers(self.session, self.sockets, self.live_port)
        self.session.start()
        await asyncio.get_running_loop().run_in_executor(None, self.session.ready.wait)
        if self.model.settings is None:
            # The settings or a plugin failed to load (printed above): with no
            # site there is nothing to serve or to watch.
            return 1
        if self.watch:
            self.watcher = Watcher(self.model, self._changed)
            self.watcher.start()
        print(f"Serving {self.model.output} at http://{HOST}:{self.port}/ "
              f"(live reload on port {self.live_port}; Ctrl-C to stop)", flush=True)
        if started is not None:
            started.set()
        await asyncio.Event().wait()
        return 0

    def close(self):
        if self.watcher:
            self.watcher.stop()
        self.session.stop()
        self.model.close()


def main(settings_file, output, port, live_port):
    """Run the preview until Ctrl-C; return the exit code."""
    _quiet_logging()
    try:
        preview = Preview(Path(settings_file), Path(output), int(port), int(live_port))
    except PortBusy as busy:
        print(busy, file=sys.stderr)
        return 1
    code = 0
    try:
        preview.read_site()
        code = asyncio.run(preview.serve())
    except KeyboardInterrupt:
        pass
    finally:
        preview.close()
    return code
