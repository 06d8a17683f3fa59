"""The pure core: every share URL decodes back to the post's URL and title."""

from types import SimpleNamespace
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plugins.share_buttons as share_buttons
from plugins.share_buttons.icons import ICONS
from plugins.share_buttons.links import MASTODON_HELP_ID, LinksOnDemand, share_links
from plugins.share_buttons.networks import NETWORKS, SharePost, mastodon_share_url
from plugins.share_buttons.settings import DEFAULTS
from plugins.share_buttons.settings import check_settings as read_settings
from pressless.core.config import SettingsError as ShareButtonsError

from .decoding import ENDPOINTS, decode, decode_mastodon, mailto_values, query_values

URL_NETWORKS = sorted(n for n, t in NETWORKS.items() if t.kind in ("link", "email"))
TRICKY = "&#?+=%/ “”‘’«»–—…éüßçøÅ東京🚆🌱👩‍💻 \t"

# Titles mix the characters that break naive encoders with any other text;
# plain_text() has already collapsed runs of whitespace, so titles here
# never start or end with it either.
titles = st.text(
    alphabet=st.one_of(st.sampled_from(TRICKY), st.characters(codec="utf-8")),
    min_size=1,
    max_size=60,
).map(lambda text: " ".join(text.split())).filter(bool)
path_segments = st.text(
    alphabet=st.one_of(st.sampled_from("&#?+=é🚆-_."), st.characters(codec="utf-8")),
    min_size=1,
    max_size=20,
)
post_urls = st.builds(
    lambda host, segments: f"https://{host}/" + "/".join(quote(s, safe="") for s in segments) + "/",
    st.sampled_from(["pressless.example", "127.0.0.1:8000", "blog.example.org"]),
    st.lists(path_segments, min_size=1, max_size=4),
)
posts = st.builds(
    SharePost,
    url=post_urls,
    title=titles,
    summary=titles,
    image_url=post_urls.map(lambda url: url + "image.png"),
    x_via=st.sampled_from([None, "pressless", "Maren_Holt"]),
)


def test_every_network_is_decodable_and_has_an_icon():
    # A network added to the table without a decoder here would go untested.
    assert set(ICONS) == set(NETWORKS)
    for name, target in NETWORKS.items():
        if target.kind == "link":
            assert name in ENDPOINTS


@settings(max_examples=200, deadline=None)
@given(posts)
def test_share_urls_decode_to_the_exact_url_and_title(post):
    for name in URL_NETWORKS:
        url = NETWORKS[name].build(post)
        assert url.isascii() and " " not in url, url
        decoded_url, decoded_title = decode(name, url)
        assert decoded_url == post.url, name
        if decoded_title is not None:
            assert decoded_title == post.title, name


@settings(max_examples=200, deadline=None)
@given(posts, st.sampled_from(["mastodon.social", "fosstodon.org", "social.example:8443"]))
def test_mastodon_share_url_decodes(post, instance):
    assert decode_mastodon(mastodon_share_url(instance, post)) == (
        instance.partition(":")[0],
        post.url,
        post.title,
    )


@settings(deadline=None)
@given(posts)
def test_extra_fields_decode(post):
    pinterest = NETWORKS["pinterest"].build(post)
    assert query_values(pinterest)["media"] == post.image_url
    assert query_values(NETWORKS["x"].build(post)).get("via") == post.x_via
    assert query_values(NETWORKS["tumblr"].build(post))["caption"] == post.summary
    assert mailto_values(NETWORKS["email"].build(post))["body"] == f"{post.summary}\r\n\r\n{post.url}"


def test_email_is_rfc_6068():
    url = NETWORKS["email"].build(SharePost(url="https://a.example/p/", title="A + B & C"))
    assert url.startswith("mailto:?")
    # `+` would be read as a literal plus by mail clients; spaces must be %20.
    assert "+" not in url and "%20" in url and "%2B" in url
    assert mailto_values(url) == {"subject": "A + B & C", "body": "https://a.example/p/"}


def test_pinterest_needs_an_image():
    post = SharePost(url="https://a.example/p/", title="T")
    assert NETWORKS["pinterest"].build(post) is None
    names = [link.network for link in share_links(post, ["pinterest", "x"])]
    assert names == ["x"]


def test_share_links_follow_the_given_order():
    post = SharePost(url="https://a.example/p/", title="T", image_url="https://a.example/i.png")
    order = list(reversed(NETWORKS))
    links = share_links(post, order)
    assert [link.network for link in links] == order
    for link in links:
        assert link.label and link.icon == ICONS[link.network]
        assert link.label.lower().rstrip("…") in link.accessible_name.lower()
        # Only the links to a network open a new window; Mastodon's stays on the page.
        assert link.accessible_name.endswith(", opens in a new window") == (link.kind == "link")


def test_mastodon_link_leads_to_the_help_section_of_the_same_page():
    post = SharePost(url="https://a.example/2026/01/02/p/", title="T & U")
    (link,) = share_links(post, ["mastodon"])
    assert link.url == "#" + MASTODON_HELP_ID
    assert link.text == "T & U https://a.example/2026/01/02/p/"


def test_default_settings():
    config = read_settings({})
    assert list(config.networks) == DEFAULTS["SHARE_BUTTONS"]
    assert config.networks == (
        "x", "facebook", "linkedin", "reddit", "bluesky", "mastodon", "email", "copy-link",
    )
    assert (config.label, config.x_via, config.on_pages) == ("Share this:", None, False)


def test_unknown_network_is_named_with_the_valid_names():
    with pytest.raises(ShareButtonsError) as error:
        read_settings({"SHARE_BUTTONS": ["x", "facebok", "mastodon"]})
    message = str(error.value)
    assert "'facebok'" in message
    for name in NETWORKS:
        assert name in message
    assert ShareButtonsError.exitcode == 1


@pytest.mark.parametrize(
    "settings, words",
    [
        ({"SHARE_BUTTONS": "x"}, "must be a list"),
        ({"SHARE_BUTTONS": ["x", "x"]}, "'x' twice"),
        ({"SHARE_BUTTONS_X_VIA": "not a handle!"}, "SHARE_BUTTONS_X_VIA"),
        ({"SHARE_BUTTONS_ON_PAGES": "yes"}, "SHARE_BUTTONS_ON_PAGES"),
        ({"SHARE_BUTTONS_LABEL": 3}, "SHARE_BUTTONS_LABEL"),
    ],
)
def test_bad_settings_are_named(settings, words):
    with pytest.raises(ShareButtonsError, match="share_buttons") as error:
        read_settings(settings)
    assert words in str(error.value)


def test_x_handle_loses_its_at_sign():
    assert read_settings({"SHARE_BUTTONS_X_VIA": "@pressless"}).x_via == "pressless"



def test_a_row_is_made_once_and_only_when_first_read():
    post = SharePost(url="https://a.example/p/", title="T")
    made = []
    links = LinksOnDemand(lambda: made.append(post) or share_links(post, ["x", "mastodon"]))
    assert made == []
    assert links and len(links) == 2
    assert [link.network for link in links] == ["x", "mastodon"] and links[-1].kind == "mastodon"
    assert made == [post]


def test_whether_a_post_has_a_row_is_decided_at_once_its_links_later(monkeypatch):
    made = []
    monkeypatch.setattr(share_buttons, "share_links", lambda post, names: made.append(post.url) or [post.url])
    config = read_settings({})
    facts = SimpleNamespace(canonical_url="https://a.example/p/", title="T", description="", image=None)
    def post(**metadata):
        return SimpleNamespace(status="published", metadata=metadata, source_path="p.md")

    shared = share_buttons.links_of(post(), facts, config)
    hidden = share_buttons.links_of(post(share="off"), facts, config)
    assert hidden == [] and made == []
    assert list(shared) == ["https://a.example/p/"] and made == ["https://a.example/p/"]
    with pytest.raises(Exception, match="Share: "):
        share_buttons.links_of(post(share="maybe"), facts, config)
