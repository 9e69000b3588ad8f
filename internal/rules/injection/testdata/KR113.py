"""Django views that reach for QuerySet.extra."""
from django.db import models
from django.http import JsonResponse


class Customer(models.Model):
    email = models.EmailField()
    created = models.DateTimeField()


def by_domain(request):
    domain = request.GET["domain"]
    rows = Customer.objects.extra(where=[f"email LIKE '%%@{domain}'"])  # want "QuerySet.extra gets SQL built from an f-string in where; pass values through params"
    return JsonResponse(list(rows.values()), safe=False)


def sorted_customers(request):
    col = request.GET.get("sort", "email")
    qs = Customer.objects.filter(email__isnull=False)
    return qs.extra(order_by=["-" + col])  # want "QuerySet.extra gets SQL built by string concatenation in order_by"


def with_age(unit):
    return Customer.objects.all().extra(select={"age": "now() - created %s" % unit})  # want "QuerySet.extra gets SQL built with % formatting in select"


def custom_where(clauses):
    return Customer.objects.extra(where=clauses)  # want "QuerySet.extra gets SQL taken from a variable in where; check that it is fixed text"


def positional(table):
    return Customer.objects.extra(None, ["id > 0"], None, [table])  # want "QuerySet.extra gets SQL taken from a variable in tables"


# Negatives: constant fragments with params, and extra() on other objects.
def negatives(domain, form):
    Customer.objects.extra(where=["email LIKE %s"], params=["%@" + domain])
    Customer.objects.extra(select={"is_new": "created > now() - interval '1 day'"})
    Customer.objects.extra(order_by=["-created"])
    form.extra()
