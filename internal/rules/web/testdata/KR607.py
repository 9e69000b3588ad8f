"""Views of the accounts app."""
from django.http import JsonResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from flask import Blueprint, Flask
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
csrf = CSRFProtect(app)
api = Blueprint("api", __name__)


@csrf_exempt  # want `view change_email is exempt from CSRF protection \(@csrf_exempt\)`
def change_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return JsonResponse({"ok": True})


@csrf_exempt  # want `view stripe_webhook is exempt`
def stripe_webhook(request):
    return JsonResponse({"received": True})


@method_decorator(csrf_exempt, name="dispatch")  # want `class-based view is exempt from CSRF protection`
class TransferView(View):
    def post(self, request):
        return JsonResponse({"ok": True})


@app.route("/transfer", methods=["POST"])
@csrf.exempt  # want `view transfer is exempt from CSRF protection \(@csrf.exempt\)`
def transfer():
    return "ok"


csrf.exempt(api)  # want `view api is exempt from CSRF protection \(csrf.exempt\)`

urlpatterns = [
    path("transfer/", csrf_exempt(TransferView.as_view())),  # want `view TransferView is exempt`
]


# Safe: protected views and unrelated decorators named exempt.
@csrf_protect
def update_profile(request):
    return JsonResponse({"ok": True})


@limiter.exempt
def health():
    return "ok"


@method_decorator(csrf_protect, name="dispatch")
class ProfileView(View):
    pass
