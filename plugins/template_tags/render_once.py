"""Render a site-wide partial once per build and reuse its HTML.

The sidebar widgets (recent posts, archives, tag cloud...) print the same
HTML on every page: they read only the site model and SITEURL. SITEURL is the
one thing that changes from page to page (with RELATIVE_URLS it is a relative
prefix like '../..'), so each widget is rendered once per distinct SITEURL and
the HTML is reused: a few dozen renders instead of one per page.

The cache is a dict in the build's own context (`new_build_cache`), so every
build, including each `pelican --autoreload` rebuild, starts empty.
"""

from jinja2 import pass_context
from markupsafe import Markup

BUILD_CACHE = "site_wide_html"


def new_build_cache(context):
    """Give a build's context an empty cache; call once per build."""
    context[BUILD_CACHE] = {}


def forget_rendered(context):
    """Empty the build's cache in place: the pages already recorded hold this same dict."""
    context.get(BUILD_CACHE, {}).clear()


@pass_context
def render_once(context, template_name):
    """`template_name` rendered with the page's context, from the build's cache.

    Only for partials whose output depends on nothing but the site model and
    SITEURL. Outside a build (no cache in the context) it simply renders.
    """
    cache = context.get(BUILD_CACHE)
    key = (template_name, context.get("SITEURL"))
    if cache is not None and key in cache:
        return cache[key]
    template = context.environment.get_template(template_name)
    html = Markup(template.render(context.get_all()))
    if cache is not None:
        cache[key] = html
    return html


@pass_context
def render_entry_once(context, template_name, entry, **variation):
    """`template_name` rendered for `entry`, once per build for each SITEURL and `variation`.

    For a partial that prints one post the same way wherever it is listed
    (the summary on the front page and on its category, tag and author
    pages): a 1,000-post blog lists each post on about five listing pages.
    The partial may read `entry`, the `variation` values (passed to it as
    variables), SITEURL and build-wide values only: anything else it read
    from the page would be taken from the first page that rendered it.
    """
    cache = context.get(BUILD_CACHE)
    key = (template_name, id(entry), context.get("SITEURL"), tuple(sorted(variation.items())))
    if cache is not None and key in cache:
        return cache[key][1]
    template = context.environment.get_template(template_name)
    html = Markup(template.render({**context.get_all(), **variation, "entry": entry}))
    if cache is not None:
        # The entry is kept with its HTML so that its id() cannot be reused during the build.
        cache[key] = (entry, html)
    return html
