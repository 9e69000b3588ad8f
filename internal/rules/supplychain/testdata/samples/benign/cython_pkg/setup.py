# Cython extensions with a custom build_ext, a version read with exec, and a
# pkg-config probe.
import os
import re
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.sdist import sdist

about = {}
with open(os.path.join("fastpkg", "__about__.py")) as fp:
    exec(fp.read(), about)

with open("fastpkg/_version.py") as fp:
    version = re.search(r"__version__ = ['\"]([^'\"]*)['\"]", fp.read()).group(1)


def pkgconfig(*args):
    try:
        out = subprocess.check_output(["pkg-config"] + list(args))
    except (OSError, subprocess.CalledProcessError):
        return []
    return out.decode().split()


class BuildExt(build_ext):
    def build_extensions(self):
        if self.compiler.compiler_type == "msvc":
            for ext in self.extensions:
                ext.extra_compile_args = ["/O2"]
        subprocess.check_call(["cmake", "-S", "vendor", "-B", "build/vendor"])
        build_ext.build_extensions(self)


class Sdist(sdist):
    def run(self):
        from Cython.Build import cythonize
        cythonize(["fastpkg/*.pyx"])
        sdist.run(self)


ext = Extension("fastpkg._speedups", ["fastpkg/_speedups.c"], extra_compile_args=pkgconfig("--cflags", "libffi"))

setup(
    name="fastpkg",
    version=about["__version__"],
    ext_modules=[ext],
    cmdclass={"build_ext": BuildExt, "sdist": Sdist},
    python_requires=">=3.8",
)
