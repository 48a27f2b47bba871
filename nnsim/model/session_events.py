"""What a :class:`~nnsim.model.session.Session` tells its views: :class:`SessionEvents`.

Views (the window's, a lesson's, a test's) connect to these psygnal signals
and read the session when one comes; they never ask the window.
"""

from psygnal import Signal, SignalGroup


class SessionEvents(SignalGroup):
    """What a session tells its views.  Every event is emitted in the thread that changed it.

    document_replaced()
        Another network was opened or started: document, settings, classroom and
        memory may all be new; everything shown is stale.
    network_changed(CompiledNetwork)
        A new compiled network (after opening, a reset, a topology change).
    reported(TrainingReport)
        A report arrived; its epochs count from the last reset.
    state_changed(str)
        "ready", "training", "pausing", "paused", "stopped" or "finished".
    rewound(object)
        The weights shown are those of this epoch (an int), or the latest (None).
    weights_changed()
        The weights or the history changed: work no undo holds, unsaved until saved.
    number_set(str, object)
        A weight (target, source) or a bias (target, None) was set by hand: the same
        network and data, other numbers (the views redraw; nothing is laid out again).
        Several set at once (:meth:`Session.set_numbers`) are heard once, naming the first.
    message(str)
        Something the person should read (the status bar shows it): why training ended,
        or could not start; anything a view says with :meth:`Session.say`.
    message_withdrawn(str)
        That message no longer holds: take it away if it is still shown.
    failed(str)
        Training stopped on an error (divergence, bad data); the weights are the last good ones.
    sample_stepped(int)
        :meth:`Session.step_sample` showed a perceptron this row of the data.
    classroom_changed(Classroom)
        What the exercise fixes changed.
    lesson_progressed(LessonProgress, bool)
        The student predicted a number or went on a step in a lesson; True for answers
        to keep (an exercise's lesson).
    probe_changed(object)
        The inputs the neurons' values are shown for: a person's own (the network's
        (n_inputs,) inputs, scaled as the data is), or None for the data rows.
    data_changed()
        The data settings or the person's own data changed, and the network started again
        (``network_changed`` came first, unless the network cannot take the data); or a
        newly opened network cannot take its data.
    """

    document_replaced = Signal()
    network_changed = Signal(object)
    reported = Signal(object)
    state_changed = Signal(str)
    rewound = Signal(object)
    weights_changed = Signal()
    message = Signal(str)
    message_withdrawn = Signal(str)
    failed = Signal(str)
    sample_stepped = Signal(int)
    classroom_changed = Signal(object)
    lesson_progressed = Signal(object, bool)
    number_set = Signal(str, object)
    data_changed = Signal()
    probe_changed = Signal(object)
