"""hosting: the files static hosts read, `_headers` and `_redirects` (README.md)."""

from pathlib import Path

from pelican import signals

from pressless.core.errors import AuthorError, show_author_errors_without_traceback
from pressless.core.hosting import DEFAULT_CACHE_RULES
from pressless.core.redirects import entry_redirects

from .rules import DEFAULT_CSP, DEFAULT_HEADERS, headers_file, redirects_file

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


class HostingError(AuthorError):
    """A HOSTING_* setting the plugin cannot use."""


def settings_problem(settings):
    """What is wrong with the HOSTING_* settings, or None."""
    for name in ("HOSTING_CSP", "HOSTING_CSP_EXTRA"):
        policy = settings[name]
        if not isinstance(policy, dict) or not all(
            isinstance(sources, list | tuple) and all(isinstance(s, str) and ";" not in s for s in sources)
            for sources in policy.values()
        ):
            return f"{name} must be a dict of directive: [sources], like {{'img-src': ['https://cdn.example']}}"
    if not isinstance(settings["HOSTING_HEADERS"], dict):
        return "HOSTING_HEADERS must be a dict of header name: value"
    rules = settings["HOSTING_CACHE_RULES"]
    if not all(isinstance(rule, list | tuple) and len(rule) == 2 for rule in rules):
        return "HOSTING_CACHE_RULES must be a list of (path pattern, Cache-Control) pairs"
    if settings["HOSTING_REDIRECT_STATUS"] not in REDIRECT_STATUSES:
        return f"HOSTING_REDIRECT_STATUS must be one of {', '.join(map(str, REDIRECT_STATUSES))}"
    texts = [*settings["HOSTING_HEADERS"].values(), *(v for _, v in rules)]
    if any("\n" in str(text) for text in texts):
        return "HOSTING_HEADERS and HOSTING_CACHE_RULES values must be one line each"
    return None


def check_settings(pelican):
    show_author_errors_without_traceback()
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)
    problem = settings_problem(pelican.settings)
    if problem:
        raise HostingError(f"hosting: {problem}")


def write_host_files(generators):
    settings = generators[0].settings
    output = Path(generators[0].output_path)
    entries = []
    for generator in generators:
        # Drafts are never public: no old address may lead to one.
        entries += [*getattr(generator, "articles", []), *getattr(generator, "hidden_articles", [])]
        entries += [*getattr(generator, "pages", []), *getattr(generator, "hidden_pages", [])]
    for save_as, text in (
        (settings["HOSTING_HEADERS_SAVE_AS"], lambda: headers_file(settings)),
        (settings["HOSTING_REDIRECTS_SAVE_AS"], lambda: redirects_file(settings, entry_redirects(entries))),
    ):
        if save_as:
            target = output / save_as
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text(), encoding="utf-8")


def register():
    signals.initialized.connect(check_settings)
    signals.all_generators_finalized.connect(write_host_files)
