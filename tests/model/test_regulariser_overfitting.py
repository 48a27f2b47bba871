"""The regularisers the comparison offers do regularise, on the overfitting case its dialog
suggests: 20 training moons (noise 0.35), 20 held out, a 2-24-24-1 network, 1,500 epochs."""

import numpy as np
import pytest

from nnsim.engine import MLP, train
from nnsim.model.run_data import training_data
from nnsim.model.settings import Settings

SEEDS = range(4)


def held_out_error(seed: int, **regulariser) -> float:
    settings = Settings(dataset="moons", samples=40, noise=0.35, validation_share=0.5,
                        seed=seed, optimizer="adam", learning_rate=0.01, loss="bce",
                        max_epochs=1500, use_target_error=False, **regulariser)  # fmt: skip
    data, validation = training_data(settings)
    net = MLP((2, 24, 24, 1), activation="tanh", output_activation="sigmoid", loss="bce",
              rng=seed)  # fmt: skip
    for _ in train(net, data, settings.training_config(), validation=validation):
        pass
    return net.loss_value(validation.X, validation.T)


@pytest.fixture(scope="module")
def unregularised():
    return np.mean([held_out_error(seed) for seed in SEEDS])


@pytest.mark.parametrize("regulariser", [{"l2": 0.01}, {"input_noise": 0.2}])
def test_the_regularised_runs_held_out_error_is_lower(unregularised, regulariser):
    """Measured: a mean held-out bce of 1.11 unregularised over the four seeds (one seed's
    split happens to be easy: 0.006), 0.34 with L2 0.01 and 0.40 with input noise 0.2.  The
    mean over seeds, with a wide margin, holds on any CPU; a single seed's fate would not."""
    regularised = np.mean([held_out_error(seed, **regulariser) for seed in SEEDS])
    assert regularised < 0.7 * unregularised
