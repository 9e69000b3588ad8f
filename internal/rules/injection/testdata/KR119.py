"""User search over MongoDB."""
from flask import request
from pymongo import MongoClient

db = MongoClient()["app"]


def find_user(name):
    return db.users.find_one({"$where": f"this.name == '{name}'"})  # want `MongoDB \$where runs JavaScript built from an f-string`


def login():
    user = request.form["user"]
    query = {
        "active": True,
        "$where": "this.username == '" + user + "'",  # want `MongoDB \$where runs JavaScript built by string concatenation`
    }
    return db.users.find_one(query)


def raw_where():
    return list(db.users.find({"$where": request.args["js"]}))  # want `MongoDB \$where runs JavaScript taken from request data`


# Negatives: operators with values, constant JavaScript, other keys.
def negatives(name, age):
    db.users.find_one({"name": name})
    db.users.find({"$where": "this.credits > this.debits"})
    db.users.find({"age": {"$gt": age}, "where": f"{name}"})
