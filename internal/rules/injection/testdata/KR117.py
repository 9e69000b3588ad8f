"""Jobs that run shell snippets through an explicit interpreter."""
import asyncio
import os
import subprocess


def compress(path):
    subprocess.run(["bash", "-c", f"gzip -9 {path} && sync"], check=True)  # want `subprocess.run runs the shell "bash" on a command built from an f-string`


def remote(cmd):
    subprocess.Popen(["/bin/sh", "-c", cmd])  # want `subprocess.Popen runs the shell "sh" on a command taken from a variable`


def login_shell(user_cmd):
    subprocess.check_output(["/usr/bin/env", "bash", "-lc", user_cmd])  # want `subprocess.check_output runs the shell "bash" on a command taken from a variable`


def windows(name):
    subprocess.call(["cmd.exe", "/C", "type " + name])  # want `subprocess.call runs the shell "cmd" on a command built by string concatenation`


def pwsh(script):
    subprocess.run(["powershell", "-NoProfile", "-Command", f"Get-Content {script}"])  # want `runs the shell "powershell" on a command built from an f-string`


def replace(cmd):
    os.execv("/bin/sh", ["sh", "-c", cmd])  # want `os.execv runs the shell "sh" on a command taken from a variable`


def replace_l(cmd):
    os.execl("/bin/bash", "bash", "-ec", "set -x; " + cmd)  # want `os.execl runs the shell "bash" on a command built by string concatenation`


async def async_shell(target):
    await asyncio.create_subprocess_exec("sh", "-c", f"ping -c1 {target}")  # want `asyncio.create_subprocess_exec runs the shell "sh" on a command built from an f-string`


def through_variable(host):
    argv = ["zsh", "-c", "dig " + host]
    subprocess.run(argv)  # want `subprocess.run runs the shell "zsh" on a command built by string concatenation`


# Negatives: constant scripts, data passed as positional parameters, shell
# scripts run from files, and non-shell programs with -c.
def negatives(path, script):
    subprocess.run(["bash", "-c", "make clean && make"])
    subprocess.run(["bash", "-c", 'gzip -9 -- "$1"', "compress", path])
    subprocess.run(["bash", script, path])
    subprocess.run(["bash", "--noprofile", "deploy.sh", path])
    subprocess.run(["python3", "-c", "print(1)"])
    subprocess.run(["gcc", "-c", path])
