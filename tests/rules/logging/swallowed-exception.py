import logging

logger = logging.getLogger(__name__)


def track(order, items):
    try:
        order.track()
    # ruleid: logging/swallowed-exception
    except Exception:
        pass
    for item in items:
        try:
            item.sync()
        # ruleid: logging/swallowed-exception
        except:
            continue
    try:
        total = order.total()
    # ruleid: logging/swallowed-exception
    except (ValueError, Exception):
        total = 0
    try:
        order.track()
    # ruleid: logging/swallowed-exception
    except BaseException as exc:
        ...
    return total


def fine(order):
    try:
        order.track()
    # ok: logging/swallowed-exception
    except Exception:
        logger.exception("Tracking failed for order %s", order.id)
    try:
        order.track()
    # ok: logging/swallowed-exception
    except Exception:
        raise
    try:
        order.track()
    # ok: logging/swallowed-exception
    except Exception:
        return None
    try:
        order.track()
    # ok: logging/swallowed-exception
    except Exception as exc:
        order.errors = [exc]
    try:
        order.track()
    # ok: logging/swallowed-exception
    except Exception:
        order.mark_failed()
    try:
        order.track()
    # ok: logging/swallowed-exception
    except ValueError:
        pass
    try:
        body = order.response.json()
    # a computed fallback handles the failure
    # ok: logging/swallowed-exception
    except Exception:
        body = order.response.text
    try:
        import ujson as json
    # ok: logging/swallowed-exception
    except Exception:
        json = None
    return json, body
