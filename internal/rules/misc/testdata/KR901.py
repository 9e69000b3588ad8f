"""Blog views and helpers: asserts in application code."""
import unittest
from typing import Optional

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse

from .models import Post


def delete_post(request, post_id):
    post = Post.objects.get(pk=post_id)
    assert request.user == post.owner, "not your post"  # want `assert used as an access or integrity check \(post.owner\)`
    post.delete()
    return JsonResponse({"ok": True})


def admin_stats(request):
    assert request.user.is_staff  # want `access or integrity check \(request.user.is_staff\)`
    return JsonResponse({"posts": Post.objects.count()})


def can_edit(user, post):
    assert user.has_perm("blog.change_post")  # want `access or integrity check \(user.has_perm\)`
    return True


def verify_upload(blob, expected):
    import hashlib
    assert hashlib.sha256(blob).hexdigest() == expected  # want `access or integrity check \(hexdigest\)`
    return blob


def paginate(items, page):
    assert page >= 1, "page starts at 1"  # want "assert is removed under python -O"
    size = 20
    return items[(page - 1) * size:page * size]


class Exporter:
    def __init__(self, fmt):
        assert fmt in ("csv", "json")  # want "assert is removed under python -O"
        self.fmt = fmt

    def export(self, rows: Optional[list]):
        assert rows is not None  # want "assert narrows a type"
        assert isinstance(self.fmt, str) and rows is not None  # want "assert narrows a type"
        for row in rows:
            if not row:
                continue
            try:
                assert len(row) < 100  # want "assert is removed"
            except AssertionError:
                raise ValueError("row too long")
        return rows


async def handler(event):
    match event:
        case {"type": "ping"}:
            assert event.get("id")  # want "assert is removed"
    return event


class Testimonial:
    def __init__(self, text):
        assert text, "empty testimonial"  # want "assert is removed under python -O"
        self.text = text


def testimonials(items):
    assert items is not None  # want "assert narrows a type"
    return [Testimonial(t) for t in items]


# Safe: the checks raise, and test code inside the module is quiet.
def delete_comment(request, comment):
    if request.user != comment.owner:
        raise PermissionDenied("not your comment")
    comment.delete()


def test_paginate():
    assert paginate([1, 2, 3], 1) == [1, 2, 3]


class TestExporter(unittest.TestCase):
    def test_csv(self):
        assert Exporter("csv").fmt == "csv"


def testExport():
    assert Exporter("json").fmt == "json"


class ExporterCase(unittest.TestCase):
    def runTest(self):
        assert Exporter("json").fmt == "json"
