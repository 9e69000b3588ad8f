"""Deployment over SSH."""
import paramiko
from paramiko import AutoAddPolicy
from paramiko.client import WarningPolicy


def deploy(host, user, key_path):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # want `set_missing_host_key_policy\(AutoAddPolicy\)`
    client.connect(host, username=user, key_filename=key_path)
    return client


def other_forms(client):
    client.set_missing_host_key_policy(AutoAddPolicy)  # want "AutoAddPolicy"
    policy = WarningPolicy()
    client.set_missing_host_key_policy(policy)  # want `set_missing_host_key_policy\(WarningPolicy\) only logs`


# Safe: known hosts and rejection of unknown keys.
def safe(host, user, key_path, policy_from_config):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.set_missing_host_key_policy(policy_from_config)
    client.connect(host, username=user, key_filename=key_path)
    return client
