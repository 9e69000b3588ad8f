"""Account helpers: password resets, invitations and a few games."""
import random
import string
from random import choice, randint as rint

ALPHABET = string.ascii_letters + string.digits


def generate_reset_token():
    return "".join(random.choice(ALPHABET) for _ in range(32))  # want "makes the security value generate_reset_token predictable"


def create_membership(user):
    code = "".join(random.choice(string.ascii_uppercase) for _ in range(8))  # want "builds a random string"
    user.invite_token = random.getrandbits(128)  # want "security value invite_token"
    session = {"csrf": random.randint(0, 2**64)}  # want "security value csrf"
    user.set_password(str(random.random()))  # want "security value set_password"
    otp = rint(100000, 999999)  # want "security value otp"
    return code, session, otp


def send_sms(phone):
    return sms_gateway(phone, pin=choice("0123456789"))  # want "security value pin"


def scramble(password_chars):
    random.shuffle(password_chars)  # want "picks from a secret's alphabet"
    return password_chars


def generate_password(length=12):
    chars = string.ascii_letters + string.digits + string.punctuation
    return "".join(random.sample(chars, length))  # want "security value generate_password"


def register_client(user):
    import uuid

    user.api_key = str(uuid.uuid1())  # want "uuid.uuid1 makes the security value api_key"
    request_id = uuid.uuid1()
    return request_id


def backoff(attempt):
    return min(60, 2**attempt) + random.uniform(0, 1)  # want "random.uniform is not cryptographically secure"


def pick_quote(quotes):
    return random.choice(quotes)  # want "random.choice is not cryptographically secure"


def shuffled(items):
    return sorted(items, key=lambda _: random.random())  # want "random.random is not cryptographically secure"


# Safe: the secrets module, SystemRandom, numpy and other random attributes.
import secrets  # noqa: E402
import numpy as np  # noqa: E402


def good_token():
    token = secrets.token_urlsafe(32)
    pin = secrets.randbelow(10**6)
    key = random.SystemRandom().choice(ALPHABET)
    return token, pin, key


def simulation(n):
    noise = np.random.randint(0, 10, size=n)
    return noise


class Deck:
    def shuffle(self, cards):
        return cards


def deal(deck, cards, rng):
    deck.shuffle(cards)
    return rng.choice(cards)
