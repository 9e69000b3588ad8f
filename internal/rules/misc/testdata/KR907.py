"""Daemon start-up."""
import os
import posix
from os import umask as set_umask

OPEN = 0o000


def daemonize():
    if os.fork():
        os._exit(0)
    os.setsid()
    os.umask(0)  # want `os.umask\(0\) leaves the others-write bit in place`
    os.chdir("/")


def shared_cache():
    old = set_umask(0o020)  # want `os.umask\(0o20\) leaves the others-write bit`
    posix.umask(OPEN)  # want `posix.umask\(0\)`
    os.umask(0o770)  # want `os.umask\(0o770\)`
    return old


# Safe: masks that clear the others-write bit, dynamic masks, unrelated umask functions.
def safe(cfg, sftp):
    os.umask(0o022)
    os.umask(0o027)
    os.umask(0o077)
    os.umask(0o002)
    os.umask(cfg.umask)
    sftp.umask(0)
    return umask(0)


def umask(mask):
    return mask


def current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_socket(path):
    old = os.umask(0)  # want `os.umask\(0\) until the old mask is restored`
    try:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o666)
    finally:
        os.umask(old)
    return fd


def keep(path):
    previous = os.umask(0)  # want `os.umask\(0\) leaves the others-write bit`
    return previous
