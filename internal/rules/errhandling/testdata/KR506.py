"""Views that report errors to the client."""
import logging
import sys
import traceback

from django.contrib import messages
from django.http import HttpResponseServerError, JsonResponse
from fastapi import APIRouter, HTTPException
from flask import Blueprint, abort, flash, jsonify, make_response
from flask.views import MethodView

bp = Blueprint("orders", __name__)
router = APIRouter()
logger = logging.getLogger(__name__)


@bp.route("/orders/<int:order_id>")
def order(order_id):
    try:
        return jsonify(load_order(order_id))
    except KeyError as e:
        return jsonify(error=str(e)), 404  # want `str\(e\) is sent to the client by flask.jsonify`
    except ValueError as e:
        return {"error": f"bad order: {e}"}, 400  # want `the exception e is returned to the client from view order`
    except Exception:
        return make_response(traceback.format_exc(), 500)  # want `traceback.format_exc\(\) is sent to the client by flask.make_response`


@bp.post("/orders")
def create_order():
    try:
        save_order()
    except Exception as exc:
        detail = repr(exc)
        flash(detail)  # want `detail \(from repr\(exc\)\) is sent to the client by flask.flash`
        abort(500, description=exc.args[0])  # want `exc.args is sent to the client by flask.abort`
    return "", 204


def payment_view(request):
    try:
        charge(request.POST["amount"])
    except Exception as err:
        messages.error(request, "Payment failed: %s" % err)  # want `sent to the client by django.contrib.messages.error`
        return HttpResponseServerError("".join(traceback.format_exception(*sys.exc_info())))  # want `traceback.format_exception\(\) is sent to the client`
    return JsonResponse({"ok": True})


@router.get("/items/{item_id}")
async def read_item(item_id: int):
    try:
        return await fetch_item(item_id)
    except LookupError as e:
        raise HTTPException(status_code=404, detail=str(e))  # want `str\(e\) is sent to the client by fastapi.HTTPException`


class OrderAPI(MethodView):
    def get(self, order_id):
        try:
            return load_order(order_id)
        except Exception as e:
            return {"message": e.args}, 500  # want `e.args is returned to the client from view get`


# Safe: logged on the server, generic messages, exceptions that never reach a response.
@bp.route("/health")
def health():
    try:
        ping_database()
    except Exception as e:
        logger.exception("health check failed: %s", e)
        return jsonify(error="internal error"), 500
    except TimeoutError as e:
        return jsonify(error=type(e).__name__, code=e.errno), 503
    return jsonify(ok=True)


def parse_amount(text):
    try:
        return int(text)
    except ValueError as e:
        return str(e)


def report_failure(job):
    try:
        job.run()
    except Exception:
        logger.error(traceback.format_exc())
        return traceback.format_exc()


@bp.route("/export")
def export():
    try:
        data = build_export()
    except Exception as e:
        def describe():
            return str(e)
        logger.warning(describe())
        data = None
    return jsonify(data=data)


class ExceptionReporterFilter:
    def cleanse(self, request, value):
        try:
            return check(value)
        except Exception as e:
            return "{!r} while evaluating {!r}".format(e, value)
