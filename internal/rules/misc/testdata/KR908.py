"""Theme and dataset import: archives unpacked by hand."""
import os
import shutil
import tarfile
import zipfile
from pathlib import Path

from werkzeug.utils import secure_filename


def import_theme(upload, dest):
    with zipfile.ZipFile(upload) as zf:
        for name in zf.namelist():
            target = os.path.join(dest, name)  # want `output path built from the name of each member of namelist\(\)`
            with open(target, "wb") as out:
                out.write(zf.read(name))


def import_dataset(upload, dest):
    zf = zipfile.ZipFile(upload)
    for info in zf.infolist():
        out = Path(dest) / info.filename  # want `each member of infolist\(\)`
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(zf.read(info))


def import_backup(path, dest):
    with tarfile.open(path) as tar:
        for member in tar.getmembers():
            fileobj = tar.extractfile(member)
            if fileobj is None:
                continue
            with open(f"{dest}/{member.name}", "wb") as out:  # want `each member of getmembers\(\)`
                shutil.copyfileobj(fileobj, out)


def import_logs(path, dest):
    with tarfile.open(path) as tar:
        for member in tar:
            name = member.name
            os.makedirs(os.path.join(dest, os.path.dirname(name)), exist_ok=True)
            with open(os.path.join(dest, name), "wb") as out:  # want `each member of a tar archive`
                out.write(tar.extractfile(member).read())


def import_plugin(path, dest, strip_root):
    tar = tarfile.open(path)
    for member in tar.getmembers():
        fn = member.name
        if strip_root:
            fn = fn.split("/", 1)[-1]
        path = os.path.join(dest, fn)  # want `each member of getmembers\(\)`
        if member.isfile():
            with open(path, "wb") as out:
                out.write(tar.extractfile(member).read())


# Safe: checked paths, sanitised names, library extraction, listings, inspect.getmembers.
def import_checked(upload, dest):
    root = os.path.realpath(dest)
    with zipfile.ZipFile(upload) as zf:
        for name in zf.namelist():
            target = os.path.realpath(os.path.join(root, name))
            if os.path.commonpath([root, target]) != root:
                raise ValueError(f"unsafe member {name!r}")
            with open(target, "wb") as out:
                out.write(zf.read(name))
        for name in zf.namelist():
            if ".." in name or name.startswith("/"):
                continue
            with open(os.path.join(root, name), "wb") as out:
                out.write(zf.read(name))


def import_flat(upload, dest):
    with zipfile.ZipFile(upload) as zf:
        for name in zf.namelist():
            target = os.path.join(dest, secure_filename(name))
            with open(target, "wb") as out:
                out.write(zf.read(name))
        for info in zf.infolist():
            base = os.path.basename(info.filename)
            with open(os.path.join(dest, base), "wb") as out:
                out.write(zf.read(info))
        for info in zf.infolist():
            zf.extract(info, dest)


def import_validated(upload, dest):
    with zipfile.ZipFile(upload) as zf:
        for name in zf.namelist():
            validate_member(name)
            with open(os.path.join(dest, name), "wb") as out:
                out.write(zf.read(name))


def validate_member(name):
    if ".." in name:
        raise ValueError(name)


def listing(upload, dest):
    with zipfile.ZipFile(upload) as zf:
        for name in zf.namelist():
            print(os.path.join(dest, name))
        for name in zf.namelist():
            with open(os.path.join(dest, name)) as existing:
                print(existing.read())


def describe(obj):
    import inspect
    for member in inspect.getmembers(obj):
        with open(os.path.join("/srv/docs", str(member)), "w") as f:
            f.write(repr(member))
