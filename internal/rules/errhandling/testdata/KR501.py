"""Background jobs for the payments service."""
import json
import logging

logger = logging.getLogger(__name__)


def verify(payload, signature):
    try:
        check_signature(payload, signature)
    except Exception:  # want `except Exception with only pass silently discards every error`
        pass
    try:
        charge(payload)
    except:  # want `bare except with only pass`
        pass
    try:
        refund(payload)
    except (ValueError, BaseException):  # want `except BaseException with only pass`
        ...
    try:
        notify(payload)
    except Exception as exc:  # want `except Exception with only pass`
        "best effort; the notifier is optional"
        pass


def tolerant(payload):
    # Narrow handlers are idiomatic.
    try:
        return json.loads(payload)["id"]
    except KeyError:
        pass
    except (ValueError, TypeError):
        pass
    try:
        import ujson
    except ImportError:
        ujson = None
    try:
        cleanup(payload)
    except Exception:
        logger.exception("cleanup failed")
    try:
        archive(payload)
    except Exception:
        raise
    return ujson


def local_shadow(payload, errors):
    Exception = errors.RetryableError
    try:
        archive(payload)
    except Exception:
        pass
