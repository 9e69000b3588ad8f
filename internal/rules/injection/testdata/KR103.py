"""Ops scripts that go through the project's own command wrappers."""
import functools
import subprocess

from fabric import Connection
from ops.shell import run_command
from ops import shell as sh


def restart(service):
    run_command(f"systemctl restart {service}", shell=True)  # want "ops.shell.run_command called with shell=True and a command built from an f-string"


def tail(path, lines):
    sh.execute("tail -n %s %s" % (lines, path), shell=True)  # want "ops.shell.execute called with shell=True and a command built with % formatting"


class Deployer:
    def __init__(self, host):
        self.conn = Connection(host)

    def run(self, cmd, shell=False):
        return self.conn.run(cmd)

    def deploy(self, ref):
        self.run(ref, shell=True)  # want "self.run called with shell=True and a command taken from a variable"
        self.run("git pull --ff-only", shell=True)  # want "self.run called with shell=True and a command that is constant"


def reload_all():
    run_command(shell=True)  # want "run_command called with shell=True$"


def make_runner():
    return functools.partial(subprocess.check_call, shell=True)  # want "functools.partial makes subprocess.check_call run every command it gets through a shell"


# Negatives: subprocess's own functions (KR101), shell=False or a flag the
# file does not fix, keyword-less calls, builtins and quoting helpers.
def negatives(service, flag, compat_shell_quote):
    settings = dict(shell=True, timeout=10)
    compat_shell_quote(service, shell=True)
    functools.partial(print, shell=True)
    subprocess.run(f"systemctl restart {service}", shell=True)
    subprocess.getoutput(f"systemctl status {service}")
    run_command(f"systemctl restart {service}", shell=False)
    run_command(f"systemctl restart {service}", shell=flag)
    run_command(["systemctl", "restart", service])
