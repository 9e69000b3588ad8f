"""User directory: a Flask app over several database drivers."""
import sqlite3

import pandas as pd
import psycopg2
from django.db import connection
from flask import Flask, request
from psycopg2 import sql
from sqlalchemy import create_engine, text

from .models import User

app = Flask(__name__)
engine = create_engine("postgresql://localhost/app")
TABLE = "users"


@app.route("/user")
def find_user():
    name = request.args["name"]
    conn = sqlite3.connect("app.db")
    cur = conn.cursor()
    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")  # want "cur.execute runs a SQL statement built from an f-string; pass values as bound parameters"
    return cur.fetchone()


@app.route("/report")
def custom_report():
    conn = sqlite3.connect("app.db")
    return conn.execute(request.args["sql"]).fetchall()  # want "conn.execute runs a SQL statement taken from request data"


def login(username, password):
    conn = psycopg2.connect("dbname=app")
    cursor = conn.cursor()
    query = "SELECT id FROM users WHERE username = '%s' AND password = '%s'" % (username, password)
    cursor.execute(query)  # want "cursor.execute runs a SQL statement built with % formatting"
    return cursor.fetchone()


def delete_user(conn, uid):
    conn.execute("DELETE FROM users WHERE id = " + uid)  # want "conn.execute runs a SQL statement built by string concatenation"


def rename(conn, old, new):
    conn.executemany(  # want "conn.executemany runs a SQL statement built with str.format"
        "UPDATE users SET name = '{}' WHERE name = '{}'".format(new, old),
        [],
    )


def setup(conn, schema):
    conn.executescript("CREATE TABLE IF NOT EXISTS " + schema + " (id INTEGER)")  # want "conn.executescript runs a SQL statement built by string concatenation"


def search(term):
    with engine.connect() as db:
        rows = db.execute(text(f"SELECT * FROM products WHERE title LIKE '%{term}%'"))  # want "sqlalchemy.text makes a SQL statement built from an f-string"
        return rows.all()


def raw_driver(term):
    with engine.connect() as db:
        return db.exec_driver_sql("SELECT * FROM t WHERE a = '" + term + "'")  # want "db.exec_driver_sql runs a SQL statement built by string concatenation"


def django_raw(request):
    order = request.GET.get("order", "id")
    return User.objects.raw(f"SELECT * FROM app_user ORDER BY {order}")  # want "objects.raw runs a SQL statement built from an f-string"


def django_cursor(email):
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM auth_user WHERE email = '%s'" % email)  # want "cursor.execute runs a SQL statement built with % formatting"


def report(conn, region):
    return pd.read_sql(f"SELECT * FROM sales WHERE region = '{region}'", conn)  # want "pandas.read_sql runs a SQL statement built from an f-string"


async def pg_async(pool, uid):
    async with pool.acquire() as conn:
        return await conn.fetchrow(f"SELECT * FROM users WHERE id = {uid}")  # want "conn.fetchrow runs a SQL statement built from an f-string"


def dynamic_table(cur, table, uid):
    cur.execute(f"SELECT * FROM {table} WHERE id = %s", (uid,))  # want "cur.execute runs a SQL statement built from an f-string alongside bound parameters"


def composed(cur, column):
    cur.execute(sql.SQL("SELECT " + column + " FROM users"))  # want "psycopg2.sql.SQL makes a SQL statement built by string concatenation"


def filters(cur, clauses):
    where = " AND ".join(clauses)
    cur.execute("SELECT * FROM users WHERE " + where)  # want "cur.execute runs a SQL statement built by string concatenation"


def peewee_sql(db, name):
    return db.execute_sql("SELECT * FROM person WHERE name = '%s'" % name)  # want "db.execute_sql runs a SQL statement built with % formatting"


def non_sql_text(runner, job):
    runner.execute(f"job-{job}")  # want "runner.execute runs a SQL statement built from an f-string"


# Negatives: bound parameters, constants, numeric formatting, placeholder
# lists, psycopg's composition, constant identifiers, and methods with the
# same names on unrelated objects.
def negatives(cur, conn, name, ids, uid, column, client, url, session, qs):
    cur.execute("SELECT * FROM users WHERE name = %s", (name,))
    cur.execute("SELECT * FROM users WHERE name = ?", [name])
    cur.execute("SELECT * FROM users WHERE name = %(name)s", {"name": name})
    conn.execute(text("SELECT * FROM users WHERE name = :name"), {"name": name})
    cur.execute("SELECT * FROM users WHERE id = %d" % int(uid))
    cur.execute(f"SELECT * FROM users WHERE id = {int(uid)}")
    cur.execute(f"SELECT * FROM users LIMIT {uid:d}")
    placeholders = ", ".join("?" * len(ids))
    cur.execute(f"SELECT * FROM users WHERE id IN ({placeholders})", ids)
    marks = ",".join(["%s"] * len(ids))
    cur.execute("DELETE FROM users WHERE id IN (%s)" % marks, ids)
    cur.execute(f"SELECT * FROM {TABLE} WHERE id = ?", (uid,))
    cur.execute(sql.SQL("SELECT {} FROM users").format(sql.Identifier(column)))
    cur.execute("SELECT * FROM users")
    client.fetch(f"https://api.example.com/users/{uid}")
    session.query(User).filter(User.name == name)
    qs.raw(f"{url}/raw")
    cur.execute(name)


def search_products(cursor, name, category):
    query = "SELECT * FROM products WHERE 1=1"
    if name:
        query += f" AND name LIKE '%{name}%'"
    if category:
        query += " AND category = '" + category + "'"
    cursor.execute(query)  # want "cursor.execute runs a SQL statement built by string concatenation"


def search_safe(cursor, name):
    query = "SELECT * FROM products WHERE 1=1"
    params = []
    if name:
        query += " AND name LIKE ?"
        params.append(f"%{name}%")
    cursor.execute(query, params)


def legacy_filter(session, username):
    return session.query(User).filter(f"username = '{username}'").first()  # want "filter adds a raw SQL condition built from an f-string"


def legacy_where(stmt, min_price):
    return stmt.where("price > " + min_price)  # want "stmt.where adds a raw SQL condition built by string concatenation"


def filter_negatives(qs, session, name, items, field):
    qs.filter(name=name)
    session.query(User).filter(User.name == name)
    list(filter(None, items))
    qs.filter(f"{field}")


def get_db():
    return sqlite3.connect("app.db")


def query_db(query, args=(), one=False):
    cur = get_db().execute(query, args)
    rv = cur.fetchall()
    return (rv[0] if rv else None) if one else rv


def check_login(username, password):
    return query_db("SELECT * FROM users WHERE username = '%s' AND password = '%s'" % (username, password), one=True)  # want `query_db runs a SQL statement built with % formatting \(through execute\)`


def wrapper_safe(name):
    return query_db("SELECT * FROM users WHERE name = ?", [name])


def not_a_wrapper(name):
    def log(msg):
        print(msg)

    log(f"SELECT requested by {name}")


def check_login_var(username):
    sql = f"SELECT * FROM users WHERE username = '{username}'"
    return query_db(sql)  # want `query_db runs a SQL statement built from an f-string \(through execute\)`
