"""Plugin installer: unpacks uploaded and downloaded archives."""
import os
import shutil
import tarfile
from contextlib import closing
from tarfile import open as open_tar


def install_plugin(upload, dest):
    with tarfile.open(fileobj=upload) as tar:
        tar.extractall(dest)  # want `TarFile.extractall without filter=: before Python 3.14`


def install_theme(path, dest):
    archive = tarfile.open(path, "r:gz")
    archive.extractall(path=dest, members=archive.getmembers())  # want `TarFile.extractall without filter=`
    archive.extract("theme.json", dest)  # want `TarFile.extract without filter=`
    archive.close()


def restore_backup(path, dest):
    open_tar(path).extractall(dest, filter="fully_trusted")  # want `TarFile.extractall with the fully_trusted filter`
    with tarfile.TarFile(path) as t:
        t.extractall(dest, filter=tarfile.fully_trusted_filter)  # want `fully_trusted filter`


def legacy(path, dest):
    with closing(tarfile.open(path)) as tar:
        tar.extractall(dest)  # want `TarFile.extractall without filter=`


def compat(path, dest):
    with tarfile.open(path) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(dest, filter="data")
        else:
            tar.extractall(dest)  # want `TarFile.extractall without filter= as the fallback for Pythons that lack extraction filters`


def unpack(tar: tarfile.TarFile, dest):
    tar.extractall(dest)  # want `TarFile.extractall without filter=`


def unpack_any(bundle, dest):
    bundle.extractall(dest)  # want `bundle.extractall\(\) without filter=`


def import_dataset(path, dest):
    shutil.unpack_archive(path, dest)  # want `shutil.unpack_archive without filter= unpacks tar archives unfiltered`


# Safe: filters, checked members, helpers, zip archives.
def install_safe(upload, dest):
    with tarfile.open(fileobj=upload) as tar:
        tar.extractall(dest, filter="data")
    with tarfile.open(fileobj=upload) as tar:
        tar.extractall(dest, filter=tarfile.data_filter)
    with tarfile.open(fileobj=upload) as tar:
        tar.extract("a.txt", dest, filter="tar")
    shutil.unpack_archive(upload, dest, filter="data")
    shutil.unpack_archive("bundle.zip", dest)
    shutil.unpack_archive(upload, dest, format="zip")


def only_docs(path, dest):
    with tarfile.open(path) as tar:
        docs = [m for m in tar.getmembers() if m.name.startswith("docs/") and ".." not in m.name]
        tar.extractall(dest, members=docs)


def is_within_directory(directory, target):
    abs_directory = os.path.abspath(directory)
    abs_target = os.path.abspath(target)
    return os.path.commonprefix([abs_directory, abs_target]) == abs_directory


def safe_extract(tar, path=".", members=None, *, numeric_owner=False):
    for member in tar.getmembers():
        member_path = os.path.join(path, member.name)
        if not is_within_directory(path, member_path):
            raise Exception("Attempted Path Traversal in Tar File")
    tar.extractall(path, members, numeric_owner=numeric_owner)


def checked(path, dest):
    with tarfile.open(path) as tar:
        for member in tar:
            if member.issym() or member.islnk():
                raise ValueError("links are not allowed")
        tar.extractall(dest)


def with_options(path, dest, **options):
    with tarfile.open(path) as tar:
        tar.extractall(dest, **options)
