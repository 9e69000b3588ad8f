"""Deployment helpers: shell commands run through subprocess."""
import shlex
import subprocess
import subprocess as sp
from subprocess import Popen, check_output as co

from flask import request

BACKUP_DIR = "/srv/backups"
USE_SHELL = True


def archive(name):
    subprocess.run(f"tar czf {BACKUP_DIR}/{name}.tgz /srv/data", shell=True)  # want "subprocess.run called with shell=True and a command built from an f-string"


def ping():
    host = request.args.get("host")
    return sp.check_output("ping -c 1 " + host, shell=True)  # want "subprocess.check_output called with shell=True and a command built by string concatenation"


def grep(pattern, path):
    cmd = "grep -r '%s' %s" % (pattern, path)
    proc = Popen(cmd, shell=True, stdout=subprocess.PIPE)  # want "subprocess.Popen called with shell=True and a command built with % formatting"
    return proc.communicate()[0]


def convert(src, dst):
    return co(  # want "subprocess.check_output called with shell=True and a command built with str.format"
        "convert {} {}".format(src, dst),
        shell=True,
    )


def run_user_command(command):
    subprocess.call(command, shell=USE_SHELL)  # want "subprocess.call called with shell=True and a command taken from a variable"


def run_joined(parts):
    subprocess.check_call(" ".join(parts), shell=1)  # want "with shell=True and a command built with str.join"


def list_first(user_dir):
    subprocess.Popen([f"ls -la {user_dir}"], shell=True)  # want "subprocess.Popen called with shell=True and a command built from an f-string"


def maybe_shell(cmd, use_shell):
    subprocess.run(cmd, shell=use_shell)  # want "subprocess.run called with a shell flag that may be true and a command taken from a variable"


def uptime():
    # Constant commands are an audit hint only.
    return subprocess.check_output("uptime", shell=True)  # want "subprocess.check_output called with shell=True and a command that is constant"


def quoted(path):
    subprocess.run("wc -l " + shlex.quote(path), shell=True)  # want "dynamic parts are quoted or numeric"


def numeric(pid):
    subprocess.run("kill -9 %d" % pid, shell=True)  # want "dynamic parts are quoted or numeric"


# Negatives: no shell, shell=False, unknown shell with a constant command,
# unrelated functions called run and a local Popen.
def safe(name, flag):
    subprocess.run(["tar", "czf", f"{BACKUP_DIR}/{name}.tgz", "/srv/data"], check=True)
    subprocess.run(f"echo {name}", shell=False)
    subprocess.run("uptime", shell=flag)
    sp.call(["ls", "-l"])


def local_popen(name):
    def Popen(cmd, shell=False):
        return cmd

    Popen(f"echo {name}", shell=True)


def task_runner(app, name):
    app.run(f"job {name}", shell=True)
