"""Batch import of uploaded rows."""
import csv
import logging

logger = logging.getLogger(__name__)


def import_rows(path):
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                apply_payment(row)
            except Exception:  # want `except Exception with only continue silently skips every error`
                continue
            try:
                grant_access(row)
            except:  # want `bare except with only continue`
                continue


def lenient(rows):
    for row in rows:
        try:
            amount = int(row["amount"])
        except (KeyError, ValueError):
            continue
        try:
            apply_payment(row)
        except Exception as exc:
            logger.warning("row %s skipped: %s", row.get("id"), exc)
            continue
        try:
            refund(amount)
        except Exception:
            pass
