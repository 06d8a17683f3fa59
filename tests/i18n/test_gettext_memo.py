"""plugins/i18n/memo.py: each theme message is looked up once per build, and renders as before.

The memoized gettext/ngettext/_ must print exactly what Jinja's own newstyle
functions print, escaping and "%%" included, with autoescape on and off.
"""

import gettext

import pytest
from jinja2 import DictLoader, Environment

from plugins.i18n import memo

TEMPLATES = {
    "page.html": (
        '{{ _("Skip to content") }}|{{ _("Skip to content") }}|{{ _("100%% sure") }}|'
        '{{ _("on “%(title)s”", title=title) }}|{{ gettext("Menu") }}|'
        '{% trans %}Powered by <a href="/">Pelican</a>{% endtrans %}|'
        '{% trans name=title %}Hello {{ name }}{% endtrans %}|'
        '{% for n in [0, 1, 2, 2] %}{{ ngettext("%(num)s Comment", "%(num)s Comments", n) }};{% endfor %}|'
        '{{ ngettext("%(num)s result for “%(query)s”.", "%(num)s results for “%(query)s”.", 3,'
        ' query=title) }}'
    ),
}

FRENCH = {"Skip to content": "Aller au contenu", "Menu": "Menu <b>fr</b>"}


class CountingTranslations(gettext.NullTranslations):
    """English, with the French of two messages, counting catalog lookups."""

    def __init__(self):
        super().__init__()
        self.lookups = 0

    def gettext(self, message):
        self.lookups += 1
        return FRENCH.get(message, message)

    def ngettext(self, singular, plural, count):
        self.lookups += 1
        return singular if count == 1 else plural


def environment(autoescape, memoized):
    env = Environment(loader=DictLoader(TEMPLATES), autoescape=autoescape, extensions=["jinja2.ext.i18n"])
    translations = CountingTranslations()
    env.install_gettext_translations(translations, newstyle=True)
    if memoized:
        memo.install(env, translations)
    return env, translations


@pytest.mark.parametrize("autoescape", [True, False])
def test_the_memoized_functions_print_what_jinjas_print(autoescape):
    title = 'Fish & <chips> "50%"'
    jinja, _ = environment(autoescape, memoized=False)
    ours, _ = environment(autoescape, memoized=True)
    expected = jinja.get_template("page.html").render(title=title)
    assert ours.get_template("page.html").render(title=title) == expected
    assert "Aller au contenu|Aller au contenu|100% sure|" in expected


def test_each_message_is_looked_up_once_however_many_pages():
    jinja, counted_jinja = environment(True, memoized=False)
    ours, counted_ours = environment(True, memoized=True)
    for _page in range(20):
        jinja.get_template("page.html").render(title="a")
        ours.get_template("page.html").render(title="a")
    distinct = 6 + 4  # gettext messages, and ngettext (singular, plural, count) forms, in the template
    assert counted_ours.lookups == distinct
    assert counted_jinja.lookups == 20 * 12
