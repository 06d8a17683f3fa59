"""What the "Leave a Reply" form of one post needs, computed from the config alone."""

from dataclasses import dataclass
from urllib.parse import quote

from pressless.core.comments import blank_comment_file, comment_file_text
from pressless.core.text import plain_text
from pressless.core.urls import url_path

# The comment file the page's script fills in: the core writer's format with a
# {token} for each value; the script drops the lines of optional values left empty.
SCRIPT_FILE_TEMPLATE = comment_file_text(
    author="{author}", date="{date}", email="{email}", url="{url}", reply_to="{reply_to}", body="{text}"
)


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
    file_template: str


def mail_subject(post_title, comment_folder, file_name=""):
    return f"Comment on “{post_title}” [{comment_folder}{file_name}]"


def mailto_href(address, subject, body):
    """A mailto: URL (RFC 6068): everything percent-encoded, CRLF line breaks."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return (
        f"mailto:{quote(address, safe='@')}"
        f"?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    )


def post_comment_form(config, *, slug, title, url, site_url, comments_folder):
    """Build the PostCommentForm of one post from the checked FormConfig."""
    folder = f"{comments_folder.strip('/')}/{slug}/"
    title = plain_text(title)
    href = None
    if config.email:
        href = mailto_href(config.email, mail_subject(title, folder), blank_comment_file())
    return PostCommentForm(
        backend=config.backend,
        post_slug=slug,
        post_title=title,
        thread_uri=url_path(site_url, url),
        comment_folder=folder,
        email=config.email,
        isso_url=config.isso_url,
        mailto_href=href,
        file_template=SCRIPT_FILE_TEMPLATE,
    )
