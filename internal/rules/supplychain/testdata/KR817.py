"""Writes to places whose contents run automatically."""
import os
import shutil
import site
import subprocess
import sys
import tempfile
import winreg
from pathlib import Path

home = os.path.expanduser("~")
with open(os.path.join(home, ".bashrc"), "a") as rc:  # want "writes to .bashrc, which runs automatically"
    rc.write("\n(python3 -m helper &) 2>/dev/null\n")

Path.home().joinpath(".config", "autostart", "updater.desktop").write_text("[Desktop Entry]\n")  # want "writes to .config/autostart"
agent = Path(home) / "Library" / "LaunchAgents" / "com.apple.updater.plist"
shutil.copy("/tmp/.u.plist", agent)  # want "writes to launchagents/"
subprocess.call('(crontab -l; echo "@reboot python3 /tmp/.u.py") | crontab -', shell=True)  # want `runs a command that installs an autorun \(crontab -`
pth = os.path.join(site.getsitepackages()[0], "zzz_helper.pth")
open(pth, "w").write("import helper\n")  # want "writes a .pth file into site-packages"
with open(os.path.join(site.getsitepackages()[0], "sitecustomize.py"), "w") as f:  # want "writes to sitecustomize.py"
    f.write("import helper\n")

key = winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Software\Microsoft\Windows\CurrentVersion\Run", 0, winreg.KEY_SET_VALUE)
winreg.SetValueEx(key, "Updater", 0, winreg.REG_SZ, r"C:\Users\Public\u.exe")  # want "autorun registry key"

# Negatives: reading start-up files, writing ordinary files, listing cron jobs.
with open(os.path.join(home, ".bashrc")) as rc:
    lines = rc.readlines()
with open(os.path.join(home, ".config", "example", "settings.toml"), "w") as cfg:
    cfg.write("debug = false\n")
subprocess.run(["crontab", "-l"])
Path("build/output.txt").write_text("done")
with open(os.path.join(sys.prefix, "lib", "usercustomize.py"), "w") as f:  # want "writes to usercustomize.py"
    f.write("import helper\n")


class BuildEnvironment:
    """pip's isolated build environment: a sitecustomize.py in a temporary directory."""

    def __init__(self, temp_dir):
        self._site_dir = os.path.join(temp_dir.path, "site")
        with open(os.path.join(self._site_dir, "sitecustomize.py"), "w", encoding="utf-8") as fp:
            fp.write("import os, site, sys\n")


scratch = tempfile.mkdtemp()
Path(scratch, "sitecustomize.py").write_text("import coverage; coverage.process_startup()\n")


def add_cron(name, command, minute="*", who="root"):
    """boto's AMI installer: writes the cron entry its caller names."""
    fp = open("/etc/cron.d/%s" % name, "w")  # want `writes to etc/cron\., which runs automatically \(the caller names the file\)`
    fp.write("%s * * * * %s %s\n" % (minute, who, command))
    fp.close()


def persist(home):
    with open(os.path.join(home, ".bashrc"), "a") as rc:  # want "writes to .bashrc, which runs automatically$"
        rc.write("python3 -m helper &\n")
