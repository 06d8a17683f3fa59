"""HTTP on --port (the site, with the live client added to HTML) and the
live-reload websocket on --live-port, both on one tornado loop."""

import asyncio
import json
import mimetypes
from pathlib import Path
from urllib.parse import unquote

import tornado.web
import tornado.websocket
from tornado.httpserver import HTTPServer

CLIENT_URL = "/__pressless/live.js"
CLIENT_JS = (Path(__file__).parent / "live.js").read_bytes()


def client_tag(live_port):
    return f'<script src="{CLIENT_URL}" data-live-port="{live_port}"></script>'.encode()


def inject_client(html, live_port):
    """The live client before </body> (or at the end); the only difference from the file."""
    tag = client_tag(live_port)
    at = html.rfind(b"</body>")
    return html + tag if at < 0 else html[:at] + tag + html[at:]


def relative_file(url_path):
    """The output file a URL path is served from, or None for paths outside it."""
    parts = [part for part in unquote(url_path).split("/") if part]
    if any(part in (".", "..") or "\\" in part for part in parts):
        return None
    relative = "/".join(parts)
    if not parts or url_path.endswith("/"):
        relative = f"{relative}/index.html".lstrip("/")
    return relative


class LiveSockets:
    """The connected browsers; messages go out on the tornado loop."""

    def __init__(self):
        self.sockets = set()
        self.loop = None
        self.sent = []  # (loop time, message): the bench and tests read it

    def send_from_any_thread(self, message):
        self.loop.call_soon_threadsafe(self._send, message)

    def _send(self, message):
        text = json.dumps(message)
        self.sent.append((self.loop.time(), message))
        for socket in list(self.sockets):
            try:
                socket.write_message(text)
            except tornado.websocket.WebSocketClosedError:
                self.sockets.discard(socket)


class LiveSocket(tornado.websocket.WebSocketHandler):
    def initialize(self, live, session):
        self.live, self.session = live, session

    def check_origin(self, origin):
        return True  # only 127.0.0.1 listens; the page comes from another port

    def open(self):
        self.live.sockets.add(self)

    def on_message(self, message):
        try:
            command = json.loads(message).get("command")
        except (ValueError, AttributeError):
            return
        if command == "hello":
            self.write_message(json.dumps({
                "command": "hello",
                "protocols": ["http://livereload.com/protocols/official-7"],
                "serverName": "pressless-preview",
            }))
            if self.session.problems:
                self.write_message(json.dumps(self.session.problem_message()))

    def on_close(self):
        self.live.sockets.discard(self)


class SiteHandler(tornado.web.RequestHandler):
    def initialize(self, session, live_port):
        self.session, self.live_port = session, live_port

    def compute_etag(self):
        return None

    async def get(self, url_path):
        if "/" + url_path == CLIENT_URL:
            self.set_header("Content-Type", "text/javascript; charset=utf-8")
            self.finish(CLIENT_JS)
            return
        relative = relative_file("/" + url_path)
        output = self.session.output
        if relative and (output / relative).is_dir():
            self.redirect("/" + url_path.rstrip("/") + "/")
            return
        data = None
        if relative:
            data = await asyncio.wrap_future(self.session.render_now(relative))
            if data is None and (output / relative).is_file():
                data = (output / relative).read_bytes()
        status = 200
        if data is None:
            status, relative = 404, "404.html"
            missing = output / relative
            data = missing.read_bytes() if missing.is_file() else b"<!doctype html><title>Not found</title>"
        kind = mimetypes.guess_type(relative)[0] or "application/octet-stream"
        if kind == "text/html":
            data = inject_client(data, self.live_port)
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        self.set_status(status)
        self.set_header("Content-Type", kind)
        self.set_header("Cache-Control", "no-store")
        self.finish(data)


def start_servers(session, sockets, live_port):
    """Serve on already bound sockets (so a busy port is found before any work)."""
    site_sockets, live_sockets = sockets
    live = LiveSockets()
    live.loop = asyncio.get_running_loop()
    site = tornado.web.Application([(r"/(.*)", SiteHandler, {"session": session, "live_port": live_port})])
    socket_app = tornado.web.Application([(r"/livereload", LiveSocket, {"live": live, "session": session})])
    HTTPServer(site).add_sockets(site_sockets)
    HTTPServer(socket_app).add_sockets(live_sockets)
    return live
