"""render_once: a site-wide partial is rendered once per SITEURL in a build."""

from jinja2 import DictLoader, Environment

from plugins.template_tags.render_once import (
    BUILD_CACHE,
    forget_rendered,
    new_build_cache,
    render_entry_once,
    render_once,
)


def environment(renders):
    def counted(value):
        renders.append(value)
        return value

    env = Environment(
        loader=DictLoader(
            {
                "widget.html": '<a href="{{ SITEURL }}/x/">{{ counted(label) }}</a>',
                "page.html": "{{ render_once('widget.html') }}|{{ page_only }}",
            }
        ),
        autoescape=True,
    )
    env.globals.update(render_once=render_once, counted=counted)
    return env


def test_renders_once_per_siteurl_and_per_build():
    renders = []
    page = environment(renders).get_template("page.html")
    build = {"label": "A & B"}
    new_build_cache(build)
    outputs = [
        page.render(build, SITEURL=siteurl, page_only=n)
        for n, siteurl in enumerate(["..", "../..", "..", "../.."])
    ]
    assert outputs == [
        '<a href="../x/">A &amp; B</a>|0',
        '<a href="../../x/">A &amp; B</a>|1',
        '<a href="../x/">A &amp; B</a>|2',
        '<a href="../../x/">A &amp; B</a>|3',
    ]
    assert renders == ["A & B", "A & B"]
    # The next build starts empty: a changed site model shows at once.
    rebuild = {"label": "C"}
    new_build_cache(rebuild)
    assert page.render(rebuild, SITEURL="..", page_only=0) == '<a href="../x/">C</a>|0'
    assert rebuild[BUILD_CACHE] is not build[BUILD_CACHE]


def test_without_a_build_cache_it_just_renders():
    renders = []
    page = environment(renders).get_template("page.html")
    for _ in range(2):
        assert page.render(SITEURL="", label="x", page_only=1) == '<a href="/x/">x</a>|1'
    assert len(renders) == 2


class Post:
    def __init__(self, title):
        self.title = title


def test_an_entry_partial_renders_once_per_entry_siteurl_and_variation():
    renders = []
    env = Environment(
        loader=DictLoader(
            {
                "summary.html": '<a href="{{ SITEURL }}/p/">{{ counted(entry.title) }}</a>'
                "{% if first %}*{% endif %}",
                "list.html": "{% for entry in posts %}"
                "{{ render_entry_once('summary.html', entry, first=loop.first) }};{% endfor %}",
            }
        ),
        autoescape=True,
    )
    env.globals.update(render_entry_once=render_entry_once, counted=lambda seen: renders.append(seen) or seen)
    listing = env.get_template("list.html")
    build = {}
    new_build_cache(build)
    one, two = Post("One & only"), Post("Two")
    pages = [("..", [one, two]), ("..", [two, one]), ("../..", [one, two]), ("..", [one, two])]
    outputs = [listing.render(build, SITEURL=siteurl, posts=posts) for siteurl, posts in pages]
    assert outputs == [
        '<a href="../p/">One &amp; only</a>*;<a href="../p/">Two</a>;',
        '<a href="../p/">Two</a>*;<a href="../p/">One &amp; only</a>;',
        '<a href="../../p/">One &amp; only</a>*;<a href="../../p/">Two</a>;',
        '<a href="../p/">One &amp; only</a>*;<a href="../p/">Two</a>;',
    ]
    # (one, "..", first), (two, "..", not first), (two, "..", first), (one, "..", not first),
    # then the same two at "../..": the last page is all from the cache.
    assert renders == ["One & only", "Two", "Two", "One & only", "One & only", "Two"]
    forget_rendered(build)
    listing.render(build, SITEURL="..", posts=[one])
    assert renders[-1] == "One & only"
