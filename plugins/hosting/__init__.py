"""hosting: the files static hosts read, `_headers` and `_redirects` (README.md).

Settings are checked once at `initialized`; a generator writes both files
after the site's pages, from the checked config, the comment settings in
effect (a Gravatar or isso host the policy must allow) and the entries'
`Redirect_From:` pairs.
"""

from dataclasses import dataclass
from types import MappingProxyType

from pelican import signals
from pelican.generators import Generator

from pressless.core.config import CONFIG_KEY, SettingsError, config_of, setting, store_config
from pressless.core.errors import show_author_errors_without_traceback
from pressless.core.hosting import DEFAULT_CACHE_RULES
from pressless.core.output import write_output_file
from pressless.core.redirects import entry_redirects

from .rules import DEFAULT_CSP, DEFAULT_HEADERS, headers_file, redirects_file

PLUGIN = "hosting"
DEFAULTS = {
    "HOSTING_HEADERS_SAVE_AS": "_headers",
    "HOSTING_REDIRECTS_SAVE_AS": "_redirects",
    "HOSTING_CSP": DEFAULT_CSP,
    "HOSTING_CSP_EXTRA": {},
    "HOSTING_HEADERS": DEFAULT_HEADERS,
    "HOSTING_CACHE_RULES": DEFAULT_CACHE_RULES,
    "HOSTING_NOT_FOUND_PAGE": "404.html",
    "HOSTING_REDIRECT_STATUS": 301,
}
REDIRECT_STATUSES = (301, 302, 307, 308)


@dataclass(frozen=True)
class HostingConfig:
    headers_save_as: str | None
    redirects_save_as: str | None
    csp: MappingProxyType
    csp_extra: MappingProxyType
    headers: MappingProxyType
    cache_rules: tuple
    not_found_page: str | None
    redirect_status: int


def settings_problem(values):
    """What is wrong with the HOSTING_* values, or None."""
    for name in ("HOSTING_CSP", "HOSTING_CSP_EXTRA"):
        policy = values[name]
        if not isinstance(policy, dict) or not all(
            isinstance(sources, list | tuple) and all(isinstance(s, str) and ";" not in s for s in sources)
            for sources in policy.values()
        ):
            return f"{name} must be a dict of directive: [sources], like {{'img-src': ['https://cdn.example']}}"
    if not isinstance(values["HOSTING_HEADERS"], dict):
        return "HOSTING_HEADERS must be a dict of header name: value"
    rules = values["HOSTING_CACHE_RULES"]
    if not all(isinstance(rule, list | tuple) and len(rule) == 2 for rule in rules):
        return "HOSTING_CACHE_RULES must be a list of (path pattern, Cache-Control) pairs"
    if values["HOSTING_REDIRECT_STATUS"] not in REDIRECT_STATUSES:
        return f"HOSTING_REDIRECT_STATUS must be one of {', '.join(map(str, REDIRECT_STATUSES))}"
    texts = [*values["HOSTING_HEADERS"].values(), *(v for _, v in rules)]
    if any("\n" in str(text) for text in texts):
        return "HOSTING_HEADERS and HOSTING_CACHE_RULES values must be one line each"
    return None


def check_settings(settings):
    """The checked HostingConfig; raise SettingsError on a setting of the wrong shape."""
    values = {name: setting(settings, DEFAULTS, name) for name in DEFAULTS}
    problem = settings_problem(values)
    if problem:
        raise SettingsError(f"{PLUGIN}: {problem}")
    return HostingConfig(
        headers_save_as=values["HOSTING_HEADERS_SAVE_AS"],
        redirects_save_as=values["HOSTING_REDIRECTS_SAVE_AS"],
        csp=MappingProxyType({k: tuple(v) for k, v in values["HOSTING_CSP"].items()}),
        csp_extra=MappingProxyType({k: tuple(v) for k, v in values["HOSTING_CSP_EXTRA"].items()}),
        headers=MappingProxyType(dict(values["HOSTING_HEADERS"])),
        cache_rules=tuple(tuple(rule) for rule in values["HOSTING_CACHE_RULES"]),
        not_found_page=values["HOSTING_NOT_FOUND_PAGE"],
        redirect_status=values["HOSTING_REDIRECT_STATUS"],
    )


def check(pelican):
    store_config(pelican.settings, PLUGIN, check_settings(pelican.settings))


def comment_hosts(context):
    """The other hosts the comment settings in effect make the page talk to."""
    configs = context.get(CONFIG_KEY, {})
    comments, form = configs.get("comments"), configs.get("comment_form")
    return {
        "gravatar": bool(comments and comments.gravatar),
        "isso_url": form.isso_url if form and form.backend == "isso" else None,
    }


class HostFilesGenerator(Generator):
    """Writes `_headers` and `_redirects` into the output's root."""

    def generate_output(self, writer):
        config = config_of(self.context, PLUGIN)
        site = self.settings["SITEURL"]
        # Drafts are never public: no old address may lead to one.
        entries = [*self.context.get("articles", []), *self.context.get("hidden_articles", []),
                   *self.context.get("pages", []), *self.context.get("hidden_pages", [])]
        if config.headers_save_as:
            text = headers_file(config, site, **comment_hosts(self.context))
            write_output_file(writer.output_path, config.headers_save_as, text)
        if config.redirects_save_as:
            text = redirects_file(config, site, entry_redirects(entries))
            write_output_file(writer.output_path, config.redirects_save_as, text)


def get_generators(pelican):
    return HostFilesGenerator


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.get_generators.connect(get_generators)
