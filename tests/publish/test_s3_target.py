"""s3:// publishing against moto's S3 server on 127.0.0.1 (the code path real S3 uses)."""

import os
import shutil
import time

import boto3
import pytest

from pressless.tools.publish.errors import PublishError
from pressless.tools.publish.plan import site_files
from pressless.tools.publish.run import publish
from pressless.tools.publish.s3 import S3Host, make_client
from pressless.tools.publish.targets import parse_target

from .fixture_site import change_post, write_content, write_settings
from .servers import MotoS3

BUCKET = "blog-bucket"
POST = "2025/05/17/the-shed/index.html"


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    saved = {}
    # moto takes any keys; these keep boto3 from looking for real ones.
    for name, value in (("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing"),
                        ("AWS_DEFAULT_REGION", "us-east-1"), ("AWS_CONFIG_FILE", "/dev/null"),
                        ("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")):
        saved[name] = os.environ.get(name)
        os.environ[name] = value
    with MotoS3(tmp_path_factory.mktemp("moto")).run() as server:
        client = boto3.client("s3", endpoint_url=server.endpoint_url, region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        server.client = client
        yield server
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def objects(client, prefix):
    """{site-relative path: object listing entry} under a prefix."""
    found = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix):
        for item in page.get("Contents", []):
            found[item["Key"][len(prefix):]] = item
    return found


def differing_files(old_folder, new_folder):
    old, new = site_files(old_folder), site_files(new_folder)
    return {path for path, file in new.items()
            if path not in old or old[path].read_bytes() != file.read_bytes()}


@pytest.fixture(scope="module")
def blog(tmp_path_factory, s3):
    folder = tmp_path_factory.mktemp("s3-blog")
    content = write_content(folder / "content")
    settings = write_settings(folder, content, PUBLISH_S3_ENDPOINT_URL=s3.endpoint_url)
    return folder, content, settings


def test_publish_uploads_the_site_then_only_what_changed(blog, s3):
    folder, content, settings = blog
    public = folder / "public"
    target = f"s3://{BUCKET}/blog"
    publish(settings, public, target=target, log=print)
    live = objects(s3.client, "blog/")
    assert set(live) == set(site_files(public))

    def head(path):
        return s3.client.head_object(Bucket=BUCKET, Key=f"blog/{path}")

    page = head(POST)
    assert page["ContentType"] == "text/html; charset=utf-8"
    assert page["CacheControl"] == "public, max-age=0, must-revalidate"
    assert head("theme/css/style.css")["ContentType"] == "text/css; charset=utf-8"
    assert head("theme/css/style.css")["CacheControl"] == "public, max-age=86400"
    assert head("feed/atom.xml")["ContentType"] == "application/atom+xml; charset=utf-8"
    fragment = next(path for path in live if path.startswith("pagefind/fragment/"))
    assert head(fragment)["CacheControl"] == "public, max-age=31536000, immutable"
    body = s3.client.get_object(Bucket=BUCKET, Key=f"blog/{POST}")["Body"].read()
    assert body == (public / POST).read_bytes()

    first_build = folder / "first-build"
    shutil.copytree(public, first_build)
    time.sleep(1.1)  # S3 times objects to the second: a re-upload must show
    change_post(content, "the-shed", "A postscript about gutters.")
    outcome = publish(settings, public, target=target, log=print)
    after = objects(s3.client, "blog/")
    uploaded = {path for path, item in after.items()
                if path not in live or item["LastModified"] != live[path]["LastModified"]}
    expected = differing_files(first_build, public)
    assert uploaded == expected == set(outcome.plan.uploads)
    # The post and the pages that list it with its text; no other post, no page.
    assert POST in uploaded and "feed/atom.xml" in uploaded
    assert "2025/03/02/first-light/index.html" not in uploaded
    assert "about/index.html" not in uploaded and "theme/css/style.css" not in uploaded
    assert len(uploaded) < len(after) / 4, f"{len(uploaded)} of {len(after)} files uploaded"
    # Stale objects (the old search index files) are gone once the new ones are up.
    assert set(after) == set(site_files(public))
    assert outcome.plan.deleted and not set(outcome.plan.deleted) & set(after)


def test_dry_run_and_a_failing_build_upload_nothing(blog, s3, tmp_path):
    _folder, content, settings = blog
    target = f"s3://{BUCKET}/dry"
    outcome = publish(settings, tmp_path / "public", target=target, dry_run=True, log=print)
    assert outcome.plan.added and not outcome.plan.changed
    assert objects(s3.client, "dry/") == {}

    broken = content / "posts" / "broken.md"
    broken.write_text("Title: Broken\nDate: yesterday-ish\n\nBody\n")
    try:
        with pytest.raises(PublishError, match="the build failed"):
            publish(settings, tmp_path / "public", target=target, log=print)
    finally:
        broken.unlink()
    assert objects(s3.client, "dry/") == {}


def test_stale_objects_are_deleted_after_every_upload_and_pages_go_last(blog, s3, tmp_path, monkeypatch):
    _folder, content, _ = blog
    monkeypatch.setenv("PUBLISH_S3_ENDPOINT_URL", s3.endpoint_url)  # the setting's fallback
    settings = write_settings(tmp_path, content)
    publish(settings, tmp_path / "public", target=f"s3://{BUCKET}/order", log=print)
    s3.client.put_object(Bucket=BUCKET, Key="order/old-page/index.html", Body=b"stale")
    change_post(content, "seed-swap", "Mostly beans.")

    calls = []
    client = make_client(s3.endpoint_url)
    def record(model, params, **_):
        calls.append((model.name, params.get("Key")))

    client.meta.events.register("before-parameter-build.s3.*", record)
    host = S3Host(parse_target(f"s3://{BUCKET}/order"), client)
    from pressless.tools.build import build_site

    build_site(settings, tmp_path / "public")
    plan = host.plan(tmp_path / "public")
    host.publish(tmp_path / "public", plan)
    names = [name for name, _ in calls if name != "ListObjectsV2"]
    assert names[-1] == "DeleteObjects" and names.count("DeleteObjects") == 1
    puts = [key for name, key in calls if name == "PutObject"]
    first_page = next(i for i, key in enumerate(puts) if key.endswith(".html"))
    assert all(key.endswith(".html") for key in puts[first_page:]), "assets first, pages last"
    assert "old-page/index.html" not in objects(s3.client, "order/")


def test_an_unreachable_endpoint_fails_in_one_line(blog, tmp_path):
    _folder, content, _ = blog
    settings = write_settings(tmp_path, content, PUBLISH_S3_ENDPOINT_URL="http://127.0.0.1:9")
    with pytest.raises(PublishError, match=r"s3://blog-bucket/: listing the bucket failed: .*127\.0\.0\.1:9"):
        publish(settings, tmp_path / "public", target=f"s3://{BUCKET}", log=print)
