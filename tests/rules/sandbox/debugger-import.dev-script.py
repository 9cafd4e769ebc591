# onramp-path: scripts/replay_events.py
# Developer scripts may drop into a debugger on a crash.
import ipdb  # ok: sandbox/debugger-import


def replay(events):
    for event in events:
        try:
            event.apply()
        except Exception:
            ipdb.post_mortem()
