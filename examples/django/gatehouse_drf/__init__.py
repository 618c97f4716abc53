"""Django REST framework authentication with Gatehouse access tokens (see authentication.py)."""
