"""Servers the tests start on 127.0.0.1: a free port, and stopping them cleanly."""

import random
import socket
import subprocess
from pathlib import Path

# Linux gives outgoing connections their local port from this range
# (/proc/sys/net/ipv4/ip_local_port_range), and bind(0) picks from it too: a
# port found free that way can be taken by any connection (a browser's, a
# fetch's) before the server the test starts binds it. Servers get ports
# below the range, which only a deliberate bind takes.
_EPHEMERAL_RANGE = Path("/proc/sys/net/ipv4/ip_local_port_range")
_LOWEST = 20000


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now, outside the range of outgoing ports."""
    try:
        first_ephemeral = int(_EPHEMERAL_RANGE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        first_ephemeral = 32768
    for _attempt in range(100):
        port = random.randrange(_LOWEST, max(first_ephemeral, _LOWEST + 1000))
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process, timeout=10):
    """Ask a server to end, and kill it if it has not within `timeout` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
