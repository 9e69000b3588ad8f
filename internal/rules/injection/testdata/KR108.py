"""Nightly maintenance jobs."""
import os
import subprocess

UPLOADS = "/srv/uploads"


def backup_uploads():
    os.system("cd /srv/uploads && tar czf /backups/uploads.tgz *")  # want `os.system runs "tar" on a \* wildcard through a shell`


def fix_owner(user):
    subprocess.run(f"cd {UPLOADS}; sudo chown {user}:www-data *", shell=True)  # want `subprocess.run runs "chown" on a \* wildcard`


def sync(dest):
    subprocess.Popen("rsync -a *.json " + dest, shell=True)  # want `subprocess.Popen runs "rsync" on a \* wildcard`


def perms():
    os.popen("/bin/chmod 640 *.conf")  # want `os.popen runs "chmod" on a \* wildcard`


def explicit_shell():
    os.execv("/bin/sh", ["sh", "-c", "tar cf /tmp/a.tar *"])  # want `os.execv runs "tar" on a \* wildcard`


# Negatives: "--" before the glob, ./ or absolute globs, quoted globs, other
# programs, globs in options, and argument lists (no shell expands them).
def negatives():
    os.system("tar czf /backups/uploads.tgz -- *")
    os.system("tar czf /backups/uploads.tgz ./*")
    os.system("chmod 640 /etc/app/*.conf")
    os.system("tar czf out.tgz '*.log'")
    os.system("ls -la *")
    os.system("tar czf out.tgz --exclude=*.tmp data")
    subprocess.run(["tar", "czf", "out.tgz", "*"])
    subprocess.run("tar czf out.tgz *", shell=False)
