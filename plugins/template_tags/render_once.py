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
