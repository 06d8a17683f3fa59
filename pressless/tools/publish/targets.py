"""Publish targets, written as addresses:

    file:///srv/blog                    a folder on this machine
    ssh://deploy@example.org:2222/srv/blog
    github-pages  or  github-pages:REMOTE   (a git remote name, URL or path)
    s3://bucket/prefix
"""

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from .errors import PublishError

EXAMPLES = "file:///srv/blog, ssh://user@host/srv/blog, github-pages, s3://bucket/prefix"


@dataclass(frozen=True)
class Target:
    kind: str  # "file", "ssh", "github-pages" or "s3"
    path: str = ""  # file/ssh: the deploy folder; s3: the key prefix ('' or 'blog/')
    host: str = ""  # ssh: host; s3: bucket
    user: str = ""
    port: int | None = None
    remote: str = "origin"  # github-pages

    def __str__(self):
        if self.kind == "file":
            return f"file://{self.path}"
        if self.kind == "ssh":
            user = f"{self.user}@" if self.user else ""
            port = f":{self.port}" if self.port else ""
            return f"ssh://{user}{self.host}{port}{self.path}"
        if self.kind == "s3":
            return f"s3://{self.host}/{self.path}"
        return f"github-pages:{self.remote}"


def parse_target(address):
    """A Target for an address; PublishError saying what is wrong otherwise."""
    address = (address or "").strip()
    if not address:
        raise PublishError(
            f"no publish target: set PUBLISH_TARGET in publishconf.py or pass --target ({EXAMPLES})"
        )
    if address == "github-pages" or address.startswith("github-pages:"):
        remote = address.partition(":")[2].strip() or "origin"
        return Target("github-pages", remote=remote)
    parts = urlsplit(address)
    if parts.scheme == "file":
        if parts.netloc not in ("", "localhost") or not parts.path.startswith("/"):
            raise PublishError(f"target {address}: write a folder as file:///absolute/path")
        return Target("file", path=_folder(unquote(parts.path), address))
    if parts.scheme == "ssh":
        if not parts.hostname or not parts.path.startswith("/") or parts.path == "/":
            raise PublishError(f"target {address}: write it as ssh://user@host[:port]/absolute/folder")
        try:
            port = parts.port
        except ValueError:
            raise PublishError(f"target {address}: the port is not a number") from None
        return Target(
            "ssh", path=_folder(unquote(parts.path), address), host=parts.hostname,
            user=unquote(parts.username or ""), port=port,
        )
    if parts.scheme == "s3":
        if not parts.netloc:
            raise PublishError(f"target {address}: write it as s3://bucket or s3://bucket/prefix")
        prefix = parts.path.strip("/")
        return Target("s3", host=parts.netloc, path=f"{prefix}/" if prefix else "")
    raise PublishError(f"target {address}: unknown kind of target; use one of {EXAMPLES}")


def _folder(path, address):
    folder = path.rstrip("/")
    if not folder:
        raise PublishError(f"target {address}: publishing to / would replace the whole disk; name a folder")
    return folder
