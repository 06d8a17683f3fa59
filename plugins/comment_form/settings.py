"""Check the comment form's settings before anything is read or written."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from pressless.core.errors import AuthorError

PLUGIN = "comment_form"
BACKENDS = ("mailto", "isso", "none")
DEFAULTS = {
    "COMMENTS_BACKEND": "mailto",
    "COMMENTS_EMAIL": None,
    "COMMENTS_ISSO_URL": None,
}


class CommentFormSettingsError(AuthorError):
    """A setting the comment form cannot work with; the build stops."""


@dataclass(frozen=True)
class FormSettings:
    """The checked settings. `backend` is "none" when the form cannot be shown."""

    backend: str
    email: str | None
    isso_url: str | None


def _error(message):
    return CommentFormSettingsError(f"{PLUGIN}: {message}")


def _check_email(email):
    if email is None:
        return None
    if not isinstance(email, str) or email.count("@") != 1 or any(c in email for c in " <>\"?&"):
        raise _error(f"COMMENTS_EMAIL {email!r} is not an email address like 'comments@example.org'")
    return email


def _check_isso_url(url):
    if url is None:
        return None
    parts = urlsplit(url) if isinstance(url, str) else None
    if not parts or parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
        raise _error(
            f"COMMENTS_ISSO_URL {url!r} is not an http(s) URL like 'https://comments.example.org'"
        )
    # The script appends "/new?uri=..." itself.
    return url.rstrip("/")


def check_settings(settings):
    """Return (FormSettings, warnings) or raise CommentFormSettingsError.

    A missing COMMENTS_EMAIL with the default mailto backend is a warning, not an
    error: a preview build must not die on it. The form is left out until it is set.
    """
    backend = settings.get("COMMENTS_BACKEND", DEFAULTS["COMMENTS_BACKEND"])
    if backend not in BACKENDS:
        raise _error(f"COMMENTS_BACKEND {backend!r} is not one of: {', '.join(BACKENDS)}")
    email = _check_email(settings.get("COMMENTS_EMAIL"))
    isso_url = _check_isso_url(settings.get("COMMENTS_ISSO_URL"))
    warnings = []
    if backend == "isso" and isso_url is None:
        raise _error('COMMENTS_BACKEND is "isso" but COMMENTS_ISSO_URL is not set')
    if backend == "mailto" and email is None:
        warnings.append(
            f'{PLUGIN}: COMMENTS_BACKEND is "mailto" but COMMENTS_EMAIL is not set; '
            "the comment form is left out until it is"
        )
        backend = "none"
    return FormSettings(backend, email, isso_url), warnings
