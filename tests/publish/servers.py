"""Real servers on 127.0.0.1 for the publish tests: sshd, nginx and moto's S3.

Each runs in the foreground with a config written into a temporary folder,
is waited for until its port answers, and is ended by its own PID.
"""

import getpass
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from tests.processes import free_port, stop


def wait_for_port(port, process, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {process.args}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing answered on 127.0.0.1:{port} within {timeout}s")


@contextmanager
def running(command, port, log):
    with open(log, "wb") as log_file:
        process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for_port(port, process)
        yield process
    finally:
        stop(process)


class Sshd:
    """An sshd for one user (the one running the tests) with a throwaway ed25519 key."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.port = free_port()
        self.user = getpass.getuser()
        self.key = self.folder / "client_key"
        self.process = None

    @property
    def ssh_command(self):
        return (f"ssh -i {self.key} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null "
                "-o LogLevel=ERROR -o IdentitiesOnly=yes")

    def target(self, path):
        return f"ssh://{self.user}@127.0.0.1:{self.port}{path}"

    @contextmanager
    def run(self):
        for name in ("host_key", "client_key"):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(self.folder / name)],
                           check=True)
        shutil.copy(self.folder / "client_key.pub", self.folder / "authorized_keys")
        Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # sshd's privilege-separation folder
        config = self.folder / "sshd_config"
        config.write_text(
            f"Port {self.port}\nListenAddress 127.0.0.1\nHostKey {self.folder / 'host_key'}\n"
            f"AuthorizedKeysFile {self.folder / 'authorized_keys'}\nPasswordAuthentication no\n"
            "KbdInteractiveAuthentication no\nStrictModes no\nUsePAM no\nPermitRootLogin prohibit-password\n"
            f"PidFile {self.folder / 'sshd.pid'}\nAllowUsers {self.user}\n"
        )
        with running(["/usr/sbin/sshd", "-f", str(config), "-D", "-e"], self.port,
                     self.folder / "sshd.log") as process:
            self.process = process
            yield self

    def connection_pids(self):
        """The sshd processes serving open connections: the listener's children."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def drop_connections(self):
        pids = self.connection_pids()
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        return pids


class MotoS3:
    """moto's S3 API over HTTP (pip moto[server])."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.port = free_port()
        self.endpoint_url = f"http://127.0.0.1:{self.port}"

    @contextmanager
    def run(self):
        moto_server = Path(sys.executable).with_name("moto_server")
        with running([str(moto_server), "-H", "127.0.0.1", "-p", str(self.port)], self.port,
                     self.folder / "moto.log"):
            yield self


DOCS = Path(__file__).resolve().parents[2] / "docs" / "hosting.md"


def documented_nginx_block():
    """The nginx configuration docs/hosting.md tells readers to use, as written there."""
    text = DOCS.read_text(encoding="utf-8")
    return text.split("```nginx\n", 1)[1].split("```", 1)[0]


class Nginx:
    """nginx running docs/hosting.md's block, with the port, name and root changed."""

    def __init__(self, folder, server_name, root):
        self.folder = Path(folder)
        self.port = free_port()
        self.server_name = server_name
        self.root = root

    @contextmanager
    def run(self):
        block = documented_nginx_block()
        for documented, ours in (
            ("listen 80;", f"listen 127.0.0.1:{self.port};"),
            ("server_name blog.example.org;", f"server_name {self.server_name};"),
            ("root /srv/blog/current;", f"root {self.root};"),
        ):
            assert documented in block, f"docs/hosting.md's nginx block lost {documented!r}"
            block = block.replace(documented, ours)
        temp = self.folder / "temp"
        temp.mkdir(exist_ok=True)
        paths = "\n".join(f"    {kind}_temp_path {temp / kind};" for kind in
                          ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        config = self.folder / "nginx.conf"
        # As root, nginx's workers would run as www-data, which cannot enter
        # pytest's private temporary folders.
        user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
        config.write_text(
            f"{user}daemon off;\nworker_processes 1;\npid {self.folder / 'nginx.pid'};\n"
            f"error_log {self.folder / 'error.log'};\nevents {{ worker_connections 64; }}\n"
            f"http {{\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
            f"    access_log off;\n{paths}\n{block}\n}}\n"
        )
        with running(["/usr/sbin/nginx", "-c", str(config), "-e", str(self.folder / "error.log")],
                     self.port, self.folder / "nginx.log"):
            yield self


def documented_caddy_block():
    """The Caddyfile site block docs/hosting.md tells readers to use, as written there."""
    text = DOCS.read_text(encoding="utf-8")
    return text.split("```caddy\n", 1)[1].split("```", 1)[0]


class Caddy:
    """Caddy running docs/hosting.md's block over plain HTTP, with the address and root changed."""

    def __init__(self, folder, server_name, root, port=None):
        self.folder = Path(folder)
        self.port = port or free_port()
        self.server_name = server_name
        self.root = root

    @contextmanager
    def run(self):
        block = documented_caddy_block()
        for documented, ours in (
            ("blog.example.org {", f"http://{self.server_name}:{self.port} {{"),
            ("root * /srv/blog/current", f"root * {self.root}"),
        ):
            assert documented in block, f"docs/hosting.md's Caddy block lost {documented!r}"
            block = block.replace(documented, ours)
        config = self.folder / "Caddyfile"
        # No admin endpoint (a fixed port) and no state outside the temporary folder.
        config.write_text("{\n\tadmin off\n}\n\n" + block)
        home = self.folder / "home"
        home.mkdir(exist_ok=True)
        env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home), "XDG_CONFIG_HOME": str(home)}
        log = self.folder / "caddy.log"
        with open(log, "wb") as log_file:
            process = subprocess.Popen(["caddy", "run", "--config", str(config), "--adapter", "caddyfile"],
                                       stdout=log_file, stderr=subprocess.STDOUT, env=env,
                                       start_new_session=True)
        try:
            wait_for_port(self.port, process)
            yield self
        finally:
            process.terminate()
            process.wait(timeout=10)
