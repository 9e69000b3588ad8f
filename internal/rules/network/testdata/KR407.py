"""Nightly export to the partner's file server."""
import ftplib
from ftplib import FTP, FTP_TLS


def export(path, user, password):
    ftp = FTP("ftp.partner-files.com")  # want "ftplib.FTP connection: FTP sends credentials"
    ftp.login(user, password)
    with open(path, "rb") as f:
        ftp.storbinary("STOR export.csv", f)
    ftp.quit()


def module_form(host):
    with ftplib.FTP(host) as ftp:  # want "ftplib.FTP connection"
        ftp.login()
        return ftp.nlst()


class Mirror(ftplib.FTP):  # want "class Mirror derives from ftplib.FTP"
    pass


# Safe: FTP over TLS, and errors from the module.
def export_tls(path, user, password):
    ftps = FTP_TLS("ftp.partner-files.com")
    ftps.login(user, password)
    ftps.prot_p()
    try:
        with open(path, "rb") as f:
            ftps.storbinary("STOR export.csv", f)
    except ftplib.error_perm:
        raise
    finally:
        ftps.quit()


class SecureMirror(ftplib.FTP_TLS):
    pass
