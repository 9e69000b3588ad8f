# A Jupyter extension's setup script: develop and egg_info build the
# front end with npm, the way older extensions did before jupyter-packaging.
import os
import subprocess
import sys

from setuptools import setup
from setuptools.command.develop import develop
from setuptools.command.egg_info import egg_info

HERE = os.path.dirname(os.path.abspath(__file__))


def build_js():
    subprocess.check_call(["npm", "install"], cwd=os.path.join(HERE, "js"))
    subprocess.check_call(["npm", "run", "build"], cwd=os.path.join(HERE, "js"))


class Develop(develop):  # want "overrides the develop command with class Develop$"
    def run(self):
        build_js()
        develop.run(self)


class EggInfo(egg_info):  # want "overrides the egg_info command with class EggInfo$"
    def run(self):
        if "sdist" in sys.argv:
            build_js()
        egg_info.run(self)


setup(
    name="jupyter-example-widget",
    version="0.3.0",
    cmdclass={"develop": Develop, "egg_info": EggInfo},
    data_files=[("share/jupyter/nbextensions/example", ["example/static/index.js"])],
)
