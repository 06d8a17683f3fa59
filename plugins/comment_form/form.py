"""What the "Leave a Reply" form of one post needs, computed from settings alone."""

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from pressless.core.text import plain_text

# The header of a comment file, in the order the comments plugin documents it.
# The no-JavaScript email starts with these lines, empty, for the reader to fill in.
COMMENT_FILE_FIELDS = ("Author", "Date", "URL", "Reply-To")


@dataclass(frozen=True)
class PostCommentForm:
    """Everything partials/comment-form.html prints for one post."""

    backend: str
    post_slug: str
    post_title: str
    thread_uri: str
    comment_folder: str
    email: str | None
    isso_url: str | None
    mailto_href: str | None


def thread_uri(site_url, article_url):
    """The URL path a post is read at, e.g. '/2026/03/14/slug/': isso's thread key.

    A site served below a path ('https://example.org/blog') keeps that prefix,
    because the path is what readers' browsers and isso see.
    """
    prefix = urlsplit(site_url or "").path.rstrip("/")
    return f"{prefix}/{article_url.lstrip('/')}"


def plain_title(title):
    """A typogrified title ('A &amp; <span class="caps">B</span>') as plain text."""
    # plain_text also turns Typogrify's no-break space into a plain one, as a mail subject wants.
    return plain_text(title)


def mail_subject(post_title, comment_folder, file_name=""):
    return f"Comment on “{post_title}” [{comment_folder}{file_name}]"


def blank_comment_file():
    """The body of the no-JavaScript email: an empty comment file to fill in."""
    header = "".join(f"{field}: \n" for field in COMMENT_FILE_FIELDS)
    return f"{header}\nWrite your comment here, in Markdown.\n"


def mailto_href(address, subject, body):
    """A mailto: URL (RFC 6068): everything percent-encoded, CRLF line breaks."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return (
        f"mailto:{quote(address, safe='@')}"
        f"?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    )


def post_comment_form(form_settings, *, slug, title, url, site_url, comments_folder):
    """Build the PostCommentForm of one post from the checked FormSettings."""
    folder = f"{comments_folder.strip('/')}/{slug}/"
    title = plain_title(title)
    href = None
    if form_settings.email:
        href = mailto_href(form_settings.email, mail_subject(title, folder), blank_comment_file())
    return PostCommentForm(
        backend=form_settings.backend,
        post_slug=slug,
        post_title=title,
        thread_uri=thread_uri(site_url, url),
        comment_folder=folder,
        email=form_settings.email,
        isso_url=form_settings.isso_url,
        mailto_href=href,
    )
