"""A tiny Django + DRF service that trusts Gatehouse (settings in code, no database), for the test
(test/integration/django-drf.test.ts) and as a starting point.

usage: GATEHOUSE_JWKS_URL=... GATEHOUSE_ISSUER=... GATEHOUSE_AUDIENCE=... python3 demo.py [PORT]
It serves on 127.0.0.1 (port 0: one the OS picks) and prints "listening on http://127.0.0.1:PORT".
"""
import os
import sys
from wsgiref.simple_server import WSGIRequestHandler, make_server

import django
from django.conf import settings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

settings.configure(
    DEBUG=False,
    SECRET_KEY="demo-only",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "rest_framework"],
    DATABASES={},
    GATEHOUSE_AUTH={
        "JWKS_URL": os.environ["GATEHOUSE_JWKS_URL"],
        "ISSUER": os.environ["GATEHOUSE_ISSUER"],
        "AUDIENCE": os.environ["GATEHOUSE_AUDIENCE"],
    },
    REST_FRAMEWORK={
        "DEFAULT_AUTHENTICATION_CLASSES": ["gatehouse_drf.authentication.GatehouseJWTAuthentication"],
        "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
        # No Django user table: an anonymous request gets None, not django.contrib.auth's AnonymousUser.
        "UNAUTHENTICATED_USER": None,
    },
)
django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.urls import path  # noqa: E402
from rest_framework.permissions import BasePermission, IsAdminUser  # noqa: E402
from rest_framework.response import Response  # noqa: E402
from rest_framework.views import APIView  # noqa: E402


def describe(user):
    return {
        "id": user.id,
        "email": user.email,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "role": user.role,
        "groups": list(user.groups),
        "permissions": sorted(user.permissions),
    }


class WhoAmI(APIView):
    def get(self, request):
        return Response(describe(request.user))


class StaffOnly(APIView):
    permission_classes = [IsAdminUser]  # DRF's check of user.is_staff, here from the `role` claim

    def get(self, request):
        return Response({"staff": True, "id": request.user.id})


class CanApproveWorkOrders(BasePermission):
    def has_permission(self, request, view):
        return bool(request.user and request.user.has_perm("maintenance.approve_workorder"))


class Approvals(APIView):
    permission_classes = [CanApproveWorkOrders]  # from the `permissions` claim

    def get(self, request):
        return Response({"approver": request.user.id})


urlpatterns = [
    path("api/whoami", WhoAmI.as_view()),
    path("api/staff-only", StaffOnly.as_view()),
    path("api/approvals", Approvals.as_view()),
]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        sys.stderr.write("%s\n" % (format % args))


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    with make_server("127.0.0.1", port, get_wsgi_application(), handler_class=QuietHandler) as server:
        print(f"listening on http://127.0.0.1:{server.server_port}", flush=True)
        server.serve_forever()
