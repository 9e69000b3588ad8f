"""Build helpers."""
import os
import subprocess  # want "import of subprocess; review how the commands it runs are built"
import subprocess as sp  # want "import of subprocess"
from subprocess import PIPE, run  # want "import from subprocess"

import asyncio.subprocess
from . import subprocess as local_subprocess
from mytools import subprocess_helpers


def build():
    return run(["make"], stdout=PIPE, cwd=os.getcwd()), sp, subprocess, local_subprocess, subprocess_helpers, asyncio
