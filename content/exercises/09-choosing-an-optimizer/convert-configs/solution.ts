/**
 * Four optimizers configured in another library. For each, give the options of
 * the engine's PyTorch-convention optimizer (named after "engine:") that reproduce
 * its trajectory step for step. The formulas are transcribed from Keras 3.15 and
 * tfjs-core 4.22; every conversion here is exact.
 */

/**
 * 1. Keras: keras.optimizers.Adagrad(learning_rate=0.05)
 *    engine: adagrad
 *    Defaults initial_accumulator_value=0.1, epsilon=1e-7:
 *    G ← G + g² (G starts at 0.1);  θ ← θ − η·g / √(G + ε)
 */
// √(G + ε) with G starting at 0.1 is √G' with G' starting at 0.1 + ε, and no ε at all.
export const adagradOptions = { lr: 0.05, initialAccumulatorValue: 0.1 + 1e-7, eps: 0 };

/**
 * 2. TF.js: tf.train.rmsprop(0.01, 0.9, 0, 0)
 *    engine: rmsprop
 *    Arguments: learningRate, decay, momentum, epsilon.
 *    v ← decay·v + (1 − decay)·g²;  θ ← θ − η·g / √(v + ε)
 */
// TF.js' decay is PyTorch's alpha; with ε = 0, inside or outside the root is the same thing.
export const rmspropOptions = { lr: 0.01, alpha: 0.9, eps: 0 };

/**
 * 3. Keras: keras.optimizers.SGD(learning_rate=0.05, momentum=0.9, nesterov=True)
 *    engine: sgd
 *    m ← μ·m − η·g;  θ ← θ + μ·m − η·g   (a constant learning rate)
 */
// With a constant η, Keras' velocity m is −η times PyTorch's buffer b: the same path.
export const sgdOptions = { lr: 0.05, momentum: 0.9, nesterov: true };

/**
 * 4. TF.js: tf.train.adam(0.02)
 *    engine: adam
 *    Defaults beta1=0.9, beta2=0.999, epsilon = the backend's (1e-7 in float32):
 *    θ ← θ − η·m̂ / (√v̂ + ε)
 */
// TF.js computes the documentation's form, which is PyTorch's up to rounding; only ε differs.
export const adamOptions = { lr: 0.02, eps: 1e-7 };
