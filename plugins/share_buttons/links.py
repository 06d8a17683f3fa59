"""Turn a post and the chosen networks into the links the share row prints."""

from dataclasses import dataclass

from .icons import ICONS
from .networks import NETWORKS, title_and_url

# Where the no-JavaScript Mastodon link leads: one short page per post that
# explains how to share it by hand, written by MastodonHelpGenerator.
MASTODON_HELP_PATH = "share/mastodon/{url}"

_ACCESSIBLE_NAMES = {
    "link": "Share on {label}, opens in a new window",
    "mastodon": "Share on Mastodon, opens in a new window",
    "email": "Share by email",
    "print": "Print this post",
    "copy": "Copy link to this post",
    "native": "Share with an app on your device",
}


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    # Absolute for networks; site-relative (print it after SITEURL) when
    # `local` is true; None for buttons that exist only with JavaScript.
    url: str | None
    icon: str
    kind: str
    accessible_name: str
    # The text the Mastodon and native-share actions hand over.
    text: str = ""
    local: bool = False


def mastodon_help_path(entry_url):
    """Site-relative path of a post's Mastodon help page."""
    return MASTODON_HELP_PATH.format(url=entry_url)


def mastodon_help_save_as(entry_url):
    path = mastodon_help_path(entry_url)
    return path + "index.html" if path.endswith("/") or not path else path


def share_links(post, names, entry_url):
    """The share row for one post, in the order of `names`.

    `post` is a networks.SharePost; `entry_url` the post's site-relative URL
    (for its Mastodon help page). Targets that do not apply to the post
    (Pinterest without an image) are left out.
    """
    links = []
    for name in names:
        target = NETWORKS[name]
        url = target.build(post)
        local = False
        if target.kind == "mastodon":
            url, local = mastodon_help_path(entry_url), True
        elif url is None and target.kind in ("link", "email"):
            continue
        links.append(
            ShareLink(
                network=name,
                label=target.label,
                url=url,
                icon=ICONS[name],
                kind=target.kind,
                accessible_name=_ACCESSIBLE_NAMES[target.kind].format(label=target.label),
                text=title_and_url(post),
                local=local,
            )
        )
    return links
