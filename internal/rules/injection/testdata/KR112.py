"""A repository layer that builds SQL for a helper in another module."""
from .db import run_query, run_write

TABLE = "orders"
CONN = None


def user_query(name):
    return "SELECT * FROM users WHERE name = '%s'" % name  # want "SQL statement built with % formatting"


def orders_for(customer_id, status):
    sql = (
        f"SELECT id, total FROM orders "  # want "SQL statement built from an f-string"
        f"WHERE customer_id = {customer_id} AND status = '{status}'"
    )
    return run_query(sql)


def insert_note(text):
    run_write("INSERT INTO notes (body) VALUES ('" + text + "')")  # want "SQL statement built by string concatenation"


def update_email(uid, email):
    stmt = "UPDATE users SET email = '{}' WHERE id = {}".format(email, uid)  # want "SQL statement built with str.format"
    return run_write(stmt)


def purge(table):
    return run_write(f"delete from {table} where created < now() - interval '30 days'")  # want "SQL statement built from an f-string"


# Negatives: strings reported by KR111 at a database call (directly or
# through a variable), parameters, numbers, constants, prose and other text.
def negatives(cursor, name, uid, path, log):
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
    q = "SELECT * FROM users WHERE name = '%s'" % name
    cursor.execute(q)
    run_query("SELECT * FROM users WHERE name = %s", (name,))
    run_query(f"SELECT * FROM users WHERE id = {int(uid)}")
    run_query(f"SELECT * FROM {TABLE} WHERE id = %s", (uid,))
    log.info(f"Select a file from {path}")
    log.info("selected %s rows from the cache" % uid)
    msg = f"Update available: {name}"
    local_query(f"SELECT * FROM users WHERE name = '{name}'")
    return msg


def local_query(sql, params=()):
    return CONN.execute(sql, params).fetchall()
