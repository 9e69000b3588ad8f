"""Process supervisor: replaces or spawns programs without a shell."""
import asyncio
import os
import pty
import sys

import pexpect
from os import execvp as replace_with

EDITOR = "/usr/bin/vi"


def launch(tool, path):
    os.execvp(tool, [tool, path])  # want "os.execvp starts a program taken from a variable"


def edit(path):
    os.execv(EDITOR, ["vi", path])  # want `os.execv passes arguments taken from a variable to "/usr/bin/vi"`


def edit_l(path):
    os.execl(EDITOR, "vi", f"+set ft={path}")  # want `os.execl passes arguments built from an f-string`


def spawn_worker(mode, binary):
    return os.spawnv(mode, binary, ["worker"])  # want "os.spawnv starts a program taken from a variable"


def spawn_args(args):
    return os.spawnv(os.P_WAIT, "/usr/bin/rsync", args)  # want "os.spawnv runs an argument list taken from a variable"


def posix(target):
    return os.posix_spawn("/usr/bin/ssh", ["ssh", target], os.environ)  # want `os.posix_spawn passes arguments taken from a variable to "/usr/bin/ssh"`


def open_document(request):
    os.startfile(request.args["path"])  # want "os.startfile opens a file taken from request data"


def shell_into(user_cmd):
    pty.spawn(user_cmd)  # want "pty.spawn runs an argument list taken from a variable"


def connect(host):
    child = pexpect.spawn(f"ssh admin@{host}")  # want "pexpect.spawn runs a command line built from an f-string"
    return child


async def convert(src):
    proc = await asyncio.create_subprocess_exec("ffmpeg", "-i", src, "out.mp4")  # want `asyncio.create_subprocess_exec passes arguments taken from a variable to "ffmpeg"`
    await proc.wait()


async def convert_loop(loop, factory, program):
    await loop.subprocess_exec(factory, program, "--version")  # want "loop.subprocess_exec starts a program taken from a variable"


def aliased(tool):
    replace_with(tool, [tool])  # want "os.execvp starts a program taken from a variable"


# Negatives: constant programs and arguments, the running interpreter,
# explicit shells (KR117), a numeric argument and unrelated spawn methods.
def negatives(pool, n):
    os.execv("/usr/bin/true", ["true"])
    os.execl(sys.executable, sys.executable, "-m", "worker")
    os.spawnlp(os.P_NOWAIT, "sleep", "sleep", "10")
    os.spawnlp(os.P_NOWAIT, "sleep", "sleep", str(int(n)))
    pty.spawn(["/bin/bash", "--login"])
    pty.spawn("/bin/bash")
    os.execv("/bin/sh", ["sh", "-c", f"echo {n}"])
    os.startfile("C:\\reports\\weekly.pdf")
    pool.spawn(n)
