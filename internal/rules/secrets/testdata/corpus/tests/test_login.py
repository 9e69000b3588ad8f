"""Login tests (made up for the corpus test): credentials in tests are reported at low confidence."""
import pytest

ADMIN_PASSWORD = "Adm1n-Test-Pass!"  # planted
WRONG_PASSWORD = "not-the-password"  # decoy


@pytest.fixture
def client(app):
    c = app.test_client()
    c.login(username="admin", password="Adm1n-Fixture-2!")  # planted
    return c


def test_login_rejects_empty(client):
    assert client.login(username="admin", password="") is False  # decoy


def test_login_rejects_placeholder(client):
    assert client.login(username="admin", password="password") is False  # decoy
