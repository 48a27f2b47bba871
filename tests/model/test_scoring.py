"""Which part of the data is scored: the held-out part whenever there is one."""

from nnsim.engine import datasets
from nnsim.model.scoring import HELD_OUT, TRAINING, choose_part, data_parts


def test_the_held_out_part_comes_first_and_is_the_default():
    train, held = datasets.iris().split(0.2, rng=0)
    parts = data_parts(train, held)
    assert [part.kind for part in parts] == [HELD_OUT, TRAINING]
    assert [part.label for part in parts] == [
        "Held-out data (30 samples)",
        "Training data (120 samples)",
    ]
    assert choose_part(parts, None) is parts[0]
    assert choose_part(parts, TRAINING).data is train
    assert "never trained on" in parts[0].sentence and "30 samples" in parts[0].sentence


def test_without_a_held_out_part_only_the_training_part_is_offered():
    data = datasets.iris()
    empty = data.subset(slice(0, 0))
    for validation in (None, empty):
        (only,) = data_parts(data, validation)
        assert only.kind == TRAINING and only.label == "Training data (150 samples)"
        assert choose_part((only,), HELD_OUT) is only, "a choice no longer possible falls back"
