"""A Django REST framework authentication class that trusts Gatehouse access tokens.

The service verifies each `Authorization: Bearer <accessToken>` offline: the signature against
Gatehouse's published keys (GET /.well-known/jwks.json, RS256 or ES256, fetched by PyJWT's
PyJWKClient and cached), then `iss`, `aud` and `exp`. No Django user table is needed: the request
gets a GatehouseUser built from the claims (`sub`, and `role`, `groups`, `permissions` when
Gatehouse's JWT_INCLUDE_CLAIMS puts them in the token).

Offline verification cannot see a revoked session (logout, password change, an admin's
deactivation): a token stays valid here until it expires (ACCESS_TOKEN_TTL_SECONDS). A service
that must know at once asks Gatehouse instead (the `verifyAccessToken` query).

Settings (all but JWKS_URL, ISSUER and AUDIENCE have defaults):

    GATEHOUSE_AUTH = {
        "JWKS_URL": "https://auth.example.com/.well-known/jwks.json",
        "ISSUER": "https://auth.example.com",   # Gatehouse's JWT_ISSUER
        "AUDIENCE": "orders-api",               # Gatehouse's JWT_AUDIENCE
        "ALGORITHMS": ["RS256", "ES256"],       # never HS256: its secret is not published
        "LEEWAY_SECONDS": 0,                    # clock skew allowed on exp
        "JWKS_CACHE_SECONDS": 300,              # how long the key set is kept
    }
    REST_FRAMEWORK = {"DEFAULT_AUTHENTICATION_CLASSES": ["gatehouse_drf.authentication.GatehouseJWTAuthentication"]}

Requires Django REST framework and PyJWT with its crypto extra (`pip install "pyjwt[crypto]"`,
or Debian's python3-jwt and python3-cryptography).
"""
import inspect
import threading

import jwt
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from django.conf import settings
from rest_framework import authentication, exceptions

DEFAULTS = {"ALGORITHMS": ["RS256", "ES256"], "LEEWAY_SECONDS": 0, "JWKS_CACHE_SECONDS": 300}

# Claims every Gatehouse access token has; a token without one of them is not Gatehouse's.
REQUIRED_CLAIMS = ["sub", "sid", "iss", "aud", "iat", "exp"]


class GatehouseUser:
    """The signed-in user as the token describes it: enough for DRF's permission classes."""

    is_authenticated = True
    is_anonymous = False
    is_active = True  # Gatehouse signs no token for an inactive account.

    def __init__(self, claims):
        self.id = self.pk = claims["sub"]
        self.session_id = claims["sid"]
        # Gatehouse puts no address in its tokens today; a claim named `email` is used if present.
        self.email = claims.get("email")
        self.role = claims.get("role")  # "USER", "STAFF" or "ADMIN" with JWT_INCLUDE_CLAIMS=role
        self.is_superuser = self.role == "ADMIN"
        self.is_staff = self.role in ("STAFF", "ADMIN")
        self.groups = tuple(claims.get("groups") or ())
        self.permissions = frozenset(claims.get("permissions") or ())
        self.claims = claims

    @property
    def username(self):
        return self.id

    def has_perm(self, perm, obj=None):
        """Django's spelling: "app_label.codename", the names Gatehouse uses too."""
        return self.is_superuser or perm in self.permissions

    def has_perms(self, perms, obj=None):
        return all(self.has_perm(perm, obj) for perm in perms)

    def __str__(self):
        return self.id


def _config():
    config = {**DEFAULTS, **getattr(settings, "GATEHOUSE_AUTH", {})}
    missing = [key for key in ("JWKS_URL", "ISSUER", "AUDIENCE") if not config.get(key)]
    if missing:
        raise RuntimeError(f"settings.GATEHOUSE_AUTH needs {', '.join(missing)}")
    bad = [alg for alg in config["ALGORITHMS"] if alg not in ("RS256", "ES256")]
    if bad:
        # HS256 (or `none`) here would let anyone who knows the public key sign tokens.
        raise RuntimeError(f"GATEHOUSE_AUTH ALGORITHMS may hold RS256 and ES256 only, not {bad}")
    return config


JWKS_TIMEOUT_SECONDS = 5

_clients = {}
_clients_lock = threading.Lock()


def _jwks_client(url, cache_seconds):
    """One PyJWKClient per URL and process: it caches the key set and re-fetches it for an unknown `kid` (a key rotation)."""
    with _clients_lock:
        if url not in _clients:
            options = {"cache_jwk_set": True, "lifespan": cache_seconds}
            # A Gatehouse that does not answer must not hold a worker forever; PyJWT 2.7+ takes a
            # timeout (older versions, such as Debian 12's 2.6, wait as long as the socket does).
            if "timeout" in inspect.signature(jwt.PyJWKClient.__init__).parameters:
                options["timeout"] = JWKS_TIMEOUT_SECONDS
            _clients[url] = jwt.PyJWKClient(url, **options)
        return _clients[url]


def _algorithm_of(key):
    """The one algorithm a key may verify with, from its type, so a token cannot choose another."""
    if isinstance(key, rsa.RSAPublicKey):
        return "RS256"
    if isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name == "secp256r1":
        return "ES256"
    return None


class GatehouseJWTAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer <Gatehouse access token>`; no header: anonymous (DRF's permission classes decide)."""

    keyword = "Bearer"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Malformed Authorization header.")
        try:
            token = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed("Invalid token.")
        claims = self.verify(token)
        return GatehouseUser(claims), claims

    def verify(self, token):
        """The token's claims once signature, algorithm, iss, aud and exp hold; AuthenticationFailed otherwise."""
        config = _config()
        try:
            key = _jwks_client(config["JWKS_URL"], config["JWKS_CACHE_SECONDS"]).get_signing_key_from_jwt(token).key
            algorithm = _algorithm_of(key)
            if algorithm not in config["ALGORITHMS"]:
                raise exceptions.AuthenticationFailed("Invalid token.")
            claims = jwt.decode(
                token,
                key,
                algorithms=[algorithm],
                issuer=config["ISSUER"],
                audience=config["AUDIENCE"],
                leeway=config["LEEWAY_SECONDS"],
                options={"require": REQUIRED_CLAIMS},
            )
        except jwt.ExpiredSignatureError:
            raise exceptions.AuthenticationFailed("Token expired.", code="token_expired")
        except jwt.PyJWTError:
            # A bad signature, issuer or audience, a malformed token, an unknown `kid` (also after a
            # fresh fetch of the key set), or a key set that could not be fetched: the caller learns no more.
            raise exceptions.AuthenticationFailed("Invalid token.")
        if not isinstance(claims.get("sub"), str) or not isinstance(claims.get("sid"), str):
            raise exceptions.AuthenticationFailed("Invalid token.")
        return claims

    def authenticate_header(self, request):
        # A value here makes DRF answer 401 (with WWW-Authenticate) rather than 403 to a refused or missing token.
        return 'Bearer realm="api"'
