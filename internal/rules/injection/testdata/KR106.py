"""Release tooling: runs git, docker and friends."""
import asyncio
import os
import shutil
import subprocess
import sys
from subprocess import check_output

GIT = "/usr/bin/git"


def update():
    subprocess.run(["git", "pull", "--ff-only"], check=True)  # want `subprocess.run starts "git" by a partial path`


def version():
    return check_output(("docker", "version", "--format", "{{.Server.Version}}"))  # want `subprocess.check_output starts "docker" by a partial path`


def disk():
    return subprocess.check_output("df -h", shell=True)  # want `subprocess.check_output starts "df" by a partial path`


def build():
    os.system("LC_ALL=C make -j4")  # want `os.system starts "make" by a partial path`


def replace():
    os.execlp("nginx", "nginx", "-g", "daemon off;")  # want `os.execlp starts "nginx" by a partial path`


def spawn():
    os.spawnvp(os.P_NOWAIT, "celery", ["celery", "worker"])  # want `os.spawnvp starts "celery" by a partial path`


async def compress(path):
    await asyncio.create_subprocess_exec("gzip", "-9", path)  # want `asyncio.create_subprocess_exec starts "gzip" by a partial path`


def windows_tool():
    subprocess.Popen("notepad.exe")  # want `subprocess.Popen starts "notepad.exe" by a partial path`


def cmd_list():
    cmd = ["kubectl", "get", "pods"]
    return subprocess.check_output(cmd)  # want `starts "kubectl" by a partial path`


# Negatives: absolute and explicitly relative paths, shell builtins and
# expansions, dynamic programs, the running interpreter and unrelated calls.
def negatives(tool, app):
    subprocess.run([GIT, "status"])
    subprocess.run(["/usr/local/bin/docker", "ps"])
    subprocess.run(["./manage.py", "migrate"])
    subprocess.run("cd /srv/app && ./deploy.sh", shell=True)
    os.system("$HOME/bin/backup --all")
    os.system("~/bin/backup --all")
    subprocess.run(["C:\\Tools\\7z.exe", "x", "a.7z"])
    subprocess.run([tool, "--version"])
    subprocess.run([sys.executable, "-m", "pytest"])
    subprocess.run([shutil.which("git"), "log"])
    subprocess.run(["git", "log"], executable="/usr/bin/git")
    app.run("git")
    os.startfile("report.pdf")
