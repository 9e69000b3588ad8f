"""Session helpers."""
import logging
import sys

logger = logging.getLogger(__name__)


def current_user(token):
    try:
        return authenticate(token)
    except:  # want `bare except catches SystemExit and KeyboardInterrupt`
        return None


def worker(queue):
    while True:
        try:
            handle(queue.get())
        except BaseException as exc:  # want `except BaseException catches SystemExit`
            logger.error("job failed: %s", exc)


def safe_close(conn):
    try:
        conn.close()
    except:
        logger.exception("close failed")
        raise
    try:
        conn.commit()
    except BaseException:
        conn.rollback()
        if conn.strict:
            raise
    try:
        conn.flush()
    except Exception:
        logger.exception("flush failed")
    try:
        conn.release()
    except OSError:
        sys.exit(1)
    try:
        conn.reset()
    except:
        pass
