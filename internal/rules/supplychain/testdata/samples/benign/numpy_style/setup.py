# A numpy-style setup script: git version with a clean environment, a
# generated-source step run with the interpreter, custom build commands.
import os
import subprocess
import sys
import textwrap

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.install import install

MAJOR, MINOR, MICRO = 1, 26, 0
VERSION = "%d.%d.%d" % (MAJOR, MINOR, MICRO)


def git_version():
    def _minimal_ext_cmd(cmd):
        env = {}
        for k in ["SYSTEMROOT", "PATH", "HOME"]:
            v = os.environ.get(k)
            if v is not None:
                env[k] = v
        env["LANGUAGE"] = "C"
        return subprocess.check_output(cmd, stderr=subprocess.STDOUT, env=env)

    try:
        return _minimal_ext_cmd(["git", "rev-parse", "HEAD"]).strip().decode("ascii")
    except (subprocess.SubprocessError, OSError):
        return "Unknown"


def write_version_py(filename="pkg/version.py"):
    cnt = textwrap.dedent("""
        version = %(version)s
        git_revision = %(git_revision)s
    """)
    with open(filename, "w") as f:
        f.write(cnt % {"version": VERSION, "git_revision": git_version()})


def generate_cython():
    cwd = os.path.abspath(os.path.dirname(__file__))
    p = subprocess.call([sys.executable, os.path.join(cwd, "tools", "cythonize.py"), "pkg/random"], cwd=cwd)
    if p != 0:
        raise RuntimeError("Running cythonize failed!")


class BuildPy(build_py):
    def run(self):
        write_version_py()
        build_py.run(self)


class Install(install):  # want "overrides the install command with class Install$"
    def run(self):
        self.run_command("build_ext")
        install.run(self)


if __name__ == "__main__":
    if "sdist" not in sys.argv:
        generate_cython()
    setup(name="pkg", version=VERSION, cmdclass={"build_py": BuildPy, "install": Install})
