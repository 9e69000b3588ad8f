# An ordinary setup script: versioneer's command classes, a git lookup, the
# README as long_description.
import os
import subprocess

from setuptools import find_packages, setup

import versioneer

here = os.path.abspath(os.path.dirname(__file__))
with open(os.path.join(here, "README.md"), encoding="utf-8") as f:
    long_description = f.read()


def git_sha():
    try:
        return subprocess.check_output(["git", "rev-parse", "HEAD"], cwd=here).decode().strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


cmdclass = versioneer.get_cmdclass()

setup(
    name="example",
    version=versioneer.get_version(),
    cmdclass=cmdclass,
    description="An example package (" + git_sha()[:7] + ")",
    long_description=long_description,
    long_description_content_type="text/markdown",
    packages=find_packages(exclude=["tests"]),
    install_requires=["requests>=2.28"],
)
