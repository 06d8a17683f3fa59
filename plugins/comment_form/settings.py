"""The comment form's settings, checked once before anything is read or written."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from pressless.core.config import SettingsError, one_of, setting

PLUGIN = "comment_form"
BACKENDS = ("mailto", "isso", "none")
DEFAULTS = {
    # What "Post Comment" does: compose an email, post to isso, or no form at all.
    "COMMENTS_BACKEND": "mailto",
    # Where mailto comments go.
    "COMMENTS_EMAIL": None,
    # The isso server's address, for the isso backend.
    "COMMENTS_ISSO_URL": None,
}


@dataclass(frozen=True)
class FormConfig:
    """The checked settings. `backend` is "none" when the form cannot be shown."""

    backend: str
    email: str | None
    isso_url: str | None


def _check_email(email):
    if email is None:
        return None
    if not isinstance(email, str) or email.count("@") != 1 or any(c in email for c in " <>\"?&"):
        raise SettingsError(
            f"{PLUGIN}: COMMENTS_EMAIL {email!r} is not an email address like 'comments@example.org'"
        )
    return email


def _check_isso_url(url):
    if url is None:
        return None
    parts = urlsplit(url) if isinstance(url, str) else None
    if not parts or parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
        raise SettingsError(
            f"{PLUGIN}: COMMENTS_ISSO_URL {url!r} is not an http(s) URL like 'https://comments.example.org'"
        )
    # The script appends "/new?uri=..." itself.
    return url.rstrip("/")


def check_settings(settings):
    """Return (FormConfig, warnings) or raise SettingsError.

    A missing COMMENTS_EMAIL with the default mailto backend is a warning, not an
    error: a preview build must not die on it. The form is left out until it is set.
    """
    backend = one_of(PLUGIN, "COMMENTS_BACKEND", setting(settings, DEFAULTS, "COMMENTS_BACKEND"), BACKENDS)
    email = _check_email(setting(settings, DEFAULTS, "COMMENTS_EMAIL"))
    isso_url = _check_isso_url(setting(settings, DEFAULTS, "COMMENTS_ISSO_URL"))
    warnings = []
    if backend == "isso" and isso_url is None:
        raise SettingsError(f'{PLUGIN}: COMMENTS_BACKEND is "isso" but COMMENTS_ISSO_URL is not set')
    if backend == "mailto" and email is None:
        warnings.append(
            f'{PLUGIN}: COMMENTS_BACKEND is "mailto" but COMMENTS_EMAIL is not set; '
            "the comment form is left out until it is"
        )
        backend = "none"
    return FormConfig(backend, email, isso_url), warnings
