"""s3://bucket/prefix: the site as objects in a bucket (AWS S3, MinIO, Cloudflare R2).

Only files whose content changed are uploaded: each object is written in
one PUT, whose ETag is the MD5 of its bytes, so the bucket's listing says
what is there without downloading anything. Every object gets the
Content-Type and Cache-Control of its kind (pressless.core.hosting).
Assets go first and pages last, so a new page never points at a file that is
not there yet; objects the new site no longer has are deleted only after
every upload succeeded.
"""

from concurrent.futures import ThreadPoolExecutor

from pressless.core.hosting import DEFAULT_CACHE_RULES, cache_control, content_type

from .errors import PublishError
from .plan import compare, manifest, md5_of, site_files

UPLOAD_THREADS = 8
DELETE_BATCH = 1000  # the most keys one DeleteObjects request takes


def make_client(endpoint_url=None, region=None):
    import boto3

    return boto3.client("s3", endpoint_url=endpoint_url or None, region_name=region or None)


class S3Host:
    def __init__(self, target, client, cache_rules=DEFAULT_CACHE_RULES):
        self.bucket = target.host
        self.prefix = target.path
        self.client = client
        self.cache_rules = cache_rules
        self.uploaded = []  # keys written by the last publish, in order

    def __str__(self):
        return f"s3://{self.bucket}/{self.prefix}"

    def live_manifest(self):
        """{site-relative path: ETag} of the objects under the prefix."""
        files = {}
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix)
        for page in _calling(self, "listing the bucket", lambda: list(pages)):
            for item in page.get("Contents", []):
                # An ETag with a '-' is a multipart upload's, not an MD5: it never matches.
                files[item["Key"][len(self.prefix) :]] = item["ETag"].strip('"')
        return files

    def plan(self, site):
        return compare(manifest(site, md5_of), self.live_manifest())

    def headers_for(self, path):
        return {"ContentType": content_type(path), "CacheControl": cache_control(path, self.cache_rules)}

    def upload(self, files, path):
        body = files[path].read_bytes()
        _calling(
            self, f"uploading {path}",
            lambda: self.client.put_object(Bucket=self.bucket, Key=self.prefix + path, Body=body,
                                           **self.headers_for(path)),
        )
        return path

    def publish(self, site, plan):
        self.uploaded = []
        files = site_files(site)
        pages = [path for path in plan.uploads if path.endswith(".html")]
        assets = [path for path in plan.uploads if not path.endswith(".html")]
        with ThreadPoolExecutor(max_workers=UPLOAD_THREADS) as pool:
            for batch in (assets, pages):
                self.uploaded += list(pool.map(lambda path: self.upload(files, path), batch))
        for start in range(0, len(plan.deleted), DELETE_BATCH):
            keys = [{"Key": self.prefix + path} for path in plan.deleted[start : start + DELETE_BATCH]]
            _calling(self, "deleting old objects",
                     lambda keys=keys: self.client.delete_objects(Bucket=self.bucket,
                                                                  Delete={"Objects": keys, "Quiet": True}))
        return f"{len(self.uploaded)} uploaded, {len(plan.deleted)} deleted"


def _calling(host, what, call):
    """Run an S3 call; any failure becomes one PublishError line."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        return call()
    except ClientError as error:
        detail = error.response.get("Error", {})
        raise PublishError(f"{host}: {what} failed: {detail.get('Code')}: {detail.get('Message')}") from None
    except BotoCoreError as error:
        raise PublishError(f"{host}: {what} failed: {error}") from None
