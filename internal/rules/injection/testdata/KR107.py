"""Fleet management over SSH."""
import shlex

import paramiko


def tail_log(host, name):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host, username="deploy")
    stdin, stdout, stderr = client.exec_command(f"tail -n 100 /var/log/app/{name}.log")  # want "client.exec_command runs a remote shell command built from an f-string"
    return stdout.read()


class Fleet:
    def __init__(self, hosts):
        self.ssh = paramiko.SSHClient()
        self.hosts = hosts

    def restart(self, service):
        self.ssh.exec_command("sudo systemctl restart " + service)  # want "ssh.exec_command runs a remote shell command built by string concatenation"

    def run(self, command):
        return self.ssh.exec_command(command=command)  # want "ssh.exec_command runs a remote shell command taken from a variable"


# Negatives: constant and quoted commands.
def uptime(client, path):
    client.exec_command("uptime")
    client.exec_command("wc -l " + shlex.quote(path))
