#!/usr/bin/env python3
# Starting the app a second time raises the window that is already there:
# the second process hands over to the first and exits, and the first still
# has exactly one window. Runs the real executable on the session bus.
import os
import subprocess
import sys
import tempfile

import gi
gi.require_version('Gio', '2.0')
from gi.repository import Gio, GLib  # noqa: E402

APP_ID = 'org.nrw.RuhrKonferenz'
APP_PATH = '/org/nrw/RuhrKonferenz'
exe = os.environ['RK_EXECUTABLE']


def wait_for_name(bus, seconds=60):
    """Runs a main loop until APP_ID has an owner on the bus."""
    loop = GLib.MainLoop()
    appeared = []

    def on_appeared(*_):
        appeared.append(True)
        loop.quit()

    watch = Gio.bus_watch_name_on_connection(bus, APP_ID, Gio.BusNameWatcherFlags.NONE,
                                             on_appeared, None)
    timeout = GLib.timeout_add_seconds(seconds, loop.quit)
    loop.run()
    Gio.bus_unwatch_name(watch)
    if appeared:
        GLib.source_remove(timeout)
    return bool(appeared)


def wait_until(predicate, seconds=60):
    """Checks predicate every 50 ms, with the main loop running in between,
    until it holds or the deadline passes: waiting for a state, not a time."""
    deadline = GLib.get_monotonic_time() + seconds * 1000000
    ctx = GLib.MainContext.default()
    while not predicate():
        if GLib.get_monotonic_time() > deadline:
            return False
        GLib.timeout_add(50, lambda: False)
        ctx.iteration(True)
    return True


def windows(bus):
    reply = bus.call_sync(APP_ID, APP_PATH + '/window', 'org.freedesktop.DBus.Introspectable',
                          'Introspect', None, GLib.VariantType('(s)'),
                          Gio.DBusCallFlags.NONE, 10000, None)
    info = Gio.DBusNodeInfo.new_for_xml(reply.unpack()[0])
    return sorted(node.path for node in info.nodes)


def main():
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, XDG_DATA_HOME=home, XDG_CONFIG_HOME=home)
        first = subprocess.Popen([exe], env=env)
        try:
            assert wait_for_name(bus), 'the first instance never appeared on the bus'
            assert wait_until(lambda: windows(bus) == ['1']), windows(bus)

            # The default database, in a private folder (opened right
            # after the window's first frame).
            folder = os.path.join(home, 'ruhr-konferenz')
            assert wait_until(lambda: os.path.isfile(os.path.join(folder, 'ruhr-konferenz.db')))
            assert os.stat(folder).st_mode & 0o777 == 0o700

            second = subprocess.run([exe], env=env, timeout=60)
            assert second.returncode == 0, second.returncode
            assert first.poll() is None, 'the first instance went away'
            assert windows(bus) == ['1'], 'a second window was opened: %s' % windows(bus)

            bus.call_sync(APP_ID, APP_PATH, 'org.gtk.Actions', 'Activate',
                          GLib.Variant('(sava{sv})', ('quit', [], {})), None,
                          Gio.DBusCallFlags.NONE, 10000, None)
            assert first.wait(timeout=60) == 0
        finally:
            if first.poll() is None:
                first.kill()
    print('ok 1 /app/single-instance')
    print('1..1')


if __name__ == '__main__':
    main()
