"""Scraper for an intranet dashboard with a broken certificate."""
import warnings

import requests
import urllib3
from urllib3.exceptions import InsecureRequestWarning

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)  # want `urllib3.disable_warnings\(\) silences InsecureRequestWarning`
urllib3.disable_warnings()  # want "silences InsecureRequestWarning"
requests.packages.urllib3.disable_warnings(InsecureRequestWarning)  # want "requests.packages.urllib3.disable_warnings"
warnings.filterwarnings("ignore", category=InsecureRequestWarning)  # want "warnings.filterwarnings ignores InsecureRequestWarning"
warnings.simplefilter("ignore", InsecureRequestWarning)  # want "warnings.simplefilter ignores"

# Safe: other warnings and other actions.
urllib3.disable_warnings(urllib3.exceptions.SNIMissingWarning)
warnings.filterwarnings("ignore", category=DeprecationWarning)
warnings.simplefilter("error", InsecureRequestWarning)
warnings.filterwarnings("always", category=InsecureRequestWarning)
