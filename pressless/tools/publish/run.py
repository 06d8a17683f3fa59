"""`invoke publish`: build, refuse anything unsafe, then publish (or show the plan).

Nothing reaches a host unless the build succeeded, SITEURL is a public
address and every internal link of the new site resolves.
"""

from dataclasses import dataclass
from pathlib import Path

from pressless.tools.build import BuildError, build_site
from pressless.tools.quality.links import check_links

from .errors import PublishError
from .github_pages import GithubPagesHost
from .local import FolderHost
from .s3 import S3Host, make_client
from .settings import load_settings, refuse_unsafe_site_url
from .ssh import SshHost
from .targets import parse_target


@dataclass
class Outcome:
    host: object
    plan: object = None
    release: str | None = None  # what is live now: a release id, a commit, a count
    dry_run: bool = False


def host_for(target, settings, repo):
    keep = int(settings["PUBLISH_KEEP_RELEASES"])
    if target.kind == "file":
        return FolderHost(target.path, keep)
    if target.kind == "ssh":
        return SshHost(target, settings["PUBLISH_SSH_COMMAND"], settings["PUBLISH_RSYNC_OPTIONS"], keep)
    if target.kind == "github-pages":
        return GithubPagesHost(target, repo, settings.get("SITEURL"))
    client = make_client(settings["PUBLISH_S3_ENDPOINT_URL"], settings["PUBLISH_S3_REGION"])
    return S3Host(target, client, settings["HOSTING_CACHE_RULES"])


def publish(settings_file, output, target=None, dry_run=False, rollback=False, log=print, build=build_site):
    """Publish the site `settings_file` describes; PublishError says why not."""
    settings_file = Path(settings_file).resolve()
    settings = load_settings(settings_file)
    parsed = parse_target(target or settings["PUBLISH_TARGET"])
    host = host_for(parsed, settings, repo=settings_file.parent)
    if rollback:
        if not hasattr(host, "rollback"):
            raise PublishError(f"{parsed}: --rollback works for file:// and ssh:// targets only")
        release = host.rollback()
        log(f"Rolled {host} back: release {release} is live")
        return Outcome(host, release=release)
    refuse_unsafe_site_url(settings, settings_file.name)
    try:
        build(settings_file, output)
    except BuildError as error:
        raise PublishError(f"the build failed ({error}); nothing was published") from None
    links = check_links(output, (settings["SITEURL"].rstrip("/"),))
    if links.failures:
        raise PublishError(
            f"{len(links.failures)} broken internal link(s) in {output}, the first: {links.failures[0]}; "
            f"nothing was published (`invoke check --site {output}` lists them)"
        )
    plan = host.plan(output)
    if dry_run:
        for line in plan.lines():
            log(line)
        log(f"Dry run: nothing was published to {host}")
        return Outcome(host, plan, dry_run=True)
    release = host.publish(output, plan)
    log(f"Published {output} to {host} ({plan.summary()}): {release}")
    return Outcome(host, plan, release)
