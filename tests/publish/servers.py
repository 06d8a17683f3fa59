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


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


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
