"""Turn a post and the chosen networks into the links the share row prints."""

from collections.abc import Sequence
from dataclasses import dataclass

from .icons import ICONS
from .networks import NETWORKS, title_and_url

# Where the Mastodon link leads without JavaScript: a section of the share
# row (partials/share.html) that explains how to share the post by hand,
# shown only while the address names it. Same page, so nothing to write per
# post (a page each cost a fifth of the writers' time at 1,000 posts).
MASTODON_HELP_ID = "share-mastodon-help"

_ACCESSIBLE_NAMES = {
    "link": "Share on {label}, opens in a new window",
    "mastodon": "Share on Mastodon",
    "email": "Share by email",
    "print": "Print this post",
    "copy": "Copy link to this post",
    "native": "Share with an app on your device",
}


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    # Absolute for networks; a fragment of the post's own page for Mastodon;
    # None for buttons that exist only with JavaScript.
    url: str | None
    icon: str
    kind: str
    accessible_name: str
    # The text the Mastodon and native-share actions hand over.
    text: str = ""


def share_links(post, names):
    """The share row for one post, in the order of `names`.

    `post` is a networks.SharePost. Targets that do not apply to the post
    (Pinterest without an image) are left out.
    """
    links = []
    for name in names:
        target = NETWORKS[name]
        url = target.build(post)
        if target.kind == "mastodon":
            url = "#" + MASTODON_HELP_ID
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
            )
        )
    return links


class LinksOnDemand(Sequence):
    """A post's share row, made by `make()` the first time a template asks for it.

    Only the post's own page prints the row, and the parallel writer renders
    each page in one of its processes: made there, the links cost nothing
    before the writers start (0.5 s on one core at 5,000 posts when every
    post's row was made up front) and are made on every core.
    """

    def __init__(self, make):
        self._make = make
        self._links = None

    def _made(self):
        if self._links is None:
            self._links = self._make()
            self._make = None
        return self._links

    def __getitem__(self, index):
        return self._made()[index]

    def __len__(self):
        return len(self._made())

    def __repr__(self):
        return f"LinksOnDemand({self._links!r})" if self._links is not None else "LinksOnDemand(not made yet)"
