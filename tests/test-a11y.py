#!/usr/bin/env python3
# What a screen reader finds in each section: runs the real executable with
# the example data and GTK's AT-SPI backend, switches through the five
# sections as a user of the accessibility API would (the view switcher's
# tabs), opens a record in each list, opens every menu button's popover, and
# walks the accessibility tree each time. Fails on any button, toggle, entry,
# combo box, check box or list item that is showing and has no name, or whose
# name is only the widget's type or still carries a mnemonic underscore.
#
# Needs a display and a session bus (xvfb-run … dbus-run-session); the
# AT-SPI bus is started on demand by at-spi-bus-launcher.
import os
import re
import subprocess
import sys
import tempfile

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402
import pyatspi  # noqa: E402

exe = os.environ['RK_EXECUTABLE']

# The roles of what a user operates, as GTK 4.8 names them on AT-SPI.
INTERACTIVE = {
    'push button', 'toggle button', 'check box', 'radio button', 'entry',
    'password text', 'text', 'combo box', 'list item', 'spin button',
    'slider', 'switch', 'menu item', 'check menu item', 'radio menu item',
    'link', 'page tab', 'tree item', 'table cell',
    # and what holds them, so that a user knows which list is which
    'list', 'tree', 'table',
}

# GTK 4.8 reports a widget without a name by its type name.
TYPE_NAME = re.compile(r'^(Gtk|Adw|Rk)[A-Z]\w*$')
# "_New Project": a mnemonic that reached the name unstripped.
MNEMONIC = re.compile(r'(^|\s)_\w')
# "New Report New Report": a label property and a labelling widget.
DOUBLED = re.compile(r'^(.+) \1$')

SECTIONS = [
    # page tab titles (English), the page's type name
    ('Overview', 'RkOverviewPage'),
    ('Projects', 'RkProjectsPage'),
    ('Partners', 'RkPartnersPage'),
    ('Advisory Board', 'RkBoardPage'),
    ('Reports', 'RkReportsPage'),
]

results = []


def tap(ok, name, detail=''):
    results.append(ok)
    print('%s %d %s' % ('ok' if ok else 'not ok', len(results), name))
    for line in detail.splitlines():
        print('# ' + line)
    sys.stdout.flush()


def wait_until(predicate, seconds=30):
    """Checks predicate every 50 ms, with the main loop running in between,
    until it holds or the deadline passes: waiting for a state, not a time."""
    deadline = GLib.get_monotonic_time() + seconds * 1000000
    ctx = GLib.MainContext.default()
    while True:
        try:
            if predicate():
                return True
        except GLib.Error:
            pass
        if GLib.get_monotonic_time() > deadline:
            return False
        GLib.timeout_add(50, lambda: False)
        ctx.iteration(True)


def children(acc):
    out = []
    try:
        n = acc.get_child_count()
    except GLib.Error:
        return out
    for i in range(n):
        try:
            c = acc.get_child_at_index(i)
        except GLib.Error:
            continue
        if c is not None:
            out.append(c)
    return out


def role(acc):
    try:
        return acc.get_role_name()
    except GLib.Error:
        return ''


def name(acc):
    try:
        return acc.get_name() or ''
    except GLib.Error:
        return ''


def extents(acc):
    try:
        e = acc.get_extents(Atspi.CoordType.WINDOW)
        return (e.x, e.y, e.width, e.height)
    except GLib.Error:
        return None


def focusable(acc):
    try:
        return acc.get_state_set().contains(Atspi.StateType.FOCUSABLE)
    except GLib.Error:
        return False


def showing(acc):
    """GTK 4.8 sets no SHOWING state, and a widget that a stack, a leaflet
    or a squeezer no longer shows keeps its last size; but only a mapped
    widget contains a point, so: showing is containing one's own centre."""
    box = extents(acc)
    if box is None:
        # A stack page is no widget and has no geometry: its child decides.
        return True
    if box[2] <= 0 or box[3] <= 0:
        return False
    try:
        return Atspi.Component.contains(acc, box[0] + box[2] // 2, box[1] + box[3] // 2,
                                       Atspi.CoordType.WINDOW)
    except GLib.Error:
        return False


class Walker:
    """Collects what is showing, with the path to each."""

    def __init__(self):
        self.found = []

    def walk(self, acc, path=(), in_combo=False):
        r, n = role(acc), name(acc)
        here = path + ('%s “%s”' % (r, n),)
        # A combo box shows its current value as a list of one item: that
        # is part of the combo box, not a list of its own.
        if not (in_combo and r in ('list', 'list item')):
            self.found.append((acc, r, n, here))
        for kid in children(acc):
            if showing(kid):
                self.walk(kid, here, in_combo or r == 'combo box')


def describe(path):
    return ' > '.join(p for p in path[-6:])


def problems(found):
    """What a screen reader could not name, each once, with a count."""
    out = []
    for acc, r, n, path in found:
        if r not in INTERACTIVE:
            continue
        if not n.strip() or TYPE_NAME.match(n):
            out.append('unnamed %s: %s' % (r, describe(path)))
        elif MNEMONIC.search(n):
            out.append('mnemonic underscore in the name of %s “%s”: %s' % (r, n, describe(path)))
        elif DOUBLED.match(n):
            out.append('name said twice in %s “%s”: %s' % (r, n, describe(path)))
    counted = []
    for problem in dict.fromkeys(out):
        n = out.count(problem)
        counted.append(problem if n == 1 else '%d× %s' % (n, problem))
    return counted


def find(found, wanted_role, wanted_name=None):
    for acc, r, n, _ in found:
        if r == wanted_role and (wanted_name is None or n == wanted_name):
            return acc
    return None


def click(acc):
    # A button's first action is "click".
    return Atspi.Action.do_action(acc, 0)


def find_app(desktop):
    for app in children(desktop):
        if name(app) == 'ruhr-konferenz':
            return app
    return None


def main():
    desktop = Atspi.get_desktop(0)
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, XDG_DATA_HOME=home, XDG_CONFIG_HOME=home,
                   GTK_A11Y='atspi', LANGUAGE='en', LC_ALL='C.UTF-8')
        loaded = subprocess.run([exe, '--load-example-data'], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        assert loaded.returncode == 0, 'could not load the example data: ' + loaded.stdout
        proc = subprocess.Popen([exe], env=env)
        try:
            state = {}

            def app_ready():
                state['app'] = find_app(desktop)
                frames = [c for c in children(state['app'])
                          if role(c) == 'frame'] if state['app'] else []
                if frames and name(frames[0]) == 'Ruhr-Konferenz':
                    state['frame'] = frames[0]
                    return True
                return False

            assert wait_until(app_ready, 60), 'the app never appeared on the AT-SPI bus'
            run_checks(state['app'], state['frame'])
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
    print('1..%d' % len(results))
    return 0 if all(results) else 1


def walk(root):
    """Everything under root that is showing."""
    root.clear_cache()
    walker = Walker()
    walker.walk(root)
    return walker.found


def check(root, what):
    found = walk(root)
    bad = problems(found)
    tap(not bad, what, '\n'.join(bad))
    return found


def search(root, predicate, depth=12):
    """The first node under root, shown or not, for which predicate holds."""
    if predicate(root):
        return root
    if depth == 0:
        return None
    for kid in children(root):
        hit = search(kid, predicate, depth - 1)
        if hit is not None:
            return hit
    return None


def in_window(acc, frame):
    box, window = extents(acc), extents(frame)
    return box is not None and window is not None and box[1] >= 0 and \
        box[1] + box[3] <= window[3] and box[0] >= 0 and box[0] + box[2] <= window[2]


def bring_into_view(acc, frame):
    """Scrolls the view that holds acc until acc is in the window, as a
    user does with its scroll bar (its Value), since GTK 4.8 does not
    scroll for AT-SPI. Returns whether it is in the window then."""
    pane = acc.get_parent()
    while pane is not None and role(pane) != 'scroll pane':
        pane = pane.get_parent()
    if pane is None or in_window(acc, frame):
        return in_window(acc, frame)
    pane_box = extents(pane)
    for bar in children(pane):
        box = extents(bar)
        if role(bar) != 'scroll bar' or box is None or box[3] <= box[2]:
            continue
        for scale in children(bar):
            if 'Value' not in scale.get_interfaces():
                continue
            target = Atspi.Value.get_current_value(scale) + extents(acc)[1] - \
                pane_box[1] - pane_box[3] // 2
            target = max(Atspi.Value.get_minimum_value(scale),
                         min(target, Atspi.Value.get_maximum_value(scale)))
            Atspi.Value.set_current_value(scale, target)
    return wait_until(lambda: in_window(acc, frame), 10)


def check_popovers(found, what, depth=0, frame=None):
    """Opens the popover of each menu button in found, checks what it
    shows, does the same for the menu buttons inside it, and closes it."""
    for acc, r, n, path in found:
        # A GtkMenuButton is a button holding a toggle button and, beside
        # it, the popover.
        parent = acc.get_parent()
        if r not in ('push button', 'toggle button') or parent is None or \
           role(parent) not in ('push button', 'toggle button'):
            continue
        if not acc.get_state_set().contains(Atspi.StateType.SENSITIVE):
            continue
        # A popover opens beside its button: the button is to be in sight.
        if frame is not None and not bring_into_view(acc, frame):
            tap(False, '%s: “%s” can be scrolled into view' % (what, name(parent)))
            continue
        click(acc)

        index = acc.get_index_in_parent()

        def popover():
            for i, kid in enumerate(children(parent)):
                if i != index and showing(kid):
                    return kid
            return None
        label = '%s: the popover of “%s”' % (what, name(parent))
        # Shown, and its content laid out.
        if not wait_until(lambda: popover() is not None and
                          any(showing(kid) for kid in children(popover())), 10):
            tap(False, label + ' opens')
            continue
        inside = check(popover(), label)
        if depth == 0:
            check_popovers(inside, label, depth + 1)
        click(acc)
        wait_until(lambda: popover() is None, 10)


def select_first(root, list_name):
    found = walk(root)
    lst = find(found, 'list', list_name)
    assert lst is not None, 'no list “%s” showing' % list_name
    Atspi.Selection.select_child(lst, 0)


def toplevels(app):
    return [kid for kid in children(app) if role(kid) in ('frame', 'dialog', 'window', 'alert')]


def run_checks(app, frame):
    for tab, page_type in SECTIONS:
        what = 'section %s' % tab
        button = find(walk(frame), 'page tab', tab)
        assert button is not None, 'no tab “%s” in the view switcher' % tab
        click(button)
        page = search(frame, lambda acc: name(acc) == page_type)
        assert wait_until(lambda: showing(page)), 'the %s section did not show' % tab
        found = check(frame, what)

        if tab == 'Projects':
            select_first(page, 'Projects')
            assert wait_until(lambda: find(walk(page), 'push button', 'Add Milestone')), \
                'no project opened'
            what += ', a project open'
        elif tab == 'Partners':
            select_first(page, 'Partner Organisations')
            assert wait_until(lambda: find(walk(page), 'push button', 'Delete Organisation')
                              .get_state_set().contains(Atspi.StateType.SENSITIVE)), \
                'no organisation opened'
            what += ', an organisation open'
        elif tab == 'Advisory Board':
            select_first(page, 'Notes')
            what += ', a note open'
        elif tab == 'Reports':
            before = len(toplevels(app))
            click(find(found, 'push button', 'New Report'))
            assert wait_until(lambda: len(toplevels(app)) > before), 'no dialog asked for the report'
            dialog = toplevels(app)[-1]
            dialog_found = check(dialog, what + ': the New Progress Report dialog')
            click(find(dialog_found, 'push button', 'Create'))
            assert wait_until(lambda: find(walk(page), 'list item') is not None), \
                'no report was made'
            what += ', a report open'
        if tab != 'Overview':
            found = check(frame, what)
        check_popovers(found, what, frame=frame)

        if tab == 'Projects':
            check_undo_toast(frame, page)

        if tab == 'Advisory Board':
            for mode, list_name in (('Members', 'Board Members'), ('Meetings', 'Meetings')):
                click(find(walk(page), 'toggle button', mode) or find(walk(page), 'page tab', mode))
                assert wait_until(lambda: find(walk(page), 'list', list_name) is not None), \
                    'the %s list did not show' % mode
                select_first(page, list_name)
                found = check(frame, what.replace('a note', 'one of the %s' % mode.lower()))
                check_popovers(found, what.replace('a note', 'one of the %s' % mode.lower()), frame=frame)

    check_preferences(app, frame)


def check_undo_toast(frame, page):
    """Deletes the open project: the toast that says so, and its Undo
    button, are named; Undo brings the project back."""
    projects = find(walk(page), 'list', 'Projects')
    before = len(children(projects))
    click(find(walk(page), 'push button', 'Delete Project'))

    def toast():
        return search(frame, lambda acc: name(acc) == 'AdwToastWidget' and showing(acc))
    assert wait_until(lambda: toast() is not None), 'no toast after deleting a project'
    found = check(toast(), 'the toast after deleting a project')
    undo = find(found, 'push button')
    tap(undo is not None and name(undo) == 'Undo', 'the toast offers “Undo”, read as such',
        'found %r' % (name(undo) if undo is not None else None))
    if undo is not None:
        click(undo)
    assert wait_until(lambda: len(children(find(walk(page), 'list', 'Projects'))) == before), \
        'Undo did not bring the project back'


def check_preferences(app, frame):
    """The Preferences window, as the main menu opens it."""
    before = len(toplevels(app))
    menu = find(walk(frame), 'push button', 'Main Menu')
    toggle = children(menu)[0]
    click(toggle)
    assert wait_until(lambda: len(children(menu)) > 1 and showing(children(menu)[1])), \
        'the main menu did not open'
    item = find(walk(children(menu)[1]), 'menu item', 'Preferences')
    assert item is not None, 'no Preferences in the main menu'
    click(item)
    assert wait_until(lambda: len(toplevels(app)) > before), 'no Preferences window opened'
    window = toplevels(app)[-1]
    assert name(window) == 'Preferences', name(window)
    found = check(window, 'the Preferences window')
    check_popovers(found, 'the Preferences window')


if __name__ == '__main__':
    sys.exit(main())
