"""Annotations with raw SQL expressions."""
from django.db import models
from django.db.models import RawSQL as Raw
from django.db.models.expressions import RawSQL


class Item(models.Model):
    name = models.CharField(max_length=100)


def ranked(request):
    field = request.GET["field"]
    return Item.objects.annotate(rank=RawSQL(f"SELECT {field} FROM stats", []))  # want "RawSQL gets SQL built from an f-string; pass values through params"


def scored(table, item_id):
    expr = Raw("SELECT score FROM " + table + " WHERE item_id = %s", (item_id,))  # want "RawSQL gets SQL built by string concatenation"
    return Item.objects.annotate(score=expr)


def passthrough(sql):
    return Item.objects.annotate(x=RawSQL(sql, ()))  # want "RawSQL gets SQL taken from a variable; check that it is fixed text"


# Negatives: constant SQL with params, and a local class called RawSQL.
def negatives(item_id):
    Item.objects.annotate(score=RawSQL("SELECT score FROM stats WHERE item_id = %s", (item_id,)))


def local(sql):
    class RawSQL:
        def __init__(self, text, params):
            self.text = text

    return RawSQL(sql, ())
