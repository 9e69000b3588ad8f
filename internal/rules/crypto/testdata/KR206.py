"""Out-of-band power management for the lab's servers."""
import os

from pyghmi.ipmi import command  # want "pyghmi imported: IPMI"
import pyghmi.exceptions
import redfish


def power_cycle(bmc):
    ipmi = command.Command(bmc=bmc, userid="admin", password=os.environ["BMC_PASSWORD"])
    try:
        return ipmi.set_power("boot")
    except pyghmi.exceptions.IpmiException:
        client = redfish.redfish_client(base_url="https://" + bmc)
        return client
