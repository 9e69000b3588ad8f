"""Directory lookups for the login and people pages."""
import ldap
import ldap3
from ldap.filter import escape_filter_chars, filter_format
from ldap3.utils.conv import escape_filter_chars as escape3

BASE = "ou=people,dc=example,dc=org"


def authenticate(conn, username, password):
    flt = "(&(uid=%s)(userPassword=%s))" % (username, password)
    return conn.search_s(BASE, ldap.SCOPE_SUBTREE, flt)  # want "conn.search_s searches with an LDAP filter built with % formatting"


def find(conn, username):
    return conn.search(BASE, ldap.SCOPE_SUBTREE, f"(uid={username})")  # want "conn.search searches with an LDAP filter built from an f-string"


def find3(server, mail):
    conn = ldap3.Connection(server, auto_bind=True)
    conn.search(BASE, "(mail=" + mail + ")", attributes=["cn"])  # want "conn.search searches with an LDAP filter built by string concatenation"
    return conn.entries


def find_kw(conn, group):
    conn.search(search_base=BASE, search_filter=f"(&(objectClass=group)(cn={group}))")  # want "conn.search searches with an LDAP filter built from an f-string"


def find_ext(conn, name):
    return conn.search_ext_s(BASE, ldap.SCOPE_SUBTREE, filterstr="(cn={})".format(name))  # want "conn.search_ext_s searches with an LDAP filter built with str.format"


# Negatives: escaped values, filter_format, constant filters, and search
# methods of unrelated objects.
def negatives(conn, username, index, query, re_pattern, text):
    conn.search_s(BASE, ldap.SCOPE_SUBTREE, f"(uid={escape_filter_chars(username)})")
    conn.search_s(BASE, ldap.SCOPE_SUBTREE, filter_format("(uid=%s)", [username]))
    conn.search(BASE, f"(mail={escape3(username)})")
    conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(objectClass=person)")
    index.search(f"title:{query}")
    re_pattern.search(text)
    index.search(query, f"{username}")
