"""Deployment helpers that set file permissions."""
import os
import stat
from os import chmod as set_mode
from pathlib import Path

import paramiko

PUBLIC = 0o777
SHARED = stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO


def publish(path, script):
    os.chmod(path, 0o777)  # want "os.chmod sets mode 0o777: the file is world-writable"
    os.chmod(path, PUBLIC)  # want "os.chmod sets mode 0o777: the file is world-writable"
    os.chmod(path, SHARED)  # want "os.chmod sets mode 0o777: the file is world-writable"
    os.chmod(script, 0o666)  # want "world-writable"
    os.chmod(script, 0o1777)  # want "world-writable"
    set_mode(path, mode=stat.S_IWOTH | stat.S_IRUSR)  # want "os.chmod sets mode 0o402: the file is world-writable"
    st = os.stat(script)
    os.chmod(script, st.st_mode | stat.S_IWOTH)  # want "os.chmod sets a mode with the bits 0o2: the file is world-writable"
    os.chmod(script, 511)  # want "os.chmod sets mode 0o777"


def share_with_team(path, fd):
    os.chmod(path, 0o775)  # want "os.chmod sets mode 0o775: the file is group-writable"
    os.fchmod(fd, 0o664)  # want "os.fchmod sets mode 0o664: the file is group-writable"
    os.chmod(path, 0o4755)  # want "setuid/setgid bit"


def upload_dir(base):
    d = Path(base) / "uploads"
    d.mkdir(exist_ok=True)
    Path(base).chmod(0o777)  # want "pathlib.Path.chmod sets mode 0o777: the file is world-writable"
    d.chmod(0o777)  # want "d.chmod sets mode 0o777"
    return d


def remote(host, key):
    client = paramiko.SSHClient()
    client.connect(host, pkey=key)
    sftp = client.open_sftp()
    sftp.chmod("/srv/app/run.sh", 0o777)  # want "sftp.chmod sets mode 0o777"
    sftp.chmod("/srv/app/run.sh", 0o755)


# Safe: owner-only write, dynamic modes, clearing bits, unrelated chmod functions.
def safe(path, fd, mode, st):
    os.chmod(path, 0o755)
    os.chmod(path, 0o644)
    os.chmod(path, 0o600)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    os.chmod(path, stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    os.chmod(path, st.st_mode | stat.S_IEXEC)
    os.chmod(path, st.st_mode & ~stat.S_IWOTH)
    os.chmod(path, mode)
    os.fchmod(fd, 0o400)
    Path(path).chmod(0o700)


def chmod(path, mode):
    return (path, mode)


chmod("/srv/app/config.yaml", 0o777)


def shell_variants(path, uploads):
    import subprocess
    os.system("chmod 777 " + path)  # want `os.system runs chmod 777: the file is world-writable`
    os.system(f"chmod -R 0777 {uploads} && echo done")  # want `os.system runs chmod 0777`
    subprocess.run(["chmod", "-R", "o+w", uploads], check=True)  # want `subprocess.run runs chmod o\+w: the file is world-writable`
    subprocess.call(["/bin/chmod", "g+rw", path])  # want `subprocess.call runs chmod g\+rw: the file is group-writable`
    subprocess.check_call(("chmod", "775", path))  # want `subprocess.check_call runs chmod 775: the file is group-writable`
    # Safe: owner-only changes, +x, reading modes, other programs.
    os.system("chmod 755 " + path)
    os.system(f"chmod +x {path}")
    subprocess.run(["chmod", "u+w", path], check=True)
    subprocess.run(["chmod", "-R", "go-w", uploads], check=True)
    subprocess.run(["stat", "-c", "%a", path], check=True)
    subprocess.run(["chown", "www-data", uploads], check=True)
    os.system("echo chmod 777 is bad")
