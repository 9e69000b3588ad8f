"""Hand-written fixture: a setup.py in the styles real projects use."""
import os
from setuptools import setup as _setup, find_packages

BASE = [
    "requests>=2.25",
    "click==8.1.7",
]
EXTRA_LINES = """
    rich>=13
    # not a requirement
"""
TESTS = ("pytest", "coverage[toml]")
extras = {
    "yaml": ["PyYAML>=6"],
    "all": BASE + ["uvicorn; python_version >= '3.8'"],
}
computed = open(os.path.join(os.path.dirname(__file__), "requirements.txt")).read().splitlines()
options = dict(
    tests_require=TESTS,
    classifiers=[
        "Programming Language :: Python :: 3.7",
    ],
)

_setup(
    name="demo",
    packages=find_packages(),
    python_requires=">=3.7",
    install_requires=BASE + [
        "attrs",
    ] + EXTRA_LINES,
    extras_require=extras,
    setup_requires=computed,
    **options,
)
